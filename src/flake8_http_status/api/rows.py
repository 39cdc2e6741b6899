"""Row types of the framework table: every kind of place where Python web code puts a status.

Rows are plain data. The collector (`analysis.collect`) matches them against a module; rules read
the matched row to learn what the API does with the value.
"""

from __future__ import annotations

from ..enums import Enum
from ..records import NamedTuple


class Role(Enum):
    """What the code does with the status at this place."""

    SET = "sets"  # response constructors, attribute assignment, set_status(), return tuples
    RAISE = "raises"  # abort(), HTTPException(...), HTTPError(...)
    REDIRECT = "redirects"
    ROUTE = "declares"  # a route's status_code=
    CLASS = "declares on a class"  # status_code = ... on an exception or response class
    DOCUMENT = "documents"  # OpenAPI responses={...} keys
    ERROR_HANDLER = "registers a handler for"  # error-handler keys
    COMPARE = "compares"
    EXPECT = "expects"  # test assertions that take the expected status
    MOCK = "mocks"  # test doubles that play a server

    @property
    def is_comparison(self) -> bool:
        return self in {Role.COMPARE, Role.EXPECT}

    @property
    def sends(self) -> bool:
        """The application itself answers with this status."""
        return self in {Role.SET, Role.RAISE, Role.REDIRECT, Role.ROUTE, Role.CLASS}


class Text(Enum):
    """What the API does with a str in the status slot."""

    UNCHECKED = "unchecked"  # not known: only a self-contradicting status line is reported
    LINE_OR_CODE = "line or code"  # "201 Created" and "201" both work (Werkzeug, WebOb, Falcon 3+)
    # Only "201 Created" works: Bottle rejects "201"; WebTest compares a str `status=` with the response's status
    # line (a glob if it holds "*"), so "404" never matches "404 Not Found".
    LINE_ONLY = "line only"
    CODE_ONLY = "code only"  # the value goes through int(): "201" works, "201 Created" fails (Quart, Django)
    INT_ONLY = "int only"  # no str works (Sanic, Starlette, FastAPI, Litestar)


class Slot(NamedTuple):
    position: int | None = None
    keyword: str | None = None


class Misplaced(NamedTuple):
    """A positional index where a status lands in the wrong parameter."""

    position: int
    parameter: str | None  # None: the API takes no such positional argument (TypeError)
    minimum_args: int = 0  # only when the call has at least this many positional arguments


class Api(NamedTuple):
    framework: str
    label: str  # how messages name the API: "flask.abort", "JsonResponse"
    role: Role
    slots: tuple[Slot, ...] = ()
    fixed: int | None = None  # the status a class always carries
    default: int | None = None  # the status when no slot is filled
    accepts: frozenset[int] | None = None  # the codes the API accepts at run time
    rejects_why: str = ""  # what happens with any other code
    misplaced: tuple[Misplaced, ...] = ()
    fix_keyword: str | None = None  # where HTS604's fix moves a misplaced status
    text: Text = Text.UNCHECKED
    keys_of: str | None = None  # the statuses are keys of the dict passed as this keyword
    # A `keys_of` key may also be a tuple whose first element is the status and the rest qualify it
    # (drf-spectacular's `responses={(200, "application/json"): ...}`).
    tuple_keys: bool = False
    # The slot may hold a list or tuple of statuses (WebTest's status=[200, 404]); with `keys_of`, a key may be a
    # tuple of statuses (Django Ninja's response={(400, 404): Error}).
    many: bool = False
    generic: bool = False  # matched by name alone: only 100-599 counts
    # Matched by method and keyword names alone: only a code the registry assigns (`statuses.is_known`), written as
    # a literal, a status line or a constant, counts (WebTest's `status=` on a receiver no import types).
    registered: bool = False
    # The framework calls str() on the value (OpenAPI keys). Before Python 3.11 str() of an HTTPStatus
    # member is its name ('HTTPStatus.OK'), so an IntEnum constant would change the text it produces.
    stringified: bool = False
    # The status must be a key of the dict the route decorator takes as this keyword (200 when the decorator
    # has none), else the framework fails while answering: Django Ninja's `Status(...)` and `response={...}`.
    declared_by: str | None = None
    # The framework turns the value into an int at once (`int(status)`, a `%d`, a dict lookup that keeps its own
    # int) or only compares it with `==`, so an `http.HTTPStatus` member and a plain int behave the same here.
    # False (the default, also where nobody checked): it keeps the object (stores it on a response or exception
    # the application can read, logs or renders it, uses it as a key), so its type shows in str(), repr() and
    # YAML output. Each True is checked against the framework's code (the comment on the row says how).
    converts: bool = False


