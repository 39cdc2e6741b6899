"""Whether a module reaches into its own project at all: asked before the index is loaded.

Most one-file runs (an editor's, pre-commit's) check a module whose imports are all third-party. Deciding that
needs only the project root and the names of its top-level packages, so the index itself, its cache and their
imports are loaded only for a module that imports from its project.
"""

from __future__ import annotations

import functools
import os
import re

from ..analysis.imports import ImportMap
from ..lazy_pattern import LazyPattern
from .roots import folder_names, root_at, top_at, top_level_names

_RELATIVE = LazyPattern(r"^[ \t]*from[ \t]+\.", re.MULTILINE)  # only for modules not analysed


def imports_project(imports: ImportMap, filename: str) -> bool:
    """The module has a relative import, or imports one of its project's top-level packages or modules."""
    if imports.relative or imports.relative_stars:
        return True
    names = _project_names(filename)
    return bool(names) and any(qualified.partition(".")[0] in names for qualified in imports.names.values())


def text_imports_project(source: str, filename: str) -> bool:
    """The same question asked of the module's text, for a module the engine has not analysed."""
    if _RELATIVE.search(source):
        return True
    names = _project_names(filename)
    pattern = _project_imports(names) if names else None
    return pattern is not None and pattern.search(source) is not None


def _project_names(filename: str) -> frozenset[str]:
    """What the file's absolute imports of its own project start with: the packages and modules under the root's
    search paths, and beside the file's top-level package (a script's own folder)."""
    if filename in ("", "-", "stdin") or not filename.endswith((".py", ".pyi")):
        return frozenset()
    return _names_for_folder(os.path.dirname(os.path.abspath(filename)))  # abspath: no syscall per component


@functools.lru_cache(maxsize=256)
def _names_for_folder(folder: str) -> frozenset[str]:
    """`_project_names` for every file in `folder`: asked for each analysed module, and the modules of a tree
    share few folders, so the paths and the union of the root's names are built once per folder."""
    root = root_at(folder)
    if root is None:
        return frozenset()
    return top_level_names(root) | folder_names(top_at(folder))


@functools.lru_cache(maxsize=64)
def _project_imports(names: frozenset[str]) -> re.Pattern[str] | None:
    """`import pkg` or `from pkg...` for the given top-level names."""
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in sorted(names))
    return re.compile(rf"^[ \t]*(?:from|import)[ \t]+(?:{alternatives})\b", re.MULTILINE)


def forget() -> None:
    _project_imports.cache_clear()
    _names_for_folder.cache_clear()
