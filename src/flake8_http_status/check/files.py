"""One file for `http-status check`: read it as the fixer does, analyse it as the plugin does, keep what flake8
would show. Runs in worker processes; never imports LibCST.

A file flake8 would report as E999 (it cannot be decoded or parsed), or one that cannot be read, gives one
error line instead of findings. The engine's text prefilter comes first, as in the plugin, so a file that
cannot hold a finding is not parsed (and a syntax error in it is not reported).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from ..engine import analyse_module, may_have_findings, may_use_project
from ..fixer.discovery import Found
from ..fixer.errors import FixError
from ..fixer.noqa import NoqaLines, skips_file
from ..fixer.reading import MAX_BYTES_DEFAULT, Refused, read_source
from ..fixer.source import decode, split_lines
from ..options import Settings
from ..per_file_ignores import PerFileIgnores, codes_for
from ..reports.record import Record, records_for
from .selection import Decisions


@dataclass(frozen=True)
class CheckOptions:
    settings: Settings = field(default_factory=Settings)
    decisions: Decisions = field(default_factory=Decisions)
    per_file_ignores: PerFileIgnores = ()
    disable_noqa: bool = False
    max_bytes: int = MAX_BYTES_DEFAULT


@dataclass(frozen=True)
class FileReport:
    path: str
    records: tuple[Record, ...] = ()
    error: str | None = None  # the file could not be checked: `path:line:col: error: why`
    note: str | None = None  # the file was skipped on purpose: why


class Unchecked(Exception):
    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def check_file(options: CheckOptions, found: Found) -> FileReport:
    path = str(found.path)
    if found.real is None:
        return FileReport(path, note=found.skipped)
    try:
        raw = read_source(found.real, options.max_bytes)
        if isinstance(raw, Refused):
            return FileReport(path, note=raw.reason)
        return FileReport(path, tuple(check_bytes(raw, path, options)))
    except FixError as error:
        return FileReport(path, error=f"{path}:{error.line or 1}:{(error.column or 0) + 1}: error: {error.message}")
    except Unchecked as error:
        return FileReport(path, error=f"{path}:{error.line}:{error.column}: error: {error.message}")
    except (Exception, RecursionError) as error:  # a bug of ours must not stop the other files
        return FileReport(
            path, error=f"{path}:1:1: error: internal error (please report): {type(error).__name__}: {error}"
        )


def check_bytes(raw: bytes, path: str, options: CheckOptions) -> list[Record]:
    """The records of the module `raw` at `path`; FixError (decoding) or Unchecked (parsing) when there are none."""
    text = decode(raw).text
    settings = options.settings
    if not options.disable_noqa and skips_file(text):
        return []
    if not may_have_findings(text, settings) and not may_use_project(text, path):
        return []
    lines = split_lines(text)
    tree = _parsed(text, path)
    # The engine's one-answer step reads the selection without the per-file ignores, as the plugin does.
    findings = analyse_module(tree, lines, path, settings, prefilter=False, shown=options.decisions).findings
    ignored = codes_for(path, options.per_file_ignores) if options.per_file_ignores else ()
    shown = options.decisions.ignoring(ignored)
    noqa = None if options.disable_noqa else NoqaLines(text, lines)
    kept = (
        finding
        for finding in findings
        if shown(finding.code) and (noqa is None or not noqa.silences(finding.start.line, finding.code))
    )
    return records_for(path, kept, lines, settings.lang, tree)


def _parsed(text: str, path: str) -> ast.Module:
    try:
        return ast.parse(text, filename=path)
    except SyntaxError as error:
        raise Unchecked(f"SyntaxError: {error.msg}", error.lineno or 1, error.offset or 1) from None
    except (ValueError, MemoryError, RecursionError) as error:  # a null byte; nesting too deep for the parser
        raise Unchecked(f"cannot parse: {type(error).__name__}: {error}") from None


def warm_up(options: CheckOptions) -> None:
    """Build the framework table and load the rules now, so that forked workers inherit them."""
    sample = "from flask import abort\n\n\ndef view():\n    abort(404)\n"
    analyse_module(ast.parse(sample), split_lines(sample), "warm-up.py", options.settings)
