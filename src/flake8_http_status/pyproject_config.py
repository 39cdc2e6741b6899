"""The settings kept in pyproject.toml: `[tool.http-status]` (this tool's table) and `[tool.flake8]` (the
Flake8-pyproject convention).

The file read is the nearest `pyproject.toml` holding either table, looked for from the current directory
upwards and, as flake8 looks for its own files, not in or above the home directory. `[tool.http-status]`
holds the plugin's options without the `http-status-` prefix, in TOML types (lists for the listed options,
integers where a number is natural), and the selection keys (`select`, `ignore`, `extend-select`,
`extend-ignore`, `per-file-ignores`, `exclude`, `extend-exclude`). A value of the wrong TOML type is an
error naming the file and the key. `[tool.flake8]` is read as a flake8 section (`flake8_section`): lists
are joined and scalars written out, as Flake8-pyproject hands them to flake8.

This module reads and checks; which file wins is `config.py`'s to say (and the plugin's, under flake8). It
imports nothing heavy: the plugin reads the table in every flake8 process, and TOML's parser is imported
only when a file may hold one of the tables.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import per_file_ignores
from .options import OPTIONS, OptionError
from .per_file_ignores import PerFileIgnores
from .records import NamedTuple
from .safe_read import Unread, Why, discovered_text, read_text, shown_path

FILE = "pyproject.toml"
TABLE = "http-status"
SELECTION_KEYS = ("select", "ignore", "extend-select", "extend-ignore")
_PATH_KEYS = ("exclude", "extend-exclude")
_INTEGERS = frozenset({"ignore-values"})  # listed options whose items are numbers
_SWITCHES = frozenset(spec.name for spec in OPTIONS if spec.choices == ("on", "off"))
_CODE = r"HTS[0-9]{0,3}\Z"


class Table(NamedTuple):
    """What `[tool.http-status]` says, checked. Values are as a flake8 file gives them (text, lists of text)."""

    path: Path
    values: dict[str, str | list[str]]  # by `OptionSpec.dest`
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()  # `ignore` and `extend-ignore`
    extend_select: tuple[str, ...] = ()
    per_file_ignores: PerFileIgnores = ()
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    unknown: tuple[str, ...] = ()  # keys no option or selection has (a typo)

    def warnings(self) -> list[str]:
        return [unknown_table_key(self.path, key) for key in self.unknown]


class Pyproject(NamedTuple):
    """A pyproject.toml's two tables; None where the file has none."""

    path: Path
    table: Table | None
    flake8: dict[str, str] | None  # `[tool.flake8]` as a flake8 section: dashed keys, text values

    @property
    def empty(self) -> bool:
        return not (self.flake8 or (self.table is not None and (self.table.values or _has_selection(self.table))))


def find(start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml at or above `start` (the current directory) holding either table. The
    same bounds as flake8's search (`config.find_config`): the home directory and those above it are not
    looked in, unless the search starts there."""
    directory = os.path.abspath(start or ".")
    home = _identity(os.path.expanduser("~"))
    current = _identity(directory)
    while True:
        path = Path(directory, FILE)
        if _holds_tables(path):
            return path
        parent = os.path.dirname(directory)
        parent_id = _identity(parent)
        if parent_id in (current, home):
            return None
        directory, current = parent, parent_id


def _identity(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_ino, status.st_dev


_read: dict[tuple[str, bool, tuple[int, int] | None], Pyproject | OptionError | None] = {}


def read(path: Path, *, named: bool = False) -> Pyproject | None:
    """The tables of the pyproject.toml at `path`, read once per process. A file found by the search that
    cannot be read or parsed is another tool's problem too: None (a file too large or not regular is
    skipped with a warning). A file the user `named` must be read: OptionError, one line. A table that is
    there and wrong is an OptionError either way."""
    key = (os.path.abspath(path), named, _version(path))
    if key not in _read:
        try:
            _read[key] = _named(path) if named else _found_text_tables(path)
        except OptionError as error:
            _read[key] = error
    result = _read[key]
    if isinstance(result, OptionError):
        raise result
    return result


def _version(path: Path) -> tuple[int, int] | None:
    """The file's modification time and size: a file rewritten in the same process (a test, an editor's
    long-lived process) is read again."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def _holds_tables(path: Path) -> bool:
    try:
        found = read(path)
    except OptionError:
        return True  # a table is there, and wrong: the caller reads the file again and says so
    return found is not None and (found.table is not None or found.flake8 is not None)


