"""The fixer skips parsing files whose text cannot hold a fix. Checked here on real code and the
fixtures: every file the text filter skips really has no fix for that selection."""

from __future__ import annotations

import ast
import warnings
from pathlib import Path

import pytest
from expectations import fixture_files
from test_real_code import SETTINGS, package_files

from flake8_http_status.engine import analyse_module
from flake8_http_status.fixer.noqa import NoqaLines
from flake8_http_status.fixer.selection import Selection, choose
from flake8_http_status.fixer.source import split_lines

SELECTIONS = {
    "default": Selection(),
    "unsafe": Selection(unsafe=True),
    "only-HTS604": Selection(unsafe=True, select=("HTS604",)),
    "only-HTS004": Selection(select=("HTS004",)),
}


def files() -> list[Path]:
    # Django is left out: the plugin's own sweep covers it, and this test must stay quick.
    return [
        *fixture_files(),
        *(path for name in ("rest_framework", "starlette", "litestar") for path in package_files(name)),
    ]


@pytest.mark.parametrize("name", SELECTIONS)
def test_no_file_with_a_fix_is_skipped(name: str) -> None:
    selection = SELECTIONS[name]
    skipped_with_fixes = []
    for path in files():
        text = path.read_text(encoding="utf-8")
        if selection.may_fix(text):
            continue
        lines = split_lines(text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(text)
        findings = analyse_module(tree, lines, str(path), SETTINGS, prefilter=False).findings
        chosen = choose(findings, selection, NoqaLines(text, lines))
        if chosen.findings:
            skipped_with_fixes.append(f"{path}: {[f.text for f in chosen.findings]}")
    assert not skipped_with_fixes
