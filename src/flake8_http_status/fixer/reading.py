"""Read a source file's bytes through the shared safe reader (`safe_read`), in the fixer's terms.

Regular files only, never blocking, never more than `--max-size` + 1 bytes (`safe_read` says why).
A FIFO, a device or a file over the limit is skipped with its reason (`Refused`); a directory, a
file that vanished or cannot be read is a `FixError`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..safe_read import Unread, Why, read_bytes
from .errors import FixError, FixFailure

MAX_BYTES_DEFAULT = 4 * 1024 * 1024  # --max-size's default


@dataclass(frozen=True)
class Refused:
    """A file that is deliberately not read; `reason` is the one line the user sees."""

    reason: str


def read_source(path: Path, limit: int) -> bytes | Refused:
    """The bytes of the regular file `path` if it holds at most `limit` of them; FixError if it cannot be read."""
    try:
        return read_bytes(path, limit)
    except Unread as unread:
        if unread.why is Why.SPECIAL:
            return Refused(f"{unread.message}, not read")
        if unread.why is Why.TOO_LARGE:
            return Refused(f"too large ({unread.detail}; see --max-size)")
        if unread.why is Why.DIRECTORY:
            raise FixError(FixFailure.NOT_A_FILE, unread.message) from None
        if unread.why is Why.MISSING:
            raise FixError(FixFailure.GONE, "vanished before it could be read") from None
        raise FixError(FixFailure.UNREADABLE, unread.message) from None
