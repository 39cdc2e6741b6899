"""The project index's roles of functions: auth decorators and dependencies, creation helpers, user aliases.

Each project defines the role in one module and uses it in another; the finding it gives must go with the index
switched off, and the look-alikes that do not play the role (an optional user, a decorator that only logs, a
`create_x` that only reads) stay silent.
"""

from __future__ import annotations

from pathlib import Path

from test_index import lines_found, write

from flake8_http_status.index.summary import ModuleSummary, Roles, from_json, to_json

_RULES = frozenset({"HTS901", "HTS902", "HTS904", "HTS915", "HTS917"})


def choices(path: Path, *, index: bool = True) -> list[tuple[int, str]]:
    return [(line, code) for line, code in lines_found(path, index=index) if code in _RULES]


FASTAPI_DEPS = (
    "from typing import Annotated, Optional\n"
    "from fastapi import Depends, HTTPException\n"
    "from .store import USERS, User\n\n\n"
    "def authenticate(token: str) -> User:\n"  # a name no pattern knows: only its code says it
    "    user = USERS.get(token)\n"
    "    if user is None:\n"
    "        raise HTTPException(status_code=401, headers={'WWW-Authenticate': 'Bearer'})\n"
    "    return user\n\n\n"
    "def current_user(token: str = '') -> Optional[User]:\n"  # named like a required user, but optional
    "    return USERS.get(token)\n\n\n"
    "Account = Annotated[User, Depends(authenticate)]\n"
    "MaybeUser = Annotated[Optional[User], Depends(current_user)]\n"
)

FASTAPI_ROUTES = (
    "from fastapi import APIRouter, Depends, HTTPException\n"
    "from .deps import Account, MaybeUser, authenticate, current_user\n"
    "router = APIRouter()\n\n\n"
    "@router.get('/a')\n"
    "def by_alias(user: Account):\n"
    "    raise HTTPException(status_code=401)\n\n\n"  # line 8
    "@router.get('/b')\n"
    "def by_depends(user=Depends(authenticate)):\n"
    "    raise HTTPException(status_code=401)\n\n\n"  # line 13
    "@router.get('/c')\n"
    "def optional_by_name(user=Depends(current_user)):\n"
    "    raise HTTPException(status_code=401)\n\n\n"  # line 18: the user may be None
    "@router.get('/d')\n"
    "def optional_alias(user: MaybeUser):\n"
    "    raise HTTPException(status_code=401)\n"  # line 23
)


def test_fastapi_dependencies_and_aliases_of_another_module(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "app/__init__.py": "",
            "app/store.py": "class User:\n    pass\n\n\nUSERS = {}\n",
            "app/deps.py": FASTAPI_DEPS,
            "app/routes.py": FASTAPI_ROUTES,
        },
    )
    routes = tmp_path / "app/routes.py"
    assert choices(routes) == [(8, "HTS901"), (13, "HTS901")]
    # Without the index, `current_user` is judged by its name alone and taken for a required user.
    assert choices(routes, index=False) == [(18, "HTS901")]


FLASK_AUTH = (
    "import functools\n"
    "import logging\n"
    "from flask import abort, g, redirect\n"
    "from flask_login import current_user, login_required\n\n\n"
    "def staff_only(view):\n"
    "    @functools.wraps(view)\n"
    "    def wrapped(*args, **kwargs):\n"
    "        if getattr(g, 'user', None) is None:\n"
    "            abort(401)\n"
    "        return view(*args, **kwargs)\n"
    "    return wrapped\n\n\n"
    "def members_only(view):\n"
    "    @functools.wraps(view)\n"
    "    def wrapped(*args, **kwargs):\n"
    "        if not current_user.is_authenticated:\n"
    "            return redirect('/login')\n"
    "        return view(*args, **kwargs)\n"
    "    return wrapped\n\n\n"
    "def admin_view(view):\n"
    "    return login_required(view)\n\n\n"
    "def logged(view):\n"  # only logs: anyone gets through
    "    @functools.wraps(view)\n"
    "    def wrapped(*args, **kwargs):\n"
    "        logging.info('view %s', view.__name__)\n"
    "        return view(*args, **kwargs)\n"
    "    return wrapped\n"
)

