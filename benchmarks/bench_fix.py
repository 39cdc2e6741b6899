"""`http-status fix --check` on a tree against parsing every file of it with LibCST.

    python benchmarks/bench_fix.py PATH [--jobs N] [--turns K]

Both sides run as fresh processes with the same number of worker processes, in alternating turns,
and are measured end to end (start-up included): CPU time of the process and its workers, wall
time, and peak memory. The baseline is what a plain LibCST codemod pays before it can do anything:
`libcst.parse_module` on every `.py` file the fixer would look at.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import Pair, pair, run


def fix_command(tree: Path, jobs: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "flake8_http_status.cli",
        "fix",
        "--check",
        "--quiet",
        "--isolated",
        "--jobs",
        str(jobs),
        str(tree),
    ]


def parse_command(tree: Path, jobs: int) -> list[str]:
    return [sys.executable, __file__, "--parse-every-file", str(tree), "--jobs", str(jobs)]


def fix_pair(tree: Path, jobs: int, turns: int) -> Pair:
    """`http-status fix --check` (first) and LibCST parsing every file (second).

    The fixer exits with 1 when something would change and 123 when some file cannot be read or
    parsed (real trees hold a few on purpose): both are normal here."""
    return pair(lambda: run(fix_command(tree, jobs), ok=(0, 1, 123)), lambda: run(parse_command(tree, jobs)), turns)


# -- the baseline, run in its own process ------------------------------------------------------------


def python_files(path: Path) -> list[Path]:
    """The files `http-status fix` would look at."""
    from flake8_http_status.fixer.discovery import Filters, discover

    return [found.real for found in discover([path], Filters()) if found.real is not None]


def _parse(path: Path) -> int:
    import libcst

    try:
        libcst.parse_module(path.read_bytes())
    except Exception:  # a file LibCST cannot parse costs what it cost to find out
        return 0
    return 1


def parse_every_file(path: Path, jobs: int) -> int:
    files = python_files(path)
    if jobs <= 1:
        return sum(_parse(file) for file in files)
    with ProcessPoolExecutor(jobs) as pool:
        return sum(pool.map(_parse, files, chunksize=max(1, len(files) // (jobs * 8))))


# -- command line ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--turns", type=int, default=3)
    parser.add_argument("--parse-every-file", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.parse_every_file:
        parse_every_file(args.path, args.jobs)
        return 0
    print(f"{args.path}: {len(python_files(args.path))} Python files, {args.jobs} job(s), {args.turns} turns")
    measured = fix_pair(args.path, args.jobs, args.turns)
    for which, label in enumerate(("http-status fix --check", "LibCST parse of every file")):
        tree = measured.peak_tree(which)
        print(
            f"  {label:28s} {measured.median_cpu(which):6.2f} s CPU, {measured.median_wall(which):6.2f} s wall, "
            f"peak {measured.peak_process(which):.0f} MiB per process"
            + (f", {tree:.0f} MiB all processes" if tree else "")
        )
    print(f"  speed-up: {measured.ratio:.1f}x (CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
