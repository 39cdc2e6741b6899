"""HTS906 and HTS911: content that contradicts the status it goes out with."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from ...analysis.sites import FunctionNode, Site
from ...api.idioms import Bodiless, BodyPolicy, Rendering
from ...api.rows import Role
from ...findings import Finding, FixSafety
from ...handlers.answers import helper_answers, setters
from ...handlers.flow import dominates
from ...handlers.responses import presence
from ...i18n.phrase import Phrase
from ...lazy_pattern import LazyPattern
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, report_node
from .payloads import Body, Payload, error_payload

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
    message="error body ({shape}) sent with {value}: use e.g. {better}",
    summary="A 2xx (explicit or default) whose body is shaped as an error.",
    fix=FixSafety.NONE,
    names_another_status=True,
    doc=RuleDoc(
        what=(
            "Reports a success status, explicit or the framework's default, on content shaped as an error: "
            '`{"error": ...}`, `{"errors": ...}` with only error details beside it, `{"success": False}` '
            'or `{"ok": False}`, a failed outcome (`{"status": "error"}`, `"fail"`, `"failed"`, `"failure"`, '
            '`{"result": "error"}`), or an HTTP status written into the body instead of the status line '
            '(`jsonify(status=404, message=...)`, `{"code": 400, "msg": ...}`, `{"status_code": 500}`), in which '
            "case the message recommends that status. Flash-style messages count when their colour is an error "
            '(`{"type": "danger", "message": ...}`, or `"error"`, under `type`, `category` or `level`), and so does '
            'a false status beside a message (`{"status": False, "msg": ...}`); so does a list written out whole '
            'whose every item is such a payload (`jsonify([{"type": "danger", "message": ...}])`). '
            "The default counts where it applies: "
            "`JsonResponse({\"error\": ...})`, DRF's `Response({...})`, `JSONResponse`, aiohttp's "
            "`web.json_response`, Sanic's `json`, Flask's `make_response(jsonify(...))`, a Flask or Quart view or "
            "error handler or `before_request` hook returning `jsonify(error=...)`, `json.dumps(...)` or a dict, a FastAPI route returning a dict, Tornado's "
            "`self.write`/`self.finish` and Falcon's `resp.media` with no status set before. A dict built in a "
            "variable first is read when the function binds it once and never changes it "
            '(`payload = {"error": msg}; return jsonify(payload)`). A response helper in the same module that a '
            'view returns as it is (`return fail("bad")` with `def fail(msg): return jsonify(success=False, '
            "message=msg)`) is reported at the helper's own return."
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
            Example(
                bad=(
                    "from django.http import JsonResponse\n\n\ndef invoice(request, pk):\n"
                    '    return JsonResponse({"code": 404, "msg": "no such invoice"})\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom django.http import JsonResponse\n\n\n"
                    "def invoice(request, pk):\n"
                    '    return JsonResponse({"msg": "no such invoice"}, status=HTTPStatus.NOT_FOUND)\n'
                ),
            ),
        ),
        fix_safety="No fix: which error status fits depends on the error, and clients may read the body's code.",
        not_reported=(
            'Payloads that carry results beside the errors (`{"data": ..., "errors": [...]}` as GraphQL does, '
            '`{"created": 3, "errors": [...]}` for a partial batch), and JSON-RPC envelopes: 200 is right there.',
            'Empty or absent errors (`{"error": None}`, `{"errors": []}`), and content built elsewhere, in a '
            "variable bound more than once (a `response = [...]` in each branch) or changed after it was built "
            '(`data["status"] = "error"`), or in another module.',
            'Flash messages in other colours (`"warning"`, `"info"`, `"success"`), `{"type": "error"}` or '
            '`{"status": False}` without a message, and lists that mix successes with errors or are built item by '
            "item: per-item results report a partial failure.",
            "Responses whose status is changed after they are built (`response.status_code = 400`, "
            "`return response, 409`), and responses given a status keyword the call does not take (DRF's "
            "`Response(data, status_code=400)`): the call fails or the status is lost, but no 200 is sure.",
            'Flags and outcomes beside other data (`{"ready": True, "success": False}`, '
            '`{"status": "failed", "job": 3}`): they describe a job\'s state, not the request\'s.',
            "Health, readiness and status endpoints (by the function's name or the route's path: `health`, "
            "`healthz`, `ready`, `live`, `ping`, `status`, ...): reporting a dependency's state in the body of a "
            "200 is often deliberate there, so that a monitor does not restart or unroute the instance for a "
            "fault that is not its own.",
            "Webhook receivers (the handler's code mentions a webhook, as `stripe.Webhook.construct_event` does): "
            "the sender retries anything but a 2xx, so an event the receiver ignores is acknowledged with a 200.",
            'Numbers in the body that are not 4xx/5xx statuses (`{"code": 2}`), and helpers whose callers choose '
            "the status (`def fail(msg, status): return jsonify(error=msg), status`).",
            "Functions that no handler returns as they are: model or service code that builds such dicts.",
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

# A cheap text test before walking a function: the words an error-shaped payload must contain.
_ERROR_WORDS = LazyPattern(
    r"""["'](?:errors?|danger|success|ok|status|code|status_code|statusCode|http_status|result)["']"""
    r"""|\b(?:errors?|success|ok|status|code|status_code|result)\s*="""
)
# Health, readiness and status endpoints report a dependency's state in the body of a 200 on purpose: a
# failing status would take the instance out of rotation or restart it for a fault that is not its own.
_MONITORING_WORDS = frozenset(
    {"health", "healthz", "healthcheck", "ready", "readyz", "readiness", "live", "livez", "liveness", "ping"}
    | {"heartbeat", "status", "alive"}
)


