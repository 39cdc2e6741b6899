"""What the project index costs on a whole tree: flake8 alone, the plugin with the index off, cold and warm.

    python benchmarks/index_cost.py                 # Django's package, every module
    python benchmarks/index_cost.py --every 10      # every 10th module (minutes instead of an hour)

Counted in instructions by callgrind (`measure.instructions`), flake8 -j1, in the environments of
`bench_plugin.environments` (the plugin's holds this checkout). "cold" starts with no `.http-status-cache/` in the
tree; "warm" runs again with the cache the cold run wrote. Each row is printed against flake8 alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_plugin import environments
from corpus import CACHE, by_name, fetch
from measure import instructions


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--project", default="Django")
    parser.add_argument("--every", type=int, default=1, help="measure every Nth module (sorted by path)")
    args = parser.parse_args(argv)
    project = by_name([args.project])[0]
    package = fetch(project)
    root = package.parent  # the sdist's top folder, with its pyproject.toml: the project root the index finds
    files = sorted(str(path.relative_to(root)) for path in package.rglob("*.py"))[:: args.every]
    base, plugin = environments(CACHE)
    os.environ["PYTHONHASHSEED"] = "0"
    os.environ.pop("HTTP_STATUS_CACHE_DIR", None)
    os.environ.pop("HTTP_STATUS_NO_CACHE", None)

    def flake8(environment: Path, *options: str) -> list[str]:
        return [str(environment / "bin" / "flake8"), "-j1", *options, *files]

    for environment in (base, plugin):  # warm the .pyc files
        subprocess.run(flake8(environment), cwd=root, capture_output=True, check=False)
    alone = instructions(flake8(base), cwd=root)
    rows = {"index off": instructions(flake8(plugin, "--http-status-project-index=off"), cwd=root)}
    shutil.rmtree(root / ".http-status-cache", ignore_errors=True)
    rows["index on, cold cache"] = instructions(flake8(plugin), cwd=root)
    rows["index on, warm cache"] = instructions(flake8(plugin), cwd=root)
    print(f"{project.requirement}, {len(files)} modules: flake8 alone {alone:,} instructions")
    print("| Run | Instructions | Over flake8 alone | Over the index off |")
    print("| --- | --- | --- | --- |")
    off = rows["index off"]
    for name, count in rows.items():
        print(f"| {name} | {count:,} | {(count / alone - 1) * 100:+.2f}% | {(count / off - 1) * 100:+.2f}% |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
