"""HTS908 and HTS913: redirects that say the wrong thing about where, and how, to go next."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.match import argument
from ...analysis.sites import Site
from ...api.idioms import RedirectFlags
from ...api.rows import Role, Slot
from ...findings import Finding, FixSafety
from ...i18n.phrase import Phrase
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, change_status, describe, report_node, see

_MOVED = frozenset({301, 302})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

REDIRECT_AFTER_UNSAFE_METHOD = Rule(
    code="HTS908",
    slug="redirect-after-unsafe-method",
    message="use {better} instead of {value} after {method}: 303 See Other sends the client on with GET "
    "(post/redirect/get); use 307 or 308 to repeat the {method}" + see("HTS908"),
    summary="301/302 answering POST/PUT/PATCH/DELETE.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what=(
            "Reports a 301 or 302 redirect, written or by the helper's default (`redirect(url)` in Flask, Django, "
            "Sanic, Tornado and Litestar), sent from a handler or branch that only POST, PUT, PATCH or DELETE "
            "requests reach: a POST route, a class-based view's `post()`, a Django `form_valid()`, or a "
            '`request.method == "POST"` branch. Redirects that preserve the method (Django\'s `preserve_request`) '
            "are not 301/302 and are left alone."
        ),
        why=(
            "RFC 9110 §15.4.2 and §15.4.3 let user agents change POST into GET on 301 and 302, and some do for "
            "PUT and DELETE too, so what the client does next is up to the client. 303 See Other (§15.4.4) says "
            '"fetch the result with GET" to every client; 307 and 308 say "repeat this request there".'
        ),
        examples=(
            Example(
                bad=(
                    "from flask import Flask, redirect, request, url_for\n\napp = Flask(__name__)\n\n\n"
                    '@app.post("/comments")\ndef comment():\n    save(request.form)\n'
                    '    return redirect(url_for("thread"))\n\n\ndef save(form):\n    pass\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom flask import Flask, redirect, request, url_for\n\n"
                    'app = Flask(__name__)\n\n\n@app.post("/comments")\ndef comment():\n    save(request.form)\n'
                    '    return redirect(url_for("thread"), code=HTTPStatus.SEE_OTHER)\n\n\ndef save(form):\n    pass\n'
                ),
            ),
        ),
        fix_safety=(
            "Unsafe: clients see 303. The fix rewrites the status, adds it to helpers that take one "
            "(`code=` in Flask and Werkzeug, `status=` in Sanic and Tornado, `status_code=` in Litestar), or "
            "swaps `HTTPFound` for `HTTPSeeOther` (aiohttp, Falcon, Pyramid). Django's `redirect()` and "
            "`HttpResponseRedirect` have no 303 form, so they are reported without a fix."
        ),
        not_reported=(
            "Handlers that GET or HEAD requests can also reach, including Django function views without a "
            "`request.method` check: a redirect after GET is fine.",
            "Helpers whose default is already 303 or 307 (Bottle on HTTP/1.1, Starlette's `RedirectResponse`).",
            "Flask's `redirect()` default once Flask 3.2 (303) is the oldest release a project supports: the "
            "rule reads the released default, 302.",
        ),
        references=("RFC 9110 §15.4.2-15.4.4 (301, 302, 303)", "RFC 9110 §15.4.8-15.4.9 (307, 308)"),
    ),
)

REDIRECT_WITHOUT_LOCATION = Rule(
    code="HTS913",
    slug="redirect-status-without-location",
    message="{value} without a Location header: set one, or send an error like {better}",
    summary="A 3xx (not 304) raised or returned without a Location.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a 301, 302, 303, 307 or 308 built by hand without a `Location` header: "
            '`HTTPException(status_code=301)`, `HttpResponse(status=302)`, `return "", 302` in Flask, '
            "`self.set_status(302)` in Tornado. Redirect helpers and classes (`redirect(url)`, `HTTPFound(url)`) "
            "always set it and are not reported."
        ),
        why=(
            "A redirect tells the client to look elsewhere, and `Location` says where (RFC 9110 §10.2.2, §15.4). "
            "Without it browsers show an empty page and API clients stop; a 3xx used as an error should be a 4xx."
        ),
        examples=(
            Example(
                bad=(
                    'from fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n\n@app.get("/old")\n'
                    'async def old() -> dict:\n    raise HTTPException(status_code=301, detail="moved")\n'
                ),
                good=(
                    "from fastapi import FastAPI, status\nfrom fastapi.responses import RedirectResponse\n\napp = FastAPI()\n\n\n"
                    '@app.get("/old")\nasync def old() -> RedirectResponse:\n'
                    '    return RedirectResponse("/new", status_code=status.HTTP_308_PERMANENT_REDIRECT)\n'
                ),
            ),
        ),
        fix_safety="No fix: only the author knows the target or the error meant.",
        not_reported=(
            "300 Multiple Choices (Location is optional there) and 304 Not Modified (not a redirect).",
            "Responses whose headers come from a variable or a helper, responses handed to another call, and "
            "functions or modules that mention `Location` anywhere (a middleware may add it).",
            "Codes the API rejects outright (`abort(302)`): HTS605 reports those.",
        ),
        references=("RFC 9110 §10.2.2 (Location)", "RFC 9110 §15.4 (3xx)"),
    ),
)

RULES = (REDIRECT_AFTER_UNSAFE_METHOD, REDIRECT_WITHOUT_LOCATION)


def check(context: Context) -> Iterator[Finding]:
    model = context.handlers
    for site in candidates(context, _REDIRECTS, frozenset({Role.REDIRECT, Role.SET, Role.RAISE})):
        code = effective_code(site, model.idioms.redirect_flags.get((site.api.framework, site.api.label)))
        function = site.scope.function
        located = site.role is Role.REDIRECT or model.has_header(site, "Location")
        if code in _MOVED and function is not None and located:  # a 3xx without a target is HTS913's
            methods = model.methods_at(function, site.anchor)
            if methods.only_unsafe:
                assert methods.known is not None
                method = "/".join(sorted(methods.known))
                yield context.finding(
                    REDIRECT_AFTER_UNSAFE_METHOD,
                    report_node(site),
                    change_status(context, site, 303),
                    better=better(context, 303, site),
                    value=_describe_code(context, site, code),
                    method=method,
                )
        if not located and not _rejected(site):
            yield context.finding(
                REDIRECT_WITHOUT_LOCATION, report_node(site), value=site.code, better=better(context, 400)
            )


def effective_code(site: Site, flags: RedirectFlags | None) -> int | None:
    """The status a redirect really has once `permanent=True` or `preserve_request=True` are applied."""
    code = site.code
    if flags is None or not isinstance(site.anchor, ast.Call) or code is None:
        return code
    permanent = code == 301 or _true(site.anchor, flags.permanent)
    if _true(site.anchor, flags.preserve):
        return 308 if permanent else 307
    return 301 if permanent else code


def _true(call: ast.Call, slot: Slot | None) -> bool:
    value = argument(call, slot) if slot is not None else None
    return value is not None and not (isinstance(value, ast.Constant) and not value.value)


def _describe_code(context: Context, site: Site, code: int) -> object:
    return describe(context, site) if code == site.code else Phrase("{api} ({code})", api=site.api.label, code=code)


def _rejected(site: Site) -> bool:
    return site.api.accepts is not None and site.code not in site.api.accepts
