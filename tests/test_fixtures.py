"""Every fixture app is checked against the findings written inline in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from expectations import FIXTURES, fixture_files, found, read


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
