"""Falcon: `resp.status`, HTTPError/HTTPStatus and its error and redirect classes."""

from __future__ import annotations

from .common import fixed
from .framework import Framework
from .idioms import (
    AutoHeader,
    Bodiless,
    BodyPolicy,
    BodyWrite,
    HeaderArgument,
    ViewClass,
)
from .rows import Api, AttributeRow, CallRow, Receiver, Role, Slot, Text

RESPONSES = ("falcon.Response", "falcon.response.Response", "falcon.asgi.Response")

# `converts` is False on every row (checked on Falcon 4.4): HTTPError and HTTPStatus keep the object as
# `status`, and `Response.status` is a plain attribute middleware reads (only `status_code` normalises it);
# HTTPError's repr formats it with `%s`.
CALLS = (
    CallRow(
        ("falcon.HTTPError", "falcon.http_error.HTTPError"),
        Api("falcon", "falcon.HTTPError", Role.RAISE, (Slot(0, "status"),), text=Text.LINE_OR_CODE),
    ),
    # falcon.HTTPStatus is an exception that short-circuits with a response, not http.HTTPStatus.
    CallRow(
        ("falcon.HTTPStatus", "falcon.http_status.HTTPStatus"),
        Api("falcon", "falcon.HTTPStatus", Role.SET, (Slot(0, "status"),), text=Text.LINE_OR_CODE),
    ),
    *fixed(
        "falcon",
        "falcon",
        {
            "HTTPBadRequest": 400,
            "HTTPUnauthorized": 401,
            "HTTPForbidden": 403,
            "HTTPNotFound": 404,
            "HTTPMethodNotAllowed": 405,
            "HTTPNotAcceptable": 406,
            "HTTPConflict": 409,
            "HTTPGone": 410,
            "HTTPLengthRequired": 411,
            "HTTPPreconditionFailed": 412,
            "HTTPContentTooLarge": 413,
            "HTTPPayloadTooLarge": 413,
            "HTTPUriTooLong": 414,
            "HTTPUnsupportedMediaType": 415,
            "HTTPRangeNotSatisfiable": 416,
            "HTTPUnprocessableEntity": 422,
            "HTTPLocked": 423,
            "HTTPFailedDependency": 424,
            "HTTPPreconditionRequired": 428,
            "HTTPTooManyRequests": 429,
            "HTTPRequestHeaderFieldsTooLarge": 431,
            "HTTPUnavailableForLegalReasons": 451,
            "HTTPInternalServerError": 500,
            "HTTPNotImplemented": 501,
            "HTTPBadGateway": 502,
            "HTTPServiceUnavailable": 503,
            "HTTPGatewayTimeout": 504,
            "HTTPVersionNotSupported": 505,
            "HTTPInsufficientStorage": 507,
            "HTTPLoopDetected": 508,
            "HTTPNetworkAuthenticationRequired": 511,
            "HTTPMovedPermanently": 301,
            "HTTPFound": 302,
            "HTTPSeeOther": 303,
            "HTTPTemporaryRedirect": 307,
            "HTTPPermanentRedirect": 308,
        },
    ),
)

ATTRIBUTES = (
    AttributeRow(
        "status",
        Receiver(owners=RESPONSES, gate=("falcon",), names=("resp", "response", "res")),
        Api("falcon", "Response.status", Role.SET, text=Text.LINE_OR_CODE),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

# Falcon resources are plain classes: their responders are named on_<verb> (or on_<verb>_<suffix>).
VIEW_CLASSES = (ViewClass("falcon", (), prefix="on_", gate=("falcon",)),)

AUTO_HEADERS = (
    AutoHeader("falcon", "Allow", ("HTTPMethodNotAllowed",), why="HTTPMethodNotAllowed requires the allowed methods"),
)

HEADER_ARGUMENTS = (HeaderArgument("falcon", ("HTTPUnauthorized",), "WWW-Authenticate", Slot(None, "challenges")),)

# Responders set content on the response object; it goes out with `resp.status`, 200 by default.
BODY_WRITES = (BodyWrite("falcon", ("resp", "response", "res"), attributes=("media", "text", "body", "data")),)

FRAMEWORK = Framework(
    "falcon",
    roots=("falcon",),
    path_parameters=(r"\{[^}]*\}",),
    calls=CALLS,
    attributes=ATTRIBUTES,
    view_classes=VIEW_CLASSES,
    auto_headers=AUTO_HEADERS,
    header_arguments=HEADER_ARGUMENTS,
    body_writes=BODY_WRITES,
    bodiless=Bodiless("falcon", BodyPolicy.DROPPED, "Falcon"),
)
