"""Replace a file atomically: a temporary file in the same directory, renamed over the original.

The new file keeps the original's permission bits (and owner, where allowed). A file that is
read-only, that vanished, or whose bytes are no longer those that were read is not touched.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from .errors import FixError, FixFailure
from .reading import read_source


def is_read_only(path: Path) -> bool:
    """No write permission bit, or no write access for this user (root has access to everything)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def replace_file(path: Path, expected: bytes, new: bytes) -> None:
    """Write `new` to `path` if it still holds `expected`; FixError otherwise, with the file untouched."""
    try:
        before = path.stat()
    except FileNotFoundError:
        raise FixError(FixFailure.GONE, "vanished before it could be written") from None
    except OSError as error:
        raise FixError(FixFailure.UNREADABLE, f"cannot read it again before writing: {error.strerror}") from None
    try:
        current = read_source(path, len(expected))  # bounded, never blocking: the path may name a FIFO by now
    except FixError as error:
        if error.cause is FixFailure.GONE:
            raise FixError(FixFailure.GONE, "vanished before it could be written") from None
        raise
    if current != expected:
        raise FixError(FixFailure.CHANGED, "changed since it was read; not overwritten")
    if is_read_only(path):
        raise FixError(FixFailure.READ_ONLY, "read-only file; not changed")
    temporary = _write_temporary(path, new, before)
    try:
        after = path.stat()
        if (after.st_mtime_ns, after.st_size, after.st_ino) != (before.st_mtime_ns, before.st_size, before.st_ino):
            raise FixError(FixFailure.CHANGED, "changed while it was being fixed; not overwritten")
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _write_temporary(path: Path, data: bytes, like: os.stat_result) -> str:
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".http-status.tmp", dir=path.parent)
    except OSError as error:
        raise FixError(FixFailure.UNWRITABLE, f"cannot write next to it: {error.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(name, stat.S_IMODE(like.st_mode))
        if hasattr(os, "chown"):  # POSIX only; and only root (or the owner, for the group) may do it
            with contextlib.suppress(OSError):
                os.chown(name, like.st_uid, like.st_gid)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise FixError(FixFailure.UNWRITABLE, f"cannot write: {error.strerror}") from None
    return name
