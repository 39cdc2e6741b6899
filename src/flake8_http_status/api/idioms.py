"""Row types for handler idioms: how a framework marks request handlers, authenticated users and
created resources, and what it adds to or strips from a response by itself.

The status rows in `model` say where a status goes; these rows say what surrounds it. Each framework
module lists them in its `Framework` declaration (`api.framework`), and `handlers.table` indexes them. Rows matched by name alone, not through the module's imports, carry
`heuristic=True` so that documentation and reviewers can tell proof from guess.
"""

from __future__ import annotations

from ..enums import Enum
from ..records import NamedTuple
from .rows import Slot

VERBS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Python method names of class-based views that answer the HTTP method of the same name.
VERB_METHODS: tuple[tuple[str, str], ...] = tuple((verb.lower(), verb) for verb in VERBS)


# Handlers ----------------------------------------------------------------------------------------


class RouteDecorator(NamedTuple):
    """A decorator that makes the decorated function a handler.

    Either a callable found through the imports (`names`: `litestar.post`, `bottle.route`) or an
    attribute of an owner object (`@app.post(...)`: `attributes=("post",)`, `owners` the owner's
    classes). An owner whose type the module does not reveal matches when the module imports `gate`.
    """

    framework: str
    method: str | None  # the HTTP method the decorator itself fixes; None: read `methods`
    names: tuple[str, ...] = ()
    attributes: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    gate: tuple[str, ...] = ()
    methods: Slot | None = None  # where a method name or a list of them is given
    default_methods: tuple[str, ...] | None = ("GET",)  # None: every method reaches the handler
    view_class: bool = False  # the decorated object is a class-based view (`@routes.view`)


class Registration(NamedTuple):
    """A call that registers a function as a handler: `web.post(path, handler)`, `Route(path, endpoint)`."""

    framework: str
    method: str | None
    names: tuple[str, ...] = ()  # callables found through the imports
    attributes: tuple[str, ...] = ()  # methods on any receiver, in modules that import `gate`
    gate: tuple[str, ...] = ()
    handler: Slot = Slot(1, "handler")
    methods: Slot | None = None
    default_methods: tuple[str, ...] | None = ("GET",)


class MarkedHandler(NamedTuple):
    """Handlers nothing in the module registers (Connexion's: an OpenAPI file names them by `operationId`).

    In a module that imports `gate`, a module-level function is one when one of its own returns is one of `names`
    (a name, or a call of one), alone or first in a tuple. The file says the HTTP methods, so they are unknown.
    """

    framework: str
    names: tuple[str, ...]
    gate: tuple[str, ...]


class ViewClass(NamedTuple):
    """Methods of a subclass of `bases` answer the HTTP method their name says.

    `methods` pairs a Python method name with the HTTP methods it answers; with `prefix`, names such as
    Falcon's `on_get` and `on_get_item` count too.
    """

    framework: str
    bases: tuple[str, ...]  # empty: any class, in modules that import `gate` (Falcon resources)
    methods: tuple[tuple[str, str], ...] = VERB_METHODS
    prefix: str | None = None
    gate: tuple[str, ...] = ()


# Authentication ----------------------------------------------------------------------------------


class Auth(Enum):
    """Whether the request's user is known to be authenticated at a point of a handler."""

    AUTHENTICATED = "authenticated"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


class AuthDecorator(NamedTuple):
    """A decorator that lets a request reach the handler only with an authenticated user."""

    framework: str
    names: tuple[str, ...] = ()  # callables found through the imports
    attributes: tuple[str, ...] = ()  # `@<instance>.<attribute>`, e.g. Flask-HTTPAuth's `auth.login_required`
    owners: tuple[str, ...] = ()  # classes of <instance>
    optional: str | None = None  # a keyword that, when true, lets anonymous requests through
    scopes: Slot | None = None  # the guarantee needs "authenticated" among these scopes (Starlette `requires`)
    methods: frozenset[str] | None = None  # the guarantee covers only these methods
    heuristic: bool = False  # matched by its bare name, whatever it is imported from
    bare_names: tuple[str, ...] = ()


class AuthArgument(NamedTuple):
    """A route decorator keyword that admits only authenticated users when its value is one of `names`, or a
    list of them: Django Ninja's `@router.get(path, auth=django_auth)`.

    An instance of one of `bases` counts too, or of a class of the module deriving from one through the
    imports (`auth=TokenAuth()`, `class TokenAuth(HttpBearer)`), unless the class or a base of the module
    defines one of `overrides` itself. `owners` are classes whose constructor takes the same keyword for every
    route registered on the instance (`router = Router(auth=...)`): it counts when the instance is bound once,
    at module level, and the route gives no `keyword` of its own (or one of `unset`). A call of one of
    `mounts` that passes the instance (at `mounted`) with `keyword` replaces the owner's own value.
    """

    framework: str
    keyword: str
    names: tuple[str, ...]
    bases: tuple[str, ...] = ()
    overrides: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    unset: tuple[str, ...] = ()
    mounts: tuple[str, ...] = ()
    mounted: Slot | None = None


