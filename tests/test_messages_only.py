"""Findings without fixes (`analyse_module(..., fixes=False)`), as the flake8 plugin asks for them: flake8 shows
messages only, so what only a fix needs (`Context.fix_safety`: the survey of the module's value uses) is not worked
out. Every fixture gives the same findings but for the fixes, with every rule shown, on a real project too.
"""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest
from expectations import FIXTURES, fixture_files, read, split_options
from test_real_code import package_files

from flake8_http_status.engine import Analysis, analyse_module
from flake8_http_status.findings import Finding, FixSafety
from flake8_http_status.options import Settings, settings_from_args


def _everything(code: str) -> bool:
    return True


def _analysed(path: Path, settings: Settings, *, fixes: bool) -> Analysis:
    source = path.read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    return analyse_module(tree, lines, str(path), settings, shown=_everything, fixes=fixes)


def _without_fixes(findings: list[Finding]) -> list[Finding]:
    return [finding._replace(fix=None) for finding in findings]


def _settings(path: Path) -> Settings:
    return settings_from_args(split_options(read(path).options)[0])


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_fixture_gives_the_same_findings_without_fixes(path: Path) -> None:
    settings = _settings(path)
    without = _analysed(path, settings, fixes=False).findings
    assert all(finding.fix is None for finding in without)
    assert without == _without_fixes(_analysed(path, settings, fixes=True).findings)


def test_many_fixtures_have_fixes_to_leave_out() -> None:
    """Not vacuous: with fixes, most fixtures' findings carry some, safe and unsafe ones both."""
    safeties = [
        finding.fix.safety
        for path in fixture_files()
        for finding in _analysed(path, _settings(path), fixes=True).findings
        if finding.fix is not None
    ]
    assert safeties.count(FixSafety.SAFE) > 100 and safeties.count(FixSafety.UNSAFE) > 20, len(safeties)


@pytest.mark.parametrize("path", package_files("starlette")[:60], ids=str)
def test_real_code_gives_the_same_findings_without_fixes(path: Path) -> None:
    settings = Settings()
    assert _analysed(path, settings, fixes=False).findings == _without_fixes(
        _analysed(path, settings, fixes=True).findings
    )


def test_the_value_uses_are_surveyed_for_a_fix_only() -> None:
    """The Flask-RESTful fixture's HTS001 fixes need the survey; its messages do not."""
    path = FIXTURES / "flask" / "restful_api.py"
    with_fixes = _analysed(path, _settings(path), fixes=True)
    without = _analysed(path, _settings(path), fixes=False)
    assert with_fixes.context is not None and without.context is not None
    assert any(finding.code == "HTS001" for finding in without.findings)
    assert "value_uses" in vars(with_fixes.context)
    assert "value_uses" not in vars(without.context)
