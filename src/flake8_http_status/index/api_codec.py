"""A status row (`api.rows.Api`) as plain JSON data, and back.

A project helper's row is a framework row with its slot moved to the helper's parameter, so every field is a
string, a number, a boolean, None, an enum's value or a tuple of those. Reading back checks each field's type:
data that does not have the shape of a row is refused as a whole (`None`), never half read.
"""

from __future__ import annotations

from typing import Any

from ..api.rows import Api, Misplaced, Role, Slot, Text

JSON = Any  # what `json.loads` gives: checked field by field before use


def encode(api: Api) -> dict[str, JSON]:
    return {
        "framework": api.framework,
        "label": api.label,
        "role": api.role.value,
        "slots": [[slot.position, slot.keyword] for slot in api.slots],
        "fixed": api.fixed,
        "default": api.default,
        "accepts": None if api.accepts is None else sorted(api.accepts),
        "rejects_why": api.rejects_why,
        "misplaced": [[m.position, m.parameter, m.minimum_args] for m in api.misplaced],
        "fix_keyword": api.fix_keyword,
        "text": api.text.value,
        "keys_of": api.keys_of,
        "flags": [name for name in _FLAGS if getattr(api, name)],
        "declared_by": api.declared_by,
    }


_FLAGS = ("tuple_keys", "many", "generic", "registered", "stringified", "converts")


def decode(data: JSON) -> Api | None:
    """The row `data` encodes, or None when it is not one."""
    try:
        return _decode(data)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def _decode(data: JSON) -> Api | None:
    if not isinstance(data, dict):
        return None
    accepts = data["accepts"]
    flags = data["flags"]
    if not isinstance(flags, list) or not all(flag in _FLAGS for flag in flags):
        return None
    return Api(
        framework=_text(data["framework"]),
        label=_text(data["label"]),
        role=Role(data["role"]),
        slots=tuple(Slot(_number(p), _optional_text(k)) for p, k in data["slots"]),
        fixed=_number(data["fixed"]),
        default=_number(data["default"]),
        accepts=None if accepts is None else frozenset(_int(code) for code in accepts),
        rejects_why=_text(data["rejects_why"]),
        misplaced=tuple(Misplaced(_int(p), _optional_text(n), _int(m)) for p, n, m in data["misplaced"]),
        fix_keyword=_optional_text(data["fix_keyword"]),
        text=Text(data["text"]),
        keys_of=_optional_text(data["keys_of"]),
        declared_by=_optional_text(data["declared_by"]),
        **{flag: flag in flags for flag in _FLAGS},
    )


def _text(value: JSON) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _optional_text(value: JSON) -> str | None:
    return None if value is None else _text(value)


def _int(value: JSON) -> int:
    if type(value) is not int:  # bool is an int too, and is not a position
        raise TypeError(value)
    return value


def _number(value: JSON) -> int | None:
    return None if value is None else _int(value)
