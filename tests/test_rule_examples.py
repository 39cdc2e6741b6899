"""Every example on a rule page runs: the bad code reports the rule, the code under "Use instead" reports nothing.

The examples come from the registry, so a rule added later is covered without touching this file.
"""

from __future__ import annotations

import re

import pytest
from conftest import run
from test_languages import ENGLISH_PROSE, prose

from flake8_http_status.rules.registry import RULES
from flake8_http_status.rules.rule import Example, Rule

CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{number}")
    for rule in RULES
    for number, example in enumerate(rule.doc.examples, 1)
]
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_has_an_example(rule: Rule) -> None:
    assert rule.doc.examples, f"{rule.code} has no example for its page"


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_bad_example_reports_the_rule(rule: Rule, example: Example) -> None:
    found = [finding.code for finding in run(example.bad, *example.options)]
    assert rule.code in found, f"{rule.code}'s example is not reported by it; found {found}"


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_good_example_reports_nothing(rule: Rule, example: Example) -> None:
    # Not even another rule: the page would otherwise recommend code the linter flags.
    found = [finding.text for finding in run(example.good, *example.options)]
    assert found == [], f"{rule.code}'s 'Use instead' code is reported: {found}"


@pytest.mark.parametrize(("rule", "example"), CASES)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_example_messages_are_one_line_in_every_language(rule: Rule, example: Example, lang: str) -> None:
    findings = run(example.bad, *example.options, f"--http-status-lang={lang}")
    messages = [finding.message for finding in findings if finding.code == rule.code]
    assert messages
    for message in messages:
        assert "\n" not in message and "\r" not in message
        assert "{" not in message or "{" in example.bad, f"unfilled placeholder in {message!r}"
        assert bool(_HANGUL.search(message)) == (lang == "ko"), message
        if lang == "ko":  # no English left over from text a rule composed without `Phrase`
            assert not ENGLISH_PROSE.search(prose(message)), message


def test_an_examples_options_are_applied() -> None:
    # HTS004's second example relies on --http-status-style=fastapi: without it the module is consistent.
    rule = next(rule for rule in RULES if rule.code == "HTS004")
    example = next(example for example in rule.doc.examples if example.options)
    assert "HTS004" in [finding.code for finding in run(example.bad, *example.options)]
    assert "HTS004" not in [finding.code for finding in run(example.bad)]
