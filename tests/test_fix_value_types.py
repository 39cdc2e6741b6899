"""Issue 11, 1b: enum versus int. A safe fix never turns an int into an `http.HTTPStatus` member, or back,
where more than a converting status slot or a comparison sees the value (str() and `%s` on Python 3.10,
repr everywhere, attributes, YAML). The rules make such fixes unsafe; the verifier refuses them anyway."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
from fixing import fix, outcome

from flake8_http_status.analysis.value_uses import ValueUses, status_sites, unrebound
from flake8_http_status.engine import analyse
from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer.errors import FixError, FixFailure
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent
from flake8_http_status.options import Settings

_SETTINGS = Settings().replace(target_python=(3, 10), starlette_renamed=False)


def _fixes(source: str, code: str, settings: Settings = _SETTINGS) -> dict[int, FixSafety]:
    """The fix safety of each `code` finding, by line."""
    findings = analyse(ast.parse(source), split_lines(source), "example.py", settings)
    return {f.start.line: f.fix.safety for f in findings if f.code == code and f.fix is not None}


# Literals turned into HTTPStatus (HTS001, HTS002) ---------------------------------------------------------------

NINJA = """from ninja import NinjaAPI, Status

api = NinjaAPI()


@api.get("/items/{item_id}", response={200: dict, 404: dict})
def show(request, item_id: int):
    if item_id:
        return Status(404, {"detail": "missing"})
    return 404, {"detail": "missing"}


def test_show(client):
    assert client.get("/items/1").status_code == 404
"""


def test_ninja_statuses_that_ninja_keeps_are_unsafe_and_the_comparison_stays_safe() -> None:
    # Status(404, ...) and a status-first tuple reach Django's logs and the serialiser context as the object;
    # response={...} keys reach the OpenAPI schema (yaml.safe_dump refuses an HTTPStatus key).
    assert _fixes(NINJA, "HTS001") == {6: FixSafety.UNSAFE, 9: FixSafety.UNSAFE, 10: FixSafety.UNSAFE}
    assert _fixes(NINJA, "HTS002") == {14: FixSafety.SAFE}
    result = outcome(NINJA)
    assert result.held_back == 4  # the two keys, Status(...) and the tuple
    fixed = fix(NINJA)
    assert "Status(404," in fixed and "return 404," in fixed and "{200: dict, 404: dict}" in fixed
    assert "status_code == HTTPStatus.NOT_FOUND" in fixed


def test_connexion_problem_exception_keeps_the_status_so_its_fix_is_unsafe() -> None:
    source = (
        "from connexion.exceptions import ProblemException\nfrom flask import abort\n\n\n"
        "def show(item):\n    if item:\n        abort(404)\n"
        '    raise ProblemException(status=404, title="missing")\n'
    )
    assert _fixes(source, "HTS001") == {7: FixSafety.SAFE, 8: FixSafety.UNSAFE}
    fixed = fix(source)
    assert "abort(HTTPStatus.NOT_FOUND)" in fixed and "ProblemException(status=404," in fixed


def test_frameworks_that_convert_at_once_keep_safe_fixes() -> None:
    source = (
        "from django.http import HttpResponse, JsonResponse\n\n\n"
        "def show(request):\n    if request.GET:\n        return JsonResponse({}, status=404)\n"
        '    return HttpResponse("x", status=201)\n'
    )
    assert _fixes(source, "HTS001") == {6: FixSafety.SAFE, 7: FixSafety.SAFE}


def test_a_kept_status_on_a_class_attribute_is_unsafe() -> None:
    source = "from aiohttp import web\n\n\nclass Gone(web.HTTPException):\n    status_code = 410\n"
    assert _fixes(source, "HTS001") == {5: FixSafety.UNSAFE}


# HTS004: enum to int and back -----------------------------------------------------------------------------------

FASTAPI_MIXED = """from http import HTTPStatus
from typing import Literal

from fastapi import HTTPException, status


def a():
    raise HTTPException(status.HTTP_404_NOT_FOUND)


def b():
    raise HTTPException(status.HTTP_409_CONFLICT)


def phrase():
    return HTTPStatus.NOT_FOUND.phrase


