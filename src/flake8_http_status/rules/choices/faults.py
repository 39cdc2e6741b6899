"""HTS909, HTS912, HTS914, HTS920: error statuses that blame the wrong party.

Each looks at what the branch around the status is handling: the `except` clause it sits in, or a
check that failed (`if not serializer.is_valid():`, `if Model.objects.filter(...).exists():`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator

from ...analysis.nodes import parameters, strip_not
from ...analysis.receivers import last_name
from ...analysis.sites import FunctionNode, Site
from ...api.idioms import Evidence, Fault
from ...findings import Finding, FixSafety
from ...handlers.flow import facts, walk_statement
from ...handlers.handler_model import Caught, caught_classes
from ...i18n.phrase import Phrase
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, change_status, report_node

_SERVER_ERRORS = frozenset(range(500, 600))
_CLIENT_ERRORS = frozenset(range(400, 500))
# Attributes through which a branch reads what the failure said (`e.response.status_code`, `e.orig.pgcode`):
# it may be passing on another server's verdict, or telling failures apart.
_VERDICT_ATTRIBUTES = frozenset({"status_code", "status", "code", "status_int", "response", "pgcode", "errno"})
_SHORT = 24  # longest exception text a message repeats whole
# Keywords that say where an outgoing call goes.
_TARGET_KEYWORDS = frozenset({"url", "uri", "host", "hostname", "endpoint", "dsn", "address"})
# Packages whose failures are a database's or a broker's (503); other upstream faults are a gateway's (502).
_STORES = frozenset(
    {
        "django",
        "sqlalchemy",
        "psycopg2",
        "psycopg",
        "asyncpg",
        "pymysql",
        "MySQLdb",
        "sqlite3",
        "peewee",
        "tortoise",
        "pymongo",
        "redis",
        "kombu",
        "amqp",
        "pika",
        "elasticsearch",
    }
)
_CONFLICT_WORDS = ("already exist", "already taken", "already registered", "already in use")
# Queries for exactly one row: SQLAlchemy's `NoResultFound`, a lookup that found nothing, is an
# `InvalidRequestError` too.
_ROW_LOOKUPS = frozenset({"one", "one_or_none", "scalar_one", "scalar_one_or_none", "get_one", "scalar"})

SERVER_ERROR_FOR_CLIENT_FAULT = Rule(
    code="HTS909",
    slug="server-error-for-client-fault",
    message="use {better}, not {value}: the branch handles {cause}",
    summary="A 5xx sent from a branch that handles bad client input.",
    fix=FixSafety.NONE,
    names_another_status=True,
    doc=RuleDoc(
        what=(
            "Reports a 5xx sent while handling bad input from the client: in an `except` clause for "
            "`ValidationError` (pydantic, marshmallow, Django, DRF, jsonschema), `JSONDecodeError`, or "
            "`ValueError`/`KeyError`/`TypeError`/`UnicodeDecodeError` raised by code that reads the request, in a "
            "catch-all (`except Exception`, bare `except:`) around code that only reads and validates the "
            "request, in the branch where `form.is_valid()` or `serializer.is_valid()` failed, and in the branch "
            "of an `if` that finds a value the client sent missing or not accepted (`kind = "
            'request.form.get("kind")` then `if kind is None:`, `if not kind:`, `if kind not in KINDS:`, '
            '`if "kind" not in payload:`, or the `else` of `if kind in KINDS:`). The answer may '
            "be `return ..., 500`, `abort(500)`, `raise InternalServerError` or any other spelling of a 5xx."
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
            "`except` clauses that also catch server-side exceptions (`except (ValueError, DatabaseError)`), and "
            "clauses whose guarded code also calls another server.",
            "Bare or broad clauses (`except Exception`) unless the guarded code does nothing but read and validate "
            "the request (`json.loads(request.body)`, `int(request.args['page'])`, `schema.load(request.json)`, "
            "`Item(**payload)`): a query, an outgoing call or a project function could fail on the server's side.",
            "Tests of values that are not read from the request as they are (the server's settings, a lookup or a "
            "conversion of what the client sent, a handler's parameters, headers a proxy may set), of values "
            "changed before the test, and 5xx answers outside the `if`'s own branch (after a guard, or nested "
            "deeper, where the server may have failed at what it did about the value).",
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
            "Reports a 408 sent from an `except` clause for a timeout of an outgoing call: `requests.Timeout` "
            "(and `requests.exceptions.ReadTimeout`, `ConnectTimeout`), `httpx.TimeoutException` and its "
            "subclasses, `aiohttp.ServerTimeoutError`, `urllib3` and botocore timeouts, timeouts of Redis, MongoDB, "
            "Elasticsearch, SQLAlchemy's pool and Celery results, and `asyncio.TimeoutError`, `socket.timeout` or "
            "`TimeoutError` around a call to an HTTP client (also one made through a session or client created "
            "earlier in the function, such as an `aiohttp.ClientSession` with a `ClientTimeout`)."
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

CLIENT_ERROR_FOR_UPSTREAM_FAULT = Rule(
    code="HTS920",
    slug="client-error-for-upstream-fault",
    message="{value} for {fault} ({exception}): use {better}",
    summary="A 4xx sent from a branch that handles an upstream or server fault.",
    fix=FixSafety.NONE,
    names_another_status=True,
    doc=RuleDoc(
        what=(
            "Reports a 4xx sent from an `except` clause for a failure of another server the handler depends on: "
            "`requests.RequestException`, `ConnectionError` and `HTTPError`, `httpx.HTTPError` and "
            "`RequestError`, `aiohttp.ClientError`, `urllib.error.URLError`, database errors that mean the "
            "database failed (`OperationalError`, `InterfaceError` of Django, SQLAlchemy, psycopg, sqlite3, "
            "MySQL), broker or cache errors (`redis.ConnectionError`, kombu and pika connection errors), and "
            "faults of the server itself, where 500 is meant: SQLAlchemy's `InvalidRequestError`, "
            "`ResourceClosedError`, `PendingRollbackError` and `DetachedInstanceError`, and `PermissionError` or "
            "`OSError` around code that reads nothing of the request (the server's own files). "
            "On by default: 8 of 8 findings read on real applications were right (docs/precision.md)."
        ),
        why=(
            "A 4xx tells the client that its request was wrong and that sending it again will not help (RFC 9110 "
            "§15.5). When a server the handler depends on fails, the client did nothing wrong: 502 Bad Gateway "
            "(§15.6.3) for an invalid answer, 503 Service Unavailable (§15.6.4) for a database or broker that is "
            "down, 504 Gateway Timeout (§15.6.5) for one that is too slow. Monitoring then counts the failure "
            "as the server's."
        ),
        examples=(
            Example(
                bad=(
                    "import requests\nfrom flask import Flask, jsonify\n\napp = Flask(__name__)\n\n\n"
                    '@app.get("/weather")\ndef weather():\n    try:\n'
                    '        reply = requests.get("https://weather.example/today", timeout=3)\n'
                    "    except requests.ConnectionError:\n"
                    '        return jsonify(error="weather service down"), 400\n'
                    "    return jsonify(reply.json())\n"
                ),
                good=(
                    "from http import HTTPStatus\n\nimport requests\nfrom flask import Flask, jsonify\n\n"
                    'app = Flask(__name__)\n\n\n@app.get("/weather")\ndef weather():\n    try:\n'
                    '        reply = requests.get("https://weather.example/today", timeout=3)\n'
                    "    except requests.ConnectionError:\n"
                    '        return jsonify(error="weather service down"), HTTPStatus.BAD_GATEWAY\n'
                    "    return jsonify(reply.json())\n"
                ),
            ),
        ),
        fix_safety="No fix: 502, 503 and 504 say different things; the author chooses.",
        not_reported=(
            "A 404, or a branch that reads the failure's status or code (`e.response.status_code`), for exceptions "
            "that carry the other server's answer (`HTTPError`, `RequestException`, `ClientError`): the handler "
            "may be passing on that server's verdict, such as a lookup that found nothing.",
            "Exceptions that carry another server's answer where the guarded call sends it what the client sent: "
            "that server may have refused the client's data.",
            "Calls whose address comes from the request (`requests.get(request.args['url'])`): an unreachable "
            "address the client chose is the client's mistake.",
            "`DatabaseError`, `DBAPIError` and botocore's `ClientError`: they also cover the client's own "
            "mistakes (`IntegrityError`, `DataError`, `NoSuchKey`).",
            "Builtin `ConnectionError` around code that calls no HTTP client (a client hanging up raises it too), "
            "and a 408 for a timeout alone, which HTS912 reports.",
            "`InvalidRequestError` around a query for exactly one row (`.one()`, `.scalar_one()`): it covers "
            "`NoResultFound`. A 404 for it, or for an `OSError` (a missing file may be the resource asked for), "
            "and `FileNotFoundError` itself.",
            "`StaleDataError`: with optimistic locking it is another client's concurrent change, where 409 is "
            "right. `OSError` around a path from the request or a call to another server.",
        ),
        references=(
            "RFC 9110 §15.5 (4xx)",
            "RFC 9110 §15.6.3 (502)",
            "RFC 9110 §15.6.4 (503)",
            "RFC 9110 §15.6.5 (504)",
        ),
    ),
)

RULES = (
    SERVER_ERROR_FOR_CLIENT_FAULT,
    REQUEST_TIMEOUT_FOR_UPSTREAM,
    CONFLICT_AS_BAD_REQUEST,
    CLIENT_ERROR_FOR_UPSTREAM_FAULT,
)


def check(context: Context) -> Iterator[Finding]:
    for site in candidates(context, (*_SERVER_ERRORS, *_CLIENT_ERRORS)):
        function = site.scope.function
        if function is None:
            continue
        code = site.code
        if code in _SERVER_ERRORS:
            yield from _server_error(context, site, function)
            continue
        upstream = _upstream_fault(context, site, function)
        if upstream is not None:
            yield upstream
        elif code == 408:
            yield from _request_timeout(context, site, function)
        elif code == 400:
            yield from _bad_request(context, site, function)


def _server_error(context: Context, site: Site, function: FunctionNode) -> Iterator[Finding]:
    model = context.handlers
    cause: object = None
    caught = model.fault_at(function, site.anchor)
    if caught is not None and caught.fault is Fault.CLIENT_INPUT and _shown(context, function, caught):
        guarded = model.guarded_statements(function, caught.clause)
        if Evidence.ONLY_PARSES in caught.evidence:
            cause = Phrase("{exception} around parsing", exception=_short(caught.clause))
        elif not model.calls_out(guarded, function):  # a ValueError from another server's answer is not the client's
            cause = Phrase("bad input ({exception})", exception=_short(caught.clause))
    if cause is None and _failed_validation(context, function, site):
        cause = Phrase("invalid input")
    if cause is None:
        cause = _missing_input(context, function, site)
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
            exception=_short(caught.clause),
        )


def _bad_request(context: Context, site: Site, function: FunctionNode) -> Iterator[Finding]:
    caught = context.handlers.fault_at(function, site.anchor)
    cause: object = None
    in_handler = context.handlers.handler(function) is not None
    if caught is not None and caught.fault is Fault.CONFLICT:
        cause = _short(caught.clause)
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
    if Evidence.ONLY_PARSES in caught.evidence and not model.only_parses(function, guarded):
        return False
    if Evidence.NO_ROW_LOOKUP in caught.evidence and _looks_up_row(guarded):
        return False
    if Evidence.SERVER_ONLY in caught.evidence and (
        model.reads_request(function, guarded)
        or model.calls_out(guarded, function)
        or _reads_parameter(function, guarded)
    ):
        return False
    return Evidence.CALLS_OUT not in caught.evidence or model.calls_out(guarded, function)


def _reads_parameter(function: FunctionNode, statements: list[ast.stmt]) -> bool:
    """The statements use a parameter of the function (other than `self` or `cls`): in a helper such as
    Starlette's `get_response(path, scope)`, it may be the path the client asked for."""
    names = {arg.arg for arg in parameters(function.args)} - {"self", "cls"}
    return any(isinstance(node, ast.Name) and node.id in names for stmt in statements for node in walk_statement(stmt))


