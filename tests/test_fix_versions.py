"""Version facts in fixes: a written name exists, and reads without a warning, on every release the project
admits (issue 11, item 1e), and the verifier checks that itself."""

from __future__ import annotations

import ast
import importlib.metadata
import warnings
from pathlib import Path

import pytest

from flake8_http_status.engine import analyse
from flake8_http_status.families import FAMILIES, Target
from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer.errors import FixError, FixFailure
from flake8_http_status.fixer.pipeline import FixOptions, fix_text
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent
from flake8_http_status.options import Settings
from flake8_http_status.versions import Span, name_fact, name_facts, padded

FASTAPI = (
    "from fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n\n"
    '@app.get("/")\ndef view(flag: bool):\n    if flag:\n        raise HTTPException(status_code=422)\n'
    "    raise HTTPException(status_code=404)\n"
)


def project(tmp_path: Path, dependencies: str, requires: str = ">=3.10") -> Path:
    (tmp_path / "pyproject.toml").write_text(
        f'[project]\nname = "x"\nrequires-python = "{requires}"\ndependencies = {dependencies}\n', encoding="utf-8"
    )
    return tmp_path / "app.py"


def fixed(source: str, path: Path) -> str:
    """`source` fixed as `http-status fix` would in the project around `path`; a second run changes nothing."""
    first = fix_text(source, str(path), FixOptions(Settings()))
    assert not fix_text(first.text, str(path), FixOptions(Settings())).changed
    return first.text


def test_a_range_straddling_starlette_048_leaves_422_and_fixes_the_rest(tmp_path: Path) -> None:
    path = project(tmp_path, '["fastapi>=0.115"]')  # FastAPI 0.115 takes Starlette 0.37-0.40, today's 1.x
    text = fixed(FASTAPI, path)
    assert "status_code=422" in text and "status.HTTP_404_NOT_FOUND" in text
    (finding,) = [
        f for f in analyse(ast.parse(FASTAPI), split_lines(FASTAPI), str(path), Settings()) if "422" in f.message
    ]
    assert finding.fix is None
    assert "no fix: HTTP_422_UNPROCESSABLE_CONTENT is missing before Starlette 0.48" in finding.message
    assert "HTTP_422_UNPROCESSABLE_ENTITY warns on Starlette 0.48 and later" in finding.message
    assert "require starlette>=0.48" in finding.message


@pytest.mark.parametrize(
    ("dependencies", "name"),
    [
        ('["fastapi>=0.164"]', "HTTP_422_UNPROCESSABLE_CONTENT"),
        ('["fastapi>=0.100,<0.116"]', "HTTP_422_UNPROCESSABLE_ENTITY"),
        ('["fastapi", "starlette>=0.48"]', "HTTP_422_UNPROCESSABLE_CONTENT"),
        ('["starlette>=0.30,<0.48"]', "HTTP_422_UNPROCESSABLE_ENTITY"),
    ],
)
def test_a_range_on_one_side_of_048_gets_that_sides_name(tmp_path: Path, dependencies: str, name: str) -> None:
    assert f"status.{name}" in fixed(FASTAPI, project(tmp_path, dependencies))


def test_drf_names_added_in_314_wait_for_a_range_that_has_them(tmp_path: Path) -> None:
    source = "from rest_framework.response import Response\n\n\ndef view(request):\n    return Response(status=425)\n"
    old = tmp_path / "old"
    new = tmp_path / "new"
    old.mkdir()
    new.mkdir()
    assert "status=425" in fixed(source, project(old, '["djangorestframework>=3.12"]'))
    assert "status.HTTP_425_TOO_EARLY" in fixed(source, project(new, '["djangorestframework>=3.14"]'))


@pytest.mark.parametrize(
    ("requires", "name"), [(">=3.13", "UNPROCESSABLE_CONTENT"), (">=3.10,<3.12 || >=3.13", "UNPROCESSABLE_ENTITY")]
)
def test_httpstatus_names_follow_the_lowest_python(tmp_path: Path, requires: str, name: str) -> None:
    source = "from flask import abort\n\n\ndef view():\n    abort(422)\n"
    assert f"HTTPStatus.{name}" in fixed(source, project(tmp_path, "[]", requires))


# The verifier, on its own: a rewrite that a speller bug would produce.
ORIGINAL = "from fastapi import HTTPException, status\n\nraise HTTPException(status.HTTP_404_NOT_FOUND)\nraise HTTPException(422)\n"
REWRITTEN = ORIGINAL.replace("(422)", "(status.HTTP_422_UNPROCESSABLE_ENTITY)")
STRADDLING = Target((3, 10), starlette=Span((0, 40), None))


def _applied() -> list[Finding]:
    edit = Edit(Position(4, 20), Position(4, 23), "status.HTTP_422_UNPROCESSABLE_ENTITY")
    return [Finding("HTS001", "use ...", Position(4, 20), Position(4, 23), Fix((edit,), FixSafety.SAFE, ()))]


def _check(original: str, rewritten: str, target: Target | None) -> ast.Module:
    return check_equivalent(original, split_lines(original), ast.parse(original), rewritten, _applied(), target=target)