def kind(value):
    return isinstance(value, type(HTTPStatus.OK))


def same(value):
    return value is HTTPStatus.OK


Code = Literal[HTTPStatus.CREATED]


def compare(response):
    return response.status_code == HTTPStatus.OK


def label(code):
    return f"status {HTTPStatus.ACCEPTED}"
"""


def test_hts004_never_makes_an_int_of_an_enum_that_is_read_as_an_enum() -> None:
    assert _fixes(FASTAPI_MIXED, "HTS004", _SETTINGS.replace(style="fastapi")) == {
        16: FixSafety.UNSAFE,  # .phrase
        20: FixSafety.UNSAFE,  # isinstance / type()
        24: FixSafety.UNSAFE,  # `is`
        27: FixSafety.UNSAFE,  # Literal[...]
        31: FixSafety.SAFE,  # ==
        35: FixSafety.UNSAFE,  # formatting
    }
    fixed = fix(FASTAPI_MIXED, "--http-status-style=fastapi")
    assert "HTTPStatus.NOT_FOUND.phrase" in fixed and "status_code == status.HTTP_200_OK" in fixed
    assert "Literal[HTTPStatus.CREATED]" in fixed and "value is HTTPStatus.OK" in fixed


def test_hts004_leaves_a_module_constant_used_as_an_openapi_key() -> None:
    source = (
        "from http import HTTPStatus\n\nfrom drf_spectacular.utils import extend_schema\n"
        "from rest_framework import status\nfrom rest_framework.response import Response\n\n"
        "GONE = HTTPStatus.GONE\n\n\n@extend_schema(responses={GONE: None})\n"
        "def view(request):\n    return Response(status=status.HTTP_201_CREATED)\n\n\n"
        "def other(request):\n    return Response(status=status.HTTP_202_ACCEPTED)\n"
    )
    assert _fixes(source, "HTS004") == {7: FixSafety.UNSAFE}
    assert fix(source) == source


# The verifier, on its own ---------------------------------------------------------------------------------------


def _verify(
    original: str, rewritten: str, *edits: tuple[int, int, int, str], new_import: NewImport | None = None
) -> None:
    findings = [
        Finding(
            "HTS001",
            "test",
            Position(line, start),
            Position(line, end),
            Fix((Edit(Position(line, start), Position(line, end), text),), FixSafety.SAFE, (new_import or NEW_IMPORT,)),
        )
        for line, start, end, text in edits
    ]
    check_equivalent(original, split_lines(original), ast.parse(original), rewritten, findings)


NEW_IMPORT = NewImport("http", "HTTPStatus")
NINJA_STATUS = "from ninja import Status\n\n\ndef show(request):\n    return Status(404, {})\n"
FLASK_ABORT = "from flask import abort\n\n\ndef show(request):\n    abort(404)\n"


@pytest.mark.parametrize(
    ("new_import", "spelled"),
    [
        (NEW_IMPORT, "HTTPStatus.NOT_FOUND"),
        (NewImport("http", "HTTPStatus", "S"), "S.NOT_FOUND"),
        (NewImport("http"), "http.HTTPStatus.NOT_FOUND"),
        (NewImport("http.client"), "http.client.NOT_FOUND"),
    ],
)
def test_the_verifier_refuses_an_enum_where_the_framework_keeps_the_object(new_import: NewImport, spelled: str) -> None:
    rewritten = new_import.statement() + "\n" + NINJA_STATUS.replace("Status(404,", f"Status({spelled},")
    with pytest.raises(FixError) as refused:
        _verify(NINJA_STATUS, rewritten, (5, 18, 21, spelled), new_import=new_import)
    assert refused.value.cause is FixFailure.UNVERIFIED
    assert refused.value.line == 5


def test_the_verifier_accepts_an_enum_where_the_framework_converts() -> None:
    rewritten = "from http import HTTPStatus\n" + FLASK_ABORT.replace("404", "HTTPStatus.NOT_FOUND")
    _verify(FLASK_ABORT, rewritten, (5, 10, 13, "HTTPStatus.NOT_FOUND"))


def test_the_verifier_refuses_an_int_where_an_enum_attribute_is_read() -> None:
    original = "from http import HTTPStatus\n\nfrom fastapi import status\n\nPHRASE = HTTPStatus.OK.phrase\n"
    rewritten = original.replace("HTTPStatus.OK.phrase", "status.HTTP_200_OK.phrase")
    with pytest.raises(FixError) as refused:
        _verify(original, rewritten, (5, 9, 22, "status.HTTP_200_OK"))
    assert refused.value.line == 5


def test_the_verifier_leaves_an_unsafe_fix_alone() -> None:
    rewritten = "from http import HTTPStatus\n" + NINJA_STATUS.replace("404", "HTTPStatus.NOT_FOUND")
    edit = Edit(Position(5, 18), Position(5, 21), "HTTPStatus.NOT_FOUND")
    unsafe = Finding("HTS001", "test", edit.start, edit.end, Fix((edit,), FixSafety.UNSAFE, (NEW_IMPORT,)))
    check_equivalent(NINJA_STATUS, split_lines(NINJA_STATUS), ast.parse(NINJA_STATUS), rewritten, [unsafe])


# Where the type cannot show ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "interchangeable"),
    [
        ("code == 200", True),
        ("200 <= code < 300", True),
        ("code in (200, 201)", True),
        ("code is 200", False),
        ("a == 200 is b", False),
        ("str(200)", False),
        ("f'{200}'", False),
        ("[200]", False),
    ],
)
def test_only_comparisons_see_no_type(expression: str, interchangeable: bool) -> None:
    tree = ast.parse(expression)
    literal = next(n for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value == 200)
    sites, bound = status_sites(tree)
    assert ValueUses(tree, sites, unrebound(bound)).interchangeable(literal) is interchangeable


def test_a_case_pattern_compares() -> None:
    tree = ast.parse("match code:\n    case 200:\n        pass\n")
    literal = next(n for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value == 200)
    assert ValueUses(tree, [], unrebound(Counter())).interchangeable(literal)


# Winning back what is really safe (issue 11, 1b, second pass) ---------------------------------------------------

# Item 1: an int family the module's framework brings, where HTTPStatus would show its type.

FASTAPI_ENUM_MAJORITY = """from http import HTTPStatus

