"""Every HTS9xx rule's documentation examples run: the bad one is reported, the good one is not."""

from __future__ import annotations

import pytest
from conftest import run

from flake8_http_status.rules.registry import RULES
from flake8_http_status.rules.rule import Example, Rule

CHOICES = [rule for rule in RULES if rule.code.startswith("HTS9")]
EXAMPLES = [(rule, example) for rule in CHOICES for example in rule.doc.examples]


def _id(item: tuple[Rule, Example]) -> str:
    return item[0].code


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[_id(item) for item in EXAMPLES])
def test_bad_example_is_reported(rule: Rule, example: Example) -> None:
    assert rule.code in [finding.code for finding in run(example.bad, *example.options)]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[_id(item) for item in EXAMPLES])
def test_good_example_is_clean(rule: Rule, example: Example) -> None:
    found = [finding.text for finding in run(example.good, *example.options)]
    assert not found, found


def test_examples_of_rules_that_are_off_turn_them_on() -> None:
    for rule in CHOICES:
        if not rule.default:
            assert all(f"--extend-select={rule.code}" in example.options for example in rule.doc.examples), rule.code


def test_every_choice_rule_has_an_example_and_says_what_it_skips() -> None:
    for rule in CHOICES:
        assert rule.doc.examples, rule.code
        assert rule.doc.not_reported, rule.code


def test_rules_that_are_off_by_default() -> None:
    assert {rule.code for rule in CHOICES if not rule.default} == {
        "HTS914",
        "HTS915",
        "HTS916",
        "HTS918",
        "HTS919",
        "HTS921",
        "HTS922",
        "HTS923",
    }
