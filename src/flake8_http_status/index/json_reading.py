"""Checked readers of JSON data for the summaries the cache gives back: each returns the value when it has the
shape asked for and raises `TypeError` otherwise, so that a reader refuses a malformed entry as a whole
(`MALFORMED` are the errors it catches) and never half reads one."""

from __future__ import annotations

from typing import Any, TypeVar

JSON = Any  # what `json.loads` gives: checked field by field before use
MALFORMED = (TypeError, ValueError, KeyError, AttributeError)

_Wanted = TypeVar("_Wanted")


def text(value: JSON) -> str:
    return _checked(value, str)


def optional_text(value: JSON) -> str | None:
    return None if value is None else text(value)


def integer(value: JSON) -> int:
    if type(value) is not int:  # bool is an int too, and is not a position
        raise TypeError(value)
    return value


def optional_integer(value: JSON) -> int | None:
    return None if value is None else integer(value)


def flag(value: JSON) -> bool:
    return _checked(value, bool)


def mapping(value: JSON) -> dict[Any, Any]:
    return _checked(value, dict)


def listing(value: JSON) -> list[Any]:
    return _checked(value, list)


def _checked(value: JSON, wanted: type[_Wanted]) -> _Wanted:
    if not isinstance(value, wanted):
        raise TypeError(value)
    return value
