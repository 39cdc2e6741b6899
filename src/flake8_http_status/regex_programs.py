"""Compiled regular expressions kept from one run to the next, in this user's cache folder.

`re.compile` parses a pattern and generates its program in Python: 0.1 to 2.5 million instructions each
for the package's patterns, some 11 million on a one-file flake8 run, every run. What it hands to the
C engine at the end, `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`, depends only
on the pattern, its flags and the Python build. So the first run that compiles a pattern also keeps those
arguments (as JSON, the program as base64), one file per pattern in `<user_cache.user_folder()>/regex/<build>/`,
and later runs with the same build give them back to `_sre.compile`, which builds the same pattern object
in some 70 thousand instructions, the file's reading included.

Why a private API, and how it is guarded:

- There is no public way to build a pattern from a compiled program. `_sre.compile` and the argument list
  that `re._compiler.compile` (`sre_compile.compile` on Python 3.10) passes to it are CPython internals,
  unchanged from 3.10 to 3.13 and changed after (3.14 adds an argument and `_code` returns an object).
- It is used on CPython only, and a file is only read back by the build that wrote it: the folder's name
  and the contents carry `sys.version` (with the build's date and compiler), `_sre.MAGIC` (the program format's
  version), `_sre.CODESIZE` and the byte order.
- A program is kept only when the pattern it builds has the same flags, groups and group names as the one
  `re.compile` returned in the same run, and only when `_code` gave a list of integers (the shape known here).
- Anything else falls back to `re.compile`, silently: no file or folder, an unreadable, oversized or
  malformed file, another user's or a group- or world-writable one, another build's, an entry of the wrong
  shape, `_sre.compile` raising (wrong arguments, a program it refuses), `HTTP_STATUS_NO_CACHE=1`, another
  Python implementation. A miss costs what `re.compile` costs, plus the write.
- `_sre.compile` checks a program before it accepts one (`_validate` in CPython's `Modules/_sre/sre.c`:
  every jump, group number, repeat and charset size in range; `RuntimeError: invalid SRE code` otherwise),
  so a damaged file cannot make the matcher read outside its program. A well-formed but different program
  would match other text: that is why the file is trusted only in the user's own folder, owned by the user
  and writable by no one else, the same trust as the index cache's key beside it.

Writes are atomic (a temporary file renamed over the old one, so that `flake8 -j` workers read a whole
file or none) and happen only when a run compiled a pattern that had no file. One file per pattern, found
by its name: a run reads only the programs of the patterns it uses, whatever other projects added (the
creation-word pattern differs with the frameworks a module reaches), and processes never merge. Files are
never pruned; a new Python build starts a new folder.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, Final

from .user_cache import KeptFolder, read_private_json

_MAX_BYTES = 1 << 20  # far above any of the package's patterns (the largest program is some 4 KB)

try:
    import _sre  # type: ignore[import-not-found]

    # The program's words as C holds them (native order, `_sre.CODESIZE` bytes each), which `memoryview.cast`
    # reads back: kept as base64 text, a JSON file reads ten times faster than with a list of numbers.
    _WORD_FORMAT: Final = "I"
    _BUILD: list[object] | None = (
        [sys.implementation.name, sys.version, _sre.MAGIC, _sre.CODESIZE, sys.byteorder]
        if sys.implementation.name == "cpython" and memoryview(bytes(8)).cast(_WORD_FORMAT).itemsize == _sre.CODESIZE
        else None
    )
except ImportError:  # another Python implementation
    _BUILD = None

Program = list[Any]  # [flags, code (base64), groups, groupindex] as JSON gives them back: checked when used


_kept = KeptFolder("regex")


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the program a previous run kept when there is one."""
    folder = _folder()
    if folder is None or type(pattern) is not str:
        return re.compile(pattern, flags)
    flags = int(flags)  # a `re.RegexFlag` would not read back from JSON as what it is
    key = f"{flags} {pattern}"
    path = _entry_path(folder, key)
    program = _load(path, key)
    if program is not None:
        built = _built(pattern, program)
        if built is not None:
            return built
    compiled = re.compile(pattern, flags)
    program = _program(pattern, flags, compiled)
    if program is not None:
        _store(path, key, program)
    return compiled


