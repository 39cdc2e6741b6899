"""Arguments shared by `http-status fix` and the LibCST codemod command, and what they mean."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

from ..config import FileConfig, in_file
from ..options import OPTIONS, OptionError, Settings, settings_from
from ..rules.registry import RULES
from .pipeline import FixOptions
from .selection import Selection

_CODE_PREFIX = re.compile(r"HTS\d{0,3}\Z")


def add_fix_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments `http-status fix` shares with the LibCST codemod command."""
    what = parser.add_argument_group("which fixes")
    what.add_argument("--unsafe-fixes", action="store_true", help="also apply fixes that change behaviour")
    what.add_argument(
        "--select", action="append", default=[], metavar="CODES", help="only these rule codes or prefixes"
    )
    what.add_argument(
        "--ignore", action="append", default=[], metavar="CODES", help="skip these rule codes or prefixes"
    )
    what.add_argument(
        "--disable-noqa", action="store_true", help="fix lines marked `# noqa` and files marked `# flake8: noqa` too"
    )
    settings = parser.add_argument_group("settings (override the flake8 configuration)")
    for spec in OPTIONS:
        # No argparse `choices`: its error comes after the whole usage text; `settings_from` says it in one line.
        settings.add_argument(f"--{spec.name}", dest=spec.dest, default=None, metavar=spec.metavar, help=spec.help)
    settings.add_argument(
        "--config", type=Path, metavar="FILE", help="read this flake8 config file instead of searching"
    )
    settings.add_argument("--isolated", action="store_true", help="read no configuration file")


def fix_options(args: argparse.Namespace, config: FileConfig) -> FixOptions:
    """Settings from the config file, overridden by flags; the user's choice of fixes. OptionError if wrong."""
    select, ignore = _codes(args.select, "--select"), _codes(args.ignore, "--ignore")
    # --select replaces the configuration's choice of codes; --ignore adds to its ignores. A
    # configured `select` that names none of this plugin's codes does not stop its fixes.
    from_config = not select
    selection = Selection(
        select=select or config.select,
        ignore=(*config.ignore, *ignore) if from_config else ignore,
        unsafe=args.unsafe_fixes,
        disable_noqa=args.disable_noqa,
        enable=config.extend_select if from_config else (),
    )
    return FixOptions(_settings(args, config), selection, config.per_file_ignores)


def _settings(args: argparse.Namespace, config: FileConfig) -> Settings:
    """Settings from the config file overridden by flags; a bad value read from the file names the file."""
    values: dict[str, object] = dict(config.values)
    flagged = {spec.name for spec in OPTIONS if getattr(args, spec.dest) is not None}
    values.update({spec.dest: getattr(args, spec.dest) for spec in OPTIONS if spec.name in flagged})
    try:
        return settings_from(values)
    except OptionError as error:
        if config.path is None or error.option is None or error.option in flagged:
            raise
        raise in_file(config.path, error) from None


def _codes(values: Sequence[str], flag: str) -> tuple[str, ...]:
    codes = tuple(part.strip().upper() for value in values for part in re.split(r"[,\s]", value) if part.strip())
    for code in codes:
        if not _CODE_PREFIX.match(code) or not any(rule.code.startswith(code) for rule in RULES):
            raise OptionError(f"{flag}: {code!r} is not a rule code or a prefix of one")
    return codes
