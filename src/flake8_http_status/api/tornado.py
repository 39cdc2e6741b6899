"""Tornado's RequestHandler methods, HTTPError and its client's `.code`."""

from __future__ import annotations

from .model import Api, CallRow, MethodRow, Misplaced, Receiver, Role, Slot

HANDLERS = ("tornado.web.RequestHandler", "tornado.web.ErrorHandler", "tornado.websocket.WebSocketHandler")
_SELF = Receiver(owners=HANDLERS, gate=("tornado",), names=("self",))

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
            "tornado", "RequestHandler.redirect", Role.REDIRECT, (Slot(2, "status"),), default=302,
            accepts=frozenset(range(300, 400)), rejects_why="it fails an assertion, so the client gets a 500",
            # The second positional is `permanent`: any non-zero status there means 301.
            misplaced=(Misplaced(1, "permanent"),), fix_keyword="status",
        ),
    ),
)
