"""Werkzeug: the response, redirect and exception layer under Flask and Quart."""

from __future__ import annotations

from .common import RESPONSE_NAMES, WERKZEUG_ABORTABLE, fixed
from .framework import Framework
from .idioms import Bodiless, BodyArgument, BodyPolicy, HeaderArgument
from .rows import (
    Api,
    AttributeRow,
    CallRow,
    ClassAttributeRow,
    Receiver,
    Role,
    Slot,
    Text,
)

RESPONSE_CLASSES = (
    "werkzeug.Response",
    "werkzeug.wrappers.Response",
    "werkzeug.wrappers.response.Response",
    "werkzeug.sansio.response.Response",
)
HTTP_EXCEPTION = ("werkzeug.exceptions.HTTPException",)

# `converts` (checked on Werkzeug 3.1.9 by passing `http.HTTPStatus` members): Response(status=), the `status`
# setter, redirect() and append_slash_redirect() store `int(value)` (`_clean_status`); abort() looks the code up
# in its mapping and raises a class whose `code` is its own int. An `HTTPException.code` class attribute is
# whatever the class body holds, so it keeps the object.
CALLS = (
    CallRow(
        RESPONSE_CLASSES,
        Api("werkzeug", "Response", Role.SET, (Slot(1, "status"),), default=200, text=Text.LINE_OR_CODE, converts=True),
    ),
    CallRow(
        ("werkzeug.utils.redirect",),
        Api("werkzeug", "redirect", Role.REDIRECT, (Slot(1, "code"),), default=302, converts=True),
    ),
    CallRow(
        ("werkzeug.utils.append_slash_redirect",),
        Api("werkzeug", "append_slash_redirect", Role.REDIRECT, (Slot(1, "code"),), default=308, converts=True),
    ),
    CallRow(
        ("werkzeug.exceptions.abort",),
        Api(
            "werkzeug",
            "werkzeug.exceptions.abort",
            Role.RAISE,
            (Slot(0, "status"),),
            accepts=WERKZEUG_ABORTABLE,
            rejects_why="it raises LookupError, so the client gets a 500",
            converts=True,
        ),
    ),
    *fixed(
        "werkzeug",
        "werkzeug.exceptions",
        {
            "BadRequest": 400,
            "Unauthorized": 401,
            "Forbidden": 403,
            "NotFound": 404,
            "MethodNotAllowed": 405,
            "NotAcceptable": 406,
            "RequestTimeout": 408,
            "Conflict": 409,
            "Gone": 410,
            "LengthRequired": 411,
            "PreconditionFailed": 412,
            "RequestEntityTooLarge": 413,
            "RequestURITooLarge": 414,
            "UnsupportedMediaType": 415,
            "RequestedRangeNotSatisfiable": 416,
            "ExpectationFailed": 417,
            "ImATeapot": 418,
            "MisdirectedRequest": 421,
            "UnprocessableEntity": 422,
            "Locked": 423,
            "FailedDependency": 424,
            "PreconditionRequired": 428,
            "TooManyRequests": 429,
            "RequestHeaderFieldsTooLarge": 431,
            "UnavailableForLegalReasons": 451,
            "InternalServerError": 500,
            "NotImplemented": 501,
            "BadGateway": 502,
            "ServiceUnavailable": 503,
            "GatewayTimeout": 504,
            "HTTPVersionNotSupported": 505,
        },
    ),
)

# What Flask's and Quart's response factories return: their app's `response_class` or Werkzeug's redirect response,
# all built on Werkzeug's sans-IO Response (checked on Flask 3.1.3 and Quart 0.22: `make_response`, `jsonify`,
# `redirect` and `Response` give objects whose `status_code` and `status` setters both run `_clean_status`).
PROVEN_RESPONSES = (
    *RESPONSE_CLASSES,
    "werkzeug.utils.redirect",
    "flask.Response",
    "flask.wrappers.Response",
    "flask.make_response",
    "flask.helpers.make_response",
    "flask.jsonify",
    "flask.json.jsonify",
    "flask.redirect",
    "flask.helpers.redirect",
    "quart.Response",
    "quart.wrappers.Response",
    "quart.wrappers.response.Response",
    "quart.make_response",
    "quart.helpers.make_response",
    "quart.jsonify",
    "quart.json.jsonify",
    "quart.redirect",
    "quart.helpers.redirect",
)
_PROVEN = Receiver(owners=PROVEN_RESPONSES, proven=True)

ATTRIBUTES = (
    # `response.status_code = 503` and `response.status = 201` where the function binds `response` only from one of
    # those calls: the setters store `int(value)` and the status line from Werkzeug's own table (Werkzeug 3.1.9, on
    # Python 3.10 and 3.12 alike, `type(response.status_code) is int` after assigning an HTTPStatus member). Any
    # other receiver of `status_code` is left to the generic row, which converts nothing (Django's `status_code`
    # is a plain attribute that keeps the object).
    AttributeRow(
        "status_code", _PROVEN, Api("werkzeug", "Response.status_code", Role.SET, text=Text.LINE_OR_CODE, converts=True)
    ),
    AttributeRow(
        "status", _PROVEN, Api("werkzeug", "Response.status", Role.SET, text=Text.LINE_OR_CODE, converts=True)
    ),
    AttributeRow(
        "status",
        Receiver(owners=RESPONSE_CLASSES, gate=("werkzeug", "flask", "quart"), names=RESPONSE_NAMES),
        Api("werkzeug", "Response.status", Role.SET, text=Text.LINE_OR_CODE, converts=True),
    ),
)

CLASS_ATTRIBUTES = (ClassAttributeRow(HTTP_EXCEPTION, "code", Api("werkzeug", "HTTPException.code", Role.CLASS)),)

# Handler idioms -----------------------------------------------------------------------------------

BODY_ARGUMENTS = (BodyArgument("werkzeug", ("Response",), Slot(0, "response")),)

HEADER_ARGUMENTS = (
    HeaderArgument("werkzeug", ("Unauthorized",), "WWW-Authenticate", Slot(2, "www_authenticate")),
    HeaderArgument("werkzeug", ("MethodNotAllowed",), "Allow", Slot(0, "valid_methods")),
    HeaderArgument("werkzeug", ("TooManyRequests", "ServiceUnavailable"), "Retry-After", Slot(2, "retry_after")),
    HeaderArgument("werkzeug", ("werkzeug.exceptions.abort",), "WWW-Authenticate", Slot(None, "www_authenticate")),
    HeaderArgument("werkzeug", ("werkzeug.exceptions.abort",), "Allow", Slot(None, "valid_methods")),
    HeaderArgument("werkzeug", ("werkzeug.exceptions.abort",), "Retry-After", Slot(None, "retry_after")),
)

FRAMEWORK = Framework(
    "werkzeug",
    roots=("werkzeug",),
    path_parameters=(r"<[^>]*>",),
    calls=CALLS,
    attributes=ATTRIBUTES,
    class_attributes=CLASS_ATTRIBUTES,
    body_arguments=BODY_ARGUMENTS,
    header_arguments=HEADER_ARGUMENTS,
    bodiless=Bodiless("werkzeug", BodyPolicy.DROPPED, "Werkzeug"),
)
