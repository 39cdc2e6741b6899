"""Analysing and fixing never import or run the code analysed.

Every module of the project below leaves a file behind the moment it is imported or run. The flake8
plugin, `http-status fix` (writing, with --diff, and on stdin) and the LibCST codemod all work on it,
and must find and fix its statuses while leaving no such file. The last step imports one module on
purpose, to show that the trap springs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a project analysed in subprocesses

# Run on import: leaves `<module file>.ran` next to the module.
TRAP = "import pathlib as _p\n_p.Path(__file__ + '.ran').write_text('imported or run')\n"
MODULES = {
    "views.py": TRAP
    + "from flask import abort\n\n\ndef show():\n    abort(404)\n\n\nif __name__ == '__main__':\n    show()\n",
    "setup.py": TRAP
    + "from django.http import HttpResponse\n\n\ndef made(request):\n    return HttpResponse(status=201)\n",
    "conftest.py": TRAP + "def test_home(client):\n    assert client.get('/').status_code == 200\n",
    "app/__init__.py": TRAP,
    "app/routes.py": TRAP
    + "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.post('/', status_code=201)\ndef create():\n    return {}\n",
}


def traps_sprung(root: Path) -> list[str]:
    return sorted(str(path.relative_to(root)) for path in root.rglob("*.ran"))


def run(command: list[str], cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(command, input=stdin, capture_output=True, text=True, cwd=cwd, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for name, source in MODULES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(source)
    return root


def test_nothing_analysed_is_imported_or_run(project: Path, tmp_path: Path) -> None:
    pristine = tmp_path / "pristine"
    shutil.copytree(project, pristine)

    flake8 = run([sys.executable, "-m", "flake8", "--select=HTS0", "--isolated", "."], project)
    codes = sorted(line.split()[1] for line in flake8.stdout.splitlines())
    assert codes == ["HTS001", "HTS001", "HTS001", "HTS002"], flake8.stdout

    fix = [sys.executable, "-m", "flake8_http_status.cli", "fix", "--isolated"]
    assert run([*fix, "--diff", "."], project).returncode == 1
    piped = run([*fix, "--stdin-filename", "views.py", "-"], project, stdin=MODULES["views.py"])
    assert "abort(HTTPStatus.NOT_FOUND)" in piped.stdout
    fixed = run([*fix, "."], project)
    assert fixed.returncode == 0 and "4 changed" in fixed.stderr, fixed.stderr

    codemod = [
        sys.executable,
        "-m",
        "libcst.tool",
        "codemod",
        "--no-format",
        "-x",
        "flake8_http_status.fixer.codemod.HttpStatusFix",
        "--isolated",
        ".",
    ]
    assert run(codemod, pristine).returncode == 0
    for root in (project, pristine):
        assert "abort(HTTPStatus.NOT_FOUND)" in (root / "views.py").read_text()
        assert "status_code=status.HTTP_201_CREATED" in (root / "app" / "routes.py").read_text()

    assert traps_sprung(project) == [] and traps_sprung(pristine) == []
    # The trap works: importing the module springs it (before its own imports fail without Flask).
    subprocess.run([sys.executable, "-c", "import views"], capture_output=True, cwd=project, check=False)
    assert traps_sprung(project) == ["views.py.ran"]
