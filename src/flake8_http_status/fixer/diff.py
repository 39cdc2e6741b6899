"""Unified diffs that `git apply` and `patch` accept, made of the file's own bytes.

A patch is applied to bytes: the diff holds the file's encoding (latin-1 text stays latin-1), its
BOM and its line endings exactly, so it is written from the bytes read and the bytes that would be
written, never from decoded text. Lines are split where `git apply` and `patch` split them, at
`\\n` only: a `\\r` stays inside its line, as those tools see it. A last line without a newline is
marked the way diff(1) marks it. (LibCST's `diff_code` splits text on "\\n" and counts an empty
line after the final newline, which makes the hunk sizes wrong.)

A header names the file as both tools read it back. A name with a blank, a control character (a tab,
a newline), a `"` or a `\\` is written in C-style quotes, as git writes such names (`"a b.py"`,
`"a\\nb.py"`): `git apply` and GNU patch (2.7 and later) both unquote them, while unquoted, GNU patch
ends a name at a blank and both end it at a tab or a newline. Other bytes, non-ASCII ones included,
are written as they are (git's `core.quotePath=false`).
"""

from __future__ import annotations

import difflib
import io
import os

_NO_NEWLINE = b"\\ No newline at end of file\n"
_ESCAPES = {
    0x07: b"\\a",
    0x08: b"\\b",
    0x09: b"\\t",
    0x0A: b"\\n",
    0x0B: b"\\v",
    0x0C: b"\\f",
    0x0D: b"\\r",
    0x22: b'\\"',
    0x5C: b"\\\\",
}
_QUOTED = frozenset({0x22, 0x5C, 0x7F})  # a double quote, a backslash and DEL, besides blanks and controls


def unified_diff(old: bytes, new: bytes, name: str, context: int = 3) -> bytes:
    label = header_name(os.fsencode(name))  # the name's own bytes, even when they are not valid UTF-8
    lines = difflib.diff_bytes(difflib.unified_diff, _lines(old), _lines(new), fromfile=label, tofile=label, n=context)
    return b"".join(line if line.endswith(b"\n") else line + b"\n" + _NO_NEWLINE for line in lines)


def header_name(name: bytes) -> bytes:
    """`name` as a `---`/`+++` header writes it: as it is, or C-quoted when a tool would misread it."""
    if not any(byte <= 0x20 or byte in _QUOTED for byte in name):
        return name
    return b'"' + b"".join(_escaped(byte) for byte in name) + b'"'


def _escaped(byte: int) -> bytes:
    if byte in _ESCAPES:
        return _ESCAPES[byte]
    if byte < 0x20 or byte == 0x7F:
        return b"\\%03o" % byte
    return bytes([byte])


def _lines(data: bytes) -> list[bytes]:
    return io.BytesIO(data).readlines()  # split after each b"\n" and nowhere else
