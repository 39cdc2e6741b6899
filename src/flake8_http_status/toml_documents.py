"""TOML documents (pyproject.toml, ruff.toml) parsed once and kept, by their text, in the user's cache folder.

Importing `tomllib` costs some 10 M instructions (its regular expressions compile at import), and parsing a
project's pyproject.toml a few M more: on a one-file flake8 run in a project, whose settings and requirements the
plugin reads, that was more than a tenth of the plugin's cost. A parsed document is kept as JSON, with the text it
was parsed from, in `<user folder>/toml/<cache tag>-<crc of the Python build>/<crc of the text>.json`; a later run
that reads the same text takes the document from there, and `json` (which flake8 loads already) decodes it in C.

- Kept only when JSON gives back exactly what the parser gave: tables, arrays, strings, integers, booleans and
  finite floats. A document with a date, a time or a non-finite float is parsed on every run.
- The entry holds the whole text, and is used only for that text: a checksum collision or a changed file is a miss.
- Only with the standard library's `tomllib` (Python 3.11 on), keyed by the Python build: `tomli`, on 3.10, is a
  separate package whose version the key could not name without importing it.
- A file is trusted as the regular expressions' are (`user_cache.read_private`: this user's, writable by no one
  else); writes are atomic and follow a miss only. `HTTP_STATUS_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from .user_cache import KeptFolder, read_private_json

_MAX_BYTES = 1 << 20  # an entry holds the text and its document: twice a large pyproject.toml is far below this
_FORMAT = 1  # the entries' layout: a new layout starts a new folder


_kept = KeptFolder("toml")


def parsed(text: str) -> dict[str, Any]:
    """The document `text` holds, as `tomllib.loads(text)` gives it; `ValueError` (the parser's
    `TOMLDecodeError`) when it is not TOML."""
    folder = _folder()
    if folder is None:
        return _parse(text)
    path = _entry_path(folder, text)
    document = _load(path, text)
    if document is not None:
        return document
    document = _parse(text)
    if _plain(document):
        _store(path, text, document)
    return document


def _parse(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    document: dict[str, Any] = tomllib.loads(text)
    return document


def _plain(value: object, depth: int = 0) -> bool:
    """Whether JSON gives `value` back as it is, types included (a bool stays a bool, an int an int)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool:
        return True
    if isinstance(value, float) and kind is float:
        return value - value == 0.0  # finite: inf - inf and nan - nan are nan
    if depth > 100:  # deeper than any settings file; JSON's decoder would need the recursion too
        return False
    if isinstance(value, list) and kind is list:
        return all(_plain(item, depth + 1) for item in value)
    if isinstance(value, dict) and kind is dict:
        return all(type(key) is str and _plain(item, depth + 1) for key, item in value.items())
    return False  # a date, a time, a datetime


# The files


def _folder() -> str | None:
    """`<user folder>/toml/<cache tag>-<crc of the build>`; None when turned off, with no home, or on Python 3.10."""
    return _kept.path((sys.implementation.name, sys.version, _FORMAT) if sys.version_info >= (3, 11) else None)


def _entry_path(folder: str, text: str) -> str:
    import binascii  # loaded by flake8 already

    data = text.encode("utf-8", "surrogatepass")
    return os.path.join(folder, f"{binascii.crc32(data):08x}-{len(data)}.json")


def _load(path: str, text: str) -> dict[str, Any] | None:
    """The document kept in `path` for `text`; None for a missing, foreign, damaged or other text's file."""
    body = read_private_json(path, _MAX_BYTES)
    if body is None or body.get("text") != text:
        return None
    document = body.get("document")
    return document if isinstance(document, dict) else None


def _store(path: str, text: str, document: dict[str, Any]) -> None:
    import json  # loaded by flake8 already

    payload = json.dumps({"text": text, "document": document}, separators=(",", ":")).encode("utf-8", "surrogatepass")
    if len(payload) <= _MAX_BYTES:  # else it would never be read back
        _kept.store(path, payload)
