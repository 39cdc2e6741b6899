"""`--statistics`: how many findings of each rule, most first, with the rule's slug and whether it has fixes."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from .record import Record
from .rule_texts import slug_of


def counts(records: Sequence[Record]) -> list[dict[str, Any]]:
    by_code = Counter(record.code for record in records)
    safe = {record.code for record in records if record.fixable == "safe"}
    ordered = sorted(by_code.items(), key=lambda item: (-item[1], item[0]))
    return [{"code": code, "name": slug_of(code), "count": count, "fixable": code in safe} for code, count in ordered]


def text(records: Sequence[Record]) -> str:
    rows = counts(records)
    width = max((len(str(row["count"])) for row in rows), default=1)
    return "".join(
        f"{row['count']:>{width}}  {row['code']}  {'[*]' if row['fixable'] else '   '}  {row['name']}\n" for row in rows
    )


def json_text(records: Sequence[Record]) -> str:
    return json.dumps(counts(records), indent=2) + "\n"
