"""Pinned real projects from PyPI, downloaded into a cache outside git, for benchmarks and smoke runs.

python benchmarks/corpus.py            # download and unpack every project, print their paths
python benchmarks/corpus.py Django     # only some
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench-cache"


@dataclass(frozen=True)
class Project:
    name: str  # the PyPI name
    version: str
    package: str  # the import package (or single module) whose source the benchmarks measure
    sdist: bool = True  # wheels are used where the sdist is huge or needs a build
    benchmark: bool = True  # measured by run.py; every project is smoke-run

    @property
    def requirement(self) -> str:
        return f"{self.name}=={self.version}"


# Big web applications and the frameworks the rules know, as their own code and tests use them.
# Sdists bring the projects' tests, where most status comparisons live.
PROJECTS = (
    Project("Django", "5.2.19", "django"),
    Project("djangorestframework", "3.18.3", "rest_framework", sdist=False),
    Project("fastapi", "0.165.0", "fastapi"),
    Project("mlflow", "3.18.0", "mlflow", sdist=False),
    Project("label-studio", "1.23.2", "label_studio", sdist=False),
    Project("jupyter_server", "2.21.1", "jupyter_server", sdist=False),
    Project("apache-airflow-core", "3.3.2", "airflow", sdist=False),
    Project("flask", "3.1.3", "flask", benchmark=False),
    Project("werkzeug", "3.1.9", "werkzeug", benchmark=False),
    Project("quart", "0.22.0", "quart", benchmark=False),
    Project("starlette", "1.10.0", "starlette", benchmark=False),
    Project("litestar", "2.25.0", "litestar", benchmark=False),
    Project("sanic", "25.12.1", "sanic", benchmark=False),
    Project("tornado", "6.6.1", "tornado", benchmark=False),
    Project("aiohttp", "3.14.5", "aiohttp", benchmark=False),
    Project("falcon", "4.4.0", "falcon", benchmark=False),
    Project("pyramid", "2.1", "pyramid", benchmark=False),
    Project("bottle", "0.13.4", "bottle", benchmark=False),
    Project("httpbin", "0.10.4", "httpbin", benchmark=False),
    Project("jupyterhub", "6.1.1", "jupyterhub", benchmark=False),
    Project("locust", "2.47.0", "locust", benchmark=False),
    Project("wagtail", "8.0.1", "wagtail", benchmark=False),
)


def by_name(names: Sequence[str]) -> list[Project]:
    """The projects named (case-insensitive), all when none are; SystemExit for an unknown name."""
    if not names:
        return list(PROJECTS)
    known = {project.name.lower(): project for project in PROJECTS}
    unknown = [name for name in names if name.lower() not in known]
    if unknown:
        raise SystemExit(f"unknown project(s): {', '.join(unknown)}; known: {', '.join(known)}")
    return [known[name.lower()] for name in names]


def root(project: Project, cache: Path = CACHE) -> Path:
    """The whole unpacked project (an sdist's top directory, with its tests; a wheel's contents)."""
    package = fetch(project, cache)
    target = cache / "src" / f"{project.name}-{project.version}"
    entries = [path for path in target.iterdir() if not path.name.endswith((".dist-info", ".egg-info"))]
    if project.sdist and len(entries) == 1 and entries[0].is_dir():
        return entries[0]
    assert package.is_relative_to(target)
    return target


def fetch(project: Project, cache: Path = CACHE) -> Path:
    """The unpacked source directory of `project`'s import package (downloaded once)."""
    target = cache / "src" / f"{project.name}-{project.version}"
    package_dir = _find_package(target, project.package)
    if package_dir is not None:
        return package_dir
    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    kind = ["--no-binary", ":all:"] if project.sdist else ["--only-binary", ":all:"]
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            *kind,
            "-d",
            str(downloads),
            project.requirement,
        ],
        check=True,
    )
    archive = _archive_for(downloads, project)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    _unpack(archive, target)
    package_dir = _find_package(target, project.package)
    if package_dir is None:
        raise RuntimeError(f"{project.requirement}: no package directory {project.package!r} in {archive.name}")
    return package_dir


def _archive_for(downloads: Path, project: Project) -> Path:
    stem = project.name.lower().replace("-", "_")
    for path in sorted(downloads.iterdir()):
        name = path.name.lower().replace("-", "_")
        if name.startswith((f"{stem}_{project.version}", f"{stem}-{project.version}")):
            return path
    raise RuntimeError(f"{project.requirement}: pip downloaded nothing recognisable into {downloads}")


def _unpack(archive: Path, target: Path) -> None:
    if archive.suffix in (".whl", ".zip"):
        with zipfile.ZipFile(archive) as bundle:
            bundle.extractall(target)
    else:
        with tarfile.open(archive) as bundle:
            bundle.extractall(target, filter="data")


def _find_package(root: Path, package: str) -> Path | None:
    """The shallowest package directory called `package` under `root`, or a module `package`.py."""
    if not root.is_dir():
        return None
    candidates = sorted(path for path in root.rglob(package) if (path / "__init__.py").is_file())
    candidates = candidates or sorted(path for path in root.rglob(f"{package}.py") if path.is_file())
    return min(candidates, key=lambda path: len(path.parts)) if candidates else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("projects", nargs="*", help="PyPI names (default: all)")
    args = parser.parse_args()
    for project in by_name(args.projects):
        path = root(project, args.cache)
        print(f"{project.requirement:32} {sum(1 for _ in path.rglob('*.py')):6d} files  {path}")


if __name__ == "__main__":
    main()
