"""Starlette, whose responses and exceptions FastAPI re-exports."""

from __future__ import annotations

from ..families import FAMILIES
from .framework import Framework
from .idioms import (
    AuthDecorator,
    Bodiless,
    BodyArgument,
    BodyPolicy,
    Registration,
    Rendering,
    RouteDecorator,
    ViewClass,
)
from .rows import Api, CallRow, MethodRow, Receiver, Role, Slot, Text

_BODY_RESPONSES = ("Response", "JSONResponse", "HTMLResponse", "PlainTextResponse", "StreamingResponse", "FileResponse")
APPS = ("starlette.applications.Starlette",)


def responses(framework: str, *modules: str) -> tuple[CallRow, ...]:
    """Rows for Starlette's response classes under each module that exposes them."""
    rows = [
        CallRow(
            tuple(f"{module}.{name}" for module in modules),
            Api(framework, name, Role.SET, (Slot(1, "status_code"),), default=200, text=Text.INT_ONLY),
        )
        for name in _BODY_RESPONSES
    ]
    rows.append(
        CallRow(
            tuple(f"{module}.RedirectResponse" for module in modules),
            Api(
                framework, "RedirectResponse", Role.REDIRECT, (Slot(1, "status_code"),), default=307, text=Text.INT_ONLY
            ),
        )
    )
    return tuple(rows)


def http_exception(framework: str, *names: str) -> CallRow:
    return CallRow(names, Api(framework, "HTTPException", Role.RAISE, (Slot(0, "status_code"),), text=Text.INT_ONLY))


def exception_handlers(framework: str, label: str, *names: str) -> CallRow:
    return CallRow(names, Api(framework, label, Role.ERROR_HANDLER, keys_of="exception_handlers"))


# `converts` is False on every row (checked on Starlette 1.10): responses and HTTPException store the object
# as given (HTTPException's repr shows it), and `exception_handlers` keys are kept. The status line is the
# server's and comes out right either way (uvicorn 0.55 looks the line up in a table keyed by int, h11 0.16 stores
# `int(status_code)`, the access log uses `%d`), but `response.status_code` is what middleware and the
# application read, and the ASGI message hands the object on to whatever wraps the app.
CALLS = (
    *responses("starlette", "starlette.responses"),
    http_exception("starlette", "starlette.exceptions.HTTPException"),
    CallRow(
        ("starlette.authentication.requires",),
        Api("starlette", "requires", Role.RAISE, (Slot(1, "status_code"),), default=403),
    ),
    exception_handlers("starlette", "Starlette", *APPS, "starlette.Starlette"),
)

METHODS = (
    MethodRow(
        ("add_exception_handler", "exception_handler"),
        Receiver(owners=APPS, gate=("starlette",)),
        Api("starlette", "add_exception_handler", Role.ERROR_HANDLER, (Slot(0),)),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

_GATE = ("starlette",)
ROUTE_DECORATORS = (
    RouteDecorator("starlette", None, attributes=("route",), owners=APPS, gate=_GATE, methods=Slot(None, "methods")),
)

REGISTRATIONS = (
    Registration(
        "starlette",
        None,
        names=("starlette.routing.Route",),
        handler=Slot(1, "endpoint"),
        methods=Slot(None, "methods"),
    ),
    Registration(
        "starlette",
        None,
        attributes=("add_route",),
        gate=_GATE,
        handler=Slot(1, "route"),
        methods=Slot(None, "methods"),
    ),
)

VIEW_CLASSES = (ViewClass("starlette", ("starlette.endpoints.HTTPEndpoint",)),)

AUTH_DECORATORS = (
    # @requires("authenticated") lets only authenticated users in; other scopes alone prove nothing.
    AuthDecorator("starlette", names=("starlette.authentication.requires",), scopes=Slot(0, "scopes")),
)


def bodies(framework: str) -> tuple[BodyArgument, ...]:
    return (
        BodyArgument(framework, ("Response", "HTMLResponse", "PlainTextResponse"), Slot(0, "content")),
        # JSONResponse(None) still renders `null`; streams and files always have content.
        BodyArgument(
            framework,
            ("JSONResponse", "StreamingResponse", "FileResponse"),
            Slot(0, "content"),
            rendering=Rendering.ALWAYS,
        ),
    )


BODY_ARGUMENTS = bodies("starlette")

FRAMEWORK = Framework(
    "starlette",
    roots=("starlette",),
    family=FAMILIES["starlette"],
    injected_types=("Request", "Response", "WebSocket", "HTTPConnection", "BackgroundTasks"),
    path_parameters=(r"\{[^}]*\}",),
    calls=CALLS,
    methods=METHODS,
    route_decorators=ROUTE_DECORATORS,
    registrations=REGISTRATIONS,
    view_classes=VIEW_CLASSES,
    auth_decorators=AUTH_DECORATORS,
    body_arguments=BODY_ARGUMENTS,
    bodiless=Bodiless("starlette", BodyPolicy.SENT, "Starlette"),
)
