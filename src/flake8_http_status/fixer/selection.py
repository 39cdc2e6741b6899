"""Which fixes apply: the rule is selected, its safety is allowed, no `# noqa` covers it, no other fix overlaps."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ..findings import Edit, Finding, FixSafety, Position
from ..rules.registry import BY_CODE, RULES
from .noqa import NoqaLines

# Rules whose fixes only ever rewrite a status spelled in the text: a number or a constant's name.
# A module with neither cannot get one of their fixes, so it need not even be parsed. Rules not
# listed (the HTS9xx ones can fix a status that a framework default supplies) always get parsed.
# HTS001-HTS004 rewrite numbers, status strings and the constants of the families the tool writes;
# HTS604 moves any status, also one spelled with a client-side table (`requests.codes.created`,
# `http.client.CREATED`), whose import then names `codes` or `client`.
_STYLE_CONSTANT_WORDS = ("HTTPStatus", "HTTP_", "status_codes")
_SPELLED_RULES = {
    "HTS001": _STYLE_CONSTANT_WORDS,
    "HTS002": _STYLE_CONSTANT_WORDS,
    "HTS003": _STYLE_CONSTANT_WORDS,
    "HTS004": _STYLE_CONSTANT_WORDS,
    "HTS604": (*_STYLE_CONSTANT_WORDS, "codes", "client"),
}
_THREE_DIGITS = re.compile(r"[1-5][0-9][0-9]")  # no look-arounds: they make the scan ten times slower


def spells_a_status(text: str, words: Iterable[str] = _STYLE_CONSTANT_WORDS) -> bool:
    """One of `words` (constant names), or a number 100-599 standing alone (not in `1234`, `x200`, `1.200`)."""
    if any(word in text for word in words):
        return True
    end = len(text)
    for match in _THREE_DIGITS.finditer(text):
        start, stop = match.span()
        before = text[start - 1] if start else " "
        after = text[stop] if stop < end else " "
        if not (before.isalnum() or before in "_.") and not (after.isalnum() or after == "_"):
            return True
    return False


@dataclass(frozen=True)
class Selection:
    """The user's choice of fixes. Codes are prefixes, as in flake8 and ruff: `HTS0` means HTS001-HTS099."""

    select: tuple[str, ...] = ()  # only these; empty: every rule that is on by default, and `enable`
    ignore: tuple[str, ...] = ()
    unsafe: bool = False
    disable_noqa: bool = False
    enable: tuple[str, ...] = ()  # rules turned on besides the default ones (the config's `extend-select`)

    def wants(self, code: str) -> bool:
        chosen = _longest_prefix(code, self.select or self.enable)
        if self.select and chosen < 0:
            return False
        if not self.select and chosen < 0 and not _on_by_default(code):
            return False
        # The more specific prefix wins; when both are equally specific, ignoring wins.
        ignored = _longest_prefix(code, self.ignore)
        return ignored < 0 or chosen > ignored

    def ignoring(self, codes: Sequence[str]) -> Selection:
        """This selection with `codes` ignored too (flake8's per-file-ignores)."""
        return replace(self, ignore=(*self.ignore, *codes)) if codes else self

    @cached_property
    def fixable_codes(self) -> frozenset[str]:
        """Codes of the rules whose fixes this selection applies."""
        return self._codes({FixSafety.SAFE, FixSafety.UNSAFE} if self.unsafe else {FixSafety.SAFE})

    @cached_property
    def _may_hold_back(self) -> bool:
        """Whether an unsafe fix held back could be in a file that a safe one could not be in."""
        unsafe = self._codes({FixSafety.UNSAFE})
        return not self.unsafe and bool(unsafe) and unsafe <= _SPELLED_RULES.keys()

    @cached_property
    def _words(self) -> tuple[str, ...]:
        # Fixes held back are only counted where the words of the safe ones already lead.
        words = [word for code in sorted(self.fixable_codes) for word in _SPELLED_RULES.get(code, ())]
        return tuple(dict.fromkeys([*_STYLE_CONSTANT_WORDS, *words]))

    def _codes(self, allowed: set[FixSafety]) -> frozenset[str]:
        return frozenset(rule.code for rule in RULES if rule.fix in allowed and self.wants(rule.code))

    def may_fix(self, text: str) -> bool:
        """False when no fix this selection applies (or counts as held back) can be in `text`.

        A cheap look at the text. Unsafe fixes are counted only where that takes no more parsing:
        when they too only ever rewrite a status spelled in the text.
        """
        codes = self.fixable_codes
        if codes and not codes <= _SPELLED_RULES.keys():
            return True
        return (bool(codes) or self._may_hold_back) and spells_a_status(text, self._words)


@dataclass(frozen=True)
class Chosen:
    findings: list[Finding]  # whose fixes apply now, in source order, no two overlapping
    held_back: int  # fixable findings that only --unsafe-fixes would apply


def choose(findings: Iterable[Finding], selection: Selection, noqa: NoqaLines) -> Chosen:
    candidates: list[Finding] = []
    held_back = 0
    for finding in findings:
        fix = finding.fix
        if fix is None or fix.safety is FixSafety.NONE or not selection.wants(finding.code):
            continue
        if not selection.disable_noqa and noqa.silences(finding.start.line, finding.code):
            continue
        if fix.safety is FixSafety.UNSAFE and not selection.unsafe:
            held_back += 1
            continue
        candidates.append(finding)
    return Chosen(_without_overlaps(candidates), held_back)


def _without_overlaps(findings: Sequence[Finding]) -> list[Finding]:
    """Keep fixes in source order; one that touches text another already changes waits for the next pass."""
    taken: list[Edit] = []
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, f.code)):
        assert finding.fix is not None
        edits = finding.fix.edits
        if any(_overlap(edit, other) for edit in edits for other in taken if edit != other):
            continue
        taken.extend(edits)
        kept.append(finding)
    return kept


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:  # insertions clash only at the same point or inside a span
        return _inside(a.start, b) or _inside(b.start, a) or a.start == b.start
    return a.start < b.end and b.start < a.end


def _inside(point: Position, edit: Edit) -> bool:
    return edit.start < point < edit.end


def _longest_prefix(code: str, prefixes: Sequence[str]) -> int:
    return max((len(prefix) for prefix in prefixes if code.startswith(prefix)), default=-1)


def _on_by_default(code: str) -> bool:
    rule = BY_CODE.get(code)
    return rule is not None and rule.default
