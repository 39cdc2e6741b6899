"""A status row (`api.rows.Api`) as plain JSON data, and back.

A project helper's row is a framework row with its slot moved to the helper's parameter, so every field is a
string, a number, a boolean, None, an enum's value or a tuple of those. Reading back checks each field's type:
data that does not have the shape of a row is refused as a whole (`None`), never half read.
"""

from __future__ import annotations

from ..api.rows import Api, Misplaced, Role, Slot, Text
from .json_reading import JSON, MALFORMED, integer, optional_integer, optional_text, text


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
    except MALFORMED:
        return None


def _decode(data: JSON) -> Api | None:
    if not isinstance(data, dict):
        return None
    accepts = data["accepts"]
    flags = data["flags"]
    if not isinstance(flags, list) or not all(flag in _FLAGS for flag in flags):
        return None
    return Api(
        framework=text(data["framework"]),
        label=text(data["label"]),
        role=Role(data["role"]),
        slots=tuple(Slot(optional_integer(p), optional_text(k)) for p, k in data["slots"]),
        fixed=optional_integer(data["fixed"]),
        default=optional_integer(data["default"]),
        accepts=None if accepts is None else frozenset(integer(code) for code in accepts),
        rejects_why=text(data["rejects_why"]),
        misplaced=tuple(Misplaced(integer(p), optional_text(n), integer(m)) for p, n, m in data["misplaced"]),
        fix_keyword=optional_text(data["fix_keyword"]),
        text=Text(data["text"]),
        keys_of=optional_text(data["keys_of"]),
        declared_by=optional_text(data["declared_by"]),
        **{flag: flag in flags for flag in _FLAGS},
    )
