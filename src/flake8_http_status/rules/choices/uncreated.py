"""HTS922: a 201 Created where nothing on the way creates a resource.

Off by default. The rule fires only where the whole handler can be read: every call in it is a framework API,
a builtin, a constructor, or a read (`filter`, `get`, `all`, `first`...). One call it cannot see into (a
project helper, a method of a service, `self.perform(...)`, an `execute`) could create, so it stays silent.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterator

from ...analysis.nodes import attribute_chain
from ...analysis.receivers import last_name
from ...analysis.sites import FunctionNode, Site
from ...analysis.values import Spelling
from ...api.rows import Role
from ...findings import Finding, FixSafety
from ...handlers.handler_model import HandlerModel
from ...handlers.methods import Methods
from ...handlers.routes import Handler
from ...lazy_pattern import LazyPattern
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, change_status, report_node

CREATED_WITHOUT_CREATION = Rule(
    code="HTS922",
    slug="created-without-creation",
    message="use {better}, not {value}: this {kind} handler creates nothing",
    summary="201 where nothing on the path creates a resource.",
    fix=FixSafety.UNSAFE,
    default=False,
    doc=RuleDoc(
        what=(
            "Reports an explicit 201 (a literal, a constant, `status_code=201` on a route) in a handler that only "
            "reads: a GET or HEAD handler, or a POST handler named for a query (`search`, `lookup`, `filter`, "
            "`preview`, `validate`...), whose every call the plugin can see into and none of which creates. "
            "Off by default."
        ),
        why=(
            "201 Created tells the client that the request made a new resource (RFC 9110 §15.3.2), typically "
            "named by `Location`. A client, an SDK generator or a cache that trusts it records a resource that "
            "does not exist; a GET must not create at all (RFC 9110 §9.2.1). 200 OK is the answer to a read."
        ),
        examples=(
            Example(
                bad=(
                    "from fastapi import APIRouter, status\n\nfrom .db import Item, Session\n\nrouter = APIRouter()\n\n\n"
                    '@router.get("/items", status_code=status.HTTP_201_CREATED)\n'
                    "def list_items(session: Session) -> list[Item]:\n"
                    "    return session.query(Item).order_by(Item.name).all()\n"
                ),
                good=(
                    "from fastapi import APIRouter\n\nfrom .db import Item, Session\n\nrouter = APIRouter()\n\n\n"
                    '@router.get("/items")\n'
                    "def list_items(session: Session) -> list[Item]:\n"
                    "    return session.query(Item).order_by(Item.name).all()\n"
                ),
                options=("--extend-select=HTS922",),
            ),
        ),
        fix_safety="Unsafe: clients see 200 instead of 201. The fix rewrites the status the code chose.",
        not_reported=(
            "Handlers that call anything the plugin cannot see into: a project helper, a method of a service or "
            "repository, a method of the view itself, `session.execute(...)` of anything but a `select`. Any of "
            "them could create.",
            "POST, PUT and PATCH handlers other than those named for a query: creating is what they may do, and "
            "HTS904 and HTS915 judge them.",
            "Handlers whose methods are unknown (a Django function view without a `request.method` check), and "
            "framework defaults (Litestar's POST).",
        ),
        references=("RFC 9110 §15.3.2 (201)", "RFC 9110 §15.3.1 (200)", "RFC 9110 §9.2.1 (safe methods)"),
    ),
)

RULES = (CREATED_WITHOUT_CREATION,)

_EXPLICIT = frozenset({Spelling.LITERAL, Spelling.CONSTANT, Spelling.FIXED, Spelling.TEXT})
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_POST = frozenset({"POST"})
# Words that name a query sent by POST (a body too large or too structured for a URL).
_QUERY_WORDS = frozenset(
    {"search", "query", "lookup", "find", "filter", "count", "preview", "validate", "estimate", "calculate"}
)
_CREATING_VERBS = frozenset({"create", "add", "new", "insert", "register", "signup", "make", "upload", "save"})
_WORD = LazyPattern(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_PATH_KEYWORDS = frozenset({"path", "rule", "uri", "route", "url"})
# Web frameworks: a call of their API builds or reads a request or a response. Their auth helpers
# (`django.contrib.auth.login`) start sessions, so they count as unknown.
_FRAMEWORKS = frozenset(
    {
        "flask",
        "django",
        "rest_framework",
        "fastapi",
        "starlette",
        "litestar",
        "aiohttp",
        "sanic",
        "tornado",
        "bottle",
        "falcon",
        "pyramid",
        "quart",
        "werkzeug",
        "ninja",
    }
)
_STDLIB_READERS = frozenset({"json", "datetime", "math", "re", "uuid", "http", "base64", "urllib", "decimal"})
_SELECTS = frozenset({"sqlalchemy.select", "sqlalchemy.future.select", "sqlmodel.select"})
_BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_")) - {
    "open",
    "exec",
    "eval",
    "setattr",
    "delattr",
    "__import__",
    "input",
}
# Methods that read: querysets, SQLAlchemy queries and results, Mongo finds, dicts, strings, serialisers.
_READS = frozenset(
    {
        "get",
        "query",
        "get_or_404",
        "first_or_404",
        "one_or_404",
        "filter",
        "filter_by",
        "exclude",
        "all",
        "first",
        "last",
        "one",
        "one_or_none",
        "scalar",
        "scalars",
        "scalar_one",
        "scalar_one_or_none",
        "order_by",
        "limit",
        "offset",
        "count",
        "exists",
        "values",
        "values_list",
        "items",
        "keys",
        "only",
        "distinct",
        "annotate",
        "aggregate",
        "select_related",
        "prefetch_related",
        "latest",
        "earliest",
        "iterator",
        "paginate",
        "where",
        "join",
        "options",
        "unique",
        "mappings",
        "fetchone",
        "fetchall",
        "fetchmany",
        "find",
        "find_one",
        "to_list",
        "to_dict",
        "as_dict",
        "dict",
        "model_dump",
        "model_dump_json",
        "serialize",
        "dump",
        "dumps",
        "loads",
        "json",
        "get_json",
        "lower",
        "upper",
        "strip",
        "split",
        "format",
        "startswith",
        "endswith",
        "replace",
        "encode",
        "decode",
        "isoformat",
        "strftime",
        "getlist",
        "is_valid",
        # SQLAlchemy column operators in a query's criteria
        "contains",
        "like",
        "ilike",
        "in_",
        "is_",
        "is_not",
        "between",
        "asc",
        "desc",
        "label",
    }
)
# Whatever these receivers are asked, the answer depends on code elsewhere (a service layer, the view itself).
_LAYERS = LazyPattern(r"(?i)(repo|repository|repositories|service|services|crud|store|dao|manager|client|api|uow)\Z")
_OWN = frozenset({"self", "cls"})
# DRF's generic views: these methods of the view itself read.
_VIEW_READS = frozenset(
    {
        "get_object",
        "get_queryset",
        "filter_queryset",
        "paginate_queryset",
        "get_serializer",
        "get_serializer_class",
        "get_paginated_response",
    }
)
_LOGGERS = LazyPattern(r"(?i)\A_?(log|logger|logging)\Z")
_LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical"})


def check(context: Context) -> Iterator[Finding]:
    model = context.handlers
    if model.in_tests:
        return
    for site in candidates(context, (201,), frozenset({Role.SET, Role.ROUTE})):
        if site.value.spelling not in _EXPLICIT:
            continue
        found = _handler_of(model, site)
        if found is None:
            continue
        handler, methods = found
        kind = _reading(handler, methods)
        if kind is not None and _reads_only(context, handler.function):
            yield context.finding(
                CREATED_WITHOUT_CREATION,
                report_node(site),
                change_status(context, site, 200),
                better=better(context, 200),
                value=site.code,
                kind=kind,
            )


def _handler_of(model: HandlerModel, site: Site) -> tuple[Handler, Methods] | None:
    if site.role is Role.ROUTE:
        function = model.decorated_by(site.anchor)
        handler = model.handler(function)
        return (handler, handler.methods) if handler is not None else None
    function = site.scope.function
    handler = model.handler(function)
    if function is None or handler is None or not model.is_final(site):
        return None
    return handler, model.methods_at(function, site.anchor)


def _reading(handler: Handler, methods: Methods) -> str | None:
    """How the message names a handler that only reads (`GET`, `POST query`); None for any other."""
    if methods.within(_SAFE_METHODS):
        assert methods.known is not None
        shown = sorted(methods.known - {"HEAD", "OPTIONS"}) or sorted(methods.known)
        return "/".join(shown)
    if methods.within(_POST) and _named_for_query(handler):
        return "POST query"
    return None


def _named_for_query(handler: Handler) -> bool:
    words = _words(handler.function.name)
    if words[:1] and words[0] in _CREATING_VERBS:  # `create_saved_search`
        return False
    segments = [path.rstrip("/").rpartition("/")[2] for path in map(_route_path, handler.routes) if path]
    return any(word in _QUERY_WORDS for word in (*words, *(w for s in segments for w in _words(s))))


def _words(name: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(name)]


def _route_path(decorator: ast.expr) -> str | None:
    if not isinstance(decorator, ast.Call):
        return None
    value = decorator.args[0] if decorator.args else None
    if value is None:
        value = next((keyword.value for keyword in decorator.keywords if keyword.arg in _PATH_KEYWORDS), None)
    return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None


def _reads_only(context: Context, function: FunctionNode) -> bool:
    """No call in the function creates or could create: each is one the plugin knows to read or build."""
    model = context.handlers
    index = model.body_index(function)
    if model.creations_in(function) or model.calls_creation_helper(function):
        return False
    return not any(_opaque(context, call) for call in index.calls)


def _opaque(context: Context, call: ast.Call) -> bool:
    func = call.func
    qualified = context.handlers.module.imports.qualify(func)
    if qualified is not None and (
        qualified in _SELECTS
        or (qualified.partition(".")[0] in _FRAMEWORKS | _STDLIB_READERS and ".auth" not in qualified)
    ):
        return False
    if _constructor(func):
        return False  # building an object stores nothing; a later `save()` is a call of its own
    if isinstance(func, ast.Name):
        return qualified is not None or func.id not in _BUILTINS or _shadowed(context, func.id)
    if not isinstance(func, ast.Attribute):
        return True
    root, parts = attribute_chain(func)
    receiver = func.value
    if isinstance(root, ast.Name) and root.id in _OWN and parts[:1] != ["request"]:
        return func.attr not in _VIEW_READS or not isinstance(receiver, ast.Name)
    if _LOGGERS.match(last_name(receiver)) and func.attr in _LOG_METHODS:
        return False
    if _layer(receiver):
        return True
    if func.attr in ("execute", "exec"):
        return not (call.args and _selects(context, call.args[0]))
    return func.attr not in _READS


def _selects(context: Context, statement: ast.expr) -> bool:
    """`select(Item).where(...).order_by(...)`: a chain that starts from a `select` call."""
    node = statement
    while isinstance(node, (ast.Call, ast.Attribute)):
        if isinstance(node, ast.Call) and context.handlers.module.imports.qualify(node.func) in _SELECTS:
            return True
        node = node.func if isinstance(node, ast.Call) else node.value
    return False


def _constructor(func: ast.expr) -> bool:
    name = last_name(func) if isinstance(func, (ast.Name, ast.Attribute)) else ""
    return name[:1].isupper() and not name.isupper()


def _shadowed(context: Context, name: str) -> bool:
    """A builtin's name bound by the module itself (`def filter(...)`, `from .x import sum`)."""
    module = context.handlers.module
    return name in module.imports.local_names or module.bindings.bound[name] > 0


def _layer(receiver: ast.expr) -> bool:
    """Some part of the receiver names a service layer (`item_service`, `self.repo`, `crud.item`)."""
    node = receiver
    while True:
        if isinstance(node, ast.Name):
            return any(_LAYERS.search(part) for part in node.id.split("_"))
        if isinstance(node, ast.Attribute):
            if any(_LAYERS.search(part) for part in node.attr.split("_")):
                return True
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func  # `db.query(Item).filter(...)`: the inner calls are judged on their own
        elif isinstance(node, ast.Subscript):
            node = node.value
        else:
            return not isinstance(node, (ast.Constant, ast.JoinedStr))  # `", ".join(...)` reads
