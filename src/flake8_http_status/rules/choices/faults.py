"""HTS909, HTS912, HTS914: error statuses that blame the wrong party.

Each looks at what the branch around the status is handling: the `except` clause it sits in, or a
check that failed (`if not serializer.is_valid():`, `if Model.objects.filter(...).exists():`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.nodes import strip_not
from ...analysis.receivers import last_name
from ...analysis.sites import FunctionNode, Site
from ...api.idioms import Evidence, Fault
from ...findings import Finding, FixSafety
from ...handlers.flow import facts
from ...handlers.handler_model import Caught
from ...i18n.phrase import Phrase
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, change_status, report_node

_SERVER_ERRORS = frozenset(range(500, 600))
_CONFLICT_WORDS = ("already exist", "already taken", "already registered", "already in use")

SERVER_ERROR_FOR_CLIENT_FAULT = Rule(
    code="HTS909",
    slug="server-error-for-client-fault",
    message="use {better}, not {value}: the branch handles {cause}",
    summary="A 5xx sent from a branch that handles bad client input.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a 5xx sent while handling bad input from the client: in an `except` clause for "
            "`ValidationError` (pydantic, marshmallow, Django, DRF, jsonschema), `JSONDecodeError`, or "
            "`ValueError`/`KeyError`/`UnicodeDecodeError` raised by code that reads the request, and in the "
            "branch where `form.is_valid()` or `serializer.is_valid()` failed."
        ),
        why=(
            "5xx says the server failed (RFC 9110 §15.6): clients retry, monitors page someone, and the client "
            "is never told to fix its request. Invalid input is a 4xx: 400 Bad Request (§15.5.1), or 422 "
            "Unprocessable Content for well-formed but invalid data (§15.5.21)."
        ),
        examples=(
            Example(
                bad=(
                    "import json\n\nfrom django.http import JsonResponse\n\n\ndef ingest(request):\n    try:\n"
                    "        payload = json.loads(request.body)\n    except json.JSONDecodeError:\n"
                    '        return JsonResponse({"error": "bad json"}, status=500)\n'
                    '    return JsonResponse({"keys": len(payload)})\n'
                ),
                good=(
                    "import json\nfrom http import HTTPStatus\n\nfrom django.http import JsonResponse\n\n\n"
                    "def ingest(request):\n    try:\n        payload = json.loads(request.body)\n"
                    "    except json.JSONDecodeError:\n"
                    '        return JsonResponse({"error": "bad json"}, status=HTTPStatus.BAD_REQUEST)\n'
                    '    return JsonResponse({"keys": len(payload)})\n'
                ),
            ),
        ),
        fix_safety="No fix: 400 and 422 are both reasonable; the author chooses.",
        not_reported=(
            "`ValueError`, `KeyError` and `UnicodeDecodeError` around code that does not read the request or "
            "the handler's parameters: they may be the server's own bugs.",
            "`except` clauses that also catch server-side exceptions (`except (ValueError, DatabaseError)`), "
            "and bare or broad clauses (`except Exception`).",
        ),
        references=("RFC 9110 §15.5.1 (400)", "RFC 9110 §15.5.21 (422)", "RFC 9110 §15.6 (5xx)"),
    ),
)

REQUEST_TIMEOUT_FOR_UPSTREAM = Rule(
    code="HTS912",
    slug="request-timeout-for-upstream",
    message="use {better}, not {value}: {exception} is an upstream timeout",
    summary="408 sent from a branch handling an upstream timeout.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what=(
            "Reports a 408 sent from an `except` clause for a timeout of an outgoing call: `requests.Timeout`, "
            "`httpx.TimeoutException`, `aiohttp.ServerTimeoutError`, and `asyncio.TimeoutError` or `TimeoutError` "
            "around a call to an HTTP client."
        ),
        why=(
            "408 Request Timeout means the server gave up waiting for the client's request (RFC 9110 §15.5.9), "
            "and clients may repeat it at once. When a service the server depends on is slow, the server "
            "failed as a gateway: 504 Gateway Timeout (§15.6.5)."
        ),
        examples=(
            Example(
                bad=(
                    "import httpx\nfrom fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n\n"
                    '@app.get("/rates")\nasync def rates() -> dict:\n    try:\n'
                    "        async with httpx.AsyncClient(timeout=2) as client:\n"
                    '            reply = await client.get("https://rates.example")\n'
                    "    except httpx.TimeoutException:\n        raise HTTPException(status_code=408)\n"
                    "    return reply.json()\n"
                ),
                good=(
                    "import httpx\nfrom fastapi import FastAPI, HTTPException, status\n\napp = FastAPI()\n\n\n"
                    '@app.get("/rates")\nasync def rates() -> dict:\n    try:\n'
                    "        async with httpx.AsyncClient(timeout=2) as client:\n"
                    '            reply = await client.get("https://rates.example")\n    except httpx.TimeoutException:\n'
                    "        raise HTTPException(status_code=status.HTTP_504_GATEWAY_TIMEOUT)\n    return reply.json()\n"
                ),
            ),
        ),
        fix_safety="Unsafe: clients see 504 instead of 408, and stop retrying at once.",
        not_reported=(
            "408s outside an `except` clause for a timeout: the server may really have waited for the client.",
            "Generic timeouts (`TimeoutError`, `asyncio.TimeoutError`) around code that calls no HTTP client, such "
            "as waiting for the request body: there 408 is right.",
        ),
        references=("RFC 9110 §15.5.9 (408)", "RFC 9110 §15.6.5 (504)"),
    ),
)

CONFLICT_AS_BAD_REQUEST = Rule(
    code="HTS914",
    slug="conflict-as-bad-request",
    message="use {better}, not {value}: the branch handles a conflict ({cause})",
    summary="400 sent from a branch handling a uniqueness conflict.",
    fix=FixSafety.UNSAFE,
    default=False,
    doc=RuleDoc(
        what=(
            "Reports a 400 sent while handling a uniqueness conflict: in an `except` clause for `IntegrityError` "
            "(Django, SQLAlchemy, psycopg, sqlite3, peewee), `UniqueViolation` or `DuplicateKeyError`, in the "
            "branch of an `if ...filter(...).exists():` check, or with a message saying something already exists. "
            "Off by default: `IntegrityError` also covers constraint violations that are plain bad input."
        ),
        why=(
            "400 says the request itself is malformed (RFC 9110 §15.5.1); sent again later, it fails again. 409 "
            "Conflict says the request clashes with the resource's current state (§15.5.10), so a client can "
            "pick another name or fetch the existing resource."
        ),
        examples=(
            Example(
                bad=(
                    "from django.db import IntegrityError\nfrom django.http import JsonResponse\n\nfrom .models import Tag\n\n\n"
                    'def create_tag(request):\n    try:\n        Tag.objects.create(name=request.POST["name"])\n'
                    '    except IntegrityError:\n        return JsonResponse({"error": "exists"}, status=400)\n'
                    "    return JsonResponse({}, status=201)\n"
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom django.db import IntegrityError\nfrom django.http import JsonResponse\n\n"
                    "from .models import Tag\n\n\ndef create_tag(request):\n    try:\n"
                    '        Tag.objects.create(name=request.POST["name"])\n    except IntegrityError:\n'
                    '        return JsonResponse({"error": "exists"}, status=HTTPStatus.CONFLICT)\n'
                    "    return JsonResponse({}, status=HTTPStatus.CREATED)\n"
                ),
                options=("--extend-select=HTS914",),
            ),
        ),
        fix_safety="Unsafe: clients see 409 instead of 400.",
        not_reported=(
            "`except` clauses that also catch other errors, and 400s elsewhere in the handler.",
            'Existence checks and "already exists" messages outside handlers (serializer or form validation): '
            "field validation answers 400 by design there, and the status cannot be chosen per error.",
        ),
        references=("RFC 9110 §15.5.1 (400)", "RFC 9110 §15.5.10 (409)"),
    ),
)

RULES = (SERVER_ERROR_FOR_CLIENT_FAULT, REQUEST_TIMEOUT_FOR_UPSTREAM, CONFLICT_AS_BAD_REQUEST)


def check(context: Context) -> Iterator[Finding]:
    for site in candidates(context, (*_SERVER_ERRORS, 408, 400)):
        function = site.scope.function
        if function is None:
            continue
        if site.code == 408:
            yield from _request_timeout(context, site, function)
        elif site.code == 400:
            yield from _bad_request(context, site, function)
        else:
            yield from _server_error(context, site, function)


def _server_error(context: Context, site: Site, function: FunctionNode) -> Iterator[Finding]:
    model = context.handlers
    cause: object = None
    caught = model.fault_at(function, site.anchor)
    if caught is not None and caught.fault is Fault.CLIENT_INPUT and _shown(context, function, caught):
        cause = Phrase("{exception} from the request", exception=_caught(caught.clause))
    if cause is None and _failed_validation(context, function, site):
        cause = Phrase("invalid input")
    if cause is not None:
        yield context.finding(
            SERVER_ERROR_FOR_CLIENT_FAULT,
            report_node(site),
            better=better(context, 400, site),
            value=site.code,
            cause=cause,
        )


def _request_timeout(context: Context, site: Site, function: FunctionNode) -> Iterator[Finding]:
    caught = context.handlers.fault_at(function, site.anchor)
    if caught is not None and caught.fault is Fault.UPSTREAM_TIMEOUT and _shown(context, function, caught):
        yield context.finding(
            REQUEST_TIMEOUT_FOR_UPSTREAM,
            report_node(site),
            change_status(context, site, 504),
            better=better(context, 504, site),
            value=site.code,
            exception=_caught(caught.clause),
        )


def _bad_request(context: Context, site: Site, function: FunctionNode) -> Iterator[Finding]:
    caught = context.handlers.fault_at(function, site.anchor)
    cause: object = None
    in_handler = context.handlers.handler(function) is not None
    if caught is not None and caught.fault is Fault.CONFLICT:
        cause = _caught(caught.clause)
    elif in_handler and _exists_check(context, function, site):
        cause = Phrase("an existence check")
    elif in_handler and _says_conflict(site):
        cause = Phrase('an "already exists" message')
    if cause is not None:
        yield context.finding(
            CONFLICT_AS_BAD_REQUEST,
            report_node(site),
            change_status(context, site, 409),
            better=better(context, 409, site),
            value=site.code,
            cause=cause,
        )


def _shown(context: Context, function: FunctionNode, caught: Caught) -> bool:
    """The guarded code shows what the caught exceptions need to say whose fault it is."""
    model = context.handlers
    guarded = model.guarded_statements(function, caught.clause)
    if Evidence.READS_REQUEST in caught.evidence and not model.reads_request(function, guarded):
        return False
    return Evidence.CALLS_OUT not in caught.evidence or model.calls_out(guarded)


def _caught(clause: ast.ExceptHandler) -> str:
    return ast.unparse(clause.type) if clause.type is not None else "an exception"


def _failed_validation(context: Context, function: FunctionNode, site: Site) -> bool:
    """The point is reached only when `X.is_valid()` returned False."""
    return any(
        not truthy and last_name(call.func) == "is_valid" for call, truthy in _call_results(context, function, site)
    )


def _exists_check(context: Context, function: FunctionNode, site: Site) -> bool:
    """The point is reached only when `...filter(...).exists()` returned True."""
    return any(
        truthy and last_name(call.func) == "exists" and "filter" in ast.unparse(call)
        for call, truthy in _call_results(context, function, site)
    )


def _call_results(context: Context, function: FunctionNode, site: Site) -> Iterator[tuple[ast.Call, bool]]:
    """The calls whose result is known where the site runs, each with whether it was truthy there
    (`if not form.is_valid(): <site>` gives the call and False)."""
    model = context.handlers
    for fact in facts(model.path(function, site.anchor), model.exits):
        test, holds = strip_not(fact.test, fact.holds)
        if isinstance(test, ast.Call):
            yield test, holds


def _says_conflict(site: Site) -> bool:
    return any(
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any(w in node.value.lower() for w in _CONFLICT_WORDS)
        for node in ast.walk(site.anchor)
    )
