"""Start-up: what one fresh process on one small file costs, the run an editor or pre-commit makes.

    python benchmarks/startup.py [FILE]     # default: fixtures/flask/restful_api.py (69 lines)
    python benchmarks/startup.py --plugin-environment VENV   # measure another install (e.g. an older commit)
    python benchmarks/startup.py --tree DIR [--files 40]     # also the overhead on N files of a large tree

Counted in instructions by callgrind (with PYTHONHASHSEED=0 and warm .pyc files), so the machine's
load cannot move the ratios. flake8 alone runs from a virtual environment without this package (its
import is not even attempted); the plugin's environment holds this checkout (see
`bench_plugin.environments`). Printed:

- flake8 + plugin / flake8 alone on FILE (budget 1.15);
- the same with FILE in a project: beside a pyproject.toml with requirements and a `[tool.http-status]`
  table, which the plugin reads (its kept parse, `toml_documents`, after the warm-up run), for information;
- the same on a small module with no status site (the text prefilter skips it), for information;
- the same on a small client module with status sites but no handler (no HTS9xx rule runs), for information;
- `http-status fix --check` on FILE once its safe fixes are applied (nothing left to fix) / flake8
  alone on that file (budget 1.10);
- `http-status fix --check` on FILE as it is (fixes to apply, LibCST imported) / flake8 alone, for
  information;
- the CPU seconds of `http-status explain 404` (budget 0.1 s), best of 5;
- with `--tree`: flake8 + plugin / flake8 alone in one run over every n-th of the tree's files (`--files` of
  them, as `run.py --callgrind` picks them), the large-tree overhead (budget +5%).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_plugin import environments
from corpus import ROOT
from measure import instructions, run

DEFAULT_FILE = ROOT / "fixtures" / "flask" / "restful_api.py"
NO_SITE = 'import os\n\n\ndef joined(path):\n    return os.path.join(path, "a")\n'
# Status sites but no handler: a client's helper (the HTS9xx rule modules and the handler model are not loaded).
CLIENT = (
    "import requests\n\n\ndef fetch(url):\n    response = requests.get(url)\n"
    "    if response.status_code == 404:\n        return None\n    return response.json()\n"
)
# A project's pyproject.toml as an application has one: metadata, requirements, other tools' tables and ours.
PYPROJECT = """[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "shop"
version = "1.4.0"
description = "An online shop's API"
requires-python = ">=3.10"
dependencies = [
    "flask>=2.3,<4",
    "flask-restful>=0.3.10",
    "sqlalchemy>=2.0",
    "marshmallow>=3.20",
    "requests>=2.31",
    "python-dotenv>=1.0",
]

[project.optional-dependencies]
test = ["pytest>=8", "pytest-cov>=4", "flake8>=7"]

[tool.http-status]
style = "httpstatus"
extra-codes = ["499=CLIENT_CLOSED_REQUEST"]

[tool.pytest.ini_options]
testpaths = ["tests"]
addopts = "-ra --strict-markers"

[tool.coverage.run]
branch = true
source = ["shop"]
"""


def _environ() -> dict[str, str]:
    environ = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    environ["PYTHONHASHSEED"] = "0"
    return environ


def count(command: Sequence[str], cwd: Path) -> int:
    """Instructions of `command`, after one plain run that writes the .pyc files it needs."""
    environ = _environ()
    subprocess.run(command, cwd=cwd, env=environ, capture_output=True, check=False)
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(environ)
    try:
        return instructions(command, cwd=cwd)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def explain_cpu(environment: Path, turns: int = 5) -> float:
    command = [str(environment / "bin" / "http-status"), "explain", "404"]
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(_environ())
    try:
        run(command)  # warm the .pyc files
        return min(run(command).cpu for _ in range(turns))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def tree_counts(tree: Path, files: int, base: Path, plugin: Path) -> tuple[int, int, int]:
    """(files, flake8 alone, flake8 + plugin) in instructions, one flake8 run over the subset."""
    every = sorted(tree.rglob("*.py"))
    subset = [str(path) for path in every[:: max(1, len(every) // files)][:files]]
    alone, with_plugin = (
        count([str(environment / "bin" / "flake8"), "-j1", "--exit-zero", *subset], tree)
        for environment in (base, plugin)
    )
    return len(subset), alone, with_plugin


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--plugin-environment", type=Path, help="a virtual environment holding flake8 and the plugin")
    parser.add_argument("--tree", type=Path, help="a large tree (e.g. Django's package) for the per-file overhead")
    parser.add_argument("--files", type=int, default=40, help="how many of the tree's files (default 40)")
    args = parser.parse_args(argv)
    base, plugin = environments()
    plugin = args.plugin_environment.resolve() if args.plugin_environment else plugin
    with tempfile.TemporaryDirectory() as directory:
        work = Path(directory)
        original = work / "original" / args.file.name
        fixed = work / "fixed" / args.file.name
        for target in (original, fixed):
            target.parent.mkdir()
            shutil.copyfile(args.file, target)
        in_project = work / "project" / args.file.name
        in_project.parent.mkdir()
        shutil.copyfile(args.file, in_project)
        (in_project.parent / "pyproject.toml").write_text(PYPROJECT)
        plain = work / "plain" / "plain.py"
        plain.parent.mkdir()
        plain.write_text(NO_SITE)
        client = work / "client" / "client.py"
        client.parent.mkdir()
        client.write_text(CLIENT)
        http_status = str(plugin / "bin" / "http-status")
        subprocess.run([http_status, "fix", "-q", str(fixed)], capture_output=True, check=False)

        def flake8(environment: Path, path: Path) -> list[str]:
            return [str(environment / "bin" / "flake8"), "-j1", "--exit-zero", path.name]

        alone = count(flake8(base, original), original.parent)
        with_plugin = count(flake8(plugin, original), original.parent)
        alone_fixed = count(flake8(base, fixed), fixed.parent)
        project_plugin = count(flake8(plugin, in_project), in_project.parent)
        plain_alone = count(flake8(base, plain), plain.parent)
        plain_plugin = count(flake8(plugin, plain), plain.parent)
        client_alone = count(flake8(base, client), client.parent)
        client_plugin = count(flake8(plugin, client), client.parent)
        check_clean = count([http_status, "fix", "--check", fixed.name], fixed.parent)
        check_fixes = count([http_status, "fix", "--check", original.name], original.parent)
    explain = explain_cpu(plugin)
    rows = [
        ("flake8 + plugin / flake8 alone", with_plugin, alone, 1.15),
        ("the same, the file in a project (pyproject.toml)", project_plugin, alone, None),
        ("the same, on a module with no status site", plain_plugin, plain_alone, None),
        ("the same, on a client module with sites but no handler", client_plugin, client_alone, None),
        ("fix --check, nothing to fix / flake8 alone", check_clean, alone_fixed, 1.10),
        ("fix --check, fixes to apply / flake8 alone", check_fixes, alone, None),
    ]
    print(f"File: {args.file} ({len(args.file.read_text().splitlines())} lines)")
    # The copies are in a folder of the temporary folder, and outside any project the plugin looks for a project's
    # files in every folder above a module: the count depends a little on how many entries that folder holds.
    temporary = tempfile.gettempdir()
    print(f"Copied into a folder of {temporary}, which holds {len(os.listdir(temporary))} entries")
    print()
    print("| Run | Instructions | flake8 alone | Ratio | Budget |")
    print("| --- | --- | --- | --- | --- |")
    for label, measured, reference, budget in rows:
        limit = f"≤ {budget:.2f}" if budget is not None else "-"
        print(f"| {label} | {measured:,} | {reference:,} | {measured / reference:.3f} | {limit} |")
    print(f"| `http-status explain 404`, CPU seconds (best of 5) | | | {explain:.3f} | ≤ 0.10 |")
    if args.tree:
        files, alone, with_plugin = tree_counts(args.tree.resolve(), args.files, base, plugin)
        overhead = (with_plugin / alone - 1) * 100
        print(
            f"| {args.tree.name}, {files} files: flake8 + plugin / flake8 alone | {with_plugin:,} | {alone:,} "
            f"| {with_plugin / alone:.3f} (+{overhead:.2f}%) | ≤ +5% |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
