"""Pyramid and WebOb responses and Pyramid's HTTP exceptions (WebTest's expected statuses: `api.webtest`)."""

from __future__ import annotations

from .common import RESPONSE_NAMES, fixed
from .framework import Framework
from .idioms import (
    Auth,
    AuthCheck,
    ExceptionView,
    PlainReturn,
    Registration,
    RouteDecorator,
)
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

RESPONSES = ("pyramid.response.Response", "webob.Response", "webob.response.Response")
_EXC = "pyramid.httpexceptions"
# `exception_response()` looks the code up in `status_map`; other codes raise KeyError.
_STATUS_MAP = frozenset(
    {
        *range(200, 207),
        *range(300, 306),
        307,
        308,
        *range(400, 419),
        422,
        423,
        424,
        428,
        429,
        431,
        *range(500, 506),
        507,
    }
)

# `converts` (checked on Pyramid 2.1, WebOb 1.8): WebOb's `status` setter turns an int into the
# status line and `status_code` reads it back as an int; exception_response() looks the class up in status_map.
# `status_int` rows match any receiver, and an `HTTPException.code` class attribute keeps the object.
CALLS = (
    CallRow(
        RESPONSES,
        Api("pyramid", "Response", Role.SET, (Slot(1, "status"),), default=200, text=Text.LINE_OR_CODE, converts=True),
    ),
    CallRow(
        (f"{_EXC}.exception_response",),
        Api(
            "pyramid",
            "exception_response",
            Role.RAISE,
            (Slot(0, "status_code"),),
            accepts=_STATUS_MAP,
            rejects_why="it raises KeyError",
            converts=True,
        ),
    ),
    *fixed(
        "pyramid",
        _EXC,
        {"HTTPOk": 200, "HTTPCreated": 201, "HTTPAccepted": 202, "HTTPNoContent": 204},
        Role.SET,
    ),
    *fixed(
        "pyramid",
        _EXC,
        {
            "HTTPMultipleChoices": 300,
            "HTTPMovedPermanently": 301,
            "HTTPFound": 302,
            "HTTPSeeOther": 303,
            "HTTPNotModified": 304,
            "HTTPUseProxy": 305,
            "HTTPTemporaryRedirect": 307,
            "HTTPPermanentRedirect": 308,
            "HTTPBadRequest": 400,
            "HTTPUnauthorized": 401,
            "HTTPPaymentRequired": 402,
            "HTTPForbidden": 403,
            "HTTPNotFound": 404,
            "HTTPMethodNotAllowed": 405,
            "HTTPNotAcceptable": 406,
            "HTTPProxyAuthenticationRequired": 407,
            "HTTPRequestTimeout": 408,
            "HTTPConflict": 409,
            "HTTPGone": 410,
            "HTTPLengthRequired": 411,
            "HTTPPreconditionFailed": 412,
            "HTTPRequestEntityTooLarge": 413,
            "HTTPRequestURITooLong": 414,
            "HTTPUnsupportedMediaType": 415,
            "HTTPRequestRangeNotSatisfiable": 416,
            "HTTPExpectationFailed": 417,
            "HTTPUnprocessableEntity": 422,
            "HTTPLocked": 423,
            "HTTPFailedDependency": 424,
            "HTTPPreconditionRequired": 428,
            "HTTPTooManyRequests": 429,
            "HTTPRequestHeaderFieldsTooLarge": 431,
            "HTTPInternalServerError": 500,
            "HTTPNotImplemented": 501,
            "HTTPBadGateway": 502,
            "HTTPServiceUnavailable": 503,
            "HTTPGatewayTimeout": 504,
            "HTTPVersionNotSupported": 505,
            "HTTPInsufficientStorage": 507,
        },
    ),
)

_RESPONSE = Receiver(owners=RESPONSES, gate=("pyramid", "webob"), names=RESPONSE_NAMES)

ATTRIBUTES = (
    AttributeRow(
        "status", _RESPONSE, Api("pyramid", "Response.status", Role.SET, text=Text.LINE_OR_CODE, converts=True)
    ),
    # WebOb's `status_code` and `status_int` are one property whose setter stores only the text
    # `'%d %s' % (code, status_reasons[code])` and whose getter parses the int back (WebOb 1.8.11, Python 3.10 and 3.12), so where the
    # function binds the receiver only from a response class (`Receiver.proven`) the value is converted at once.
    *(
        AttributeRow(
            name,
            Receiver(owners=RESPONSES, proven=True),
            Api("pyramid", f"Response.{name}", Role.SET, converts=True),
        )
        for name in ("status_int", "status_code")
    ),
    AttributeRow(
        "status_int", Receiver(any_receiver=True), Api("pyramid", "Response.status_int", Role.SET, generic=True)
    ),
)

CLASS_ATTRIBUTES = (
    ClassAttributeRow(
        (
            f"{_EXC}.HTTPException",
            f"{_EXC}.WSGIHTTPException",
            f"{_EXC}.HTTPError",
            f"{_EXC}.HTTPClientError",
            f"{_EXC}.HTTPServerError",
        ),
        "code",
        Api("pyramid", "HTTPException.code", Role.CLASS),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

ROUTE_DECORATORS = (
    RouteDecorator(
        "pyramid",
        None,
        names=("pyramid.view.view_config",),
        methods=Slot(None, "request_method"),
        default_methods=None,
    ),
)

REGISTRATIONS = (
    Registration(
        "pyramid",
        None,
        attributes=("add_view",),
        gate=("pyramid",),
        handler=Slot(0, "view"),
        methods=Slot(None, "request_method"),
        default_methods=None,
    ),
)

AUTH_CHECKS = (
    AuthCheck("pyramid", "authenticated_userid", Auth.AUTHENTICATED, receivers=("request",), none_means_anonymous=True),
    AuthCheck("pyramid", "identity", Auth.AUTHENTICATED, receivers=("request",), none_means_anonymous=True),
)

# Pyramid sends a raised HTTPForbidden through the forbidden view, which apps use to challenge anonymous users.
EXCEPTION_VIEWS = (
    ExceptionView("pyramid", ("HTTPForbidden",), frozenset({403}), "the forbidden view decides what the client gets"),
)

FRAMEWORK = Framework(
    "pyramid",
    roots=("pyramid", "webob"),
    path_parameters=(r"\{[^}]*\}",),
    calls=CALLS,
    attributes=ATTRIBUTES,
    class_attributes=CLASS_ATTRIBUTES,
    route_decorators=ROUTE_DECORATORS,
    registrations=REGISTRATIONS,
    auth_checks=AUTH_CHECKS,
    exception_views=EXCEPTION_VIEWS,
    # A view with a renderer returns a dict, answered 200 unless request.response.status says otherwise.
    plain_return=PlainReturn("pyramid", 200, ("pyramid",)),
)
