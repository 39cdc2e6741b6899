"""One file on disk: read, fix, verify, then write it, print a diff, or only say that it would change."""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from ..reports.record import Record, records_for
from .diff import unified_diff
from .discovery import Found
from .errors import FixError, FixFailure, RefusedFix
from .line_length import line_length_for
from .long_lines import lengthened
from .pipeline import FixOptions, fix_text
from .reading import MAX_BYTES_DEFAULT, Refused, read_source
from .refusals import on_input_lines
from .source import decode, split_lines
from .writing import replace_file


class Mode(enum.Enum):
    WRITE = "write"
    CHECK = "check"  # write nothing; say what would change
    DIFF = "diff"  # write nothing; print a unified diff


class Status(enum.Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"  # written, or would be with --check / --diff
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True)
class RunOptions:
    fix: FixOptions = field(default_factory=FixOptions)
    mode: Mode = Mode.WRITE
    max_bytes: int = MAX_BYTES_DEFAULT
    records: bool = False  # say which findings get fixed, as report records (`fix --check --output-format`)


@dataclass(frozen=True)
class FileResult:
    path: str
    status: Status
    applied: Counter[str] = field(default_factory=Counter)
    held_back: int = 0
    problem: str | None = None  # one line: what went wrong or why it was skipped
    line: int | None = None
    column: int | None = None
    diff: bytes | None = None  # made of the file's own bytes, so that the patch applies to it
    quiet_skip: bool = (
        False  # skipped by the user's own choice (a file-wide noqa comment for flake8): no message needed
    )
    cause: FixFailure | None = None  # why it FAILED, when a FixError said so (None for an internal error)
    refused: tuple[RefusedFix, ...] = ()  # fixes left out, each with its reason; the file's others are applied
    long_lines: tuple[int, ...] = ()  # lines the fixes made longer than `line_length`, which they fitted before
    line_length: int = 0  # the project's line length, when long_lines has any
    records: tuple[Record, ...] = ()  # the findings whose fixes apply, when RunOptions.records asks


def process(found: Found, options: RunOptions) -> FileResult:
    name = str(found.path)
    if found.real is None:
        return FileResult(name, Status.SKIPPED, problem=found.skipped)
    try:
        return _process(name, found.real, options)
    except FixError as error:
        return FileResult(
            name, Status.FAILED, problem=error.message, line=error.line, column=error.column, cause=error.cause
        )
    except (Exception, RecursionError) as error:  # a bug of ours must not stop the other files
        problem = f"internal error, file left unchanged (please report): {type(error).__name__}: {error}"
        return FileResult(name, Status.FAILED, problem=problem)


def _process(name: str, real: Path, options: RunOptions) -> FileResult:
    raw = read_source(real, options.max_bytes)
    if isinstance(raw, Refused):
        return FileResult(name, Status.SKIPPED, problem=raw.reason)
    decoded = decode(raw)
    outcome = fix_text(decoded.text, name, options.fix)
    if outcome.skipped:
        return FileResult(name, Status.SKIPPED, problem=outcome.skipped, quiet_skip=True)
    refused = outcome.refused
    if options.mode is not Mode.WRITE:  # nothing is written: name the lines of the input
        refused = on_input_lines(refused, decoded.text, outcome.text)
    if not outcome.changed:
        return FileResult(name, Status.UNCHANGED, held_back=outcome.held_back, refused=refused)
    new = decoded.encode(outcome.text)
    if decoded.encode(decoded.text) != raw:
        raise FixError(
            FixFailure.NO_ROUND_TRIP, f"its bytes do not survive a round trip through {decoded.encoding}; not changed"
        )
    diff = unified_diff(raw, new, name) if options.mode is Mode.DIFF else None
    if options.mode is Mode.WRITE:
        replace_file(real, raw, new)
    limit = line_length_for(name)
    long_lines = lengthened(decoded.text, outcome.text, limit)
    records = _records(name, decoded.text, outcome.fixed, options) if options.records else ()
    return FileResult(
        name,
        Status.CHANGED,
        outcome.applied,
        outcome.held_back,
        diff=diff,
        refused=refused,
        long_lines=long_lines,
        line_length=limit,
        records=records,
    )


def _records(name: str, text: str, fixed: tuple[Finding, ...], options: RunOptions) -> tuple[Record, ...]:
    lines = split_lines(text)
    return tuple(records_for(name, fixed, lines, options.fix.settings.lang))
