"""Korean stays complete and in step with English: every rule, message, fragment and status code, with the
same placeholders, the same code spans, the same structure, and one consistent vocabulary."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from flake8_http_status import api
from flake8_http_status.api.rows import Api
from flake8_http_status.catalogue import entries
from flake8_http_status.docs.labels import LABELS
from flake8_http_status.i18n.ko import messages as ko_messages
from flake8_http_status.i18n.ko import rules as ko_rules
from flake8_http_status.i18n.ko import statuses as ko_statuses
from flake8_http_status.i18n.messages import message_catalog
from flake8_http_status.i18n.phrase import Phrase
from flake8_http_status.i18n.texts import status_name, status_reason
from flake8_http_status.rules.registry import RULES
from flake8_http_status.rules.rule import Rule
from flake8_http_status.rules.texts import english_rule_text, rule_text
from flake8_http_status.statuses import BY_CODE, STATUSES

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "flake8_http_status"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
CODE_SPAN = re.compile(r"`[^`]+`")
RULE_CODES = [rule.code for rule in RULES]
STATUS_CODES = [status.code for status in STATUSES]


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def code_spans(text: str) -> list[str]:
    return sorted(CODE_SPAN.findall(text))


# Messages


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_message_is_translated_with_the_same_placeholders(rule: Rule) -> None:
    assert rule.code in ko_messages.MESSAGES, f"{rule.code} has no Korean message (i18n/ko/messages.py)"
    korean = ko_messages.MESSAGES[rule.code]
    assert placeholders(korean) == rule.placeholders
    assert HANGUL.search(korean) and "\n" not in korean and "\n" not in rule.message


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_translated_messages_name_the_same_options_and_commands(rule: Rule) -> None:
    # An option or `http-status explain` pointer in the English message must survive translation.
    def tool_words(text: str) -> list[str]:
        return sorted(re.findall(r"http-status(?:-[a-z]+)*(?: explain)?", text))

    assert tool_words(ko_messages.MESSAGES.get(rule.code, "")) == tool_words(rule.message)


def test_no_translation_for_a_rule_that_does_not_exist() -> None:
    assert set(ko_messages.MESSAGES) <= set(RULE_CODES)
    assert set(ko_rules.RULES) <= set(RULE_CODES)


@lru_cache(maxsize=1)
def _phrase_templates() -> tuple[tuple[str, str], ...]:
    """Every `Phrase("...")` written in the package, with where it is."""
    return tuple(_scan_phrases())


def _scan_phrases() -> Iterator[tuple[str, str]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Phrase":
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path.name}:{node.lineno}: a Phrase template must be a string literal (it is the translation key)"
                )
                yield first.value, f"{path.name}:{node.lineno}"


def _apis() -> list[Api]:
    """Every row of the framework table."""
    return [row for framework in api.all_frameworks() for row in framework.apis()]


def _rejections() -> set[str]:
    """Every `rejects_why` in the framework table: it goes into HTS605's message."""
    return {row.rejects_why for row in _apis() if row.rejects_why}


def _descriptive_labels() -> set[str]:
    """API labels written as English words ("a Flask view's return tuple"), not as names ("flask.abort")."""
    labels = {row.label for row in _apis()}
    return {label for label in labels if len(re.findall(r"(?:^|\s)[a-z']+(?=\s|$)", label)) >= 2}


def test_every_descriptive_api_label_is_translated() -> None:
    labels = _descriptive_labels()
    assert "route decorator" in labels  # the scan sees them
    assert sorted(labels - set(ko_messages.PHRASES)) == []


def test_every_phrase_a_rule_composes_is_translated() -> None:
    found = list(_phrase_templates())
    assert len(found) >= 10  # the scan sees the rules' phrases
    for template, where in found:
        assert template in ko_messages.PHRASES, f"{where}: no Korean for Phrase({template!r})"
        assert placeholders(ko_messages.PHRASES[template]) == placeholders(template), where


def test_every_api_rejection_is_translated() -> None:
    rejections = _rejections()
    assert rejections
    missing = sorted(rejections - set(ko_messages.PHRASES))
    assert missing == [], f"no Korean for these rejects_why texts: {missing}"


def test_no_korean_phrase_is_left_over() -> None:
    used = {template for template, _ in _phrase_templates()} | _rejections() | _descriptive_labels()
    assert sorted(set(ko_messages.PHRASES) - used) == []


def test_translated_phrases_format_in_korean() -> None:
    catalog = message_catalog("ko")
    for template, _ in _phrase_templates():
        values = {name: f"<{name}>" for name in placeholders(template)}
        text = str(catalog.translate(Phrase(template, **values)))
        assert HANGUL.search(text) or not HANGUL.search(ko_messages.PHRASES[template]), text
        assert all(f"<{name}>" in text for name in values), text


def test_plain_values_that_are_not_known_text_stay_as_they_are() -> None:
    catalog = message_catalog("ko")
    assert catalog.translate("HTTPStatus.NOT_FOUND") == "HTTPStatus.NOT_FOUND"
    assert catalog.translate(404) == 404
    assert catalog.translate(BY_CODE[404].reason) == ko_statuses.REASONS[404]


# Status names and reasons


def test_every_status_has_a_korean_name_and_reason() -> None:
    assert list(ko_statuses.NAMES) == STATUS_CODES
    assert list(ko_statuses.REASONS) == STATUS_CODES
    for code in STATUS_CODES:
        assert HANGUL.search(ko_statuses.NAMES[code]) and HANGUL.search(ko_statuses.REASONS[code]), code


