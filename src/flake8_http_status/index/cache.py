"""The on-disk cache of module summaries: `<root>/.http-status-cache/v1/<hash>.json`, one file per module.

A summary is what the index computed from one module's source; it is kept under the digest of that
source and the salt (the tool's version and the settings that change summaries), so a later run with
the same source and salt reads it back instead of analysing the module again. Why each part is so:

- **A MAC on every entry.** The folder lives in the project, where anyone who can write to the
  repository can commit, copy or craft files in it, and a summary read from it decides findings in other
  modules. Each entry therefore carries a MAC (keyed BLAKE2b) of its exact bytes under a per-user key that is
  kept outside the project (`~/.cache/flake8-http-status/key`, or under `$XDG_CACHE_HOME`: `user_cache.py`). Only what
  this user's own runs wrote verifies: a hostile, edited or foreign file costs a cache miss, never a
  changed finding. The MAC is checked before the bytes are parsed.
- **Plain JSON, read defensively.** Never pickle or anything that runs code. The file is read through
  `safe_read` (a FIFO, a device or a huge file in its place is not read) and anything malformed, even
  in a file that verifies, is a miss and never an exception.
- **Atomic replace.** `flake8 -j` runs workers side by side and two of them may store the same module
  at once: each writes a temporary file in the same folder and renames it over the entry, so that a
  reader sees the old entry or the new one, never a torn one. The key is created the same way (linked
  into place), so that racing processes agree on one key.
- **Optional.** The cache only saves time: a folder that cannot be created or written, a full disk, a
  key that cannot be read or created, or `HTTP_STATUS_NO_CACHE=1` turn it off silently.
- **Cheap.** A load is one file read, one MAC and one `json.loads`, by a name computed from the module
  and the salt: no directory scan, and no module name (which could be any text) ever becomes a path.
  Folders are created on the first store, never by a load.

`HTTP_STATUS_CACHE_DIR` puts the folder elsewhere (relative to the project root); `HTTP_STATUS_KEY_DIR`
puts the key elsewhere (for tests). Entries are never pruned: a new salt starts new files, and a changed
module overwrites its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import TypeGuard

from flake8_http_status.records import NamedTuple
from flake8_http_status.safe_read import Unread, Why, read_bytes
from flake8_http_status.user_cache import caching_off, user_folder

FOLDER_NAME = ".http-status-cache"
ENTRIES = "v1"  # a new name with any change to the file's layout or the body's fields
CACHE_DIR_VARIABLE = "HTTP_STATUS_CACHE_DIR"
MAX_ENTRY_BYTES = 16 << 20  # far above any module's summary; a larger file is not read, nor written

_KEY_NAME = "key"
_KEY_BYTES = 32
_GITIGNORE = "# Created by flake8-http-status: the folder holds a cache and nothing to commit.\n*\n"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"  # the standard line that backup tools look for
    "# Created by flake8-http-status; the files here can be deleted at any time.\n"
    "# About cache directory tags: https://bford.info/cachedir/\n"
)

# A file is the canonical JSON of {"body": ..., "mac": ...}; with sorted keys the MAC comes last, at a
# fixed distance from the end, so it is found and checked on the raw bytes before anything is parsed.
_HEAD = b'{"body":'
_MAC_AT = b',"mac":"'
_TAIL = b'"}'
_MAC_HEX = 64
_FIELDS = frozenset({"module", "salt", "source", "data", "deps"})

_keys: dict[str, bytes | None] = {}  # per key folder and process: read (or created) once


try:  # BLAKE2 without `hashlib`, whose import loads OpenSSL: a tenth of a one-file run's added cost
    from _blake2 import blake2b
    from _operator import _compare_digest as compare_digest
except ImportError:  # another Python implementation
    from hashlib import blake2b
    from hmac import compare_digest  # type: ignore[no-redef]


def digest(data: bytes) -> str:
    """The content hash of a module's source bytes, which entries and their dependencies are kept under."""
    return blake2b(data, digest_size=32).hexdigest()


class Entry(NamedTuple):
    data: dict[str, object]  # the summary, a JSON object; it reads back as JSON gives it (tuples as lists)
    deps: dict[str, str]  # module name -> digest of its source when the summary was made


class _Unknown:
    """`SummaryCache`'s user key before it is first asked for."""