class AuthBase(NamedTuple):
    """A base class (a mixin) that guarantees an authenticated user in every method of the view."""

    framework: str
    names: tuple[str, ...]


class PermissionClass(NamedTuple):
    """A permission class that admits only authenticated users (`permission_classes = [IsAuthenticated]`)."""

    framework: str
    names: tuple[str, ...]
    methods: frozenset[str] | None = None  # None: every method; else only these (IsAuthenticatedOrReadOnly)


class PermissionSetting(NamedTuple):
    """Where a framework lists permission classes: a class attribute or a decorator taking a list."""

    framework: str
    attribute: str | None = None  # `permission_classes = [...]` in the class body
    decorator: tuple[str, ...] = ()  # `@permission_classes([...])`
    method_decorator: tuple[str, ...] = ()  # `@method_decorator(login_required, name="dispatch")`
    decorators_attribute: str | None = None  # Flask's `decorators = [login_required]` on a MethodView


class AuthDependency(NamedTuple):
    """A FastAPI-style dependency that resolves the current user (or refuses the request)."""

    framework: str
    wrappers: tuple[str, ...]  # `Depends`, `Security`: calls that name the dependency
    names: tuple[str, ...] = ()  # dependency callables found through the imports
    name_pattern: str | None = None  # a regular expression on the dependency's own name (heuristic)
    optional_pattern: str | None = None  # names matching this never guarantee a user
    heuristic: bool = False


class AuthCheck(NamedTuple):
    """An expression that reveals the auth state when it is true: `request.user.is_authenticated`.

    `attribute` is read on any receiver whose last name is one of `receivers` (all when empty). With
    `none_means_anonymous`, `x.<attribute> is None` (or `not x.<attribute>`) means anonymous.
    """

    framework: str
    attribute: str
    when_true: Auth
    receivers: tuple[str, ...] = ()
    none_means_anonymous: bool = False


class AuthCall(NamedTuple):
    """A call that returns only for an authenticated user: aiohttp-security's `check_authorized(request)`."""

    framework: str
    names: tuple[str, ...]
    optional: str | None = None


class AuthenticatorSetting(NamedTuple):
    """DRF: a view's first authenticator decides whether a 401 goes out with a challenge or becomes 403."""

    framework: str
    attribute: str
    challenging: tuple[str, ...]  # authenticators whose `authenticate_header()` returns a challenge


# Creations ---------------------------------------------------------------------------------------


class Creation(NamedTuple):
    """A call that creates a resource.

    `attributes` are method names; `receiver` a regular expression the receiver's dotted text must
    match (`objects` for Django managers). With `fresh_argument` the first argument must be an object
    built in the handler (`session.add(Model(...))`); with `unbound` the receiver must have been built
    without an instance (`serializer = S(data=...)` then `serializer.save()`).
    """

    label: str
    attributes: tuple[str, ...] = ()
    receiver: str | None = None
    names: tuple[str, ...] = ()  # callables found through the imports
    fresh_argument: bool = False
    unbound: str | None = None  # a regular expression on the class name of an unbound receiver
    unbound_instance: Slot | None = None  # the argument that binds the receiver to an existing object
    heuristic: bool = False


# What the framework does to responses ------------------------------------------------------------


class BodyPolicy(Enum):
    """What a framework does with content on a 204, 205, 304 or 1xx response."""

    SENT = "sent"  # the bytes go out, against RFC 9110
    DROPPED = "dropped"  # the framework strips them: harmless for clients
    FAILS = "fails"  # the framework raises when it sends the response: the client gets a 500
    REFUSED = "refused"  # the framework refuses to start an app with such a route


class Bodiless(NamedTuple):
    framework: str
    policy: BodyPolicy
    name: str  # the framework as messages name it


class Rendering(Enum):
    """How a response API turns its content argument into bytes."""

    RAW = "raw"  # sent as given: "" and b"" (or no argument) mean no content
    SERIALIZED = "serialized"  # anything but None is serialized into bytes (DRF's Response data)
    ALWAYS = "always"  # even None or no argument produces bytes (`null`, a rendered template)


