"""The plugin's cost: flake8's default checks with and without it, pair by pair, on a real tree.

    python benchmarks/bench_plugin.py                 # Django's source from PyPI, 5 pairs
    python benchmarks/bench_plugin.py --path SRC --pairs 7

Two virtual environments with the same flake8 are built once in .bench-cache: one plain, one with
this package installed. Each pair runs both, one after the other, single-process (-j1), and the CPU
time of each run is compared; the median of the pair ratios is the overhead. A second measurement
times the plugin's own analysis against a bare `ast.walk` of the same trees, in this process.
"""

from __future__ import annotations

import argparse
import ast
import importlib.metadata
import os
import resource
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CACHE, PROJECTS, ROOT, fetch  # noqa: E402


def environments(cache: Path) -> tuple[Path, Path]:
    """(plain flake8, flake8 with this plugin), both with the flake8 version running here."""
    flake8 = f"flake8=={importlib.metadata.version('flake8')}"
    made = []
    for name, extra in (("venv-base", []), ("venv-plugin", [str(ROOT)])):
        path = cache / name
        if not (path / "bin" / "flake8").exists():
            venv.create(path, with_pip=True)
            subprocess.run([str(path / "bin" / "python"), "-m", "pip", "install", "-q", flake8, *extra], check=True)
        elif extra:  # keep the plugin copy current with the checkout
            subprocess.run([str(path / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", *extra], check=True)
        made.append(path)
    return made[0], made[1]


def cpu_seconds(environment: Path, tree: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([str(environment / "bin" / "flake8"), "-j1", "--exit-zero", str(tree)], stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def flake8_overhead(tree: Path, pairs: int, cache: Path) -> dict[str, float]:
    base, plugin = environments(cache)
    cpu_seconds(base, tree), cpu_seconds(plugin, tree)  # warm the file cache and the bytecode
    ratios, base_times, plugin_times = [], [], []
    for index in range(pairs):
        order = [(base, base_times), (plugin, plugin_times)]
        if index % 2:  # alternate who goes first, so drift hurts both equally
            order.reverse()
        for environment, times in order:
            times.append(cpu_seconds(environment, tree))
        ratios.append(plugin_times[-1] / base_times[-1])
    return {
        "flake8 default (s)": statistics.median(base_times),
        "flake8 + plugin (s)": statistics.median(plugin_times),
        "overhead (%)": (statistics.median(ratios) - 1) * 100,
    }


def own_cost(tree: Path, rounds: int = 5) -> dict[str, float]:
    from flake8_http_status.engine import analyse
    from flake8_http_status.options import Settings

    modules = []
    for path in sorted(tree.rglob("*.py")):
        source = path.read_text(encoding="utf-8", errors="replace")
        try:
            modules.append((str(path), ast.parse(source), source.splitlines(keepends=True)))
        except SyntaxError:
            continue
    settings = Settings()

    def plugin() -> None:
        for name, parsed, lines in modules:
            analyse(parsed, lines, name, settings)

    def walk() -> None:
        for _, parsed, _ in modules:
            for _node in ast.walk(parsed):
                pass

    return {"files": float(len(modules)), "plugin analysis (s)": _best(plugin, rounds), "bare ast.walk (s)": _best(walk, rounds)}


def _best(function: object, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        function()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", type=Path, help="tree to measure (default: Django's source from the corpus)")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args()
    tree = args.path or fetch(PROJECTS[0], args.cache)
    print(f"tree: {tree} ({sum(1 for _ in tree.rglob('*.py'))} files), Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    for name, value in {**flake8_overhead(tree, args.pairs, args.cache), **own_cost(tree)}.items():
        print(f"{name:24} {value:10.3f}")


if __name__ == "__main__":
    main()