def _looks_up_row(statements: list[ast.stmt]) -> bool:
    return any(
        isinstance(node, ast.Call) and last_name(node.func) in _ROW_LOOKUPS
        for stmt in statements
        for node in walk_statement(stmt)
    )


def _upstream_fault(context: Context, site: Site, function: FunctionNode) -> Finding | None:
    """HTS920: a 4xx from a branch handling another server's failure."""
    model = context.handlers
    caught = model.fault_at(function, site.anchor)
    if caught is None or caught.fault not in (Fault.UPSTREAM, Fault.UPSTREAM_TIMEOUT, Fault.SERVER):
        return None
    if caught.fault is Fault.UPSTREAM_TIMEOUT and site.code == 408:
        return None  # HTS912's
    if not _shown(context, function, caught) or _reads_verdict(caught.clause):
        return None
    guarded = model.guarded_statements(function, caught.clause)
    if _client_addressed(context, function, guarded, whole=Evidence.OWN_STATUS in caught.evidence):
        return None
    if site.code == 404 and (Evidence.OWN_STATUS in caught.evidence or caught.fault is Fault.SERVER):
        return None  # the other server's verdict, or a lookup or a file that may not exist
    if caught.fault is Fault.SERVER:
        code, fault = 500, Phrase("a server fault")
    else:
        code = 504 if caught.fault is Fault.UPSTREAM_TIMEOUT else 503 if _store(context, caught.clause) else 502
        fault = Phrase("an upstream fault")
    return context.finding(
        CLIENT_ERROR_FOR_UPSTREAM_FAULT,
        report_node(site),
        better=better(context, code, site),
        value=site.code,
        fault=fault,
        exception=_short(caught.clause),
    )


