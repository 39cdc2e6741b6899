"""Why a file was left alone: one-line reasons that name the line, never a traceback."""

from __future__ import annotations

import re

# CPython's messages for constructs that only Python 2 accepted.
_PYTHON2_HINTS = re.compile(
    r"Missing parentheses in call to '(?:print|exec)'"
    r"|multiple exception types must be parenthesized"
    r"|leading zeros in decimal integer literals"
    r"|invalid decimal literal"  # 10L
)


# How the fixer's refusals begin when their cause lies in the module itself: it does not parse, is
# nested too deeply, or uses what LibCST cannot read or print back (a form feed before a statement).
# Any other refusal is the fixer failing its own checks. Fuzz tests and smoke runs tell them apart.
THE_MODULES_FAULT = (
    "cannot parse", "Python 2 syntax is not supported", "cannot decode", "unknown encoding",
    "too deeply nested", "LibCST cannot parse this file", "lone CR line endings are not supported",
    "LibCST does not print this code back unchanged",
)


class FixError(Exception):
    """The file cannot be fixed; it is left untouched."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def syntax_error(error: SyntaxError | ValueError, source: str | None = None) -> FixError:
    """A FixError for a module `ast` cannot parse, saying when it looks like Python 2."""
    if not isinstance(error, SyntaxError):  # null bytes on Python < 3.12
        return FixError(f"cannot parse: {error}")
    message = error.msg or "invalid syntax"
    if _looks_like_python2(message, source, error.lineno):
        message = f"Python 2 syntax is not supported ({message})"
    else:
        message = f"cannot parse: {message}"
    column = (error.offset - 1) if error.offset else None
    return FixError(message, error.lineno, column)


def _looks_like_python2(message: str, source: str | None, line: int | None) -> bool:
    if _PYTHON2_HINTS.search(message) is None:
        return False
    if "invalid decimal literal" not in message:
        return True
    # `10L` and `0777L`: a long literal suffix right after digits on the reported line.
    text = source.splitlines()[line - 1] if source and line and 0 < line <= len(source.splitlines()) else ""
    return re.search(r"\b\d+[lL]\b", text) is not None
