"""The authentication state the handler model derives at a point."""

from __future__ import annotations

import pytest
from handler_helpers import module

from flake8_http_status.api.idioms import Auth
from flake8_http_status.options import settings_from_args

FLASK = "from flask import Flask, abort, request\napp = Flask(__name__)\n"


def state(source: str, function: str, marker: str = "abort(401)", *options: str) -> Auth:
    settings = settings_from_args(options)
    found = module(source, settings)
    return found.model.auth_at(found.function(function), found.node(function, marker)).auth


@pytest.mark.parametrize(
    ("source", "function", "expected"),
    [
        (
            "from flask_login import login_required\n"
            + FLASK
            + "@app.get('/a')\n@login_required\ndef a():\n    abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            "from flask_jwt_extended import jwt_required\n"
            + FLASK
            + "@app.get('/a')\n@jwt_required()\ndef a():\n    abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            "from flask_jwt_extended import jwt_required\n"
            + FLASK
            + "@app.get('/a')\n@jwt_required(optional=True)\ndef a():\n    abort(401)\n",
            "a",
            Auth.UNKNOWN,
        ),
        (
            "from flask_httpauth import HTTPBasicAuth\n"
            + FLASK
            + "auth = HTTPBasicAuth()\n@app.get('/a')\n@auth.login_required\ndef a():\n    abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            "from flask_httpauth import HTTPBasicAuth\n"
            + FLASK
            + "auth = HTTPBasicAuth()\n@app.get('/a')\n@auth.login_required(optional=True)\ndef a():\n    abort(401)\n",
            "a",
            Auth.UNKNOWN,
        ),
        (
            "from starlette.authentication import requires\n"
            + FLASK
            + "@requires('authenticated')\ndef a(request):\n    abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            "from starlette.authentication import requires\n"
            + FLASK
            + "@requires('admin')\ndef a(request):\n    abort(401)\n",
            "a",
            Auth.UNKNOWN,
        ),
        (
            "from tornado.web import authenticated\n" + FLASK + "@authenticated\ndef a(self):\n    abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            "from bottle import auth_basic\n" + FLASK + "@auth_basic(check)\ndef a():\n    abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        # Guards.
        (
            FLASK
            + "from flask_login import current_user\ndef a():\n    if not current_user.is_authenticated:\n        return 'no'\n    abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            FLASK
            + "from flask_login import current_user\ndef a():\n    if current_user.is_authenticated:\n        abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            FLASK
            + "from flask_login import current_user\ndef a():\n    if current_user.is_anonymous:\n        abort(401)\n",
            "a",
            Auth.ANONYMOUS,
        ),
        (
            FLASK
            + "def a(request):\n    if not request.user.is_authenticated or not request.user.is_staff:\n        abort(401)\n",
            "a",
            Auth.UNKNOWN,
        ),
        (
            FLASK
            + "def a(request):\n    if request.user.is_authenticated and request.user.is_staff:\n        abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            FLASK + "def a(request):\n    assert request.user.is_authenticated\n    abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            FLASK
            + "def a(request):\n    if request.user.is_authenticated:\n        x = 1\n    else:\n        abort(401)\n",
            "a",
            Auth.ANONYMOUS,
        ),
        (FLASK + "def a(self):\n    if not self.current_user:\n        abort(401)\n", "a", Auth.ANONYMOUS),
        (
            FLASK + "def a(request):\n    if request.authenticated_userid is None:\n        abort(401)\n",
            "a",
            Auth.ANONYMOUS,
        ),
        # Evidence that contradicts itself stays unknown.
        (
            "from flask_login import login_required, current_user\n"
            + FLASK
            + "@login_required\ndef a():\n    if current_user.is_anonymous:\n        abort(401)\n",
            "a",
            Auth.UNKNOWN,
        ),
        # Auth calls.
        (
            "from aiohttp_security import check_authorized\n"
            + FLASK
            + "async def a(request):\n    await check_authorized(request)\n    abort(401)\n",
            "a",
            Auth.AUTHENTICATED,
        ),
        (
            "from aiohttp_security import check_authorized\n"
            + FLASK
            + "async def a(request):\n    if request.query:\n        await check_authorized(request)\n    abort(401)\n",
            "a",
            Auth.UNKNOWN,
        ),
    ],
)
def test_state(source: str, function: str, expected: Auth) -> None:
    assert state(source, function) is expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "from django.contrib.auth.mixins import LoginRequiredMixin\nfrom django.views import View\n"
            "class V(LoginRequiredMixin, View):\n    def get(self, request):\n        abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        (
            "from django.views import View\nclass Base(View):\n    pass\nfrom django.contrib.auth.mixins import LoginRequiredMixin\n"
            "class Mid(LoginRequiredMixin, Base):\n    pass\nclass V(Mid):\n    def get(self, request):\n        abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        (
            "from rest_framework.views import APIView\nfrom rest_framework.permissions import IsAuthenticated\n"
            "class V(APIView):\n    permission_classes = [IsAuthenticated]\n    def get(self, request):\n        abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        (
            "from rest_framework.views import APIView\nfrom rest_framework.permissions import IsAuthenticated, AllowAny\n"
            "class V(APIView):\n    permission_classes = [IsAuthenticated | AllowAny]\n    def get(self, request):\n        abort(401)\n",
            Auth.UNKNOWN,
        ),
        (
            "from rest_framework.views import APIView\nfrom rest_framework.permissions import IsAuthenticated, IsAdminUser\n"
            "class V(APIView):\n    permission_classes = (IsAuthenticated & IsAdminUser,)\n    def get(self, request):\n        abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        (
            "from rest_framework.views import APIView\nfrom rest_framework.permissions import IsAuthenticatedOrReadOnly\n"
            "class V(APIView):\n    permission_classes = [IsAuthenticatedOrReadOnly]\n    def get(self, request):\n        abort(401)\n",
            Auth.UNKNOWN,
        ),
        (
            "from django.contrib.auth.decorators import login_required\nfrom django.utils.decorators import method_decorator\n"
            "from django.views import View\n@method_decorator(login_required, name='dispatch')\nclass V(View):\n"
            "    def get(self, request):\n        abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        (
            "from flask.views import MethodView\nfrom flask_login import login_required\nclass V(MethodView):\n"
            "    decorators = [login_required]\n    def get(self):\n        abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        (
            "from rest_framework.decorators import api_view, permission_classes\nfrom rest_framework.permissions import IsAdminUser\n"
            "@api_view(['GET'])\n@permission_classes([IsAdminUser])\ndef get(request):\n    abort(401)\n",
            Auth.AUTHENTICATED,
        ),
    ],
)
def test_class_and_decorator_guarantees(source: str, expected: Auth) -> None:
    assert state(source, "get") is expected