def _reads_verdict(clause: ast.ExceptHandler) -> bool:
    """The branch looks at what the failure said: which status, which error code."""
    return any(
        isinstance(node, ast.Attribute) and node.attr in _VERDICT_ATTRIBUTES
        for stmt in clause.body
        for node in ast.walk(stmt)
    )


def _client_addressed(context: Context, function: FunctionNode, guarded: list[ast.stmt], *, whole: bool) -> bool:
    """A guarded call to another server goes where the request says (the host of its first argument or of a
    `url=` comes from the request), or, with `whole`, is sent anything the client sent: that server's refusal
    may then be the client's fault."""
    model = context.handlers

    def reads(node: ast.expr) -> bool:
        return model.reads_request(function, [ast.Expr(node)])

    for stmt in guarded:
        for node in walk_statement(stmt):
            if not isinstance(node, ast.Call) or not model.outgoing_call(function, node):
                continue
            if whole:
                arguments = [*node.args, *(keyword.value for keyword in node.keywords)]
                if any(reads(argument) for argument in arguments):
                    return True
            targets = [*node.args[:1], *(k.value for k in node.keywords if k.arg in _TARGET_KEYWORDS)]
            if any(reads(host) for host in map(_host, targets) if host is not None):
                return True
    return False


def _host(address: ast.expr) -> ast.expr | None:
    """The part of an address that names the host: what it starts with (`f"https://api.example/{id}"` names
    its host in the text; `base + path` and `urljoin(base, path)` in `base`). None: a fixed host."""
    while True:
        if isinstance(address, ast.JoinedStr):
            first = address.values[0] if address.values else None
            if not isinstance(first, ast.FormattedValue):
                return None
            address = first.value
        elif isinstance(address, ast.BinOp) and isinstance(address.op, (ast.Add, ast.Mod)):
            address = address.left
        elif isinstance(address, ast.Call) and address.args and last_name(address.func) in ("urljoin", "format"):
            address = address.args[0] if last_name(address.func) == "urljoin" else address.func
        elif isinstance(address, ast.Attribute) and address.attr == "format":
            address = address.value
        elif isinstance(address, ast.Constant):
            return None
        else:
            return address


