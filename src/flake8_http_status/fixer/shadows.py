"""The project's own modules that an added import would find instead of the real one (read from disk, never imported).

Python imports a top-level name from the first `sys.path` entry that holds it, and the project's own
directories come first: a script run directly has its own directory there, pytest's default import mode
inserts the first directory above a test module or conftest that is not a package, and the project root (or
its `src/` layout root) is where the user runs the program from. So `http.py`, or a package `http/`, in one
of those shadows the standard library's `http`, and an added `from http import HTTPStatus` would import the
project's module instead (the same for `fastapi`, `starlette`, `rest_framework`, `litestar`). An import the
module already has is not affected: it binds whatever it binds, before and after the fix. A directory without
`__init__.py` is a namespace package, which a real module anywhere on the path wins over: it shadows nothing.

Each look is a few `stat` calls, cached per directory and name.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from ..project import project_root


def shadowing(filename: str, module: str) -> Path | None:
    """The project's module or package that `import module` (its top-level name) would find first when
    `filename` runs or is tested; None when there is none."""
    name = module.partition(".")[0]
    for directory in _directories(_directory_of(filename)):
        found = _module_in(directory, name)
        if found is not None:
            return found
    return None


def _directory_of(filename: str) -> Path:
    path = Path(filename or "x.py")
    return Path(os.path.abspath(path.parent if str(path.parent) else "."))


@functools.lru_cache(maxsize=512)
def _directories(directory: Path) -> tuple[Path, ...]:
    """Where the project's own modules come before the installed ones: the file's directory, the first one
    above it that is not a package (pytest's rootdir insertion), the project root and its `src/`."""
    found = [directory, _package_base(directory)]
    root = project_root(directory.resolve())
    if root is not None:
        found += [root, root / "src"]
    return tuple(dict.fromkeys(found))


def _package_base(directory: Path) -> Path:
    while (directory / "__init__.py").is_file() and directory.parent != directory:
        directory = directory.parent
    return directory


@functools.lru_cache(maxsize=2048)
def _module_in(directory: Path, name: str) -> Path | None:
    for candidate in (directory / f"{name}.py", directory / name / "__init__.py", directory / f"{name}.pyc"):
        if candidate.is_file():
            return candidate
    return None
