"""Read a source file's bytes: regular files only, never blocking, never more than a limit.

A path that ends in `.py` may still name a FIFO (opening one for reading waits for a writer), a
device (`/dev/zero` never ends; opening some devices acts on them), or a socket. The type is looked
up before opening, so that no device is opened, and checked again on the opened descriptor, so that
a file swapped for something else in between is not read either. Reading stops one byte past the
limit: a file that grows, or that says it is empty and is not (`/proc`), cannot exhaust memory.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import FixError, FixFailure

_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass(frozen=True)
class Refused:
    """A file that is deliberately not read; `reason` is the one line the user sees."""

    reason: str


def read_source(path: Path, limit: int) -> bytes | Refused:
    """The bytes of the regular file `path` if it holds at most `limit` of them; FixError if it cannot be read."""
    try:
        refused = _refusal(os.stat(path), limit)
        if refused is not None:
            return refused
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise FixError(FixFailure.GONE, "vanished before it could be read") from None
    except OSError as error:
        raise FixError(FixFailure.UNREADABLE, f"cannot read: {error.strerror or error}") from None
    try:
        refused = _refusal(os.fstat(descriptor), limit)
        return refused if refused is not None else _read_at_most(descriptor, limit)
    except OSError as error:
        raise FixError(FixFailure.UNREADABLE, f"cannot read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def _refusal(status: os.stat_result, limit: int) -> Refused | None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise FixError(FixFailure.NOT_A_FILE, "is a directory")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "not a file")
        return Refused(f"not a regular file ({kind}), not read")
    if status.st_size > limit:
        return Refused(f"too large ({_size(status.st_size)}; see --max-size)")
    return None


def _read_at_most(descriptor: int, limit: int) -> bytes | Refused:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(descriptor, min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    return Refused(f"too large (more than {_size(limit)}; see --max-size)")


def _size(count: int) -> str:
    return f"{count / 2**20:.1f} MiB" if count >= 2**20 // 10 else f"{count} bytes"
