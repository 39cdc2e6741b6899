"""Pinned real projects from PyPI, downloaded into a cache outside git, for benchmarks and smoke runs.

    python benchmarks/corpus.py            # download and unpack every project, print their paths
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench-cache"


@dataclass(frozen=True)
class Project:
    name: str  # the PyPI name
    version: str
    package: str  # the import package whose source is measured
    sdist: bool = True  # wheels are used where the sdist is huge or needs a build

    @property
    def requirement(self) -> str:
        return f"{self.name}=={self.version}"


PROJECTS = (
    Project("Django", "5.2.19", "django"),
    Project("djangorestframework", "3.18.3", "rest_framework", sdist=False),
    Project("fastapi", "0.165.0", "fastapi"),
    Project("mlflow", "3.18.0", "mlflow", sdist=False),
    Project("label-studio", "1.23.2", "label_studio", sdist=False),
    Project("jupyter_server", "2.21.1", "jupyter_server", sdist=False),
    Project("apache-airflow-core", "3.3.2", "airflow", sdist=False),
)


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
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", *kind, "-d", str(downloads), project.requirement],
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
        if name.startswith(f"{stem}_{project.version}") or name.startswith(f"{stem}-{project.version}"):
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
    if not root.is_dir():
        return None
    candidates = sorted(path for path in root.rglob(package) if (path / "__init__.py").is_file())
    return min(candidates, key=lambda path: len(path.parts)) if candidates else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args()
    for project in PROJECTS:
        path = fetch(project, args.cache)
        print(f"{project.requirement:32} {sum(1 for _ in path.rglob('*.py')):6d} files  {path}")


if __name__ == "__main__":
    main()
