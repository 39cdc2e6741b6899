"""What the catalogue says about one status code."""

from __future__ import annotations

import enum

from ..records import NamedTuple  # records, not dataclasses: cheaper to define, for `explain`'s start-up


class Level(enum.Enum):
    """How strongly the specification asks for a header (its MUST / SHOULD / MAY / MUST NOT)."""

    MUST = "must"
    SHOULD = "should"
    MAY = "may"
    MUST_NOT = "must-not"


class Header(NamedTuple):
    name: str
    level: Level
    note: str  # what the header carries with this status, and where that is specified


class Instead(NamedTuple):
    """When this code is the wrong choice, and the code that fits that situation."""

    code: int
    when: str


class Entry(NamedTuple):
    """A code's catalogue text. Translations have the same `instead` codes and `headers` in the same order."""

    meaning: str
    use: str
    instead: tuple[Instead, ...]
    headers: tuple[Header, ...] = ()
    notes: tuple[str, ...] = ()  # how Python frameworks and servers treat the code


# Codes whose responses never carry content, and where RFC 9110 says so.
BODILESS: dict[int, str] = {
    **dict.fromkeys(range(100, 200), "RFC 9110 §6.4.1"),
    204: "RFC 9110 §6.4.1",
    304: "RFC 9110 §6.4.1",
    205: "RFC 9110 §15.3.6",
}
