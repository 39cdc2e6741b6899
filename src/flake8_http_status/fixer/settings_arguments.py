"""The settings arguments `http-status fix`, `http-status check` and the codemod share: every `http-status-*`
option as a flag, `--config` and `--isolated`, and the reading of rule codes given on the command line."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

from ..config import FileConfig, in_file
from ..options import OPTIONS, OptionError, Settings, settings_from
from ..rules.registry import RULES

_CODE_PREFIX = re.compile(r"HTS\d{0,3}\Z")


def add_settings_arguments(parser: argparse.ArgumentParser) -> None:
    settings = parser.add_argument_group("settings (override the flake8 configuration)")
    for spec in OPTIONS:
        # No argparse `choices`: its error comes after the whole usage text; `settings_from` says it in one line.
        settings.add_argument(f"--{spec.name}", dest=spec.dest, default=None, metavar=spec.metavar, help=spec.help)
    settings.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read this flake8 config file (or a pyproject.toml's tables) instead of searching",
    )
    settings.add_argument("--isolated", action="store_true", help="read no configuration file")


def settings_for(args: argparse.Namespace, config: FileConfig) -> Settings:
    """Settings from the config file overridden by flags; a bad value read from the file names the file."""
    values: dict[str, object] = dict(config.values)
    flagged = {spec.name for spec in OPTIONS if getattr(args, spec.dest) is not None}
    values.update({spec.dest: getattr(args, spec.dest) for spec in OPTIONS if spec.name in flagged})
    try:
        return settings_from(values)
    except OptionError as error:
        source = config.source(error.option) if error.option is not None and error.option not in flagged else None
        if source is None:
            raise
        raise in_file(source, error) from None


def rule_codes(values: Sequence[str], flag: str) -> tuple[str, ...]:
    """Codes or prefixes given to `flag` (comma or space separated, any case); OptionError for one that is not."""
    codes = tuple(part.strip().upper() for value in values for part in re.split(r"[,\s]", value) if part.strip())
    for code in codes:
        if not _CODE_PREFIX.match(code) or not any(rule.code.startswith(code) for rule in RULES):
            raise OptionError(f"{flag}: {code!r} is not a rule code or a prefix of one")
    return codes
