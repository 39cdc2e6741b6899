"""How suggested constants are spelled: family choice, import reuse, shadowing, versions, patterns."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import run

from flake8_http_status.families import FAMILIES, DeferredTarget, Target
from flake8_http_status.findings import NewImport
from flake8_http_status.statuses import BY_CODE
from flake8_http_status.versions import Span, name_fact


def only(source: str, *options: str) -> tuple[str, tuple[NewImport, ...]]:
    findings = [finding for finding in run(source, *options) if finding.fix is not None]
    assert len(findings) == 1, [finding.text for finding in findings]
    fix = findings[0].fix
    assert fix is not None
    return fix.edits[0].text, fix.imports


FLASK_ABORT = "from flask import abort\n{extra}\n\ndef view():\n    abort(404)\n"


@pytest.mark.parametrize(
    ("extra", "text", "imports"),
    [
        ("", "HTTPStatus.NOT_FOUND", (NewImport("http", "HTTPStatus"),)),
        ("from http import HTTPStatus", "HTTPStatus.NOT_FOUND", ()),
        ("from http import HTTPStatus as S", "S.NOT_FOUND", ()),
        ("import http", "http.HTTPStatus.NOT_FOUND", ()),
        ("import http.client", "http.HTTPStatus.NOT_FOUND", ()),
        # A project class called HTTPStatus must not capture the constant.
        ("class HTTPStatus:\n    pass", "http.HTTPStatus.NOT_FOUND", (NewImport("http"),)),
    ],
    ids=["new-import", "reuse", "alias", "module", "submodule", "shadowed-by-class"],
)
def test_httpstatus_spelling(extra: str, text: str, imports: tuple[NewImport, ...]) -> None:
    assert only(FLASK_ABORT.format(extra=extra)) == (text, imports)


def test_type_checking_import_is_not_reused() -> None:
    source = (
        "from typing import TYPE_CHECKING\nfrom flask import abort\nif TYPE_CHECKING:\n    from http import HTTPStatus\n\n"
        "def view():\n    abort(404)\n"
    )
    assert only(source) == ("HTTPStatus.NOT_FOUND", (NewImport("http", "HTTPStatus"),))


def test_fastapi_module_gets_fastapi_status() -> None:
    source = "from fastapi import HTTPException\n\ndef view():\n    raise HTTPException(404)\n"
    assert only(source) == ("status.HTTP_404_NOT_FOUND", (NewImport("fastapi", "status"),))


def test_parameter_named_status_forces_an_alias() -> None:
    source = "from fastapi import HTTPException\n\ndef view(status: int):\n    raise HTTPException(404)\n"
    assert only(source) == ("http_status.HTTP_404_NOT_FOUND", (NewImport("fastapi", "status", "http_status"),))


def test_existing_status_import_shadowed_by_a_parameter_is_not_reused() -> None:
    source = (
        "from fastapi import HTTPException, status\n\n\ndef view(status: int = status.HTTP_200_OK):\n"
        "    raise HTTPException(404)\n"
    )
    assert only(source) == ("http_status.HTTP_404_NOT_FOUND", (NewImport("fastapi", "status", "http_status"),))


def test_module_family_wins_over_framework_family() -> None:
    source = (
        "from http import HTTPStatus\nfrom fastapi import APIRouter, HTTPException\n\nrouter = APIRouter()\n\n"
        "@router.get('/', status_code=201)\ndef view():\n    raise HTTPException(HTTPStatus.GONE)\n"
    )
    assert only(source) == ("HTTPStatus.CREATED", ())  # FastAPI makes the route's status an int


def test_where_the_module_family_would_show_its_type_the_framework_family_is_written() -> None:
    # HTTPException keeps the object (Starlette): an HTTPStatus there would change its str() and repr().
    source = (
        "from http import HTTPStatus\nfrom fastapi import HTTPException\n\n"
        "def view():\n    if 1:\n        raise HTTPException(HTTPStatus.GONE)\n    raise HTTPException(404)\n"
    )
    assert only(source) == ("status.HTTP_404_NOT_FOUND", (NewImport("fastapi", "status"),))


def test_configured_style_wins() -> None:
    text, imports = only(FLASK_ABORT.format(extra=""), "--http-status-style=drf")
    assert (text, imports) == ("status.HTTP_404_NOT_FOUND", (NewImport("rest_framework", "status"),))


def test_litestar_imports_constants_by_name() -> None:
    source = "from litestar.exceptions import HTTPException\n\ndef view():\n    raise HTTPException(status_code=404)\n"
    assert only(source) == ("HTTP_404_NOT_FOUND", (NewImport("litestar.status_codes", "HTTP_404_NOT_FOUND"),))


def test_case_patterns_get_a_dotted_name() -> None:
    source = (
        "from litestar.testing import TestClient\n\ndef check(r):\n    match r.status_code:\n"
        "        case 404:\n            pass\n"
    )
    assert only(source) == ("status_codes.HTTP_404_NOT_FOUND", (NewImport("litestar", "status_codes"),))


def test_constant_imported_by_name_is_reused() -> None:
    source = (
        "from starlette.responses import Response\nfrom starlette.status import HTTP_404_NOT_FOUND\n\n"
        "def view():\n    return Response(status_code=404)\n"
    )
    assert only(source) == ("HTTP_404_NOT_FOUND", ())


@pytest.mark.parametrize(
    ("options", "text"),
    [
        ((), "HTTPStatus.UNPROCESSABLE_ENTITY"),
        (("--http-status-target-python=3.13",), "HTTPStatus.UNPROCESSABLE_CONTENT"),
    ],
)
def test_python_313_names_only_when_the_project_requires_313(options: tuple[str, ...], text: str) -> None:
    source = "from flask import abort\n\ndef view():\n    abort(422)\n"
    assert only(source, *options)[0] == text


def test_starlette_renamed_names_follow_the_project(tmp_path: object) -> None:
    from pathlib import Path

    from conftest import run as run_in

    project = Path(str(tmp_path))
    (project / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["fastapi>=0.164"]\n')
    source = "from fastapi import HTTPException\n\ndef view():\n    raise HTTPException(422)\n"
    import ast

    from flake8_http_status.engine import analyse
    from flake8_http_status.options import Settings

    findings = analyse(ast.parse(source), source.splitlines(True), str(project / "app.py"), Settings())
    assert findings[0].fix is not None and findings[0].fix.edits[0].text == "status.HTTP_422_UNPROCESSABLE_CONTENT"
    assert run_in(source)[0].fix.edits[0].text == "status.HTTP_422_UNPROCESSABLE_ENTITY"  # type: ignore[union-attr]


def test_project_code_with_module_is_fixable() -> None:
    source = "from django.http import HttpResponse\n\ndef view(request):\n    return HttpResponse(status=499)\n"
    findings = run(source, "--http-status-extra-codes=499=myapp.http:CLIENT_CLOSED_REQUEST")
    assert [f.code for f in findings] == ["HTS001"]
    fix = findings[0].fix
    assert fix is not None and fix.edits[0].text == "CLIENT_CLOSED_REQUEST"
    assert fix.imports == (NewImport("myapp.http", "CLIENT_CLOSED_REQUEST"),)


def test_project_code_without_module_is_named_but_not_fixed() -> None:
    source = "from django.http import HttpResponse\n\ndef view(request):\n    return HttpResponse(status=499)\n"
    findings = run(source, "--http-status-extra-codes=499=CLIENT_CLOSED_REQUEST")
    assert [(f.code, f.fix) for f in findings] == [("HTS001", None)]
    assert "CLIENT_CLOSED_REQUEST" in findings[0].message


@pytest.mark.parametrize(
    "target",
    [
        Target(),
        Target(python=(3, 13)),
        Target(python=(3, 8), python_max=(3, 12)),
        Target(starlette_renamed=True),
        Target(starlette=Span((0, 30), (0, 40))),
        Target(drf=Span((3, 10), None)),
    ],
)
def test_a_deferred_target_names_what_the_target_names_and_asks_only_for_release_facts(target: Target) -> None:
    """Every family's name for every code is the one the target itself gives; the target is asked for exactly when
    the family's preferred name is one that some release lacks or warns about (`versions.name_fact`): a name safe
    on every release is taken without it."""
    for family in FAMILIES.values():
        for code in BY_CODE:
            asked: list[Target] = []
            assert family.constant(code, DeferredTarget(_asking(target, asked))) == family.constant(code, target)
            names = family.names(code)
            has_fact = bool(names) and name_fact(f"{family.namespace}.{names[0]}") is not None
            assert bool(asked) == has_fact, (family.style, code)


def _asking(target: Target, asked: list[Target]) -> Callable[[], Target]:
    """A `target_for` that gives `target` and notes in `asked` that it was asked."""

    def target_for() -> Target:
        asked.append(target)
        return target

    return target_for
