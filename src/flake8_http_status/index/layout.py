"""Where a project's modules are: the module name of a file, and the file of a module name, under the project's
root and search paths (`roots.py`). A name found nowhere under the root is third-party or stdlib, and the index says
nothing about it.

Only the file system is read: nothing is imported, and no `sys.path` of this process is consulted.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from ..records import NamedTuple
from .roots import SKIPPED, child, forget_roots, is_file, search_paths, search_texts, top_text


class Located(NamedTuple):
    """A module of the project: its dotted name and its file."""

    name: str
    path: str  # absolute and normalised: a `Path` would be parsed again for each hash and each `str`
    package: bool  # the file is a package's `__init__.py`: its relative imports start at the package itself


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
    top = top_text(directory)
    base = top
    if top == directory:  # not in a package: counted from the search path that holds it, if one does
        base = next((where for where in search_texts(root) if _within(directory, where)), top)
    if directory == base:
        return ()
    return tuple(directory[len(base.rstrip(os.sep)) + 1 :].split(os.sep))


def _within(directory: str, folder: str) -> bool:
    """`folder` is `directory` or one of its parents (both absolute and normalised)."""
    return directory == folder or directory.startswith(folder.rstrip(os.sep) + os.sep)


def forget_layouts() -> None:
    """Forget what the file system looked like (the caches here and in `roots` are per process, for speed)."""
    forget_roots()
    _folder_parts.cache_clear()


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
    folder = child(base, os.sep.join(parts))  # identifiers: no separator or dots inside a part
    init = child(folder, "__init__.py")
    if is_file(init):
        return Located(name, init, package=True)
    source = folder + ".py"  # the last part is an identifier: no suffix to replace
    return Located(name, source, package=False) if is_file(source) else None
