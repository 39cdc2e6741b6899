"""Litestar: keyword-only statuses, method-dependent route defaults and its exception classes."""

from __future__ import annotations

from ..families import FAMILIES
from .common import REDIRECTS, fixed
from .framework import Framework
from .idioms import Bodiless, BodyPolicy, PlainReturn, RouteDecorator
from .rows import Api, CallRow, ClassAttributeRow, Misplaced, Role, Slot

_ROUTE_MODULES = ("litestar", "litestar.handlers", "litestar.handlers.http_handlers.decorators")
_KW_ONLY = Misplaced(1, None)
HTTP_EXCEPTION = ("litestar.exceptions.HTTPException", "litestar.exceptions.http_exceptions.HTTPException")


def _route(name: str, default: int) -> tuple[CallRow, ...]:
    # The OpenAPI schema keys responses by str(status_code), for the route's own status too.
    names = tuple(f"{module}.{name}" for module in _ROUTE_MODULES)
    return (
        CallRow(
            names,
            Api(
                "litestar",
                f"@{name}",
                Role.ROUTE,
                (Slot(None, "status_code"),),
                default=default,
                misplaced=(_KW_ONLY,),
                fix_keyword="status_code",
                stringified=True,
            ),
        ),
        CallRow(names, Api("litestar", f"@{name}", Role.DOCUMENT, keys_of="responses", stringified=True)),
        CallRow(names, Api("litestar", f"@{name}", Role.ERROR_HANDLER, keys_of="exception_handlers")),
    )


def _response(
    name: str,
    role: Role,
    *modules: str,
    default: int | None = None,
    accepts: frozenset[int] | None = None,
    rejects_why: str = "",
) -> CallRow:
    return CallRow(
        tuple(f"{module}.{name}" for module in modules),
        Api(
            "litestar",
            name,
            role,
            (Slot(None, "status_code"),),
            default=default,
            accepts=accepts,
            rejects_why=rejects_why,
            misplaced=(_KW_ONLY,),
            fix_keyword="status_code",
        ),
    )


# `converts` is False on every row (checked on Litestar 2.25): handlers, responses and exceptions store the
# object as given.
CALLS = (
    # Litestar answers POST with 201 and DELETE with 204 unless told otherwise.
    *_route("get", 200),
    *_route("put", 200),
    *_route("patch", 200),
    *_route("head", 200),
    *_route("route", 200),
    *_route("post", 201),
    *_route("delete", 204),
    _response("Response", Role.SET, "litestar", "litestar.response", "litestar.response.base"),
    _response(
        "Redirect",
        Role.REDIRECT,
        "litestar.response",
        "litestar.response.redirect",
        default=302,
        accepts=REDIRECTS,
        rejects_why="it raises ImproperlyConfiguredException",
    ),
    _response("Template", Role.SET, "litestar.response", "litestar.response.template", default=200),
    _response("File", Role.SET, "litestar.response", "litestar.response.file", default=200),
    _response("Stream", Role.SET, "litestar.response", "litestar.response.streaming", default=200),
    CallRow(
        HTTP_EXCEPTION,
        Api(
            "litestar",
            "litestar HTTPException",
            Role.RAISE,
            (Slot(None, "status_code"),),
            default=500,
            # Positional arguments become the detail; the status stays 500.
            misplaced=(Misplaced(0, "detail"), Misplaced(1, "*args")),
            fix_keyword="status_code",
        ),
    ),
    CallRow(
        ("litestar.Litestar", "litestar.app.Litestar", "litestar.Router", "litestar.router.Router"),
        Api("litestar", "exception_handlers", Role.ERROR_HANDLER, keys_of="exception_handlers"),
    ),
    # Every Litestar exception takes `status_code=`, which replaces the class's own status.
    *(
        CallRow(row.names, row.api._replace(slots=(Slot(None, "status_code"),)))
        for row in fixed(
            "litestar",
            "litestar.exceptions",
            {
                "NotAuthorizedException": 401,
                "PermissionDeniedException": 403,
                "NotFoundException": 404,
                "MethodNotAllowedException": 405,
                "TooManyRequestsException": 429,
                "ClientException": 400,
                "ValidationException": 400,
                "InternalServerException": 500,
                "ServiceUnavailableException": 503,
            },
        )
    ),
)

CLASS_ATTRIBUTES = (
    ClassAttributeRow(HTTP_EXCEPTION, "status_code", Api("litestar", "HTTPException.status_code", Role.CLASS)),
)

# Handler idioms -----------------------------------------------------------------------------------

ROUTE_DECORATORS = (
    *(
        RouteDecorator("litestar", verb.upper(), names=tuple(f"{module}.{verb}" for module in _ROUTE_MODULES))
        for verb in ("get", "post", "put", "patch", "delete", "head")
    ),
    RouteDecorator(
        "litestar",
        None,
        names=tuple(f"{module}.route" for module in _ROUTE_MODULES),
        methods=Slot(None, "http_method"),
        default_methods=None,
    ),
)

FRAMEWORK = Framework(
    "litestar",
    roots=("litestar",),
    family=FAMILIES["litestar"],
    injected_types=("Request", "Response", "WebSocket", "ASGIConnection", "State", "Scope"),
    path_parameters=(r"\{[^}]*\}",),
    calls=CALLS,
    class_attributes=CLASS_ATTRIBUTES,
    route_decorators=ROUTE_DECORATORS,
    plain_return=PlainReturn("litestar", None, ("litestar",), any_value=True, body_parameters=True),
    # A route whose status has no body but whose return annotation promises content does not start.
    bodiless=Bodiless("litestar", BodyPolicy.REFUSED, "Litestar"),
    # Validation failures (ValidationException, 400) are documented for every route.
    documented=frozenset({400}),
)
