"""The text formats. `concise`: flake8's line, `path:line:col: CODE message`, and nothing else. `text` (the
default): the same lines, with each finding's fix marked when `--show-fixes` asks, and a closing count."""

from __future__ import annotations

from collections.abc import Sequence

from .record import Record

_MARKS = {"safe": " [*]", "unsafe": " [unsafe fix]"}


def concise(records: Sequence[Record]) -> str:
    return "".join(f"{_line(record)}\n" for record in records)


def text(records: Sequence[Record], *, show_fixes: bool = False) -> str:
    lines = [_line(record) + (_MARKS.get(record.fixable or "", "") if show_fixes else "") for record in records]
    if records:
        lines.append(_summary(records, show_fixes))
    return "".join(f"{line}\n" for line in lines)


def _line(record: Record) -> str:
    return f"{record.path}:{record.location.row}:{record.column}: {record.code} {record.message}"


def _summary(records: Sequence[Record], show_fixes: bool) -> str:
    files = len({record.path for record in records})
    said = f"Found {_count(len(records), 'finding')} in {_count(files, 'file')}."
    if show_fixes:
        safe = sum(record.fixable == "safe" for record in records)
        unsafe = sum(record.fixable == "unsafe" for record in records)
        said += f" [*] {safe} fixable with `http-status fix`; {unsafe} more with `--unsafe-fixes`."
    return said


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
