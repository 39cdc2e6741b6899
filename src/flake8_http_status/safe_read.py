"""Read a file the tool reads for itself: regular files only, never blocking, never more than a limit.

Every file read here is named by the user or found by a search: modules to fix, flake8 configuration,
pyproject.toml, setup files, requirements files, other tools' settings. Any of them may be a FIFO
(opening one for reading waits for a writer), a device (`/dev/zero` never ends; opening some devices
acts on them) or a socket, possibly behind a symlink. The type is looked up before opening, so that no
device is opened, and checked again on the opened descriptor, so that a file swapped for something
else in between is not read either. Reading stops one byte past the limit: a file that grows, or that
says it is empty and is not (`/proc`), cannot exhaust memory.

`read_bytes` and `read_text` raise `Unread` for every file they do not return. `discovered_text` is for
files found by a search, which the user did not name: a missing one is simply absent, and one that is
not a regular file or is too large is skipped with a one-line warning on stderr instead of stopping
the run.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any

from .enums import Enum

MAX_CONFIG_BYTES = 4 << 20  # a real configuration or requirements file is far smaller

_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)
_warned: set[str] = set()  # one warning per file and process, however often the file is looked up


class Why(Enum):
    """Why a file was not read; callers test this, never the text."""

    MISSING = "missing"
    DIRECTORY = "directory"
    SPECIAL = "special"  # a FIFO, a device or a socket
    TOO_LARGE = "too large"
    UNREADABLE = "unreadable"  # the system refused (permissions, I/O error, a loop of symlinks)
    UNDECODABLE = "undecodable"


class Unread(Exception):
    """A file that was not read. `detail` is what the reason depends on (`a named pipe`, `9.6 MiB`, an
    error text); `message` is the one line the user sees, without the file's name."""

    def __init__(self, why: Why, detail: str = "") -> None:
        super().__init__(why, detail)
        self.why = why
        self.detail = detail

    @property
    def message(self) -> str:
        return {
            Why.MISSING: "does not exist",
            Why.DIRECTORY: "is a directory",
            Why.SPECIAL: f"not a regular file ({self.detail})",
            Why.TOO_LARGE: f"too large ({self.detail})",
            Why.UNREADABLE: f"cannot read: {self.detail}",
            Why.UNDECODABLE: f"not UTF-8 text ({self.detail})",
        }[self.why]


def read_bytes(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file `path` if it holds at most `limit` of them; `Unread` otherwise."""
    try:
        _check(os.stat(path), limit)
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise Unread(Why.MISSING) from None
    except OSError as error:
        raise Unread(Why.UNREADABLE, error.strerror or str(error)) from None
    try:
        _check(os.fstat(descriptor), limit)
        return _read_at_most(descriptor, limit)
    except OSError as error:
        raise Unread(Why.UNREADABLE, error.strerror or str(error)) from None
    finally:
        os.close(descriptor)


def read_text(path: str | Path, limit: int = MAX_CONFIG_BYTES) -> str:
    """The file as UTF-8 text with universal newlines (as `open()` reads it); `Unread` otherwise."""
    return _decoded(read_bytes(path, limit))


def universal_newlines(text: str) -> str:
    """`\r\n` and `\r` as `\n`, as `open()` reads text by default."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decoded(data: bytes) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Unread(Why.UNDECODABLE, f"byte {data[error.start]:#04x} at offset {error.start}") from None
    return universal_newlines(text)


def discovered_text(path: str | Path, limit: int = MAX_CONFIG_BYTES) -> str | None:
    """The text of a file found by a search, or None when there is none to read (see `discovered_bytes`).
    `Unread` for a file that is there and cannot be read or decoded: each caller decides what that means."""
    data = discovered_bytes(path, limit)
    return None if data is None else _decoded(data)


def discovered_toml(path: str | Path) -> dict[str, Any] | None:
    """The tables of a TOML file found by a search (pyproject.toml, ruff.toml); None when there is none to
    read, or it cannot be read or parsed: a broken settings file of another tool is not this tool's error."""
    # Imported here: most runs never read one (no finding asks for a constant name or a line length).
    from .toml_documents import parsed

    try:
        text = discovered_text(path)  # None: absent, or skipped (a FIFO, a device, too large) with a warning
        return parsed(text) if text is not None else None
    except (Unread, ValueError):  # ValueError: the parser's TOMLDecodeError
        return None


def discovered_bytes(path: str | Path, limit: int = MAX_CONFIG_BYTES) -> bytes | None:
    """The bytes of a file found by a search, or None when there is none to read: missing or a
    directory (silently), not a regular file or too large (with a warning). `Unread` for a file that
    is there and cannot be read."""
    try:
        return read_bytes(path, limit)
    except Unread as unread:
        if unread.why in (Why.SPECIAL, Why.TOO_LARGE):
            warn_skipped(path, unread)
            return None
        if unread.why in (Why.MISSING, Why.DIRECTORY):
            return None
        raise


def warn_skipped(path: str | Path, unread: Unread) -> None:
    """One line on stderr, once per file: `http-status: warning: skipped setup.cfg: too large (...)`."""
    absolute = os.path.abspath(path)
    if absolute in _warned:
        return
    _warned.add(absolute)
    print(f"http-status: warning: skipped {shown_path(absolute)}: {unread.message}", file=sys.stderr)


def shown_path(path: str | Path) -> str:
    """The path relative to the current directory when it is inside it, else absolute."""
    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith(os.pardir) else relative


def _check(status: os.stat_result, limit: int) -> None:
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        raise Unread(Why.DIRECTORY)
    if not stat.S_ISREG(mode):
        raise Unread(Why.SPECIAL, next((name for test, name in _KINDS if test(mode)), "not a file"))
    if status.st_size > limit:
        raise Unread(Why.TOO_LARGE, size_text(status.st_size))


def _read_at_most(descriptor: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = os.read(descriptor, min(_CHUNK, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise Unread(Why.TOO_LARGE, f"more than {size_text(limit)}")


def size_text(count: int) -> str:
    return f"{count / 2**20:.1f} MiB" if count >= 2**20 // 10 else f"{count} bytes"
