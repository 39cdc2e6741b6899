"""HTS904 and HTS915: the answer to a request that created a resource."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...analysis.sites import FunctionNode, Site
from ...analysis.values import Spelling
from ...api import PATH_PARAMETER
from ...api.rows import Role
from ...findings import Finding, Fix, FixSafety
from ...handlers.answers import Answer
from ...handlers.handler_model import HandlerModel
from ...handlers.routes import Handler
from ...lazy_pattern import LazyPattern
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import append_status, better, candidates, change_status, report_node
from .payloads import reports_failure

if TYPE_CHECKING:
    from ...handlers.creation import Created

_CREATING = frozenset({"POST", "PUT"})
_POST = frozenset({"POST"})
_PATH_KEYWORDS = frozenset({"path", "rule", "uri", "route", "url"})
# Parameters a framework passes to every handler: anything else a class-based view or a route without a
# written path receives comes from the URL.
_FRAMEWORK_ARGUMENTS = frozenset({"self", "cls", "request", "req", "resp", "response", "context"})
_BULK_PREFIXES = ("bulk", "abulk", "insert_many", "create_many", "add_all")
# Handlers for these actions answer about the action; a row they write (a session, a run, a sent message)
# is a by-product, and OAuth's token endpoint answers 200 by its own RFC (6749 §5.1).
_ACTIONS = frozenset(
    {
        "login",
        "logout",
        "signin",
        "signout",
        "authenticate",
        "token",
        "search",
        "query",
        "lookup",
        "find",
        "filter",
        "send",
        "resend",
        "notify",
        "run",
        "execute",
        "trigger",
        "start",
        "stop",
        "restart",
        "retry",
        "sync",
        "refresh",
        "verify",
        "validate",
        "check",
        "test",
        "ping",
        "preview",
        "reset",
        "confirm",
        "webhook",
        "webhooks",
        "callback",
    }
)
_CREATING_VERBS = frozenset({"create", "add", "new", "insert", "register", "signup", "make", "upload", "save"})
_WORD = LazyPattern(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")

OK_AFTER_CREATE = Rule(
    code="HTS904",
    slug="ok-after-create",
    message="use {better}, not {value}: {creation} on line {line} creates a resource",
    summary="A POST (or creating PUT) handler that creates a resource and answers 200.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what=(
            "Reports a handler for POST (or PUT) that creates a resource on every way to its answer and answers "
            "200, explicitly or by the framework's default: `Model.objects.create(...)`, `session.add(Model(...))`, "
            "`serializer.save()` on a serializer built without an instance, `insert_one(...)`, `repo.create(...)`. "
            "Framework defaults are respected: a FastAPI route without `status_code=` answers 200 even for POST "
            "(reported), a Litestar `@post` answers 201 already and DRF's `CreateModelMixin` too (not reported). "
            "A FastAPI handler that returns a `Response` object is judged by that object, whose status wins."
        ),
        why=(
            "RFC 9110 §9.3.3 says an origin server that creates resources for a POST should answer 201 Created, "
            "and §9.3.4 requires 201 for a PUT that creates. Clients, SDK generators and caches read 201 as "
            '"something new exists", typically at the `Location` URI; 200 tells them nothing was made.'
        ),
        examples=(
            Example(
                bad=(
                    "from fastapi import APIRouter\n\nfrom .db import Item, Session\n\nrouter = APIRouter()\n\n\n"
                    '@router.post("/items")\ndef create_item(data: dict, session: Session) -> dict:\n'
                    '    item = Item(**data)\n    session.add(item)\n    session.commit()\n    return {"id": item.id}\n'
                ),
                good=(
                    "from fastapi import APIRouter, status\n\nfrom .db import Item, Session\n\nrouter = APIRouter()\n\n\n"
                    '@router.post("/items", status_code=status.HTTP_201_CREATED)\n'
                    "def create_item(data: dict, session: Session) -> dict:\n    item = Item(**data)\n"
                    '    session.add(item)\n    session.commit()\n    return {"id": item.id}\n'
                ),
            ),
        ),
        fix_safety=(
            "Unsafe: clients see 201 instead of 200. The fix rewrites an explicit status, adds the status "
            "keyword where the framework default applied (`status_code=` on a FastAPI route decorator, `status=` "
            "on `JsonResponse` or DRF's `Response`), or appends the status to a Flask view's return value."
        ),
        not_reported=(
            "`get_or_create` and `update_or_create`: whether anything was created depends on the run.",
            "Creations that happen only on some ways to the answer (inside an `if`, a loop, or a helper function "
            "the handler calls, unless the helper is in another module of the project and creates on every way out "
            "of it), and `save()` on objects loaded rather than built in the handler.",
            "Handlers whose methods are unknown (a Django function view without a `request.method` check), "
            "and PUT handlers that update (a serializer built with an instance).",
            "Litestar `@post` handlers and DRF's `CreateModelMixin`: they already answer 201.",
            "HTML form handlers that redirect after the creation (HTS908 judges the redirect status).",
            'Handlers whose answer does not carry what they made (`{"ok": True}`, a token), handlers that only '
            "write a log, audit or history row (`AuditLog`, `History`), handlers named for an action (`login`, "
            "`search`, `send`, `run`, `POST /jobs/<id>/run`), and upserts (`.on_conflict_replace()`, `upsert=True`).",
        ),
        references=("RFC 9110 §9.3.3 (POST)", "RFC 9110 §9.3.4 (PUT)", "RFC 9110 §15.3.2 (201)"),
        options=(
            "`http-status-creation-calls`: project calls that create a resource "
            "(`myapp.orders.place_order`, `orders_service.open`).",
        ),
    ),
)

CREATED_WITHOUT_LOCATION = Rule(
    code="HTS915",
    slug="created-without-location",
    message="{value} without a Location header: name the new resource's URI so clients can fetch it",
    summary="201 without a Location header.",
    fix=FixSafety.NONE,
    default=False,
    doc=RuleDoc(
        what=(
            "Reports a 201 that the code chooses explicitly (a literal, a constant, `status_code=201` on a route, "
            "`web.HTTPCreated`) without setting a `Location` header on the way, in a POST handler that has just "
            "created one resource (`Model.objects.create`, `session.add(Model(...))`, a new serializer's `save()`, "
            "`repo.create`...). Off by default."
        ),
        why=(
            "A 201 identifies the resource it created by its `Location` header; without one, clients must assume "
            "the request URI names it (RFC 9110 §15.3.2), which is rarely true for POST to a collection."
        ),
        examples=(
            Example(
                bad=(
                    "from http import HTTPStatus\n\nfrom django.http import JsonResponse\n"
                    "from django.views.decorators.http import require_POST\n\nfrom .models import Item\n\n\n"
                    '@require_POST\ndef create(request):\n    item = Item.objects.create(name=request.POST["name"])\n'
                    '    return JsonResponse({"id": item.pk}, status=HTTPStatus.CREATED)\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom django.http import JsonResponse\n"
                    "from django.views.decorators.http import require_POST\n\nfrom .models import Item\n\n\n"
                    '@require_POST\ndef create(request):\n    item = Item.objects.create(name=request.POST["name"])\n'
                    '    response = JsonResponse({"id": item.pk}, status=HTTPStatus.CREATED)\n'
                    '    response["Location"] = f"/items/{item.pk}"\n    return response\n'
                ),
                options=("--extend-select=HTS915",),
            ),
        ),
        fix_safety="No fix: only the author knows the new resource's URI.",
        not_reported=(
            "Framework defaults (Litestar's POST, DRF's `CreateModelMixin`, which adds `Location` from a `url` "
            "field): the author did not choose the 201 there.",
            "Responses whose headers come from a variable or a helper, responses handed to another call, and "
            "functions or modules that mention `Location` anywhere.",
            "PUT handlers, and POST routes whose path ends in a parameter (`/teams/{name}`): the request URI names "
            "the new resource, which is what a 201 without `Location` says. Class-based views and routes whose "
            "path is not written here count as such when the handler takes URL arguments (`def post(self, name)`).",
            "A 201 with no creation before it (a token reset, a sent email): the status is the question there, "
            "not the header. Creations the plugin cannot see (a project's `action.execute()`) count as none; "
            "list them in `http-status-creation-calls`.",
            "Several resources made at once (`bulk_create`, a creation inside a loop): one `Location` cannot name "
            "them all.",
        ),
        references=("RFC 9110 §15.3.2 (201)", "RFC 9110 §10.2.2 (Location)"),
    ),
)

RULES = (OK_AFTER_CREATE, CREATED_WITHOUT_LOCATION)

_EXPLICIT = frozenset({Spelling.LITERAL, Spelling.CONSTANT, Spelling.FIXED, Spelling.TEXT})


def check(context: Context) -> Iterator[Finding]:
    model = context.handlers
    if model.in_tests:
        return
    yield from _created_without_location(context)
    for site in candidates(context, (200,), frozenset({Role.SET})):
        function = site.scope.function
        if function is not None and model.is_final(site):
            yield from _answered_ok(context, site, function)
    reported_routes: set[int] = set()
    for handler in model.all_handlers:
        if not _may_create(handler.methods.known) or not model.may_create(handler.function):
            continue
        for answer in model.answers(handler):
            if answer.status == 200:
                yield from _answer(context, answer, reported_routes)


def _may_create(known: frozenset[str] | None) -> bool:
    return known is None or not known.isdisjoint(_CREATING)


def _creation(
    context: Context,
    function: FunctionNode,
    node: ast.AST,
    content: ast.expr | None,
) -> tuple[str, Created] | None:
    """The creating method and a creation on every way to `node`, when both hold and the answer is not an
    error (an `except` branch, or content that reports a failure)."""
    model = context.handlers
    if model.except_clauses(function, node) or (content is not None and reports_failure(content)):
        return None
    methods = model.methods_at(function, node)
    if not methods.within(_CREATING):
        return None
    handler = model.handler(function)
    if handler is not None and _is_action(handler):
        return None
    created = model.created_before(function, node)
    if "PUT" in (methods.known or ()):
        # A PUT creates its target only when it stores the resource itself; a service call may make a
        # different resource (an escalation creating an incident), which says nothing about the target.
        created = [creation for creation in created if not creation.row.heuristic]
    if not created:
        return None
    # Imported here: the handler model imports `creation` only for a module that may create something.
    from ...handlers.creation import answers_with, records_event

    # The answer must carry what was made: a login that writes an audit row, or a job run that records the
    # run and answers "started", made something beside the point of the request.
    index = model.body_index(function)
    created = [
        c for c in created if not records_event(c, index) and (content is None or answers_with(c, index, content))
    ]
    if not created:
        return None
    assert methods.known is not None
    return "/".join(sorted(methods.known)), created[0]


def _is_action(handler: Handler) -> bool:
    """A handler named for an action (`login`, `search_items`, `POST /jobs/<id>/run`): what it creates, if
    anything, is a by-product. A name that starts with a creating verb (`create_search`) is not one."""
    words = _words(handler.function.name)
    if words[:1] and words[0] in _CREATING_VERBS:
        return False
    segments = [path.rstrip("/").rpartition("/")[2] for path in map(_route_path, handler.routes) if path is not None]
    return any(word in _ACTIONS for word in (*words, *(w for segment in segments for w in _words(segment))))


def _words(name: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(name)]


def _answered_ok(context: Context, site: Site, function: FunctionNode) -> Iterator[Finding]:
    content = context.handlers.content(site)
    found = _creation(context, function, site.anchor, content.node if content is not None else None)
    if found is not None:
        method, created = found
        yield _finding(context, report_node(site), change_status(context, site, 201), site.code, method, created)


def _answer(context: Context, answer: Answer, reported_routes: set[int]) -> Iterator[Finding]:
    function = answer.handler.function
    found = _creation(context, function, answer.anchor, answer.node)
    if found is None:
        return
    method, created = found
    route = answer.route
    if route is not None:
        if id(route) not in reported_routes:
            reported_routes.add(id(route))
            yield _finding(
                context,
                report_node(route),
                change_status(context, route, 201),
                route.code,
                method,
                created,
            )
        return
    fix = append_status(context, answer.node, 201) if _is_return_value(answer) else None
    yield _finding(context, answer.node, fix, answer.status, method, created)


def _is_return_value(answer: Answer) -> bool:
    return isinstance(answer.anchor, ast.Return) and answer.anchor.value is answer.node


def _finding(context: Context, node: ast.AST, fix: Fix | None, value: object, method: str, created: Created) -> Finding:
    return context.finding(
        OK_AFTER_CREATE,
        node,
        fix,
        better=better(context, 201),
        value=value,
        method=method,
        creation=created.row.label,
        line=created.call.lineno,
    )


def _created_without_location(context: Context) -> Iterator[Finding]:
    model = context.handlers
    for site in candidates(context, (201,), frozenset({Role.SET, Role.RAISE, Role.ROUTE})):
        if site.value.spelling not in _EXPLICIT:
            continue
        if site.role is Role.ROUTE:
            function = model.decorated_by(site.anchor)
            index = model.body_index(function) if function is not None else None
            if index is None or model.headers.has(site, "Location", index):
                continue
        else:
            function = site.scope.function
            if function is None or model.has_header(site, "Location"):
                continue
        if function is not None and _made_elsewhere(context, function, site):
            yield context.finding(CREATED_WITHOUT_LOCATION, report_node(site), value=site.code)


def _made_elsewhere(context: Context, function: FunctionNode, site: Site) -> bool:
    """A POST handler made one new resource before the 201, at an address other than the request's.

    Only then does a missing `Location` leave the client without the address: a PUT (or a POST to a URI
    that ends in the new resource's name) creates what the request URI already names (RFC 9110 §15.3.2),
    one header cannot name many resources, and a 201 with nothing created is a wrong status, not a
    missing header. A route's `status_code=` covers every answer that goes out with it.
    """
    model = context.handlers
    handler = model.handler(function)
    if handler is None:
        return False
    methods = handler.methods if site.role is Role.ROUTE else model.methods_at(function, site.anchor)
    if not methods.within(_POST) or _target_is_resource(handler):
        return False
    if site.role is Role.ROUTE:
        created = _created_on_every_answer(model, handler, site.anchor)
    else:
        created = model.created_before(function, site.anchor)
    return bool(created) and not any(_several(model, function, creation) for creation in created)


def _created_on_every_answer(model: HandlerModel, handler: Handler, route: ast.AST) -> list[Created]:
    """For a route's status: creations before every answer that goes out with it. None when no answer
    does (a returned response object has its own status) or when one answer made nothing."""
    found: list[Created] = []
    answers = [answer for answer in model.answers(handler) if answer.route is not None and answer.route.anchor is route]
    for answer in answers:
        before = model.created_before(handler.function, answer.anchor)
        if not before:
            return []
        found.extend(before)
    return found


def _target_is_resource(handler: Handler) -> bool:
    """The request URI may name the new resource: the route ends in a parameter (`/teams/{name}`), or,
    where no route path is written here, the handler takes path arguments (`def post(self, name)`)."""
    paths = [path for path in map(_route_path, handler.routes) if path is not None]
    if paths:
        return any(PATH_PARAMETER.match(path.rstrip("/").rpartition("/")[2]) is not None for path in paths)
    args = handler.function.args
    return any(arg.arg not in _FRAMEWORK_ARGUMENTS for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs))


def _route_path(decorator: ast.expr) -> str | None:
    if not isinstance(decorator, ast.Call):
        return None
    value = (
        decorator.args[0]
        if decorator.args
        else next(
            (keyword.value for keyword in decorator.keywords if keyword.arg in _PATH_KEYWORDS),
            None,
        )
    )
    return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else None


def _several(model: HandlerModel, function: FunctionNode, creation: Created) -> bool:
    """The call makes many resources: a bulk method, or one call per item of a loop."""
    attribute = creation.call.func.attr if isinstance(creation.call.func, ast.Attribute) else ""
    return attribute.startswith(_BULK_PREFIXES) or model.in_loop(function, creation.call)
