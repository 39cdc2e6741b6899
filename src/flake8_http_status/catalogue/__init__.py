"""The long-form status catalogue behind `docs/status-codes.md` and `http-status explain <code>`.

One `Entry` per registered code and language (`en`, `ko`), keyed by code. The plugin never loads it:
it needs only the lean `statuses` module.
"""

from __future__ import annotations

import importlib

from .entry import Entry


def entries(lang: str) -> dict[int, Entry]:
    found: dict[int, Entry] = importlib.import_module(f"{__package__}.{lang}").ENTRIES
    return found
