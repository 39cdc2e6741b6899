"""FastAPI: route decorators, HTTPException, OpenAPI responses and Starlette's responses."""

from __future__ import annotations

from .model import Api, CallRow, MethodRow, Misplaced, Receiver, Role, Slot
from .starlette import exception_handlers, http_exception, responses

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
            "fastapi", "route decorator", Role.ROUTE, (Slot(None, "status_code"),), default=200,
            misplaced=(Misplaced(path_args, None),), fix_keyword="status_code",
        ),
    )


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
    MethodRow(ROUTE_METHODS, _ROUTE_OWNERS, Api("fastapi", "responses", Role.DOCUMENT, keys_of="responses", stringified=True)),
    MethodRow(("add_api_route", "include_router"), _OWNERS, Api("fastapi", "responses", Role.DOCUMENT, keys_of="responses", stringified=True)),
    MethodRow(
        ("exception_handler", "add_exception_handler"),
        Receiver(owners=APPS, gate=("fastapi",)),
        Api("fastapi", "exception_handler", Role.HANDLE, (Slot(0),)),
    ),
)
