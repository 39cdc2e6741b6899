"""`--output-format github`: one GitHub Actions workflow command per finding, which the run shows as an
annotation on the line (`::error title=...,file=...,line=...,col=...,endLine=...,endColumn=...::message`).

GitHub reads `%`, CR and LF in a command's message as escapes (`%25`, `%0D`, `%0A`), and in its properties
also `:` and `,` (`%3A`, `%2C`), which would otherwise end a property.
"""

from __future__ import annotations

from collections.abc import Sequence

from .record import Record
from .rule_texts import slug_of


def render(records: Sequence[Record]) -> str:
    return "".join(f"{command(record)}\n" for record in records)


def command(record: Record) -> str:
    properties = {
        "title": f"{record.code} ({slug_of(record.code)})",
        "file": record.path,
        "line": str(record.location.row),
        "col": str(record.location.column),
        "endLine": str(record.end_location.row),
        "endColumn": str(record.end_location.column),
    }
    said = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::error {said}::{escape_data(f'{record.code} {record.message}')}"


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
