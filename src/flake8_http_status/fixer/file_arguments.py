"""The file-walk arguments `http-status fix` and `http-status check` share, and the filters they make."""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Sequence

from ..config import FileConfig
from ..options import OptionError
from .discovery import DEFAULT_EXCLUDES, DEFAULT_INCLUDES, Filters
from .reading import MAX_BYTES_DEFAULT


def add_file_arguments(parser: argparse.ArgumentParser, verb: str) -> None:
    """`--include`, `--exclude`, `--extend-exclude`, `--max-size`, `-j` and `--stdin-filename`; `verb` says what
    is done to the files in the help texts ("fix", "check")."""
    files = parser.add_argument_group("files")
    files.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOBS",
        help=f"files to {verb} in directories (default: {','.join(DEFAULT_INCLUDES)})",
    )
    files.add_argument(
        "--exclude",
        action="append",
        default=None,
        metavar="GLOBS",
        help="replace the default excludes: " + ",".join(DEFAULT_EXCLUDES),
    )
    files.add_argument("--extend-exclude", action="append", default=[], metavar="GLOBS", help="exclude these too")
    files.add_argument(
        "--max-size",
        default=str(MAX_BYTES_DEFAULT / 2**20),
        metavar="MIB",
        help="skip larger files (default: %(default)s MiB)",
    )
    files.add_argument(
        "-j", "--jobs", type=int, default=None, metavar="N", help="worker processes (default: all cores)"
    )
    files.add_argument(
        "--stdin-filename",
        default="stdin",
        metavar="NAME",
        help="with PATH `-`: the name to report and configure stdin as",
    )


def check_jobs(args: argparse.Namespace) -> None:
    if args.jobs is not None and args.jobs < 1:
        raise OptionError("--jobs must be at least 1")


def max_bytes(text: str) -> int:
    """--max-size in bytes: a finite positive number of MiB (`float` alone takes nan, inf and -1)."""
    try:
        mebibytes = float(text)
    except ValueError:
        mebibytes = math.nan
    if not math.isfinite(mebibytes) or mebibytes <= 0 or mebibytes * 2**20 > sys.maxsize:
        raise OptionError(f"--max-size must be a positive number of MiB, such as 4 or 0.5, not {text!r}")
    return max(1, int(mebibytes * 2**20))


def filters(args: argparse.Namespace, config: FileConfig) -> Filters:
    excludes = globs(args.exclude) if args.exclude is not None else DEFAULT_EXCLUDES + (config.exclude or ())
    excludes += config.extend_exclude + globs(args.extend_exclude)
    return Filters(excludes, globs(args.include) or DEFAULT_INCLUDES)


def globs(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())
