"""HTS906 and HTS911: content that contradicts the status it goes out with."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from ...analysis.receivers import last_name
from ...analysis.sites import Site
from ...api.idioms import Bodiless, BodyPolicy, Rendering
from ...api.rows import Role
from ...findings import Finding, FixSafety
from ...handlers.answers import setters
from ...handlers.flow import dominates
from ...handlers.responses import presence
from ...i18n.phrase import Phrase
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, report_node

_BODILESS = frozenset({*range(100, 200), 204, 205, 304})
_SUCCESS = frozenset(range(200, 300))

CONTENT_WITH_BODILESS_STATUS = Rule(
    code="HTS906",
    slug="content-with-bodiless-status",
    message="{value} cannot carry content ({why}): drop it or use {better}",
    summary="204/205/304 (or 1xx) built with a non-empty body.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a 204, 205, 304 or 1xx response built with content, where the framework sends it or fails: "
            'Django and DRF (`HttpResponse("done", status=204)`, `Response(serializer.data, status=204)`), '
            "Starlette and FastAPI `Response` objects (a `JSONResponse` renders `null` even for no content), "
            "Tornado (`set_status(204)` then `write(...)`, which raises when the response finishes), and Litestar "
            "routes whose status has no body but whose return annotation promises content (the app does not start)."
        ),
        why=(
            "RFC 9110 §6.4.1 says 1xx, 204 and 304 responses end after their headers, and §15.3.6 forbids "
            "content in 205. Content sent anyway is read as the start of the next response on a kept-alive "
            "connection, which corrupts it; where the framework refuses, the client gets a 500 instead."
        ),
        examples=(
            Example(
                bad=(
                    "from django.http import HttpResponse\n\n\ndef forget(request, key):\n"
                    '    return HttpResponse("deleted", status=204)\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom django.http import HttpResponse\n\n\n"
                    "def forget(request, key):\n    return HttpResponse(status=HTTPStatus.NO_CONTENT)\n"
                ),
            ),
        ),
        fix_safety="No fix: either the content or the status is wrong, and only the author knows which.",
        not_reported=(
            "Frameworks that drop the content themselves: Flask, Quart and Werkzeug, aiohttp, Sanic, Falcon, "
            "Bottle, and FastAPI for returned values it serializes. Clients never see it there.",
            'Empty content (`""`, `b""`, `None`) and content in a variable whose value is not known.',
            "Pyramid/WebOb, whose handling was not verified.",
        ),
        references=("RFC 9110 §6.4.1", "RFC 9110 §15.3.5 (204)", "RFC 9110 §15.3.6 (205)", "RFC 9110 §15.4.5 (304)"),
    ),
)

ERROR_PAYLOAD_WITH_SUCCESS = Rule(
    code="HTS911",
    slug="error-payload-with-success",
    message="{value} with an error body ({shape}); use an error status like {better}",
    summary="A 2xx (explicit or default) whose body is shaped as an error.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a success status, explicit or the framework's default, on content shaped as an error: "
            '`{"error": ...}`, `{"errors": ...}` with only error details beside it, `{"success": False}` '
            'or `{"ok": False}`. The default counts where it applies: `JsonResponse({"error": ...})`, DRF\'s '
            "`Response({...})`, a Flask view or error handler returning `jsonify(error=...)`, a FastAPI route "
            "returning a dict."
        ),
        why=(
            "Clients, proxies, retries, caches and monitoring read the status line, not the body. An error "
            "answered with 200 is cached as a good answer, counted as a success, and never retried; RFC 9110 §15 "
            "gives the status the job of saying whether the request worked."
        ),
        examples=(
            Example(
                bad=(
                    "from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n\n"
                    '@app.post("/login")\ndef login():\n    if "user" not in request.form:\n'
                    '        return jsonify(error="missing user")\n    return jsonify(token="t")\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n\n"
                    '@app.post("/login")\ndef login():\n    if "user" not in request.form:\n'
                    '        return jsonify(error="missing user"), HTTPStatus.BAD_REQUEST\n    return jsonify(token="t")\n'
                ),
            ),
        ),
        fix_safety="No fix: which error status fits depends on the error.",
        not_reported=(
            'Payloads that carry results beside the errors (`{"data": ..., "errors": [...]}` as GraphQL does, '
            '`{"created": 3, "errors": [...]}` for a partial batch), and JSON-RPC envelopes: 200 is right there.',
            'Empty or absent errors (`{"error": None}`, `{"errors": []}`), and content built elsewhere.',
            "Responses whose status is changed after they are built (`response.status_code = 400`).",
            '`{"status": "failed"}`, and flags beside other data (`{"ready": True, "success": False}`): '
            "they often describe a job's state, not the request's.",
        ),
        references=("RFC 9110 §15 (status codes)", "RFC 9110 §15.5 (4xx)", "RFC 9110 §15.6 (5xx)"),
    ),
)

RULES = (CONTENT_WITH_BODILESS_STATUS, ERROR_PAYLOAD_WITH_SUCCESS)


def check(context: Context) -> Iterator[Finding]:
    yield from _bodiless(context)
    yield from _error_payloads(context)


# HTS906 ------------------------------------------------------------------------------------------


def _bodiless(context: Context) -> Iterator[Finding]:
    model = context.handlers
    for site in candidates(context, _BODILESS, frozenset({Role.SET, Role.ROUTE})):
        row = model.idioms.bodiless.get(site.api.framework)
        if row is None or row.policy is BodyPolicy.DROPPED:
            continue
        if site.role is Role.ROUTE:
            reported = row.policy is BodyPolicy.REFUSED and _route_promises_content(context, site)
        elif row.policy is BodyPolicy.FAILS:
            reported = _written_after(context, site)
        else:
            content = model.content(site)
            reported = content is not None and content.present is True
        if reported:
            yield context.finding(
                CONTENT_WITH_BODILESS_STATUS,
                report_node(site),
                value=site.code,
                why=_consequence(row),
                better=better(context, 200, site),
            )


def _consequence(row: Bodiless) -> Phrase:
    if row.policy is BodyPolicy.FAILS:
        return Phrase("{framework} then answers 500", framework=row.name)
    if row.policy is BodyPolicy.REFUSED:
        return Phrase("{framework} refuses to start", framework=row.name)
    return Phrase("{framework} sends it anyway", framework=row.name)


def _route_promises_content(context: Context, site: Site) -> bool:
    """A Litestar route whose return annotation is not None."""
    function = context.handlers.decorated_by(site.anchor)
    returns = function.returns if function is not None else None
    return returns is not None and not (isinstance(returns, ast.Constant) and returns.value is None)


def _written_after(context: Context, site: Site) -> bool:
    """Tornado: `set_status(204)` followed, on every way, by `write(...)` or `finish(...)` with content."""
    model = context.handlers
    function = site.scope.function
    if function is None or not any(s is site for s in setters(model, function)):
        return False
    handler = model.handler(function)
    if handler is None:
        return False
    origin = model.path(function, site.anchor)
    for answer in model.answers(handler):
        if presence(answer.node, Rendering.RAW) and dominates(origin, model.path(function, answer.anchor), model.exits):
            return True
    return False


# HTS911 ------------------------------------------------------------------------------------------

_ERROR_KEYS = frozenset({"error", "errors"})
_FAILURE_FLAGS = frozenset({"success", "ok"})
# Keys that describe an error; anything else beside "errors" suggests a result with partial failures.
_DETAIL_KEYS = frozenset(
    {
        "error",
        "errors",
        "message",
        "msg",
        "detail",
        "details",
        "code",
        "error_code",
        "errorcode",
        "status",
        "status_code",
        "success",
        "ok",
        "description",
        "reason",
        "error_description",
        "error_message",
        "title",
        "type",
        "field",
        "fields",
        "hint",
    }
)
_JSON_CALLS = frozenset(
    {
        "dict",
        "jsonify",
        "json_response",
        "JSONResponse",
        "JsonResponse",
        "Response",
        "json",
        "make_response",
        "ORJSONResponse",
        "UJSONResponse",
        "HTTPResponse",
    }
)
_KEYWORD_CALLS = frozenset({"dict", "jsonify"})
_ERROR_WORDS = re.compile(r"""["'](?:errors?|success|ok)["']|\b(?:errors?|success|ok)\s*=""")


def _error_payloads(context: Context) -> Iterator[Finding]:
    model = context.handlers
    for site in candidates(context, _SUCCESS, frozenset({Role.SET})):
        content = model.content(site)
        node = content.node if content is not None else None
        shape = error_shape(node) if node is not None else None
        if shape is not None and model.is_final(site):
            yield _payload_finding(context, node, site.code, shape)  # type: ignore[arg-type]
    if model.in_tests:
        return
    for handler in model.all_handlers:
        if not model.mentions(handler.function, _ERROR_WORDS):
            continue  # no error-shaped content can be in there: skip the walk
        for answer in model.answers(handler):
            shape = error_shape(answer.node)
            if shape is not None and answer.status is not None and answer.status in _SUCCESS:
                yield _payload_finding(context, answer.node, answer.status, shape)


def _payload_finding(context: Context, node: ast.expr, value: object, shape: object) -> Finding:
    return context.finding(ERROR_PAYLOAD_WITH_SUCCESS, node, value=value, shape=shape, better=better(context, 400))


def error_shape(node: ast.expr) -> str | Phrase | None:
    """How `node` says it is an error (`"error" key`, `success: False`), or None."""
    items = _items(node)
    if items is None or not set(items) <= _DETAIL_KEYS:
        return None  # other keys carry results (partial failures, GraphQL, JSON-RPC, job states)
    for key in sorted(_FAILURE_FLAGS & items.keys()):
        value = items[key]
        if isinstance(value, ast.Constant) and value.value is False:
            return f"{key}: False"
    errors = sorted(key for key in _ERROR_KEYS & items.keys() if not _empty(items[key]))
    return Phrase("{key} key", key=f'"{errors[0]}"') if errors else None


_FAILURE_WORDS = frozenset({"error", "fail", "failed", "failure"})


def reports_failure(node: ast.expr) -> bool:
    """Looser than `error_shape`: any error key, a false success flag, or a failure `status` (for HTS904, which
    must not ask for 201 on a failure)."""
    items = _items(node)
    if items is None:
        return False
    if any(not _empty(items[key]) for key in _ERROR_KEYS & items.keys()):
        return True
    flags = [items[key] for key in _FAILURE_FLAGS & items.keys()]
    if any(isinstance(flag, ast.Constant) and flag.value is False for flag in flags):
        return True
    status = items.get("status")
    return isinstance(status, ast.Constant) and isinstance(status.value, str) and status.value.lower() in _FAILURE_WORDS


def _items(node: ast.expr) -> dict[str, ast.expr] | None:
    if isinstance(node, ast.Dict):
        if not all(isinstance(key, ast.Constant) and isinstance(key.value, str) for key in node.keys):
            return None
        return {key.value: value for key, value in zip(node.keys, node.values, strict=True)}  # type: ignore[union-attr]
    if isinstance(node, ast.Call) and last_name(node.func) in _JSON_CALLS:
        if node.args:
            return _items(node.args[0])
        if last_name(node.func) in _KEYWORD_CALLS and node.keywords and all(k.arg for k in node.keywords):
            return {keyword.arg: keyword.value for keyword in node.keywords if keyword.arg}
    return None


def _empty(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value in (None, False, "", 0)
    return isinstance(node, (ast.List, ast.Tuple, ast.Dict, ast.Set)) and not (
        node.keys if isinstance(node, ast.Dict) else node.elts
    )
