"""Read the plugin's settings from the flake8 configuration, so that one file configures both tools.

flake8 (5 and later) looks in the current directory and then its parents, stopping below the home
directory, for the first of `setup.cfg`, `tox.ini` and `.flake8` that has a `[flake8]` (or
`[flake8:local-plugins]`) section. `--config` names a file instead; `--isolated` reads none. Keys
may use dashes or underscores. Read here: the `http-status-*` keys, `exclude` and
`extend-exclude`, and of `select`, `extend-select`, `ignore`, `extend-ignore` and `per-file-ignores`
what concerns this plugin's codes. flake8 itself keeps reading its configuration through its own
option manager.

pyproject.toml adds two tables (`pyproject_config.py`): `[tool.flake8]`, the Flake8-pyproject convention,
read as a `[flake8]` section, and `[tool.http-status]`, this tool's own. The nearest of each kind of file is
read: the flake8 file as flake8 finds it, the nearest pyproject.toml holding either table. Where they set
the same option, flake8's configuration wins: its file, then `[tool.flake8]`, then `[tool.http-status]`.
`select`, `per-file-ignores` and `exclude` are taken whole from the first that sets them (for the
selections: that names this plugin's codes); ignores, `extend-select` and `extend-exclude` add up.
`--config` names the one file to read (a `.toml` one is read for its tables), and it must hold settings.
"""

from __future__ import annotations

import argparse
import configparser
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import per_file_ignores, pyproject_config
from .options import OPTIONS, PYPROJECT_TABLE, OptionError
from .per_file_ignores import PerFileIgnores
from .pyproject_tables import Table
from .rules.registry import RULES
from .safe_read import Unread, Why, discovered_text, read_text, shown_path

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
    unknown: tuple[str, ...] = ()  # `http-status-*` keys of the flake8 file no option has (a typo), with dashes
    # An `ignore` key is set, whatever it names: flake8 then drops its default ignore list, which holds the rules
    # that are off by default, so they are shown (`http-status check` decides as flake8 does).
    sets_ignore: bool = False
    pyproject: Path | None = None  # the pyproject.toml read, if any
    sources: Mapping[str, Path] = field(default_factory=dict)  # the file each of `values` came from, by dest
    warnings: tuple[str, ...] = ()  # one line each, every file's unknown keys included: print them all

    def source(self, option: str) -> Path | None:
        """The file the value of `option` (an `OptionSpec.name`) was read from; None when none set it."""
        return self.sources.get(f"http_status_{option.replace('-', '_')}")


def unknown_key_warning(path: Path, key: str) -> str:
    """One line naming the key, with the closest known one: `setup.cfg: unknown key http-status-stlye (...)`."""
    import difflib  # only when there is a warning to give

    names = [spec.name for spec in OPTIONS]
    close = difflib.get_close_matches(key.removeprefix("http-status-"), names, n=1)  # the shared prefix says nothing
    hint = f"; did you mean http-status-{close[0]}?" if close else f"; known: {', '.join(names)}"
    return f"{shown_path(path)}: unknown key {key}, ignored{hint}"


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
    if config is not None and config.suffix == ".toml":
        tables = pyproject_config.read(config, named=True)
        if tables is None or tables.empty:
            raise OptionError(f"the config file {shown_path(config)} has no settings in a {_TABLES} table")
        return _combined(None, tables)
    if config is not None:
        section = _section(config, _named_text(config))
        if not section:
            raise OptionError(f"the config file {shown_path(config)} has no settings in a [flake8] section")
        return _combined(_from_file(config, section), None)
    path = find_config(start)
    text = _found_text(path) if path is not None else None
    found = _from_file(path, _section(path, text)) if path is not None and text is not None else None
    near = pyproject_config.find(start)
    return _combined(found, pyproject_config.read(near) if near is not None else None)


_TABLES = f"[tool.{PYPROJECT_TABLE}] or [tool.flake8]"