def _built(pattern: str, program: Program) -> re.Pattern[str] | None:
    """The pattern object `program` makes, or None for an entry of any other shape or one `_sre` refuses."""
    import binascii  # loaded by flake8 already; not by `explain` or `--help`, which compile no pattern

    try:
        flags, code, groups, groupindex = program
        if type(flags) is not int or type(groups) is not int or not isinstance(groupindex, dict):
            return None
        indexgroup: list[str | None] = [None] * (groups + 1)
        for name, index in groupindex.items():
            if type(name) is not str or type(index) is not int or not 0 < index <= groups:
                return None
            indexgroup[index] = name
        words = memoryview(binascii.a2b_base64(code)).cast(_WORD_FORMAT).tolist()
        built: re.Pattern[str] = _sre.compile(pattern, flags, words, groups, groupindex, tuple(indexgroup))
    except Exception:  # a malformed entry, a list of non-integers, a program `_sre` refuses
        return None
    return built


def _program(pattern: str, flags: int, compiled: re.Pattern[str]) -> Program | None:
    """The arguments `re.compile` gave `_sre.compile` for `pattern`, as JSON can hold them, when they are
    known to build the same pattern; None otherwise (the pattern is then compiled again on every run)."""
    import binascii  # see `_built`

    internals = getattr(re, "_compiler", None) or getattr(re, "sre_compile", None)
    parser = getattr(re, "_parser", None) or getattr(re, "sre_parse", None)
    if internals is None or parser is None or flags & re.DEBUG:
        return None
    try:
        parsed = parser.parse(pattern, flags)
        code = internals._code(parsed, flags)
        if not isinstance(code, list):  # the shape of Python 3.10 to 3.13, which is the one kept here
            return None
        import array  # loaded by flake8 already; only a run that compiles a pattern the file lacks gets here

        words = array.array(_WORD_FORMAT, code).tobytes()  # OverflowError for a word C would not hold either
        program: Program = [int(flags | parsed.state.flags), binascii.b2a_base64(words, newline=False).decode()]
        program += [parsed.state.groups - 1, dict(parsed.state.groupdict)]
    except Exception:  # internals of another shape: the pattern is simply not kept
        return None
    built = _built(pattern, program)
    same = built is not None and (built.flags, built.groups, built.groupindex) == (
        compiled.flags,
        compiled.groups,
        compiled.groupindex,
    )
    return program if same else None


# The files


def _folder() -> str | None:
    """`<user folder>/regex/<cache tag>-<crc of the build>`: builds that share the user folder (two Pythons 3.12)
    keep their programs apart. None when turned off, on another implementation or with no home."""
    return _kept.path(_BUILD)


def _entry_path(folder: str, key: str) -> str:
    """One file per pattern, named by a checksum of its flags and text, which the file holds in full (two
    patterns of the same checksum take turns, each a miss for the other)."""
    import binascii  # see `_built`

    return os.path.join(folder, f"{binascii.crc32(key.encode('utf-8', 'surrogatepass')):08x}.json")


def _load(path: str, key: str) -> Program | None:
    """The program kept in `path` for `key`; None for a missing, foreign, damaged or odd file."""
    body = read_private_json(path, _MAX_BYTES)
    if body is None or body.get("build") != _BUILD or body.get("pattern") != key:
        return None
    program = body.get("program")
    return program if isinstance(program, list) else None


def _store(path: str, key: str, program: Program) -> None:
    import json  # loaded by flake8 already

    payload = json.dumps({"build": _BUILD, "pattern": key, "program": program}, separators=(",", ":"))
    _kept.store(path, payload.encode("utf-8", "surrogatepass"))
