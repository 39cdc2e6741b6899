"""HTS601, HTS602, HTS603, HTS605 and HTS606: a status that cannot work as written."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ..analysis.sites import Site
from ..analysis.values import Spelling
from ..api.rows import Role
from ..findings import Finding, FixSafety
from ..i18n.phrase import Phrase
from ..statuses import State, lookup
from .context import Context
from .rule import Example, Rule, RuleDoc

_CODES_OPTION = "`http-status-extra-codes`: declare project codes, such as `499=CLIENT_CLOSED_REQUEST`."
_ANSWERS = frozenset({Role.SET, Role.RAISE, Role.REDIRECT, Role.ROUTE, Role.CLASS, Role.ERROR_HANDLER, Role.DOCUMENT})
_NOT_FOR_CLIENTS = (
    "Comparisons, test expectations and test doubles: a client may legitimately meet any code a server sends.",
)

OUT_OF_RANGE = Rule(
    code="HTS601",
    slug="status-out-of-range",
    message="{value} is not an HTTP status: statuses run from 100 to 599",
    summary="A status outside 100-599.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what="Reports a number outside 100-599 where a framework API takes a status.",
        why=(
            "RFC 9110 defines a status as three digits from 100 to 599. Frameworks reject other values at run "
            "time (Django raises ValueError) or send a response that clients cannot interpret."
        ),
        examples=(
            Example(
                bad="from flask import abort\n\n\ndef missing():\n    abort(4040)\n",
                good="from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef missing():\n    abort(HTTPStatus.NOT_FOUND)\n",
            ),
        ),
        fix_safety="No fix: only the author knows which status was meant.",
        not_reported=(
            *_NOT_FOR_CLIENTS,
            "Keyword-only matches on unknown APIs (`SomeResponse(status=0)`): the tool cannot tell that they are statuses.",
        ),
        references=("RFC 9110 §15",),
    ),
)

UNREGISTERED = Rule(
    code="HTS602",
    slug="unregistered-status",
    message="{value} is {problem}; declare project codes with http-status-extra-codes",
    summary="A code in 100-599 that IANA does not register, or registers as unused (306, 418).",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a status inside 100-599 that the IANA registry does not assign, or marks as unused "
            "(306 and 418). Codes a project defines on purpose can be declared in configuration."
        ),
        why=(
            "Clients treat an unknown code as the `x00` of its class (RFC 9110 §15), so a private `499` reads "
            "as a plain `400` to every generic client, cache and proxy. 306 and 418 are reserved: 418 is a "
            "joke from RFC 2324 that the registry keeps unassigned so nobody relies on it."
        ),
        examples=(
            Example(
                bad="from flask import abort\n\n\ndef brew():\n    abort(418)\n",
                good="from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef brew():\n    abort(HTTPStatus.NOT_IMPLEMENTED)\n",
            ),
        ),
        fix_safety="No fix, and no constant is suggested: the right status depends on what the code meant.",
        not_reported=(*_NOT_FOR_CLIENTS, "Codes declared with `http-status-extra-codes`."),
        references=(
            "RFC 9110 §15",
            "RFC 9110 §15.4.7 (306)",
            "RFC 9110 §15.5.19 (418)",
            "IANA HTTP Status Code Registry",
        ),
        options=(_CODES_OPTION,),
    ),
)

INTERIM_AS_FINAL = Rule(
    code="HTS603",
    slug="interim-status-as-final",
    message="{value} {phrase} is an interim response and cannot be a handler's final status",
    summary="A 1xx code used as the final status of a handler.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a 1xx code (100, 102, 103, 104) set, raised or declared as the final status of a response; "
            "101 counts too unless the same code sends an `Upgrade` header."
        ),
        why=(
            "1xx responses are interim: the server must still send a final response after them (RFC 9110 §15.2). "
            "A handler that ends with one leaves clients waiting, and frameworks either drop it or fail."
        ),
        examples=(
            Example(
                bad="from django.http import HttpResponse\n\n\ndef accept(request):\n    return HttpResponse(status=102)\n",
                good=(
                    "from http import HTTPStatus\n\nfrom django.http import HttpResponse\n\n\ndef accept(request):\n"
                    "    return HttpResponse(status=HTTPStatus.ACCEPTED)\n"
                ),
            ),
        ),
        fix_safety="No fix: 202 Accepted is often meant, but only the author knows.",
        not_reported=(
            *_NOT_FOR_CLIENTS,
            "101 Switching Protocols where the response also sets an `Upgrade` header.",
            "Codes the API itself rejects (Sanic refuses anything below 200): HTS605 reports those.",
        ),
        references=("RFC 9110 §15.2", "RFC 8297 (103 Early Hints)"),
    ),
)

UNSUPPORTED_BY_API = Rule(
    code="HTS605",
    slug="status-unsupported-by-api",
    message="{api} does not accept {value}: {why}",
    summary="A code the API rejects at run time, such as Flask's abort(402).",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a status the API refuses at run time: Flask, Quart and Werkzeug `abort()` with a code that "
            "has no exception class (402, 2xx, 3xx…), `@app.errorhandler(402)`, Tornado's `redirect(status=200)`, "
            "Litestar's `Redirect(status_code=200)`, Pyramid's `exception_response()` with an unmapped code, "
            "Sanic statuses below 200, and a Django Ninja `Status(...)` or returned `(status, body)` whose status "
            "the route's `response=` does not list (without `response=`, only 200)."
        ),
        why=(
            "These calls do not send the status they name: `abort(402)` raises LookupError and the client gets "
            "a 500, `errorhandler(402)` stops the app at start-up."
        ),
        examples=(
            Example(
                bad="from flask import abort\n\n\ndef pay():\n    abort(402)\n",
                good=(
                    "from http import HTTPStatus\n\nfrom flask import Response\n\n\ndef pay():\n"
                    '    return Response("payment required", status=HTTPStatus.PAYMENT_REQUIRED)\n'
                ),
            ),
        ),
        fix_safety="No fix: the call has to change shape (build a response, or pick another status).",
        not_reported=(
            *_NOT_FOR_CLIENTS,
            "Django Ninja routes whose `response=` the tool cannot read whole (a `...` key, `codes_4xx`, a dict "
            "built elsewhere), and `Status(...)` outside a route function.",
        ),
        references=("Werkzeug: werkzeug.exceptions.default_exceptions", "Tornado: RequestHandler.redirect"),
    ),
)

DEPRECATED = Rule(
    code="HTS606",
    slug="deprecated-status",
    message="{value} {phrase} is deprecated: {why}",
    summary="305 Use Proxy or 102 Processing.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what="Reports 305 Use Proxy and 102 Processing where an application sends them.",
        why=(
            "RFC 9110 deprecates 305 because letting a response pick a client's proxy is a security hole. 102 "
            "came from RFC 2518; RFC 4918 dropped it from WebDAV and clients do not rely on it."
        ),
        examples=(
            Example(
                bad="from django.http import HttpResponse\n\n\ndef via_proxy(request):\n    return HttpResponse(status=305)\n",
                good=(
                    "from http import HTTPStatus\n\nfrom django.http import HttpResponse\n\n\ndef via_proxy(request):\n"
                    '    return HttpResponse(status=HTTPStatus.TEMPORARY_REDIRECT, headers={"Location": "/via-proxy"})\n'
                ),
            ),
        ),
        fix_safety="No fix: the replacement depends on what the response was for.",
        not_reported=(*_NOT_FOR_CLIENTS,),
        references=("RFC 9110 §15.4.6 (305)", "RFC 4918 §21.4 (102 removed)"),
    ),
)

RULES = (OUT_OF_RANGE, UNREGISTERED, INTERIM_AS_FINAL, UNSUPPORTED_BY_API, DEPRECATED)

_DEPRECATION = {
    305: Phrase("RFC 9110 §15.4.6 retired it because a response must not choose the client's proxy"),
    102: Phrase("RFC 4918 dropped it; send 202 Accepted with a way to poll, or 103 Early Hints for headers"),
}


def check(context: Context) -> Iterator[Finding]:
    for site in context.sites:
        if _answers(site, context):
            yield from _check_site(site, context)


def _answers(site: Site, context: Context) -> bool:
    if site.role not in _ANSWERS or site.node is None or site.misplaced is not None:
        return False
    return site.value.spelling in (Spelling.LITERAL, Spelling.CONSTANT, Spelling.TEXT) and site.code is not None


def _check_site(site: Site, context: Context) -> Iterator[Finding]:
    assert site.node is not None and site.code is not None
    code, node = site.code, site.node
    if not 100 <= code <= 599:
        if site.value.spelling is Spelling.LITERAL:
            yield context.finding(OUT_OF_RANGE, node, value=code)
        return
    rejected = (site.api.accepts is not None and code not in site.api.accepts) or _undeclared(site, context)
    if rejected:
        yield context.finding(UNSUPPORTED_BY_API, node, api=site.api.label, value=code, why=site.api.rejects_why)
    status = lookup(code)
    if code not in context.settings.extra_codes and (status is None or status.state is State.UNUSED):
        problem = Phrase("not a registered HTTP status") if status is None else Phrase("reserved by IANA as unused")
        yield context.finding(UNREGISTERED, node, value=code, problem=problem)
        return
    if status is None:
        return
    if status.is_interim and site.role.sends and not rejected and not (code == 101 and _upgrades(site)):
        yield context.finding(INTERIM_AS_FINAL, node, value=code, phrase=status.phrase)
    if status.state is State.DEPRECATED:
        yield context.finding(DEPRECATED, node, value=code, phrase=status.phrase, why=_DEPRECATION[code])


def _undeclared(site: Site, context: Context) -> bool:
    """A status the site's route does not declare, where the framework refuses it (Django Ninja's `Status`)."""
    keyword = site.api.declared_by
    if keyword is None:
        return False
    from ..handlers.declared import declared_statuses  # the handler model loads only for a route's declaration

    declared = declared_statuses(context.handlers, site.scope.function, keyword)
    return declared is not None and site.code not in declared


def _upgrades(site: Site) -> bool:
    """101 is fine when the response names the protocol it switches to."""
    scope = site.scope.function if site.scope.function is not None else site.anchor
    return any(
        isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.lower() == "upgrade"
        for node in ast.walk(scope)
    )