class CallRow(NamedTuple):
    """A function or class, recognised by its qualified name through the module's imports."""

    names: tuple[str, ...]
    api: Api


class Receiver(NamedTuple):
    """Which objects a method or attribute row applies to.

    A receiver whose type the module reveals must be one of `owners`. An untyped receiver matches
    when the module imports one of `gate` (module prefixes) or its name is one of `names`.
    """

    owners: tuple[str, ...] = ()
    gate: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    any_receiver: bool = False  # the method or attribute name alone is specific enough
    # An untyped receiver matches only in a decorator: `@router.get(...)`, never `mapping.get(key, 404)`.
    untyped_only_in_decorators: bool = False
    # Only a receiver proven to be one of `owners` matches: a name its function binds, and binds only from calls to
    # `owners` (`analysis.local_binding`). For rows whose `Api.converts` holds for those classes alone.
    proven: bool = False
    # In a test module (`analysis.test_modules`), a receiver whose type the module does not reveal also matches, but
    # only where no other row of the method does: for a client that a fixture or a base class elsewhere builds.
    in_tests: bool = False


class MethodRow(NamedTuple):
    methods: tuple[str, ...]
    receiver: Receiver
    api: Api


class AttributeRow(NamedTuple):
    """`<receiver>.<attribute> = status`."""

    attribute: str
    receiver: Receiver
    api: Api


class ClassAttributeRow(NamedTuple):
    """`class X(<base>): <attribute> = status`."""

    bases: tuple[str, ...]
    attribute: str
    api: Api
    any_base: bool = False  # the attribute name alone is specific enough


class CompareRow(NamedTuple):
    """`<receiver>.<attribute> == status` (or `<receiver>.<attribute>()` when `call`).

    With `variable`, `attribute` names a variable instead: `status_code == 404`.
    """

    attribute: str
    receiver: Receiver
    call: bool = False
    variable: bool = False
    # `==`, `in` a literal, assertEqual/assertIn and `case` patterns only compare: both types behave the same.
    api: Api = Api("generic", "status comparison", Role.COMPARE, generic=True, converts=True)


class TupleShape(NamedTuple):
    """Where a view's returned tuple holds the status and the body, and how long it may be."""

    status: int
    body: int
    lengths: tuple[int, ...]


BODY_FIRST = TupleShape(status=1, body=0, lengths=(2, 3))  # `(body, status)`, `(body, status, headers)`
STATUS_FIRST = TupleShape(status=0, body=1, lengths=(2,))  # `(status, body)` (Django Ninja)


class ReturnRow(NamedTuple):
    """A view whose returned tuple carries the status: `(body, status[, headers])` unless `shape` says otherwise."""

    framework: str
    route_owners: tuple[str, ...]  # app/blueprint classes whose route decorators mark a view
    view_bases: tuple[str, ...]  # class-based views whose methods are views
    body_calls: tuple[str, ...]  # a tuple starting with one of these is a response tuple anywhere
    gate: tuple[str, ...]
    api: Api
    # decorator methods that mark a view: `@app.route(...)`, `@bp.get(...)`, `@app.errorhandler(...)`
    route_decorators: tuple[str, ...] = (
        "route",
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "errorhandler",
        "app_errorhandler",
    )
    shape: TupleShape = BODY_FIRST
    # Names that, first in a returned tuple, make it a response tuple anywhere (Connexion's `NoContent`).
    body_names: tuple[str, ...] = ()
    # For handlers no decorator marks (Connexion's, which an OpenAPI file names): a module-level function is a view
    # when one of its own returns is one of these names or calls, alone or first in a tuple.
    marking_returns: tuple[str, ...] = ()


class KeywordRow(NamedTuple):
    """A status keyword on any call whose callee name matches `callee` (a regular expression)."""

    keywords: tuple[str, ...]
    callee: str
    api: Api


class DefaultRow(NamedTuple):
    """A parameter default: `def error_response(message, status=400)` in a function named like a response helper."""

    parameters: tuple[str, ...]
    function: str  # a regular expression the function's name must match
    api: Api


class HelperRow(NamedTuple):
    """Project or test helpers whose name says they check a status (`assertStatus(r, 200)`)."""

    name_pattern: str
    api: Api
