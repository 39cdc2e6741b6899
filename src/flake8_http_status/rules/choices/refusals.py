"""HTS918, HTS919: a 400 (or 404) that refuses credentials or rights, which 401 and 403 are for.

Both read the branch around the status: the condition that failed (`if not token:`, `if not user.is_admin:`)
or the `except` clause for a token that did not verify (`handlers.refusals` says what counts).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.sites import FunctionNode, Site
from ...api.idioms import Auth, Fault
from ...findings import Finding, FixSafety
from ...handlers import refusals
from ...handlers.flow import facts
from ...handlers.refusals import Credentials, permission_failure
from ...i18n.phrase import Phrase
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, candidates, change_status, report_node

REJECTED = "a rejected token"
# What a message says the branch refuses; the templates are the translation keys (i18n/ko/choices.py).
_CAUSES = {
    refusals.MISSING: Phrase("missing credentials"),
    refusals.UNKNOWN: Phrase("an unknown credential"),
    refusals.WRONG: Phrase("a wrong credential"),
    REJECTED: Phrase("a rejected token"),
    refusals.ROLE: Phrase("a missing role"),
    refusals.PERMISSION: Phrase("a missing permission"),
    refusals.NOT_OWNER: Phrase("a non-owner"),
}

CREDENTIALS_REFUSED_AS_BAD_REQUEST = Rule(
    code="HTS918",
    slug="credentials-refused-as-bad-request",
    message="use {better}, not {value}: the branch refuses {cause}",
    summary="400 or 404 answering missing or invalid credentials.",
    fix=FixSafety.UNSAFE,
    default=False,
    doc=RuleDoc(
        what=(
            "Reports a 400 or 404 sent where the credentials of the request failed: in the branch where the "
            "`Authorization` header, an API-key header (`X-API-Key`) or an `api_key` query parameter is absent "
            '(`if not token:` after `token = request.headers.get("Authorization")`, also through a FastAPI '
            "`Header()` parameter or a `fastapi.security` scheme), where it does not match "
            "(`if key != settings.API_KEY:`, `if not hmac.compare_digest(key, expected):`), where a lookup by it found "
            "nothing (`if user is None:` after `User.query.filter_by(api_key=key).first()`), and in an `except` "
            "clause for a token that failed to verify (`jwt.InvalidTokenError`, `jwt.ExpiredSignatureError`, "
            "python-jose's `JWTError`, itsdangerous' `BadSignature` and `SignatureExpired`) around code that reads "
            "such a credential. Off by default until its precision is measured on real applications."
        ),
        why=(
            "401 Unauthorized tells the client that its credentials are missing or wrong and that it may "
            "authenticate and retry (RFC 9110 §15.5.2); clients refresh a token or show a login form on it. 400 "
            "says the request is malformed (§15.5.1) and 404 that the resource does not exist (§15.5.5): neither "
            "tells the client to authenticate, so it gives up or retries the same request."
        ),
        examples=(
            Example(
                bad=(
                    "from http import HTTPStatus\n\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n\n"
                    '@app.get("/reports")\ndef reports():\n    key = request.headers.get("X-API-Key")\n'
                    '    if not key:\n        return {"error": "API key required"}, HTTPStatus.BAD_REQUEST\n'
                    '    return {"reports": []}\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom flask import Flask, request\n\napp = Flask(__name__)\n\n\n"
                    '@app.get("/reports")\ndef reports():\n    key = request.headers.get("X-API-Key")\n'
                    '    if not key:\n        challenge = {"WWW-Authenticate": \'ApiKey header="X-API-Key"\'}\n'
                    '        return {"error": "API key required"}, HTTPStatus.UNAUTHORIZED, challenge\n'
                    '    return {"reports": []}\n'
                ),
                options=("--extend-select=HTS918",),
            ),
        ),
        fix_safety=(
            "Unsafe: clients see 401 instead of 400 or 404. A 401 also needs a `WWW-Authenticate` header (HTS903)."
        ),
        not_reported=(
            "Tokens read from the body, the path or a `token` query parameter: password-reset, confirmation and "
            "invitation tokens travel there too, and a bad one may rightly be a 400 or a 404.",
            'A malformed header (`if not auth.startswith("Bearer "):`, `if scheme != "Bearer":`): RFC 6750 '
            "answers `invalid_request` with 400.",
            "A 404 after looking up a resource by its id, and 400s for a malformed request body.",
            "Branches that mix the credentials with other conditions (`if not token or not payload:`), and "
            "`except` clauses that also catch other errors.",
        ),
        references=("RFC 9110 §15.5.2 (401)", "RFC 9110 §15.5.1 (400)", "RFC 6750 §3.1 (Bearer token errors)"),
    ),
)

AUTHORIZATION_REFUSED_AS_BAD_REQUEST = Rule(
    code="HTS919",
    slug="authorization-refused-as-bad-request",
    message="use {better}, not {value}: the branch refuses {cause}",
    summary="400 answering an authenticated user who lacks the role, ownership or permission.",
    fix=FixSafety.UNSAFE,
    default=False,
    doc=RuleDoc(
        what=(
            "Reports a 400 sent where the user's rights failed a check: `if not user.is_admin:`, "
            "`if not request.user.is_superuser:`, `if not current_user.has_role(...)`, `if not current_user.role_edit_shelfs():`, "
            '`if not request.user.has_perm(...)`, `if user.role != "admin":`, `if post.owner != request.user:`, '
            "`if note.user_id != current_user.id:`, or a false answer from a function named for checking the user's "
            "permission (`if not check_shelf_edit_permissions(shelf):`, `has_edit_permission`). Off by default until its precision is measured on real "
            "applications."
        ),
        why=(
            "400 says the request is malformed (RFC 9110 §15.5.1): the client should change it. A user who may "
            "not do something sent a good request; 403 Forbidden says the server understood it and refuses it "
            "(§15.5.4), so clients stop retrying and can say why."
        ),
        examples=(
            Example(
                bad=(
                    "from django.http import HttpResponseBadRequest, JsonResponse\n\n\n"
                    "def purge(request):\n    if not request.user.is_superuser:\n"
                    '        return HttpResponseBadRequest("admins only")\n    return JsonResponse({"purged": True})\n'
                ),
                good=(
                    "from django.http import HttpResponseForbidden, JsonResponse\n\n\n"
                    "def purge(request):\n    if not request.user.is_superuser:\n"
                    '        return HttpResponseForbidden("admins only")\n    return JsonResponse({"purged": True})\n'
                ),
                options=("--extend-select=HTS919",),
            ),
        ),
        fix_safety="Unsafe: clients see 403 instead of 400.",
        not_reported=(
            "Branches where the user may be anonymous (`if user is None or not user.is_admin:`): 401 may be meant.",
            "Checks on anything but the user (`if not form.is_admin:`), and 404s, which may hide that the resource "
            "exists.",
        ),
        references=("RFC 9110 §15.5.1 (400)", "RFC 9110 §15.5.4 (403)"),
    ),
)

RULES = (CREDENTIALS_REFUSED_AS_BAD_REQUEST, AUTHORIZATION_REFUSED_AS_BAD_REQUEST)


def check(context: Context) -> Iterator[Finding]:
    for site in candidates(context, (400, 404)):
        function = site.scope.function
        if function is None:
            continue
        cause = _credentials_cause(context, site, function)
        if cause is not None:
            yield _finding(context, CREDENTIALS_REFUSED_AS_BAD_REQUEST, site, 401, cause)
        elif site.code == 400:
            cause = _rights_cause(context, site, function)
            if cause is not None:
                yield _finding(context, AUTHORIZATION_REFUSED_AS_BAD_REQUEST, site, 403, cause)


def _finding(context: Context, rule: Rule, site: Site, code: int, cause: str) -> Finding:
    return context.finding(
        rule,
        report_node(site),
        change_status(context, site, code),
        better=better(context, code, site),
        value=site.code,
        cause=_CAUSES[cause],
    )


def _credentials_cause(context: Context, site: Site, function: FunctionNode) -> str | None:
    model = context.handlers
    credentials = Credentials(function, context.imports, model.names)
    caught = model.fault_at(function, site.anchor)
    if caught is not None and caught.fault is Fault.CREDENTIALS:
        guarded = model.guarded_statements(function, caught.clause)
        return REJECTED if any(credentials.mentions(stmt) for stmt in guarded) else None
    for fact in facts(model.path(function, site.anchor), model.exits):
        cause = credentials.failure(fact.test, fact.holds)
        if cause is not None:
            return cause
    return None


def _rights_cause(context: Context, site: Site, function: FunctionNode) -> str | None:
    refused = refused_right(context, site, function)
    return None if refused is None else refused[0]


def refused_right(context: Context, site: Site, function: FunctionNode) -> tuple[str, ast.expr] | None:
    """The right the user lacks where `site` answers (`if not user.is_admin:` failed), and the condition that
    found it; HTS901 reads it for 401s. None where the code knows the user is anonymous: 401 is meant there."""
    model = context.handlers
    for fact in facts(model.path(function, site.anchor), model.exits):
        cause = permission_failure(fact.test, fact.holds)
        if cause is not None:
            # The user lacks a right only if there is one: where the code knows it is anonymous, 401 is meant.
            return None if model.auth_at(function, site.anchor).auth is Auth.ANONYMOUS else (cause, fact.test)
    return None
