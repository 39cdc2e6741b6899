"""The submodules beside a package's `__init__.py`, read from the directory (names only, nothing imported).

Importing a submodule binds it as a global of its package, whoever imports it and when: in
`api/__init__.py`, `from .routes import router` runs `api/routes.py`, whose `from .status import health`
makes `status` in `api/__init__.py` the submodule `api.status`. Which imports run cannot be known from
one file, so a fix never writes a bare name there that a submodule beside it has: `status.py`,
`status/` (a package, or a namespace package without `__init__.py`), or a compiled `status.*.so`.
"""

from __future__ import annotations

import os
from pathlib import PurePath

_INITS = frozenset({"__init__.py", "__init__.pyi"})
_SUFFIXES = (".py", ".pyi", ".pyw", ".pyc", ".so", ".pyd")


def sibling_modules(filename: str) -> frozenset[str]:
    """The names of the submodules beside `filename` when it is a package's `__init__.py`, else none."""
    path = PurePath(filename.replace("\\", "/"))
    if path.name not in _INITS:
        return frozenset()
    found: set[str] = set()
    try:
        with os.scandir(path.parent if str(path.parent) else ".") as entries:
            for entry in entries:
                stem, dot, _ = entry.name.partition(".")
                if not stem.isidentifier() or stem == "__init__":
                    continue
                if (not dot and entry.is_dir()) or entry.name.endswith(_SUFFIXES):
                    found.add(stem)
    except OSError:  # an unreadable directory: the file's own imports are all that is known
        return frozenset()
    return frozenset(found)
