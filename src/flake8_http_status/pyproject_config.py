"""The settings kept in pyproject.toml: `[tool.http-status]` (this tool's table) and `[tool.flake8]` (the
Flake8-pyproject convention).

The file read is the nearest `pyproject.toml` holding either table, looked for from the current directory
upwards and, as flake8 looks for its own files, not in or above the home directory. `[tool.http-status]`
holds the plugin's options without the `http-status-` prefix, in TOML types (lists for the listed options,
integers where a number is natural), and the selection keys (`select`, `ignore`, `extend-select`,
`extend-ignore`, `per-file-ignores`, `exclude`, `extend-exclude`). A value of the wrong TOML type is an
error naming the file and the key. `[tool.flake8]` is read as a flake8 section (`flake8_section`): lists
are joined and scalars written out, as Flake8-pyproject hands them to flake8.

This module finds and reads the file, once per process; `pyproject_tables.py` checks the tables. Which file
wins is `config.py`'s to say (and the plugin's, under flake8). The plugin looks for the file in every flake8
process, so this module imports nothing heavy: TOML's parser is imported only for a file that mentions one
of the tables, and the checks only for a file that holds one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .options import PYPROJECT_TABLE as TABLE
from .options import OptionError
from .records import NamedTuple
from .safe_read import Unread, Why, discovered_text, read_text, shown_path

if TYPE_CHECKING:
    from .pyproject_tables import Table

FILE = "pyproject.toml"


class Pyproject(NamedTuple):
    """A pyproject.toml's two tables; None where the file has none."""

    path: Path
    table: Table | None
    flake8: dict[str, str] | None  # `[tool.flake8]` as a flake8 section: dashed keys, text values

    @property
    def empty(self) -> bool:
        return not self.flake8 and (self.table is None or self.table.empty)


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
    cannot be read is another tool's problem too: None (a file too large or not regular is skipped with a
    warning); one that does not parse is None too, unless it names this tool's table, whose settings would
    otherwise be dropped unseen: OptionError. A file the user `named` must be read: OptionError, one line. A table that is
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
    except ValueError as error:
        if TABLE in text:  # the project's own settings would be dropped without a word: say why
            raise OptionError(
                f"{shown_path(path)}: not valid TOML, so [tool.{TABLE}] cannot be read: {error}"
            ) from None
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
    from .toml_documents import parsed

    try:
        return parsed(text)
    except ValueError as error:  # the parser's TOMLDecodeError
        raise ValueError(" ".join(str(error).split())) from None


def _tables(path: Path, data: Mapping[str, Any]) -> Pyproject:
    from .pyproject_tables import tables  # only for a file that may hold a table

    return Pyproject(path, *tables(path, data))


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
