"""The rules' documented examples and the fixture apps, run through the fixer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import run
from expectations import FIXTURES, fixture_files, read
from fixing import fix, options

from flake8_http_status.engine import analyse
from flake8_http_status.findings import FixSafety
from flake8_http_status.fixer.noqa import NoqaLines
from flake8_http_status.fixer.selection import choose
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.rules.registry import RULES
from flake8_http_status.rules.rule import Example

FIXABLE = [
    pytest.param(rule.code, example, id=f"{rule.code}-{index}")
    for rule in RULES
    if rule.fix is not FixSafety.NONE
    for index, example in enumerate(rule.doc.examples)
]


def findings(source: str, *flags: str) -> list[str]:
    return [finding.code for finding in run(source, *flags)]


@pytest.mark.parametrize(("code", "example"), FIXABLE)
def test_fixing_a_bad_example_clears_its_finding_and_converges(code: str, example: Example) -> None:
    fixed = fix(example.bad, *example.options, select=(code,), unsafe=True)
    assert fixed != example.bad
    assert code not in findings(fixed, *example.options)


# Examples whose `good` code is exactly what `http-status fix --unsafe-fixes` writes. The others show
# a different but equally valid result (a status line instead of a constant, or an unused import
# removed by hand).
EXACT = {"HTS001-0", "HTS001-1", "HTS002-0", "HTS003-0", "HTS604-0"}


@pytest.mark.parametrize(("code", "example"), [p for p in FIXABLE if p.id in EXACT])
def test_the_fixer_writes_the_documented_good_code(code: str, example: Example) -> None:
    assert fix(example.bad, *example.options, unsafe=True) == example.good


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fixture_apps_are_fixed_completely_and_stably(path: Path, unsafe: bool) -> None:
    source = path.read_text(encoding="utf-8")
    flags = read(path).options
    fixed = fix(source, *flags, filename=str(path), unsafe=unsafe)
    chosen = options(*flags, unsafe=unsafe)
    lines = split_lines(fixed)
    left = analyse(ast.parse(fixed), lines, str(path), chosen.settings, chosen.selection.wants)
    unfixed = choose(left, chosen.selection, NoqaLines(fixed, lines)).findings
    assert not unfixed, [f"{f.start.line}: {f.text}" for f in unfixed]
