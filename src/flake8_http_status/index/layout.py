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
from pathlib import Path

from ..records import NamedTuple

_SETUP_FILES = ("setup.cfg", "setup.py")
# Folders that hold none of the project's own modules: never searched for one, nor walked (`index/challenges.py`).
SKIPPED = frozenset({".git", ".hg", ".tox", ".nox", ".venv", "venv", "node_modules", "__pycache__", "build", "dist"})


class Located(NamedTuple):
    """A module of the project: its dotted name and its file."""

    name: str
    path: Path
    package: bool  # the file is a package's `__init__.py`: its relative imports start at the package itself


@functools.lru_cache(maxsize=256)
def root_of(directory: Path) -> Path | None:
    """The project root at or above `directory` (resolved); None when there is none below the file system root."""
    if (directory / ".git").exists() or (directory / "pyproject.toml").is_file():
        return directory
    # A package may hold a module called setup.py (a view of a setup page): only a folder that is not itself a
    # package is a root by its setup.py or setup.cfg.
    if any((directory / name).is_file() for name in _SETUP_FILES) and not (directory / "__init__.py").is_file():
        return directory
    if directory.parent == directory:
        return None
    return root_of(directory.parent)


def top_directory(path: Path) -> Path:
    """The directory that holds the top-level package of `path`: the first one up without an `__init__.py`."""
    return _top_of(path.parent)


def folder_top(directory: Path) -> Path:
    """`top_directory` of any file in `directory`."""
    return _top_of(directory)


@functools.lru_cache(maxsize=1024)
def _top_of(directory: Path) -> Path:
    # Recursive, so that the folders above are remembered too: the modules of a package's subpackages share
    # them, and each would otherwise ask the file system again for every `__init__.py` up to the top.
    if (directory / "__init__.py").is_file() and directory.parent != directory:
        return _top_of(directory.parent)
    return directory


def module_of(path: Path, root: Path) -> Located | None:
    """The module `path` (resolved, under `root`) is: its name counted from its top-level package, or from the
    search path that holds it for a folder without `__init__.py` (a namespace package)."""
    top = top_directory(path)
    if top != path.parent:
        parts = path.relative_to(top).with_suffix("").parts
    else:
        base = next((where for where in search_paths(root) if where in path.parents), top)
        parts = path.relative_to(base).with_suffix("").parts
    package = parts[-1] == "__init__"
    if package:
        parts = parts[:-1]
    if not parts or not all(part.isidentifier() for part in parts):
        return None
    return Located(".".join(parts), path, package)


@functools.lru_cache(maxsize=64)
def search_paths(root: Path) -> tuple[Path, ...]:
    """Where absolute imports of the project's own packages resolve, in the order Python would try them."""
    source = root / "src"
    return (source, root) if source.is_dir() else (root,)


def forget_layouts() -> None:
    """Forget what the file system looked like (the caches below are per process, for speed)."""
    root_of.cache_clear()
    search_paths.cache_clear()
    folder_names.cache_clear()
    _top_of.cache_clear()


def top_level_names(root: Path) -> frozenset[str]:
    """The packages and modules directly under the root's search paths: what the project's imports start with."""
    return frozenset().union(*(folder_names(base) for base in search_paths(root)))


@functools.lru_cache(maxsize=256)
def folder_names(folder: Path) -> frozenset[str]:
    """The packages and modules directly in `folder`."""
    names: set[str] = set()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return frozenset()
    for entry in entries:
        if entry.name in SKIPPED or entry.name.startswith("."):
            continue
        if entry.suffix == ".py" and entry.stem.isidentifier():
            names.add(entry.stem)
        elif entry.is_dir() and entry.name.isidentifier() and (entry / "__init__.py").is_file():
            names.add(entry.name)
    return frozenset(names)


class Layout:
    """The modules of one project, found by name on demand and remembered."""

    def __init__(self, root: Path, extra: tuple[Path, ...] = ()) -> None:
        self.root = root
        self.paths = (*search_paths(root), *(path for path in extra if path not in search_paths(root)))
        self._found: dict[str, Located | None] = {}

    def located(self, path: Path) -> Located | None:
        """The module the file at `path` (resolved, under the root) is."""
        return module_of(path, self.root)

    def find(self, name: str) -> Located | None:
        """The project module called `name`, or None when no search path holds it (not the project's)."""
        if name in self._found:
            return self._found[name]
        found = None
        parts = name.split(".")
        if all(part.isidentifier() and part not in SKIPPED for part in parts):
            found = next((hit for base in self.paths if (hit := _module_in(base, parts, name)) is not None), None)
        self._found[name] = found
        return found

    def relative(self, module: Located, level: int, dotted: str) -> str | None:
        """The absolute name `from <level dots><dotted>` means in `module`; None when it climbs above the top."""
        parts = module.name.split(".")
        keep = len(parts) - level + (1 if module.package else 0)
        if keep <= 0:
            return None
        return ".".join([*parts[:keep], *([dotted] if dotted else [])])


def _module_in(base: Path, parts: list[str], name: str) -> Located | None:
    folder = base.joinpath(*parts)
    init = folder / "__init__.py"
    if init.is_file():
        return Located(name, init, package=True)
    source = folder.with_suffix(".py")
    return Located(name, source, package=False) if source.is_file() else None
