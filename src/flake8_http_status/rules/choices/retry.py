"""HTS916: 429 and 503 without Retry-After."""

from __future__ import annotations

from collections.abc import Iterator

from ...findings import Finding, FixSafety
from ..context import Context
from ..model import Example, Rule, RuleDoc
from .common import candidates, describe, report_node, see

RETRY_AFTER_MISSING = Rule(
    code="HTS916",
    slug="retry-after-missing",
    message="{value} without a Retry-After header: tell clients when to try again (seconds or a date)" + see("HTS916"),
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
                    "@app.get(\"/report\")\ndef report():\n    abort(HTTPStatus.SERVICE_UNAVAILABLE)\n"
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom flask import Flask, abort\n\napp = Flask(__name__)\n\n\n"
                    "@app.get(\"/report\")\ndef report():\n    abort(HTTPStatus.SERVICE_UNAVAILABLE, retry_after=120)\n"
                ),
                options=("--extend-select=HTS916",),
            ),
        ),
        fix_safety="No fix: only the author knows how long the wait is.",
        not_reported=(
            "Responses whose headers come from a variable or a helper, and functions or modules that mention "
            "`Retry-After` anywhere.",
        ),
        references=("RFC 9110 §10.2.3 (Retry-After)", "RFC 9110 §15.6.4 (503)", "RFC 6585 §4 (429)"),
    ),
)

RULES = (RETRY_AFTER_MISSING,)


def check(context: Context) -> Iterator[Finding]:
    for site in candidates(context, (429, 503)):
        if not context.handlers.has_header(site, "Retry-After"):
            yield context.finding(RETRY_AFTER_MISSING, report_node(site), value=describe(context, site))
