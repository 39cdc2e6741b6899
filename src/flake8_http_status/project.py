"""Facts about the analysed project, read from its nearest `pyproject.toml` (never by importing it)."""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path
from typing import Any

from .families import FASTAPI_REQUIRING_RENAMED_STARLETTE, STARLETTE_RENAMES_SINCE
from .records import NamedTuple

DEFAULT_PYTHON = (3, 10)
# Patterns, not compiled ones: `re` compiles them when a pyproject.toml is read, not at import.
_VERSION = r"(\d+)(?:\.(\d+))?"
_LOWER_BOUND = r"(>=|~=|==|\^|~|>)\s*v?(\d+(?:\.\d+)?)"
_REQUIREMENT = r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)"


class Pyproject(NamedTuple):
    """What the nearest pyproject.toml says about the project (defaults without one)."""

    python: tuple[int, int] = DEFAULT_PYTHON
    starlette_renamed: bool = False
    path: Path | None = None  # the file read; None when there is none


def pyproject_for(path: str | Path) -> Pyproject:
    """What the `pyproject.toml` nearest to `path` (a file or a directory) says."""
    start = Path(path)
    directory = start if start.is_dir() else start.parent
    return _pyproject_in(directory.resolve())


@functools.lru_cache(maxsize=512)
def _pyproject_in(directory: Path) -> Pyproject:
    candidate = directory / "pyproject.toml"
    if candidate.is_file():
        return read_pyproject(candidate)
    if directory.parent == directory:
        return Pyproject()
    return _pyproject_in(directory.parent)


def read_pyproject(path: Path) -> Pyproject:
    # Imported here: most flake8 runs never need a pyproject (no finding asks for a constant name).
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return Pyproject(path=path)
    project = _table(data, "project")
    poetry = _table(_table(data, "tool"), "poetry")
    requires = project.get("requires-python") or _poetry_python(poetry)
    python = lower_bound(requires) if isinstance(requires, str) else None
    bounds = _dependency_bounds(project, poetry)
    return Pyproject(
        python=python or DEFAULT_PYTHON,
        starlette_renamed=(bounds.get("starlette", (0, 0)) >= STARLETTE_RENAMES_SINCE)
        or (bounds.get("fastapi", (0, 0)) >= FASTAPI_REQUIRING_RENAMED_STARLETTE),
        path=path,
    )


def _table(data: object, key: str) -> dict[str, Any]:
    """`data[key]` if it is a TOML table, else an empty one: malformed files must not crash the linter."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def lower_bound(specifier: str) -> tuple[int, int] | None:
    """The lowest (major, minor) a version specifier admits: `>=3.10,<4` gives (3, 10)."""
    bounds = []
    for match in re.finditer(_LOWER_BOUND, specifier):
        version = re.match(_VERSION, match.group(2))
        if version:
            bounds.append((int(version.group(1)), int(version.group(2) or 0)))
    return max(bounds) if bounds else None


def _poetry_python(poetry: Any) -> str | None:
    dependencies = poetry.get("dependencies") if isinstance(poetry, dict) else None
    python = dependencies.get("python") if isinstance(dependencies, dict) else None
    return python if isinstance(python, str) else None


def _dependency_bounds(project: Any, poetry: Any) -> dict[str, tuple[int, int]]:
    bounds: dict[str, tuple[int, int]] = {}
    requirements = project.get("dependencies", []) if isinstance(project, dict) else []
    for requirement in requirements if isinstance(requirements, list) else []:
        match = re.match(_REQUIREMENT, str(requirement))
        bound = lower_bound(match.group(2)) if match else None
        if match and bound:
            bounds[_normalise(match.group(1))] = bound
    dependencies = poetry.get("dependencies", {}) if isinstance(poetry, dict) else {}
    for name, spec in dependencies.items() if isinstance(dependencies, dict) else ():
        version = spec.get("version") if isinstance(spec, dict) else spec
        bound = lower_bound(version) if isinstance(version, str) else None
        if bound:
            bounds[_normalise(name)] = bound
    return bounds


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
