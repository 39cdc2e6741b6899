"""flake8's `per-file-ignores`: `PATTERNS:CODES` entries, and the one entry that applies to a file.

The value is a list of file patterns, a colon, and a list of codes, repeated; lists are separated by
commas or whitespace (`tests/*:HTS002,E501 setup.py:E`). As in flake8, a pattern with a `/` is taken
relative to the current directory, a pattern matches a file's name or its absolute path, and when
several patterns match a file only the longest one's codes are ignored there.
"""

from __future__ import annotations

import fnmatch
import os
import re

from .options import OptionError

PerFileIgnores = tuple[tuple[str, tuple[str, ...]], ...]

# Tried in this order at each position: a code only where a separator or the end follows it.
_TOKENS = (
    ("code", re.compile(r"[A-Z]+[0-9]*(?=$|\s|,)")),
    ("pattern", re.compile(r"[^\s:,]+")),
    ("colon", re.compile(r"\s*:\s*")),
    ("separator", re.compile(r"\s*,\s*|\s+")),
)


def parse(text: str) -> PerFileIgnores:
    entries: list[tuple[str, tuple[str, ...]]] = []
    patterns: list[str] = []
    codes: list[str] = []
    separated, in_codes = True, False
    for kind, value in _tokens(text):
        if kind == "separator":
            separated = True
        elif not in_codes and kind == "colon":
            separated, in_codes = True, True
        elif not in_codes and separated and kind == "pattern":
            patterns.append(value)
            separated = False
        elif in_codes and separated and kind == "code":
            codes.append(value)
            separated = False
        elif in_codes and separated and kind == "pattern":  # the next entry begins
            entries.extend((pattern, tuple(codes)) for pattern in patterns if codes)
            patterns, codes, in_codes, separated = [value], [], False, False
        else:
            raise OptionError(f"per-file-ignores: expected `PATTERNS:CODES` entries, not {text.strip()!r}")
    entries.extend((pattern, tuple(codes)) for pattern in patterns if codes)
    return tuple((_normalised(pattern), codes) for pattern, codes in entries)


def _tokens(text: str) -> list[tuple[str, str]]:
    found, position = [], 0
    while position < len(text):
        for kind, pattern in _TOKENS:
            match = pattern.match(text, position)
            if match:
                found.append((kind, match.group().strip()))
                position = match.end()
                break
    return found


def codes_for(path: str, entries: PerFileIgnores) -> tuple[str, ...]:
    """The codes ignored in `path`: those of the longest matching pattern."""
    matching = [(pattern, codes) for pattern, codes in entries if _matches(path, pattern)]
    if not matching:
        return ()
    return max(matching, key=lambda entry: len(entry[0]))[1]


def _normalised(pattern: str) -> str:
    return os.path.abspath(pattern).rstrip("/") if "/" in pattern else pattern


def _matches(path: str, pattern: str) -> bool:
    name = os.path.basename(path)
    if name not in (".", "..") and fnmatch.fnmatch(name, pattern):
        return True
    return fnmatch.fnmatch(os.path.abspath(path), pattern)
