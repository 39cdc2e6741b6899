"""The longest line a project allows, read from the configuration of the tools that check it.

Each tool is found the way it finds itself, approximately: the nearest file, from the checked file's
directory upwards, that has a section for it. Read, never imported:

* ruff: `line-length` in `[tool.ruff]` of pyproject.toml or at the top of ruff.toml / .ruff.toml,
  and `max-line-length` in its `lint.pycodestyle` table (E501's own limit); 88 when unset;
* black: `line-length` in `[tool.black]`; 88 when unset;
* isort: `line_length` in `[tool.isort]`, .isort.cfg `[settings]`, setup.cfg `[isort]`/`[tool:isort]`,
  tox.ini `[isort]`; `profile = black` means 88, otherwise 79;
* flake8: `max-line-length` in `[flake8]` of setup.cfg, tox.ini or .flake8 (and `[tool.flake8]`, read by
  the Flake8-pyproject plugin); 79 when unset; not counted when it ignores E501.

The limit is the smallest of those the project configures, since a fixed file must pass every one of
them. With none configured it is 79: flake8's (pycodestyle's) default, the checker this plugin runs in,
and PEP 8's; a line that fits 79 also fits black's and ruff's 88.
"""

from __future__ import annotations

import configparser
import functools
from pathlib import Path
from typing import Any

from ..safe_read import Unread, discovered_text, discovered_toml

DEFAULT_LINE_LENGTH = 79
_WIDE_DEFAULT = 88  # black's and ruff's default, and isort's black profile
_NOT_ENFORCED = 0  # flake8 configured to ignore E501: it holds the project to no length
_INI_FILES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("setup.cfg", ("flake8", "isort", "tool:isort")),
    ("tox.ini", ("flake8", "isort")),
    (".flake8", ("flake8",)),
    (".isort.cfg", ("settings",)),
)


def line_length_for(path: str | Path) -> int:
    """The line length the project holding `path` (a file, perhaps not yet on disk) allows."""
    start = Path(path).resolve()
    directory = start if start.is_dir() else start.parent
    return _limit(directory)


@functools.lru_cache(maxsize=256)
def _limit(directory: Path) -> int:
    found: dict[str, int] = {}
    for folder in (directory, *directory.parents):
        for tool, length in _configured_in(folder).items():
            found.setdefault(tool, length)  # the nearest configuration of each tool wins
    return min((length for length in found.values() if length != _NOT_ENFORCED), default=DEFAULT_LINE_LENGTH)


@functools.lru_cache(maxsize=256)
def _configured_in(folder: Path) -> dict[str, int]:
    """The tools configured by files in `folder` itself, with the line length each allows."""
    found: dict[str, int] = {}
    for name in (".ruff.toml", "ruff.toml"):
        data = discovered_toml(folder / name)
        if data is not None:
            found.setdefault("ruff", _ruff(data))
    pyproject = discovered_toml(folder / "pyproject.toml") or {}
    tool = _table(pyproject, "tool")
    if "ruff" in tool:
        found.setdefault("ruff", _ruff(_table(tool, "ruff")))
    if "black" in tool:
        found["black"] = _number(_table(tool, "black").get("line-length")) or _WIDE_DEFAULT
    if "isort" in tool:
        found["isort"] = _isort(_table(tool, "isort"))
    if "flake8" in tool:
        _add_flake8(found, _table(tool, "flake8"))
    for name, sections in _INI_FILES:
        for section, values in _ini(folder / name, sections).items():
            if section == "flake8":
                _add_flake8(found, values)
            else:
                found.setdefault("isort", _isort(values))
    return found


def _ruff(data: dict[str, Any]) -> int:
    lint = _table(data, "lint")
    pycodestyle = _table(lint, "pycodestyle") or _table(data, "pycodestyle")
    general = _number(data.get("line-length")) or _WIDE_DEFAULT
    return min(general, _number(pycodestyle.get("max-line-length")) or general)


def _isort(values: dict[str, Any]) -> int:
    length = _number(values.get("line_length", values.get("line-length")))
    if length is not None:
        return length
    return _WIDE_DEFAULT if str(values.get("profile", "")).strip("\"' ") == "black" else DEFAULT_LINE_LENGTH


def _add_flake8(found: dict[str, int], values: dict[str, Any]) -> None:
    if "flake8" in found:
        return
    ignored = " ".join(str(values.get(key, "")) for key in ("ignore", "extend-ignore", "extend_ignore"))
    if {"E501", "E50", "E5", "E"} & set(ignored.replace(",", " ").split()):
        found["flake8"] = _NOT_ENFORCED
        return
    length = values.get("max-line-length", values.get("max_line_length"))
    found["flake8"] = _number(length) or DEFAULT_LINE_LENGTH


def _number(value: object) -> int | None:
    """A positive whole number from TOML or INI text; None for anything else (a malformed value is ignored)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and value > 0 else None


def _table(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _ini(path: Path, sections: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    parser = configparser.RawConfigParser()
    try:
        text = discovered_text(path)  # None: absent, or skipped (a FIFO, a device, too large) with a warning
        if text is None:
            return {}
        parser.read_string(text)
    except (Unread, configparser.Error):
        return {}
    return {section: dict(parser.items(section)) for section in sections if parser.has_section(section)}
