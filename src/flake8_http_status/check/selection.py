"""Which rule codes `http-status check` shows, decided the way flake8 (6 and 7) decides for a plugin's codes.

flake8 keeps two lists. Selected: `--select` (or, when not given, every plugin's code prefix, so every HTS code)
plus `--extend-select`. Ignored: `--ignore` (or, when not given, flake8's default ignore list, which this plugin
extends with its rules that are off by default) plus `--extend-ignore` and, for one file, its `per-file-ignores`.
Codes named by a flag or a configuration key are chosen explicitly, the others implicitly. A code shown by
one list and not the other follows the explicit choice; where both choose alike, the longer matching prefix
wins, and ignoring wins a tie. So `--ignore` on its own turns the rules that are off by default on, as in
flake8; `--extend-ignore` does not.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from functools import cached_property

from ..rules.checkers import OFF_BY_DEFAULT

_PLUGIN_PREFIX = "HTS"  # the plugin's entry point name: flake8 selects codes with it by default


class _Choice(enum.Enum):
    EXPLICIT = "named by the user"
    IMPLICIT = "by default"
    NONE = "not in the list"


@dataclass(frozen=True)
class Decisions:
    select: tuple[str, ...] | None = None  # None: not given
    ignore: tuple[str, ...] | None = None  # None: not given (flake8's default ignore list applies)
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    _cache: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def ignoring(self, codes: tuple[str, ...]) -> Decisions:
        """These decisions with `codes` ignored explicitly too (one file's per-file-ignores)."""
        return replace(self, extend_ignore=(*self.extend_ignore, *codes), _cache={}) if codes else self

    def __call__(self, code: str) -> bool:
        """Whether findings of `code` are shown (the engine's `Shown`)."""
        shown = self._cache.get(code)
        if shown is None:
            shown = self._cache[code] = self._decide(code)
        return shown

    @cached_property
    def _selected(self) -> tuple[str, ...]:
        return (*(self.select if self.select is not None else (_PLUGIN_PREFIX,)), *self.extend_select)

    @cached_property
    def _ignored(self) -> tuple[str, ...]:
        return (*(self.ignore if self.ignore is not None else OFF_BY_DEFAULT), *self.extend_ignore)

    def _decide(self, code: str) -> bool:
        selected = _choice(code, (*(self.select or ()), *self.extend_select), self._selected)
        ignored = _choice(code, (*(self.ignore or ()), *self.extend_ignore), self._ignored)
        if ignored is _Choice.NONE:
            return selected is not _Choice.NONE
        if selected is _Choice.NONE:
            return False
        if selected is not ignored:  # one list named the code and the other only defaulted to it
            return selected is _Choice.EXPLICIT
        return _longest(code, self._selected) > _longest(code, self._ignored)


def _choice(code: str, explicit: tuple[str, ...], listed: tuple[str, ...]) -> _Choice:
    if code.startswith(explicit):
        return _Choice.EXPLICIT
    if code.startswith(listed):
        return _Choice.IMPLICIT
    return _Choice.NONE


def _longest(code: str, prefixes: tuple[str, ...]) -> int:
    return max((len(prefix) for prefix in prefixes if code.startswith(prefix)), default=-1)
