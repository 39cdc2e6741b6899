"""Facts about the analysed project, read from its nearest root (never by importing it or running setup.py).

The root is the nearest directory with a `pyproject.toml`, a `setup.py`, a package's `setup.cfg` or pip
requirements files (`requirements*.txt`, `requirements/*.txt`). What it admits: the Pythons of
`requires-python` (else Poetry's `python`, setup.cfg's or setup.py's `python_requires`), and the releases of
the packages whose constant names changed (Starlette, DRF) from its dependencies (else its requirements
files), FastAPI's own requirement standing in for Starlette's. Lock files are not read: they pin what the developers test with, but a library's users,
and the application's next `lock --upgrade`, get any release the requirements admit.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

from .records import NamedTuple
from .safe_read import discovered_toml
from .setup_files import is_setup_cfg, setup_cfg_python, setup_py_python
from .versions import ANY, Span, padded, starlette_for_fastapi

# The parsers of requirements and version specifiers (`requirements`, `specifiers`, `markers`) are imported where
# a project root is read: a module outside any project (a script, an editor's scratch file) never loads them.

DEFAULT_PYTHON = (3, 10)
_PACKAGES = ("starlette", "fastapi", "djangorestframework")


class Pyproject(NamedTuple):
    """What the nearest project root says about the project (defaults without one)."""

    python: tuple[int, int] = DEFAULT_PYTHON  # the lowest admitted Python
    python_max: tuple[int, int] | None = None  # the highest; None: no upper bound
    starlette: Span = ANY  # admitted Starlette releases, FastAPI's requirement included
    drf: Span = ANY
    path: Path | None = None  # the pyproject.toml read; None when there is none

    @property
    def starlette_renamed(self) -> bool:
        """Every admitted Starlette has the RFC 9110 names (0.48 and later)."""
        return self.starlette.all_from("starlette", (0, 48))


def pyproject_for(path: str | Path) -> Pyproject:
    """What the project root nearest to `path` (a file or a directory) says."""
    start = Path(path)
    directory = start if start.is_dir() else start.parent
    return _pyproject_in(directory.resolve())


@functools.lru_cache(maxsize=512)
def _pyproject_in(directory: Path) -> Pyproject:
    root = project_root(directory)
    return read_project(root) if root is not None else Pyproject()


@functools.lru_cache(maxsize=512)
def project_root(directory: Path) -> Path | None:
    """The nearest directory at or above `directory` (resolved) that declares a project; None without one."""
    if _is_root(directory):
        return directory
    if directory.parent == directory:
        return None
    return project_root(directory.parent)


def _is_root(directory: Path) -> bool:
    """The nearest directory that declares a project: a pyproject.toml, a setup.py, a setup.cfg describing a
    package (one holding only tool settings does not count), or pip requirements files."""
    return (
        (directory / "pyproject.toml").is_file()
        or (directory / "setup.py").is_file()
        or is_setup_cfg(directory / "setup.cfg")
        or bool(_requirement_files(directory))
    )


def _requirement_files(directory: Path) -> list[Path]:
    found = _named_like(directory, "requirements", ".txt")
    if (directory / "requirements").is_dir():
        found += _named_like(directory / "requirements", "", ".txt")
    return [path for path in found if path.is_file()]


def _named_like(directory: Path, prefix: str, suffix: str) -> list[Path]:
    """What `sorted(directory.glob(prefix + "*" + suffix))` gives: the entries whose names start with `prefix` and
    end with `suffix`, in the system's case (Windows: any), none when the directory cannot be listed. Listed and
    compared rather than globbed: a glob matches a compiled pattern against every entry in Python, which took 1.3
    million instructions in a folder of 800 entries (every folder above a module is looked in, `/tmp` among them)."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    shortest = len(prefix) + len(suffix)
    if os.path.normcase("A") == "A":  # case-sensitive names: compared as they are
        found = [name for name in names if name.startswith(prefix) and name.endswith(suffix) and len(name) >= shortest]
        return [directory / name for name in sorted(found)]
    cased = sorted((os.path.normcase(name), name) for name in names)
    return [
        directory / name
        for key, name in cased
        if key.startswith(prefix) and key.endswith(suffix) and len(key) >= shortest
    ]


def read_project(directory: Path) -> Pyproject:
    """What the project rooted at `directory` admits. The Pythons: pyproject's `requires-python`, else
    Poetry's `python`, else setup.cfg's `python_requires`, else setup.py's. The packages: the pyproject's
    requirements, else the pip requirements files (each an alternative environment: their ranges unite)."""
    from .specifiers import span_of

    path = directory / "pyproject.toml"
    data = discovered_toml(path) or {}
    project = _table(data, "project")
    poetry = _table(_table(data, "tool"), "poetry")
    requires = (
        project.get("requires-python")
        or _table(poetry, "dependencies").get("python")
        or setup_cfg_python(directory / "setup.cfg")
        or setup_py_python(directory / "setup.py")
    )
    python = span_of(requires) if isinstance(requires, str) else None
    spans = _dependency_spans(data, project, poetry, python or ANY)
    for name, span in _requirement_files_spans(directory, python or ANY).items():
        spans.setdefault(name, span)
    starlette = spans.get("starlette", ANY)
    if "fastapi" in spans:
        starlette = starlette.meet(starlette_for_fastapi(spans["fastapi"]))
    return Pyproject(
        python=python_min(python) or DEFAULT_PYTHON,
        python_max=python_max(python),
        starlette=starlette,
        drf=spans.get("djangorestframework", ANY),
        path=path if path.is_file() else None,
    )


def _requirement_files_spans(directory: Path, python: Span) -> dict[str, Span]:
    """Per package the pip requirements files name: the hull over the files of what each admits."""
    from .requirements import admitted, hull, requirements_file

    united: dict[str, Span] = {}
    for path in _requirement_files(directory):
        requirements = requirements_file(path)
        for name in _PACKAGES:
            span = admitted(requirements, name, python)
            if span is not None:
                united[name] = hull(united[name], span) if name in united else span
    return united


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
    from .specifiers import span_of

    return python_min(span_of(specifier))


def _table(data: object, key: str) -> dict[str, Any]:
    """`data[key]` if it is a TOML table, else an empty one: malformed files must not crash the linter."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def _dependency_spans(data: Any, project: dict[str, Any], poetry: dict[str, Any], python: Span) -> dict[str, Span]:
    """Per package: what the main dependencies admit (see `requirements.admitted` for markers); for a package
    only extras or groups name, what any of those admits (a hull: which of them is installed is not known)."""
    from .requirements import admitted, hull, pep508_list
    from .requirements import poetry as poetry_requirements

    main = [*pep508_list(project.get("dependencies")), *poetry_requirements(_table(poetry, "dependencies"))]
    extra = [
        *(pep508_list(group) for group in _table(project, "optional-dependencies").values()),
        *(pep508_list(group) for group in _table(data, "dependency-groups").values()),
        poetry_requirements(_table(poetry, "dev-dependencies")),
        *(poetry_requirements(_table(group, "dependencies")) for group in _table(poetry, "group").values()),
    ]
    groups = [list(group) for group in extra]
    spans: dict[str, Span] = {}
    for name in _PACKAGES:
        stated = admitted(main, name, python)
        if stated is None:
            optional = [span for group in groups if (span := admitted(group, name, python)) is not None]
            stated = functools.reduce(hull, optional) if optional else None
        if stated is not None:
            spans[name] = stated
    return spans
