"""HTS916: 429 and 503 without Retry-After."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.sites import Site
from ...findings import Finding, FixSafety
from ...lazy_pattern import LazyPattern
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import candidates, report_node

RETRY_AFTER_MISSING = Rule(
    code="HTS916",
    slug="retry-after-missing",
    message="{value} without a Retry-After header: tell clients when to try again (seconds or a date)",
    summary="503 or 429 without Retry-After.",
    fix=FixSafety.NONE,
    default=False,
    doc=RuleDoc(
        what=(
            "Reports a 429 or 503 sent without a `Retry-After` header, counting arguments that add one (DRF's "
            "`Throttled(wait=...)`, Werkzeug's `TooManyRequests(retry_after=...)`). Off by default: the header "
            "is recommended, not required."
        ),
        why=(
            "Without `Retry-After` (RFC 9110 §10.2.3), clients guess when to come back: too soon, and they "
            "deepen the overload the status reports; RFC 6585 §4 suggests it for 429."
        ),
        examples=(
            Example(
                bad=(
                    "from http import HTTPStatus\n\nfrom flask import Flask, abort\n\napp = Flask(__name__)\n\n\n"
                    '@app.get("/report")\ndef report():\n    abort(HTTPStatus.SERVICE_UNAVAILABLE)\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom flask import Flask, abort\n\napp = Flask(__name__)\n\n\n"
                    '@app.get("/report")\ndef report():\n    abort(HTTPStatus.SERVICE_UNAVAILABLE, retry_after=120)\n'
                ),
                options=("--extend-select=HTS916",),
            ),
        ),
        fix_safety="No fix: only the author knows how long the wait is.",
        not_reported=(
            "Responses whose headers come from a variable or a helper, responses handed to another call (which may "
            "add the header, or never send them), and functions or modules that mention `Retry-After` anywhere.",
            'A 503 whose message or `except` clause says the feature is switched off or not set up ("disabled", '
            '"not configured", "not enabled", "not supported"): no wait will change that, so the status '
            "itself is the question, not the missing header.",
            "503s from health checks (a function, class or module named for health): a probe reads the state, and "
            "the balancer polls on its own schedule.",
        ),
        references=("RFC 9110 §10.2.3 (Retry-After)", "RFC 9110 §15.6.4 (503)", "RFC 6585 §4 (429)"),
    ),
)

RULES = (RETRY_AFTER_MISSING,)


# Words saying the service is switched off or not set up rather than busy: waiting will not help.
_LASTING = LazyPattern(r"(?i)disabled|not[ _]?(configured|enabled|supported)|unsupported")
_HEALTH = LazyPattern(r"(?i)health")


def check(context: Context) -> Iterator[Finding]:
    for site in candidates(context, (429, 503)):
        if site.code == 503 and (_lasting(context, site) or _health_check(context, site)):
            continue
        if not context.handlers.has_header(site, "Retry-After"):
            yield context.finding(RETRY_AFTER_MISSING, report_node(site), value=site.code)


def _lasting(context: Context, site: Site) -> bool:
    """The message or the caught exception says the condition lasts until someone changes the setup."""
    texts = [
        node.value for node in ast.walk(site.anchor) if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    function = site.scope.function
    if function is not None:
        texts.extend(
            ast.unparse(clause.type)
            for clause in context.handlers.except_clauses(function, site.anchor)
            if clause.type is not None
        )
    return any(_LASTING.search(text) for text in texts)


def _health_check(context: Context, site: Site) -> bool:
    names = [context.filename.replace("\\", "/").rpartition("/")[2]]
    if site.scope.function is not None:
        names.append(site.scope.function.name)
    if site.scope.cls is not None:
        names.append(site.scope.cls.name)
    return any(_HEALTH.search(name) for name in names)
