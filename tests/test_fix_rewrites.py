"""What the fixer writes: each fix case paired with a no-op case, and every fix checked to converge."""

from __future__ import annotations

import pytest
from fixing import fix, outcome

FLASK = "from flask import abort\n\n\ndef show():\n    abort({})\n"


def test_a_status_literal_becomes_a_constant_and_its_import_is_added() -> None:
    assert fix(FLASK.format("404")) == (
        "from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef show():\n    abort(HTTPStatus.NOT_FOUND)\n"
    )


@pytest.mark.parametrize(
    "source",
    [
        FLASK.format("HTTPStatus.NOT_FOUND").replace("from flask", "from http import HTTPStatus\n\nfrom flask"),
        FLASK.format("code"),  # a variable
        FLASK.format("0o624"),  # not written in decimal
        "import time\n\n\ndef wait():\n    time.sleep(200)\n",
        "from flask import jsonify\n\n\ndef body():\n    return jsonify(code=200, limit=100)\n",
    ],
    ids=["already-a-constant", "variable", "octal", "sleep", "json-body"],
)
def test_code_without_a_status_literal_is_left_alone(source: str) -> None:
    result = outcome(source)
    assert not result.changed and result.text == source


def test_non_ascii_text_before_the_literal_does_not_shift_the_fix() -> None:
    # ast reports the column in UTF-8 bytes (한 is 3 bytes), LibCST in characters.
    source = 'from flask import abort\n\n\ndef show():\n    note = "한국어 — ünïcödé"; abort(404)  # 주석\n'
    assert fix(source).splitlines()[-1] == '    note = "한국어 — ünïcödé"; abort(HTTPStatus.NOT_FOUND)  # 주석'


def test_two_literals_on_one_line_after_wide_characters() -> None:
    source = "from flask import abort\n\n\ndef view():\n    m = {'메시지': '없음'}; abort(404); abort(410)\n"
    fixed = fix(source)
    assert "    m = {'메시지': '없음'}; abort(HTTPStatus.NOT_FOUND); abort(HTTPStatus.GONE)\n" in fixed


def test_comments_blank_lines_and_odd_formatting_survive() -> None:
    source = (
        "from flask import abort  # the one we need\n\n\n"
        "def show(  item ):   # spaced out\n"
        "    # about to fail\n"
        "    abort(  ( 404 )  ,  )   # not found\n\n\n\n"
        "x = [1,\n     2]\n"
    )
    fixed = fix(source)
    assert "    abort(  ( HTTPStatus.NOT_FOUND )  ,  )   # not found\n" in fixed
    assert fixed.replace("HTTPStatus.NOT_FOUND", "404").replace("from http import HTTPStatus\n\n", "") == source


def test_a_comparison_in_a_test_is_fixed() -> None:
    source = "def test_home(client):\n    assert client.get('/').status_code == 200\n"
    assert "== HTTPStatus.OK" in fix(source)
    unrelated = "def test_count(items):\n    assert len(items) == 200\n"
    assert fix(unrelated) == unrelated


def test_a_case_pattern_gets_a_dotted_name() -> None:
    source = (
        "from http import HTTPStatus\n\n\ndef describe(response):\n"
        "    match response.status_code:\n        case 404:\n            return 'gone'\n"
    )
    assert "        case HTTPStatus.NOT_FOUND:\n" in fix(source)


def test_a_case_pattern_in_a_litestar_module_is_not_turned_into_a_capture() -> None:
    # Litestar's constants are imported by name; a bare name in a case pattern would capture.
    source = (
        "from litestar import get\nfrom litestar.status_codes import HTTP_200_OK\n\n\n"
        "def describe(response):\n    match response.status_code:\n        case 404:\n            return 'gone'\n"
        "    return HTTP_200_OK\n"
    )
    fixed = fix(source)
    assert "        case status_codes.HTTP_404_NOT_FOUND:\n" in fixed


