"""File stamps: what lets a later process take a module's source digest from the cache without reading the file.

A cached summary names the digest of each source it was made from. Checking that digest means reading and hashing
the file again, in every process, for every module the checked files reach. A stamp is the file's size,
modification time, inode-change time and inode number, taken from the open file whose bytes were hashed. A later
process whose `os.stat` of the file gives the same four numbers takes the recorded digest as it is.

Why that is safe, the way git trusts its index:

- Writing to a file sets its modification and inode-change times to the clock's time. The inode-change time
  cannot be set back from user space (`os.utime` and `touch -r` set it to now), so a tool that restores the
  modification time after an edit still changes the stamp. Replacing the file (an editor's save, a checkout)
  gives a new inode.
- A time is only as fine as the file system's clock: an edit within the same tick as the previous one could leave
  both times unchanged. So a file is stamped only when both of its times are at least `SETTLED_NS` older than the
  moment it was read. Any later edit then gets a later time. A file changed within that window is read and hashed
  in every process, as every file was before.
- A stamp whose file's size differs from the bytes read (the file changed while it was read) is not kept.

The package's kept tables and kept code (`kept_tables.py`, `kept_code.py`) check the package's own source files
with the same stamps.

Where the file systems give no inode-change time that moves with writes (on Windows, `st_ctime` is the creation
time), the size, the modification time and the file index still have to match.
"""

from __future__ import annotations

import os
import time
from typing import Final

Stamp = tuple[int, int, int, int]  # size, st_mtime_ns, st_ctime_ns, st_ino

# Two seconds: above the coarsest clock a file system in use keeps (FAT's two-second times), far above a
# kernel's clock tick.
SETTLED_NS: Final = 2_000_000_000


def read_stamped(path: str) -> tuple[bytes, Stamp | None]:
    """The file's bytes, and its stamp when it had settled before it was read (None otherwise)."""
    with open(path, "rb") as file:
        status = os.fstat(file.fileno())
        now = time.time_ns()
        source = file.read()
    stamp = _stamp(status)
    return source, stamp if settled(stamp, now) and len(source) == status.st_size else None


def settled_stamp(path: str, before_ns: int) -> Stamp | None:
    """The stamp of the file at `path` when both its times are `SETTLED_NS` older than `before_ns` (the time its
    contents were read); None otherwise, or when it cannot be looked at."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    stamp = _stamp(status)
    return stamp if settled(stamp, before_ns) else None


def unchanged(path: str, stamp: Stamp) -> bool:
    """The file at `path` still has `stamp`."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return False
    return _stamp(status) == stamp


def settled(stamp: Stamp, read_ns: int) -> bool:
    """Both of the stamp's times are at least `SETTLED_NS` older than `read_ns`."""
    return max(stamp[1], stamp[2]) <= read_ns - SETTLED_NS


def _stamp(status: os.stat_result) -> Stamp:
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


def stamp_from_json(value: object) -> Stamp | None:
    """A stamp as a cached summary holds it (a list of four non-negative integers); None for anything else."""
    if not isinstance(value, list) or len(value) != 4:
        return None
    if not all(type(number) is int and number >= 0 for number in value):
        return None
    size, modified, changed, inode = value
    return size, modified, changed, inode
