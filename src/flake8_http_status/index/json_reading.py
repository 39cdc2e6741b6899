"""Checked readers of JSON data for the summaries the cache gives back: each returns the value when it has the
shape asked for and raises `TypeError` otherwise, so that a reader refuses a malformed entry as a whole
(`MALFORMED` are the errors it catches) and never half reads one."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain, repeat
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


# A summary holds hundreds of names: checked in one pass in C (`map(type, ...)`), they cost a small part of a call to
# `text` for each. `json.loads` makes exact `str` and `int` objects, so comparing types is `isinstance` here (and
# keeps bools out of the integers, as `integer` does).
_TEXT: frozenset[type] = frozenset({str})
_INTEGER = frozenset({int})


def texts(value: JSON) -> list[str]:
    """A list of strings."""
    items = listing(value)
    if not _TEXT.issuperset(map(type, items)):
        raise TypeError(value)
    return items


def text_table(value: JSON) -> dict[str, str]:
    """A mapping of strings to strings."""
    table = mapping(value)
    if not (_TEXT.issuperset(map(type, table)) and _TEXT.issuperset(map(type, table.values()))):
        raise TypeError(value)
    return table


def integer_table(value: JSON) -> dict[str, int]:
    """A mapping of strings to integers."""
    table = mapping(value)
    if not (_TEXT.issuperset(map(type, table)) and _INTEGER.issuperset(map(type, table.values()))):
        raise TypeError(value)
    return table


_OPTIONAL_TEXT: frozenset[type] = frozenset({str, type(None)})


def optional_texts(value: JSON) -> list[str | None]:
    """A list of strings and nulls."""
    items = listing(value)
    if not _OPTIONAL_TEXT.issuperset(map(type, items)):
        raise TypeError(value)
    return items


# The same checks over a column of values (one field of each class of a summary), each in one pass in C.


def all_flags(values: Iterable[JSON]) -> None:
    """Each of `values` is a bool (`flag`)."""
    if not all(map(isinstance, values, repeat(bool))):
        raise TypeError(values)


def all_mappings(values: Iterable[JSON]) -> None:
    """Each of `values` is a mapping (`mapping`)."""
    if not all(map(isinstance, values, repeat(dict))):
        raise TypeError(values)


def all_texts(lists: Iterable[JSON]) -> None:
    """Each of `lists` is a list of strings (`texts`)."""
    _all_of(lists, _TEXT)


def all_optional_texts(lists: Iterable[JSON]) -> None:
    """Each of `lists` is a list of strings and nulls (`optional_texts`)."""
    _all_of(lists, _OPTIONAL_TEXT)


def _all_of(lists: Iterable[JSON], types: frozenset[type]) -> None:
    items = list(lists)
    if not (all(map(isinstance, items, repeat(list))) and types.issuperset(map(type, chain.from_iterable(items)))):
        raise TypeError(items)
