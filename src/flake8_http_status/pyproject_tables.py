"""The two tables of a pyproject.toml, checked: `[tool.http-status]` in TOML types, `[tool.flake8]` as a flake8
section. Imported only when a file holds one of them (`pyproject_config.read`): most flake8 processes never
load it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .options import OPTIONS, OptionError
from .options import PYPROJECT_TABLE as TABLE
from .records import NamedTuple
from .safe_read import shown_path

PerFileIgnores = tuple[tuple[str, tuple[str, ...]], ...]  # as `per_file_ignores.PerFileIgnores`, not imported
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

    @property
    def empty(self) -> bool:
        """Neither an option nor a selection: unknown keys alone say nothing."""
        selection = (self.select, self.ignore, self.extend_select, self.per_file_ignores, self.extend_exclude)
        return not (self.values or any(selection) or self.exclude is not None)


def tables(path: Path, data: Mapping[str, Any]) -> tuple[Table | None, dict[str, str] | None]:
    """The document's `[tool.http-status]`, checked, and its `[tool.flake8]` as a flake8 section."""
    tool = data.get("tool")
    tool = tool if isinstance(tool, dict) else {}
    own, flake8 = tool.get(TABLE), tool.get("flake8")
    for name, value in ((TABLE, own), ("flake8", flake8)):
        if value is not None and not isinstance(value, dict):
            raise OptionError(f"{shown_path(path)}: [tool.{name}] must be a table, not {_kind(value)}")
    return (
        table(path, own) if own is not None else None,
        flake8_section(path, flake8) if flake8 is not None else None,
    )


# [tool.http-status]


def table(path: Path, table: Mapping[str, Any]) -> Table:
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
        from .per_file_ignores import parse  # only for the text form

        entries = parse(value)
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
