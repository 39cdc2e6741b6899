"""Django REST framework."""

from __future__ import annotations

from .common import fixed
from .model import Api, CallRow, ClassAttributeRow, Role, Slot, Text

API_EXCEPTION = ("rest_framework.exceptions.APIException",)

CALLS = (
    CallRow(
        ("rest_framework.response.Response",),
        Api("drf", "Response", Role.SET, (Slot(1, "status"),), default=200, text=Text.CODE_ONLY),
    ),
    *fixed(
        "drf", "rest_framework.exceptions",
        {
            "APIException": 500, "ValidationError": 400, "ParseError": 400, "AuthenticationFailed": 401,
            "NotAuthenticated": 401, "PermissionDenied": 403, "NotFound": 404, "MethodNotAllowed": 405,
            "NotAcceptable": 406, "UnsupportedMediaType": 415, "Throttled": 429,
        },
    ),
)

CLASS_ATTRIBUTES = (
    ClassAttributeRow(API_EXCEPTION, "status_code", Api("drf", "APIException.status_code", Role.CLASS)),
)
