"""Meta-tests over the rule registry: codes, messages, docs, fixture coverage and fix safety."""

from __future__ import annotations

import ast
import re
from collections import Counter

from expectations import fixture_files, read, split_options

from flake8_http_status.engine import analyse
from flake8_http_status.findings import FixSafety
from flake8_http_status.options import settings_from_args
from flake8_http_status.rules.registry import BY_CODE, RULES

CODE = re.compile(r"HTS\d{3}\Z")


def test_codes_and_slugs_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in RULES]
    slugs = [rule.slug for rule in RULES]
    assert len(codes) == len(set(codes)) and len(slugs) == len(set(slugs))
    for rule in RULES:
        assert CODE.match(rule.code), rule.code
        number = int(rule.code[3:])
        assert not 100 <= number <= 599, f"{rule.code} could be read as a status code"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.slug), rule.slug


def test_every_rule_has_a_one_line_message_and_complete_docs() -> None:
    for rule in RULES:
        assert rule.message and "\n" not in rule.message and rule.placeholders, rule.code
        doc = rule.doc
        assert doc.what and doc.why and doc.fix_safety and doc.examples and doc.references, rule.code
        assert doc.not_reported, f"{rule.code} must say what it deliberately does not report"


def _fixture_findings() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for path in fixture_files():
        source = path.read_text(encoding="utf-8")
        settings = settings_from_args(split_options(read(path).options)[0])
        found.extend(
            (finding.code, finding)
            for finding in analyse(ast.parse(source), source.splitlines(keepends=True), str(path), settings)
        )
    return found


def test_every_rule_is_hit_by_a_fixture() -> None:
    expected = Counter(code for path in fixture_files() for (_, code) in read(path).findings)
    missing = [rule.code for rule in RULES if not expected[rule.code]]
    assert not missing, f"no fixture expects {missing}"


_RETYPING = frozenset({"HTS001", "HTS002", "HTS004"})


def test_findings_respect_their_rules_fix_safety() -> None:
    for code, finding in _fixture_findings():
        rule = BY_CODE[code]
        fix = finding.fix  # type: ignore[attr-defined]
        if rule.fix is FixSafety.NONE:
            assert fix is None, code
        elif fix is not None:
            # A safe rule's fix is unsafe where it would change a value's type (int, HTTPStatus) beyond a
            # converting status slot or a comparison (analysis/value_uses.py).
            retyped = code in _RETYPING and fix.safety is FixSafety.UNSAFE
            assert fix.safety is rule.fix or retyped, code


def test_messages_name_the_constant_for_naming_rules() -> None:
    for code, finding in _fixture_findings():
        if code in ("HTS001", "HTS002"):
            fix = finding.fix  # type: ignore[attr-defined]
            if fix is None:  # no name is safe on every release the project admits: the message says why
                assert "no fix: " in finding.message, finding.text  # type: ignore[attr-defined]
                continue
            assert fix.edits[0].text in finding.message  # type: ignore[attr-defined]


def test_the_lazy_checker_list_follows_the_registry() -> None:
    from flake8_http_status.rules import checkers, registry

    names = tuple(module.__name__.removeprefix("flake8_http_status.rules.") for module in registry._MODULES)
    assert names == checkers.MODULES
    assert checkers.checkers() == registry.CHECKERS
    assert checkers.OFF_BY_DEFAULT == registry.OFF_BY_DEFAULT
    codes = tuple(tuple(sorted(rule.code for rule in module.RULES)) for module in registry._MODULES)
    assert codes == checkers.CODES


def test_the_shown_checkers_are_those_with_a_shown_code() -> None:
    from flake8_http_status.rules import checkers, registry

    def on(code: str) -> bool:
        return code not in registry.OFF_BY_DEFAULT

    kept = checkers.shown_checkers(on)
    expected = tuple(module.check for module in registry._MODULES if any(on(rule.code) for rule in module.RULES))
    assert kept == expected
    assert len(kept) == len(registry._MODULES) - 4  # the modules of HTS916, HTS918/919, HTS921 and HTS922
    assert checkers.shown_checkers(lambda code: True) == registry.CHECKERS


def test_rule_for_finds_every_rule_of_the_registry() -> None:
    from flake8_http_status.rules import checkers, registry

    for code, rule in registry.BY_CODE.items():
        assert checkers.rule_for(code) is rule
    assert checkers.rule_for("HTS999") is None


def test_on_by_default_reads_the_rules_defaults() -> None:
    """`one_answer.on_by_default` reads the checkers' table instead of importing every rule module."""
    from flake8_http_status.rules import registry
    from flake8_http_status.rules.one_answer import on_by_default

    assert all(on_by_default(rule.code) is rule.default for rule in registry.RULES)
    assert not on_by_default("HTS999")
