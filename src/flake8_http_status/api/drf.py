"""Django REST framework."""

from __future__ import annotations

from ..families import FAMILIES
from .common import fixed
from .framework import Framework
from .idioms import (
    VERB_METHODS,
    AuthenticatorSetting,
    AutoHeader,
    Bodiless,
    BodyArgument,
    BodyPolicy,
    HeaderArgument,
    PermissionClass,
    PermissionSetting,
    Rendering,
    RouteDecorator,
    ViewClass,
)
from .rows import Api, CallRow, ClassAttributeRow, Role, Slot, Text

API_EXCEPTION = ("rest_framework.exceptions.APIException",)

# `converts` (checked on DRF 3.18): Response(status=) reaches Django's HttpResponseBase (`int(status)`). An
# `APIException.status_code` class attribute keeps the object (exception handlers read and render it).
CALLS = (
    CallRow(
        ("rest_framework.response.Response",),
        Api("drf", "Response", Role.SET, (Slot(1, "status"),), default=200, text=Text.CODE_ONLY, converts=True),
    ),
    *fixed(
        "drf",
        "rest_framework.exceptions",
        {
            "APIException": 500,
            "ValidationError": 400,
            "ParseError": 400,
            "AuthenticationFailed": 401,
            "NotAuthenticated": 401,
            "PermissionDenied": 403,
            "NotFound": 404,
            "MethodNotAllowed": 405,
            "NotAcceptable": 406,
            "UnsupportedMediaType": 415,
            "Throttled": 429,
        },
    ),
)

CLASS_ATTRIBUTES = (
    ClassAttributeRow(API_EXCEPTION, "status_code", Api("drf", "APIException.status_code", Role.CLASS)),
)

# Handler idioms -----------------------------------------------------------------------------------

_DECORATORS = "rest_framework.decorators"
ROUTE_DECORATORS = (
    RouteDecorator("drf", None, names=(f"{_DECORATORS}.api_view",), methods=Slot(0, "http_method_names")),
    # @action on a viewset method: its own route, GET unless `methods=` says otherwise.
    RouteDecorator("drf", None, names=(f"{_DECORATORS}.action",), methods=Slot(None, "methods")),
)

_VIEWS = tuple(
    f"rest_framework.{name}"
    for name in (
        "views.APIView",
        "generics.GenericAPIView",
        "generics.CreateAPIView",
        "generics.ListAPIView",
        "generics.RetrieveAPIView",
        "generics.DestroyAPIView",
        "generics.UpdateAPIView",
        "generics.ListCreateAPIView",
        "generics.RetrieveUpdateAPIView",
        "generics.RetrieveDestroyAPIView",
        "generics.RetrieveUpdateDestroyAPIView",
    )
)
_VIEWSETS = tuple(
    f"rest_framework.viewsets.{name}"
    for name in ("ViewSet", "GenericViewSet", "ModelViewSet", "ReadOnlyModelViewSet", "ViewSetMixin")
)
_MIXINS = tuple(
    f"rest_framework.mixins.{name}"
    for name in ("CreateModelMixin", "ListModelMixin", "RetrieveModelMixin", "UpdateModelMixin", "DestroyModelMixin")
)
# Viewset actions and the methods the router maps to them.
_ACTIONS = (
    ("create", "POST"),
    ("list", "GET"),
    ("retrieve", "GET"),
    ("update", "PUT"),
    ("partial_update", "PATCH"),
    ("destroy", "DELETE"),
)

VIEW_CLASSES = (ViewClass("drf", _VIEWS + _VIEWSETS + _MIXINS, methods=VERB_METHODS + _ACTIONS),)

_PERMISSIONS = "rest_framework.permissions"
PERMISSION_CLASSES = (
    PermissionClass(
        "drf",
        tuple(
            f"{_PERMISSIONS}.{name}"
            for name in ("IsAuthenticated", "IsAdminUser", "DjangoModelPermissions", "DjangoObjectPermissions")
        ),
    ),
    PermissionClass(
        "drf",
        (f"{_PERMISSIONS}.IsAuthenticatedOrReadOnly", f"{_PERMISSIONS}.DjangoModelPermissionsOrAnonReadOnly"),
        methods=frozenset({"POST", "PUT", "PATCH", "DELETE"}),
    ),
)

PERMISSION_SETTINGS = (
    PermissionSetting("drf", attribute="permission_classes", decorator=(f"{_DECORATORS}.permission_classes",)),
)

AUTHENTICATOR_SETTINGS = (
    AuthenticatorSetting(
        "drf",
        "authentication_classes",
        challenging=(
            "rest_framework.authentication.TokenAuthentication",
            "rest_framework.authentication.BasicAuthentication",
            "rest_framework_simplejwt.authentication.JWTAuthentication",
            "knox.auth.TokenAuthentication",
            "oauth2_provider.contrib.rest_framework.OAuth2Authentication",
        ),
    ),
)

BODY_ARGUMENTS = (BodyArgument("drf", ("Response",), Slot(0, "data"), rendering=Rendering.SERIALIZED),)

AUTO_HEADERS = (
    AutoHeader("drf", "Allow", why="every APIView response carries Allow"),
    AutoHeader(
        "drf",
        "WWW-Authenticate",
        ("NotAuthenticated", "AuthenticationFailed"),
        why="DRF adds the first authenticator's challenge, or sends 403 instead",
    ),
)

HEADER_ARGUMENTS = (HeaderArgument("drf", ("Throttled",), "Retry-After", Slot(0, "wait")),)

FRAMEWORK = Framework(
    "drf",
    roots=("rest_framework",),
    family=FAMILIES["drf"],
    builds_on=("django",),
    calls=CALLS,
    class_attributes=CLASS_ATTRIBUTES,
    route_decorators=ROUTE_DECORATORS,
    view_classes=VIEW_CLASSES,
    permission_classes=PERMISSION_CLASSES,
    permission_settings=PERMISSION_SETTINGS,
    authenticator_settings=AUTHENTICATOR_SETTINGS,
    body_arguments=BODY_ARGUMENTS,
    auto_headers=AUTO_HEADERS,
    header_arguments=HEADER_ARGUMENTS,
    bodiless=Bodiless("drf", BodyPolicy.SENT, "DRF"),
)