def _found_text_tables(path: Path) -> Pyproject | None:
    try:
        text = discovered_text(path)
    except Unread:
        return None
    if text is None:
        return None
    if TABLE not in text and "flake8" not in text:  # neither table: not worth parsing
        return Pyproject(path, None, None)
    try:
        data = _toml(text)
    except ValueError:
        return None
    return _tables(path, data)


def _named(path: Path) -> Pyproject:
    try:
        text = read_text(path)
    except Unread as unread:
        if unread.why is Why.MISSING:
            raise OptionError(f"the config file {path} does not exist") from None
        raise OptionError(f"the config file {shown_path(path)}: {unread.message}") from None
    try:
        data = _toml(text)
    except ValueError as error:
        raise OptionError(f"the config file {shown_path(path)}: not valid TOML: {error}") from None
    return _tables(path, data)


def _toml(text: str) -> dict[str, Any]:
    """The parsed document; ValueError (tomllib's own, one line) when it is not TOML."""
    # Imported here: a flake8 process whose pyproject.toml names neither table never loads the parser.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        document: dict[str, Any] = tomllib.loads(text)
        return document
    except tomllib.TOMLDecodeError as error:
        raise ValueError(" ".join(str(error).split())) from None


def _tables(path: Path, data: Mapping[str, Any]) -> Pyproject:
    tool = data.get("tool")
    tool = tool if isinstance(tool, dict) else {}
    table, flake8 = tool.get(TABLE), tool.get("flake8")
    for name, value in ((TABLE, table), ("flake8", flake8)):
        if value is not None and not isinstance(value, dict):
            raise OptionError(f"{shown_path(path)}: [tool.{name}] must be a table, not {_kind(value)}")
    return Pyproject(
        path,
        _table(path, table) if table is not None else None,
        flake8_section(path, flake8) if flake8 is not None else None,
    )


# [tool.http-status]


def _table(path: Path, table: Mapping[str, Any]) -> Table:
    specs = {spec.name: spec for spec in OPTIONS}
    values: dict[str, str | list[str]] = {}
    selection: dict[str, tuple[str, ...]] = {}
    unknown = []
    fields: dict[str, Any] = {}
    for raw_key, value in table.items():
        key = raw_key.replace("_", "-")
        where = f"{shown_path(path)}: [tool.{TABLE}] {raw_key}"
        spec = specs.get(key)
        if spec is not None:
            values[spec.dest] = _option_value(where, key, spec.listed, value)
        elif key in SELECTION_KEYS:
            selection[key] = tuple(_codes(where, value))
        elif key == "per-file-ignores":
            fields["per_file_ignores"] = _per_file_ignores(where, value, path.parent)
        elif key in _PATH_KEYS:
            globs = _paths(_strings(where, value), path.parent)
            fields["exclude" if key == "exclude" else "extend_exclude"] = globs
        else:
            unknown.append(raw_key)
    return Table(
        path,
        values,
        select=selection.get("select", ()),
        ignore=(*selection.get("ignore", ()), *selection.get("extend-ignore", ())),
        extend_select=selection.get("extend-select", ()),
        unknown=tuple(unknown),
        **fields,
    )


def _option_value(where: str, key: str, listed: bool, value: object) -> str | list[str]:
    if listed:
        if not isinstance(value, list):
            raise OptionError(f"{where}: expected a list, such as {_example(key)}, not {_kind(value)}")
        if key in _INTEGERS:
            wrong = [item for item in value if isinstance(item, bool) or not isinstance(item, (int, str))]
            if wrong:
                raise OptionError(f"{where}: expected integers, not {_kind(wrong[0])}")
            return [str(item) for item in value]
        return _strings(where, value)
    if key in _SWITCHES and isinstance(value, bool):
        return "on" if value else "off"
    if not isinstance(value, str):
        hint = ' (write a version as a string, "3.10": as a number it is 3.1)' if isinstance(value, float) else ""
        raise OptionError(f"{where}: expected a string, not {_kind(value)}{hint}")
    return value


def _strings(where: str, value: object) -> list[str]:
    if not isinstance(value, list):
        raise OptionError(f"{where}: expected a list of strings, not {_kind(value)}")
    wrong = [item for item in value if not isinstance(item, str)]
    if wrong:
        raise OptionError(f"{where}: expected a list of strings, not one holding {_kind(wrong[0])}")
    return list(value)


