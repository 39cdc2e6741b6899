"""The standard library's `http.server` request handlers."""

from __future__ import annotations

from .framework import Framework
from .rows import Api, MethodRow, Receiver, Role, Slot

HANDLERS = (
    "http.server.BaseHTTPRequestHandler",
    "http.server.SimpleHTTPRequestHandler",
    "http.server.CGIHTTPRequestHandler",
)
_SELF = Receiver(owners=HANDLERS, gate=("http.server",), names=("self",))

# `converts` is False on every row (checked on CPython 3.10.13, 3.11.7, 3.12.1 and 3.13.0 http/server.py, the same
# code in each): send_response(code) hands the object to `self.log_request(code)` before `send_response_only` writes
# it with `%d`. log_request() and log_message() are the documented places to override, and an override receives the
# HTTPStatus member itself: Python's own log_request turns it into its int only because it tests
# `isinstance(code, HTTPStatus)` first, and a user's `%s` prints 'HTTPStatus.OK' on Python 3.10 and its repr on every
# version. send_response_only() is overridable the same way (send_response calls it through `self`), so it does not
# convert either; a handler that overrides none of them may be subclassed, or have a base in another module, that
# does. send_error() puts `%(code)s` in the error page ('HTTPStatus.NOT_FOUND' on 3.10) and calls log_error().
METHODS = (
    MethodRow(
        ("send_response", "send_response_only"),
        _SELF,
        Api("http.server", "send_response", Role.SET, (Slot(0, "code"),)),
    ),
    MethodRow(("send_error",), _SELF, Api("http.server", "send_error", Role.RAISE, (Slot(0, "code"),))),
)

FRAMEWORK = Framework(
    "http.server",
    methods=METHODS,
)
