"""What a behaviour run stands on, each made once and cached: the project's pristine source, uv (to
read uv.lock), and a venv with the project's locked dependencies.

They live outside this checkout (in $HTTP_STATUS_BEHAVIOUR_WORK, by default <tmp>/http-status-behaviour),
not in .bench-cache/: pytest, flake8 and the fixer read configuration from the parent directories of
what they run on, and this project's own pyproject.toml would otherwise configure a project without one.
PyPI sdists are still downloaded once into .bench-cache/ (benchmarks/corpus.py) and copied from there.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from behaviour_suites import Lock, Snapshot, Suite
from corpus import root

WORK = Path(os.environ.get("HTTP_STATUS_BEHAVIOUR_WORK", Path(tempfile.gettempdir()) / "http-status-behaviour"))
UV_VERSION = "0.11.18"  # the uv FastAPI's CI pins
DEFAULT_MIRROR = Path(os.environ.get("HTTP_STATUS_MIRROR", "/work/.mirror"))
REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def source(suite: Suite, given: Path | None) -> tuple[Path, str]:
    """The pristine tree (never modified; runs work on copies) and where it came from."""
    origin = suite.origin
    if not isinstance(origin, Snapshot):
        return root(origin), suite.label
    target = WORK / suite.name / "source"
    stamp = target / ".behaviour-origin"
    if stamp.is_file():
        return target, stamp.read_text(encoding="utf-8")
    where = given or DEFAULT_MIRROR / origin.repo.replace("/", "+") / "repo"
    if not where.exists():
        raise SystemExit(
            f"{suite.name}: no source for {origin.repo}. Give a git directory holding commit {origin.commit} "
            f"or an unpacked tree of it: --source {suite.name}=PATH"
        )
    shutil.rmtree(target, ignore_errors=True)
    label = _unpack_snapshot(origin, where, target)
    stamp.write_text(label, encoding="utf-8")
    return target, label


def _unpack_snapshot(origin: Snapshot, where: Path, target: Path) -> str:
    git_dir = where / ".git" if (where / ".git").exists() else where
    if (git_dir / "HEAD").is_file():
        archive = subprocess.run(
            ["git", "--git-dir", str(git_dir), "archive", "--format=tar", origin.commit],
            check=True,
            capture_output=True,
        ).stdout
        target.mkdir(parents=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as bundle:
            bundle.extractall(target, filter="data")
        return origin.label
    # An unpacked tree: its commit cannot be checked, and the report says so.
    shutil.copytree(where, target, symlinks=True)
    return f"{origin.repo} (tree from {where}, commit not checked; expected {origin.commit[:12]})"


def interpreter(version: str) -> Path:
    """A Python of this minor version: pyenv's, else the one on PATH."""
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates = sorted(pyenv.glob(f"{version}.*/bin/python{version}"), reverse=True)
    on_path = shutil.which(f"python{version}")
    candidates += [Path(on_path)] if on_path else []
    for candidate in candidates:
        probe = subprocess.run(
            [str(candidate), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return candidate
    raise SystemExit(f"no Python {version} found (pyenv versions or python{version} on PATH)")


def uv() -> Path:
    """uv, installed from PyPI into its own venv, to export uv.lock and install quickly."""
    home = WORK / "uv"
    binary = home / "bin" / "uv"
    if not binary.is_file():
        subprocess.run([sys.executable, "-m", "venv", str(home)], check=True)
        subprocess.run([str(home / "bin" / "python"), "-m", "pip", "install", "-q", f"uv=={UV_VERSION}"], check=True)
    return binary


def locked_requirements(lock: Lock, tree: Path) -> str:
    """The pinned requirements, one a line, as the project's lock gives them."""
    lines: list[str] = []
    if lock.uv_export is not None:
        exported = subprocess.run(
            [str(uv()), "export", "--frozen", "--no-hashes", "--no-emit-project", "--no-header", *lock.uv_export],
            cwd=tree,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        lines += exported.splitlines()
    for name in lock.files:
        lines += _kept((tree / name).read_text(encoding="utf-8").splitlines(), lock.skip)
    lines += lock.pins
    return "\n".join(line for line in lines if line.strip() and not line.lstrip().startswith("#")) + "\n"


def _kept(lines: list[str], skip: frozenset[str]) -> list[str]:
    kept = []
    for line in lines:
        if line.lstrip().startswith("-"):  # index options: PyPI, the default, is used
            continue
        match = REQUIREMENT_NAME.match(line)
        if match and _normalised(match.group(1)) in skip:
            continue
        kept.append(line)
    return kept


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def venv(suite: Suite, tree: Path) -> Path:
    """The suite's venv (its python), rebuilt only when the requirements or the Python change."""
    python_binary = interpreter(suite.python)
    requirements = locked_requirements(suite.lock, tree)
    stamp_text = hashlib.sha256(f"{python_binary}\n{requirements}".encode()).hexdigest()
    home = WORK / suite.name / "venv"
    stamp = home / ".behaviour-stamp"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == stamp_text:
        return home / "bin" / "python"
    shutil.rmtree(home, ignore_errors=True)
    subprocess.run([str(python_binary), "-m", "venv", "--without-pip", str(home)], check=True)
    listed = WORK / suite.name / "requirements.txt"
    listed.write_text(requirements, encoding="utf-8")
    python = home / "bin" / "python"
    subprocess.run([str(uv()), "pip", "install", "--python", str(python), "-r", str(listed)], check=True)
    freeze = subprocess.run(
        [str(uv()), "pip", "freeze", "--python", str(python)], check=True, capture_output=True, text=True
    ).stdout
    (WORK / suite.name / "freeze.txt").write_text(freeze, encoding="utf-8")
    stamp.write_text(stamp_text, encoding="utf-8")
    return python
