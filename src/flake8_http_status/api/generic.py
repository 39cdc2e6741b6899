"""Places recognised by name alone, because the name is specific enough to mean an HTTP status.

Only values in 100-599 count at these places: anything else is left alone.
"""

from __future__ import annotations

from .framework import Framework
from .idioms import Auth, AuthCheck, AuthDecorator, RequestData
from .rows import (
    Api,
    AttributeRow,
    ClassAttributeRow,
    DefaultRow,
    HelperRow,
    KeywordRow,
    Receiver,
    Role,
)

KEYWORDS = (
    # make_response(status=...), JSONResponse(status_code=...), json_response(status=...)
    KeywordRow(("status", "status_code"), r"(?i).*response\Z", Api("generic", "response", Role.SET, generic=True)),
    # A house exception: ApiError("...", status_code=404)
    KeywordRow(
        ("status_code",), r"(?i).*(exception|error|abort)\Z", Api("generic", "exception", Role.RAISE, generic=True)
    ),
    KeywordRow(("status",), r"(?i).*http\w*(exception|error)\Z", Api("generic", "exception", Role.RAISE, generic=True)),
    # A test helper: self.assertLogsRequest(url, status_code=404)
    KeywordRow(("status", "status_code"), r"(?i)_?assert\w*\Z", Api("generic", "assertion", Role.EXPECT, generic=True)),
)

DEFAULTS = (
    # def error_response(message, status=400): ...  def technical_500_response(request, status_code=500): ...
    DefaultRow(
        ("status", "status_code"),
        r"(?i).*(response|respond|reply|abort|redirect|error|fail\w*)\Z",
        Api("generic", "response helper default", Role.SET, generic=True),
    ),
)

ATTRIBUTES = (
    AttributeRow("status_code", Receiver(any_receiver=True), Api("generic", "status_code", Role.SET, generic=True)),
)

CLASS_ATTRIBUTES = (
    ClassAttributeRow((), "status_code", Api("generic", "status_code", Role.CLASS, generic=True), any_base=True),
)

HELPERS = (
    # assertStatus(r, 200), assert_status_code(r, 404), check_status(r, 201), assertHttpStatus(r, 200)
    HelperRow(
        r"(?i)_?(assert|check|expect|verify|ensure)_?\w*status\w*\Z",
        Api("generic", "status assertion", Role.EXPECT, generic=True),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

# Project decorators named for what they guarantee, wherever they are imported from (heuristic: a decorator
# that resolves to a known framework callable is judged by that framework's rows instead).
AUTH_DECORATORS = (
    AuthDecorator(
        "generic",
        bare_names=(
            "login_required",
            "auth_required",
            "token_required",
            "jwt_required",
            "require_login",
            "requires_login",
            "require_auth",
            "requires_auth",
            "authentication_required",
            "authenticated",
            "user_required",
        ),
        optional="optional",
        heuristic=True,
    ),
)

# Django, Flask-Login, Starlette and Quart-Auth users all say whether they are logged in this way.
AUTH_CHECKS = (
    AuthCheck("generic", "is_authenticated", Auth.AUTHENTICATED),
    AuthCheck("generic", "is_anonymous", Auth.ANONYMOUS),
)

# What the client sent, as every framework's request object spells it (Flask, Django, DRF, Starlette,
# aiohttp, Sanic, Falcon, Pyramid, Bottle, Tornado's request).
REQUEST_DATA = (
    RequestData(
        "generic",
        ("request", "req"),
        (
            "body",
            "data",
            "json",
            "get_json",
            "form",
            "args",
            "values",
            "files",
            "get_data",
            "stream",
            "POST",
            "GET",
            "FILES",
            "query_params",
            "query",
            "match_info",
            "path_params",
            "headers",
            "cookies",
            "content",
            "text",
            "post",
            "read",
            "arguments",
            "query_arguments",
            "body_arguments",
            "json_body",
            "matchdict",
            "params",
            "media",
            "get_media",
            "bounded_stream",
            "forms",
            "raw_post_data",
        ),
    ),
)

FRAMEWORK = Framework(
    "generic",
    keywords=KEYWORDS,
    defaults=DEFAULTS,
    attributes=ATTRIBUTES,
    class_attributes=CLASS_ATTRIBUTES,
    helpers=HELPERS,
    auth_decorators=AUTH_DECORATORS,
    auth_checks=AUTH_CHECKS,
    request_data=REQUEST_DATA,
)
