"""aiohttp's web server (keyword-only statuses, exception classes) and its client's `.status`."""

from __future__ import annotations

from .common import fixed
from .framework import Framework
from .idioms import (
    AuthCall,
    AuthDecorator,
    AutoHeader,
    Bodiless,
    BodyArgument,
    BodyPolicy,
    Registration,
    Rendering,
    RouteDecorator,
    ViewClass,
)
from .rows import (
    Api,
    CallRow,
    ClassAttributeRow,
    MethodRow,
    Misplaced,
    Receiver,
    Role,
    Slot,
    Text,
)

_WEB = ("aiohttp.web", "aiohttp.web_response")
RESPONSES = tuple(f"{module}.{name}" for module in _WEB for name in ("Response", "StreamResponse"))
HTTP_EXCEPTION = tuple(
    f"{module}.{name}"
    for module in ("aiohttp.web", "aiohttp.web_exceptions")
    for name in (
        "HTTPException",
        "HTTPError",
        "HTTPClientError",
        "HTTPServerError",
        "HTTPRedirection",
        "HTTPSuccessful",
    )
)


def _keyword_only(names: tuple[str, ...], label: str, first_positional: int) -> CallRow:
    return CallRow(
        names,
        Api(
            "aiohttp",
            label,
            Role.SET,
            (Slot(None, "status"),),
            default=200,
            text=Text.CODE_ONLY,
            misplaced=(Misplaced(first_positional, None),),
            fix_keyword="status",
            converts=True,
        ),
    )


# `converts` (checked on aiohttp 3.14): StreamResponse.set_status() stores `int(status)`, for web.Response,
# web.StreamResponse, json_response() and set_status() alike. An `HTTPException.status_code` class attribute is
# converted only for the response, and the class keeps the object.
CALLS = (
    _keyword_only(tuple(f"{module}.Response" for module in _WEB), "web.Response", 0),
    _keyword_only(tuple(f"{module}.StreamResponse" for module in _WEB), "web.StreamResponse", 0),
    _keyword_only(tuple(f"{module}.json_response" for module in _WEB), "web.json_response", 1),
    *fixed(
        "aiohttp",
        "aiohttp.web",
        {
            "HTTPOk": 200,
            "HTTPCreated": 201,
            "HTTPAccepted": 202,
            "HTTPNonAuthoritativeInformation": 203,
            "HTTPNoContent": 204,
            "HTTPResetContent": 205,
            "HTTPPartialContent": 206,
        },
        Role.SET,
    ),
    *fixed(
        "aiohttp",
        "aiohttp.web",
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
            "HTTPMisdirectedRequest": 421,
            "HTTPUnprocessableEntity": 422,
            "HTTPFailedDependency": 424,
            "HTTPUpgradeRequired": 426,
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
            "HTTPVariantAlsoNegotiates": 506,
            "HTTPInsufficientStorage": 507,
            "HTTPNotExtended": 510,
            "HTTPNetworkAuthenticationRequired": 511,
        },
    ),
)

METHODS = (
    MethodRow(
        ("set_status",),
        Receiver(owners=RESPONSES, gate=("aiohttp",)),
        Api("aiohttp", "set_status", Role.SET, (Slot(0, "status"),), text=Text.CODE_ONLY, converts=True),
    ),
)

CLASS_ATTRIBUTES = (
    ClassAttributeRow(HTTP_EXCEPTION, "status_code", Api("aiohttp", "HTTPException.status_code", Role.CLASS)),
)

# Handler idioms -----------------------------------------------------------------------------------

_VERBS = ("get", "post", "put", "patch", "delete", "head")
_TABLES = ("aiohttp.web.RouteTableDef", "aiohttp.web_routedef.RouteTableDef")
_GATE = ("aiohttp",)

ROUTE_DECORATORS = (
    *(RouteDecorator("aiohttp", verb.upper(), attributes=(verb,), owners=_TABLES, gate=_GATE) for verb in _VERBS),
    RouteDecorator("aiohttp", None, attributes=("route",), owners=_TABLES, gate=_GATE, methods=Slot(0, "method")),
    RouteDecorator("aiohttp", None, attributes=("view",), owners=_TABLES, gate=_GATE, view_class=True),
)

REGISTRATIONS = (
    *(
        Registration("aiohttp", verb.upper(), names=tuple(f"{m}.{verb}" for m in _WEB), handler=Slot(1, "handler"))
        for verb in _VERBS
    ),
    Registration(
        "aiohttp", None, names=tuple(f"{m}.route" for m in _WEB), handler=Slot(2, "handler"), methods=Slot(0, "method")
    ),
    *(
        Registration("aiohttp", verb.upper(), attributes=(f"add_{verb}",), gate=_GATE, handler=Slot(1, "handler"))
        for verb in _VERBS
    ),
    Registration(
        "aiohttp", None, attributes=("add_route",), gate=_GATE, handler=Slot(2, "handler"), methods=Slot(0, "method")
    ),
)

VIEW_CLASSES = (ViewClass("aiohttp", ("aiohttp.web.View", "aiohttp.web_urldispatcher.View")),)

AUTH_DECORATORS = (
    # Older aiohttp-security releases: raise HTTPUnauthorized unless a user is logged in.
    AuthDecorator("aiohttp", names=("aiohttp_security.login_required", "aiohttp_security.has_permission")),
)

AUTH_CALLS = (AuthCall("aiohttp", ("aiohttp_security.check_authorized", "aiohttp_security.check_permission")),)

BODY_ARGUMENTS = (
    BodyArgument("aiohttp", ("web.Response",), Slot(None, "text")),
    BodyArgument("aiohttp", ("web.Response",), Slot(None, "body")),
    BodyArgument("aiohttp", ("web.json_response",), Slot(0, "data"), rendering=Rendering.ALWAYS),
)

AUTO_HEADERS = (
    AutoHeader("aiohttp", "Allow", ("HTTPMethodNotAllowed",), why="HTTPMethodNotAllowed requires the allowed methods"),
)

FRAMEWORK = Framework(
    "aiohttp",
    roots=("aiohttp",),
    path_parameters=(r"\{[^}]*\}",),
    calls=CALLS,
    methods=METHODS,
    class_attributes=CLASS_ATTRIBUTES,
    route_decorators=ROUTE_DECORATORS,
    registrations=REGISTRATIONS,
    view_classes=VIEW_CLASSES,
    auth_decorators=AUTH_DECORATORS,
    auth_calls=AUTH_CALLS,
    body_arguments=BODY_ARGUMENTS,
    auto_headers=AUTO_HEADERS,
    bodiless=Bodiless("aiohttp", BodyPolicy.DROPPED, "aiohttp"),
)
