"""HTS901, HTS902, HTS903: 401 and 403 chosen against what the code knows about the user."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.sites import FunctionNode, Site
from ...api.idioms import Auth
from ...api.rows import Role
from ...findings import Finding, FixSafety
from ...handlers.auth import UNKNOWN_STATE, AuthState
from ...i18n.phrase import Phrase
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .carried_challenges import carried_unauthorized
from .common import (
    better,
    candidates,
    change_status,
    function_of,
    report_node,
)
from .refusals import refused_right

_AUTH_OPTIONS = (
    "`http-status-auth-decorators`: project decorators that admit only logged-in users "
    "(`myapp.auth.login_required`, or a bare name).",
    "`http-status-auth-dependencies`: project FastAPI dependencies that resolve the user (`myapp.deps.get_user`).",
)

UNAUTHORIZED_WHILE_AUTHENTICATED = Rule(
    code="HTS901",
    slug="unauthorized-while-authenticated",
    message="use {better}, not {value}: the user is logged in ({why})",
    summary="401 where the user is already known to be authenticated.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what=(
            "Reports a 401 sent where the code already knows the user is logged in: inside a view guarded by a "
            "login decorator (`@login_required`, `@auth.login_required`, `@jwt_required()`, `@authenticated`, "
            '`@requires("authenticated")`), a class-based view with `LoginRequiredMixin` or '
            "`permission_classes = [IsAuthenticated]`, a FastAPI route that depends on `get_current_user`, a Django "
            "Ninja route whose `auth=` (on the route, or on its `Router(auth=...)` or `NinjaAPI(auth=...)`) is "
            "`django_auth` or an instance of a project subclass of `HttpBearer`, `HttpBasicAuth` or an API-key "
            "authenticator, or after a guard such as `if not user.is_authenticated: return ...`. Also a 401 sent where a "
            "check of the user's rights failed, as HTS919 reads them (`if not current_user.is_admin:`, "
            "`if not user.has_perm(...)`, `if post.owner_id != user.id:`, `if not check_edit_permission(post):`): "
            "whoever lacks a role is a known user. The status may be spelled in any "
            "way: `401`, `HTTPStatus.UNAUTHORIZED`, `abort(401)`, `web.HTTPUnauthorized`, `NotAuthenticated`."
        ),
        why=(
            "401 tells the client that its credentials are missing or wrong and invites it to authenticate "
            "again (RFC 9110 §15.5.2). A logged-in user who may not do something gets nothing from logging in "
            "again: 403 Forbidden says the request was understood and refused (§15.5.4). Clients that refresh "
            "tokens or show a login form on 401 loop forever."
        ),
        examples=(
            Example(
                bad=(
                    "from flask import Flask, abort\nfrom flask_login import current_user, login_required\n\n"
                    'app = Flask(__name__)\n\n\n@app.post("/admin/purge")\n@login_required\ndef purge():\n'
                    '    if not current_user.is_admin:\n        abort(401)\n    return "", 204\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom flask import Flask, abort\n"
                    "from flask_login import current_user, login_required\n\napp = Flask(__name__)\n\n\n"
                    '@app.post("/admin/purge")\n@login_required\ndef purge():\n    if not current_user.is_admin:\n'
                    '        abort(HTTPStatus.FORBIDDEN)\n    return "", HTTPStatus.NO_CONTENT\n'
                ),
            ),
        ),
        fix_safety=(
            "Unsafe: clients see 403 instead of 401. The fix rewrites a literal or constant, or swaps the "
            "framework's class (`web.HTTPUnauthorized` → `web.HTTPForbidden`); Django has no 401 class, so "
            "nothing is swapped there."
        ),
        not_reported=(
            "FastAPI security schemes (`OAuth2PasswordBearer`, `HTTPBasic`, API keys) as dependencies: they only "
            "prove that credentials were sent, so a handler that rejects them rightly answers 401.",
            "Dependencies whose name or return type says the user is optional (`get_optional_user`, `-> User | None`).",
            "DRF's `NotAuthenticated` and `AuthenticationFailed` unless the view's first authenticator sends a "
            "challenge (Token, Basic, JWT): with session authentication DRF turns them into 403 already.",
            "Guarantees that live outside the module: URLconf decorators, `LoginRequiredMiddleware`, DRF's "
            "`DEFAULT_PERMISSION_CLASSES`, dependencies attached where a router is included.",
            "`@user_passes_test`, Pyramid permissions and Litestar guards: they may admit anonymous users.",
            "Django Ninja's `auth=` given a plain function or an `AuthBase` subclass (an IP allow-list proves no "
            "login), and a router's `auth=` when the module mounts that router with another "
            "(`add_router(..., auth=None)`) or binds its name more than once.",
            "Code after contradictory evidence (an anonymous check inside a login-protected view).",
            "Rights checks that also let anonymous users in (`if user is None or not user.is_admin:`), where 401 "
            "may be meant, and checks on anything but the user (`if not form.is_admin:`).",
        ),
        references=("RFC 9110 §15.5.2 (401)", "RFC 9110 §15.5.4 (403)", "RFC 9110 §11.6.1 (WWW-Authenticate)"),
        options=_AUTH_OPTIONS,
    ),
)

FORBIDDEN_WHILE_ANONYMOUS = Rule(
    code="HTS902",
    slug="forbidden-while-anonymous",
    message="use {better}, not {value}: the user is not logged in ({why})",
    summary="403 where the user is known not to be authenticated.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what=(
            "Reports a 403 sent where the code has just found that the user is not logged in: the body of "
            "`if not request.user.is_authenticated:`, `if current_user.is_anonymous:`, `if not self.current_user:` "
            "(Tornado), `if request.authenticated_userid is None:` (Pyramid), or `if user is None:` for an "
            "optional FastAPI user dependency."
        ),
        why=(
            "403 means the server refuses whoever is asking, whatever their credentials (RFC 9110 §15.5.4). An "
            "anonymous request is missing credentials: 401 Unauthorized asks for them (§15.5.2), so clients can "
            "log in and retry."
        ),
        examples=(
            Example(
                bad=(
                    "from django.http import JsonResponse\n\n\n"
                    "def profile(request):\n    if not request.user.is_authenticated:\n"
                    '        return JsonResponse({"detail": "log in first"}, status=403)\n'
                    '    return JsonResponse({"name": request.user.get_username()})\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom django.http import JsonResponse\n\n\ndef profile(request):\n"
                    '    if not request.user.is_authenticated:\n        response = JsonResponse({"detail": '
                    '"log in first"}, status=HTTPStatus.UNAUTHORIZED)\n'
                    '        response["WWW-Authenticate"] = \'Session realm="app"\'\n        return response\n'
                    '    return JsonResponse({"name": request.user.get_username()})\n'
                ),
            ),
        ),
        fix_safety=(
            "Unsafe: clients see 401 instead of 403. A 401 also needs a `WWW-Authenticate` header (HTS903). "
            "Django has no 401 class, so `PermissionDenied` and `HttpResponseForbidden` are reported without a fix."
        ),
        not_reported=(
            "Branches that mix authentication with other conditions (`if not user.is_authenticated or not user.is_staff`): "
            "the user may be logged in there.",
            "Tornado's `@authenticated`, which answers 403 on the framework's side, and Pyramid's `HTTPForbidden`, "
            "which goes through the app's forbidden view (commonly a 401 for anonymous users).",
            "403s after a guard that sent logged-in users elsewhere (a signup or login flow): they refuse "
            "something other than the missing login, such as an invalid invitation token.",
            "Code after contradictory evidence (an anonymous check inside a login-protected view).",
        ),
        references=("RFC 9110 §15.5.2 (401)", "RFC 9110 §15.5.4 (403)"),
    ),
)

UNAUTHORIZED_WITHOUT_CHALLENGE = Rule(
    code="HTS903",
    slug="unauthorized-without-challenge",
    message="{value} needs a WWW-Authenticate challenge; for valid credentials, use {better}",
    summary="A 401 built without a WWW-Authenticate header where the framework does not add one.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a 401 response or exception built without a `WWW-Authenticate` header: `abort(401)`, "
            "`HTTPException(status_code=401)` without `headers=`, `HttpResponse(status=401)`, "
            "`web.HTTPUnauthorized()`, Litestar's `NotAuthorizedException()`, Falcon's `HTTPUnauthorized()` "
            "without `challenges=`, Sanic's `Unauthorized()` without `scheme=`. Also a 401 that a project exception "
            "class carries to the project's error handler (`class Unauthorized(ApiError): status_code = 401`, "
            '`super().__init__(message, 401)`, `raise ApiError("...", 401)`), where the handler\'s response has no '
            "headers; it is reported where the 401 is written, once, and not where the class is raised. Through the "
            "project index this also covers classes, handlers and raises in different modules."
        ),
        why=(
            "RFC 9110 §11.6.1 requires every 401 to carry at least one challenge: it is how the client learns "
            "which scheme to authenticate with. Without one, generic clients cannot recover. Add a challenge "
            'such as `Bearer` or `Basic realm="api"`; where the credentials are valid and the request is simply not '
            "allowed, the right status is 403 Forbidden, which needs no challenge."
        ),
        examples=(
            Example(
                bad=(
                    "from fastapi import FastAPI, HTTPException, Header\n\napp = FastAPI()\n\n\n"
                    '@app.get("/me")\nasync def me(authorization: str = Header("")):\n'
                    '    if not authorization.startswith("Bearer "):\n'
                    '        raise HTTPException(status_code=401, detail="Not authenticated")\n'
                    '    return {"token": authorization[7:]}\n'
                ),
                good=(
                    "from fastapi import FastAPI, HTTPException, Header, status\n\napp = FastAPI()\n\n\n"
                    '@app.get("/me")\nasync def me(authorization: str = Header("")):\n'
                    '    if not authorization.startswith("Bearer "):\n        raise HTTPException(\n'
                    '            status_code=status.HTTP_401_UNAUTHORIZED,\n            detail="Not authenticated",\n'
                    '            headers={"WWW-Authenticate": "Bearer"},\n        )\n'
                    '    return {"token": authorization[7:]}\n'
                ),
            ),
        ),
        fix_safety="No fix: only the author knows the scheme and realm.",
        not_reported=(
            "DRF's `NotAuthenticated` and `AuthenticationFailed`: DRF adds the first authenticator's challenge, or "
            "sends 403 instead.",
            "Flask-HTTPAuth, Bottle's `auth_basic` and FastAPI's security classes, which send the challenge themselves.",
            "Responses whose headers come from a variable, `**kwargs` or a helper, responses handed to another call "
            "(`raise Fault(HTTPUnauthorized())`), and modules or functions that "
            "mention `WWW-Authenticate` anywhere (an error handler or middleware may add it).",
            "`status_code = 401` on exception classes that no error handler of the project is seen to send, and "
            "carried 401s where the module of the class or of any project class it derives from names "
            "`WWW-Authenticate` (its handler may add it) or the index cannot see one of them.",
            "Raised 401s (`abort(401)`, `raise Unauthorized()`, FastAPI's `raise HTTPException(status_code=401)`) when "
            "any module of the project registers an error handler that sets `WWW-Authenticate` for 401, "
            "`Unauthorized`, every `HTTPException` or `Exception` (Flask, Quart: `@app.errorhandler`, "
            "`register_error_handler`, a blueprint's `app_errorhandler`; FastAPI, Starlette: `exception_handler`, "
            "`add_exception_handler`, `exception_handlers=`). Needs the project index. A response the view returns "
            "itself (`Response(status=401)`, `return body, 401`) goes through no error handler and is still reported.",
        ),
        references=("RFC 9110 §11.6.1 (WWW-Authenticate)", "RFC 9110 §15.5.2 (401)"),
    ),
)

RULES = (UNAUTHORIZED_WHILE_AUTHENTICATED, FORBIDDEN_WHILE_ANONYMOUS, UNAUTHORIZED_WITHOUT_CHALLENGE)

_CHALLENGE = "WWW-Authenticate"
_OWN_ERROR_HANDLING = ("flask_restful.", "flask_restx.")


def check(context: Context) -> Iterator[Finding]:
    for site in candidates(context, (401, 403)):
        if site.code == 401:
            yield from _unauthorized(context, site)
        else:
            yield from _forbidden(context, site)
    for site in carried_unauthorized(context):
        yield context.finding(
            UNAUTHORIZED_WITHOUT_CHALLENGE,
            report_node(site),
            value=site.code,
            better=better(context, 403, site),
        )


def _unauthorized(context: Context, site: Site) -> Iterator[Finding]:
    model = context.handlers
    function = function_of(site)
    rewritten = model.headers.automatic_why(site, _CHALLENGE) is not None  # DRF: challenge added or 403 sent
    if function is not None and (not rewritten or _challenging_authenticator(context, site)):
        state = model.auth_at(function, site.anchor)
        if state.auth is Auth.UNKNOWN:
            state = _rights_checked(context, site, function)
        if state.auth is Auth.AUTHENTICATED:
            yield context.finding(
                UNAUTHORIZED_WHILE_AUTHENTICATED,
                report_node(site),
                change_status(context, site, 403),
                better=better(context, 403, site),
                value=site.code,
                why=state.why,
            )
    if not model.has_header(site, _CHALLENGE) and not _challenged_by_handler(context, site):
        yield context.finding(
            UNAUTHORIZED_WITHOUT_CHALLENGE,
            report_node(site),
            value=site.code,
            better=better(context, 403, site),
        )


def _challenged_by_handler(context: Context, site: Site) -> bool:
    """A raised 401 that an error handler of the project, in any module, answers with a challenge (asked last: the
    whole project is read for it). The REST extensions' aborts go to the extension's own error handling instead."""
    project = context.project
    return (
        project is not None
        and site.role is Role.RAISE
        and not site.api.label.startswith(_OWN_ERROR_HANDLING)
        and site.api.framework in project.challenged_401s()
    )


def _rights_checked(context: Context, site: Site, function: FunctionNode) -> AuthState:
    """A failed check of the user's rights (`if not user.is_admin:`, `if post.owner != user:`) says there is a
    user: whoever lacks a role is known. HTS919 reads the same conditions for its 400s."""
    refused = refused_right(context, site, function)
    if refused is None:
        return UNKNOWN_STATE
    return AuthState(Auth.AUTHENTICATED, Phrase("rights checked on line {line}", line=refused[1].lineno))


def _forbidden(context: Context, site: Site) -> Iterator[Finding]:
    function = function_of(site)
    if function is None:
        return
    if (
        site.role is Role.RAISE
        and _rewrites_unauthorized(context, site)
        and not _challenging_authenticator(context, site)
    ):
        return  # DRF would send the suggested 401 exception as 403 anyway
    if _exception_view(context, site):
        return  # the app's exception view decides what anonymous users get (Pyramid's forbidden view)
    state = context.handlers.auth_at(function, site.anchor)
    # Only a branch that handles the anonymous case says the 403 is about authentication; after a guard
    # that sent logged-in users away (`if user.is_authenticated: return redirect(...)`) a 403 refuses
    # something else, such as a bad invitation token.
    if state.auth is Auth.ANONYMOUS and state.branch:
        yield context.finding(
            FORBIDDEN_WHILE_ANONYMOUS,
            report_node(site),
            change_status(context, site, 401),
            better=better(context, 401, site),
            value=site.code,
            why=state.why,
        )


def _exception_view(context: Context, site: Site) -> bool:
    return site.role is Role.RAISE and any(
        row.framework == site.api.framework and site.api.label in row.labels and site.code in row.codes
        for row in context.handlers.idioms.exception_views
    )


def _rewrites_unauthorized(context: Context, site: Site) -> bool:
    """The framework decides the challenge of its 401 exceptions (DRF), or sends 403 instead."""
    return any(
        row.framework == site.api.framework and row.header == _CHALLENGE and row.labels
        for row in context.handlers.idioms.auto_headers
    )


def _challenging_authenticator(context: Context, site: Site) -> bool:
    """A DRF view whose first authenticator sends a challenge: its 401 exceptions really go out as 401."""
    view = site.scope.cls
    if view is None:
        return False
    for setting in context.handlers.idioms.authenticator_settings:
        for stmt in view.body:
            if isinstance(stmt, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == setting.attribute for t in stmt.targets
            ):
                listed = stmt.value.elts if isinstance(stmt.value, (ast.List, ast.Tuple)) and stmt.value.elts else []
                first = context.imports.qualify(listed[0]) if listed else None
                return first in setting.challenging
    return False