_UNKNOWN = _Unknown()


class SummaryCache:
    """The summaries of one project's modules under one salt."""

    def __init__(self, root: Path, salt: str) -> None:
        self._salt = salt
        self._folder = _folder(Path(root))  # None: turned off
        self._writable = True  # False after a failed store: the next ones would fail alike
        # Asked for every load: the entries' folder as a string, the salt's JSON, and this user's key (once known;
        # `_user_key` reads the environment and builds paths each time)
        self._entries = os.path.join(self._folder, ENTRIES) if self._folder is not None else ""
        self._salt_json = json.dumps(salt)
        self._known_key: bytes | _Unknown | None = _UNKNOWN

    def load(self, module: str, source_digest: str) -> Entry | None:
        """The entry stored for this source of `module`; None when there is none this user's runs wrote."""
        found = self.latest(module)
        return found[1] if found is not None and found[0] == source_digest else None

    def latest(self, module: str) -> tuple[str, Entry] | None:
        """The digest of the source `module`'s entry was made from, and the entry, whatever the source is now:
        the index checks the digest itself, from the file's stamp when it can (`stamps`). None when there is
        no entry this user's runs wrote."""
        key = self._key()
        if key is None:
            return None
        try:
            raw = read_bytes(os.path.join(self._entries, self._name(module)), MAX_ENTRY_BYTES)
        except Unread:
            return None
        return _entry(_opened(key, raw), module, self._salt)

    def store(self, module: str, source_digest: str, entry: Entry) -> None:
        """Keep `entry` for this source of `module`, if the cache can be written. A summary that is not
        JSON (a set, a NaN) is the summariser's bug and raises; a failure to write never does."""
        key = self._key()
        if key is None or not self._writable:
            return
        payload = _sealed(key, _body(module, self._salt, source_digest, entry))
        if len(payload) > MAX_ENTRY_BYTES:
            return
        assert self._folder is not None
        if not (_ours(self._folder) and _ours(self._folder / ENTRIES)):
            self._writable = False  # a planted link or someone else's folder: never write through it
            return
        try:
            self._write(self._path(module), payload)
        except OSError:
            self._writable = False

    def _key(self) -> bytes | None:
        if self._folder is None:
            return None
        if isinstance(self._known_key, _Unknown):
            self._known_key = _user_key()
        return self._known_key

    def _path(self, module: str) -> Path:
        assert self._folder is not None  # callers have a key, which an off cache never asks for
        return self._folder / ENTRIES / self._name(module)

    def _name(self, module: str) -> str:
        """The entry's file name: the digest of the JSON of [module, salt]. A dotted name of ASCII identifiers is
        its own JSON string, written here without the encoder (`tests/test_index_cache.py` checks the two agree)."""
        if module.isascii() and module.replace(".", "_").isidentifier():
            text = f'["{module}", {self._salt_json}]'
        else:
            text = json.dumps([module, self._salt])
        return f"{digest(text.encode('ascii'))}.json"

    def _write(self, path: Path, payload: bytes) -> None:
        try:
            _replace(path, payload)
        except FileNotFoundError:  # the first store: the folders are made now
            assert self._folder is not None
            _create_folder(self._folder)
            path.parent.mkdir(exist_ok=True)
            _replace(path, payload)


# The folder and its files


def _folder(root: Path) -> Path | None:
    if caching_off():
        return None
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    return root / os.path.expanduser(chosen) if chosen else root / FOLDER_NAME


def _ours(folder: Path) -> bool:
    """`folder` is absent (a store makes it), or a real folder of this user: not a symlink that a repository
    could carry to send the writes elsewhere, not someone else's."""
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        return False
    return not hasattr(os, "getuid") or info.st_uid == os.getuid()


def _create_folder(folder: Path) -> None:
    """The cache folder with its markers already inside: built under a temporary name beside it and
    renamed into place, so that no process sees it without them. A folder that exists is used as it is
    (`HTTP_STATUS_CACHE_DIR=.` must not put a `.gitignore` of `*` into the project)."""
    if folder.is_dir():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        (staging / ".gitignore").write_text(_GITIGNORE, encoding="utf-8")
        (staging / "CACHEDIR.TAG").write_text(_CACHEDIR_TAG, encoding="utf-8")
        os.rename(staging, folder)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        if not folder.is_dir():  # else another process won the race, which is as good
            raise


