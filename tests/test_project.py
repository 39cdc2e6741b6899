"""What the analysed project's pyproject.toml says (`project.Pyproject`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_http_status.project import lower_bound, pyproject_for


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
