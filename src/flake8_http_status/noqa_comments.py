"""`# noqa` comments as flake8 reads them on one line: which codes a comment covers.

The fixer uses this to leave alone what flake8 is told to ignore, and the engine to know that a finding will
not be shown (`rules.one_answer`: HTS001 gives way only to a finding the user sees).
"""

from __future__ import annotations

import re

from .lazy_pattern import LazyPattern

_INLINE = LazyPattern(r"# noqa(?::[\s]?(?P<codes>(?:[A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
_SEPARATORS = LazyPattern(r"[,\s]")


def covers(line: str, code: str) -> bool:
    """Whether a `# noqa` comment on `line` silences `code`: `# noqa` alone covers every code, `# noqa: HTS9,E501`
    the codes that start with a listed one (compared as written, as flake8 does)."""
    match = _INLINE.search(line)
    if match is None:
        return False
    listed = match.group("codes")
    if listed is None:
        return True
    codes = tuple(part for part in _SEPARATORS.split(listed) if part)
    return code.startswith(codes)
