"""HTS907 and HTS910: answers about which methods a resource supports."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.sites import FunctionNode, Site
from ...api.idioms import VERBS
from ...findings import Finding, FixSafety
from ...handlers.flow import Path
from ...handlers.methods import is_method_test
from ...handlers.routes import Handler
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, change_status, report_node

_STANDARD = frozenset(VERBS)

METHOD_NOT_ALLOWED_WITHOUT_ALLOW = Rule(
    code="HTS907",
    slug="method-not-allowed-without-allow",
    message="{value} without an Allow header: list the allowed methods, e.g. 'GET, HEAD'",
    summary="A 405 without an Allow header where the framework does not add one.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a 405 that the code sends itself without an `Allow` header: `abort(405)` without "
            "`valid_methods=`, `HTTPException(status_code=405)`, `HttpResponse(status=405)`, Tornado's "
            "`raise HTTPError(405)`, Litestar's `MethodNotAllowedException()`, Pyramid's `HTTPMethodNotAllowed()`."
        ),
        why=(
            "RFC 9110 §15.5.6 requires an origin server to send `Allow` with every 405 (§10.2.1): it is how a "
            "client learns what it may do instead."
        ),
        examples=(
            Example(
                bad=(
                    'from django.http import HttpResponse\n\n\ndef feed(request):\n    if request.method != "GET":\n'
                    '        return HttpResponse(status=405)\n    return HttpResponse("items")\n'
                ),
                good=(
                    "from django.http import HttpResponse, HttpResponseNotAllowed\n\n\ndef feed(request):\n"
                    '    if request.method != "GET":\n        return HttpResponseNotAllowed(["GET"])\n'
                    '    return HttpResponse("items")\n'
                ),
            ),
        ),
        fix_safety="No fix: the list of supported methods is the author's to write.",
        not_reported=(
            "405s the router sends for unrouted methods (Flask, Starlette, FastAPI, aiohttp, Falcon, Sanic, Bottle "
            "add `Allow` there), DRF (every APIView response carries `Allow`), Django's `HttpResponseNotAllowed`, "
            "aiohttp's and Falcon's `HTTPMethodNotAllowed` (they require the methods).",
            "Responses whose headers come from a variable or a helper, responses handed to another call, and "
            "functions or modules that mention `Allow` anywhere.",
        ),
        references=("RFC 9110 §15.5.6 (405)", "RFC 9110 §10.2.1 (Allow)"),
    ),
)

NOT_IMPLEMENTED_FOR_KNOWN_METHOD = Rule(
    code="HTS910",
    slug="not-implemented-for-known-method",
    message="use {better}, not {value}: {method} is standard, just not allowed here",
    summary="501 for a standard method that this resource does not support.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what=(
            "Reports a 501 that is a handler's whole answer to a standard method (GET, POST, PUT, PATCH, DELETE, "
            "HEAD, OPTIONS) of a resource that serves other methods: the first statement of a class-based view's "
            "`put()` next to a working `get()`, of a route whose path another route in the module serves, or of a "
            '`request.method == "PUT"` branch.'
        ),
        why=(
            "501 Not Implemented means the server does not support the functionality at all, such as a method "
            "it does not recognise for any resource (RFC 9110 §15.6.2). A known method that this resource does "
            "not allow is 405 Method Not Allowed (§15.5.6), which clients can act on, and which caches treat as "
            "a client error rather than a server fault."
        ),
        examples=(
            Example(
                bad=(
                    "from tornado.web import HTTPError, RequestHandler\n\n\nclass ItemHandler(RequestHandler):\n"
                    '    def get(self):\n        self.write({"id": 1})\n\n    def delete(self):\n'
                    "        raise HTTPError(501)\n"
                ),
                good=(
                    "from tornado.web import RequestHandler\n\n\nclass ItemHandler(RequestHandler):\n"
                    '    def get(self):\n        self.write({"id": 1})\n'
                ),
            ),
        ),
        fix_safety=(
            "Unsafe: clients see 405. The fix rewrites a literal or constant; a 405 then needs an `Allow` header "
            "(HTS907), and often the better fix is to delete the method so the framework answers 405 itself."
        ),
        not_reported=(
            "A 501 after other work in the handler: it is about a feature (an export format, a backend) the "
            "server lacks, where 501 can be right.",
            "A 501 for methods the code has not narrowed down (a catch-all branch): the method may be one the "
            "server does not recognise, where 501 is right.",
            "A route whose only handler is the 501 (an endpoint not built yet): 405 would claim the resource "
            "supports no method at all.",
        ),
        references=("RFC 9110 §15.6.2 (501)", "RFC 9110 §15.5.6 (405)"),
    ),
)

RULES = (METHOD_NOT_ALLOWED_WITHOUT_ALLOW, NOT_IMPLEMENTED_FOR_KNOWN_METHOD)


def check(context: Context) -> Iterator[Finding]:
    model = context.handlers
    for site in candidates(context, (405, 501)):
        if site.code == 405:
            if not model.has_header(site, "Allow"):
                yield context.finding(METHOD_NOT_ALLOWED_WITHOUT_ALLOW, report_node(site), value=site.code)
            continue
        function = site.scope.function
        method = _refused_method(context, function, site) if function is not None else None
        if method is not None:
            yield context.finding(
                NOT_IMPLEMENTED_FOR_KNOWN_METHOD,
                report_node(site),
                change_status(context, site, 405),
                better=better(context, 405, site),
                value=site.code,
                method=method,
            )


def _refused_method(context: Context, function: FunctionNode, site: Site) -> str | None:
    """The standard method(s) whose whole answer the 501 is, or None."""
    model = context.handlers
    path = model.path(function, site.anchor)
    if not path or not _first_statement(path):
        return None
    owner = path[-1].owner
    handler = model.handler(function)
    if owner is function:
        # The whole handler refuses: only a resource that serves other methods "knows" this one.
        if handler is None or handler.methods.known is None or not _serves_other_methods(context, handler):
            return None
    elif not (isinstance(owner, ast.If) and is_method_test(owner.test)):
        return None
    methods = model.methods_at(function, site.anchor)
    if methods.known is None or not methods.within(_STANDARD):
        return None
    return "/".join(sorted(methods.known))


def _serves_other_methods(context: Context, handler: Handler) -> bool:
    """Another handler answers the same resource: a sibling method of the view class, or a route with the
    same owner and path in this module."""
    model = context.handlers
    resource = _resource(handler)
    for function, _ in context.candidates.functions:
        other = model.handler(function) if function is not handler.function else None
        if other is None or _refuses(context, function):
            continue
        if handler.view is not None and other.view is handler.view:
            return True
        if resource is not None and _resource(other) == resource:
            return True
    return False


def _resource(handler: Handler) -> tuple[str, str] | None:
    """(owner, path) of a function route with a literal path: `("router", "/items/{id}")`."""
    for route in handler.routes:
        if isinstance(route, ast.Call) and route.args and isinstance(route.args[0], ast.Constant):
            owner = ast.unparse(route.func.value) if isinstance(route.func, ast.Attribute) else ""
            return owner, str(route.args[0].value)
    return None


def _refuses(context: Context, function: FunctionNode) -> bool:
    """The function's first statement sends 501: a stub, not a method the resource serves."""
    model = context.handlers
    return any(
        site.code == 501
        and _first_statement(model.path(function, site.anchor))
        and len(model.path(function, site.anchor)) == 1
        for site in model.sites_in(function)
    )


def _first_statement(path: Path) -> bool:
    """The statement holding the site comes first in its block (a docstring aside)."""
    return all(isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) for stmt in path[-1].before)