def _codes(where: str, value: object) -> list[str]:
    """Rule codes or prefixes of this plugin's (`HTS`, `HTS9`, `HTS923`): the table configures only its own."""
    codes = [code.strip().upper() for code in _strings(where, value)]
    for code in codes:
        if not re.match(_CODE, code):
            raise OptionError(f"{where}: {code!r} is not a code of this plugin (HTS followed by up to 3 digits)")
    return codes


def _per_file_ignores(where: str, value: object, base: Path) -> PerFileIgnores:
    """A table `{glob = [codes]}` or flake8's text (`"tests/*: HTS001"`). Patterns with a `/` are relative to
    the pyproject.toml's directory."""
    if isinstance(value, str):
        entries = per_file_ignores.parse(value)
    elif isinstance(value, dict):
        entries = tuple((pattern, tuple(_codes(f'{where}: "{pattern}"', codes))) for pattern, codes in value.items())
    else:
        raise OptionError(f'{where}: expected a table such as {{"tests/*" = ["HTS001"]}}, not {_kind(value)}')
    return tuple((_path(pattern, base), codes) for pattern, codes in entries)


def _paths(globs: list[str], base: Path) -> tuple[str, ...]:
    return tuple(_path(glob, base) for glob in globs)


def _path(glob: str, base: Path) -> str:
    """flake8's reading of a path in its file: one with a `/` is relative to the file's directory."""
    glob = glob.strip()
    if "/" not in glob:
        return glob
    return os.path.abspath(base / glob).rstrip("/") if not os.path.isabs(glob) else glob.rstrip("/")


def _has_selection(table: Table) -> bool:
    fields = (table.select, table.ignore, table.extend_select, table.per_file_ignores, table.extend_exclude)
    return any(fields) or table.exclude is not None


def unknown_table_key(path: Path, key: str) -> str:
    """One line naming the key, with the closest known one."""
    import difflib  # only when there is a warning to give

    names = [*(spec.name for spec in OPTIONS), *SELECTION_KEYS, "per-file-ignores", *_PATH_KEYS]
    close = difflib.get_close_matches(key.replace("_", "-"), names, n=1)
    hint = f"; did you mean {close[0]}?" if close else f"; known: {', '.join(names)}"
    return f"{shown_path(path)}: unknown key {key} in [tool.{TABLE}], ignored{hint}"


def _example(key: str) -> str:
    return {"ignore-values": "[200, 204]", "extra-codes": '["499=CLIENT_CLOSED_REQUEST"]'}.get(key, '["..."]')


def _kind(value: object) -> str:
    kinds = ((bool, "a boolean"), (int, "an integer"), (float, "a float"), (str, "a string"), (list, "a list"))
    kind = next((name for cls, name in kinds if isinstance(value, cls)), None)
    return kind or ("a table" if isinstance(value, dict) else "a date or time")


# [tool.flake8]


def flake8_section(path: Path, table: Mapping[str, Any]) -> dict[str, str]:
    """`[tool.flake8]` as flake8 reads a `[flake8]` section: dashed keys, text values (lists joined by
    commas, numbers and booleans written out). A table inside it has no flake8 meaning: an error."""
    section = {}
    for key, value in table.items():
        if isinstance(value, list):
            if any(isinstance(item, (list, dict)) for item in value):
                raise OptionError(f"{shown_path(path)}: [tool.flake8] {key}: expected a list of values, not of lists")
            text = ",".join(_scalar(item) for item in value)
        elif isinstance(value, dict):
            raise OptionError(f"{shown_path(path)}: [tool.flake8] {key}: expected a string or a list, not a table")
        else:
            text = _scalar(value)
        section[key.replace("_", "-")] = text
    return section


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# What the plugin reads


def for_flake8(config: str | None, isolated: bool) -> Pyproject | None:
    """The pyproject.toml flake8 run with `--config`/`--isolated` as given would pair with its own file:
    none when isolated, the named file when it is a `.toml`, none for another named file, else the search's."""
    if isolated:
        return None
    if config:
        return read(Path(config), named=True) if config.endswith(".toml") else None
    found = find()
    return read(found) if found is not None else None


def decides(code: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    """Whether a selection keeps `code`: selected (or no `select`), and not ignored by a prefix at least as
    long as the selecting one (the more specific prefix wins; equal ones, ignoring wins)."""
    chosen = max((len(prefix) for prefix in select if code.startswith(prefix)), default=-1 if select else 0)
    ignored = max((len(prefix) for prefix in ignore if code.startswith(prefix)), default=-1)
    return chosen >= 0 and (ignored < 0 or chosen > ignored)
