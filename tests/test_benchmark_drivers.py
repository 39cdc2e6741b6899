"""The benchmark drivers that run inside the plugin's environment keep working with the package as it is.

`benchmarks/tree_steps.py` runs `tree_steps_driver.py` under callgrind by hand, never in CI, so a renamed engine
function would break it silently. Here it runs once per kind of step on a small project of the fixtures (no
callgrind), and must finish cleanly having analysed the files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DRIVER = ROOT / "benchmarks" / "tree_steps_driver.py"
PROJECT = ROOT / "fixtures" / "projects" / "flask_shop"


@pytest.mark.parametrize("step", ["prefilter", "reach", "collect", "sites", "rules"])
def test_tree_steps_driver_runs_every_kind_of_step(step: str, tmp_path: Path) -> None:
    tree = tmp_path / "flask_shop"
    shutil.copytree(PROJECT, tree)
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HTTP_STATUS_")}
    result = subprocess.run(
        [sys.executable, str(DRIVER), str(tree), "10", step, "2"],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    # The index keeps the summaries of the project's modules it read: the steps that ask it about calls wrote some.
    summaries = list((tree / ".http-status-cache").rglob("*.json"))
    assert bool(summaries) == (step in ("sites", "rules")), summaries
