"""aiohttp's web server (keyword-only statuses, exception classes) and its client's `.status`."""

from __future__ import annotations

from .common import fixed
from .model import Api, CallRow, ClassAttributeRow, MethodRow, Misplaced, Receiver, Role, Slot, Text

_WEB = ("aiohttp.web", "aiohttp.web_response")
RESPONSES = tuple(f"{module}.{name}" for module in _WEB for name in ("Response", "StreamResponse"))
HTTP_EXCEPTION = tuple(
    f"{module}.{name}"
    for module in ("aiohttp.web", "aiohttp.web_exceptions")
    for name in ("HTTPException", "HTTPError", "HTTPClientError", "HTTPServerError", "HTTPRedirection", "HTTPSuccessful")
)


def _keyword_only(names: tuple[str, ...], label: str, first_positional: int) -> CallRow:
    return CallRow(
        names,
        Api(
            "aiohttp", label, Role.SET, (Slot(None, "status"),), default=200, text=Text.CODE_ONLY,
            misplaced=(Misplaced(first_positional, None),), fix_keyword="status",
        ),
    )


CALLS = (
    _keyword_only(tuple(f"{module}.Response" for module in _WEB), "web.Response", 0),
    _keyword_only(tuple(f"{module}.StreamResponse" for module in _WEB), "web.StreamResponse", 0),
    _keyword_only(tuple(f"{module}.json_response" for module in _WEB), "web.json_response", 1),
    *fixed(
        "aiohttp", "aiohttp.web",
        {
            "HTTPOk": 200, "HTTPCreated": 201, "HTTPAccepted": 202, "HTTPNonAuthoritativeInformation": 203,
            "HTTPNoContent": 204, "HTTPResetContent": 205, "HTTPPartialContent": 206,
        },
        Role.SET,
    ),
    *fixed(
        "aiohttp", "aiohttp.web",
        {
            "HTTPMultipleChoices": 300, "HTTPMovedPermanently": 301, "HTTPFound": 302, "HTTPSeeOther": 303,
            "HTTPNotModified": 304, "HTTPUseProxy": 305, "HTTPTemporaryRedirect": 307, "HTTPPermanentRedirect": 308,
            "HTTPBadRequest": 400, "HTTPUnauthorized": 401, "HTTPPaymentRequired": 402, "HTTPForbidden": 403,
            "HTTPNotFound": 404, "HTTPMethodNotAllowed": 405, "HTTPNotAcceptable": 406,
            "HTTPProxyAuthenticationRequired": 407, "HTTPRequestTimeout": 408, "HTTPConflict": 409, "HTTPGone": 410,
            "HTTPLengthRequired": 411, "HTTPPreconditionFailed": 412, "HTTPRequestEntityTooLarge": 413,
            "HTTPRequestURITooLong": 414, "HTTPUnsupportedMediaType": 415, "HTTPRequestRangeNotSatisfiable": 416,
            "HTTPExpectationFailed": 417, "HTTPMisdirectedRequest": 421, "HTTPUnprocessableEntity": 422,
            "HTTPFailedDependency": 424, "HTTPUpgradeRequired": 426, "HTTPPreconditionRequired": 428,
            "HTTPTooManyRequests": 429, "HTTPRequestHeaderFieldsTooLarge": 431, "HTTPUnavailableForLegalReasons": 451,
            "HTTPInternalServerError": 500, "HTTPNotImplemented": 501, "HTTPBadGateway": 502,
            "HTTPServiceUnavailable": 503, "HTTPGatewayTimeout": 504, "HTTPVersionNotSupported": 505,
            "HTTPVariantAlsoNegotiates": 506, "HTTPInsufficientStorage": 507, "HTTPNotExtended": 510,
            "HTTPNetworkAuthenticationRequired": 511,
        },
    ),
)

METHODS = (
    MethodRow(
        ("set_status",),
        Receiver(owners=RESPONSES, gate=("aiohttp",)),
        Api("aiohttp", "set_status", Role.SET, (Slot(0, "status"),), text=Text.CODE_ONLY),
    ),
)

CLASS_ATTRIBUTES = (
    ClassAttributeRow(HTTP_EXCEPTION, "status_code", Api("aiohttp", "HTTPException.status_code", Role.CLASS)),
)
