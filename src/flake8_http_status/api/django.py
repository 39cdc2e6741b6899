"""Django: responses, shortcuts, HTTP exceptions and test-case assertions."""

from __future__ import annotations

from .common import fixed
from .framework import Framework
from .idioms import (
    AuthBase,
    AuthDecorator,
    AutoHeader,
    Bodiless,
    BodyArgument,
    BodyPolicy,
    PermissionSetting,
    RedirectFlags,
    Rendering,
    RouteDecorator,
    ViewClass,
)
from .rows import Api, CallRow, MethodRow, Misplaced, Receiver, Role, Slot, Text

_HTTP = "django.http"
_RESPONSE = "django.http.response"


def _names(name: str, *modules: str) -> tuple[str, ...]:
    return tuple(f"{module}.{name}" for module in modules)


def _response(name: str, position: int, content_type_at: int) -> CallRow:
    return CallRow(
        _names(name, _HTTP, _RESPONSE),
        Api(
            "django",
            name,
            Role.SET,
            (Slot(position, "status"),),
            default=200,
            text=Text.CODE_ONLY,
            misplaced=(Misplaced(content_type_at, "content_type"),),
            fix_keyword="status",
            converts=True,
        ),
    )


_PRESERVE = "preserve_request (Django 5.2+; content before)"

# `converts` (checked on Django 6.1): HttpResponseBase.__init__ stores `int(status)` for every response class
# here, redirects and the fixed-status classes given `status=` included; the test assertions compare with
# assertEqual and print the codes with `%d`. Outside __init__, `HttpResponseBase.status_code` is a plain attribute:
# `response.status_code = ...` and a `status_code` class attribute keep the object (checked on Django 6.1), which
# middleware, the test client and ASGI servers read, so the generic `status_code` rows stay non-converting.
CALLS = (
    _response("HttpResponse", 2, 1),
    _response("StreamingHttpResponse", 2, 1),
    _response("FileResponse", 2, 1),
    CallRow(
        _names("JsonResponse", _HTTP, _RESPONSE),
        Api(
            "django",
            "JsonResponse",
            Role.SET,
            (Slot(None, "status"),),
            default=200,
            text=Text.CODE_ONLY,
            misplaced=(Misplaced(1, "encoder"), Misplaced(2, "safe"), Misplaced(3, "json_dumps_params")),
            fix_keyword="status",
            converts=True,
        ),
    ),
    CallRow(
        ("django.shortcuts.render",),
        Api(
            "django",
            "render",
            Role.SET,
            (Slot(4, "status"),),
            default=200,
            misplaced=(Misplaced(2, "context"), Misplaced(3, "content_type")),
            fix_keyword="status",
            converts=True,
        ),
    ),
    CallRow(
        ("django.template.response.TemplateResponse",),
        Api(
            "django",
            "TemplateResponse",
            Role.SET,
            (Slot(4, "status"),),
            default=200,
            misplaced=(Misplaced(2, "context"), Misplaced(3, "content_type")),
            fix_keyword="status",
            converts=True,
        ),
    ),
    CallRow(
        ("django.template.response.SimpleTemplateResponse",),
        Api(
            "django",
            "SimpleTemplateResponse",
            Role.SET,
            (Slot(3, "status"),),
            default=200,
            misplaced=(Misplaced(1, "context"), Misplaced(2, "content_type")),
            fix_keyword="status",
            converts=True,
        ),
    ),
    CallRow(
        _names("HttpResponseRedirect", _HTTP, _RESPONSE),
        Api(
            "django",
            "HttpResponseRedirect",
            Role.REDIRECT,
            (Slot(None, "status"),),
            fixed=302,
            misplaced=(Misplaced(1, _PRESERVE),),
            converts=True,
        ),
    ),
    # redirect() has no status argument: `permanent` and `preserve_request` choose among 301/302/307/308
    # (REDIRECT_FLAGS below).
    CallRow(("django.shortcuts.redirect",), Api("django", "redirect", Role.REDIRECT, fixed=302)),
    CallRow(
        _names("HttpResponsePermanentRedirect", _HTTP, _RESPONSE),
        Api(
            "django",
            "HttpResponsePermanentRedirect",
            Role.REDIRECT,
            (Slot(None, "status"),),
            fixed=301,
            misplaced=(Misplaced(1, _PRESERVE),),
            converts=True,
        ),
    ),
    *fixed(
        "django",
        _HTTP,
        {
            "HttpResponseNotModified": 304,
            "HttpResponseBadRequest": 400,
            "HttpResponseForbidden": 403,
            "HttpResponseNotFound": 404,
            "HttpResponseNotAllowed": 405,
            "HttpResponseGone": 410,
            "HttpResponseServerError": 500,
        },
        Role.SET,
        override="status",
        converts=True,
    ),
    *fixed("django", _HTTP, {"Http404": 404}),
    *fixed(
        "django",
        "django.core.exceptions",
        {"PermissionDenied": 403, "BadRequest": 400, "SuspiciousOperation": 400},
    ),
    CallRow(
        ("pytest_django.asserts.assertContains",),
        Api("django", "assertContains", Role.EXPECT, (Slot(3, "status_code"),), converts=True),
    ),
    CallRow(
        ("pytest_django.asserts.assertNotContains",),
        Api("django", "assertNotContains", Role.EXPECT, (Slot(2, "status_code"),), converts=True),
    ),
    CallRow(
        ("pytest_django.asserts.assertRedirects",),
        Api(
            "django",
            "assertRedirects",
            Role.EXPECT,
            (Slot(2, "status_code"), Slot(3, "target_status_code")),
            converts=True,
        ),
    ),
)

