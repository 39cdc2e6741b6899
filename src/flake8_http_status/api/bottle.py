"""Bottle: the thread-local `response`, HTTPResponse/HTTPError, abort, redirect and error handlers."""

from __future__ import annotations

from .framework import Framework
from .idioms import AuthDecorator, Bodiless, BodyPolicy, PlainReturn, RouteDecorator
from .rows import Api, AttributeRow, CallRow, MethodRow, Receiver, Role, Slot, Text

# `converts` (checked on Bottle 0.13.5): only error(code), which keys the handler by `int(code)`. HTTPResponse,
# HTTPError, abort(), redirect() and `response.status = ...` keep the object as `status_code` (`_set_status`
# stores `code` as given; only the status line comes from Bottle's own table), which the application reads.
CALLS = (
    CallRow(
        ("bottle.HTTPResponse",),
        Api("bottle", "HTTPResponse", Role.SET, (Slot(1, "status"),), default=200, text=Text.LINE_ONLY),
    ),
    CallRow(
        ("bottle.HTTPError",),
        Api("bottle", "HTTPError", Role.RAISE, (Slot(0, "status"),), default=500, text=Text.LINE_ONLY),
    ),
    CallRow(("bottle.abort",), Api("bottle", "bottle.abort", Role.RAISE, (Slot(0, "code"),), default=500)),
    CallRow(("bottle.redirect",), Api("bottle", "bottle.redirect", Role.REDIRECT, (Slot(1, "code"),), default=303)),
    CallRow(("bottle.error",), Api("bottle", "bottle.error", Role.ERROR_HANDLER, (Slot(0, "code"),), converts=True)),
)

METHODS = (
    MethodRow(
        ("error",),
        Receiver(owners=("bottle.Bottle",)),
        Api("bottle", "Bottle.error", Role.ERROR_HANDLER, (Slot(0, "code"),), converts=True),
    ),
)

ATTRIBUTES = (
    AttributeRow(
        "status",
        Receiver(owners=("bottle.response", "bottle.HTTPResponse", "bottle.BaseResponse", "bottle.LocalResponse")),
        # Bottle takes an int or a whole "404 Not Found" line; "404" alone raises ValueError.
        Api("bottle", "response.status", Role.SET, text=Text.LINE_ONLY),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

_VERBS = ("get", "post", "put", "patch", "delete")
ROUTE_DECORATORS = (
    RouteDecorator("bottle", None, names=("bottle.route",), methods=Slot(1, "method")),
    *(RouteDecorator("bottle", verb.upper(), names=(f"bottle.{verb}",)) for verb in _VERBS),
    RouteDecorator(
        "bottle", None, attributes=("route",), owners=("bottle.Bottle",), gate=("bottle",), methods=Slot(1, "method")
    ),
    *(
        RouteDecorator("bottle", verb.upper(), attributes=(verb,), owners=("bottle.Bottle",), gate=("bottle",))
        for verb in _VERBS
    ),
)

# auth_basic answers 401 with a Basic challenge unless the check passes.
AUTH_DECORATORS = (AuthDecorator("bottle", names=("bottle.auth_basic",)),)

FRAMEWORK = Framework(
    "bottle",
    roots=("bottle",),
    path_parameters=(r"<[^>]*>", r":\w+"),
    calls=CALLS,
    methods=METHODS,
    attributes=ATTRIBUTES,
    route_decorators=ROUTE_DECORATORS,
    auth_decorators=AUTH_DECORATORS,
    plain_return=PlainReturn("bottle", 200, ("bottle",), body_calls=("bottle.template",)),
    bodiless=Bodiless("bottle", BodyPolicy.DROPPED, "Bottle"),
)
