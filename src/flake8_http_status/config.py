"""Read the plugin's settings from the flake8 configuration, so that one file configures both tools.

flake8 (5 and later) looks in the current directory and then its parents, stopping below the home
directory, for the first of `setup.cfg`, `tox.ini` and `.flake8` that has a `[flake8]` (or
`[flake8:local-plugins]`) section. `--config` names a file instead; `--isolated` reads none. Keys
may use dashes or underscores. Read here: the `http-status-*` keys, `exclude` and
`extend-exclude`, and of `select`, `extend-select`, `ignore`, `extend-ignore` and `per-file-ignores`
what concerns this plugin's codes. flake8 itself keeps reading its configuration through its own
option manager.
"""

from __future__ import annotations

import configparser
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import per_file_ignores
from .options import OPTIONS, OptionError
from .per_file_ignores import PerFileIgnores
from .rules.registry import RULES

_CANDIDATES = ("setup.cfg", "tox.ini", ".flake8")
_SECTION = "flake8"


@dataclass(frozen=True)
class FileConfig:
    path: Path | None  # the file read, if any
    values: dict[str, str | list[str]] = field(default_factory=dict)  # raw values keyed by OptionSpec.dest
    exclude: tuple[str, ...] | None = None  # flake8's `exclude`, when set
    extend_exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # `select` entries that cover plugin codes
    extend_select: tuple[str, ...] = ()  # `extend-select` entries that cover plugin codes
    ignore: tuple[str, ...] = ()  # `ignore` and `extend-ignore` entries that cover plugin codes
    per_file_ignores: PerFileIgnores = ()


def find_config(start: Path | None = None) -> Path | None:
    """The file flake8 would read when run from `start` (the current directory by default)."""
    directory = os.path.abspath(start or ".")
    home = _identity(os.path.expanduser("~"))
    current = _identity(directory)
    while True:
        for candidate in _CANDIDATES:
            path = os.path.join(directory, candidate)
            if _has_flake8_section(path):
                return Path(path)
        parent = os.path.dirname(directory)
        parent_id = _identity(parent)
        if parent_id in (current, home):
            return None
        directory, current = parent, parent_id


def load(config: Path | None = None, *, isolated: bool = False, start: Path | None = None) -> FileConfig:
    if isolated:
        return FileConfig(None)
    path = config if config is not None else find_config(start)
    if path is None:
        return FileConfig(None)
    parser = configparser.RawConfigParser()
    try:
        if not parser.read(path, encoding="utf-8"):
            raise OptionError(f"the config file {path} does not exist")
    except (configparser.Error, UnicodeDecodeError) as error:
        raise OptionError(f"cannot read {path}: {error}") from None
    section: Mapping[str, str] = parser[_SECTION] if parser.has_section(_SECTION) else {}
    return _from_section(Path(path), section)


def _from_section(path: Path, section: Mapping[str, str]) -> FileConfig:
    normalised = {key.replace("_", "-"): value for key, value in section.items()}
    values: dict[str, str | list[str]] = {}
    for spec in OPTIONS:
        value = normalised.get(f"http-status-{spec.name}")
        if value is not None:
            values[spec.dest] = _split(value) if spec.listed else value.strip()
    exclude = normalised.get("exclude")
    return FileConfig(
        path,
        values,
        _paths(exclude, path.parent) if exclude is not None else None,
        _paths(normalised.get("extend-exclude", ""), path.parent),
        _plugin_codes(normalised, "select"),
        _plugin_codes(normalised, "extend-select"),
        _plugin_codes(normalised, "ignore", "extend-ignore"),
        per_file_ignores.parse(normalised.get("per-file-ignores", "")),
    )


def _plugin_codes(section: Mapping[str, str], *keys: str) -> tuple[str, ...]:
    """Entries that cover some plugin code (`HTS001`, `HTS`, even `H`); flake8 matches codes by prefix."""
    entries = (entry for key in keys for entry in _split(section.get(key, "")))
    return tuple(entry for entry in entries if any(rule.code.startswith(entry) for rule in RULES))


def _split(text: str) -> list[str]:
    """flake8's reading of a list option: items separated by commas or whitespace."""
    return [item for item in re.split(r"[,\s]", text) if item]


def _paths(text: str, base: Path) -> tuple[str, ...]:
    """flake8's reading of path lists; an entry with a `/` is relative to the config file's directory."""
    return tuple(os.path.abspath(base / item).rstrip("/") if "/" in item else item for item in _split(text))


def _has_flake8_section(path: str) -> bool:
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (UnicodeDecodeError, configparser.Error):
        return False  # flake8 ignores a config it cannot parse and keeps looking
    return parser.has_section(_SECTION) or parser.has_section("flake8:local-plugins")


def _identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_ino, stat.st_dev
