"""Regular expressions compiled at their first use rather than at import.

`re.compile` parses and compiles in Python: one to two million instructions for each of the module-level
patterns of the rules and handler model, which a one-file flake8 run (an editor's, on save) paid at import
whether or not the module it checked ever reached them. A `LazyPattern` is declared where the `re.compile`
was and behaves as the compiled pattern for the methods the package uses. It is compiled by
`regex_programs.compile_pattern`, which builds it from the program a previous run kept when there is one.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any


class LazyPattern:
    __slots__ = ("_compiled", "_flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            from .regex_programs import compile_pattern  # with the first pattern: `explain` compiles none

            compiled = self._compiled = compile_pattern(self.pattern, self._flags)
        return compiled

    @property
    def flags(self) -> int:
        return self.compiled().flags

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[str]:
        return self.compiled().findall(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def __reduce__(self) -> tuple[type[LazyPattern], tuple[str, int]]:
        # The pattern and its flags, never the compiled pattern: a kept table (`kept_tables`) compiles at first use.
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"