FLASK_VIEWS = (
    "from flask import Blueprint, abort\n"
    "from .auth import admin_view, logged, members_only, staff_only\n"
    "bp = Blueprint('shop', __name__)\n\n\n"
    "@bp.put('/a')\n"
    "@staff_only\n"
    "def a():\n"
    "    abort(401)\n\n\n"  # line 9
    "@bp.put('/b')\n"
    "@members_only\n"
    "def b():\n"
    "    abort(401)\n\n\n"  # line 15
    "@bp.put('/c')\n"
    "@admin_view\n"
    "def c():\n"
    "    abort(401)\n\n\n"  # line 21
    "@bp.put('/d')\n"
    "@logged\n"
    "def d():\n"
    "    abort(401)\n"  # line 27
)


def test_flask_auth_decorators_of_another_module(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"pyproject.toml": "", "shop/__init__.py": "", "shop/auth.py": FLASK_AUTH, "shop/views.py": FLASK_VIEWS},
    )
    views = tmp_path / "shop/views.py"
    assert choices(views) == [(9, "HTS901"), (15, "HTS901"), (21, "HTS901")]
    assert choices(views, index=False) == []


def test_a_guard_on_g_user_in_the_handler_itself(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "shop/__init__.py": "",
            "shop/views.py": (
                "from flask import Blueprint, abort, g\n"
                "bp = Blueprint('shop', __name__)\n\n\n"
                "@bp.get('/me')\n"
                "def me():\n"
                "    if g.user is None:\n"
                "        abort(403)\n"  # line 8: anonymous here
                "    return {}\n"
            ),
        },
    )
    assert choices(tmp_path / "shop/views.py") == [(8, "HTS902")]


DRF_SERVICES = (
    "from .models import Book, Report\n\n\n"
    "def add_book(title):\n"
    "    return Book.objects.create(title=title)\n\n\n"
    "def import_book(title):\n"  # creates through another helper of the module
    "    book = add_book(title)\n"
    "    return book\n\n\n"
    "def create_report(year):\n"  # named for creating, only reads
    "    return Report.objects.filter(year=year).first()\n\n\n"
    "def maybe_add(title):\n"  # creates on some ways only
    "    if title:\n"
    "        return Book.objects.create(title=title)\n"
    "    return None\n\n\n"
    "def lend(book):\n"  # creates a record on the side, returns nothing: the request changes the book
    "    Report.objects.create(year=0)\n"
)

DRF_VIEWS = (
    "from rest_framework.response import Response\n"
    "from rest_framework.views import APIView\n"
    "from . import services\n"
    "from .services import create_report, import_book\n\n\n"
    "class Books(APIView):\n"
    "    def post(self, request):\n"
    "        book = services.add_book(request.data['title'])\n"
    "        return Response({'id': book.pk})\n\n\n"  # line 10
    "class Imports(APIView):\n"
    "    def post(self, request):\n"
    "        book = import_book(request.data['title'])\n"
    "        return Response({'id': book.pk}, status=201)\n\n\n"  # line 16: 201 without Location
    "class Reports(APIView):\n"
    "    def post(self, request):\n"
    "        report = create_report(2024)\n"
    "        return Response({'id': report.pk})\n\n\n"  # line 22
    "class Maybe(APIView):\n"
    "    def post(self, request):\n"
    "        book = services.maybe_add(request.data['title'])\n"
    "        return Response({'id': book.pk})\n\n\n"  # line 28
    "class Lend(APIView):\n"
    "    def post(self, request):\n"
    "        services.lend(request.data['book'])\n"
    "        return Response({})\n"  # line 34
)


