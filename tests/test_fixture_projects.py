"""The multi-module fixture apps under `fixtures/projects/<name>/`.

Each is a small app spread over several modules, and its own project root (it has a `pyproject.toml`).
tests/test_fixtures.py and tests/test_snapshots.py check every module against its `# expect:` comments like
any fixture; here the entries marked `(index)` are checked to be exactly what the project index adds: with
`--http-status-project-index=off` each module gives its other expected findings and nothing else.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from expectations import FIXTURES, PROJECTS, fixture_files, fixture_projects, found, read

from flake8_http_status.index.roots import root_of

OFF = "--http-status-project-index=off"
REQUIRED = {"flask_shop", "tornado_chat", "fastapi_todo", "drf_library", "ninja_events"}


def modules_of(project: Path) -> list[Path]:
    return [path for path in fixture_files() if project in path.parents]


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_without_the_index_exactly_the_findings_marked_index_disappear(path: Path) -> None:
    expected = read(path)
    actual = found(path, (*expected.options, OFF))
    local = expected.findings - expected.through_index + expected.without_index
    missing, unexpected = local - actual, actual - local
    assert not missing and not unexpected, f"missing: {sorted(missing)}\nunexpected: {sorted(unexpected)}"


def test_there_is_a_fixture_project_for_every_framework_the_issue_names() -> None:
    names = {project.name for project in fixture_projects()}
    assert names >= REQUIRED, f"no fixture project {sorted(REQUIRED - names)}"


@pytest.mark.parametrize("project", fixture_projects(), ids=lambda p: p.name)
def test_each_project_is_its_own_root_and_needs_the_index(project: Path) -> None:
    modules = modules_of(project)
    assert (project / "pyproject.toml").is_file()
    assert len(modules) >= 3
    assert {root_of(module.resolve().parent) for module in modules} == {project.resolve()}
    assert sum(read(module).through_index.total() for module in modules) >= 3


@pytest.mark.parametrize(
    "path", [path for path in fixture_files() if read(path).gaps], ids=lambda p: str(p.relative_to(FIXTURES))
)
def test_each_gap_is_still_missing(path: Path) -> None:
    """A `# gap:` the analysis now finds is to become an `# expect: ... (index)` entry."""
    expected = read(path)
    assert not expected.gaps & found(path, expected.options)


def test_only_project_modules_mark_findings_as_found_through_the_index() -> None:
    # A single-file fixture has no modules of its own to read: its findings never depend on the index.
    marked = [
        path
        for path in fixture_files()
        if (read(path).through_index or read(path).gaps or read(path).without_index) and PROJECTS not in path.parents
    ]
    assert not marked


def _flake8(paths: list[Path], env: dict[str, str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=HTS", "--jobs=1", *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return set(result.stdout.splitlines())


@pytest.mark.slow
def test_the_cache_and_the_order_of_files_change_no_finding(tmp_path: Path) -> None:
    """Cold, warm and without a cache, with the modules checked in either order (the import cycles in the projects
    must stay silent whichever module of a cycle is read first), flake8 reports the same."""
    modules = [path for project in fixture_projects() for path in modules_of(project)]
    without = {key: value for key, value in os.environ.items() if not key.startswith("HTTP_STATUS_")}
    cached = {**without, "HTTP_STATUS_CACHE_DIR": str(tmp_path / "cache"), "HTTP_STATUS_KEY_DIR": str(tmp_path)}
    expected = _flake8(modules, {**without, "HTTP_STATUS_NO_CACHE": "1"})
    assert expected
    assert _flake8(modules[::-1], cached) == expected  # cold, the other way round
    assert any((tmp_path / "cache").iterdir())
    assert _flake8(modules, cached) == expected  # warm
    for module in modules:  # one module at a time, from a warm cache: what it reads was written for others
        assert _flake8([module], cached) == {line for line in expected if line.startswith(f"{module}:")}
