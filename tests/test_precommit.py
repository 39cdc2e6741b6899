"""The pre-commit hook, installed by pre-commit itself from this repository into a throw-away repository.

Slow-ish (pre-commit builds a virtual environment and pip-installs this package into it), so it
runs once, with a time limit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # pre-commit builds a virtual environment and installs this package into it

ROOT = Path(__file__).resolve().parent.parent
VIEW = "from flask import abort\n\n\ndef show():\n    abort(404)\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_try_repo_runs_the_fix_hook(tmp_path: Path) -> None:
    if subprocess.run(["git", "rev-parse", "--git-dir"], cwd=ROOT, capture_output=True, check=False).returncode != 0:
        pytest.skip("not running from a git checkout")
    project = tmp_path / "project"
    project.mkdir()
    _git(project, "init", "-q")
    (project / "views.py").write_text(VIEW)
    (project / "util.py").write_text("def add(a, b):\n    return a + b\n")
    _git(project, "add", ".")
    environment = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "http-status-fix", "--all-files"]

    first = subprocess.run(
        command, cwd=project, env=environment, capture_output=True, text=True, timeout=600, check=False
    )
    assert first.returncode == 1, first.stdout + first.stderr  # files were modified: the hook fails once
    assert "files were modified by this hook" in first.stdout
    assert "abort(HTTPStatus.NOT_FOUND)" in (project / "views.py").read_text()

    second = subprocess.run(
        command, cwd=project, env=environment, capture_output=True, text=True, timeout=600, check=False
    )
    assert second.returncode == 0, second.stdout + second.stderr
