"""Where a project's modules are: its root, the module name of a file, and the file of a module name.

The root is the nearest directory, at or above the checked file, that holds a `pyproject.toml`, a `setup.cfg`, a
`setup.py` or a `.git`. Absolute imports resolve as Python would find them with the project installed or run from
its root: under `<root>/src` (a src layout), under the root itself, and under the directory that holds the checked
file's top-level package (a script run from its own folder). A name found nowhere under the root is third-party or
stdlib, and the index says nothing about it.

Only the file system is read: nothing is imported, and no `sys.path` of this process is consulted.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from ..records import NamedTuple

_SETUP_FILES = ("setup.cfg", "setup.py")
# Folders that hold none of the project's own modules: never searched for one, nor walked (`index/challenges.py`).
SKIPPED = frozenset({".git", ".hg", ".tox", ".nox", ".venv", "venv", "node_modules", "__pycache__", "build", "dist"})


class Located(NamedTuple):
    """A module of the project: its dotted name and its file."""

    name: str
    path: str  # absolute and normalised: a `Path` would be parsed again for each hash and each `str`
    package: bool  # the file is a package's `__init__.py`: its relative imports start at the package itself


# The questions below are asked of every checked file and every module the index looks up: they are answered on
# strings with `os.path` and cached per folder, since a `Path` costs several times as much per join, parent or
# `is_file` (and `relative_to` over ten times), and a large tree's files share few folders. A folder's `Path` is
# made once (`_path`), so that its string and hash are computed once too.


def root_of(directory: Path) -> Path | None:
    """The project root at or above `directory` (resolved); None when there is none below the file system root."""
    return root_at(os.fspath(directory))


@functools.lru_cache(maxsize=256)
def root_at(directory: str) -> Path | None:
    """`root_of` for a directory given as an absolute path (`os.path.abspath`, no symlink resolution)."""
    found = _root_text(directory)
    return None if found is None else _path(found)


@functools.lru_cache(maxsize=256)
def _root_text(directory: str) -> str | None:
    if _exists(_child(directory, ".git")) or _is_file(_child(directory, "pyproject.toml")):
        return directory
    # A package may hold a module called setup.py (a view of a setup page): only a folder that is not itself a
    # package is a root by its setup.py or setup.cfg.
    if any(_is_file(_child(directory, name)) for name in _SETUP_FILES) and not _is_file(
        _child(directory, "__init__.py")
    ):
        return directory
    parent = os.path.dirname(directory)
    if parent == directory:
        return None
    return _root_text(parent)


# Each folder up from a checked file is asked for four or five names that are mostly absent. `os.path.join` and a
# failed `os.stat` (an exception with its message) cost several times the system call itself: the names are joined
# by hand onto the normalised absolute folder, and a miss is answered by `os.access`, which neither raises nor
# builds a stat result. Only a name that is there is asked again the usual way (a folder named `pyproject.toml`).


def _child(directory: str, name: str) -> str:
    """`os.path.join(directory, name)` for an absolute, normalised `directory` and a plain file name."""
    return directory + name if directory.endswith(os.sep) else directory + os.sep + name


def _is_file(path: str) -> bool:
    """`os.path.isfile(path)`."""
    return _present(path) and os.path.isfile(path)


def _exists(path: str) -> bool:
    """`os.path.exists(path)`."""
    return _present(path) and os.path.exists(path)


def _present(path: str) -> bool:
    """False when nothing is at `path` (following links, as `os.stat` does)."""
    try:
        return os.access(path, os.F_OK)
    except ValueError:  # a NUL in the path: `os.path.isfile` says False too
        return False


@functools.lru_cache(maxsize=1024)
def _path(text: str) -> Path:
    return Path(text)


def top_directory(path: str | Path) -> Path:
    """The directory that holds the top-level package of `path`: the first one up without an `__init__.py`."""
    return _path(_top_text(os.path.dirname(os.fspath(path))))


def folder_top(directory: Path) -> Path:
    """`top_directory` of any file in `directory`."""
    return top_at(os.fspath(directory))


def top_at(directory: str) -> Path:
    """`folder_top` of a directory given as a string."""
    return _path(_top_text(directory))


@functools.lru_cache(maxsize=1024)
def _top_text(directory: str) -> str:
    # Recursive, so that the folders above are remembered too: the modules of a package's subpackages share
    # them, and each would otherwise ask the file system again for every `__init__.py` up to the top.
    parent = os.path.dirname(directory)
    # Mostly asked of packages: a plain `isfile`, as `__init__.py` is mostly there (`_is_file` pays for a miss).
    if parent != directory and os.path.isfile(_child(directory, "__init__.py")):
        return _top_text(parent)
    return directory


def module_of(path: str | Path, root: Path) -> Located | None:
    """The module `path` (resolved, under `root`) is: its name counted from its top-level package, or from the
    search path that holds it for a folder without `__init__.py` (a namespace package)."""
    text = os.fspath(path)
    directory, name = os.path.split(text)
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name  # as `Path.with_suffix("")` cuts it
    parts = (*_folder_parts(directory, os.fspath(root)), stem)
    package = stem == "__init__"
    if package:
        parts = parts[:-1]
    if not parts or not all(part.isidentifier() for part in parts):
        return None
    return Located(".".join(parts), text, package)


@functools.lru_cache(maxsize=1024)
def _folder_parts(directory: str, root: str) -> tuple[str, ...]:
    """The names from where `module_of` counts to `directory`, shared by the modules in it."""
    top = _top_text(directory)
    base = top
    if top == directory:  # not in a package: counted from the search path that holds it, if one does
        base = next((where for where in _search_texts(root) if _within(directory, where)), top)
    if directory == base:
        return ()
    return tuple(directory[len(base.rstrip(os.sep)) + 1 :].split(os.sep))


def _within(directory: str, folder: str) -> bool:
    """`folder` is `directory` or one of its parents (both absolute and normalised)."""
    return directory == folder or directory.startswith(folder.rstrip(os.sep) + os.sep)


def search_paths(root: Path) -> tuple[Path, ...]:
    """Where absolute imports of the project's own packages resolve, in the order Python would try them."""
    return tuple(_path(text) for text in _search_texts(os.fspath(root)))


