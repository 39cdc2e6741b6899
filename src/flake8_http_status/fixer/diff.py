"""Unified diffs that `git apply` and `patch` accept.

LibCST's `diff_code` splits on "\\n" and so counts an empty line after the final newline, which
makes the hunk sizes wrong for every file that ends with a newline; this writes the diff from the
file's own lines instead, and marks a last line that has no newline the way diff(1) does.
"""

from __future__ import annotations

import difflib

from .source import split_lines

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(old: str, new: str, name: str, context: int = 3) -> str:
    lines = difflib.unified_diff(split_lines(old), split_lines(new), fromfile=name, tofile=name, n=context)
    return "".join(line if line.endswith(("\n", "\r")) else f"{line}\n{_NO_NEWLINE}" for line in lines)