def _store(context: Context, clause: ast.ExceptHandler) -> bool:
    """The clause catches a database's or a broker's failure."""
    return any(
        (context.imports.qualify(caught) or "").partition(".")[0] in _STORES for caught in caught_classes(clause)
    )


def _short(clause: ast.ExceptHandler) -> str:
    """The caught classes as a message names them: written out when short, by their last names otherwise."""
    text = _caught(clause).removeprefix("(").removesuffix(")")  # inside a sentence, a tuple reads as a list
    if len(text) <= _SHORT:
        return text
    names = [last_name(caught) for caught in caught_classes(clause)]
    joined = ", ".join(names)
    return joined if len(joined) <= _SHORT else f"{names[0]}, ..."


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


def _missing_input(context: Context, function: FunctionNode, site: Site) -> Phrase | None:
    """The point sits in the branch an `if` takes when a value the client sent is missing or not one the code
    accepts: `kind = request.form.get("kind")` then `if kind is None:`, `if not kind:`, `if kind not in KINDS:`,
    `if "kind" not in payload:`, or the `else` of `if kind in KINDS:`. Only the innermost branch counts: deeper
    down, the server may have failed at what it did about it (computing a default)."""
    model = context.handlers
    path = model.path(function, site.anchor)
    if not path or not isinstance(path[-1].owner, ast.If) or path[-1].field not in ("body", "orelse"):
        return None
    test = path[-1].owner.test
    before = None if model.in_loop(function, site.anchor) else test.lineno  # in a loop, later code runs first

    def sent(node: ast.expr) -> bool:
        return model.sent(function, node, before)

    return _bad_value(test, path[-1].field == "body", sent)


