"""The plugin as flake8 runs it: registration, options on the command line and in config, noqa."""

from __future__ import annotations

import ast
import os
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
            # Every rule is shown, so HTS001 gives way to the rules that are off by default too.
            analysed = analyse(ast.parse(source), lines, str(path), settings, lambda code: True)
            for finding in unsuppressed(analysed, source):
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


def flake8_run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """flake8 as a user runs it, with no configuration above `cwd` (HOME stops the search)."""
    environment = {**os.environ, "HOME": str(cwd)}
    command = [sys.executable, "-m", "flake8", "--select=HTS", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=environment, timeout=120, check=False)


BAD_CONFIG_VALUES = {
    "target-python": (
        "http-status-target-python = 3.x",
        "http-status-target-python must look like 3.10 or >=3.10, not '3.x'",
    ),
    "style": (
        "http_status_style = camel",
        "http-status-style must be one of auto, httpstatus, fastapi, starlette, drf, litestar, not 'camel'",
    ),
    "lang": ("http-status-lang = fr", "http-status-lang must be one of en, ko, not 'fr'"),
    "ignore-values": (
        "http-status-ignore-values = 200,\n    2xx",
        "http-status-ignore-values: expected integers, not '2xx'",
    ),
    "extra-codes": (
        "http-status-extra-codes = 499=myapp.http:class",
        "http-status-extra-codes: 'class' in '499=myapp.http:class' is a Python keyword",
    ),
    "extra-calls": (
        "http-status-extra-calls = helper",
        "http-status-extra-calls: expected NAME:POSITION, NAME:KEYWORD or NAME:POSITION:KEYWORD, not 'helper'",
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("config", ["setup.cfg", "tox.ini", ".flake8"])
@pytest.mark.parametrize("case", BAD_CONFIG_VALUES, ids=list(BAD_CONFIG_VALUES))
def test_a_bad_value_in_a_config_file_is_one_line_naming_the_file(tmp_path: Path, config: str, case: str) -> None:
    line, message = BAD_CONFIG_VALUES[case]
    (tmp_path / "app.py").write_text(SOURCE)
    (tmp_path / config).write_text(f"[flake8]\n{line}\n")
    result = flake8_run("app.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"flake8: error: {config}: {message}"]
    assert flake8_run("--isolated", "app.py", cwd=tmp_path).returncode == 1  # the file is the only cause


@pytest.mark.slow
def test_a_bad_value_names_where_flake8_took_it_from(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(SOURCE)
    (tmp_path / "setup.cfg").write_text("[flake8]\nhttp-status-target-python = 3.x\n")
    (tmp_path / "extra.cfg").write_text("[flake8]\nhttp-status-target-python = >=3.x\n")
    message = "http-status-target-python must look like 3.10 or >=3.10, not"
    cases = {
        ("app.py",): f"flake8: error: setup.cfg: {message} '3.x'",
        ("--http-status-target-python=3.x", "app.py"): f"flake8: error: {message} '3.x'",  # the command line wins
        ("--http-status-target-python", "3", "app.py"): f"flake8: error: {message} '3'",
        ("--config", "extra.cfg", "app.py"): f"flake8: error: extra.cfg: {message} '>=3.x'",
        ("--append-config", "extra.cfg", "app.py"): f"flake8: error: extra.cfg: {message} '>=3.x'",
    }
    for args, expected in cases.items():
        result = flake8_run(*args, cwd=tmp_path)
        assert (result.returncode, result.stderr.splitlines()) == (2, [expected]), args
    fixed = flake8_run("--http-status-target-python=3.11", "app.py", cwd=tmp_path)
    assert (fixed.returncode, fixed.stderr) == (1, "")
