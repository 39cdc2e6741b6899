"""`--output-format json`: a list of objects shaped like ruff's JSON output (code, filename, message,
location and end_location with 1-based row and column, fix with applicability and edits, noqa_row, url)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .record import FixRecord, Location, Record


def render(records: Sequence[Record]) -> str:
    return json.dumps([as_object(record) for record in records], indent=2, ensure_ascii=False) + "\n"


def as_object(record: Record) -> dict[str, Any]:
    return {
        "code": record.code,
        "filename": record.absolute,
        "message": record.message,
        "location": _location(record.location),
        "end_location": _location(record.end_location),
        "fix": _fix(record.fix),
        "noqa_row": record.noqa_row,
        "url": record.url,
    }


def _location(location: Location) -> dict[str, int]:
    return {"row": location.row, "column": location.column}


def _fix(fix: FixRecord | None) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {
        "applicability": fix.applicability,
        "message": fix.message,
        "edits": [
            {
                "content": edit.content,
                "location": _location(edit.location),
                "end_location": _location(edit.end_location),
            }
            for edit in fix.edits
        ],
    }