def _bad_value(test: ast.expr, holds: bool, sent: Callable[[ast.expr], bool]) -> Phrase | None:
    """What `test` being `holds` says about a value the client sent: missing, not accepted, or nothing."""
    test, holds = strip_not(test, holds)
    if isinstance(test, ast.BoolOp):
        found = [_bad_value(value, holds, sent) for value in test.values]
        if isinstance(test.op, ast.Or) == holds:  # `a or b` true, `a and b` false: any operand may be why
            return found[0] if all(found) else None
        return next((cause for cause in found if cause is not None), None)
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op, left, right = test.ops[0], test.left, test.comparators[0]
        if isinstance(op, (ast.Is, ast.Eq, ast.IsNot, ast.NotEq)) and _empty(right) and sent(left):
            return _missing(left) if isinstance(op, (ast.Is, ast.Eq)) == holds else None
        if isinstance(op, (ast.In, ast.NotIn)) and isinstance(op, ast.NotIn) == holds:
            if sent(left):
                return Phrase("invalid input ({name})", name=_label(left))
            if isinstance(left, ast.Constant) and isinstance(left.value, str) and sent(right):
                return _missing(left)
        return None
    return _missing(test) if not holds and sent(test) else None


def _empty(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in (None, "")


def _missing(node: ast.expr) -> Phrase:
    return Phrase("missing input ({name})", name=_label(node))


def _label(node: ast.expr) -> str:
    """How a message names a value the client sent: its key (`request.form.get("kind")`: kind) or its name."""
    while isinstance(node, (ast.Await, ast.Call, ast.Subscript)):
        key = (
            node.slice
            if isinstance(node, ast.Subscript)
            else node.args[0]
            if isinstance(node, ast.Call) and node.args
            else None
        )
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            node = key
            break
        node = node.func if isinstance(node, ast.Call) else node.value
    text = (
        str(node.value)
        if isinstance(node, ast.Constant)
        else node.id
        if isinstance(node, ast.Name)
        else node.attr
        if isinstance(node, ast.Attribute)
        else ast.unparse(node)
    )
    return text if len(text) <= _SHORT else f"{text[: _SHORT - 3]}..."


def _says_conflict(site: Site) -> bool:
    return any(
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and any(w in node.value.lower() for w in _CONFLICT_WORDS)
        for node in ast.walk(site.anchor)
    )
