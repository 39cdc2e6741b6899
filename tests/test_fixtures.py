"""Every fixture app is checked against the findings written inline in it."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

from expectations import FIXTURES, fixture_files, read
from flake8_http_status.engine import analyse
from flake8_http_status.options import settings_from_args
from flake8_http_status.rules.registry import OFF_BY_DEFAULT


def found(path: Path, options: tuple[str, ...]) -> Counter[tuple[int, str]]:
    """Findings as flake8 reports them: rules that are off by default count only when a fixture's
    `# options:` line enables them with `--extend-select=HTS914,...`."""
    enabled = {code for option in options if option.startswith(_SELECT) for code in option[len(_SELECT):].split(",")}
    source = path.read_text(encoding="utf-8")
    settings = settings_from_args(tuple(option for option in options if not option.startswith(_SELECT)))
    findings = analyse(ast.parse(source), source.splitlines(keepends=True), str(path), settings)
    return Counter(
        (finding.start.line, finding.code)
        for finding in findings
        if finding.code not in OFF_BY_DEFAULT or finding.code in enabled
    )


_SELECT = "--extend-select="


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
        "flask", "quart", "werkzeug", "django", "drf", "fastapi", "starlette", "litestar", "aiohttp", "tornado",
        "sanic", "falcon", "pyramid", "bottle", "clients",
    }
    assert required <= folders, f"no fixtures for {sorted(required - folders)}"
