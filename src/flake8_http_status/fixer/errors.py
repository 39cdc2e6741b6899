"""Why a file, or one fix in it, was left alone: one-line reasons that name the line, never a traceback."""

from __future__ import annotations

import enum
import re
import sys

from ..findings import Edit
from ..records import NamedTuple

# CPython's message for `except A, B:`, which Python 2 (`except A, e:`) and Python 3.14 (PEP 758) accept.
_UNPARENTHESIZED_EXCEPT = "multiple exception types must be parenthesized"
# CPython's messages for constructs that only Python 2 accepted.
_PYTHON2_HINTS = re.compile(
    r"Missing parentheses in call to '(?:print|exec)'"
    r"|multiple exception types must be parenthesized"
    r"|leading zeros in decimal integer literals"
    r"|invalid decimal literal"  # 10L
)


class Fault(enum.Enum):
    """Whose fault a refusal is. Fuzz tests and smoke runs accept only the module's (and the disk's)."""

    MODULE = "module"  # the module itself: it does not parse, or uses what LibCST cannot read or print back
    DISK = "disk"  # the file on disk: unreadable, read-only, changed or gone while it was being fixed
    FIXER = "fixer"  # the fixer failed its own checks: a bug of ours, even though no file is harmed


class FixFailure(enum.Enum):
    """Why a file was left alone, set where the FixError is raised; callers test this, never the text."""

    # The module's own fault.
    SYNTAX = "syntax"  # `ast` cannot parse it (Python 2 syntax included)
    UNDECODABLE = "undecodable"  # not text in its declared encoding, or an unknown encoding
    TOO_DEEP = "too deep"  # nested too deeply for `ast`, the verifier or LibCST
    LIBCST_CANNOT_PARSE = "LibCST cannot parse"  # valid Python that LibCST does not read
    LIBCST_CANNOT_PRINT = "LibCST cannot print"  # LibCST does not print it back unchanged (a form feed, lone CRs)
    # The disk's.
    UNREADABLE = "unreadable"  # cannot read (or read again before writing)
    NOT_A_FILE = "not a file"  # a directory
    READ_ONLY = "read-only"
    GONE = "gone"  # vanished before it could be read or written
    CHANGED = "changed"  # changed since it was read, or while it was being fixed
    UNWRITABLE = "unwritable"  # the new text cannot be written
    # The fixer's own.
    MISPLACED = "misplaced"  # a fix cannot be put in place: it points outside the code, overlaps, or does not isolate
    UNVERIFIED = "unverified"  # the rewrite fails verification or does not settle
    NO_ROUND_TRIP = "no round trip"  # the file's bytes do not survive decoding and encoding again

    @property
    def fault(self) -> Fault:
        return _FAULTS[self]


_FAULTS: dict[FixFailure, Fault] = {
    **dict.fromkeys(
        (
            FixFailure.SYNTAX,
            FixFailure.UNDECODABLE,
            FixFailure.TOO_DEEP,
            FixFailure.LIBCST_CANNOT_PARSE,
            FixFailure.LIBCST_CANNOT_PRINT,
        ),
        Fault.MODULE,
    ),
    **dict.fromkeys(
        (
            FixFailure.UNREADABLE,
            FixFailure.NOT_A_FILE,
            FixFailure.READ_ONLY,
            FixFailure.GONE,
            FixFailure.CHANGED,
            FixFailure.UNWRITABLE,
        ),
        Fault.DISK,
    ),
    **dict.fromkeys((FixFailure.MISPLACED, FixFailure.UNVERIFIED, FixFailure.NO_ROUND_TRIP), Fault.FIXER),
}


class FixError(Exception):
    """The file cannot be fixed; it is left untouched. `message` is the one line the user sees.

    `edits`, where the check knows them, are the edits of the fixes it is about: those fixes, and only
    those, are refused. Without them the pipeline reads `line`, or searches (`pipeline._bisect`)."""

    def __init__(
        self,
        cause: FixFailure,
        message: str,
        line: int | None = None,
        column: int | None = None,
        *,
        edits: frozenset[Edit] | None = None,
    ) -> None:
        super().__init__(message)
        self.cause = cause
        self.message = message
        self.line = line
        self.column = column
        self.edits = edits


class RefusedFix(NamedTuple):
    """One fix the fixer would not apply, while the file's other fixes were: its finding stays in the file."""

    code: str  # the rule whose fix it is
    line: int  # where its finding is, in the text the fixer returns
    column: int  # 0-based UTF-8 byte column, as `ast` and `Finding` give it
    reason: str  # one line: why it was refused
    cause: FixFailure


def syntax_error(error: SyntaxError | ValueError, source: str | None = None) -> FixError:
    """A FixError for a module `ast` cannot parse, saying when it looks like Python 2."""
    if not isinstance(error, SyntaxError):  # null bytes on Python < 3.12
        return FixError(FixFailure.SYNTAX, f"cannot parse: {error}")
    message = error.msg or "invalid syntax"
    if _UNPARENTHESIZED_EXCEPT in message and _is_python314_except(_line(source, error.lineno)):
        version = ".".join(map(str, sys.version_info[:2]))
        message = f"`except A, B:` without parentheses needs Python 3.14 or newer (PEP 758); this is Python {version}"
    elif _looks_like_python2(message, source, error.lineno):
        message = f"Python 2 syntax is not supported ({message})"
    else:
        message = f"cannot parse: {message}"
    column = (error.offset - 1) if error.offset else None
    return FixError(FixFailure.SYNTAX, message, error.lineno, column)


def _looks_like_python2(message: str, source: str | None, line: int | None) -> bool:
    if _PYTHON2_HINTS.search(message) is None:
        return False
    if _UNPARENTHESIZED_EXCEPT in message:  # Python 2's `except A, e:`, unless it has an `as` too
        return " as " not in _line(source, line)
    if "invalid decimal literal" not in message:
        return True
    # `10L` and `0777L`: a long literal suffix right after digits on the reported line.
    return re.search(r"\b\d+[lL]\b", _line(source, line)) is not None


def _is_python314_except(text: str) -> bool:
    """`except A, B:` (PEP 758: Python 3.14 reads it as `except (A, B):`), not Python 2's `except A, e:`.

    Both are the same tokens. Python 2 binds the caught exception to the last name, so two items whose
    last is a lowercase name (`e`, `exc`, `error`) read as Python 2; exception types are capitalised or
    dotted (`ValueError, requests.Timeout`). With an `as`, no Python accepts it."""
    match = re.match(r"\s*except\s*\*?\s*(.*?)\s*:\s*(?:#.*)?$", text)
    if match is None or " as " in match.group(1):
        return False
    items = [item.strip() for item in _top_level_commas(match.group(1))]
    if len(items) < 2 or not all(items):
        return False
    return not (len(items) == 2 and re.fullmatch(r"[a-z_][a-z0-9_]*", items[1]) is not None)


def _top_level_commas(text: str) -> list[str]:
    items, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:index])
            start = index + 1
    return [*items, text[start:]]


def _line(source: str | None, line: int | None) -> str:
    lines = source.splitlines() if source else []
    return lines[line - 1] if line and 0 < line <= len(lines) else ""
