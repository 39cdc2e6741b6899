"""The project's line length, read from ruff, black, isort and flake8 configuration, and what the fixer does with it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fixing import options

from flake8_http_status.fixer.discovery import Found
from flake8_http_status.fixer.files import Mode, RunOptions, Status, process
from flake8_http_status.fixer.line_length import line_length_for
from flake8_http_status.fixer.long_lines import lengthened
from flake8_http_status.fixer.report import Reporter


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param({}, 79, id="nothing-configured-flake8-default"),
        pytest.param({"pyproject.toml": "[tool.ruff]\nline-length = 100\n"}, 100, id="ruff"),
        pytest.param({"pyproject.toml": "[tool.ruff]\ntarget-version = 'py310'\n"}, 88, id="ruff-default"),
        pytest.param(
            {"ruff.toml": "line-length = 110\n[lint.pycodestyle]\nmax-line-length = 105\n"}, 105, id="ruff-e501"
        ),
        pytest.param({"pyproject.toml": "[tool.black]\nline-length = 99\n"}, 99, id="black"),
        pytest.param({"pyproject.toml": '[tool.isort]\nprofile = "black"\n'}, 88, id="isort-black-profile"),
        pytest.param({".isort.cfg": "[settings]\nline_length = 95\n"}, 95, id="isort-cfg"),
        pytest.param({"setup.cfg": "[flake8]\nmax-line-length = 120\n"}, 120, id="flake8-setup-cfg"),
        pytest.param({"tox.ini": "[flake8]\nmax-line-length = 101\n"}, 101, id="flake8-tox"),
        pytest.param(
            {".flake8": "[flake8]\nextend-ignore = E203, E501\n", "pyproject.toml": "[tool.black]\n"},
            88,
            id="flake8-ignoring-e501-counts-for-nothing",
        ),
        pytest.param(
            {"setup.cfg": "[flake8]\nmax-line-length = 120\n", "pyproject.toml": "[tool.ruff]\nline-length = 100\n"},
            100,
            id="the-smallest-wins",
        ),
        pytest.param({"pyproject.toml": "[tool.ruff\nbroken"}, 79, id="malformed-ignored"),
    ],
)
def test_the_line_length_comes_from_the_projects_tools(tmp_path: Path, files: dict[str, str], expected: int) -> None:
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "pkg").mkdir()
    assert line_length_for(tmp_path / "pkg" / "views.py") == expected


def test_the_nearest_configuration_of_a_tool_wins(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.ruff]\nline-length = 70\n")
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "ruff.toml").write_text("line-length = 111\n")
    assert line_length_for(tmp_path / "inner" / "x.py") == 111
    assert line_length_for(tmp_path / "x.py") == 70


def test_only_lines_the_fix_pushed_past_the_limit_are_named() -> None:
    before = "a = 1\n" + "b = " + "x" * 80 + "\n" + "c = 404\n"
    after = "a = 1\n" + "b = " + "y" * 81 + "\n" + "c = HTTPStatus.NOT_FOUND\n"
    assert lengthened(before, after, 20) == (3,)  # line 2 was already too long
    assert lengthened(before, after, 100) == ()


def test_the_summary_names_lines_the_fix_made_too_long(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[flake8]\nmax-line-length = 60\n")
    source = "from flask import abort\n\n\ndef show(item_identifier_value):\n    abort(404) if item_identifier_value else abort(409)\n"
    path = tmp_path / "views.py"
    path.write_text(source)
    result = process(Found(path, path), RunOptions(options(), Mode.CHECK))
    assert result.status is Status.CHANGED and result.long_lines == (7,) and result.line_length == 60
    stream = io.StringIO()
    reporter = Reporter(stream, Mode.CHECK)
    reporter.file(result, 1)
    reporter.summary()
    assert f"{path}:7: the fixes made this line longer than 60\n" in stream.getvalue()
    assert "1 line is now longer than the project's line length" in stream.getvalue()


def test_a_merged_import_is_wrapped_to_the_projects_length(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.black]\nline-length = 50\n")
    source = "from fastapi import APIRouter, HTTPException\n\n\ndef f():\n    raise HTTPException(404)\n"
    path = tmp_path / "api.py"
    path.write_text(source)
    assert process(Found(path, path), RunOptions(options("--http-status-style=fastapi"))).status is Status.CHANGED
    assert path.read_text().startswith("from fastapi import (\n    APIRouter,\n    HTTPException,\n    status,\n)\n")