def _replace(path: Path, payload: bytes) -> None:
    """Write `payload` to a temporary file beside `path`, then rename it over `path` (atomic)."""
    descriptor, temporary = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    try:
        with open(descriptor, "wb") as file:
            file.write(payload)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


# Entries


def _body(module: str, salt: str, source_digest: str, entry: Entry) -> dict[str, object]:
    # The module and the salt are in the sealed body too: a verified file moved to another name is a miss.
    return {"module": module, "salt": salt, "source": source_digest, "data": entry.data, "deps": entry.deps}


def _sealed(key: bytes, body: object) -> bytes:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), allow_nan=False).encode("ascii")
    return _HEAD + canonical + _MAC_AT + _mac(key, canonical) + _TAIL


def _opened(key: bytes, raw: bytes) -> object:
    """The body of a sealed file, parsed only once its MAC verifies; None for anything else."""
    end = len(raw) - len(_TAIL) - _MAC_HEX
    start = end - len(_MAC_AT)
    if start < len(_HEAD) or not raw.startswith(_HEAD) or raw[start:end] != _MAC_AT or not raw.endswith(_TAIL):
        return None
    canonical = raw[len(_HEAD) : start]
    if not compare_digest(_mac(key, canonical), raw[end : end + _MAC_HEX]):
        return None
    try:
        return json.loads(canonical)
    except (ValueError, RecursionError):  # only a file this user wrote gets here; still, never raise
        return None


def _mac(key: bytes, canonical: bytes) -> bytes:
    # BLAKE2 in keyed mode is a MAC by design (RFC 7693), as strong here as HMAC-SHA256 and cheaper to load.
    return blake2b(canonical, key=key, digest_size=32).hexdigest().encode("ascii")


def _entry(body: object, module: str, salt: str) -> tuple[str, Entry] | None:
    """The source digest and entry a verified body holds, if it has the shape a store writes."""
    if not isinstance(body, dict) or body.keys() != _FIELDS:
        return None
    if (body["module"], body["salt"]) != (module, salt):
        return None
    source, data, deps = body["source"], body["data"], body["deps"]
    if not isinstance(source, str) or not isinstance(data, dict) or not _is_digest_table(deps):
        return None
    return source, Entry(data=data, deps=deps)


def _is_digest_table(value: object) -> TypeGuard[dict[str, str]]:
    return isinstance(value, dict) and all(isinstance(item, str) for item in value.values())


# The user's key


def _user_key() -> bytes | None:
    """This user's key, read or created once per process; None when there is none to be had."""
    folder = _key_folder()
    if folder is None:
        return None
    name = str(folder)
    if name not in _keys:
        _keys[name] = _read_or_create_key(folder)
    return _keys[name]


def _key_folder() -> Path | None:
    folder = user_folder()
    return None if folder is None else Path(folder)


def _read_or_create_key(folder: Path) -> bytes | None:
    path = folder / _KEY_NAME
    try:
        return _valid_key(path)
    except Unread as unread:
        if unread.why is not Why.MISSING:
            return None
    try:
        _create_key(folder, path)
        return _valid_key(path)  # whoever won the race, this is the key every process now reads
    except (OSError, Unread):
        return None


def _valid_key(path: Path) -> bytes | None:
    """The key in `path`; None for a file of the wrong size, or one that another user owns or can read
    (who could then write entries this user trusts). A bad key is left alone: it may be another release's."""
    key = read_bytes(path, _KEY_BYTES)
    return key if len(key) == _KEY_BYTES and _private(path) else None


def _private(path: Path) -> bool:
    if not hasattr(os, "geteuid"):  # no POSIX owners and modes to check (Windows)
        return True
    status = os.stat(path)
    return status.st_uid == os.geteuid() and not stat.S_IMODE(status.st_mode) & 0o077


def _create_key(folder: Path, path: Path) -> None:
    """A new random key, written in full under a temporary name (mode 0600) and linked into place: a
    process that loses the race finds the winner's key there, and none ever sees a partial one."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".key-", dir=folder)
    try:
        with open(descriptor, "wb") as file:
            file.write(os.urandom(_KEY_BYTES))
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
