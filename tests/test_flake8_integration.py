"""The plugin as flake8 runs it: registration, options on the command line and in config, noqa."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from expectations import fixture_files, read, split_options, unsuppressed

from flake8_http_status.engine import analyse
from flake8_http_status.options import settings_from_args


def flake8(*args: str, cwd: Path | None = None) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select=HTS", "--format=%(path)s:%(row)d:%(col)d: %(code)s %(text)s", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout.splitlines()


def test_plugin_is_registered() -> None:
    result = subprocess.run([sys.executable, "-m", "flake8", "--version"], capture_output=True, text=True, check=True)
    assert "flake8-http-status" in result.stdout


@pytest.mark.slow
def test_flake8_reports_exactly_what_the_engine_reports_on_every_fixture() -> None:
    groups: dict[tuple[str, ...], list[Path]] = defaultdict(list)
    for path in fixture_files():
        groups[read(path).options].append(path)
    for options, paths in groups.items():
        reported = set(flake8(*options, *map(str, paths)))
        expected = set()
        # `--select=HTS` (above) shows the rules that are off by default too: flake8 lets an explicit
        # selection beat its default ignore list. Only the plugin's own options go into the settings.
        plugin_options, _ = split_options(options)
        settings = settings_from_args(plugin_options)
        for path in paths:
            source = path.read_text(encoding="utf-8")
            lines = source.splitlines(keepends=True)
            for finding in unsuppressed(analyse(ast.parse(source), lines, str(path), settings), source):
                expected.add(f"{path}:{finding.start.line}:{finding.start.column + 1}: {finding.text}")
        assert reported == expected


SOURCE = (
    "from flask import abort\n\n\ndef view():\n    abort(404)\n    abort(410)  # noqa: HTS001\n    abort(500)  # noqa\n"
)


def test_noqa(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(SOURCE)
    assert [line.split(": ", 1)[1][:6] for line in flake8("app.py", cwd=tmp_path)] == ["HTS001"]


def test_options_from_a_config_file(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(SOURCE)
    (tmp_path / "setup.cfg").write_text("[flake8]\nhttp-status-style = drf\nhttp-status-ignore-values = 500\n")
    (lines,) = flake8("app.py", cwd=tmp_path)
    assert "use status.HTTP_404_NOT_FOUND instead of 404" in lines


def test_options_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "from django.http import HttpResponse\n\ndef v(r):\n    return HttpResponse(status=499)\n"
    )
    assert [line.split(": ", 1)[1][:6] for line in flake8("app.py", cwd=tmp_path)] == ["HTS602"]
    (line,) = flake8("--http-status-extra-codes=499=CLIENT_CLOSED_REQUEST", "app.py", cwd=tmp_path)
    assert "HTS001 use CLIENT_CLOSED_REQUEST instead of 499" in line


def test_a_bad_option_value_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(SOURCE)
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--http-status-style=pascal", "app.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode != 0 and "pascal" in result.stderr
