"""What the user sees: one line per changed, skipped or failed file (followed by the lines its fixes
made longer than the project's line length), a progress line on a terminal, and a summary. Messages go to stderr so that `--diff` output on stdout stays a clean patch.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from .diff import header_name
from .errors import RefusedFix
from .files import FileResult, Mode, Status

_PROGRESS_AFTER = 1.0  # seconds: short runs show no progress line
_PROGRESS_EVERY = 0.1


@dataclass
class Totals:
    scanned: int = 0
    statuses: Counter[Status] = field(default_factory=Counter)
    fixes: Counter[str] = field(default_factory=Counter)
    held_back: int = 0
    refused: int = 0
    long_lines: int = 0  # lines the fixes made longer than the project's line length

    def add(self, result: FileResult) -> None:
        self.scanned += 1
        self.statuses[result.status] += 1
        self.fixes.update(result.applied)
        self.held_back += result.held_back
        self.refused += len(result.refused)
        self.long_lines += len(result.long_lines)


class Reporter:
    def __init__(self, stream: TextIO, mode: Mode, *, quiet: bool = False, verbose: bool = False) -> None:
        self.stream = stream
        self.mode = mode
        self.quiet = quiet
        self.verbose = verbose
        self.totals = Totals()
        self._progress = not quiet and stream.isatty()
        self._started = time.monotonic()
        self._shown = 0.0
        self._width = 0

    def file(self, result: FileResult, total: int) -> None:
        self.totals.add(result)
        result = dataclasses.replace(result, path=shown_name(result.path))
        line = self._line(result)
        if line is not None:
            self._clear()
            print(line, file=self.stream)
            for number in result.long_lines:
                print(
                    f"{result.path}:{number}: the fixes made this line longer than {result.line_length}",
                    file=self.stream,
                )
        for refused in result.refused:  # shown even with --quiet: the only word on why that fix is missing
            self._clear()
            print(refused_line(result.path, refused), file=self.stream)
        self._tick(total, result.path)

    def _line(self, result: FileResult) -> str | None:
        if result.status is Status.FAILED:
            return f"{_where(result)}: error: {result.problem}"
        if self.quiet:
            return None
        if result.status is Status.SKIPPED and (self.verbose or not result.quiet_skip):
            return f"{result.path}: skipped: {result.problem}"
        if result.status is Status.CHANGED:
            verb = "fixed" if self.mode is Mode.WRITE else "would fix"
            return f"{verb} {result.path} ({_describe(result.applied)})"
        if result.status is Status.UNCHANGED and self.verbose:
            return f"unchanged {result.path}"
        return None

    def _tick(self, total: int, path: str) -> None:
        if not self._progress:
            return
        now = time.monotonic()
        if now - self._started < _PROGRESS_AFTER or now - self._shown < _PROGRESS_EVERY:
            return
        self._shown = now
        text = f"[{self.totals.scanned}/{total}] {path}"[:100]
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)

    def _clear(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0

    def summary(self) -> None:
        self._clear()
        if self.quiet:
            return
        print(summary_line(self.totals, self.mode), file=self.stream)
        if self.totals.held_back:
            count = self.totals.held_back
            noun = "fix was" if count == 1 else "fixes were"
            print(f"{count} unsafe {noun} not applied (--unsafe-fixes applies them)", file=self.stream)
        if self.totals.long_lines:
            count = self.totals.long_lines
            lines = "line is" if count == 1 else "lines are"
            print(f"{count} {lines} now longer than the project's line length (listed above)", file=self.stream)


def shown_name(path: str) -> str:
    """`path` for a one-line message: a name with a control character (a newline, a tab) is written in
    the C-style quotes of the diff's header, so that each message stays one line."""
    if not any(ord(char) < 0x20 or ord(char) == 0x7F for char in path):
        return path
    return header_name(os.fsencode(path)).decode("utf-8", "backslashreplace")


def refused_line(path: str, refused: RefusedFix) -> str:
    return f"{path}:{refused.line}:{refused.column + 1}: refused {refused.code} fix: {refused.reason}"


def summary_line(totals: Totals, mode: Mode) -> str:
    statuses = totals.statuses
    changed = "changed" if mode is Mode.WRITE else "would change"
    fixes = sum(totals.fixes.values())
    parts = [
        f"{_count(totals.scanned, 'file')} scanned",
        f"{statuses[Status.CHANGED]} {changed} ({_count(fixes, 'fix', 'fixes')})",
        f"{statuses[Status.SKIPPED]} skipped",
        f"{statuses[Status.FAILED]} failed",
    ]
    if totals.refused:
        parts.append(f"{_count(totals.refused, 'fix', 'fixes')} refused")
    return ", ".join(parts)


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"


def _describe(applied: Counter[str]) -> str:
    return ", ".join(f"{count} {code}" for code, count in sorted(applied.items()))


def _where(result: FileResult) -> str:
    if result.line is None:
        return result.path
    if result.column is None:
        return f"{result.path}:{result.line}"
    return f"{result.path}:{result.line}:{result.column + 1}"