def _section(path: Path, text: str) -> Mapping[str, str]:
    parser = configparser.RawConfigParser()
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error as error:
        raise OptionError(ini_error(path, error)) from None
    return parser[_SECTION] if parser.has_section(_SECTION) else {}


def _from_file(path: Path, section: Mapping[str, str]) -> FileConfig:
    try:
        return _from_section(Path(path), section)
    except OptionError as error:
        raise in_file(Path(path), error) from None


def _combined(found: FileConfig | None, tables: pyproject_config.Pyproject | None) -> FileConfig:
    """The flake8 file's settings, then `[tool.flake8]`'s, then `[tool.http-status]`'s (see the module)."""
    layers = [found] if found is not None else []
    warnings = [unknown_key_warning(found.path, key) for key in found.unknown] if found and found.path else []
    if tables is not None and tables.flake8 is not None:
        flake8 = _from_file(tables.path, tables.flake8)
        layers.append(flake8)
        warnings += [unknown_key_warning(tables.path, key) for key in flake8.unknown]
    if tables is not None and tables.table is not None:
        layers.append(_from_table(tables.table))
        warnings += tables.table.warnings()
    if not layers:
        return FileConfig(None)
    first = layers[0]
    return FileConfig(
        first.path,
        {dest: value for layer in reversed(layers) for dest, value in layer.values.items()},
        next((layer.exclude for layer in layers if layer.exclude is not None), None),
        _joined(layer.extend_exclude for layer in layers),
        next((layer.select for layer in layers if layer.select), ()),
        _joined(layer.extend_select for layer in layers),
        _joined(layer.ignore for layer in layers),
        next((layer.per_file_ignores for layer in layers if layer.per_file_ignores), ()),
        found.unknown if found is not None else (),
        # flake8's `ignore` replaces its default ignore list; the table's only hides findings (as under flake8)
        sets_ignore=any(layer.sets_ignore for layer in layers),
        pyproject=tables.path if tables is not None else None,
        sources={dest: path for layer in reversed(layers) for dest, path in layer.sources.items()},
        warnings=tuple(warnings),
    )


def _from_table(table: Table) -> FileConfig:
    return FileConfig(
        table.path,
        dict(table.values),
        table.exclude,
        table.extend_exclude,
        table.select,
        table.extend_select,
        table.ignore,
        table.per_file_ignores,
        sources=dict.fromkeys(table.values, table.path),
    )


def _joined(groups: Iterable[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))


def ini_error(path: str | Path, error: configparser.Error) -> str:
    """configparser's error (several lines, the source repeated) as one line: `setup.cfg:3: why`."""
    line = getattr(error, "lineno", None)
    if isinstance(error, configparser.MissingSectionHeaderError):  # a ParsingError too: tested first
        why = "a line before the first [section]"
    elif isinstance(error, configparser.ParsingError) and error.errors:
        line = error.errors[0][0]
        why = "not a `key = value` line, a continuation or a [section]"
    elif isinstance(error, configparser.DuplicateSectionError):
        why = f"section [{error.section}] given twice"
    elif isinstance(error, configparser.DuplicateOptionError):
        why = f"{error.option} given twice in [{error.section}]"
    else:
        why = " ".join(str(error).split())
    return f"{shown_path(path)}:{line}: {why}" if line else f"{shown_path(path)}: {why}"


def _named_text(path: Path) -> str:
    """The text of the file `--config` names; OptionError (one line naming it) for any file not read."""
    try:
        return read_text(path)
    except Unread as unread:
        if unread.why is Why.MISSING:
            raise OptionError(f"the config file {path} does not exist") from None
        raise OptionError(f"the config file {shown_path(path)}: {unread.message}") from None


def _found_text(path: Path) -> str | None:
    """The text of the file found by the search; None when it is no longer there to read (or is skipped)."""
    try:
        return discovered_text(path)
    except Unread as unread:
        raise OptionError(f"cannot read {path}: {unread.message}") from None