def test_an_existing_import_and_its_alias_are_reused() -> None:
    source = "from http import HTTPStatus as S\nfrom flask import abort\n\n\ndef show():\n    abort(404)\n"
    assert fix(source) == source.replace("abort(404)", "abort(S.NOT_FOUND)")
    module_import = "import http\nfrom flask import abort\n\n\ndef show():\n    abort(404)\n"
    assert fix(module_import) == module_import.replace("abort(404)", "abort(http.HTTPStatus.NOT_FOUND)")


def test_a_parameter_named_status_does_not_capture_the_constant() -> None:
    source = (
        "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
        "@app.get('/items', status_code=201)\ndef items(status: str = 'open'):\n    return status\n"
    )
    fixed = fix(source)
    assert "from fastapi import status as http_status\n" in fixed
    assert "status_code=http_status.HTTP_201_CREATED" in fixed


def test_a_project_class_named_httpstatus_is_not_captured() -> None:
    source = "from flask import abort\n\n\nclass HTTPStatus:\n    pass\n\n\ndef show():\n    abort(404)\n"
    fixed = fix(source)
    assert "abort(http.HTTPStatus.NOT_FOUND)" in fixed and "import http\n" in fixed


def test_python_313_names_only_when_the_project_needs_313() -> None:
    source = "from flask import abort\n\n\ndef show():\n    abort(422)\n"
    assert "HTTPStatus.UNPROCESSABLE_ENTITY" in fix(source)
    assert "HTTPStatus.UNPROCESSABLE_CONTENT" in fix(source, "--http-status-target-python=3.13")


def test_starlette_048_names_only_when_the_project_needs_048() -> None:
    source = "from fastapi import FastAPI, HTTPException\n\n\ndef fail():\n    raise HTTPException(422)\n"
    assert "status.HTTP_422_UNPROCESSABLE_ENTITY" in fix(source)
    assert "status.HTTP_422_UNPROCESSABLE_CONTENT" in outcome(source, starlette_renamed=True).text


OPENAPI = (
    "from http import HTTPStatus\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\nOK = HTTPStatus.OK\n\n\n"
    "@app.get('/items', responses={{404: {{'description': 'missing'}}}}, status_code={})\ndef items():\n    return []\n"
)


def test_a_status_that_the_framework_turns_into_text_keeps_its_int_before_311() -> None:
    # FastAPI keys its OpenAPI responses by str(code): str(HTTPStatus.NOT_FOUND) is
    # 'HTTPStatus.NOT_FOUND' on Python 3.10, so HTTPStatus is never written there; FastAPI's own int constant,
    # which keeps the int, is (the module imports FastAPI).
    fixed = fix(OPENAPI.format("201"))
    assert "responses={status.HTTP_404_NOT_FOUND: {'description': 'missing'}}" in fixed
    assert "status_code=HTTPStatus.CREATED" in fixed
    styled = fix(OPENAPI.format("201"), "--http-status-style=httpstatus")
    assert "responses={404: {'description': 'missing'}}" in styled and "status_code=HTTPStatus.CREATED" in styled


def test_a_status_that_the_framework_turns_into_text_is_named_from_311_on_only_as_an_unsafe_fix() -> None:
    # FastAPI keeps the `responses` dict on the route as given, where an HTTPStatus key shows its type (repr,
    # yaml.safe_dump): only --unsafe-fixes names it (tests/test_fix_value_types.py), unless an int family is at
    # hand, which is safe.
    style = "--http-status-style=httpstatus"
    assert "responses={404: {'description': 'missing'}}" in fix(
        OPENAPI.format("201"), "--http-status-target-python=3.11", style
    )
    fixed = fix(OPENAPI.format("201"), "--http-status-target-python=3.11", style, unsafe=True)
    assert "responses={HTTPStatus.NOT_FOUND: {'description': 'missing'}}" in fixed


def test_int_constants_are_fine_where_the_framework_turns_the_status_into_text() -> None:
    source = OPENAPI.format("201").replace("from http import HTTPStatus\n\n", "")
    assert "responses={status.HTTP_404_NOT_FOUND: {'description': 'missing'}}" in fix(source)