FASTAPI = "from typing import Annotated\nfrom fastapi import APIRouter, Depends, HTTPException\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            FASTAPI
            + "router = APIRouter()\n@router.get('/a')\ndef a(user = Depends(get_current_active_user)):\n    abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        (
            FASTAPI + "CurrentUser = Annotated[User, Depends(get_current_user)]\nrouter = APIRouter()\n"
            "@router.get('/a')\ndef a(user: CurrentUser):\n    abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        (
            FASTAPI
            + "router = APIRouter(dependencies=[Depends(get_current_user)])\n@router.get('/a')\ndef a():\n    abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        (
            FASTAPI
            + "router = APIRouter()\n@router.get('/a', dependencies=[Depends(get_current_user)])\ndef a():\n    abort(401)\n",
            Auth.AUTHENTICATED,
        ),
        # A security scheme only proves that a token was sent.
        (
            FASTAPI
            + "router = APIRouter()\n@router.get('/a')\ndef a(token: str = Depends(oauth2_scheme)):\n    abort(401)\n",
            Auth.UNKNOWN,
        ),
        (
            FASTAPI
            + "router = APIRouter()\n@router.get('/a')\ndef a(user = Depends(get_optional_user)):\n    abort(401)\n",
            Auth.UNKNOWN,
        ),
        (
            FASTAPI
            + "def get_user() -> User | None: ...\nrouter = APIRouter()\n@router.get('/a')\ndef a(user = Depends(get_user)):\n    abort(401)\n",
            Auth.UNKNOWN,
        ),
        (
            FASTAPI
            + "router = APIRouter()\n@router.get('/a')\ndef a(user = Depends(get_optional_user)):\n    if user is None:\n        abort(401)\n",
            Auth.ANONYMOUS,
        ),
    ],
)
def test_fastapi_dependencies(source: str, expected: Auth) -> None:
    assert state(source, "a") is expected


def test_read_only_permission_guarantees_writes_only() -> None:
    source = (
        "from rest_framework.views import APIView\nfrom rest_framework.permissions import IsAuthenticatedOrReadOnly\n"
        "class V(APIView):\n    permission_classes = [IsAuthenticatedOrReadOnly]\n"
        "    def get(self, request):\n        abort(401)\n    def post(self, request):\n        abort(401)\n"
    )
    assert state(source, "get") is Auth.UNKNOWN
    assert state(source, "post") is Auth.AUTHENTICATED


def test_project_decorators_and_dependencies_from_settings() -> None:
    decorated = FLASK + "from .auth import needs_badge\n@app.get('/a')\n@needs_badge\ndef a():\n    abort(401)\n"
    assert state(decorated, "a") is Auth.UNKNOWN
    assert (
        state(decorated, "a", "abort(401)", "--http-status-auth-decorators=myapp.auth.needs_badge")
        is Auth.AUTHENTICATED
    )
    depends = FASTAPI + "router = APIRouter()\n@router.get('/a')\ndef a(me = Depends(whoami)):\n    abort(401)\n"
    assert state(depends, "a") is Auth.UNKNOWN
    assert state(depends, "a", "abort(401)", "--http-status-auth-dependencies=whoami") is Auth.AUTHENTICATED


def test_heuristic_login_required_from_the_project() -> None:
    source = (
        FLASK + "from .decorators import login_required\n@app.get('/a')\n@login_required\ndef a():\n    abort(401)\n"
    )
    assert state(source, "a") is Auth.AUTHENTICATED


def test_branch_evidence_is_told_apart_from_guards() -> None:
    source = (
        FLASK + "def a(request):\n    if request.user.is_authenticated:\n        return 'home'\n    abort(403)\n"
        "def b(request):\n    if not request.user.is_authenticated:\n        abort(403)\n"
    )
    found = module(source)
    after_guard = found.model.auth_at(found.function("a"), found.node("a", "abort(403)"))
    in_branch = found.model.auth_at(found.function("b"), found.node("b", "abort(403)"))
    assert after_guard.auth is Auth.ANONYMOUS and not after_guard.branch
    assert in_branch.auth is Auth.ANONYMOUS and in_branch.branch
