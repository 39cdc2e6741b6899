"""Every fixture app is checked against the findings written inline in it."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest
from expectations import FIXTURES, fixture_files, read, shown, split_options, unsuppressed

from flake8_http_status.engine import analyse
from flake8_http_status.options import settings_from_args


def found(path: Path, options: tuple[str, ...]) -> Counter[tuple[int, str]]:
    """Findings as flake8 shows them (see `expectations.shown`)."""
    plugin_options, enabled = split_options(options)
    source = path.read_text(encoding="utf-8")
    settings = settings_from_args(plugin_options)
    lines = source.splitlines(keepends=True)
    findings = shown(unsuppressed(analyse(ast.parse(source), lines, str(path), settings), source), enabled)
    return Counter((finding.start.line, finding.code) for finding in findings)


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_fixture_findings_match_inline_expectations(path: Path) -> None:
    expected = read(path)
    actual = found(path, expected.options)
    missing = expected.findings - actual
    unexpected = actual - expected.findings
    assert not missing and not unexpected, f"missing: {sorted(missing)}\nunexpected: {sorted(unexpected)}"


def test_there_are_fixtures_for_every_framework() -> None:
    folders = {path.parent.name for path in fixture_files()}
    required = {
        "flask",
        "quart",
        "werkzeug",
        "django",
        "drf",
        "fastapi",
        "starlette",
        "litestar",
        "aiohttp",
        "tornado",
        "sanic",
        "falcon",
        "pyramid",
        "bottle",
        "clients",
        "webtest",
    }
    assert required <= folders, f"no fixtures for {sorted(required - folders)}"
