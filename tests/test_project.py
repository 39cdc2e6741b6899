"""What the analysed project's pyproject.toml says (`project.Pyproject`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_http_status.project import lower_bound, pyproject_for
from flake8_http_status.versions import Span


def write(directory: Path, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "pyproject.toml").write_text(text, encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    ("spec", "bound"),
    [
        (">=3.10", (3, 10)),
        (">=3.9,<4", (3, 9)),
        ("^3.11", (3, 11)),
        ("==3.12.*", (3, 12)),
        ("~=3.13.0", (3, 13)),
        ("<4", None),
    ],
)
def test_lower_bound(spec: str, bound: tuple[int, int] | None) -> None:
    assert lower_bound(spec) == bound


def test_nearest_pyproject_wins(tmp_path: Path) -> None:
    write(tmp_path, '[project]\nrequires-python = ">=3.9"\n')
    inner = write(tmp_path / "service", '[project]\nrequires-python = ">=3.13"\n')
    (inner / "app").mkdir()
    assert pyproject_for(tmp_path / "other.py").python == (3, 9)
    assert pyproject_for(inner / "app" / "views.py").python == (3, 13)


def test_poetry_python_and_dependencies(tmp_path: Path) -> None:
    write(tmp_path, '[tool.poetry.dependencies]\npython = "^3.11"\nfastapi = {version = ">=0.164.0"}\n')
    pyproject = pyproject_for(tmp_path / "main.py")
    assert pyproject.python == (3, 11) and pyproject.starlette_renamed


@pytest.mark.parametrize(
    ("dependency", "renamed"),
    [
        ("starlette>=0.48.0", True),
        ("starlette>=0.47", False),
        ("fastapi[standard]>=0.164.0", True),
        ("fastapi>=0.115", False),
        ("fastapi", False),
    ],
)
def test_starlette_renames_follow_the_pins(tmp_path: Path, dependency: str, renamed: bool) -> None:
    write(tmp_path, f'[project]\nname = "x"\ndependencies = ["{dependency}"]\n')
    assert pyproject_for(tmp_path / "a.py").starlette_renamed is renamed


def test_broken_pyproject_falls_back_to_defaults(tmp_path: Path) -> None:
    write(tmp_path, "[project\nrequires-python = ")
    pyproject = pyproject_for(tmp_path / "a.py")
    assert pyproject.python == (3, 10) and not pyproject.starlette_renamed


@pytest.mark.parametrize(
    ("spec", "lowest", "highest"),
    [
        (">=3.10,<3.12 || >=3.13", (3, 10), None),
        (">=3.10,<3.12 | >=3.13", (3, 10), None),
        ("!=3.10.*,>=3.10", (3, 11), None),
        ("~=3.11.0", (3, 11), (3, 11)),
        ("==3.11.*", (3, 11), (3, 11)),
        ("^3.11", (3, 11), None),
        ("~3.11", (3, 11), (3, 11)),
        (">=3.10,<3.13", (3, 10), (3, 12)),
        (">=3.10, <=3.12", (3, 10), (3, 12)),
    ],
)
def test_requires_python_is_read_as_a_range(
    tmp_path: Path, spec: str, lowest: tuple[int, int], highest: object
) -> None:
    write(tmp_path, f'[project]\nname = "x"\nrequires-python = "{spec}"\n')
    pyproject = pyproject_for(tmp_path / "a.py")
    assert (pyproject.python, pyproject.python_max) == (lowest, highest)


def test_poetry_python_union_admits_its_lowest(tmp_path: Path) -> None:
    write(tmp_path, '[tool.poetry.dependencies]\npython = ">=3.10,<3.12 || >=3.13"\n')
    assert pyproject_for(tmp_path / "a.py").python == (3, 10)


@pytest.mark.parametrize(
    ("dependencies", "low", "high"),
    [
        # FastAPI's own requirement stands in for Starlette's (verified per release in versions.py).
        ('["fastapi>=0.115"]', (0, 37, 2), None),
        ('["fastapi>=0.100,<0.116"]', (0, 27, 0), (0, 47, 0)),
        ('["fastapi>=0.164"]', (1, 6, 0), None),
        ('["fastapi==0.116.1"]', (0, 40, 0), (0, 48, 0)),
        ('["fastapi>=0.115", "starlette<0.48"]', (0, 37, 2), (0, 48, 0)),
        # With no requires-python, a Python where the marker fails (and no Starlette is asked for) may exist.
        ("[\"starlette>=0.40; python_version >= '3.10'\"]", None, None),
        ('["starlette (>=0.48)"]', (0, 48, 0), None),
        ('["fastapi"]', None, None),
    ],
)
def test_starlette_range_from_the_dependencies(tmp_path: Path, dependencies: str, low: object, high: object) -> None:
    write(tmp_path, f'[project]\nname = "x"\ndependencies = {dependencies}\n')
    assert pyproject_for(tmp_path / "a.py").starlette == Span(low, high)  # type: ignore[arg-type]


def test_optional_dependencies_and_poetry_groups_count_where_the_main_ones_are_silent(tmp_path: Path) -> None:
    write(tmp_path / "a", '[project]\nname = "x"\n[project.optional-dependencies]\nweb = ["starlette>=0.48"]\n')
    write(tmp_path / "b", '[tool.poetry.group.dev.dependencies]\nstarlette = {version = "^0.47"}\n')
    write(
        tmp_path / "c",
        '[project]\nname = "x"\ndependencies = ["starlette<0.48"]\n[dependency-groups]\nt = ["starlette"]\n',
    )
    assert pyproject_for(tmp_path / "a" / "m.py").starlette == Span((0, 48, 0), None)
    assert pyproject_for(tmp_path / "b" / "m.py").starlette == Span((0, 47, 0), (0, 48, 0))
    assert pyproject_for(tmp_path / "c" / "m.py").starlette == Span(None, (0, 48, 0))


def test_a_lock_file_does_not_narrow_the_range(tmp_path: Path) -> None:
    # A lock pins what the developers test with; users of a library (and the next `uv lock --upgrade`)
    # get any release the requirements admit.
    write(tmp_path, '[project]\nname = "x"\ndependencies = ["starlette>=0.40"]\n')
    (tmp_path / "uv.lock").write_text('[[package]]\nname = "starlette"\nversion = "0.49.3"\n', encoding="utf-8")
    assert pyproject_for(tmp_path / "a.py").starlette == Span((0, 40, 0), None)
