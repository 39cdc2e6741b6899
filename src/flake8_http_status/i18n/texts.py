"""A rule's documentation and a status's name and reason, in a chosen language.

English comes from the rules themselves (`rules/texts.py`) and `statuses`; a translation supplies the
same fields, keyed by rule code or status code. The code examples are the same in every language.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from ..records import NamedTuple
from ..statuses import Status
from . import DEFAULT_LANGUAGE


class RuleText(NamedTuple):
    """The prose of a rule page; each tuple has one entry per entry of the English one, in the same order."""

    summary: str
    what: str
    why: str
    fix_safety: str
    not_reported: tuple[str, ...]
    references: tuple[str, ...]
    options: tuple[str, ...] = ()


class MissingTranslation(LookupError):
    """A rule or status has no text in the requested language."""


def _translation(lang: str, part: str) -> ModuleType:
    return importlib.import_module(f"{__package__}.{lang}.{part}")


def is_translated(code: str, lang: str) -> bool:
    """Rule `code` has page text in `lang` (English always has)."""
    return lang == DEFAULT_LANGUAGE or code in _translation(lang, "rules").RULES


def translated_rule_text(code: str, lang: str) -> RuleText:
    """The page text of rule `code` in `lang`, a language other than English."""
    texts: dict[str, RuleText] = _translation(lang, "rules").RULES
    if code not in texts:
        raise MissingTranslation(f"{code} has no {lang} text")
    return texts[code]


def status_name(status: Status, lang: str) -> str:
    """The customary name of the code in `lang` ("찾을 수 없음"); the registered phrase in English."""
    return _status_text(status, lang, "NAMES", status.phrase)


def status_reason(status: Status, lang: str) -> str:
    return _status_text(status, lang, "REASONS", status.reason)


def _status_text(status: Status, lang: str, table: str, english: str) -> str:
    """The status's entry in `lang`'s table `table` (`i18n/<lang>/statuses.py`); `english` without one."""
    if lang == DEFAULT_LANGUAGE:
        return english
    texts: dict[int, str] = getattr(_translation(lang, "statuses"), table)
    return texts.get(status.code, english)
