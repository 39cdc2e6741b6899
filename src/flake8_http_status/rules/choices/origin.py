"""HTS905: 203 Non-Authoritative Information sent by the origin itself."""

from __future__ import annotations

from collections.abc import Iterator

from ...api.rows import Role
from ...findings import Finding, FixSafety
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, change_status, report_node

NON_AUTHORITATIVE_FROM_ORIGIN = Rule(
    code="HTS905",
    slug="non-authoritative-from-origin",
    message="use {better}, not {value}: 203 is for proxies that changed the origin's content",
    summary="203 sent by an application handler; 203 is for transforming proxies.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what="Reports a 203 sent by application code that does not itself fetch content from other servers.",
        why=(
            "203 Non-Authoritative Information tells the client that an intermediary modified the origin's 200 "
            "response (RFC 9110 §15.3.4, §7.7). An origin serving its own data, partial or cached, answers 200; "
            "caches and clients that special-case 203 would otherwise be misled."
        ),
        examples=(
            Example(
                bad=(
                    "from aiohttp import web\n\n\nasync def summary(request):\n"
                    '    return web.json_response({"cached": True}, status=203)\n'
                ),
                good=(
                    "from aiohttp import web\n\n\nasync def summary(request):\n"
                    '    return web.json_response({"cached": True})\n'
                ),
            ),
        ),
        fix_safety="Unsafe: clients see 200 instead of 203.",
        not_reported=(
            "Modules that use an HTTP client (requests, httpx, urllib3, aiohttp's client, Tornado's): they may be "
            "transforming proxies, for which 203 is right.",
        ),
        references=("RFC 9110 §15.3.4 (203)", "RFC 9110 §7.7 (transformations)"),
    ),
)

RULES = (NON_AUTHORITATIVE_FROM_ORIGIN,)


def check(context: Context) -> Iterator[Finding]:
    for site in candidates(context, (203,), frozenset({Role.SET, Role.RAISE, Role.ROUTE, Role.CLASS})):
        if _fetches(context):
            return  # the module calls other servers: it may be a transforming proxy
        yield context.finding(
            NON_AUTHORITATIVE_FROM_ORIGIN,
            report_node(site),
            change_status(context, site, 200),
            better=better(context, 200, site),
            value=site.code,
        )


def _fetches(context: Context) -> bool:
    """The module imports an HTTP client, or uses one through a package it imports (`aiohttp.ClientSession`)."""
    prefixes = context.handlers.idioms.outgoing
    names = (*context.imports.names.values(), *context.imports.modules)
    if any(name == prefix or name.startswith(f"{prefix}.") for name in names for prefix in prefixes):
        return True
    # A client class reached through its package (`aiohttp.ClientSession()`): its name is specific enough.
    classes = [prefix for prefix in prefixes if prefix.rpartition(".")[2][:1].isupper()]
    text = "".join(context.lines)
    return any(
        prefix.partition(".")[0] in context.imports.modules and prefix.rpartition(".")[2] in text for prefix in classes
    )
