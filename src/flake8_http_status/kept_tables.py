"""Built framework tables kept from one run to the next, in this user's cache folder.

A module's status table (`api.table_of`) and handler idioms (`handlers.table`) are built from the framework
declarations its imports reach: importing those modules and indexing their rows costs some 13 million
instructions on a one-file flake8 run of a Flask module, and some 32 million in every process that checks a
module of a project, which needs every framework's. What comes out depends only on the package's own code and
on the key (the declarations, and the project's idiom settings). So the first run that builds a table also keeps
it, pickled, in `<user_cache.user_folder()>/tables/<build>/`, and later runs load it without importing the
declarations: about 7 million instructions for the Flask module's two, 13.5 million for every framework's.

Why a loaded table is the one a build would give:

- An entry names the source file of every module of the package that was loaded when it was written and whose
  code a build may run (not the analysis and the layers above it, which the builds do not import: `in_builds`),
  and the folders holding them, with their stamps (size, modification time, inode-change time, inode: `stamps.py`
  says why those four), and is used only while every one of them still has its stamp: adding, removing or
  renaming a file in a folder changes the folder's times. Code that was not loaded then cannot have taken part in
  the build. A module loaded later whose code a build would run (a declaration) is loaded by the build itself, so
  it is among them.
- An entry is written only when every one of those files had settled (`stamps.SETTLED_NS`) before this process
  loaded the package: a file changed since may hold other code than the process runs.
- Its key is compared in full, and the build (the Python build, the pickle protocol, this module's format, the
  package's version and the folder it is loaded from) names the folder the entries are in.

Why a damaged file is a miss: an entry starts with the CRC-32 of the rest, checked before anything is unpickled (it
tells damage, not intent), and it is read only when this user owns it and no one else can write it
(`user_cache.read_private`), the same trust as the other caches beside it. Anything else that goes wrong when
reading is a miss too: the table is built, as it is with `HTTP_STATUS_NO_CACHE=1`. A file made on purpose by someone
who can write as this user could still make a run fail or hang, as editing this user's installed code could; even
then it is unpickled with only the package's own record, enumeration, table and lazy-pattern classes, and
`tuple.__new__` to make a record of one of them (`_Unpickler.find_class`), so that it can name no other function to
call.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, Final, TypeVar

from . import IMPORTED_NS, __version__
from .enums import Enum
from .lazy_pattern import LazyPattern
from .stamps import Stamp, settled, settled_stamp, unchanged
from .user_cache import KeptFolder, read_private

try:  # the C pickler alone: importing `pickle` costs some 7 million instructions where flake8 has not, `_pickle` 2
    from _pickle import Pickler, PicklingError, Unpickler, UnpicklingError
except ImportError:  # another Python implementation
    from pickle import Pickler, PicklingError, Unpickler, UnpicklingError

T = TypeVar("T")

_FORMAT: Final = 1
_PROTOCOL: Final = 5  # Python 3.8 and later
_CHECKSUM_BYTES: Final = 4  # an entry's first bytes: the CRC-32 of the rest
_MAX_BYTES: Final = 8 << 20  # the table of every framework with its idioms pickles to some 90 KB
_PACKAGE: Final = __name__.rpartition(".")[0]
# Where the package is loaded from names the folder too: another copy of it (a second checkout, a wheel beside a
# development tree) may hold other code under the same version, and its entries name its own files.
_BUILD: Final = [
    sys.implementation.name,
    sys.version,
    _PROTOCOL,
    _FORMAT,
    __version__,
    os.path.dirname(os.path.abspath(__file__)),
]

_kept = KeptFolder("tables")

Sources = list[tuple[str, Stamp]]


def kept(kind: str, key: tuple[object, ...], build: Callable[[], T], expected: type[T]) -> T:
    """What `build()` returns for `key`, loaded from the entry a previous run kept when it is still good; built
    (and kept) otherwise. `key` holds strings and tuples only, so that its repr is the same in every process."""
    folder = _kept.path(_BUILD)
    if folder is None:
        return build()
    import binascii  # loaded by flake8 already

    shown = repr(key)
    path = os.path.join(folder, f"{kind}-{binascii.crc32(shown.encode('utf-8', 'surrogateescape')):08x}")
    found = _load(path, shown, expected)
    if isinstance(found, expected):
        return found
    value = build()
    sources = _sources()
    if sources is not None:
        try:
            import pickletools  # only a run that keeps a table writes one

            # Without the memo entries nothing refers back to: fewer steps when the table is loaded.
            pickled = pickletools.optimize(_dumps(value))
            payload = _dumps((_FORMAT, shown, sources, pickled))
        except (PicklingError, TypeError, AttributeError, RecursionError):  # a value pickle cannot hold
            return value
        _kept.store(path, _checksum(payload) + payload)
    return value


# The layers from the analysis up (docs/architecture.md), whose code does not run in a build: the tables are built in
# `api` and in `handlers.table` (by `handlers.table_build`), which import none of them (`tests/test_kept_tables.py`
# follows their imports). An entry does not name their files, so it is as short to check when the run that wrote it
# had loaded the analysis, the handler model or `http-status fix`'s modules: a one-file run checks only the build's.
NOT_IN_BUILDS: Final = (
    "analysis",
    "prefilter",
    "index",
    "handlers",
    "rules",
    "engine",
    "plugin",
    "config",
    "reports",
    "fixer",
    "docs",
    "terminal",
    "explain",
    "check",
    "cli",
    "__main__",
)
# The modules of the handler model that build its idioms: they are named, whatever `NOT_IN_BUILDS` says.
BUILDERS: Final = ("handlers.table", "handlers.table_build")


def _sources() -> Sources | None:
    """The stamps of the source files of the package's loaded modules that a build may run, and of the folders
    holding them (`_stamped`): a file or folder added beside a module (`api/flask/` beside `api/flask.py`) may take
    its place at import, and adding, removing or renaming one changes its folder's times."""
    prefix = _PACKAGE + "."
    files = [
        path
        for name, module in list(sys.modules.items())
        if (name == _PACKAGE or (name.startswith(prefix) and in_builds(name.removeprefix(prefix))))
        and isinstance(path := getattr(module, "__file__", None), str)
    ]
    return _stamped([*files, *sorted({os.path.dirname(path) for path in files})])


