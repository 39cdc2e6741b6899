"""Whether a module reaches into its own project at all: asked before the index is loaded.

Most one-file runs (an editor's, pre-commit's) check a module whose imports are all third-party. Deciding that
needs only the project root and the names of its top-level packages, so the index itself, its cache and their
imports are loaded only for a module that imports from its project.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from ..analysis.imports import ImportMap
from .layout import root_of, top_level_names

_RELATIVE = re.compile(r"^[ \t]*from[ \t]+\.", re.MULTILINE)


def imports_project(imports: ImportMap, filename: str) -> bool:
    """The module has a relative import, or imports one of its project's top-level packages or modules."""
    if imports.relative or imports.relative_stars:
        return True
    root = _root(filename)
    if root is None:
        return False
    names = top_level_names(root)
    return any(qualified.partition(".")[0] in names for qualified in imports.names.values())


def text_imports_project(source: str, filename: str) -> bool:
    """The same question asked of the module's text, for a module the engine has not analysed."""
    if _RELATIVE.search(source):
        return True
    root = _root(filename)
    pattern = _project_imports(root) if root is not None else None
    return pattern is not None and pattern.search(source) is not None


def _root(filename: str) -> Path | None:
    if filename in ("", "-", "stdin") or not filename.endswith((".py", ".pyi")):
        return None
    return root_of(Path(os.path.abspath(filename)).parent)  # abspath: no syscall per path component


@functools.lru_cache(maxsize=64)
def _project_imports(root: Path) -> re.Pattern[str] | None:
    """`import pkg` or `from pkg...` for the top-level packages and modules under the root's search paths."""
    names = sorted(top_level_names(root))
    if not names:
        return None
    alternatives = "|".join(re.escape(name) for name in names)
    return re.compile(rf"^[ \t]*(?:from|import)[ \t]+(?:{alternatives})\b", re.MULTILINE)


def forget() -> None:
    _project_imports.cache_clear()
