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

# `converts` (checked on CPython 3.10-3.13 http.server): send_response() logs `code.value` and writes `%d`;
# send_error() puts `%(code)s` in the error page, which reads 'HTTPStatus.NOT_FOUND' on Python 3.10. From 3.11
# that text is the number, yet send_error() stays non-converting for every target: a handler class (or a base
# in another module) may override send_error(), log_error() or `error_message_format` and see the object.
METHODS = (
    MethodRow(
        ("send_response", "send_response_only"),
        _SELF,
        Api("http.server", "send_response", Role.SET, (Slot(0, "code"),), converts=True),
    ),
    MethodRow(("send_error",), _SELF, Api("http.server", "send_error", Role.RAISE, (Slot(0, "code"),))),
)

FRAMEWORK = Framework(
    "http.server",
    methods=METHODS,
)
