"""Django Ninja: `Status(...)` and `(status, body)` returns, `HttpError`, and the `response=` dict of a route.

Checked against django-ninja 1.7.1 (and 1.5.3, 1.6.0 for when things appeared). A route decorator takes no
status: what a handler answers comes from what it returns (`Status(code, value)`, since 1.6.0; before that a
`(code, value)` tuple, which 1.6.0 and later still accept with a DeprecationWarning) or, for plain content,
from the single key of `response={...}`, else 200. A code the route's `response` dict does not list makes
Ninja raise ConfigError while answering, so the client gets a 500.
"""

from __future__ import annotations

from .common import fixed
from .framework import Framework
from .idioms import (
    AuthArgument,
    Bodiless,
    BodyArgument,
    BodyPolicy,
    PlainReturn,
    Registration,
    Rendering,
    RouteDecorator,
)
from .rows import STATUS_FIRST, Api, CallRow, MethodRow, Receiver, ReturnRow, Role, Slot, Text

APPS = ("ninja.NinjaAPI", "ninja.main.NinjaAPI")
ROUTERS = ("ninja.Router", "ninja.router.Router")
_GATE = ("ninja",)
_VERBS = ("get", "post", "put", "patch", "delete")
ROUTE_METHODS = (*_VERBS, "api_operation")
# `get`, `post`... are common method names: on an unknown receiver, only `@x.get(...)` is a route.
_ROUTE_OWNERS = Receiver(owners=APPS + ROUTERS, gate=_GATE, untyped_only_in_decorators=True)
_OWNERS = Receiver(owners=APPS + ROUTERS, gate=_GATE)

# The codes of `response={201: Out, (400, 404): Error}`: each one both documents the route and is the set
# of statuses the handler may answer with. A key may be an iterable of codes (a tuple, `codes_4xx`).
_RESPONSE_KEYS = Api("ninja", "response", Role.DOCUMENT, keys_of="response", many=True)
_UNDECLARED_WHY = "the route's response= does not list it, so Ninja raises ConfigError and the client gets a 500"

# `converts` (checked on Django Ninja 1.7.1): only Response(status=), a JsonResponse. `Status(code, value)` and a
# status-first tuple keep the object (`temporal_response.status_code = status`, the schema lookup, the
# serialiser context; the temporal response is the one sent, so middleware reads its `status_code`), HttpError
# keeps `status_code` and passes it to Exception.__init__ (`repr(HttpError(HTTPStatus.UNAUTHORIZED, "no"))` reads
# "HttpError(<HTTPStatus.UNAUTHORIZED: 401>, 'no')"), create_response() hands it to the renderer (a project's own
# renderer may print it), and `response={...}` keys reach the OpenAPI schema as they are (`get_openapi_schema()`
# is the application's to dump: yaml.safe_dump refuses an HTTPStatus key on every Python).
CALLS = (
    # `Status(status_code, value)`: the status is looked up among the keys of the route's response= (only 200
    # without one); any other status, a str included, raises ConfigError (500).
    CallRow(
        ("ninja.Status", "ninja.responses.Status"),
        Api(
            "ninja",
            "Status",
            Role.SET,
            (Slot(0, "status_code"),),
            text=Text.INT_ONLY,
            rejects_why=_UNDECLARED_WHY,
            declared_by="response",
        ),
    ),
    # HttpError(status_code, message): the default handler passes the code to Django's HttpResponse (int()).
    CallRow(
        ("ninja.errors.HttpError",),
        Api("ninja", "HttpError", Role.RAISE, (Slot(0, "status_code"),), text=Text.CODE_ONLY),
    ),
    CallRow(
        ("ninja.errors.AuthenticationError",),
        Api("ninja", "AuthenticationError", Role.RAISE, (Slot(0, "status_code"),), default=401, text=Text.CODE_ONLY),
    ),
    CallRow(
        ("ninja.errors.AuthorizationError",),
        Api("ninja", "AuthorizationError", Role.RAISE, (Slot(0, "status_code"),), default=403, text=Text.CODE_ONLY),
    ),
    # Throttled(wait) takes no status: it is always 429.
    *fixed("ninja", "ninja.errors", {"Throttled": 429}),
    # ninja.responses.Response(data, **kwargs) is a JsonResponse (safe=False) that passes `status=` on.
    CallRow(
        ("ninja.responses.Response",),
        Api("ninja", "Response", Role.SET, (Slot(None, "status"),), default=200, text=Text.CODE_ONLY, converts=True),
    ),
)

METHODS = (
    MethodRow(ROUTE_METHODS, _ROUTE_OWNERS, _RESPONSE_KEYS),
    MethodRow(("add_api_operation",), _OWNERS, _RESPONSE_KEYS),
    # api.create_response(request, data, *, status=...): keyword-only, used in exception handlers.
    MethodRow(
        ("create_response",),
        Receiver(owners=APPS, gate=_GATE),
        Api("ninja", "create_response", Role.SET, (Slot(None, "status"),), text=Text.CODE_ONLY),
    ),
)

