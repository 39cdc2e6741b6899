"""What ruff does to `# noqa: HTS…` comments, for the README's advice to ruff users (`lint.external`).

Pinned with the ruff of the test extra: ruff does not know the HTS codes, and its RUF102 (invalid rule
code, part of `RUF`) removes them from `# noqa` comments on `--fix`, which would bring back every finding
they silence in `http-status check` and flake8. RUF100 (unused noqa) leaves codes it does not know alone.
Listing the prefix in `lint.external` keeps the comments. A ruff release that changes this fails here, and
the README must follow.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUFF = Path(sys.executable).with_name("ruff")

VIEW = "import os  # noqa: F401, HTS001\n\nfrom flask import abort\n\n\ndef show():\n    abort(404)  # noqa: HTS001\n"


def _project(tmp_path: Path, lint: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(f"[tool.ruff.lint]\n{lint}\n", encoding="utf-8")
    view = tmp_path / "views.py"
    view.write_text(VIEW, encoding="utf-8")
    return view


def _findings(folder: Path) -> list[tuple[str, int]]:
    run = subprocess.run(
        [str(RUFF), "check", "--output-format", "json", "--exit-zero", "--no-cache", "."],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    return sorted((item["code"], item["location"]["row"]) for item in json.loads(run.stdout))


def _fix(folder: Path) -> None:
    subprocess.run(
        [str(RUFF), "check", "--fix", "--exit-zero", "--no-cache", "."], cwd=folder, capture_output=True, check=True
    )


def test_without_external_ruff_strips_hts_codes_from_noqa_comments(tmp_path: Path) -> None:
    view = _project(tmp_path, 'select = ["F401", "RUF"]')
    assert _findings(tmp_path) == [("RUF102", 1), ("RUF102", 7)]
    _fix(tmp_path)
    assert view.read_text(encoding="utf-8") == VIEW.replace(", HTS001", "").replace("  # noqa: HTS001", "")


def test_unused_noqa_alone_leaves_unknown_codes(tmp_path: Path) -> None:
    view = _project(tmp_path, 'select = ["F401", "RUF100"]')
    assert _findings(tmp_path) == []
    _fix(tmp_path)
    assert view.read_text(encoding="utf-8") == VIEW


def test_external_hts_keeps_the_comments(tmp_path: Path) -> None:
    view = _project(tmp_path, 'select = ["F401", "RUF"]\nexternal = ["HTS"]')
    assert _findings(tmp_path) == []
    _fix(tmp_path)
    assert view.read_text(encoding="utf-8") == VIEW
