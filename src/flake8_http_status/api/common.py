"""Pieces several framework tables share."""

from __future__ import annotations

from typing import Final

from .rows import Api, CallRow, Role, Slot

# Names that, on their own, say a variable holds a response (matched whole or as a `_suffix`).
RESPONSE_NAMES: Final = ("response", "resp", "res", "rsp", "rv", "r", "result", "reply")

# Werkzeug's `default_exceptions` keys: the codes `abort()` and `errorhandler()` accept.
WERKZEUG_ABORTABLE: Final = frozenset(
    {
        400,
        401,
        403,
        404,
        405,
        406,
        408,
        409,
        410,
        411,
        412,
        413,
        414,
        415,
        416,
        417,
        418,
        421,
        422,
        423,
        424,
        428,
        429,
        431,
        451,
        500,
        501,
        502,
        503,
        504,
        505,
    }
)

REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})


def fixed(
    framework: str,
    module: str,
    codes: dict[str, int],
    role: Role = Role.RAISE,
    override: str | None = None,
    *,
    converts: bool = False,
) -> tuple[CallRow, ...]:
    """Rows for classes that carry one status (`HttpResponseForbidden`, `web.HTTPNotFound`).

    `override` names a keyword that still replaces the status (Django's `status=`); `converts` is the row's
    `Api.converts` fact for a status given there.
    """
    rows = []
    slots = (Slot(None, override),) if override else ()
    for name, code in codes.items():
        row_role = Role.REDIRECT if 300 <= code < 400 and code != 304 and role is not Role.SET else role
        rows.append(
            CallRow((f"{module}.{name}",), Api(framework, name, row_role, slots, fixed=code, converts=converts))
        )
    return tuple(rows)
