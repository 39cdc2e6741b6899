"""The shape of a rule: the single source for its code, slug, message, default, fix safety and docs."""

from __future__ import annotations

import string
from dataclasses import dataclass, field

from ..findings import FixSafety


@dataclass(frozen=True)
class Example:
    """Code a rule reports (`bad`) and the code it wants instead (`good`); both run as tests."""

    bad: str
    good: str
    options: tuple[str, ...] = ()  # flake8-style options the example needs, e.g. "--http-status-style=drf"


@dataclass(frozen=True)
class RuleDoc:
    what: str
    why: str
    examples: tuple[Example, ...]
    fix_safety: str
    not_reported: tuple[str, ...]
    references: tuple[str, ...]
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    message: str  # a str.format template with named placeholders
    summary: str  # one line for tables and --list
    fix: FixSafety
    doc: RuleDoc
    default: bool = True
    placeholders: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        names = {name for _, name, _, _ in string.Formatter().parse(self.message) if name}
        object.__setattr__(self, "placeholders", frozenset(names))

    def format(self, **values: object) -> str:
        return self.message.format(**values)
