"""The Pythons a setuptools project admits, from `setup.cfg` (`[options] python_requires`) or `setup.py`
(`setup(python_requires="...")`), for projects without `requires-python` in a pyproject.toml.

`setup.py` is read as a syntax tree and never run: only a string literal passed as `python_requires` to a
call of `setup` counts; anything computed is not known, and then nothing is said.
"""

from __future__ import annotations

import ast
import configparser
from pathlib import Path

from .safe_read import Unread, discovered_bytes, universal_newlines


def setup_cfg_python(path: Path) -> str | None:
    """`python_requires` of `[options]` in the setup.cfg at `path`; None when it has none or cannot be read."""
    parser = _setup_cfg(path)
    value = parser.get("options", "python_requires", fallback=None) if parser is not None else None
    return value.strip() if value else None


def is_setup_cfg(path: Path) -> bool:
    """The file describes a package (`[metadata]` or `[options]`), not just tool settings such as flake8's."""
    parser = _setup_cfg(path)
    return parser is not None and (parser.has_section("metadata") or parser.has_section("options"))


def _setup_cfg(path: Path) -> configparser.ConfigParser | None:
    data = _read(path)
    if data is None:
        return None
    text = universal_newlines(data.decode("utf-8", errors="replace"))
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        return None
    return parser


def setup_py_python(path: Path) -> str | None:
    """The string literal given as `python_requires=` to `setup(...)` in `path`; None otherwise."""
    source = _read(path)
    try:
        tree = ast.parse(source) if source is not None else None  # bytes: ast reads a coding cookie
    except (SyntaxError, ValueError):
        return None
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Call) and _called(node.func) == "setup":
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg == "python_requires" and isinstance(value, ast.Constant):
                    return value.value if isinstance(value.value, str) else None
    return None


def _called(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _read(path: Path) -> bytes | None:
    """The file's bytes; None when it is absent, skipped (a FIFO, a device, too large) or unreadable."""
    try:
        return discovered_bytes(path)
    except Unread:
        return None
