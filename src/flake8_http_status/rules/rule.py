"""The shape of a rule: the single source for its code, slug, message, default, fix safety and docs."""

from __future__ import annotations

import string

from ..findings import FixSafety
from ..records import NamedTuple


class Example(NamedTuple):
    """Code a rule reports (`bad`) and the code it wants instead (`good`); both run as tests."""

    bad: str
    good: str
    options: tuple[str, ...] = ()  # flake8-style options the example needs, e.g. "--http-status-style=drf"


class RuleDoc(NamedTuple):
    what: str
    why: str
    examples: tuple[Example, ...]
    fix_safety: str
    not_reported: tuple[str, ...]
    references: tuple[str, ...]
    options: tuple[str, ...] = ()


class Rule(NamedTuple):
    code: str
    slug: str
    message: str  # a str.format template with named placeholders
    summary: str  # one line for tables and --list
    fix: FixSafety
    doc: RuleDoc
    default: bool = True
    # The advice is to send another status, though no fix can pick it (the author chooses among several):
    # HTS001 then gives way on the same status (`rules.one_answer`). Rules with an unsafe fix always advise so.
    names_another_status: bool = False

    @property
    def placeholders(self) -> frozenset[str]:
        return frozenset(name for _, name, _, _ in string.Formatter().parse(self.message) if name)

    def format(self, lang: str = "en", /, **values: object) -> str:
        """The message in `lang`, with `values` (and any `Phrase` among them) in that language too."""
        if lang == "en":
            return self.message.format(**values)
        from ..i18n.messages import (
            localized_message,  # translations load only when a language asks for them
        )

        return localized_message(self.code, self.message, lang, values)
