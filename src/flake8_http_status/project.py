"""Facts about the analysed project, read from its nearest `pyproject.toml` (never by importing it).

What it admits: the Pythons of `requires-python` (or Poetry's `python`), and the releases of the packages
whose constant names changed (Starlette, DRF) from its dependencies, FastAPI's own requirement standing in
for Starlette's. Lock files are not read: they pin what the developers test with, but a library's users,
and the application's next `lock --upgrade`, get any release the requirements admit.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .records import NamedTuple
from .specifiers import span_of
from .versions import ANY, Span, padded, starlette_for_fastapi

DEFAULT_PYTHON = (3, 10)
# A pattern, not a compiled one: `re` compiles it when a pyproject.toml is read, not at import.
_REQUIREMENT = r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?:\(([^)]*)\)|([^;@]*))"
_PACKAGES = ("starlette", "fastapi", "djangorestframework")


class Pyproject(NamedTuple):
    """What the nearest pyproject.toml says about the project (defaults without one)."""

    python: tuple[int, int] = DEFAULT_PYTHON  # the lowest admitted Python
    python_max: tuple[int, int] | None = None  # the highest; None: no upper bound
    starlette: Span = ANY  # admitted Starlette releases, FastAPI's requirement included
    drf: Span = ANY
    path: Path | None = None  # the file read; None when there is none

    @property
    def starlette_renamed(self) -> bool:
        """Every admitted Starlette has the RFC 9110 names (0.48 and later)."""
        return self.starlette.all_from("starlette", (0, 48))


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
    requires = project.get("requires-python") or _table(poetry, "dependencies").get("python")
    python = span_of(requires) if isinstance(requires, str) else None
    spans = _dependency_spans(data, project, poetry)
    starlette = spans.get("starlette", ANY)
    if "fastapi" in spans:
        starlette = starlette.meet(starlette_for_fastapi(spans["fastapi"]))
    return Pyproject(
        python=python_min(python) or DEFAULT_PYTHON,
        python_max=python_max(python),
        starlette=starlette,
        drf=spans.get("djangorestframework", ANY),
        path=path,
    )


def python_min(span: Span | None) -> tuple[int, int] | None:
    if span is None or span.low is None:
        return None
    return padded(span.low)[:2]


def python_max(span: Span | None) -> tuple[int, int] | None:
    """The highest Python minor `span` admits; None when it has no upper bound within Python 3."""
    if span is None or span.high is None or padded(span.high) >= (4, 0, 0):
        return None
    major, minor, micro = padded(span.high)
    return (major, minor) if micro else (major, minor - 1)


def lower_bound(specifier: str) -> tuple[int, int] | None:
    """The lowest (major, minor) a version specifier admits: `>=3.10,<4` gives (3, 10)."""
    return python_min(span_of(specifier))


def _table(data: object, key: str) -> dict[str, Any]:
    """`data[key]` if it is a TOML table, else an empty one: malformed files must not crash the linter."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def _dependency_spans(data: Any, project: dict[str, Any], poetry: dict[str, Any]) -> dict[str, Span]:
    """Per package: what the main dependencies admit (all their clauses hold at once); for a package only
    extras or groups name, what any of those admits (a hull: which of them is installed is not known)."""
    main = list(_pep508(project.get("dependencies"))) + list(_poetry(_table(poetry, "dependencies")))
    extra = [
        *(item for group in _table(project, "optional-dependencies").values() for item in _pep508(group)),
        *(item for group in _table(data, "dependency-groups").values() for item in _pep508(group)),
        *_poetry(_table(poetry, "dev-dependencies")),
        *(item for group in _table(poetry, "group").values() for item in _poetry(_table(group, "dependencies"))),
    ]
    spans: dict[str, Span] = {}
    for name in _PACKAGES:
        stated = [span for package, span in main if package == name]
        if stated:
            spans[name] = functools.reduce(Span.meet, stated)
            continue
        optional = [span for package, span in extra if package == name]
        if optional:
            spans[name] = functools.reduce(_hull, optional)
    return spans


def _hull(left: Span, right: Span) -> Span:
    low = None if left.low is None or right.low is None else min(padded(left.low), padded(right.low))
    high = None if left.high is None or right.high is None else max(padded(left.high), padded(right.high))
    return Span(low, high)


def _pep508(requirements: object) -> Iterator[tuple[str, Span]]:
    """(package, admitted releases) for each PEP 508 string; one that cannot be read admits anything."""
    for requirement in requirements if isinstance(requirements, list) else ():
        match = re.match(_REQUIREMENT, requirement) if isinstance(requirement, str) else None
        if match:
            specifier = (match.group(2) or match.group(3) or "").strip()
            yield _normalise(match.group(1)), (span_of(specifier) or ANY) if specifier else ANY


def _poetry(dependencies: dict[str, Any]) -> Iterator[tuple[str, Span]]:
    """Poetry's `name = "^1.2"` and `name = {version = "^1.2", ...}`; a list of those is a hull."""
    for name, spec in dependencies.items():
        entries = spec if isinstance(spec, list) else [spec]
        spans = [_poetry_span(entry) for entry in entries]
        yield _normalise(name), functools.reduce(_hull, spans) if spans else ANY


def _poetry_span(entry: object) -> Span:
    version = entry.get("version") if isinstance(entry, dict) else entry
    return (span_of(version) or ANY) if isinstance(version, str) else ANY


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
