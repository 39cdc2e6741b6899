"""FastAPI: route decorators, HTTPException, OpenAPI responses and Starlette's responses."""

from __future__ import annotations

from ..families import FAMILIES
from .framework import Framework
from .idioms import (
    AuthDependency,
    Bodiless,
    BodyPolicy,
    PlainReturn,
    Registration,
    RouteDecorator,
)
from .rows import Api, CallRow, MethodRow, Misplaced, Receiver, Role, Slot
from .starlette import bodies, exception_handlers, http_exception, responses

APPS = ("fastapi.FastAPI", "fastapi.applications.FastAPI")
ROUTERS = ("fastapi.APIRouter", "fastapi.routing.APIRouter")
_OWNERS = Receiver(owners=APPS + ROUTERS, gate=("fastapi",))
# `get`, `post`... are common method names: on an unknown receiver, only `@x.get(...)` is a route.
_ROUTE_OWNERS = Receiver(owners=APPS + ROUTERS, gate=("fastapi",), untyped_only_in_decorators=True)
ROUTE_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace", "api_route")


def _route(methods: tuple[str, ...], path_args: int) -> MethodRow:
    # Everything after the path (and endpoint) is keyword-only: a positional status is a TypeError.
    return MethodRow(
        methods,
        _ROUTE_OWNERS if methods == ROUTE_METHODS else _OWNERS,
        Api(
            "fastapi",
            "route decorator",
            Role.ROUTE,
            (Slot(None, "status_code"),),
            default=200,
            misplaced=(Misplaced(path_args, None),),
            fix_keyword="status_code",
            converts=True,
        ),
    )


# `converts` (checked on FastAPI 0.165): only the route decorator's `status_code=`, which APIRoute turns into
# an int. Responses and HTTPException store the object as given (Starlette's), and `responses=` keys are kept.
CALLS = (
    *responses("fastapi", "fastapi.responses"),
    CallRow(("fastapi.Response",), Api("fastapi", "Response", Role.SET, (Slot(1, "status_code"),), default=200)),
    http_exception("fastapi", "fastapi.HTTPException", "fastapi.exceptions.HTTPException"),
    exception_handlers("fastapi", "FastAPI", *APPS),
    CallRow(APPS + ROUTERS, Api("fastapi", "responses", Role.DOCUMENT, keys_of="responses", stringified=True)),
)

METHODS = (
    _route(ROUTE_METHODS, 1),
    _route(("add_api_route",), 2),
    MethodRow(
        ROUTE_METHODS, _ROUTE_OWNERS, Api("fastapi", "responses", Role.DOCUMENT, keys_of="responses", stringified=True)
    ),
    MethodRow(
        ("add_api_route", "include_router"),
        _OWNERS,
        Api("fastapi", "responses", Role.DOCUMENT, keys_of="responses", stringified=True),
    ),
    MethodRow(
        ("exception_handler", "add_exception_handler"),
        Receiver(owners=APPS, gate=("fastapi",)),
        Api("fastapi", "exception_handler", Role.ERROR_HANDLER, (Slot(0),)),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

_HANDLER_OWNERS = APPS + ROUTERS
_VERBS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

ROUTE_DECORATORS = (
    *(
        RouteDecorator("fastapi", verb.upper(), attributes=(verb,), owners=_HANDLER_OWNERS, gate=("fastapi",))
        for verb in _VERBS
    ),
    RouteDecorator(
        "fastapi",
        None,
        attributes=("api_route",),
        owners=_HANDLER_OWNERS,
        gate=("fastapi",),
        methods=Slot(None, "methods"),
    ),
)

REGISTRATIONS = (
    Registration(
        "fastapi",
        None,
        attributes=("add_api_route",),
        gate=("fastapi",),
        handler=Slot(1, "endpoint"),
        methods=Slot(None, "methods"),
    ),
)

AUTH_DEPENDENCIES = (
    AuthDependency(
        "fastapi",
        wrappers=("fastapi.Depends", "fastapi.Security", "fastapi.params.Depends", "fastapi.params.Security"),
        # get_current_user, get_current_active_user, get_admin_user, current_active_superuser, require_user, and the optional
        # forms (get_optional_user, current_user_or_none) that say the user may be None.
        name_pattern=(
            r"(?i)\A(get_|require_|fetch_|load_)?(optional_|maybe_)?(current_|authenticated_|logged_in_)?"
            r"(active_|verified_|admin_)?(super_?)?user(_or_none|_optional)?\Z"
        ),
        optional_pattern=r"(?i)optional|maybe|_or_none|anonymous",
        heuristic=True,
    ),
)

BODY_ARGUMENTS = bodies("fastapi")

FRAMEWORK = Framework(
    "fastapi",
    roots=("fastapi",),
    family=FAMILIES["fastapi"],
    builds_on=("starlette",),
    injected_types=("Request", "Response", "WebSocket", "HTTPConnection", "BackgroundTasks"),
    path_parameters=(r"\{[^}]*\}",),
    calls=CALLS,
    methods=METHODS,
    route_decorators=ROUTE_DECORATORS,
    registrations=REGISTRATIONS,
    auth_dependencies=AUTH_DEPENDENCIES,
    body_arguments=BODY_ARGUMENTS,
    # Content returned from a route goes out with the route's status_code (200 when it has none).
    plain_return=PlainReturn("fastapi", None, ("fastapi",), any_value=True, body_parameters=True),
    # Returned Response objects go out as built; serialized content is dropped on 204/205/304.
    bodiless=Bodiless("fastapi", BodyPolicy.SENT, "FastAPI"),
    # Routes with parameters document 422 (request validation) without being told.
    documented=frozenset({422}),
)
