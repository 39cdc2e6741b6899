"""`http-status check [PATHS]`: report the plugin's findings without flake8, for CI and ruff-only projects.

The findings are flake8's (the same engine, selection, per-file-ignores and `# noqa`), over the fixer's file
walk and its default excludes, in parallel.

Exit status, following ruff: 0 no findings, 1 findings (0 with --exit-zero), 2 a usage or configuration error,
or a file that could not be checked (named on stderr with its line, like flake8's E999; the other files are
still checked, and --exit-zero does not hide it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..config import FileConfig, load
from ..fixer.discovery import Filters, discover
from ..fixer.errors import FixError
from ..fixer.file_arguments import add_file_arguments, check_jobs, filters, max_bytes
from ..fixer.settings_arguments import add_settings_arguments, rule_codes, settings_for
from ..fixer.workers import default_jobs, spread
from ..options import OptionError
from ..reports import statistics
from ..reports.destination import write_report
from ..reports.formats import HELP, NAMES, renderer
from ..reports.record import Record
from .files import CheckOptions, FileReport, Unchecked, check_bytes, check_file, warm_up
from .selection import Decisions

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
_NAME = "http-status check"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Exit status: 0 no findings, 1 findings, 2 usage or configuration error or a file not checked."
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or directories (default: .); - for stdin"
    )
    which = parser.add_argument_group("which rules (as in flake8)")
    for flag, said in (
        ("--select", "only these codes or prefixes (replaces the configuration's `select`)"),
        ("--ignore", "ignore these; replaces flake8's default ignore list, so the rules off by default turn on"),
        ("--extend-select", "also these, e.g. rules that are off by default"),
        ("--extend-ignore", "also ignore these"),
    ):
        which.add_argument(flag, action="append", default=None, metavar="CODES", help=said)
    which.add_argument(
        "--disable-noqa", action="store_true", help="report lines marked `# noqa` and files marked `# flake8: noqa`"
    )
    add_settings_arguments(parser)
    add_file_arguments(parser, "check")
    output = parser.add_argument_group("output")
    output.add_argument("--output-format", choices=NAMES, default="text", help=HELP)
    output.add_argument("-o", "--output-file", type=Path, metavar="FILE", help="write the report here, not to stdout")
    output.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    output.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings per rule instead of the findings (a JSON list with --output-format json)",
    )
    output.add_argument(
        "--show-fixes", action="store_true", help="text format: mark findings with a safe [*] or an unsafe fix"
    )
    output.add_argument("-q", "--quiet", action="store_true", help="no notes on stderr about skipped files")


def run(args: argparse.Namespace) -> int:
    try:
        options, config = _options(args)
        chosen = filters(args, config)
        _check_output(args)
    except OptionError as error:
        print(f"{_NAME}: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    paths: list[Path] = args.paths or [Path(".")]
    if Path("-") in paths and paths != [Path("-")]:
        print(f"{_NAME}: error: - (stdin) must be the only PATH; name a file called - as ./-", file=sys.stderr)
        return EXIT_ERROR
    missing = [str(path) for path in paths if not path.exists() and not path.is_symlink() and path != Path("-")]
    if missing:
        print(f"{_NAME}: error: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return EXIT_ERROR
    try:
        reports = _stdin(args.stdin_filename, options) if paths == [Path("-")] else _files(paths, chosen, args, options)
    except KeyboardInterrupt:
        print(f"{_NAME}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    records: list[Record] = []
    failed = False
    for report in reports:
        records.extend(report.records)
        if report.error is not None:
            failed = True
            print(report.error, file=sys.stderr)
        elif report.note is not None and not args.quiet:
            print(f"{report.path}: skipped: {report.note}", file=sys.stderr)
    problem = write_report(_render(records, args, options), args.output_file)
    if problem is not None:
        print(f"{_NAME}: error: {problem}", file=sys.stderr)
    if failed or problem is not None:
        return EXIT_ERROR
    return EXIT_FINDINGS if records and not args.exit_zero else EXIT_CLEAN


def _files(paths: Sequence[Path], chosen: Filters, args: argparse.Namespace, options: CheckOptions) -> list[FileReport]:
    found = list(discover(paths, chosen))
    return list(spread(check_file, options, found, args.jobs or default_jobs(), lambda: warm_up(options)))


def _stdin(filename: str, options: CheckOptions) -> list[FileReport]:
    raw = sys.stdin.buffer.read(options.max_bytes + 1)
    if len(raw) > options.max_bytes:
        return [FileReport(filename, note="too large (see --max-size)")]
    try:
        return [FileReport(filename, tuple(check_bytes(raw, filename, options)))]
    except FixError as error:
        return [FileReport(filename, error=f"{filename}:{error.line or 1}:1: error: {error.message}")]
    except Unchecked as error:
        return [FileReport(filename, error=f"{filename}:{error.line}:{error.column}: error: {error.message}")]


def _render(records: list[Record], args: argparse.Namespace, options: CheckOptions) -> str:
    if args.statistics:
        return statistics.json_text(records) if args.output_format == "json" else statistics.text(records)
    return renderer(args.output_format, show_fixes=args.show_fixes, lang=options.settings.lang)(records)


def _check_output(args: argparse.Namespace) -> None:
    if args.statistics and args.output_format not in ("text", "concise", "json"):
        raise OptionError("--statistics prints text or, with --output-format json, JSON")


def _options(args: argparse.Namespace) -> tuple[CheckOptions, FileConfig]:
    config = load(args.config, isolated=args.isolated)
    for warning in config.warnings:  # every file's unknown keys: flake8 says nothing of them
        print(f"{_NAME}: warning: {warning}", file=sys.stderr)
    check_jobs(args)

    def codes(flag: str) -> tuple[str, ...] | None:
        values = getattr(args, flag.removeprefix("--").replace("-", "_"))
        return None if values is None else rule_codes(values, flag)

    select, ignore = codes("--select"), codes("--ignore")
    # The configuration's `select` counts only when it names some HTS code: a flake8 file that selects other
    # plugins' codes does not switch this command off. `ignore`, set to anything, drops flake8's default ignores.
    # The file's `ignore` and `extend-ignore` entries come as one list (`FileConfig.ignore`), kept as extensions:
    # unlike flake8, an `--ignore` flag adds to the file's `ignore` entries instead of replacing them.
    decisions = Decisions(
        select=select if select is not None else (config.select or None),
        ignore=ignore if ignore is not None else (() if config.sets_ignore else None),
        extend_select=(*config.extend_select, *(codes("--extend-select") or ())),
        extend_ignore=(*config.ignore, *(codes("--extend-ignore") or ())),
    )
    options = CheckOptions(
        settings_for(args, config), decisions, config.per_file_ignores, args.disable_noqa, max_bytes(args.max_size)
    )
    return options, config
