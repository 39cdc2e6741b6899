"""Arguments shared by `http-status fix` and the LibCST codemod command, and what they mean."""

from __future__ import annotations

import argparse

from ..config import FileConfig
from .pipeline import FixOptions
from .selection import Selection
from .settings_arguments import add_settings_arguments, rule_codes, settings_for


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
    add_settings_arguments(parser)


def fix_options(args: argparse.Namespace, config: FileConfig) -> FixOptions:
    """Settings from the config file, overridden by flags; the user's choice of fixes. OptionError if wrong."""
    select, ignore = rule_codes(args.select, "--select"), rule_codes(args.ignore, "--ignore")
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
    return FixOptions(settings_for(args, config), selection, config.per_file_ignores)
