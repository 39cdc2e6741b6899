"""HTS908, HTS923 and HTS913: redirects that say the wrong thing about where, and how, to go next.

After a POST, PUT, PATCH or DELETE, the redirect status tells the client what to do with its method. 303 says
"fetch the result with GET"; 307 and 308 say "repeat this request there", so a 308 after a POST is the right
answer for an endpoint that moved for good, and neither rule reports it. 301 and 302 leave the choice to the
client (RFC 9110 §15.4.2-15.4.3). That is worse for 301, which is also cached as permanent: HTS908 reports it,
on by default. A 302 (written, or the default of `redirect()` in Flask, Quart, Werkzeug, Django, Sanic, Tornado
and Litestar) is what every browser treats as a 303 anyway, so preferring 303 there is style: HTS923, off by
default.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.match import argument
from ...analysis.sites import Site
from ...analysis.values import Spelling
from ...api.idioms import RedirectFlags
from ...api.rows import Role, Slot
from ...findings import Finding, FixSafety
from ...i18n.phrase import Phrase
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, change_status, report_node

_REDIRECTS = frozenset({301, 302, 303, 307, 308})

_COMMENT_BAD = (
    "from flask import Flask, redirect, request, url_for\n\napp = Flask(__name__)\n\n\n"
    '@app.post("/comments")\ndef comment():\n    save(request.form)\n'
    '    return redirect(url_for("thread"){code})\n\n\ndef save(form):\n    pass\n'
)
_COMMENT_GOOD = (
    "from http import HTTPStatus\n\nfrom flask import Flask, redirect, request, url_for\n\n"
    'app = Flask(__name__)\n\n\n@app.post("/comments")\ndef comment():\n    save(request.form)\n'
    '    return redirect(url_for("thread"), code=HTTPStatus.SEE_OTHER)\n\n\ndef save(form):\n    pass\n'
)
_FIX_SAFETY = (
    "Unsafe: clients see 303. The fix rewrites the status, adds it to helpers that take one "
    "(`code=` in Flask, Quart and Werkzeug, `status=` in Sanic and Tornado, `status_code=` in Litestar), or "
    "swaps the class for its 303 sibling (`HTTPSeeOther` in aiohttp, Falcon and Pyramid). Django's `redirect()`, "
    "`HttpResponseRedirect` and `HttpResponsePermanentRedirect` have no 303 form, so they are reported without a fix."
)
_ONLY_UNSAFE = (
    "Handlers that GET or HEAD requests can also reach, including Django function views without a "
    "`request.method` check: a redirect after GET is fine."
)
_PRESERVED = (
    "307 and 308, written or made by a flag (Django's `preserve_request=True`): they keep the method, which is "
    "what a moved endpoint that takes POST needs."
)

PERMANENT_REDIRECT_AFTER_UNSAFE_METHOD = Rule(
    code="HTS908",
    slug="permanent-redirect-after-unsafe-method",
    message="use {better}, not {value}, after {method}: a 301 is cached and may turn into a GET",
    summary="301 answering POST/PUT/PATCH/DELETE.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what=(
            "Reports a 301 Moved Permanently sent from a handler or branch that only POST, PUT, PATCH or DELETE "
            "requests reach (a POST route, a class-based view's `post()`, a Django `form_valid()`, a "
            '`request.method == "POST"` branch): written (`redirect(url, 301)`), made by a flag '
            "(`redirect(url, permanent=True)` in Django and Tornado) or by a class (`HttpResponsePermanentRedirect`, "
            "`web.HTTPMovedPermanently`)."
        ),
        why=(
            "RFC 9110 §15.4.2 lets user agents change a POST into a GET on 301, and some do for PUT and DELETE "
            "too, so what the client does next is up to the client; and a 301 is cached as permanent (§15.4.2), so "
            "the next request goes straight to the new URI, method changed or not. 303 See Other (§15.4.4) says "
            '"fetch the result with GET" to every client (post/redirect/get); 308 Permanent Redirect (§15.4.9) says '
            '"repeat this request there, from now on".'
        ),
        examples=(Example(bad=_COMMENT_BAD.format(code=", code=301"), good=_COMMENT_GOOD),),
        fix_safety=_FIX_SAFETY,
        not_reported=(
            _ONLY_UNSAFE,
            "302 Found, written or a helper's default: HTS923 reports it (off by default, because browsers treat "
            "it as 303 already).",
            _PRESERVED,
        ),
        references=("RFC 9110 §15.4.2 (301)", "RFC 9110 §15.4.4 (303)", "RFC 9110 §15.4.9 (308)"),
    ),
)

TEMPORARY_REDIRECT_AFTER_UNSAFE_METHOD = Rule(
    code="HTS923",
    slug="temporary-redirect-after-unsafe-method",
    message="use {better}, not {value}, after {method} (302 may or may not become GET)",
    summary="302, written or a redirect() default, answering POST/PUT/PATCH/DELETE.",
    fix=FixSafety.UNSAFE,
    default=False,
    doc=RuleDoc(
        what=(
            "Reports a 302 Found sent from a handler or branch that only POST, PUT, PATCH or DELETE requests "
            "reach: written (`redirect(url, 302)`, `HTTPFound`) or the default of the redirect helper "
            "(`redirect(url)` in Flask, Quart, Werkzeug, Django, Sanic, Tornado and Litestar; Django's "
            "`HttpResponseRedirect`). Off by default."
        ),
        why=(
            "RFC 9110 §15.4.3 lets user agents change a POST into a GET on 302 and leaves the rest to them. "
            "Browsers do switch to GET, so post/redirect/get with 302 works, but the status says less than it "
            'could: 303 See Other (§15.4.4) means exactly "fetch the result with GET", for browsers and API '
            'clients alike, and 307 (§15.4.8) means "repeat this request there". The rule is off by default '
            "because with browsers nothing goes wrong; turn it on for APIs, whose clients may keep the method."
        ),
        examples=(Example(bad=_COMMENT_BAD.format(code=""), good=_COMMENT_GOOD, options=("--extend-select=HTS923",)),),
        fix_safety=_FIX_SAFETY,
        not_reported=(
            _ONLY_UNSAFE,
            "Helpers whose default is already 303 or 307 (Bottle on HTTP/1.1, Starlette's and FastAPI's "
            "`RedirectResponse`, Starlette's `@requires(redirect=...)`).",
            "301: HTS908 reports it, on by default.",
            _PRESERVED,
            "Flask's and Werkzeug's `redirect()` default once Flask 3.2 (303) is the oldest release a project "
            "supports: the rule reads the released default, 302.",
        ),
        references=("RFC 9110 §15.4.3 (302)", "RFC 9110 §15.4.4 (303)", "RFC 9110 §15.4.8 (307)"),
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

RULES = (PERMANENT_REDIRECT_AFTER_UNSAFE_METHOD, REDIRECT_WITHOUT_LOCATION, TEMPORARY_REDIRECT_AFTER_UNSAFE_METHOD)
# The effective status a redirect after an unsafe method is reported with, and by which rule.
_AFTER_UNSAFE_METHOD = {301: PERMANENT_REDIRECT_AFTER_UNSAFE_METHOD, 302: TEMPORARY_REDIRECT_AFTER_UNSAFE_METHOD}


def check(context: Context) -> Iterator[Finding]:
    model = context.handlers
    for site in candidates(context, _REDIRECTS, frozenset({Role.REDIRECT, Role.SET, Role.RAISE})):
        code = effective_code(site, model.idioms.redirect_flags.get((site.api.framework, site.api.label)))
        function = site.scope.function
        located = site.role is Role.REDIRECT or model.has_header(site, "Location")
        rule = _AFTER_UNSAFE_METHOD.get(code) if code is not None else None
        # A 3xx without a target is HTS913's.
        if rule is not None and code is not None and function is not None and located:
            methods = model.methods_at(function, site.anchor)
            if methods.only_unsafe:
                assert methods.known is not None
                yield context.finding(
                    rule,
                    report_node(site),
                    change_status(context, site, 303),
                    better=better(context, 303, site),
                    value=_short_value(site, code),
                    method="/".join(sorted(methods.known)),
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


def _short_value(site: Site, code: int) -> object:
    """The status sent now, short enough for a one-line message: the number, and whether a helper chose it
    (the finding points at the call, so the helper needs no naming)."""
    if site.value.spelling is Spelling.DEFAULT and code == site.code:
        return Phrase("the default {code}", code=code)
    return str(code)


def _rejected(site: Site) -> bool:
    return site.api.accepts is not None and site.code not in site.api.accepts