from fastapi import FastAPI, HTTPException

app = FastAPI()


@app.get("/a", status_code=HTTPStatus.OK)
def a(x: int):
    if x == HTTPStatus.NOT_FOUND:
        raise HTTPException(status_code=404)
    raise HTTPException(status_code=HTTPStatus.CONFLICT)


@app.get("/b", status_code=201)
def b():
    return {}
"""


def test_where_httpstatus_would_show_the_frameworks_int_family_is_written_safely() -> None:
    # HTTPException keeps the object (Starlette), so HTTPStatus there is unsafe; fastapi.status holds plain ints.
    findings = analyse(ast.parse(FASTAPI_ENUM_MAJORITY), split_lines(FASTAPI_ENUM_MAJORITY), "example.py", _SETTINGS)
    by_line = {f.start.line: f for f in findings if f.code == "HTS001"}
    kept, converted = by_line[11], by_line[15]
    assert kept.fix is not None and kept.fix.safety is FixSafety.SAFE
    assert kept.fix.edits[0].text == "status.HTTP_404_NOT_FOUND"
    assert kept.fix.imports == (NewImport("fastapi", "status"),)
    # The route decorator converts: the module's own family stays.
    assert converted.fix is not None and converted.fix.edits[0].text == "HTTPStatus.CREATED"
    assert converted.fix.safety is FixSafety.SAFE
    fixed = fix(FASTAPI_ENUM_MAJORITY)  # and a second run changes nothing
    assert "HTTPException(status_code=status.HTTP_404_NOT_FOUND)" in fixed
    assert "from fastapi import FastAPI, HTTPException, status" in fixed
    # flake8 has nothing to say about what the fixer wrote (HTS004 counts the int family as the module's there).
    after = analyse(ast.parse(fixed), split_lines(fixed), "example.py", _SETTINGS)
    assert [f.code for f in after if f.code.startswith("HTS00")] == []


@pytest.mark.parametrize(
    "imports",
    [
        "from http import HTTPStatus\n\nfrom starlette.exceptions import HTTPException\n"
        "try:\n    import fastapi\nexcept ImportError:\n    fastapi = None\n",
        "from http import HTTPStatus\nfrom typing import TYPE_CHECKING\n\nfrom starlette.exceptions import "
        "HTTPException\nif TYPE_CHECKING:\n    from fastapi import status\n",
    ],
    ids=["try-except-import", "type-checking"],
)
def test_a_framework_imported_only_conditionally_never_brings_its_family(imports: str) -> None:
    # The module imports Starlette unconditionally: starlette.status may be written, never fastapi.status.
    source = imports + "\n\ndef a(x):\n    assert x == HTTPStatus.OK\n    raise HTTPException(404)\n"
    fixed = fix(source)
    # `status` is taken by the guarded import in the second case: the speller picks its alias.
    assert (
        "HTTPException(status.HTTP_404_NOT_FOUND)" in fixed or "HTTPException(http_status.HTTP_404_NOT_FOUND)" in fixed
    )
    assert "from starlette import status" in fixed and fixed.count("fastapi") == source.count("fastapi")


def test_a_family_whose_package_the_module_does_not_import_is_never_written() -> None:
    # drf-spectacular's family is DRF's; a module importing only drf_spectacular never gets `rest_framework` added.
    source = (
        "from http import HTTPStatus\n\nfrom drf_spectacular.utils import extend_schema\n\n\n"
        "@extend_schema(responses={404: None, HTTPStatus.OK: None})\ndef view(request):\n    pass\n"
    )
    assert "rest_framework" not in fix(source)
    assert "status.HTTP_404_NOT_FOUND" in fix("from rest_framework import status\n" + source)


def test_a_configured_httpstatus_style_is_kept_and_stays_unsafe() -> None:
    settings = _SETTINGS.replace(style="httpstatus")
    assert _fixes(FASTAPI_ENUM_MAJORITY, "HTS001", settings) == {11: FixSafety.UNSAFE, 15: FixSafety.SAFE}


def test_without_a_framework_int_family_the_enum_fix_stays_unsafe() -> None:
    source = "from http import HTTPStatus\n\nfrom sanic.response import json\n\n\ndef a():\n    return json({}, 201)\n"
    assert _fixes(source, "HTS001") == {7: FixSafety.UNSAFE}


# Item 2: a status assigned to a response proven to be Werkzeug's.

FLASK_ATTRIBUTE = """from flask import Flask, jsonify, make_response

