"""`http-status fix`: rewrite bare status numbers (and, if asked, unsafe fixes) across a tree.

Exit status, following black and ruff: 0 when nothing needed fixing or everything was fixed;
1 with --check or --diff when some file would change; 2 for a usage or configuration error;
123 when some file could not be processed (it is named on stderr and left as it was).
A refused fix (its line and reason on stderr, the file's other fixes applied) does not change the
exit status: the file was processed, the fixer changed all it could prove safe, and the finding
stays in the code for flake8 to report.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from ..config import load
from ..options import OptionError
from ..reports.destination import write_report
from ..reports.formats import NAMES, renderer
from ..reports.record import Record, records_for
from .arguments import add_fix_arguments, fix_options
from .diff import unified_diff
from .discovery import Filters, discover
from .errors import FixError
from .file_arguments import add_file_arguments, check_jobs, filters, max_bytes
from .files import Mode, RunOptions, Status
from .pipeline import fix_text
from .refusals import on_input_lines
from .report import Reporter, refused_line, shown_name
from .runner import default_jobs
from .runner import run as run_files
from .source import decode, split_lines

EXIT_OK, EXIT_WOULD_CHANGE, EXIT_USAGE, EXIT_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 123, 130


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = "Exit status: 0 done, 1 --check/--diff found changes, 2 usage error, 123 a file failed."
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or directories (default: .); - for stdin"
    )
    what = parser.add_argument_group("what to do")
    what.add_argument("--diff", action="store_true", help="print a unified diff instead of writing files")
    what.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
    add_fix_arguments(parser)
    add_file_arguments(parser, "fix")
    output = parser.add_argument_group("output")
    output.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    output.add_argument("-v", "--verbose", action="store_true", help="also name unchanged and quietly skipped files")
    output.add_argument(
        "--output-format",
        choices=NAMES,
        default=None,
        help="with --check: report the findings whose fixes would apply, in this format (see `http-status check`)",
    )
    output.add_argument("-o", "--output-file", type=Path, metavar="FILE", help="with --output-format: write it here")


def run(args: argparse.Namespace) -> int:
    try:
        options, filters = _options(args)
    except OptionError as error:
        print(f"http-status fix: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    paths: list[Path] = args.paths or [Path(".")]
    if (args.output_format is not None or args.output_file is not None) and (not args.check or args.diff):
        print("http-status fix: error: --output-format and --output-file go with --check", file=sys.stderr)
        return EXIT_USAGE
    if args.output_file is not None and args.output_format is None:
        print("http-status fix: error: --output-file needs --output-format", file=sys.stderr)
        return EXIT_USAGE
    if paths == [Path("-")]:
        return _run_stdin(options, args.stdin_filename, args.output_format, args.output_file)
    if Path("-") in paths:  # stdin is one module, written back to stdout: it cannot share a run
        print("http-status fix: error: - (stdin) must be the only PATH; name a file called - as ./-", file=sys.stderr)
        return EXIT_USAGE
    missing = [str(path) for path in paths if not path.exists() and not path.is_symlink()]
    if missing:
        print(f"http-status fix: error: no such file or directory: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    files = list(discover(paths, filters))
    reporter = Reporter(sys.stderr, options.mode, quiet=args.quiet, verbose=args.verbose)
    records: list[Record] = []
    try:
        for result in run_files(files, options, args.jobs or default_jobs()):
            if result.diff:
                _write_bytes(result.diff)
            records.extend(result.records)
            reporter.file(result, len(files))
    except KeyboardInterrupt:  # every write is atomic: each file is either fixed or as it was
        reporter.summary()
        print("http-status fix: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    reporter.summary()
    if args.output_format is not None:
        problem = write_report(renderer(args.output_format, lang=options.fix.settings.lang)(records), args.output_file)
        if problem is not None:
            print(f"http-status fix: error: {problem}", file=sys.stderr)
            return EXIT_USAGE
    return _exit_status(reporter.totals.statuses, options.mode)


def _write_bytes(data: bytes) -> None:
    """Bytes as they are: a patch holds the file's encoding and line endings, whatever stdout's are."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _pass_through(head: bytes) -> None:
    """`head` and the rest of stdin to stdout, in pieces: the rest may be endless."""
    try:
        _write_bytes(head)
        shutil.copyfileobj(sys.stdin.buffer, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # the reader stopped reading; the final flush at exit must not fail too
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run_stdin(options: RunOptions, filename: str, output_format: str | None, output_file: Path | None) -> int:
    """`http-status fix -`: the module on stdin, fixed, to stdout (or its diff, or nothing with --check)."""
    raw = sys.stdin.buffer.read(options.max_bytes + 1)  # at most one byte past the limit: stdin may never end
    shown = shown_name(filename)  # in messages; the diff's header quotes the name its own way
    if len(raw) > options.max_bytes:
        print(f"{shown}: skipped: too large (see --max-size)", file=sys.stderr)
        if options.mode is Mode.WRITE:  # a filter passes what it does not fix through unchanged
            _pass_through(raw)
        return EXIT_OK
    try:
        decoded = decode(raw)
        outcome = fix_text(decoded.text, filename, options.fix)
    except FixError as error:
        where = f":{error.line}" if error.line else ""
        print(f"{shown}{where}: error: {error.message}", file=sys.stderr)
        if options.mode is Mode.WRITE:  # the module as it came; a diff or a check prints nothing
            sys.stdout.buffer.write(raw)
        return EXIT_FAILED
    refused = outcome.refused
    if options.mode is not Mode.WRITE:  # nothing is written: name the lines of the input
        refused = on_input_lines(refused, decoded.text, outcome.text)
    for fix in refused:
        print(refused_line(shown, fix), file=sys.stderr)
    if output_format is not None:
        lines = split_lines(decoded.text)
        found = records_for(filename, outcome.fixed, lines, options.fix.settings.lang)
        problem = write_report(renderer(output_format)(found), output_file)
        if problem is not None:
            print(f"http-status fix: error: {problem}", file=sys.stderr)
            return EXIT_USAGE
    new = decoded.encode(outcome.text) if outcome.changed else raw
    if options.mode is Mode.WRITE:
        sys.stdout.buffer.write(new)
    elif options.mode is Mode.DIFF and outcome.changed:
        _write_bytes(unified_diff(raw, new, filename))
    return EXIT_WOULD_CHANGE if outcome.changed and options.mode is not Mode.WRITE else EXIT_OK


def _exit_status(statuses: dict[Status, int], mode: Mode) -> int:
    if statuses.get(Status.FAILED):
        return EXIT_FAILED
    if mode is not Mode.WRITE and statuses.get(Status.CHANGED):
        return EXIT_WOULD_CHANGE
    return EXIT_OK


def _options(args: argparse.Namespace) -> tuple[RunOptions, Filters]:
    config = load(args.config, isolated=args.isolated)
    for warning in config.warnings:  # flake8 says nothing of a key no option reads: a typo would go unnoticed
        print(f"http-status fix: warning: {warning}", file=sys.stderr)
    check_jobs(args)
    mode = Mode.DIFF if args.diff else Mode.CHECK if args.check else Mode.WRITE
    run_options = RunOptions(fix_options(args, config), mode, max_bytes(args.max_size), args.output_format is not None)
    return run_options, filters(args, config)
