"""The plugin's cost: flake8's default checks with and without it, and its own analysis against a
bare `ast.walk` of the same trees.

    python benchmarks/bench_plugin.py PATH [--turns N]     # both measurements on one tree

Two virtual environments with the same flake8 are built once in .bench-cache: one plain, one with
this checkout installed. flake8 runs single-process (-j1) in each, in alternating turns, and the
CPU time of each run is compared. The plugin's own cost is measured in a fresh process that
parses every file once, then times the analysis and a bare walk over the parsed trees.
"""

from __future__ import annotations

import argparse
import ast
import importlib.metadata
import json
import resource
import subprocess
import sys
import time
import tokenize
import tracemalloc
import venv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import CACHE, ROOT
from measure import Pair, pair, run


def environments(cache: Path = CACHE) -> tuple[Path, Path]:
    """(plain flake8, flake8 with this plugin), both with the flake8 version running here."""
    flake8 = f"flake8=={importlib.metadata.version('flake8')}"
    made = []
    for name, extra in (("venv-base", []), ("venv-plugin", [str(ROOT)])):
        path = cache / name
        python = str(path / "bin" / "python")
        if not (path / "bin" / "flake8").exists():
            venv.create(path, with_pip=True)
            subprocess.run([python, "-m", "pip", "install", "-q", flake8, *extra], check=True)
        elif extra:  # keep the plugin's copy current with the checkout
            subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall", *extra], check=True)
        made.append(path)
    # A package file changed less than two seconds before a run is not trusted by the tables it keeps
    # (`kept_tables`, `stamps.SETTLED_NS`): without this wait a warm-up run right after the install keeps none.
    time.sleep(2.5)
    return made[0], made[1]


def flake8_command(environment: Path, tree: Path) -> list[str]:
    return [str(environment / "bin" / "flake8"), "-j1", "--exit-zero", str(tree)]


def flake8_pair(tree: Path, turns: int, cache: Path = CACHE) -> Pair:
    """flake8 default (first) and flake8 with the plugin (second)."""
    base, plugin = environments(cache)
    return pair(lambda: run(flake8_command(base, tree)), lambda: run(flake8_command(plugin, tree)), turns)


@dataclass(frozen=True)
class OwnCost:
    files: int
    plugin: float  # CPU seconds of the analysis of every tree (the best round)
    walk: float  # CPU seconds of a bare ast.walk of every tree (the best round)
    analysis_peak_mib: float  # memory the analysis allocates at its peak, beyond the parsed trees
    process_peak_mib: float  # the measuring process, parsed trees included


def own_cost(tree: Path, rounds: int = 5) -> OwnCost:
    """Measured in a fresh process, so that nothing this one imported or cached counts."""
    command = [sys.executable, __file__, "--own-cost", str(tree), "--rounds", str(rounds)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return OwnCost(**json.loads(output))


def _measure_own_cost(tree: Path, rounds: int) -> OwnCost:
    from flake8_http_status.engine import analyse
    from flake8_http_status.options import Settings

    modules = list(_parsed_modules(tree))
    settings = Settings()

    def plugin() -> None:
        for name, parsed, lines in modules:
            analyse(parsed, lines, name, settings)

    def walk() -> None:
        for _, parsed, _ in modules:
            for _node in ast.walk(parsed):
                pass

    plugin_seconds, walk_seconds = _best(plugin, rounds), _best(walk, rounds)
    tracemalloc.start()
    plugin()
    analysis_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    process_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return OwnCost(len(modules), plugin_seconds, walk_seconds, analysis_peak / 2**20, process_peak)


def _parsed_modules(tree: Path) -> Sequence[tuple[str, ast.Module, list[str]]]:
    """Every module flake8 would hand the plugin: decoded as Python does, parsed, split in lines."""
    modules = []
    for path in sorted(tree.rglob("*.py")):
        try:
            with tokenize.open(path) as stream:
                source = stream.read()
            modules.append((str(path), ast.parse(source), source.splitlines(keepends=True)))
        except (SyntaxError, ValueError, UnicodeDecodeError, OSError, RecursionError):
            continue  # flake8 reports E902/E999 and never runs the plugin on these
    return modules


def _best(function: Callable[[], None], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--own-cost", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.own_cost:
        print(json.dumps(_measure_own_cost(args.path, args.rounds).__dict__))
        return 0
    flake8 = flake8_pair(args.path, args.turns)
    print(f"flake8 default   {flake8.median_cpu(0):8.2f} s CPU  peak {flake8.peak_process(0):5.0f} MiB")
    print(f"flake8 + plugin  {flake8.median_cpu(1):8.2f} s CPU  peak {flake8.peak_process(1):5.0f} MiB")
    print(f"overhead         {(flake8.ratio - 1) * 100:+7.1f} %")
    cost = own_cost(args.path, args.rounds)
    print(
        f"plugin analysis  {cost.plugin:8.2f} s CPU over {cost.files} files (peak {cost.analysis_peak_mib:.0f} MiB beyond the trees)"
    )
    print(f"bare ast.walk    {cost.walk:8.2f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
