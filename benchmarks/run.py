"""Every benchmark, on pinned real projects, against the project's goals: one command.

    python benchmarks/run.py                    # the benchmark projects' source; print the tables
    python benchmarks/run.py --write            # ... and write them to docs/performance.md
    python benchmarks/run.py Django fastapi     # only these projects (PyPI names)
    python benchmarks/run.py --whole            # whole sdists and wheels (tests included)
    python benchmarks/run.py --callgrind 80     # also count instructions on 80 files of each

It downloads the corpus (benchmarks/corpus.py) into .bench-cache/, then measures, pair by pair on
this machine: flake8's default checks with and without the plugin; the plugin's own analysis
against a bare `ast.walk` of the same trees; `http-status fix --check` against LibCST parsing every
file; and the peak memory of each. Times are CPU times of the child processes (workers included),
in alternating turns, so that other work on the machine weighs on both sides of a pair alike.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import shlex
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_fix import fix_pair, python_files
from bench_plugin import OwnCost, environments, flake8_command, flake8_pair, own_cost
from corpus import CACHE, ROOT, Project, by_name, fetch, root
from measure import Pair, instructions, load_average

GOAL_OVERHEAD = 5.0  # per cent
GOAL_SPEED_UP = 5.0  # times
GOAL_FIX_MEMORY = 150.0  # MiB, on Django's source
PAGE = ROOT / "docs" / "performance.md"


@dataclass(frozen=True)
class Counted:
    """Instructions of flake8 without and with the plugin: on `files` files, and on one empty file."""

    files: int
    base: int
    plugin: int
    base_start: int
    plugin_start: int

    def per_file_overhead(self) -> float:
        """The plugin's share once start-up is set aside on both sides (start-up is paid once per run)."""
        return ((self.plugin - self.plugin_start) / (self.base - self.base_start) - 1) * 100


@dataclass
class Result:
    project: Project
    tree: Path
    files: int
    flake8: Pair
    own: OwnCost
    fix: Pair
    counted: Counted | None = None


