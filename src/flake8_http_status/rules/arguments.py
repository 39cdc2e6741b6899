"""HTS604: a status passed positionally into a parameter that is not the status."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ..analysis.sites import Site
from ..analysis.spelling import Spelled
from ..findings import Finding, Fix, FixSafety
from ..i18n.phrase import Phrase
from .context import Context
from .rule import Example, Rule, RuleDoc

STATUS_IN_WRONG_ARGUMENT = Rule(
    code="HTS604",
    slug="status-in-wrong-argument",
    message="{value} passed positionally to {api} {consequence}; {advice}",
    summary="A status passed positionally into a slot that is not the status.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what=(
            "Reports a status passed by position into a parameter that is not the status: Django's "
            "`HttpResponse(content, 201)` (content_type) and `JsonResponse(data, 201)` (encoder), Sanic's "
            "`redirect(to, 301)` (headers), Tornado's `self.redirect(url, 302)` (permanent), Litestar's "
            "`HTTPException(404)` (detail, so the client gets 500), Django's `HttpResponseRedirect(url, 301)` "
            "(preserve_request on Django 5.2+), and keyword-only APIs such as FastAPI and Litestar route "
            "decorators or aiohttp's `web.Response` called with a positional status."
        ),
        why=(
            'The call runs, or fails, with a status the author never chose: `HttpResponse("x", 201)` answers '
            "200 with `Content-Type: 201`; `JsonResponse(data, 201)` raises TypeError; Litestar's "
            "`HTTPException(404)` sends 500."
        ),
        examples=(
            Example(
                bad='from django.http import HttpResponse\n\n\ndef created(request):\n    return HttpResponse("made", 201)\n',
                good=(
                    "from http import HTTPStatus\n\nfrom django.http import HttpResponse\n\n\ndef created(request):\n"
                    '    return HttpResponse("made", status=HTTPStatus.CREATED)\n'
                ),
            ),
        ),
        fix_safety=(
            "Unsafe: after the fix the response really carries the status, which clients will notice. The fix "
            "is offered only when the status is the last positional argument and the keyword is not given."
        ),
        not_reported=("Values that do not look like a status (a variable, or an int outside 100-599) in those slots.",),
        references=("Django: HttpResponse, JsonResponse", "Litestar: HTTPException", "Sanic: response.redirect"),
    ),
)

RULES = (STATUS_IN_WRONG_ARGUMENT,)


def check(context: Context) -> Iterator[Finding]:
    for site in context.sites:
        if site.misplaced is not None and site.node is not None and isinstance(site.anchor, ast.Call):
            yield _finding(site, site.anchor, context)


def _finding(site: Site, call: ast.Call, context: Context) -> Finding:
    assert site.misplaced is not None and site.node is not None
    value = context.source(site.node)
    parameter = site.misplaced.parameter
    consequence = Phrase("lands in '{parameter}'", parameter=parameter) if parameter else Phrase("raises TypeError")
    keyword = site.api.fix_keyword
    advice = (
        Phrase("pass it as {keyword}={value}", keyword=keyword, value=value)
        if keyword
        else Phrase("{api} always sends {fixed}", api=site.api.label, fixed=site.api.fixed)
    )
    return context.finding(
        STATUS_IN_WRONG_ARGUMENT,
        site.node,
        _fix(site, call, value, context),
        value=value,
        api=site.api.label,
        consequence=consequence,
        advice=advice,
    )


def _fix(site: Site, call: ast.Call, value: str, context: Context) -> Fix | None:
    keyword = site.api.fix_keyword
    if keyword is None or not call.args or call.args[-1] is not site.node:
        return None
    if any(kw.arg in (keyword, None) for kw in call.keywords):
        return None
    assert site.node is not None
    return context.replacement(site.node, Spelled(f"{keyword}={value}"), FixSafety.UNSAFE)
