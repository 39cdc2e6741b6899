"""`--output-format sarif`: a SARIF 2.1.0 log, as GitHub code scanning uploads it.

One run; its driver lists every rule of the registry (id, slug as name, short and full description, help page,
default level), and each result points at its rule by id and index. Columns are counted in code points
(`columnKind`), and file locations are relative to the current directory (`%SRCROOT%`) where they can be.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any

from .. import __version__
from ..doc_links import SITE, rule_url
from ..rules.registry import RULES
from .record import Record

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
NAME = "flake8-http-status"
_ROOT = "%SRCROOT%"


def render(records: Sequence[Record], lang: str = "en") -> str:
    return json.dumps(log(records, lang), indent=2, ensure_ascii=False) + "\n"


def log(records: Sequence[Record], lang: str = "en") -> dict[str, Any]:
    index = {rule.code: number for number, rule in enumerate(RULES)}
    return {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [
            {
                "tool": {"driver": _driver(lang)},
                "originalUriBaseIds": {_ROOT: {"uri": Path.cwd().as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(record, index) for record in records],
            }
        ],
    }


def _driver(lang: str) -> dict[str, Any]:
    return {
        "name": NAME,
        "version": __version__,
        "informationUri": SITE,
        "rules": [
            {
                "id": rule.code,
                "name": rule.slug,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.doc.what},
                "helpUri": rule_url(rule.code, lang),
                "defaultConfiguration": {"level": "error", "enabled": rule.default},
            }
            for rule in RULES
        ],
    }


def _result(record: Record, index: dict[str, int]) -> dict[str, Any]:
    result: dict[str, Any] = {"ruleId": record.code, "level": "error", "message": {"text": record.message}}
    if record.code in index:
        result["ruleIndex"] = index[record.code]
    result["locations"] = [
        {
            "physicalLocation": {
                "artifactLocation": _artifact(record.absolute),
                "region": {
                    "startLine": record.location.row,
                    "startColumn": record.location.column,
                    "endLine": record.end_location.row,
                    "endColumn": record.end_location.column,
                },
            }
        }
    ]
    return result


def _artifact(absolute: str) -> dict[str, str]:
    """A path under the current directory as a relative URI against `%SRCROOT%`; any other as a file URI."""
    relative = os.path.relpath(absolute)
    if relative == ".." or relative.startswith(("../", "..\\")) or os.path.isabs(relative):
        return {"uri": Path(absolute).as_uri()}
    return {"uri": _quoted(PurePath(relative).as_posix()), "uriBaseId": _ROOT}


def _quoted(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/")