TEST_CASES = (
    "django.test.SimpleTestCase",
    "django.test.TestCase",
    "django.test.TransactionTestCase",
    "django.test.LiveServerTestCase",
    "django.test.testcases.SimpleTestCase",
    "django.test.testcases.TestCase",
    "django.test.testcases.TransactionTestCase",
    "rest_framework.test.APITestCase",
    "rest_framework.test.APISimpleTestCase",
    "rest_framework.test.APITransactionTestCase",
)
_ASSERTION_RECEIVER = Receiver(owners=TEST_CASES, gate=("django", "rest_framework"), names=("self",))

METHODS = (
    MethodRow(
        ("assertContains",),
        _ASSERTION_RECEIVER,
        Api("django", "assertContains", Role.EXPECT, (Slot(3, "status_code"),), converts=True),
    ),
    MethodRow(
        ("assertNotContains",),
        _ASSERTION_RECEIVER,
        Api("django", "assertNotContains", Role.EXPECT, (Slot(2, "status_code"),), converts=True),
    ),
    MethodRow(
        ("assertRedirects",),
        _ASSERTION_RECEIVER,
        Api(
            "django",
            "assertRedirects",
            Role.EXPECT,
            (Slot(2, "status_code"), Slot(3, "target_status_code")),
            converts=True,
        ),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

_REQUIRE = "django.views.decorators.http"
ROUTE_DECORATORS = (
    RouteDecorator("django", "POST", names=(f"{_REQUIRE}.require_POST",)),
    RouteDecorator("django", "GET", names=(f"{_REQUIRE}.require_GET",)),
    RouteDecorator("django", None, names=(f"{_REQUIRE}.require_safe",), default_methods=("GET", "HEAD")),
    RouteDecorator("django", None, names=(f"{_REQUIRE}.require_http_methods",), methods=Slot(0, "request_method_list")),
)

_GENERIC = (
    "django.views.generic",
    "django.views.generic.base",
    "django.views.generic.edit",
    "django.views.generic.detail",
    "django.views.generic.list",
    "django.views.generic.dates",
)
_VIEWS = (
    "View",
    "TemplateView",
    "RedirectView",
    "DetailView",
    "ListView",
    "FormView",
    "CreateView",
    "UpdateView",
    "DeleteView",
    "ArchiveIndexView",
    "YearArchiveView",
    "MonthArchiveView",
    "WeekArchiveView",
    "DayArchiveView",
    "TodayArchiveView",
    "DateDetailView",
    "ProcessFormView",
    "BaseFormView",
    "BaseCreateView",
    "BaseUpdateView",
    "BaseDeleteView",
    "BaseDetailView",
    "BaseListView",
    "TemplateResponseMixin",
    "ContextMixin",
)
_FORM_VIEWS = (
    "FormView",
    "CreateView",
    "UpdateView",
    "DeleteView",
    "ProcessFormView",
    "BaseFormView",
    "BaseCreateView",
    "BaseUpdateView",
    "BaseDeleteView",
    "FormMixin",
    "ModelFormMixin",
    "DeletionMixin",
)


def _qualified(names: tuple[str, ...], modules: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{module}.{name}" for module in modules for name in names)


VIEW_CLASSES = (
    ViewClass("django", ("django.views.View", *_qualified(_VIEWS, _GENERIC))),
    # Generic editing views call form_valid/form_invalid from post() (and put(), which delegates to post()).
    ViewClass(
        "django",
        _qualified(_FORM_VIEWS, _GENERIC),
        methods=(("form_valid", "POST"), ("form_valid", "PUT"), ("form_invalid", "POST"), ("form_invalid", "PUT")),
    ),
)

AUTH_DECORATORS = (
    AuthDecorator(
        "django",
        names=(
            "django.contrib.auth.decorators.login_required",
            "django.contrib.auth.decorators.permission_required",
            "django.contrib.admin.views.decorators.staff_member_required",
        ),
    ),
)

AUTH_BASES = (
    AuthBase(
        "django",
        ("django.contrib.auth.mixins.LoginRequiredMixin", "django.contrib.auth.mixins.PermissionRequiredMixin"),
    ),
)

PERMISSION_SETTINGS = (PermissionSetting("django", method_decorator=("django.utils.decorators.method_decorator",)),)

BODY_ARGUMENTS = (
    BodyArgument("django", ("HttpResponse",), Slot(0, "content")),
    BodyArgument("django", ("StreamingHttpResponse",), Slot(0, "streaming_content")),
    BodyArgument("django", ("JsonResponse",), Slot(0, "data"), rendering=Rendering.ALWAYS),
    BodyArgument(
        "django",
        ("FileResponse", "render", "TemplateResponse", "SimpleTemplateResponse"),
        Slot(0),
        rendering=Rendering.ALWAYS,
    ),
)

AUTO_HEADERS = (
    AutoHeader("django", "Allow", ("HttpResponseNotAllowed",), why="HttpResponseNotAllowed sets Allow"),
    AutoHeader(
        "django",
        "Location",
        ("HttpResponseRedirect", "HttpResponsePermanentRedirect", "redirect"),
        why="redirect responses carry the target",
    ),
)

REDIRECT_FLAGS = (
    RedirectFlags("django", ("redirect",), permanent=Slot(None, "permanent"), preserve=Slot(None, "preserve_request")),
    RedirectFlags(
        "django", ("HttpResponseRedirect", "HttpResponsePermanentRedirect"), preserve=Slot(None, "preserve_request")
    ),
)

FRAMEWORK = Framework(
    "django",
    roots=("django",),
    path_parameters=(r"<[^>]*>",),
    calls=CALLS,
    methods=METHODS,
    route_decorators=ROUTE_DECORATORS,
    view_classes=VIEW_CLASSES,
    auth_decorators=AUTH_DECORATORS,
    auth_bases=AUTH_BASES,
    permission_settings=PERMISSION_SETTINGS,
    body_arguments=BODY_ARGUMENTS,
    auto_headers=AUTO_HEADERS,
    redirect_flags=REDIRECT_FLAGS,
    bodiless=Bodiless("django", BodyPolicy.SENT, "Django"),
)
