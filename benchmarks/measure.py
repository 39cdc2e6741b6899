"""Run a command as a child process and measure it: CPU time, wall time and peak memory.

CPU time (user + system, of the child and every worker it waited for) is what the benchmarks
compare: on a shared machine it moves far less than wall time, since waiting for a core is not
counted. Memory is the peak resident set size of the largest single process (from `wait4`) and,
on Linux, of the whole process tree (sampled from /proc every 50 ms). `instructions` runs a command
under valgrind's callgrind, whose instruction count does not depend on the load at all.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

_SAMPLE_EVERY = 0.05


@dataclass(frozen=True)
class Run:
    cpu: float  # seconds, user + system, workers included
    wall: float  # seconds
    peak_process_mib: float  # the largest single process
    peak_tree_mib: float | None  # the process and its workers together, when /proc can tell
    exit_status: int


def run(command: Sequence[str], *, ok: Sequence[int] = (0, 1), cwd: Path | None = None) -> Run:
    """Run `command` to its end with its output discarded; RuntimeError when it exits otherwise than `ok`."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    sampled = Path(f"/proc/{process.pid}/task/{process.pid}/children").exists()
    peak_tree = 0.0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if sampled:
            peak_tree = max(peak_tree, _tree_rss_mib(process.pid))
        time.sleep(_SAMPLE_EVERY)
    wall = time.perf_counter() - started
    exit_status = os.waitstatus_to_exitcode(status)
    process.returncode = exit_status
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if exit_status not in ok:
        raise RuntimeError(f"{' '.join(command)} exited with {exit_status}:\n{stderr[-4000:]}")
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    peak_process = kib / 1024
    return Run(
        usage.ru_utime + usage.ru_stime,
        wall,
        peak_process,
        max(peak_tree, peak_process) if sampled else None,
        exit_status,
    )


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


@dataclass(frozen=True)
class Pair:
    """Two commands measured in turns; `ratio` is the median of the per-turn ratios of CPU time."""

    first: list[Run]
    second: list[Run]

    @property
    def ratio(self) -> float:
        return statistics.median(b.cpu / a.cpu for a, b in zip(self.first, self.second, strict=True))

    def median_cpu(self, which: int) -> float:
        return statistics.median(run.cpu for run in (self.first, self.second)[which])

    def median_wall(self, which: int) -> float:
        return statistics.median(run.wall for run in (self.first, self.second)[which])

    def peak_process(self, which: int) -> float:
        return max(run.peak_process_mib for run in (self.first, self.second)[which])

    def peak_tree(self, which: int) -> float | None:
        trees = [run.peak_tree_mib for run in (self.first, self.second)[which]]
        return max(tree for tree in trees if tree is not None) if all(tree is not None for tree in trees) else None


def pair(first: Callable[[], Run], second: Callable[[], Run], turns: int, warm_up: bool = True) -> Pair:
    """Measure both `turns` times, alternating which goes first, so that a drift in the machine's
    load (or a warming file cache) weighs on both alike. One unmeasured run of each warms up."""
    if warm_up:
        first(), second()
    firsts: list[Run] = []
    seconds: list[Run] = []
    for turn in range(turns):
        if turn % 2 == 0:
            firsts.append(first())
            seconds.append(second())
        else:
            seconds.append(second())
            firsts.append(first())
    return Pair(firsts, seconds)


def instructions(command: Sequence[str], cwd: Path | None = None) -> int:
    """Instructions executed by `command` (and its children), counted by callgrind."""
    valgrind = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", "--trace-children=yes"]
    result = subprocess.run([*valgrind, *command], capture_output=True, text=True, cwd=cwd, check=False)
    counts = [int(count.replace(",", "")) for count in re.findall(r"Collected : ([\d,]+)", result.stderr)]
    if not counts:
        raise RuntimeError(f"callgrind counted nothing for {' '.join(command)}:\n{result.stderr[-2000:]}")
    return sum(counts)


def load_average() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except OSError:
        return None