@functools.lru_cache(maxsize=64)
def _search_texts(root: str) -> tuple[str, ...]:
    source = os.path.join(root, "src")
    return (source, root) if os.path.isdir(source) else (root,)


def forget_layouts() -> None:
    """Forget what the file system looked like (the caches below are per process, for speed)."""
    for cached in (root_at, _root_text, _path, _top_text, _folder_parts, _search_texts, folder_names):
        cached.cache_clear()


def top_level_names(root: Path) -> frozenset[str]:
    """The packages and modules directly under the root's search paths: what the project's imports start with."""
    return frozenset().union(*(folder_names(base) for base in search_paths(root)))


@functools.lru_cache(maxsize=256)
def folder_names(folder: Path) -> frozenset[str]:
    """The packages and modules directly in `folder`."""
    # `os.scandir` on the string: its entries know whether they are folders without a `stat` each (a project root
    # holds many files beside its packages), and no `Path` is made for each of them.
    text = os.fspath(folder)
    try:
        with os.scandir(text) as listing:
            entries = [(entry.name, entry) for entry in listing]
    except OSError:
        return frozenset()
    names: set[str] = set()
    for name, entry in entries:
        if name in SKIPPED or name.startswith("."):
            continue
        if name.endswith(".py") and name[:-3].isidentifier():
            names.add(name[:-3])
        elif name.isidentifier() and _is_dir(entry) and _is_file(_child(_child(text, name), "__init__.py")):
            names.add(name)
    return frozenset(names)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """`Path.is_dir` of the entry (following links), False where it cannot be told."""
    try:
        return entry.is_dir()
    except OSError:
        return False


class Layout:
    """The modules of one project, found by name on demand and remembered."""

    def __init__(self, root: Path, extra: tuple[Path, ...] = ()) -> None:
        self.root = root
        self.paths = (*search_paths(root), *(path for path in extra if path not in search_paths(root)))
        self._texts = tuple(os.fspath(path) for path in self.paths)
        self._found: dict[str, Located | None] = {}

    def located(self, path: str | Path) -> Located | None:
        """The module the file at `path` (resolved, under the root) is."""
        return module_of(path, self.root)

    def find(self, name: str) -> Located | None:
        """The project module called `name`, or None when no search path holds it (not the project's)."""
        if name in self._found:
            return self._found[name]
        found = None
        parts = name.split(".")
        if all(part.isidentifier() and part not in SKIPPED for part in parts):
            found = next((hit for base in self._texts if (hit := _module_in(base, parts, name)) is not None), None)
        self._found[name] = found
        return found

    def relative(self, module: Located, level: int, dotted: str) -> str | None:
        """The absolute name `from <level dots><dotted>` means in `module`; None when it climbs above the top."""
        parts = module.name.split(".")
        keep = len(parts) - level + (1 if module.package else 0)
        if keep <= 0:
            return None
        return ".".join([*parts[:keep], *([dotted] if dotted else [])])


def _module_in(base: str, parts: list[str], name: str) -> Located | None:
    folder = _child(base, os.sep.join(parts))  # identifiers: no separator or dots inside a part
    init = _child(folder, "__init__.py")
    if _is_file(init):
        return Located(name, init, package=True)
    source = folder + ".py"  # the last part is an identifier: no suffix to replace
    return Located(name, source, package=False) if _is_file(source) else None
