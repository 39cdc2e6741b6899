"""The type of each style family's constants: `http.HTTPStatus` members or plain ints (`value_uses` says where the
difference shows). Apart from `value_uses` so that a rule naming the type it writes does not load the survey, which
only a fix's safety needs."""

from __future__ import annotations

from typing import Final

INT: Final = "int"
ENUM: Final = "HTTPStatus"

# The type of the values each family holds (the families' keys in `families.Constant.family`).
_FAMILY_TYPES: Final[dict[str, str]] = {
    "httpstatus": ENUM,
    "http.client": ENUM,  # http.client's constants are the HTTPStatus members themselves
    "httpx": "httpx.codes",  # an IntEnum of its own, whose str() is the number
    "falcon": "str",  # status lines
}


def family_type(family: str) -> str:
    """The type of a family's constants: `ENUM` for `http.HTTPStatus`, `INT` for the framework families."""
    return _FAMILY_TYPES.get(family, INT)