app = Flask(__name__)


@app.get("/maintenance")
def maintenance():
    response = make_response(jsonify(state="maintenance"))
    response.status_code = 503
    return response


@app.get("/created")
def created():
    reply = jsonify(id=1)
    reply.status = 201
    return reply


@app.after_request
def after(response):
    response.status_code = 500
    return response


@app.get("/rebound")
def rebound(cached):
    response = make_response("x")
    if cached:
        response = cached
    response.status_code = 304
    return response
"""


def test_a_status_assigned_to_a_werkzeug_response_the_function_made_is_a_safe_fix() -> None:
    # Werkzeug's `status_code` and `status` setters store int(value) (checked on Werkzeug 3.1.9, Python 3.10 and
    # 3.12). A parameter, or a name also bound from something else, is not proven to be one: those stay unsafe.
    assert _fixes(FLASK_ATTRIBUTE, "HTS001") == {
        9: FixSafety.SAFE,
        16: FixSafety.SAFE,
        22: FixSafety.UNSAFE,
        31: FixSafety.UNSAFE,
    }
    fixed = fix(FLASK_ATTRIBUTE)
    assert "response.status_code = HTTPStatus.SERVICE_UNAVAILABLE" in fixed
    assert "reply.status = HTTPStatus.CREATED" in fixed
    assert "response.status_code = 500" in fixed and "response.status_code = 304" in fixed


def test_a_status_int_assigned_to_a_webob_response_the_function_made_is_a_safe_fix() -> None:
    # WebOb's status_int/status_code setter keeps only the text '%d %s' (WebOb 1.8.11).
    source = (
        "from pyramid.response import Response\n\n\ndef archive(request):\n    response = Response('x')\n"
        "    response.status_int = 410\n    return response\n\n\ndef hook(response):\n"
        "    response.status_int = 410\n"
    )
    assert _fixes(source, "HTS001") == {6: FixSafety.SAFE, 11: FixSafety.UNSAFE}


def test_a_status_assigned_to_a_django_response_stays_unsafe() -> None:
    # HttpResponse.status_code is a plain attribute outside __init__: the object is kept for middleware to read.
    source = (
        "from django.http import HttpResponse\n\n\ndef show(request):\n    response = HttpResponse()\n"
        "    response.status_code = 204\n    return response\n"
    )
    assert _fixes(source, "HTS001") == {6: FixSafety.UNSAFE}


def test_a_parameter_named_like_the_factory_is_not_the_factory() -> None:
    source = (
        "from flask import make_response\n\n\ndef show(make_response):\n    response = make_response()\n"
        "    response.status_code = 204\n    return response\n"
    )
    assert _fixes(source, "HTS001") == {6: FixSafety.UNSAFE}


def test_a_factory_the_module_redefines_is_not_the_factory() -> None:
    source = (
        "from flask import make_response\n\n\ndef make_response(x=None):\n    return x\n\n\n"
        "def show():\n    response = make_response()\n    response.status_code = 204\n    return response\n"
    )
    assert _fixes(source, "HTS001") == {10: FixSafety.UNSAFE}
    assert _fixes(source.replace("def make_response(x=None)", "def other(x=None)"), "HTS001") == {10: FixSafety.SAFE}


def test_the_verifier_accepts_an_enum_assigned_to_a_proven_werkzeug_response() -> None:
    original = "from flask import make_response\n\n\ndef show():\n    r = make_response()\n    r.status_code = 204\n"
    rewritten = "from http import HTTPStatus\n" + original.replace("= 204", "= HTTPStatus.NO_CONTENT")
    _verify(original, rewritten, (6, 20, 23, "HTTPStatus.NO_CONTENT"))
    untyped = original.replace("r = make_response()", "r = object()")
    with pytest.raises(FixError):
        _verify(untyped, rewritten.replace("r = make_response()", "r = object()"), (6, 20, 23, "HTTPStatus.NO_CONTENT"))


# Item 3: a conditional expression or `and`/`or` passes its branches on to where it stands.


@pytest.mark.parametrize(
    ("expression", "interchangeable"),
    [
        ("code == (200 if a else 201)", True),
        ("code == (b or 200)", True),
        ("code == (a and (200 if b else 201))", True),
        ("str(200 if a else 201)", False),
        ("(200 if a else 201).phrase", False),
        ("200 if a else 201", False),
    ],
)
def test_branches_stand_where_their_expression_stands(expression: str, interchangeable: bool) -> None:
    tree = ast.parse(expression)
    literal = next(n for n in ast.walk(tree) if isinstance(n, ast.Constant) and n.value == 200)
    sites, bound = status_sites(tree)
    assert ValueUses(tree, sites, unrebound(bound)).interchangeable(literal) is interchangeable


def test_the_branches_of_a_converting_slot_convert() -> None:
    tree = ast.parse("from flask import abort\n\n\ndef show(x):\n    abort(404 if x else 400)\n")
    literals = [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, int)]
    sites, bound = status_sites(tree)
    uses = ValueUses(tree, sites, unrebound(bound))
    assert len(literals) == 2 and all(uses.interchangeable(literal) for literal in literals)


def test_hts004_respells_the_branches_of_a_conditional_in_a_converting_slot_safely() -> None:
    source = (
        "from http import HTTPStatus\n\nfrom flask import abort\nfrom starlette import status\n\n\n"
        "def show(x):\n    if x in (HTTPStatus.OK, HTTPStatus.CREATED, HTTPStatus.ACCEPTED):\n        return\n"
        "    abort(status.HTTP_404_NOT_FOUND if x else status.HTTP_400_BAD_REQUEST)\n"
    )
    assert set(_fixes(source, "HTS004").values()) == {FixSafety.SAFE}
    fixed = fix(source)
    assert "abort(HTTPStatus.NOT_FOUND if x else HTTPStatus.BAD_REQUEST)" in fixed


# Item 4: Connexion converts a 2-tuple's status and keeps a 3-tuple's.


def test_a_connexion_pair_converts_and_a_triple_keeps_the_status() -> None:
    # connexion 3.3 `_unpack_handler_response` stores int(status) for (body, status) only; the third form reaches
    # a Starlette response under AsyncApp, whose status_code keeps the object.
    source = (
        "from connexion import NoContent\n\n\ndef find(pet_id):\n    if pet_id:\n        return NoContent, 404\n"
        '    return NoContent, 201, {"Location": "/pets/1"}\n'
    )
    assert _fixes(source, "HTS001") == {6: FixSafety.SAFE, 7: FixSafety.UNSAFE}
    fixed = fix(source)
    assert "return NoContent, HTTPStatus.NOT_FOUND" in fixed and "return NoContent, 201," in fixed


def test_the_verifier_accepts_enum_branches_in_a_converting_slot_and_refuses_them_in_a_kept_one() -> None:
    original = "from flask import abort\n\n\ndef show(x):\n    abort(404 if x else 400)\n"
    rewritten = "from http import HTTPStatus\n" + original.replace("404", "HTTPStatus.NOT_FOUND").replace(
        "400", "HTTPStatus.BAD_REQUEST"
    )
    edits = ((5, 10, 13, "HTTPStatus.NOT_FOUND"), (5, 22, 25, "HTTPStatus.BAD_REQUEST"))
    _verify(original, rewritten, *edits)
    kept = original.replace("from flask import abort", "from ninja import Status as abort")
    with pytest.raises(FixError):
        _verify(kept, rewritten.replace("from flask import abort", "from ninja import Status as abort"), *edits)


def test_each_branch_of_a_conditional_status_is_a_site_fixed_as_its_slot_allows() -> None:
    source = (
        "from flask import abort\nfrom ninja import Status\n\n\ndef show(x):\n    if x:\n"
        "        abort(404 if x else (400))\n    return Status(201 if x else 202, None)\n"
    )
    assert analyse_codes(source) == [("HTS001", 7), ("HTS001", 7), ("HTS001", 8), ("HTS001", 8)]
    findings = analyse(ast.parse(source), split_lines(source), "example.py", _SETTINGS)
    safety = {(f.start.line, f.start.column): f.fix.safety for f in findings if f.fix is not None}
    assert safety == {
        (7, 14): FixSafety.SAFE,
        (7, 29): FixSafety.SAFE,
        (8, 18): FixSafety.UNSAFE,
        (8, 32): FixSafety.UNSAFE,
    }
    fixed = fix(source)
    assert "abort(HTTPStatus.NOT_FOUND if x else (HTTPStatus.BAD_REQUEST))" in fixed
    assert "Status(201 if x else 202, None)" in fixed


def test_an_invalid_branch_is_reported() -> None:
    source = "from flask import abort\n\n\ndef show(x):\n    abort(404 if x else 4040)\n"
    assert ("HTS601", 5) in analyse_codes(source)


def analyse_codes(source: str) -> list[tuple[str, int]]:
    findings = analyse(ast.parse(source), split_lines(source), "example.py", _SETTINGS)
    return sorted((f.code, f.start.line) for f in findings if f.code.startswith(("HTS0", "HTS6")))


# The verifier reads the project as the rules do ------------------------------------------------------------------


def test_a_view_on_a_blueprint_of_another_module_gets_its_safe_fix(tmp_path: Path) -> None:
    """The rules know from the project index that `bp` is a Blueprint, so the returned 201 goes to Flask, which
    converts it: the verifier must read the rewritten module with the same project facts, or it refuses the fix."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'shop'\n")
    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("from flask import Blueprint\n\nbp = Blueprint('shop', __name__)\n")
    views = package / "views.py"
    views.write_text('from . import bp\n\n\n@bp.post("/")\ndef create():\n    return {"id": 1}, 201\n')
    result = outcome(views.read_text(), filename=str(views))
    assert not result.refused
    assert 'return {"id": 1}, HTTPStatus.CREATED' in result.text
