"""Quart: Flask's API on asyncio, with stricter return tuples."""

from __future__ import annotations

from .common import WERKZEUG_ABORTABLE
from .framework import Framework
from .idioms import (
    AuthDecorator,
    Bodiless,
    BodyArgument,
    BodyPolicy,
    HeaderArgument,
    PermissionSetting,
    PlainReturn,
    RouteDecorator,
    ViewClass,
)
from .rows import Api, CallRow, MethodRow, Receiver, ReturnRow, Role, Slot, Text

APPS = ("quart.Quart", "quart.app.Quart", "quart.Blueprint", "quart.blueprints.Blueprint")

# `converts` (checked on Quart 0.22): responses, redirect(), return tuples and abort() store an int (Werkzeug's
# sans-IO status setter and Aborter); errorhandler() keys the handler by the exception class's int `code`.
CALLS = (
    CallRow(
        ("quart.abort", "quart.helpers.abort"),
        Api(
            "quart",
            "quart.abort",
            Role.RAISE,
            (Slot(0, "code"),),
            accepts=WERKZEUG_ABORTABLE,
            rejects_why="it raises LookupError, so the client gets a 500",
            converts=True,
        ),
    ),
    CallRow(
        ("quart.redirect", "quart.helpers.redirect"),
        Api("quart", "quart.redirect", Role.REDIRECT, (Slot(1, "code"),), default=302, converts=True),
    ),
    CallRow(
        ("quart.make_response", "quart.helpers.make_response"),
        Api("quart", "make_response", Role.SET, (Slot(1),), default=200, text=Text.CODE_ONLY, converts=True),
    ),
    CallRow(
        ("quart.Response", "quart.wrappers.Response", "quart.wrappers.response.Response"),
        Api("quart", "quart.Response", Role.SET, (Slot(1, "status"),), default=200, converts=True),
    ),
)

METHODS = (
    MethodRow(
        ("errorhandler", "app_errorhandler", "register_error_handler"),
        Receiver(owners=APPS, gate=("quart",)),
        Api(
            "quart",
            "errorhandler",
            Role.ERROR_HANDLER,
            (Slot(0),),
            accepts=WERKZEUG_ABORTABLE,
            rejects_why="Quart raises ValueError when the handler is registered",
            converts=True,
        ),
    ),
)

RETURNS = (
    ReturnRow(
        "quart",
        APPS,
        ("quart.views.MethodView", "quart.views.View"),
        (
            "quart.jsonify",
            "quart.render_template",
            "quart.render_template_string",
            "quart.make_response",
            "quart.Response",
        ),
        ("quart",),
        # Quart applies the status with int(), so "201" works and "201 Created" raises ValueError.
        Api("quart", "a Quart view's return tuple", Role.SET, default=200, text=Text.CODE_ONLY, converts=True),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

ROUTE_DECORATORS = (
    RouteDecorator("quart", None, attributes=("route",), owners=APPS, gate=("quart",), methods=Slot(None, "methods")),
    *(
        RouteDecorator("quart", verb.upper(), attributes=(verb,), owners=APPS, gate=("quart",))
        for verb in ("get", "post", "put", "patch", "delete")
    ),
)

VIEW_CLASSES = (ViewClass("quart", ("quart.views.MethodView", "quart.views.View")),)

AUTH_DECORATORS = (AuthDecorator("quart", names=("quart_auth.login_required",)),)

PERMISSION_SETTINGS = (PermissionSetting("quart", decorators_attribute="decorators"),)

HEADER_ARGUMENTS = (
    HeaderArgument("quart", ("quart.abort",), "WWW-Authenticate", Slot(None, "www_authenticate")),
    HeaderArgument("quart", ("quart.abort",), "Allow", Slot(None, "valid_methods")),
    HeaderArgument("quart", ("quart.abort",), "Retry-After", Slot(None, "retry_after")),
)

# `make_response(rv)` with one argument answers what a view returning `rv` would (HTS911 reads it).
BODY_ARGUMENTS = (BodyArgument("quart", ("make_response",), Slot(0)),)

FRAMEWORK = Framework(
    "quart",
    roots=("quart",),
    builds_on=("werkzeug",),
    path_parameters=(r"<[^>]*>",),
    calls=CALLS,
    methods=METHODS,
    returns=RETURNS,
    route_decorators=ROUTE_DECORATORS,
    view_classes=VIEW_CLASSES,
    auth_decorators=AUTH_DECORATORS,
    permission_settings=PERMISSION_SETTINGS,
    header_arguments=HEADER_ARGUMENTS,
    body_arguments=BODY_ARGUMENTS,
    plain_return=PlainReturn(
        "quart", 200, ("quart",), body_calls=("quart.jsonify", "quart.render_template", "quart.render_template_string")
    ),
    bodiless=Bodiless("quart", BodyPolicy.DROPPED, "Quart"),
)
