"""`http-status fix --check --output-format`: the findings whose fixes would apply, in check's report formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flake8_http_status.cli import main

VIEW = 'from flask import Flask, abort\n\napp = Flask(__name__)\n\n\n@app.post("/a")\ndef a():\n    abort(404)\n    return "", "200 Created"\n'
CLEAN = "def add(a, b):\n    return a + b\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "views.py").write_text(VIEW)
    (tmp_path / "util.py").write_text(CLEAN)
    return tmp_path


def test_fix_check_reports_the_fixes_it_would_apply_as_json(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fix", "--check", "--output-format=json", "."]) == 1
    out, err = capsys.readouterr()
    found = json.loads(out)
    assert [(item["code"], item["location"]["row"], item["fix"]["applicability"]) for item in found] == [
        ("HTS001", 8, "safe")
    ]
    assert "would fix views.py" in err  # the usual summary stays on stderr
    assert (project / "views.py").read_text() == VIEW
    assert main(["fix", "--check", "--unsafe-fixes", "--output-format=json", "."]) == 1
    codes = [item["code"] for item in json.loads(capsys.readouterr().out)]
    assert codes == ["HTS001", "HTS003"]


def test_fix_check_report_is_empty_when_nothing_would_change(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fix", "--check", "--output-format=sarif", "util.py"]) == 0
    assert json.loads(capsys.readouterr().out)["runs"][0]["results"] == []


def test_fix_check_output_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fix", "--check", "--output-format=github", "-o", "report.txt", "."]) == 1
    assert capsys.readouterr().out == ""
    assert (project / "report.txt").read_text().startswith("::error title=HTS001 (magic-status-code),file=views.py,")


def test_output_format_needs_check(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fix", "--output-format=json", "."]) == 2
    assert capsys.readouterr().err == "http-status fix: error: --output-format and --output-file go with --check\n"
    assert (project / "views.py").read_text() == VIEW
    assert main(["fix", "--check", "-o", "report.txt", "."]) == 2
