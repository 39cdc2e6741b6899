"""Sanic's response helpers, SanicException and its exception classes."""

from __future__ import annotations

from .common import RESPONSE_NAMES, fixed
from .framework import Framework
from .idioms import (
    AuthDecorator,
    Bodiless,
    BodyArgument,
    BodyPolicy,
    HeaderArgument,
    Rendering,
    RouteDecorator,
    ViewClass,
)
from .rows import (
    Api,
    AttributeRow,
    CallRow,
    ClassAttributeRow,
    Misplaced,
    Receiver,
    Role,
    Slot,
    Text,
)

_MODULES = ("sanic", "sanic.response", "sanic.response.convenience", "sanic.response.types")
# Sanic refuses anything below 200 when it sends the response.
_SENDABLE = frozenset(range(200, 600))
_WHY = "Sanic raises RuntimeError when it sends the response"
SANIC_EXCEPTION = ("sanic.exceptions.SanicException", "sanic.SanicException")


def _helper(name: str, position: int, default: int, role: Role = Role.SET) -> CallRow:
    return CallRow(
        tuple(f"{module}.{name}" for module in _MODULES),
        Api(
            "sanic",
            f"sanic.{name}",
            role,
            (Slot(position, "status"),),
            default=default,
            accepts=_SENDABLE,
            rejects_why=_WHY,
            text=Text.INT_ONLY,
        ),
    )


# `converts` is False on every row (checked on Sanic 25.12): responses and SanicException store the object
# (`HTTPResponse.status`, `SanicException.status_code`), which response middleware reads, and Sanic's own access
# log writes the response's status with `%(status)s` (`logging/formatter.py`), 'HTTPStatus.CREATED' on
# Python 3.10. The status line itself is an f-string (the same on every Python).
CALLS = (
    *(
        _helper(name, 1, 200)
        for name in ("json", "text", "html", "raw", "file", "file_stream", "HTTPResponse", "JSONResponse")
    ),
    _helper("empty", 0, 204),
    CallRow(
        tuple(f"{module}.redirect" for module in _MODULES),
        Api(
            "sanic",
            "sanic.redirect",
            Role.REDIRECT,
            (Slot(2, "status"),),
            default=302,
            text=Text.INT_ONLY,
            misplaced=(Misplaced(1, "headers"),),
            fix_keyword="status",
        ),
    ),
    CallRow(
        SANIC_EXCEPTION,
        Api("sanic", "SanicException", Role.RAISE, (Slot(1, "status_code"),), default=500, text=Text.INT_ONLY),
    ),
    *fixed(
        "sanic",
        "sanic.exceptions",
        {
            "BadRequest": 400,
            "Unauthorized": 401,
            "Forbidden": 403,
            "NotFound": 404,
            "MethodNotAllowed": 405,
            "RequestTimeout": 408,
            "PayloadTooLarge": 413,
            "RangeNotSatisfiable": 416,
            "ExpectationFailed": 417,
            "ServerError": 500,
            "ServiceUnavailable": 503,
        },
    ),
)

ATTRIBUTES = (
    AttributeRow(
        "status",
        Receiver(owners=("sanic.response.HTTPResponse", "sanic.HTTPResponse"), gate=("sanic",), names=RESPONSE_NAMES),
        Api("sanic", "HTTPResponse.status", Role.SET, text=Text.INT_ONLY, accepts=_SENDABLE, rejects_why=_WHY),
    ),
)

CLASS_ATTRIBUTES = (
    ClassAttributeRow(SANIC_EXCEPTION, "status_code", Api("sanic", "SanicException.status_code", Role.CLASS)),
)

# Handler idioms -----------------------------------------------------------------------------------

_APPS = ("sanic.Sanic", "sanic.app.Sanic", "sanic.Blueprint", "sanic.blueprints.Blueprint")
ROUTE_DECORATORS = (
    RouteDecorator("sanic", None, attributes=("route",), owners=_APPS, gate=("sanic",), methods=Slot(1, "methods")),
    *(
        RouteDecorator("sanic", verb.upper(), attributes=(verb,), owners=_APPS, gate=("sanic",))
        for verb in ("get", "post", "put", "patch", "delete", "head", "options")
    ),
)

VIEW_CLASSES = (ViewClass("sanic", ("sanic.views.HTTPMethodView",)),)

AUTH_DECORATORS = (AuthDecorator("sanic", names=("sanic_jwt.protected", "sanic_jwt.decorators.protected")),)

BODY_ARGUMENTS = (
    BodyArgument("sanic", ("sanic.text", "sanic.html", "sanic.raw", "sanic.HTTPResponse"), Slot(0, "body")),
    BodyArgument("sanic", ("sanic.json", "sanic.JSONResponse"), Slot(0, "body"), rendering=Rendering.ALWAYS),
)

HEADER_ARGUMENTS = (
    HeaderArgument("sanic", ("Unauthorized",), "WWW-Authenticate", Slot(1, "scheme")),
    HeaderArgument("sanic", ("MethodNotAllowed",), "Allow", Slot(2, "allowed_methods")),
)

FRAMEWORK = Framework(
    "sanic",
    roots=("sanic",),
    path_parameters=(r"<[^>]*>",),
    calls=CALLS,
    attributes=ATTRIBUTES,
    class_attributes=CLASS_ATTRIBUTES,
    route_decorators=ROUTE_DECORATORS,
    view_classes=VIEW_CLASSES,
    auth_decorators=AUTH_DECORATORS,
    body_arguments=BODY_ARGUMENTS,
    header_arguments=HEADER_ARGUMENTS,
    bodiless=Bodiless("sanic", BodyPolicy.DROPPED, "Sanic"),
)
