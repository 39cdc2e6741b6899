"""A module of the project's own that shadows an added import refuses the fixes that need it (issue 11).

`http.py` (or a package `http/`) beside the fixed file, above it where pytest inserts the directory, in the
project root or in its `src/` root comes before the standard library's `http` on `sys.path`: an added
`from http import HTTPStatus` would import the project's module. The verifier refuses those fixes, each with
its reason, and keeps the file's others.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from fixing import options

from flake8_http_status.cli import main
from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer.errors import FixError
from flake8_http_status.fixer.pipeline import fix_text
from flake8_http_status.fixer.shadows import shadowing
from flake8_http_status.fixer.verify import check_equivalent

VIEWS = """\
from flask import abort


def show():
    abort(404)
"""
# The late view reuses the module's own `from http import HTTPStatus`, which binds what it binds.
MIXED = """\
from flask import abort


def early():
    abort(404)


from http import HTTPStatus  # noqa: E402


def late():
    abort(410)
"""


def project(tmp_path: Path, *shadows: str, source: str = VIEWS, at: str = "app/views.py") -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "demo"\nrequires-python = ">=3.10"\n')
    for shadow in shadows:
        (tmp_path / shadow).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / shadow).write_text("")
    path = tmp_path / at
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    return path


@pytest.mark.parametrize(
    ("shadow", "at"),
    [
        ("app/http.py", "app/views.py"),  # the script's own directory
        ("http/__init__.py", "app/views.py"),  # the project root
        ("src/http/__init__.py", "src/demo/views.py"),  # the src/ layout root
        ("tests/http.py", "tests/unit/test_views.py"),  # pytest inserts the first directory that is no package
        ("app/http.pyc", "app/views.py"),
    ],
)
def test_a_shadowed_added_import_refuses_its_fixes(tmp_path: Path, shadow: str, at: str) -> None:
    if at.startswith("tests/unit"):
        (tmp_path / "tests/unit").mkdir(parents=True)
        (tmp_path / "tests/unit/__init__.py").write_text("")
    path = project(tmp_path, shadow, at=at)
    result = fix_text(VIEWS, str(path), options())
    assert result.text == VIEWS and not result.changed
    assert [(fix.code, fix.line) for fix in result.refused] == [("HTS001", 5)]
    name = Path(shadow).name if Path(shadow).name != "__init__.py" else "__init__.py"
    assert "the project's own" in result.refused[0].reason and name in result.refused[0].reason
    assert "`from http import HTTPStatus`" in result.refused[0].reason


@pytest.mark.parametrize("unrelated", ["app/httpx.py", "http/readme.txt", "other/http.py", "app/http/x.py"])
def test_no_shadow_no_refusal(tmp_path: Path, unrelated: str) -> None:
    """`http/` without `__init__.py` is a namespace package, which the real `http` wins over."""
    path = project(tmp_path, unrelated)
    result = fix_text(VIEWS, str(path), options())
    assert "abort(HTTPStatus.NOT_FOUND)" in result.text and not result.refused


def test_the_other_fixes_of_the_file_are_kept(tmp_path: Path) -> None:
    path = project(tmp_path, "app/http.py", source=MIXED)
    result = fix_text(MIXED, str(path), options())
    assert "abort(404)" in result.text and "abort(HTTPStatus.GONE)" in result.text
    assert [fix.line for fix in result.refused] == [5]


def test_a_chain_through_a_shadowed_module_import_is_refused(tmp_path: Path) -> None:
    """`import http` binds the project's `http.py`, which may have no `HTTPStatus`."""
    source = "import http\n\nfrom flask import abort\n\n\ndef show():\n    abort(404)\n"
    plain = project(tmp_path / "plain", source=source)
    assert "abort(http.HTTPStatus.NOT_FOUND)" in fix_text(source, str(plain), options()).text
    path = project(tmp_path / "shadowed", "app/http.py", source=source)
    result = fix_text(source, str(path), options())
    assert result.text == source and "would be read from the project's own `http.py`" in result.refused[0].reason


def test_a_framework_module_of_the_project_refuses_the_merged_import(tmp_path: Path) -> None:
    source = 'from fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n\n@app.get("/")\ndef show():\n'
    source += "    raise HTTPException(404)\n"
    plain = project(tmp_path / "plain", source=source)
    assert "status.HTTP_404_NOT_FOUND" in fix_text(source, str(plain), options()).text
    path = project(tmp_path / "shadowed", "app/fastapi.py", source=source)
    result = fix_text(source, str(path), options())
    assert result.text == source and "`from fastapi import status`" in result.refused[0].reason


def test_the_verifier_checks_it_itself(tmp_path: Path) -> None:
    """A rewrite that adds a shadowed import is refused by `check_equivalent`, whatever the speller did."""
    path = project(tmp_path, "app/http.py")
    where = Edit(Position(5, 10), Position(5, 13), "HTTPStatus.NOT_FOUND")
    finding = Finding(
        "HTS001", "m", where.start, where.end, Fix((where,), FixSafety.SAFE, (NewImport("http", "HTTPStatus"),))
    )
    rewritten = "from http import HTTPStatus\n\n" + VIEWS.replace("404", "HTTPStatus.NOT_FOUND")
    lines = VIEWS.splitlines(keepends=True)
    check_equivalent(VIEWS, lines, ast.parse(VIEWS), rewritten, [finding], filename=str(tmp_path / "x" / "v.py"))
    with pytest.raises(FixError, match=r"the project.s own `http\.py`") as raised:
        check_equivalent(VIEWS, lines, ast.parse(VIEWS), rewritten, [finding], filename=str(path))
    assert raised.value.edits == frozenset({where})


def test_the_cli_names_each_refused_fix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project(tmp_path, "app/http.py")
    assert main(["fix", "--isolated", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"{path}:5:11: refused HTS001 fix: the project's own `http.py` would be imported" in err
    assert path.read_text() == VIEWS


def test_lookups_are_cached(tmp_path: Path) -> None:
    path = project(tmp_path, "app/http.py")
    assert shadowing(str(path), "http.client") == path.parent / "http.py"
    (path.parent / "http.py").unlink()
    assert shadowing(str(path), "http") == path.parent / "http.py"  # one look per directory and name
