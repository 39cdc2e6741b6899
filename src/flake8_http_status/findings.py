"""Findings and the fixes they carry: the contract between the analysis, flake8 and the fixer.

Positions are those of Python's `ast`: 1-based lines and 0-based UTF-8 byte columns.
"""

from __future__ import annotations

from .enums import Enum
from .records import NamedTuple


class FixSafety(Enum):
    SAFE = "safe"  # the program behaves exactly as before (a literal becomes an equal constant)
    UNSAFE = "unsafe"  # clients will see something different; applied only with --unsafe-fixes
    NONE = "none"  # the rule offers no fix


class Position(NamedTuple):
    line: int
    column: int  # UTF-8 byte offset, as `ast` reports it


class Edit(NamedTuple):
    start: Position
    end: Position
    text: str  # the replacement for the source between start and end


class NewImport(NamedTuple):
    """`from module import name as alias`, or `import module` when name is None."""

    module: str
    name: str | None = None
    alias: str | None = None

    @property
    def bound_name(self) -> str:
        return self.alias or self.name or self.module.partition(".")[0]

    def statement(self) -> str:
        if self.name is None:
            return f"import {self.module}" + (f" as {self.alias}" if self.alias else "")
        return f"from {self.module} import {self.name}" + (f" as {self.alias}" if self.alias else "")


class Fix(NamedTuple):
    edits: tuple[Edit, ...]
    safety: FixSafety
    imports: tuple[NewImport, ...] = ()


class Finding(NamedTuple):
    code: str
    message: str  # without the code
    start: Position
    end: Position
    fix: Fix | None = None

    @property
    def text(self) -> str:
        return f"{self.code} {self.message}"