def test_english_reasons_are_distinct() -> None:
    # Messages find a reason's translation by its English text.
    reasons = [status.reason for status in STATUSES]
    assert len(set(reasons)) == len(reasons)
    assert not set(reasons) & set(ko_messages.PHRASES)


# Rule pages


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_every_rule_page_is_translated_in_step(rule: Rule) -> None:
    assert rule.code in ko_rules.RULES, f"{rule.code} has no Korean page text (i18n/ko/rules.py)"
    english, korean = english_rule_text(rule), rule_text(rule, "ko")
    for name in english._fields:
        ours, theirs = getattr(english, name), getattr(korean, name)
        if isinstance(ours, tuple):
            assert len(theirs) == len(ours), f"{rule.code}.{name}: {len(theirs)} entries, English has {len(ours)}"
            pairs = list(zip(ours, theirs, strict=True))
        else:
            pairs = [(ours, theirs)]
        for en, ko in pairs:
            assert code_spans(ko) == code_spans(en), f"{rule.code}.{name}: code differs from English in {ko!r}"
            if name != "references":
                assert HANGUL.search(ko), f"{rule.code}.{name} is not translated: {ko!r}"


# Catalogue


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_catalogue_covers_every_registered_code(lang: str) -> None:
    assert sorted(entries(lang)) == STATUS_CODES


@pytest.mark.parametrize("code", STATUS_CODES)
def test_catalogue_entries_are_in_step(code: int) -> None:
    english, korean = entries("en")[code], entries("ko")[code]
    assert [i.code for i in korean.instead] == [i.code for i in english.instead]
    assert [(h.name, h.level) for h in korean.headers] == [(h.name, h.level) for h in english.headers]
    assert len(korean.notes) == len(english.notes)
    for en, ko in [
        (english.meaning, korean.meaning),
        (english.use, korean.use),
        *zip(english.notes, korean.notes, strict=True),
        *((a.when, b.when) for a, b in zip(english.instead, korean.instead, strict=True)),
        *((a.note, b.note) for a, b in zip(english.headers, korean.headers, strict=True)),
    ]:
        assert HANGUL.search(ko), f"{code}: not translated: {ko!r}"
        assert code_spans(ko) == code_spans(en), f"{code}: code differs from English in {ko!r}"


@pytest.mark.parametrize("code", STATUS_CODES)
def test_every_entry_says_what_to_use_instead(code: int) -> None:
    entry = entries("en")[code]
    assert entry.instead, f"{code} does not say when another code fits better"
    assert all(instead.code in BY_CODE and instead.code != code for instead in entry.instead)


CONFUSIONS = [
    (401, 403),
    (200, 201),
    (200, 204),
    (201, 204),
    (301, 302),
    (301, 308),
    (302, 303),
    (302, 307),
    (303, 307),
    (307, 308),
    (404, 410),
    (400, 422),
    (405, 501),
    (502, 503),
    (502, 504),
    (503, 504),
    (408, 504),
]


@pytest.mark.parametrize(("one", "other"), CONFUSIONS)
def test_classic_confusions_point_at_each_other(one: int, other: int) -> None:
    catalogue = entries("en")
    assert other in [instead.code for instead in catalogue[one].instead], f"{one} does not mention {other}"
    assert one in [instead.code for instead in catalogue[other].instead], f"{other} does not mention {one}"


# One vocabulary


# Variants a Korean developer might write, and the term these texts settle on.
GLOSSARY = {
    "메소드": "메서드",
    "컨텐츠": "콘텐츠",
    "컨텐트": "콘텐츠",
    "리디렉트": "리다이렉트",
    "리디렉션": "리다이렉션",
    "리다이렉션 코드": "리다이렉트 코드",
    "어플리케이션": "애플리케이션",
    "파라미터": "매개변수",
    "자원": "리소스",
    "승인": "권한",
    "인가되지": "인증되지",
    "헤더값": "헤더 값",
    "스테이터스": "상태",
}


def _korean_texts() -> Iterator[tuple[str, str]]:
    yield from (("message " + code, text) for code, text in ko_messages.MESSAGES.items())
    yield from (("phrase " + key, text) for key, text in ko_messages.PHRASES.items())
    yield from ((f"name {code}", text) for code, text in ko_statuses.NAMES.items())
    yield from ((f"reason {code}", text) for code, text in ko_statuses.REASONS.items())
    for code, text in ko_rules.RULES.items():
        yield from ((f"{code}.{name}", str(getattr(text, name))) for name in text._fields)
    for status, entry in entries("ko").items():
        yield f"entry {status}", repr(entry)
    yield "labels", repr(LABELS["ko"])


def test_korean_uses_one_vocabulary() -> None:
    for where, text in _korean_texts():
        for variant, preferred in GLOSSARY.items():
            assert variant not in text, f"{where}: write {preferred!r}, not {variant!r}"


def test_401_is_about_authentication_and_403_about_permission() -> None:
    names, catalogue = ko_statuses.NAMES, entries("ko")
    assert "인증" in names[401] and "인증" in ko_statuses.REASONS[401]
    assert "권한" in ko_statuses.REASONS[403]
    assert "인증" in catalogue[401].meaning and "권한" in catalogue[403].meaning


def test_status_names_and_reasons_fall_back_to_english() -> None:
    not_found = BY_CODE[404]
    unnamed = not_found._replace(code=499)  # a project's own code: no Korean name or reason
    assert status_name(not_found, "en") == not_found.phrase and status_reason(not_found, "en") == not_found.reason
    assert (
        status_name(not_found, "ko") == ko_statuses.NAMES[404]
        and status_reason(not_found, "ko") == ko_statuses.REASONS[404]
    )
    assert status_name(unnamed, "ko") == unnamed.phrase and status_reason(unnamed, "ko") == unnamed.reason