def _parsed(path: str | Path) -> configparser.RawConfigParser | None:
    """A found file's sections, or None when it is absent, skipped, unreadable or does not parse."""
    parser = configparser.RawConfigParser()
    try:
        text = discovered_text(path)
        if text is None:
            return None
        parser.read_string(text, source=str(path))
    except (Unread, configparser.Error):
        return None
    return parser


def flake8_source(option: str, value: object, argv: Sequence[str]) -> Path | None:
    """The file from which flake8, run with `argv`, took `value` for the plugin's `option` (an
    `OptionSpec.name`), or None when the value came from the command line. flake8 reads `--config` or
    the file it finds, then each `--append-config` file, later files overriding earlier ones;
    `--isolated` reads none. flake8 takes these three flags out of its arguments before it parses the
    rest, so its options never show them: they are read from `argv` here."""
    spec = next(spec for spec in OPTIONS if spec.name == option)
    if any(arg == spec.flake8_flag or arg.startswith(f"{spec.flake8_flag}=") for arg in argv):
        return None  # the command line overrides every file
    files = _flake8_files(argv)
    dest = spec.dest
    holding = [path for path in files if _raw_values(path).get(dest) == value]
    return holding[-1] if holding else None


def _flake8_files(argv: Sequence[str]) -> list[Path]:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--config")
    parser.add_argument("--append-config", action="append", default=[])
    parser.add_argument("--isolated", action="store_true")
    try:
        known, _ = parser.parse_known_args(list(argv))
    except SystemExit:  # arguments flake8 took but this parser does not: read the usual file
        known = argparse.Namespace(config=None, append_config=[], isolated=False)
    if known.isolated:
        return []
    found = Path(known.config) if known.config else find_config()
    return [path for path in (found, *map(Path, known.append_config)) if path is not None]


def _raw_values(path: Path) -> dict[str, str | list[str]]:
    """The plugin's keys in the file, as flake8 hands them over (lists split; nothing else checked)."""
    parser = _parsed(path)
    section = parser[_SECTION] if parser is not None and parser.has_section(_SECTION) else {}
    return _plugin_values({key.replace("_", "-"): value for key, value in section.items()})


def in_file(path: Path, error: OptionError) -> OptionError:
    """The same error, saying which configuration file holds the value (one line: `setup.cfg: ...`)."""
    return OptionError(f"{shown_path(path)}: {error}", error.option)


def _from_section(path: Path, section: Mapping[str, str]) -> FileConfig:
    normalised = {key.replace("_", "-"): value for key, value in section.items()}
    exclude = normalised.get("exclude")
    values = _plugin_values(normalised)
    return FileConfig(
        path,
        values,
        _paths(exclude, path.parent) if exclude is not None else None,
        _paths(normalised.get("extend-exclude", ""), path.parent),
        _plugin_codes(normalised, "select"),
        _plugin_codes(normalised, "extend-select"),
        _plugin_codes(normalised, "ignore", "extend-ignore"),
        per_file_ignores.parse(normalised.get("per-file-ignores", "")),
        _unknown_keys(normalised),
        "ignore" in normalised,
        sources=dict.fromkeys(values, path),
    )


def _unknown_keys(section: Mapping[str, str]) -> tuple[str, ...]:
    known = {f"http-status-{spec.name}" for spec in OPTIONS}
    return tuple(key for key in section if key.startswith("http-status-") and key not in known)


def _plugin_values(section: Mapping[str, str]) -> dict[str, str | list[str]]:
    """The `http-status-*` keys (dashed) by `OptionSpec.dest`: lists split as flake8 splits them."""
    values: dict[str, str | list[str]] = {}
    for spec in OPTIONS:
        value = section.get(f"http-status-{spec.name}")
        if value is not None:
            values[spec.dest] = _split(value) if spec.listed else value.strip()
    return values


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
    parser = _parsed(path)  # flake8 ignores a config it cannot parse and keeps looking
    return parser is not None and (parser.has_section(_SECTION) or parser.has_section("flake8:local-plugins"))


def _identity(path: str) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_ino, stat.st_dev
