"""`# noqa` exactly as flake8 reads it, so that the fixer leaves alone what flake8 is told to ignore.

flake8 looks for the comment on the reported line, or on every line of a token that spans several
lines (a triple-quoted string, a backslash continuation): the comment after such a string covers a
finding inside it. `# noqa` alone covers every code; `# noqa: HTS001,E501` covers codes that start
with one of the listed ones (compared as written, so lower case `hts001` covers nothing). A line
`# flake8: noqa` makes flake8 skip the whole file.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Sequence

from ..noqa_comments import covers
from .source import split_lines

_WHOLE_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)


def skips_file(text: str) -> bool:
    """flake8 matches each line from its start, so `\\s*` never reaches into the next line."""
    if "flake8" not in text.lower():
        return False
    return any(_WHOLE_FILE.match(line) for line in split_lines(text))


class NoqaLines:
    """Answers whether a finding at a line is silenced by a `# noqa` comment."""

    def __init__(self, text: str, lines: Sequence[str]) -> None:
        self._lines = lines
        # Most files have no noqa at all: then nothing needs tokenizing.
        self._any = "noqa" in text.lower()
        self._joined: dict[int, str] | None = None
        self._text = text

    def silences(self, line: int, code: str) -> bool:
        if not self._any:
            return False
        return covers(self._line_text(line), code)

    def _line_text(self, line: int) -> str:
        if self._joined is None:
            self._joined = _logical_ranges(self._text, self._lines)
        text = self._joined.get(line)
        if text is None:  # no token ends there, or the file does not tokenize: use the physical line
            return self._lines[line - 1] if 0 < line <= len(self._lines) else ""
        return text


def _logical_ranges(text: str, lines: Sequence[str]) -> dict[int, str]:
    """Map each line to the text of all lines its tokens span, up to the next NL or NEWLINE token."""
    ranges: dict[int, str] = {}
    first, last = len(lines) + 2, -1
    try:
        for token in tokenize.generate_tokens(io.StringIO(text, newline="").readline):
            if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
                continue
            first, last = min(first, token.start[0]), max(last, token.end[0])
            if token.type in (tokenize.NL, tokenize.NEWLINE):
                joined = "".join(lines[first - 1 : last])
                ranges.update(dict.fromkeys(range(first, last + 1), joined))
                first, last = len(lines) + 2, -1
    except (tokenize.TokenError, SyntaxError):
        return {}
    return ranges