def benchmark(project: Project, tree: Path, turns: int, jobs: int, callgrind: int) -> Result:
    started = time.monotonic()
    files = len(python_files(tree))
    print(f"{project.requirement}: {files} files in {tree}", file=sys.stderr)
    result = Result(project, tree, files, flake8_pair(tree, turns), own_cost(tree), fix_pair(tree, jobs, turns))
    if callgrind:
        result.counted = count_instructions(tree, callgrind)
    print(f"  measured in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return result


def count_instructions(tree: Path, files: int) -> Counted:
    """flake8 with and without the plugin under callgrind, on every n-th file and on an empty file:
    a noise-free check, with start-up told apart from the work per file."""
    every = sorted(tree.rglob("*.py"))
    subset = every[:: max(1, len(every) // files)][:files]
    empty = CACHE / "empty.py"
    empty.write_text("")
    base, plugin = environments()
    counts = []
    for paths in (subset, [empty]):
        for environment in (base, plugin):
            command = flake8_command(environment, tree)[:-1] + [str(path) for path in paths]
            counts.append(instructions(command))
    return Counted(len(subset), *counts)


# -- tables -----------------------------------------------------------------------------------------


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    return [_row(header), _row(["---"] * len(header)), *(_row(row) for row in rows)]


def _mib(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def _overhead(pair: Pair) -> float:
    return (pair.ratio - 1) * 100


def tables(results: Sequence[Result], turns: int) -> list[str]:
    lines = [f"### flake8 default vs flake8 + plugin (`-j1`, median CPU seconds of {turns} turns)", ""]
    lines += _table(
        ["Project", "Files", "flake8", "flake8 + plugin", "Overhead", "Peak MiB, flake8", "Peak MiB, + plugin"],
        [
            [
                r.project.requirement,
                r.files,
                f"{r.flake8.median_cpu(0):.2f}",
                f"{r.flake8.median_cpu(1):.2f}",
                f"{_overhead(r.flake8):+.1f}%",
                _mib(r.flake8.peak_process(0)),
                _mib(r.flake8.peak_process(1)),
            ]
            for r in results
        ],
    )
    counted = [r for r in results if r.counted]
    if counted:
        lines += ["", "### The same, counted in instructions by callgrind (a subset of files; independent of load)", ""]
        lines += _table(
            [
                "Project",
                "Files",
                "flake8",
                "flake8 + plugin",
                "Overhead",
                "Start-up, flake8 / + plugin",
                "Overhead beyond start-up",
            ],
            [
                [
                    r.project.requirement,
                    c.files,
                    f"{c.base:,}",
                    f"{c.plugin:,}",
                    f"{(c.plugin / c.base - 1) * 100:+.1f}%",
                    f"{c.base_start:,} / {c.plugin_start:,}",
                    f"{c.per_file_overhead():+.1f}%",
                ]
                for r in counted
                if (c := r.counted)
            ],
        )
    lines += [
        "",
        "### The plugin's own analysis vs a bare `ast.walk` of the same parsed trees (best CPU seconds of 5)",
        "",
    ]
    lines += _table(
        [
            "Project",
            "Modules",
            "Plugin analysis",
            "ast.walk",
            "Analysis / walk",
            "Analysis peak MiB (beyond the trees)",
        ],
        [
            [
                r.project.requirement,
                r.own.files,
                f"{r.own.plugin:.2f}",
                f"{r.own.walk:.2f}",
                f"{r.own.plugin / r.own.walk:.2f}x",
                f"{r.own.analysis_peak_mib:.1f}",
            ]
            for r in results
        ],
    )
    lines += ["", f"### `http-status fix --check` vs LibCST parsing every file (median of {turns} turns)", ""]
    lines += _table(
        [
            "Project",
            "Files",
            "fix CPU s",
            "fix wall s",
            "LibCST CPU s",
            "LibCST wall s",
            "Speed-up (CPU)",
            "fix peak MiB (largest process / all)",
            "LibCST peak MiB (largest / all)",
        ],
        [
            [
                r.project.requirement,
                r.files,
                f"{r.fix.median_cpu(0):.2f}",
                f"{r.fix.median_wall(0):.2f}",
                f"{r.fix.median_cpu(1):.2f}",
                f"{r.fix.median_wall(1):.2f}",
                f"{r.fix.ratio:.1f}x",
                f"{_mib(r.fix.peak_process(0))} / {_mib(r.fix.peak_tree(0))}",
                f"{_mib(r.fix.peak_process(1))} / {_mib(r.fix.peak_tree(1))}",
            ]
            for r in results
        ],
    )
    return lines


def goals(results: Sequence[Result]) -> list[str]:
    """The goals, judged on Django's source as they are set; the worst of the other projects beside them."""
    django = next((r for r in results if r.project.name == "Django"), None)
    others = [r for r in results if r is not django]
    rows = []
    if django is not None:
        overhead = _overhead(django.flake8)
        peak = django.fix.peak_tree(0) or django.fix.peak_process(0)
        measured, judged = f"{overhead:+.1f}% in CPU time", overhead
        if django.counted is not None:  # instruction counts do not move with the load: they decide
            c = django.counted
            judged = c.per_file_overhead()
            measured = (
                f"{judged:+.1f}% in instructions per file beyond start-up ({(c.plugin / c.base - 1) * 100:+.1f}% "
                f"on {c.files} files with it); {overhead:+.1f}% in CPU time"
            )
        rows += [
            ["Plugin overhead on flake8", f"≤ {GOAL_OVERHEAD:.0f}%", measured, _met(judged <= GOAL_OVERHEAD)],
            [
                "`fix --check` vs LibCST parsing everything",
                f"≥ {GOAL_SPEED_UP:.0f}x faster",
                f"{django.fix.ratio:.1f}x",
                _met(django.fix.ratio >= GOAL_SPEED_UP),
            ],
            [
                "`fix --check` peak memory",
                f"≤ {GOAL_FIX_MEMORY:.0f} MiB",
                f"{peak:.0f} MiB, all processes together ({django.fix.peak_process(0):.0f} MiB the largest)",
                _met(peak <= GOAL_FIX_MEMORY),
            ],
        ]
    lines = ["On Django's source:", "", *_table(["Goal", "Target", "Measured", "Met"], rows)] if rows else []
    if others:
        worst = max(others, key=lambda r: _overhead(r.flake8))
        slowest = min(others, key=lambda r: r.fix.ratio)
        total_base = sum(r.flake8.median_cpu(0) for r in results)
        total_plugin = sum(r.flake8.median_cpu(1) for r in results)
        lines += [
            "",
            f"On the other projects, at worst: plugin overhead {_overhead(worst.flake8):+.1f}% ({worst.project.name}), "
            f"`fix --check` {slowest.fix.ratio:.1f}x faster than LibCST ({slowest.project.name}); over all projects the",
            f"plugin adds {(total_plugin / total_base - 1) * 100:+.1f}% CPU time. Small trees weigh fixed costs (start-up, LibCST's",
            "import) more heavily, and CPU times on a shared machine vary by several per cent between turns: the",
            "instruction counts below do not.",
        ]
    return lines


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"


# -- the page ------------------------------------------------------------------------------------


def machine(jobs: int, loads: Sequence[tuple[float, float, float] | None]) -> list[str]:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in _read("/proc/cpuinfo").splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (line.split()[1] for line in _read("/proc/meminfo").splitlines() if line.startswith("MemTotal:")), None
    )
    versions = ", ".join(f"{name} {_version(name)}" for name in ("flake8", "pyflakes", "pycodestyle", "libcst"))
    load = " → ".join(" ".join(f"{value:.2f}" for value in sample) for sample in loads if sample is not None)
    return [
        f"- CPU: {model}, {os.cpu_count()} logical CPUs; {jobs} fixer worker(s)",
        f"- Memory: {int(memory) / 2**20:.0f} GiB" if memory else "- Memory: unknown",
        f"- OS: {platform.system()} {platform.release()} ({platform.machine()})",
        f"- Python {platform.python_version()}; {versions}",
        f"- Load average (1, 5, 15 min) at the start and at the end: {load or 'unknown'}",
    ]


# The start-up section is measured by benchmarks/startup.py (callgrind, one file); --write keeps it as it is.
STARTUP_BEGIN = "<!-- Start-up: measured with benchmarks/startup.py; run.py --write keeps this section. -->"
STARTUP_END = "<!-- End of the start-up section. -->"


def _startup_section() -> list[str]:
    text = _read(str(PAGE))
    start, end = text.find(STARTUP_BEGIN), text.find(STARTUP_END)
    if start < 0 or end < start:
        return []
    return [text[start : end + len(STARTUP_END)], ""]


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def page(
    results: Sequence[Result],
    command: str,
    turns: int,
    jobs: int,
    loads: Sequence[tuple[float, float, float] | None],
    minutes: float,
    whole: bool,
) -> str:
    what = (
        "whole sdists and wheels, tests included"
        if whole
        else "each project's import package (its source, without its tests)"
    )
    lines = [
        "# Performance",
        "",
        "<!-- Written by benchmarks/run.py --write (but for the start-up section); edit the script, not this page. -->",
        "",
        f"Measured on {datetime.date.today().isoformat()} with `{command}` ({minutes:.0f} minutes), on {what}.",
        "The corpus is pinned in `benchmarks/corpus.py` and downloaded from PyPI into `.bench-cache/`.",
        "",
        "## Goals",
        "",
        *goals(results),
        "",
        *_startup_section(),
        "## Machine",
        "",
        *machine(jobs, loads),
        "",
        "The machine is shared with other work, so wall-clock times are noisy. The comparisons use CPU time",
        "(user + system, of each process and the workers it waited for), measured in alternating turns so",
        "that a change in load weighs on both sides of a pair; wall times are shown for the fixer only.",
        "Instruction counts from callgrind, where shown, do not depend on load at all.",
        "",
        "## Results",
        "",
        *tables(results, turns),
        "",
        "## What is measured",
        "",
        "- **flake8 overhead**: `flake8 -j1 --exit-zero TREE` in two virtual environments with the same flake8",
        "  (`.bench-cache/venv-base`, and `.bench-cache/venv-plugin` with this checkout installed). The plugin runs",
        "  on every file flake8 parses; its findings are reported like any other. Overhead is the median of the",
        "  per-turn ratios of CPU time.",
        "- **Own analysis**: in a fresh process, every module is parsed once; then `engine.analyse` (what the",
        "  plugin's `run` calls) over all trees, against `ast.walk` over the same trees, best of 5 rounds. The",
        "  analysis' peak memory is what `tracemalloc` sees it allocate beyond the parsed trees.",
        "- **Fixer**: `http-status fix --check --isolated --jobs N TREE` against a process that parses every file",
        "  the fixer would look at with `libcst.parse_module`, with the same number of worker processes: the price",
        "  a LibCST codemod pays before it can change anything. Peak memory is that of the largest process (from",
        "  `wait4`) and of all processes together (sampled from /proc every 50 ms).",
        "",
        "Smoke runs over the same projects, and the precision of the findings read by hand, are in",
        "[precision.md](precision.md).",
        "",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("projects", nargs="*", help="PyPI names from benchmarks/corpus.py (default: the benchmark set)")
    parser.add_argument("--turns", type=int, default=3, help="measured turns per pair (default: 3)")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="fixer worker processes (default: all cores)"
    )
    parser.add_argument("--whole", action="store_true", help="measure whole sdists and wheels, tests included")
    parser.add_argument(
        "--callgrind",
        type=int,
        default=0,
        metavar="FILES",
        help="also count instructions on this many files per project",
    )
    parser.add_argument("--write", action="store_true", help=f"write the tables to {PAGE.relative_to(ROOT)}")
    parser.add_argument("--cache", type=Path, default=CACHE)
    args = parser.parse_args(argv)
    projects = by_name(args.projects) if args.projects else [project for project in by_name([]) if project.benchmark]
    loads = [load_average()]
    started = time.monotonic()
    results = []
    for project in projects:
        tree = root(project, args.cache) if args.whole else fetch(project, args.cache)
        results.append(benchmark(project, tree, args.turns, args.jobs, args.callgrind))
    loads.append(load_average())
    minutes = (time.monotonic() - started) / 60
    command = shlex.join(["python", "benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])])
    text = page(results, command, args.turns, args.jobs, loads, minutes, args.whole)
    print(text)
    if args.write:
        PAGE.write_text(text, encoding="utf-8")
        print(f"wrote {PAGE.relative_to(ROOT)}", file=sys.stderr)
    return 0 if all(_overhead(r.flake8) <= GOAL_OVERHEAD and r.fix.ratio >= GOAL_SPEED_UP for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
