"""Unified diffs that `git apply` and `patch` accept, made of the file's own bytes.

A patch is applied to bytes: the diff holds the file's encoding (latin-1 text stays latin-1), its
BOM and its line endings exactly, so it is written from the bytes read and the bytes that would be
written, never from decoded text. Lines are split where `git apply` and `patch` split them, at
`\\n` only: a `\\r` stays inside its line, as those tools see it. A last line without a newline is
marked the way diff(1) marks it. (LibCST's `diff_code` splits text on "\\n" and counts an empty
line after the final newline, which makes the hunk sizes wrong.)
"""

from __future__ import annotations

import difflib
import io
import os

_NO_NEWLINE = b"\\ No newline at end of file\n"


def unified_diff(old: bytes, new: bytes, name: str, context: int = 3) -> bytes:
    label = os.fsencode(name)  # the name's own bytes, even when they are not valid UTF-8
    lines = difflib.diff_bytes(difflib.unified_diff, _lines(old), _lines(new), fromfile=label, tofile=label, n=context)
    return b"".join(line if line.endswith(b"\n") else line + b"\n" + _NO_NEWLINE for line in lines)


def _lines(data: bytes) -> list[bytes]:
    return io.BytesIO(data).readlines()  # split after each b"\n" and nowhere else
