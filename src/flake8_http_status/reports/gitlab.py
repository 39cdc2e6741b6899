"""`--output-format gitlab`: a GitLab Code Quality report, a JSON list of issues.

Each issue's `fingerprint` must stay the same while the finding does, so that GitLab shows a merge request's
new and fixed findings rather than every finding below an edited line as new: it is a hash of the path, the code,
the text of the finding's line (stripped) and which occurrence of that same triple in the file this is, never the
line number.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from .record import Record
from .rule_texts import slug_of


def render(records: Sequence[Record]) -> str:
    return json.dumps(issues(records), indent=2, ensure_ascii=False) + "\n"


def issues(records: Sequence[Record]) -> list[dict[str, Any]]:
    seen: Counter[tuple[str, str, str]] = Counter()
    found = []
    for record in sorted(records, key=lambda r: (r.path, r.location, r.code)):
        key = (_posix(record.path), record.code, record.source_line)
        occurrence = seen[key]
        seen[key] += 1
        found.append(_issue(record, fingerprint(*key, occurrence)))
    return found


def fingerprint(path: str, code: str, source_line: str, occurrence: int) -> str:
    text = "\0".join((path, code, source_line, str(occurrence)))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _issue(record: Record, fingerprint: str) -> dict[str, Any]:
    return {
        "description": f"{record.code} {record.message}",
        "check_name": f"{record.code} ({slug_of(record.code)})",
        "fingerprint": fingerprint,
        "severity": "major",
        "location": {
            "path": _posix(record.path),
            "lines": {"begin": record.location.row, "end": record.end_location.row},
        },
    }


def _posix(path: str) -> str:
    return PurePath(path).as_posix()