def test_the_verifier_refuses_a_name_that_warns_on_an_admitted_release() -> None:
    with pytest.raises(FixError) as raised:
        _check(ORIGINAL, REWRITTEN, STRADDLING)
    assert raised.value.cause is FixFailure.UNVERIFIED and raised.value.line == 4
    assert "HTTP_422_UNPROCESSABLE_ENTITY, which warns on Starlette 0.48 and later" in str(raised.value)


def test_the_verifier_refuses_a_name_missing_on_an_admitted_release() -> None:
    rewritten = ORIGINAL.replace("(422)", "(status.HTTP_422_UNPROCESSABLE_CONTENT)")
    with pytest.raises(FixError, match=r"HTTP_422_UNPROCESSABLE_CONTENT, which is missing before Starlette 0\.48"):
        _check(ORIGINAL, rewritten, STRADDLING)


def test_the_verifier_accepts_the_name_where_every_admitted_release_has_it_quietly() -> None:
    assert _check(ORIGINAL, REWRITTEN, Target((3, 10), starlette=Span((0, 40), (0, 48)))) is not None
    new = ORIGINAL.replace("(422)", "(status.HTTP_422_UNPROCESSABLE_CONTENT)")
    assert _check(ORIGINAL, new, Target((3, 10), starlette=Span((1, 6), None))) is not None


def test_the_verifier_leaves_names_the_original_already_read_to_the_rules() -> None:
    original = ORIGINAL.replace("status.HTTP_404_NOT_FOUND", "status.HTTP_422_UNPROCESSABLE_ENTITY")
    assert _check(original, original.replace("(422)", "(status.HTTP_422_UNPROCESSABLE_ENTITY)"), STRADDLING)


def test_the_verifier_reads_names_through_imports_it_added() -> None:
    original = "from fastapi import HTTPException\n\nraise HTTPException(422)\n"
    rewritten = "from fastapi import HTTPException\nfrom fastapi import status\n\nraise HTTPException(status.HTTP_422_UNPROCESSABLE_ENTITY)\n"
    edit = Edit(Position(3, 20), Position(3, 23), "status.HTTP_422_UNPROCESSABLE_ENTITY")
    applied = [
        Finding(
            "HTS001",
            "m",
            Position(3, 20),
            Position(3, 23),
            Fix((edit,), FixSafety.SAFE, (NewImport("fastapi", "status"),)),
        )
    ]
    with pytest.raises(FixError, match=r"warns on Starlette 0\.48"):
        check_equivalent(original, split_lines(original), ast.parse(original), rewritten, applied, target=STRADDLING)


# The facts against the packages installed here (the test extra installs Starlette and DRF).
@pytest.mark.parametrize(
    ("package", "module"), [("starlette", "starlette.status"), ("djangorestframework", "rest_framework.status")]
)
def test_name_facts_hold_for_the_installed_release(package: str, module: str) -> None:
    installed = padded(tuple(int(part) for part in importlib.metadata.version(package).split(".")[:3]))
    loaded = pytest.importorskip(module)
    for qualified, fact in name_facts().items():
        if fact.package != package or not qualified.startswith(module + "."):
            continue
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            present = hasattr(loaded, qualified.rpartition(".")[2])
        assert present is (fact.since is None or installed >= padded(fact.since)), qualified
        assert bool(caught) is (fact.warns_since is not None and installed >= padded(fact.warns_since)), qualified


def test_a_fact_is_looked_up_by_qualified_name_and_built_per_namespace() -> None:
    assert name_fact("http.HTTPStatus.CONTENT_TOO_LARGE") == ("python", (3, 13), None, "")
    assert name_fact("fastapi.status.HTTP_422_UNPROCESSABLE_ENTITY") == name_fact(
        "starlette.status.HTTP_422_UNPROCESSABLE_ENTITY"
    )
    assert name_fact("http.HTTPStatus.NOT_FOUND") is None  # on every release, without a warning
    assert name_fact("requests.codes.teapot") is None and name_fact("HTTP_418_IM_A_TEAPOT") is None
    assert name_fact("rest_framework.status.HTTP_418_IM_A_TEAPOT") == ("djangorestframework", (3, 12, 4), None, "")


def test_every_fact_names_a_constant_of_a_family() -> None:
    names = {f"{family.namespace}.{name}" for family in FAMILIES.values() for name in family.all_names()}
    assert set(name_facts()) <= names


# HTS917's advice names a responses= key; FastAPI turns keys into text with str(), which before Python 3.11
# gives 'HTTPStatus.FORBIDDEN' for an HTTPStatus member.
DOCUMENTED = (
    "from http import HTTPStatus\n\nfrom fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n\n"
    '@app.get("/items/{item_id}", responses={404: {"description": "missing"}})\n'
    "async def item(item_id: int) -> dict:\n    if item_id < 0:\n"
    "        raise HTTPException(status_code=HTTPStatus.FORBIDDEN)\n"
    "    raise HTTPException(status_code=HTTPStatus.NOT_FOUND)\n"
)


@pytest.mark.parametrize(
    ("python", "key"), [("3.10", "add status.HTTP_403_FORBIDDEN"), ("3.11", "add HTTPStatus.FORBIDDEN")]
)
def test_hts917_advice_names_a_key_that_is_a_number_in_openapi(python: str, key: str) -> None:
    from conftest import run

    (finding,) = [f for f in run(DOCUMENTED, f"--http-status-target-python={python}") if f.code == "HTS917"]
    assert finding.message.endswith(key)