RETURNS = (
    # A handler's `return 201, item` (deprecated since 1.6.0, still honoured). Every 2-tuple a handler
    # returns is read as (status, body), so a tuple returned from a route function is a status.
    ReturnRow(
        "ninja",
        APPS + ROUTERS,
        (),
        (),
        _GATE,
        Api(
            "ninja",
            "a Django Ninja view's return tuple",
            Role.SET,
            text=Text.INT_ONLY,
            rejects_why=_UNDECLARED_WHY,
            declared_by="response",
        ),
        route_decorators=ROUTE_METHODS,
        shape=STATUS_FIRST,
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

ROUTE_DECORATORS = (
    *(RouteDecorator("ninja", verb.upper(), attributes=(verb,), owners=APPS + ROUTERS, gate=_GATE) for verb in _VERBS),
    # api_operation(methods, path, ...): the methods come first.
    RouteDecorator(
        "ninja",
        None,
        attributes=("api_operation",),
        owners=APPS + ROUTERS,
        gate=_GATE,
        methods=Slot(0, "methods"),
    ),
)

REGISTRATIONS = (
    Registration(
        "ninja",
        None,
        attributes=("add_api_operation",),
        gate=_GATE,
        handler=Slot(2, "view_func"),
        methods=Slot(1, "methods"),
    ),
)

# `auth=` (checked against django-ninja 1.7.1, ninja/operation.py, main.py, router.py, security/): every
# callable listed is called with the request until one returns a truthy value (it becomes `request.auth`);
# when none does, Ninja answers 401 (AuthenticationError) before the handler runs. The session authenticators
# return the user only when `request.user.is_authenticated`. The credential authenticators (HttpBearer,
# HttpBasicAuth, APIKeyHeader/Query/Cookie) read the credential in their `__call__` and leave the decision to
# the project's `authenticate`: an instance of a project subclass counts, unless the class redefines
# `__call__`. A plain function or a direct subclass of AuthBase may decide anything (an IP allow-list, as in
# Ninja's documentation), so it proves no login and stays silent.
# A route that passes no `auth` (NOT_SET) takes its router's (`Router(auth=...)`), else its API's
# (`NinjaAPI(auth=...)`); `auth=None` on the route turns authentication off. `api.add_router(prefix, router,
# auth=...)` and `Router.add_router(...)` replace the router's own auth; a router mounted in another module,
# or one without auth of its own under an authenticated API, is not followed.
_SECURITY = "ninja.security"
_SESSION_AUTH = tuple(
    f"{_SECURITY}.{name}" for name in ("django_auth", "django_auth_superuser", "django_auth_is_staff")
)
_AUTHENTICATORS = tuple(
    f"{module}.{name}"
    for names, modules in (
        (("HttpBearer", "HttpBasicAuth"), (_SECURITY, f"{_SECURITY}.http")),
        (("APIKeyHeader", "APIKeyQuery", "APIKeyCookie"), (_SECURITY, f"{_SECURITY}.apikey")),
        (("SessionAuth", "SessionAuthSuperUser", "SessionAuthIsStaff"), (_SECURITY, f"{_SECURITY}.session")),
    )
    for module in modules
    for name in names
)
AUTH_ARGUMENTS = (
    AuthArgument(
        "ninja",
        "auth",
        _SESSION_AUTH,
        bases=_AUTHENTICATORS,
        overrides=("__call__",),
        owners=APPS + ROUTERS,
        unset=("ninja.constants.NOT_SET",),
        mounts=("add_router",),
        mounted=Slot(1, "router"),
    ),
)

BODY_ARGUMENTS = (
    # JsonResponse(data, safe=False): even None is rendered (`null`).
    BodyArgument("ninja", ("Response",), Slot(0, "data"), rendering=Rendering.ALWAYS),
)

FRAMEWORK = Framework(
    "ninja",
    roots=("ninja",),
    builds_on=("django",),
    # The request arrives first as Django's HttpRequest; a parameter typed HttpResponse receives the
    # temporal response whose status and headers the handler may set.
    injected_types=("HttpRequest", "HttpResponse"),
    path_parameters=(r"\{[^}]*\}",),
    calls=CALLS,
    methods=METHODS,
    returns=RETURNS,
    route_decorators=ROUTE_DECORATORS,
    registrations=REGISTRATIONS,
    auth_arguments=AUTH_ARGUMENTS,
    body_arguments=BODY_ARGUMENTS,
    # Plain content goes out with the single status of `response={...}`, else 200; the analysis does not
    # read that dict as the route's status, so with `None` here it stays silent about plain returns. The
    # parsed body arrives in a parameter typed with its Schema, as in FastAPI.
    plain_return=PlainReturn("ninja", None, _GATE, any_value=True, body_parameters=True),
    # Content without a response model is rendered as JSON and sent, whatever the status (`null` for None).
    bodiless=Bodiless("ninja", BodyPolicy.SENT, "Django Ninja"),
)
