"""The pre-commit hooks, installed by pre-commit itself from this repository into a throw-away repository,
and the README's local hooks.

Slow-ish (pre-commit builds a virtual environment and pip-installs this package into it), so each runs
once, with a time limit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from flake8_http_status.cli import COMMANDS

pytestmark = pytest.mark.slow  # pre-commit builds a virtual environment and installs this package into it

ROOT = Path(__file__).resolve().parent.parent
VIEW = "from flask import abort\n\n\ndef show():\n    abort(404)\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _project(tmp_path: Path) -> Path:
    """A throw-away git repository with a view that has a bare 404 and a clean module."""
    if shutil.which("git") is None:
        pytest.skip("needs git")
    project = tmp_path / "project"
    project.mkdir()
    _git(project, "init", "-q")
    (project / "views.py").write_text(VIEW)
    (project / "util.py").write_text("def add(a, b):\n    return a + b\n")
    _git(project, "add", ".")
    return project


def _pre_commit(tmp_path: Path, project: Path, *args: str) -> Callable[[], subprocess.CompletedProcess[str]]:
    """A function that runs pre-commit with `args` in `project`, with this interpreter's scripts (the
    installed `http-status`) first on the path, as in the environment a `language: system` hook runs in."""
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "PRE_COMMIT_COLOR": "never",
        "PATH": path,
    }
    command = [sys.executable, "-m", "pre_commit", *args]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, cwd=project, env=environment, capture_output=True, text=True, timeout=600, check=False
        )

    return run


def _try_repo(tmp_path: Path, hook: str) -> tuple[Path, Callable[[], subprocess.CompletedProcess[str]]]:
    """The throw-away project, and a function that runs `hook` from this repository on all its files
    (pre-commit includes uncommitted changes)."""
    if subprocess.run(["git", "rev-parse", "--git-dir"], cwd=ROOT, capture_output=True, check=False).returncode != 0:
        pytest.skip("not running from a git checkout")
    project = _project(tmp_path)
    return project, _pre_commit(tmp_path, project, "try-repo", str(ROOT), hook, "--all-files")


def _readme_block(containing: str) -> str:
    """The README's YAML code block that contains `containing`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks: list[str] = [block for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL) if containing in block]
    assert len(blocks) == 1, f"expected one README block with {containing!r}, found {len(blocks)}"
    return blocks[0]


NEEDS_CHECK = pytest.mark.xfail(
    "check" not in {name for name, _, _ in COMMANDS},
    reason="needs the `http-status check` command (issue 15, branch i15-check); runs for real once it exists",
    strict=True,
)


def test_try_repo_runs_the_fix_hook(tmp_path: Path) -> None:
    project, run = _try_repo(tmp_path, "http-status-fix")

    first = run()
    assert first.returncode == 1, first.stdout + first.stderr  # files were modified: the hook fails once
    assert "files were modified by this hook" in first.stdout
    assert "abort(HTTPStatus.NOT_FOUND)" in (project / "views.py").read_text()

    second = run()
    assert second.returncode == 0, second.stdout + second.stderr


@NEEDS_CHECK
def test_try_repo_runs_the_check_hook(tmp_path: Path) -> None:
    project, run = _try_repo(tmp_path, "http-status-check")
    _check_hook_reports_and_passes_when_fixed(project, run)


def _check_hook_reports_and_passes_when_fixed(
    project: Path, run: Callable[[], subprocess.CompletedProcess[str]]
) -> None:
    found = run()
    assert found.returncode == 1, found.stdout + found.stderr  # a finding fails the hook
    assert re.search(r"^views\.py:5:\d+: HTS001 ", found.stdout, re.MULTILINE), found.stdout
    assert "util.py" not in found.stdout
    assert (project / "views.py").read_text() == VIEW  # check reports; it never writes

    (project / "views.py").write_text(
        VIEW.replace("abort(404)", "abort(HTTPStatus.NOT_FOUND)").replace(
            "from flask import abort\n", "from http import HTTPStatus\n\nfrom flask import abort\n"
        )
    )
    clean = run()
    assert clean.returncode == 0, clean.stdout + clean.stderr


@NEEDS_CHECK
def test_the_readmes_local_system_hook_runs_the_installed_command(tmp_path: Path) -> None:
    project = _project(tmp_path)
    (project / ".pre-commit-config.yaml").write_text(_readme_block("repo: local"))
    _check_hook_reports_and_passes_when_fixed(project, _pre_commit(tmp_path, project, "run", "--all-files"))


@NEEDS_CHECK
def test_the_readmes_local_python_hook_installs_the_package_by_url(tmp_path: Path) -> None:
    """The README's `language: python` lines in place of `language: system`, with this checkout's directory
    as the URL (a file URL, as a git one would be fetched from the network)."""
    python = _readme_block("language: python")
    assert "git+https://github.com/OWNER/flake8-http-status" in python
    python = python.replace("git+https://github.com/OWNER/flake8-http-status", ROOT.as_uri())
    local = _readme_block("repo: local")
    assert "        language: system\n" in local
    project = _project(tmp_path)
    (project / ".pre-commit-config.yaml").write_text(local.replace("        language: system\n", python))
    _check_hook_reports_and_passes_when_fixed(project, _pre_commit(tmp_path, project, "run", "--all-files"))
