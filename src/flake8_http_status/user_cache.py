"""Where this user's own cache files live, whether caching is off, and how its small files are read and written:
shared by every cache of the package.

The folder is `$XDG_CACHE_HOME/flake8-http-status` (`~/.cache/flake8-http-status` when the variable is unset
or relative, as the XDG rule says), or `HTTP_STATUS_KEY_DIR` when set (tests). It holds the index cache's
key (`index/cache.py`), the package's compiled code (`kept_code.py`), the compiled regular expressions
(`regex_programs.py`), the parsed TOML documents (`toml_documents.py`) and the built framework tables
(`kept_tables.py`), whose files are read only when this user owns them and no one else can write them, and written
atomically. Nothing but `os` and modules flake8 has loaded is imported: the last four read the folder on a one-file
run, where every imported module is paid for.
"""

from __future__ import annotations

import os
import sys
from typing import Any

NO_CACHE_VARIABLE = "HTTP_STATUS_NO_CACHE"
KEY_DIR_VARIABLE = "HTTP_STATUS_KEY_DIR"

_NOT_OFF = frozenset({"", "0", "false", "no", "off"})


def caching_off() -> bool:
    """`HTTP_STATUS_NO_CACHE` is set to anything but an empty, 0, false, no or off value."""
    return os.environ.get(NO_CACHE_VARIABLE, "").strip().lower() not in _NOT_OFF


def user_folder() -> str | None:
    """This user's cache folder for the package (not created here); None when there is no home to put it in."""
    chosen = os.environ.get(KEY_DIR_VARIABLE)
    if chosen:
        return chosen
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is to be ignored
        home = os.path.expanduser("~")
        if home == "~":  # no HOME and no password entry
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "flake8-http-status")


class KeptFolder:
    """A folder of files kept from one run to the next, `<user folder>/<name>/<cache tag>-<crc of the build>`: what
    reads them names its build (the facts its files depend on), so that builds sharing the user folder keep their
    files apart. Looked up once per process; given up after a failed write, since the next ones would fail alike."""

    __slots__ = ("_looked_up", "_name", "_path", "writable")

    def __init__(self, name: str) -> None:
        self._name = name
        self._looked_up = False
        self._path: str | None = None
        self.writable = True

    def path(self, build: object) -> str | None:
        """The folder (not created here); None when caching is off, with no home, or for a build of None (one whose
        files are not kept). `build` is read at the first call only."""
        if not self._looked_up:
            folder = user_folder()
            if build is not None and folder is not None and not caching_off():
                import binascii  # loaded by flake8 already

                tag = getattr(sys.implementation, "cache_tag", None) or "python"
                crc = binascii.crc32(repr(build).encode("utf-8", "surrogateescape"))
                self._path = os.path.join(folder, self._name, f"{tag}-{crc:08x}")
            self._looked_up = True  # after the path: a thread that sees it set also sees the path
        return self._path

    def store(self, path: str, payload: bytes) -> None:
        """`replace_file`, unless a write has failed before; a failure is silent (the file is kept another time)."""
        if not self.writable:
            return
        try:
            replace_file(path, payload, self._name)
        except OSError:
            self.writable = False


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def read_private(path: str, limit: int) -> bytes | None:
    """The bytes of `path` if it is a regular file of this user that no one else can write, of at most `limit`
    bytes; None otherwise. Opened without blocking (a FIFO in its place is not waited for) and checked on the open
    descriptor. OSError for a file that is missing or cannot be opened."""
    import stat  # loaded by `os` already

    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        if hasattr(os, "geteuid") and (status.st_uid != os.geteuid() or status.st_mode & 0o022):
            return None
        data = os.read(descriptor, limit + 1)  # a regular file's bytes in one call (a short read: a miss)
    finally:
        os.close(descriptor)
    return data if len(data) <= limit else None


def read_private_json(path: str, limit: int) -> dict[str, Any] | None:
    """The JSON object `path` holds, read as `read_private` reads it; None for a missing, foreign or damaged file,
    or one that holds anything but an object."""
    try:
        raw = read_private(path, limit)
    except OSError:
        return None
    if raw is None:
        return None
    import json  # loaded by flake8 already; only a run that keeps something reads a file

    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return body if isinstance(body, dict) else None


def replace_file(path: str, payload: bytes, prefix: str) -> None:
    """Write `payload` under a name of this process beside `path` (`.<prefix>-<pid>-<random>.tmp`), then rename it
    over `path`, so that a reader sees the old file or the new one, never a part. OSError when it cannot."""
    folder = os.path.dirname(path)
    os.makedirs(folder, mode=0o700, exist_ok=True)
    temporary = os.path.join(folder, f".{prefix}-{os.getpid()}-{os.urandom(4).hex()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(payload)
        os.replace(temporary, path)
    except BaseException:
        import contextlib  # loaded by flake8 already; only a failed write gets here

        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