@pytest.mark.parametrize(
    "source",
    [
        "from flask import Response\n\n\ndef view():\n    return Response('x', status=str(201))\n",
        "from flask import Response\n\n\ndef view():\n    return Response('x', status='%s CREATED' % 201)\n",
        "def app(environ, start_response):\n    start_response('%s OK' % 200, [])\n    return []\n",
        "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get('/')\ndef view():\n    return 'x', str(201)\n",
    ],
    ids=["str-call", "percent-format", "wsgi-status-line", "flask-str-status"],
)
def test_a_number_turned_into_text_is_not_a_status_site(source: str) -> None:
    assert not outcome(source).changed


def test_mixed_families_are_unified_and_the_old_import_goes() -> None:
    source = (
        "from http import HTTPStatus\n\nfrom rest_framework import status\nfrom rest_framework.response import Response\n\n\n"
        "def a(request):\n    return Response(status=status.HTTP_201_CREATED)\n\n\n"
        "def b(request):\n    return Response(status=status.HTTP_200_OK)\n\n\n"
        "def c(request):\n    return Response(status=HTTPStatus.NO_CONTENT)\n"
    )
    fixed = fix(source)
    assert "return Response(status=status.HTTP_204_NO_CONTENT)" in fixed
    assert fixed.startswith("from rest_framework import status\n")  # the import the fix left unused is gone


def test_unsafe_fixes_wait_for_the_flag() -> None:
    source = "from django.http import HttpResponse\n\n\ndef made(request):\n    return HttpResponse('made', 201)\n"
    held = outcome(source)
    assert not held.changed and held.held_back == 1
    assert "HttpResponse('made', status=HTTPStatus.CREATED)" in fix(source, unsafe=True)


def test_a_status_line_with_the_wrong_phrase_is_an_unsafe_fix() -> None:
    source = "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.get('/')\ndef view():\n    return '', '200 Created'\n"
    assert not outcome(source).changed
    assert "return '', '200 OK'" in fix(source, unsafe=True)


def test_select_and_ignore() -> None:
    source = (
        "from flask import abort\n\n\ndef show(response):\n    assert response.status_code == 200\n    abort(404)\n"
    )
    only_comparisons = fix(source, select=("HTS002",))
    assert "== HTTPStatus.OK" in only_comparisons and "abort(404)" in only_comparisons
    without_comparisons = fix(source, ignore=("HTS002",))
    assert "== 200" in without_comparisons and "abort(HTTPStatus.NOT_FOUND)" in without_comparisons
    # The longer prefix wins: select HTS00 but ignore HTS001.
    assert fix(source, select=("HTS00",), ignore=("HTS001",)) == only_comparisons


def test_noqa_comments_are_honoured() -> None:
    source = (
        "from flask import abort\n\n\ndef show():\n"
        "    abort(404)  # noqa\n    abort(410)  # noqa: HTS001\n    abort(403)  # noqa: E501\n    abort(401)\n"
    )
    fixed = fix(source)
    assert "abort(404)  # noqa\n" in fixed and "abort(410)  # noqa: HTS001\n" in fixed
    assert "abort(HTTPStatus.FORBIDDEN)  # noqa: E501\n" in fixed and "abort(HTTPStatus.UNAUTHORIZED)\n" in fixed
    assert "abort(HTTPStatus.NOT_FOUND)" in outcome(source, disable_noqa=True).text


def test_a_status_spelled_with_a_client_table_is_moved_too() -> None:
    source = (
        "from django.http import HttpResponse\nfrom requests import codes\n\n\n"
        "def made(request):\n    return HttpResponse('made', codes.created)\n"
    )
    assert not outcome(source).changed
    assert "HttpResponse('made', status=codes.created)" in fix(source, unsafe=True)


def test_the_text_filter_keeps_every_file_with_a_fix() -> None:
    """Files are parsed only when their text can hold a fix; check the filter against the analysis."""
    from flake8_http_status.fixer.selection import Selection, spells_a_status

    assert spells_a_status("abort(404)") and spells_a_status("x = HTTPStatus") and spells_a_status("HTTP_200_OK")
    assert not spells_a_status("x = 1234 + y200 + 2.500 + 0x404 + 99") and not spells_a_status("codes.ok")
    assert Selection(unsafe=True, select=("HTS604",)).may_fix("codes.created")
    assert not Selection(select=("HTS001",)).may_fix("codes.created")
