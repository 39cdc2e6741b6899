"""Where a project is: its root, the folder that holds a file's top-level package, the search paths of its
absolute imports, and the names directly under them.

The root is the nearest directory, at or above the checked file, that holds a `pyproject.toml`, a `setup.cfg`, a
`setup.py` or a `.git`. Absolute imports resolve as Python would find them with the project installed or run from
its root: under `<root>/src` (a src layout), under the root itself, and under the directory that holds the checked
file's top-level package (a script run from its own folder). Every analysed module asks whether it imports its own
project (`index/reach.py`), which needs only these; `layout.py` names the project's modules.

Only the file system is read: nothing is imported, and no `sys.path` of this process is consulted.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

_SETUP_FILES = ("setup.cfg", "setup.py")
# Folders that hold none of the project's own modules: never searched for one, nor walked (`index/challenges.py`).
SKIPPED = frozenset({".git", ".hg", ".tox", ".nox", ".venv", "venv", "node_modules", "__pycache__", "build", "dist"})


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
    if _exists(child(directory, ".git")) or is_file(child(directory, "pyproject.toml")):
        return directory
    # A package may hold a module called setup.py (a view of a setup page): only a folder that is not itself a
    # package is a root by its setup.py or setup.cfg.
    if any(is_file(child(directory, name)) for name in _SETUP_FILES) and not is_file(child(directory, "__init__.py")):
        return directory
    parent = os.path.dirname(directory)
    if parent == directory:
        return None
    return _root_text(parent)


# Each folder up from a checked file is asked for four or five names that are mostly absent. `os.path.join` and a
# failed `os.stat` (an exception with its message) cost several times the system call itself: the names are joined
# by hand onto the normalised absolute folder, and a miss is answered by `os.access`, which neither raises nor
# builds a stat result. Only a name that is there is asked again the usual way (a folder named `pyproject.toml`).


def child(directory: str, name: str) -> str:
    """`os.path.join(directory, name)` for an absolute, normalised `directory` and a plain file name."""
    return directory + name if directory.endswith(os.sep) else directory + os.sep + name


def is_file(path: str) -> bool:
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
    return _path(top_text(os.path.dirname(os.fspath(path))))


def folder_top(directory: Path) -> Path:
    """`top_directory` of any file in `directory`."""
    return top_at(os.fspath(directory))


def top_at(directory: str) -> Path:
    """`folder_top` of a directory given as a string."""
    return _path(top_text(directory))


@functools.lru_cache(maxsize=1024)
def top_text(directory: str) -> str:
    # Recursive, so that the folders above are remembered too: the modules of a package's subpackages share
    # them, and each would otherwise ask the file system again for every `__init__.py` up to the top.
    parent = os.path.dirname(directory)
    # Mostly asked of packages: a plain `isfile`, as `__init__.py` is mostly there (`is_file` pays for a miss).
    if parent != directory and os.path.isfile(child(directory, "__init__.py")):
        return top_text(parent)
    return directory


def search_paths(root: Path) -> tuple[Path, ...]:
    """Where absolute imports of the project's own packages resolve, in the order Python would try them."""
    return tuple(_path(text) for text in search_texts(os.fspath(root)))


@functools.lru_cache(maxsize=64)
def search_texts(root: str) -> tuple[str, ...]:
    source = os.path.join(root, "src")
    return (source, root) if os.path.isdir(source) else (root,)


def forget_roots() -> None:
    """Forget what the file system looked like (the caches here are per process, for speed)."""
    for cached in (root_at, _root_text, _path, top_text, search_texts, folder_names):
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
        elif name.isidentifier() and _is_dir(entry) and is_file(child(child(text, name), "__init__.py")):
            names.add(name)
    return frozenset(names)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """`Path.is_dir` of the entry (following links), False where it cannot be told."""
    try:
        return entry.is_dir()
    except OSError:
        return False