def _error_payloads(context: Context) -> Iterator[Finding]:
    model = context.handlers
    for site in candidates(context, _SUCCESS, frozenset({Role.SET})):
        content = model.content(site)
        function = site.scope.function
        if content is None or content.node is None or function is None or _monitoring(context, function):
            continue
        if _unread_status_keyword(site):
            continue
        payload = error_payload(content.node, _body(context, function))
        if payload is not None and model.is_final(site):
            yield _payload_finding(context, content.node, site.code, payload)
    if model.in_tests:
        return
    for handler in model.all_handlers:
        if _monitoring(context, handler.function):
            continue
        own = model.answers(handler) if model.mentions(handler.function, _ERROR_WORDS) else []
        for answer in (*own, *helper_answers(model, handler)):
            function = answer.helper or handler.function
            if answer.helper is not None and not model.mentions(function, _ERROR_WORDS):
                continue
            payload = error_payload(answer.node, _body(context, function))
            if payload is not None and answer.status is not None and answer.status in _SUCCESS:
                yield _payload_finding(context, answer.node, answer.status, payload)


# Keywords that name a status: on a call whose default status the site stands for, the API does not take it
# (DRF's `Response(..., status_code=400)`), so the call fails or the author's status is lost, and no 200 is sure.
_STATUS_KEYWORDS = frozenset({"status", "status_code", "code", "http_status"})


def _unread_status_keyword(site: Site) -> bool:
    anchor = site.anchor
    return (
        site.node is None
        and isinstance(anchor, ast.Call)
        and any(keyword.arg in _STATUS_KEYWORDS for keyword in anchor.keywords)
    )


def _payload_finding(context: Context, node: ast.expr, value: object, payload: Payload) -> Finding:
    """Advice to send the status the body already names (`{"code": 404}`), else 400."""
    code = payload.status if payload.status is not None else 400
    return context.finding(
        ERROR_PAYLOAD_WITH_SUCCESS, node, value=value, shape=payload.shape, better=better(context, code)
    )


def _body(context: Context, function: FunctionNode) -> Body:
    parameters = function.args
    names = [*parameters.posonlyargs, *parameters.args, *parameters.kwonlyargs, parameters.vararg, parameters.kwarg]
    return Body(context.handlers.body_index(function), frozenset(a.arg for a in names if a is not None))


def _monitoring(context: Context, function: FunctionNode) -> bool:
    """A health, readiness or status endpoint, by the function's name or its route's path; or a webhook
    receiver (its code mentions a webhook: `stripe.Webhook.construct_event`), which acknowledges with a 2xx
    whatever it made of the event, since senders retry anything else."""
    if context.handlers.mentions(function, _WEBHOOK):
        return True
    texts = [function.name]
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call):
            texts.extend(a.value for a in decorator.args if isinstance(a, ast.Constant) and isinstance(a.value, str))
    return any(not _MONITORING_WORDS.isdisjoint(_WORD_SPLIT.split(text.lower())) for text in texts)


_WORD_SPLIT = LazyPattern(r"[^a-z0-9]+")
_WEBHOOK = LazyPattern(r"web_?hook", re.IGNORECASE)
