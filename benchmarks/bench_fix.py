"""Time `http-status fix --check` on a tree against parsing every file of it with LibCST.

    python benchmarks/bench_fix.py PATH [--jobs N] [--repeat K]

Both sides run as fresh processes with the same number of worker processes and are timed end to
end (start-up included). The baseline is what a plain LibCST codemod pays before it can do
anything: `libcst.parse_module` on every `.py` file the fixer would look at. Memory is the peak
resident set size: of the largest single process, and of the whole process tree (sampled from
/proc every 50 ms, so Linux only). Importable: `measure(path, jobs)` returns both measurements.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

_SAMPLE_EVERY = 0.05


@dataclass(frozen=True)
class Measurement:
    label: str
    seconds: float  # wall clock
    cpu_seconds: float  # user + system time of the process and its workers
    peak_process_mib: float  # the largest single process
    peak_tree_mib: float | None  # all processes together, when /proc can tell
    exit_status: int


def measure(path: Path, jobs: int, repeat: int = 3) -> tuple[Measurement, Measurement]:
    """(fix --check, LibCST parse of every file): the fastest of `repeat` runs of each (by wall clock)."""
    fixer = [sys.executable, "-m", "flake8_http_status.cli", "fix", "--check", "--quiet", "--isolated", "--jobs", str(jobs), str(path)]
    baseline = [sys.executable, __file__, "--parse-every-file", str(path), "--jobs", str(jobs)]
    runs = [(_run("http-status fix --check", fixer), _run("LibCST parse of every file", baseline)) for _ in range(repeat)]
    best_fix = min((pair[0] for pair in runs), key=lambda m: m.seconds)
    best_base = min((pair[1] for pair in runs), key=lambda m: m.seconds)
    return best_fix, best_base


def _run(label: str, command: Sequence[str]) -> Measurement:
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampled = Path(f"/proc/{process.pid}/task/{process.pid}/children").exists()
    peak_tree = 0.0
    while True:
        # wait4 gives this child's own resource use: ru_maxrss is the largest of it and its workers.
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if sampled:
            peak_tree = max(peak_tree, _tree_rss_mib(process.pid))
        time.sleep(_SAMPLE_EVERY)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{label} failed ({process.returncode}):\n{stderr}")
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    cpu = usage.ru_utime + usage.ru_stime
    return Measurement(label, seconds, cpu, kib / 1024, peak_tree if sampled else None, process.returncode)


def _tree_rss_mib(root: int) -> float:
    """Resident memory of `root` and its descendants, from /proc (0 for processes already gone)."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as status:
                total += next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as listing:
                stack.extend(int(child) for child in listing.read().split())
        except (OSError, ValueError):
            continue
    return total / 1024


# -- the baseline, run in its own process ------------------------------------------------------------


def _python_files(path: Path) -> list[Path]:
    from flake8_http_status.fixer.discovery import Filters, discover

    return [found.real for found in discover([path], Filters()) if found.real is not None]


def _parse(path: Path) -> int:
    import libcst

    libcst.parse_module(path.read_bytes())
    return 1


def parse_every_file(path: Path, jobs: int) -> int:
    files = _python_files(path)
    if jobs <= 1:
        return sum(_parse(file) for file in files)
    with ProcessPoolExecutor(jobs) as pool:
        return sum(pool.map(_parse, files, chunksize=max(1, len(files) // (jobs * 8))))


# -- command line ---------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--parse-every-file", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.parse_every_file:
        parse_every_file(args.path, args.jobs)
        return 0
    print(f"{args.path}: {len(_python_files(args.path))} Python files, {args.jobs} job(s), best of {args.repeat}")
    fixer, baseline = measure(args.path, args.jobs, args.repeat)
    for run in (fixer, baseline):
        tree = f", whole tree {run.peak_tree_mib:.0f} MiB" if run.peak_tree_mib is not None else ""
        print(
            f"  {run.label:28s} {run.seconds:6.2f} s wall, {run.cpu_seconds:6.2f} s CPU, "
            f"peak {run.peak_process_mib:.0f} MiB per process{tree}"
        )
    print(f"  speed-up: {baseline.seconds / fixer.seconds:.1f}x wall, {baseline.cpu_seconds / fixer.cpu_seconds:.1f}x CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