def in_builds(relative: str) -> bool:
    """Whether a build may run the code of the package's module `relative` (`api.flask`, `handlers.table`)."""
    return relative in BUILDERS or relative.partition(".")[0] not in NOT_IN_BUILDS


def _stamped(paths: list[str]) -> Sources | None:
    """Each file's stamp; None when one changed too late to be trusted (less than `SETTLED_NS` before this process
    loaded the package, or since) or cannot be looked at."""
    sources: Sources = []
    for path in paths:
        stamp = settled_stamp(path, IMPORTED_NS)
        if stamp is None:
            return None
        sources.append((path, stamp))
    return sources


def _load(path: str, shown: str, expected: type) -> object | None:
    try:
        raw = read_private(path, _MAX_BYTES)
        if raw is None or raw[:_CHECKSUM_BYTES] != _checksum(raw[_CHECKSUM_BYTES:]):
            return None
        entry_format, entry_key, sources, value = _Unpickler.loads(raw[_CHECKSUM_BYTES:], ())
        if entry_format != _FORMAT or entry_key != shown or type(value) is not bytes:
            return None
        if not all(_unchanged(source, tuple(stamp)) for source, stamp in sources):
            return None
        loaded: object = _Unpickler.loads(value, (expected, LazyPattern))
    except Exception:  # a missing, foreign, damaged or planted file: a miss, never an error
        return None
    return loaded


def _checksum(payload: bytes) -> bytes:
    import binascii  # loaded by flake8 already (BLAKE2's module costs a shared library's loading)

    return binascii.crc32(payload).to_bytes(_CHECKSUM_BYTES, "big")


def _dumps(value: object) -> bytes:
    import io  # loaded by the interpreter at start-up

    data = io.BytesIO()
    _Pickler(data, _PROTOCOL).dump(value)
    return data.getvalue()


def _record(kind: type[tuple[Any, ...]], values: tuple[Any, ...]) -> tuple[Any, ...]:
    """A record of class `kind` holding `values`: what a record's own `__new__` makes of them, all fields given."""
    return tuple.__new__(kind, values)


class _Pickler(Pickler):
    def reducer_override(self, obj: Any) -> Any:
        # A record as its class and values, made again by `tuple.__new__` (`_Unpickler.find_class`): one C call,
        # where pickle's default calls the record's `__new__`, a Python function, for each of a table's ~1,000 rows.
        if isinstance(obj, tuple) and type(obj) is not tuple and hasattr(type(obj), "_fields"):
            return _record, (type(obj), tuple(obj))
        return NotImplemented


# Files found unchanged in this process: the entries of a run name the same package modules.
_CHECKED: set[tuple[str, tuple[int, ...]]] = set()


def _unchanged(path: str, stamp: tuple[int, ...]) -> bool:
    """The file has `stamp`, which it had before this process loaded the package: the code this process runs."""
    if (path, stamp) in _CHECKED:
        return True
    if len(stamp) != 4:
        return False
    size, modified, changed, inode = stamp
    recorded: Stamp = (size, modified, changed, inode)
    if not settled(recorded, IMPORTED_NS) or not unchanged(path, recorded):
        return False
    _CHECKED.add((path, stamp))
    return True


class _Unpickler(Unpickler):
    """Unpickles plain data and, when some classes are `allowed`, the package's own enumerations, records and
    subclasses of those: no function but `tuple.__new__`, nothing outside the package."""

    def __init__(self, data: Any, allowed: tuple[type, ...]) -> None:
        super().__init__(data)
        self._allowed = allowed

    @classmethod
    def loads(cls, data: bytes, allowed: tuple[type, ...]) -> Any:
        import io  # loaded by the interpreter at start-up

        return cls(io.BytesIO(data), allowed).load()

    def find_class(self, module: str, name: str) -> Any:
        if self._allowed:
            if module == __name__ and name == _record.__name__:
                return tuple.__new__  # what `_record` calls, without the Python call in between
            found = sys.modules.get(module) if module.startswith(_PACKAGE + ".") else None
            value = getattr(found, name, None) if found is not None else None
            if isinstance(value, type) and value.__module__ == module and _allowed(value, self._allowed):
                return value
        raise UnpicklingError(f"{module}.{name} is not a class a kept table holds")


def _allowed(value: type, allowed: tuple[type, ...]) -> bool:
    """A class the value pickle may name: an enumeration (an instance of the enumerations' metaclass, not that
    metaclass itself), a record (a tuple class with fields), or a subclass of one of `allowed`."""
    if isinstance(value, type(Enum)):
        return True
    if issubclass(value, tuple):
        return hasattr(value, "_fields")
    return issubclass(value, allowed)
