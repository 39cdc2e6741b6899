"""Tornado's RequestHandler methods, HTTPError and its client's `.code`."""

from __future__ import annotations

from .framework import Framework
from .idioms import (
    Auth,
    AuthCheck,
    AuthDecorator,
    Bodiless,
    BodyPolicy,
    BodyWrite,
    RedirectFlags,
    RequestData,
    ViewClass,
)
from .rows import Api, CallRow, MethodRow, Misplaced, Receiver, Role, Slot

HANDLERS = ("tornado.web.RequestHandler", "tornado.web.ErrorHandler", "tornado.websocket.WebSocketHandler")
_SELF = Receiver(owners=HANDLERS, gate=("tornado",), names=("self",))

# `converts` is False on every row (checked on Tornado 6.6): set_status() stores the object
# (`self._status_code = status_code`), which get_status(), write_error() and HTTPError.status_code hand back to
# the application (an `on_finish` or `log_function` override reads it); only Tornado's own uses are `%d` (the
# status line, the access log) and lookups. redirect() and send_error() go through set_status().
CALLS = (
    CallRow(
        ("tornado.web.HTTPError",),
        Api("tornado", "tornado.web.HTTPError", Role.RAISE, (Slot(0, "status_code"),), default=500),
    ),
)

METHODS = (
    MethodRow(("set_status",), _SELF, Api("tornado", "set_status", Role.SET, (Slot(0, "status_code"),))),
    MethodRow(("send_error",), _SELF, Api("tornado", "send_error", Role.RAISE, (Slot(0, "status_code"),), default=500)),
    MethodRow(
        ("redirect",),
        _SELF,
        Api(
            "tornado",
            "RequestHandler.redirect",
            Role.REDIRECT,
            (Slot(2, "status"),),
            default=302,
            accepts=frozenset(range(300, 400)),
            rejects_why="it fails an assertion, so the client gets a 500",
            # The second positional is `permanent`: any non-zero status there means 301.
            misplaced=(Misplaced(1, "permanent"),),
            fix_keyword="status",
        ),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

VIEW_CLASSES = (ViewClass("tornado", HANDLERS),)

# Unauthenticated GET/HEAD are redirected to the login page; other methods get 403.
AUTH_DECORATORS = (AuthDecorator("tornado", names=("tornado.web.authenticated",)),)

AUTH_CHECKS = (
    AuthCheck("tornado", "current_user", Auth.AUTHENTICATED, receivers=("self",), none_means_anonymous=True),
)

# finish() with content on a 204/304 fails an assertion: the client gets a 500.

BODY_WRITES = (BodyWrite("tornado", ("self",), methods=("write", "finish"), slot=Slot(0, "chunk")),)

REDIRECT_FLAGS = (RedirectFlags("tornado", ("RequestHandler.redirect",), permanent=Slot(1, "permanent")),)

REQUEST_DATA = (
    RequestData(
        "tornado",
        ("self",),
        (
            "get_argument",
            "get_arguments",
            "get_body_argument",
            "get_body_arguments",
            "get_query_argument",
            "get_query_arguments",
            "path_args",
            "path_kwargs",
        ),
    ),
)

FRAMEWORK = Framework(
    "tornado",
    roots=("tornado",),
    calls=CALLS,
    methods=METHODS,
    view_classes=VIEW_CLASSES,
    auth_decorators=AUTH_DECORATORS,
    auth_checks=AUTH_CHECKS,
    body_writes=BODY_WRITES,
    redirect_flags=REDIRECT_FLAGS,
    request_data=REQUEST_DATA,
    bodiless=Bodiless("tornado", BodyPolicy.FAILS, "Tornado"),
)