class BodyArgument(NamedTuple):
    """Where a response API takes its content, and how it renders it."""

    framework: str
    labels: tuple[str, ...]  # `Api.label`s of the framework's response rows
    slot: Slot
    rendering: Rendering = Rendering.RAW


class HeaderArgument(NamedTuple):
    """An argument that makes the API send a header: `Unauthorized(www_authenticate=...)`."""

    framework: str
    labels: tuple[str, ...]
    header: str
    slot: Slot


class AutoHeader(NamedTuple):
    """The framework adds `header` by itself to what `labels` build (all of its responses when empty)."""

    framework: str
    header: str
    labels: tuple[str, ...] = ()
    codes: frozenset[int] | None = None  # only on these statuses
    why: str = ""


class BodyWrite(NamedTuple):
    """Content written after the status was set: Tornado's `self.write(chunk)`, Falcon's `resp.media = ...`.

    The response goes out with the status set before (`set_status`, `resp.status = ...`), else `status`.
    """

    framework: str
    receivers: tuple[str, ...]
    methods: tuple[str, ...] = ()  # `<receiver>.<method>(content)`
    attributes: tuple[str, ...] = ()  # `<receiver>.<attribute> = content`
    slot: Slot = Slot(0)
    status: int = 200


class ExceptionView(NamedTuple):
    """Raising these goes through a view the application configures (Pyramid's forbidden view), which
    decides what the client really gets."""

    framework: str
    labels: tuple[str, ...]
    codes: frozenset[int]
    why: str


class RedirectFlags(NamedTuple):
    """Boolean arguments that change a redirect's status: Django's `permanent` and `preserve_request`."""

    framework: str
    labels: tuple[str, ...]
    permanent: Slot | None = None
    preserve: Slot | None = None


class PlainReturn(NamedTuple):
    """What a handler that returns content (not a response object) answers.

    `status` None means the route decorator's status (FastAPI, Litestar). `body_calls` are calls
    that build content without a status (`jsonify`); dict, list and str literals are content too.
    """

    framework: str
    status: int | None
    gate: tuple[str, ...]
    body_calls: tuple[str, ...] = ()
    any_value: bool = False  # every returned value is serialized (FastAPI, Litestar), not only literals
    body_parameters: bool = False  # the parsed request body arrives in a parameter typed with the model


# Exceptions --------------------------------------------------------------------------------------


class Fault(Enum):
    """What an `except` clause is handling, as far as the status it should answer goes."""

    CLIENT_INPUT = "invalid client input"  # 400/422, never 5xx
    UPSTREAM_TIMEOUT = "an upstream timeout"  # 504, never 408
    CONFLICT = "a uniqueness conflict"  # 409
    CREDENTIALS = "credentials that failed to verify"  # 401, never 400 or 404
    UPSTREAM = "an upstream or server fault"  # 502/503/504, never 4xx
    SERVER = "a fault of the server itself"  # 500, never 4xx


class Evidence(Enum):
    """What the code an `except` clause guards must do before the exception says whose fault it is."""

    NONE = "none"
    READS_REQUEST = "reads the request"  # a ValueError from parsing what the client sent
    CALLS_OUT = "calls another server"  # a TimeoutError from an HTTP client, not from reading the request body
    READS_CREDENTIALS = "reads a credential"  # a bad signature on the Authorization header, not on a reset link
    # `except Exception` blames the client only around code that does nothing but read and validate the request.
    ONLY_PARSES = "only parses the request"
    # An exception that carries another server's status: the branch must not be passing that status on.
    OWN_STATUS = "does not pass on the other server's status"
    # SQLAlchemy's `InvalidRequestError` also covers `NoResultFound` from `.one()`, a lookup that found nothing.
    NO_ROW_LOOKUP = "asks for no single row"
    # An `OSError` on a path the client chose (or from an HTTP client's failure) may be the client's mistake.
    SERVER_ONLY = "reads nothing of the request and calls no other server"


class ExceptionRow(NamedTuple):
    fault: Fault
    names: tuple[str, ...]  # exception classes found through the imports
    builtins: tuple[str, ...] = ()  # builtin exceptions, matched by bare name unless the module rebinds them
    evidence: Evidence = Evidence.NONE


class RequestData(NamedTuple):
    """Attributes that read what the client sent: `request.json`, `request.POST`, Tornado's `self.get_argument`."""

    framework: str
    receivers: tuple[str, ...]  # last names of the receiver: `request`, `req`, `self`
    attributes: tuple[str, ...]


class Outgoing(NamedTuple):
    """Qualified-name prefixes whose calls reach another server (HTTP clients)."""

    label: str
    prefixes: tuple[str, ...]