def test_creation_helpers_of_another_module(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "lib/__init__.py": "",
            "lib/models.py": "from django.db import models\n\n\nclass Book(models.Model):\n    pass\n\n\n"
            "class Report(models.Model):\n    pass\n",
            "lib/services.py": DRF_SERVICES,
            "lib/views.py": DRF_VIEWS,
        },
    )
    views = tmp_path / "lib/views.py"
    assert choices(views) == [(10, "HTS904"), (16, "HTS915")]
    assert choices(views, index=False) == []


def test_an_in_memory_store_counts_only_in_a_helper_named_for_creating(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "todo/__init__.py": "",
            "todo/store.py": (
                "from dataclasses import dataclass\n\n\n"
                "@dataclass\nclass Todo:\n    title: str\n\n\n"
                "TODOS: dict[str, Todo] = {}\n\n\n"
                "def create_todo(title):\n"
                "    todo = Todo(title)\n"
                "    TODOS[title] = todo\n"
                "    return todo\n\n\n"
                "def remember(title):\n"  # the same store, but nothing says it creates
                "    TODOS[title] = Todo(title)\n"
                "    return TODOS[title]\n\n\n"
                "def create_copy(title):\n"  # named for creating, only reads
                "    return TODOS[title]\n"
            ),
            "todo/routes.py": (
                "from fastapi import APIRouter\n"
                "from .store import create_copy, create_todo, remember\n"
                "router = APIRouter()\n\n\n"
                "@router.post('/a')\n"  # line 6
                "def a(title: str):\n"
                "    return create_todo(title)\n\n\n"
                "@router.post('/b')\n"
                "def b(title: str):\n"
                "    return remember(title)\n\n\n"
                "@router.post('/c')\n"
                "def c(title: str):\n"
                "    return create_copy(title)\n"
            ),
        },
    )
    assert choices(tmp_path / "todo/routes.py") == [(6, "HTS904")]


def test_an_exception_class_of_another_module_raises_its_status_against_responses(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "todo/__init__.py": "",
            "todo/errors.py": (
                "from fastapi import HTTPException\n\n\n"
                "class TodoError(HTTPException):\n"
                "    def __init__(self, status: int, detail: str) -> None:\n"
                "        super().__init__(status_code=status, detail=detail)\n\n\n"
                "def todo_error(status, detail):\n"
                "    return TodoError(status, detail)\n"
            ),
            "todo/routes.py": (
                "from fastapi import APIRouter\n"
                "from .errors import TodoError, todo_error\n"
                "router = APIRouter()\n\n\n"
                "@router.get('/a', responses={404: {'description': 'missing'}})\n"
                "def a(name: str):\n"
                "    if name == 'x':\n"
                "        raise TodoError(404, 'missing')\n"
                "    if name == 'y':\n"
                "        raise todo_error(410, 'gone')\n"  # a helper, not the class: not reported
                "    raise TodoError(409, 'taken')\n"  # line 12
            ),
        },
    )
    routes = tmp_path / "todo/routes.py"
    assert choices(routes) == [(12, "HTS917")]
    assert choices(routes, index=False) == []


def test_roles_survive_json_and_a_bad_role_is_refused() -> None:
    roles = Roles(
        frozenset({"staff_only"}),
        {"authenticate": True, "maybe": False},
        frozenset({"add"}),
        {"A": True},
        {"require_access": frozenset({403, 404})},
    )
    summary = ModuleSummary({}, {}, {}, {}, names=frozenset({"staff_only"}), roles=roles)
    assert from_json(to_json(summary)) == summary
    broken = to_json(summary)
    broken["roles"]["auth_dependencies"] = {"authenticate": "yes"}
    assert from_json(broken) is None
    wrong_status = to_json(summary)
    wrong_status["roles"]["raisers"] = {"require_access": ["403"]}
    assert from_json(wrong_status) is None
    missing = to_json(summary)
    del missing["roles"]
    assert from_json(missing) is None
