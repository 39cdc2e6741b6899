"""Django Ninja: where its statuses go, and the `response=` keys that name several statuses at once."""

from __future__ import annotations

import pytest
from conftest import codes, run

_ROUTER = "from ninja import Router\n\nrouter = Router()\n\n"


def test_a_tuple_key_of_response_names_each_of_its_statuses() -> None:
    source = _ROUTER + '@router.get("/", response={200: dict, (400, 404): dict})\ndef v(request):\n    return {}\n'
    found = run(source)
    assert [finding.code for finding in found] == ["HTS001"] * 3
    assert [finding.start.column for finding in found] == [27, 39, 44]  # 200, 400, 404


def test_only_rows_that_take_many_statuses_read_a_tuple_key() -> None:
    # FastAPI's `responses` keys are one status each: a tuple there is not read as statuses.
    source = 'from fastapi import FastAPI\n\napp = FastAPI()\n\n@app.get("/", responses={(400, 404): {}})\ndef v():\n    return {}\n'
    assert codes(source) == []


STATUSES = {
    "status": ("from ninja import Status\n\ndef v(request):\n    return Status(201, {})\n", ["HTS001"]),
    "status-module": (
        "from ninja.responses import Status\n\ndef v(request):\n    return Status(204, None)\n",
        ["HTS001"],
    ),
    "status-str": ('from ninja import Status\n\ndef v(request):\n    return Status("201", {})\n', ["HTS003"]),
    "http-error": (
        'from ninja.errors import HttpError\n\ndef v(request):\n    raise HttpError(404, "gone")\n',
        ["HTS001"],
    ),
    "http-error-line": (
        'from ninja.errors import HttpError\n\ndef v(request):\n    raise HttpError("404 Not Found", "gone")\n',
        ["HTS003"],
    ),
    "authorization-error": (
        "from ninja.errors import AuthorizationError\n\ndef v(request):\n    raise AuthorizationError(status_code=404)\n",
        ["HTS001"],
    ),
    "return-tuple": (
        _ROUTER + '@router.post("/", response={201: dict})\ndef v(request):\n    return 201, {}\n',
        ["HTS001"] * 2,
    ),
    "return-tuple-imported-router": (
        'from ninja import Schema\nfrom .routers import router\n\n@router.post("/")\ndef v(request):\n    return 201, {}\n',
        ["HTS605"],  # the route declares no 201: the one answer is that Ninja refuses it (no HTS001 besides)
    ),
    "api-operation": (
        'from ninja import NinjaAPI\n\napi = NinjaAPI()\n\n@api.api_operation(["POST"], "/", response={201: dict})\n'
        "def v(request):\n    return 201, {}\n",
        ["HTS001", "HTS001"],
    ),
    "add-api-operation": (
        _ROUTER
        + 'def v(request):\n    return {}\n\nrouter.add_api_operation("/", ["POST"], v, response={201: dict})\n',
        ["HTS001"],
    ),
    "create-response": (
        "from ninja import NinjaAPI\n\napi = NinjaAPI()\n\n@api.exception_handler(KeyError)\n"
        "def missing(request, exc):\n    return api.create_response(request, {}, status=404)\n",
        ["HTS001"],
    ),
    "response": (
        "from ninja.responses import Response\n\ndef v(request):\n    return Response({}, status=202)\n",
        ["HTS001"],
    ),
}


@pytest.mark.parametrize(("source", "expected"), STATUSES.values(), ids=STATUSES.keys())
def test_a_status(source: str, expected: list[str]) -> None:
    assert codes(source) == expected


NOT_STATUSES = {
    # Ninja reads only a returned pair as (status, body).
    "triple": _ROUTER + '@router.get("/")\ndef v(request):\n    return 200, {}, {}\n',
    "pair-outside-a-route": _ROUTER + "def seat(ticket):\n    return 404, ticket.row\n",
    "pair-of-values": _ROUTER + '@router.get("/")\ndef v(request, event):\n    return event.count, event.capacity\n',
    "dict-get": "import ninja\n\nCODES = {}\n\ndef v(key):\n    return CODES.get(key, 404)\n",
    "status-not-from-ninja": "from .enums import Status\n\ndef v():\n    return Status(404, 'lost')\n",
    "throttled-wait": "from ninja.errors import Throttled\n\ndef v(request):\n    raise Throttled(wait=404)\n",
    "response-schema": _ROUTER + '@router.get("/", response=list[dict])\ndef v(request):\n    return []\n',
}


@pytest.mark.parametrize("source", NOT_STATUSES.values(), ids=NOT_STATUSES.keys())
def test_not_a_status(source: str) -> None:
    assert codes(source) == []


# A status the route's response= does not list makes Ninja raise ConfigError (HTS605) --------------------

UNDECLARED = {
    "no-response": (_ROUTER + '@router.get("/")\ndef v(request):\n    return Status(404, {})\n', [8]),
    "schema-only": (
        _ROUTER + '@router.get("/", response=list[dict])\ndef v(request):\n    return Status(200, [])\n',
        [],
    ),
    # A name may hold a schema (200 only) or a dict of statuses: not told apart, so silent.
    "schema-or-dict": (_ROUTER + '@router.get("/", response=Out)\ndef v(request):\n    return 404, {}\n', []),
    "not-listed": (
        _ROUTER + '@router.get("/", response={200: dict, 403: dict})\ndef v(request):\n    return Status(404, {})\n',
        [8],
    ),
    "listed": (
        _ROUTER + '@router.get("/", response={200: dict, (403, 404): dict})\ndef v(request):\n    return 404, {}\n',
        [],
    ),
    "default-200": (_ROUTER + '@router.get("/")\ndef v(request):\n    return Status(200, {})\n', []),
    "any-status": (
        _ROUTER + '@router.get("/", response={200: dict, ...: dict})\ndef v(request):\n    return Status(404, {})\n',
        [],
    ),
    "unread-key": (
        "from ninja.responses import codes_4xx\n"
        + _ROUTER
        + '@router.get("/", response={200: dict, codes_4xx: dict})\ndef v(request):\n    return Status(404, {})\n',
        [],
    ),
    "dict-built-elsewhere": (
        _ROUTER + '@router.get("/", response=RESPONSES)\ndef v(request):\n    return Status(404, {})\n',
        [],
    ),
    "outside-a-route": (_ROUTER + "def helper():\n    return Status(404, {})\n", []),
    "http-error": (
        "from ninja.errors import HttpError\n"
        + _ROUTER
        + '@router.get("/")\ndef v(request):\n    raise HttpError(404, "x")\n',
        [],
    ),
}


@pytest.mark.parametrize(("source", "lines"), UNDECLARED.values(), ids=UNDECLARED.keys())
def test_a_status_the_route_does_not_declare(source: str, lines: list[int]) -> None:
    source = "from ninja import Status\n" + source  # the return is on line 8
    assert [finding.start.line for finding in run(source) if finding.code == "HTS605"] == lines


def test_a_status_change_is_fixed_only_to_a_status_the_route_declares() -> None:
    creates = 'def v(request):\n    item = Item.objects.create(name="x")\n    return Status(200, {"id": item.id})\n'
    head = "from ninja import Router, Status\n\nfrom .models import Item\n\nrouter = Router()\n\n"
    undeclared = run(head + '@router.post("/", response={200: dict})\n' + creates)
    declared = run(head + '@router.post("/", response={200: dict, 201: dict})\n' + creates)
    assert [(f.code, f.fix is None) for f in undeclared if f.code == "HTS904"] == [("HTS904", True)]
    assert [(f.code, f.fix is None) for f in declared if f.code == "HTS904"] == [("HTS904", False)]


# `auth=django_auth` on a route: only logged-in users reach the handler --------------------------------

_AUTH = "from ninja import Router\nfrom ninja.errors import HttpError\nfrom ninja.security import django_auth\n\nrouter = Router()\n\n"
AUTH = {
    "session": ('@router.get("/", auth=django_auth)', True),
    "list-of-session": ('@router.get("/", auth=[django_auth])', True),
    "no-auth": ('@router.get("/", auth=None)', False),
    "custom-authenticator": ('@router.get("/", auth=[django_auth, TokenAuth()])', False),
    "inherited-from-the-api": ('@router.get("/")', False),
}


@pytest.mark.parametrize(("decorator", "authenticated"), AUTH.values(), ids=AUTH.keys())
def test_route_auth_argument(decorator: str, authenticated: bool) -> None:
    source = _AUTH + decorator + '\ndef v(request):\n    raise HttpError(401, "no")\n'
    assert ("HTS901" in codes(source)) is authenticated


# Authenticator classes, and auth= on the API or router a route is registered on ---------------------------

_HEAD = "from ninja import NinjaAPI, Router\nfrom ninja.errors import HttpError\nfrom ninja.security import HttpBearer, django_auth\n\n"
_BEARER = "class Bearer(HttpBearer):\n    def authenticate(self, request, token):\n        return token == 'x'\n\n"
_RAISE = '\ndef v(request):\n    raise HttpError(401, "no")\n'
CLASSES = {
    "bearer-instance": (_BEARER + "router = Router()\n", '@router.get("/", auth=Bearer())', True),
    "bearer-in-a-list": (_BEARER + "router = Router()\n", '@router.get("/", auth=[Bearer(), django_auth])', True),
    "bearer-bound-once": (_BEARER + "bearer = Bearer()\nrouter = Router()\n", '@router.get("/", auth=bearer)', True),
    "through-a-local-base": (
        _BEARER + "class Strict(Bearer):\n    pass\n\nrouter = Router()\n",
        '@router.get("/", auth=Strict())',
        True,
    ),
    "ninja-module-path": (
        "from ninja.security.apikey import APIKeyHeader\n\nclass Key(APIKeyHeader):\n"
        "    def authenticate(self, request, key):\n        return key\n\nrouter = Router()\n",
        '@router.get("/", auth=Key())',
        True,
    ),
    "session-class": (
        "from ninja.security import SessionAuth\n\nrouter = Router()\n",
        '@router.get("/", auth=SessionAuth())',
        True,
    ),
    "not-an-authenticator": (
        "class Bearer:\n    def __call__(self, request):\n        return True\n\nrouter = Router()\n",
        '@router.get("/", auth=Bearer())',
        False,
    ),
    "auth-base-subclass": (
        "from ninja.security.base import AuthBase\n\nclass Ip(AuthBase):\n    openapi_type = 'http'\n\n"
        "    def __call__(self, request):\n        return True\n\nrouter = Router()\n",
        '@router.get("/", auth=Ip())',
        False,
    ),
    "redefines-call": (
        "class Open(HttpBearer):\n    def __call__(self, request):\n        return True\n\nrouter = Router()\n",
        '@router.get("/", auth=Open())',
        False,
    ),
    "with-a-mixin-from-elsewhere": (
        "from .mixins import Audited\n\nclass Bearer(Audited, HttpBearer):\n"
        "    def authenticate(self, request, token):\n        return token\n\nrouter = Router()\n",
        '@router.get("/", auth=Bearer())',
        False,
    ),
    "imported-class": ("from .security import Bearer\n\nrouter = Router()\n", '@router.get("/", auth=Bearer())', False),
    "the-class-itself": (_BEARER + "router = Router()\n", '@router.get("/", auth=Bearer)', False),
    "plain-function": (
        "def allowed(request):\n    return request.META['REMOTE_ADDR'] in ('1.2.3.4',)\n\nrouter = Router()\n",
        '@router.get("/", auth=allowed)',
        False,
    ),
    "class-bound-twice": (_BEARER + "Bearer = make()\nrouter = Router()\n", '@router.get("/", auth=Bearer())', False),
    "router-auth": (_BEARER + "router = Router(auth=Bearer())\n", '@router.get("/")', True),
    "router-session-auth": ("router = Router(auth=django_auth)\n", '@router.post("/")', True),
    "api-auth": (_BEARER + "api = NinjaAPI(auth=[Bearer()])\n", '@api.get("/")', True),
    "api-operation-on-the-api": (_BEARER + "api = NinjaAPI(auth=Bearer())\n", '@api.api_operation(["GET"], "/")', True),
    "route-not-set": (
        "from ninja.constants import NOT_SET\n\nrouter = Router(auth=django_auth)\n",
        '@router.get("/", auth=NOT_SET)',
        True,
    ),
    "route-turns-auth-off": (_BEARER + "router = Router(auth=Bearer())\n", '@router.get("/", auth=None)', False),
    "route-with-other-auth": (
        "router = Router(auth=django_auth)\n",
        '@router.get("/", auth=lambda request: True)',
        False,
    ),
    "router-without-auth": ("router = Router()\n", '@router.get("/")', False),
    "router-auth-none": ("router = Router(auth=None)\n", '@router.get("/")', False),
    "router-bound-twice": (
        "router = Router(auth=django_auth)\nrouter = Router()\n",
        '@router.get("/")',
        False,
    ),
    "router-rebound-in-a-function": (
        "router = Router(auth=django_auth)\n\ndef reset():\n    global router\n    router = Router()\n",
        '@router.get("/")',
        False,
    ),
    "router-auth-assigned": ("router = Router(auth=django_auth)\nrouter.auth = None\n", '@router.get("/")', False),
    "mounted-without-auth": (
        "api = NinjaAPI()\nrouter = Router(auth=django_auth)\napi.add_router('/x', router, auth=None)\n",
        '@router.get("/")',
        False,
    ),
    "mounted-with-auth": (
        "api = NinjaAPI()\nrouter = Router(auth=django_auth)\napi.add_router('/x', router, auth=[django_auth])\n",
        '@router.get("/")',
        True,
    ),
    "mounted-plainly": (
        "api = NinjaAPI()\nrouter = Router(auth=django_auth)\napi.add_router('/x', router)\n",
        '@router.get("/")',
        True,
    ),
    "mounted-with-options": (
        "api = NinjaAPI()\nrouter = Router(auth=django_auth)\napi.add_router('/x', router, **options)\n",
        '@router.get("/")',
        False,
    ),
    "mounted-in-a-loop": (
        "api = NinjaAPI()\nrouter = Router(auth=django_auth)\nfor mounted in (router,):\n"
        "    api.add_router('/x', mounted, auth=None)\n",
        '@router.get("/")',
        False,
    ),
    "another-router-mounted-open": (
        "api = NinjaAPI()\nrouter = Router(auth=django_auth)\nother = Router()\napi.add_router('/x', other, auth=None)\n",
        '@router.get("/")',
        True,
    ),
    "auth-set-through-an-alias": (
        "router = Router(auth=django_auth)\nsame = router\nsame.auth = None\n",
        '@router.get("/")',
        False,
    ),
    "auth-set-with-setattr": (
        "router = Router(auth=django_auth)\nsetattr(router, 'auth', None)\n",
        '@router.get("/")',
        False,
    ),
    "other-attribute-set": (
        "router = Router(auth=django_auth)\nrouter.tags = ['x']\n",
        '@router.get("/")',
        True,
    ),
    "nested-with-auth-off": (
        "parent = Router()\nrouter = Router(auth=django_auth)\nparent.add_router('/x', router=router, auth=None)\n",
        '@router.get("/")',
        False,
    ),
    "stacked-routes-both-proven": (
        "router = Router(auth=django_auth)\nother = Router()\n",
        '@router.get("/a")\n@other.get("/b", auth=django_auth)',
        True,
    ),
    "stacked-routes-one-open": (
        "router = Router(auth=django_auth)\nother = Router()\n",
        '@router.get("/a")\n@other.get("/b")',
        False,
    ),
    "stacked-on-an-unknown-router": (
        "from .routers import other\n\n",
        '@other.get("/b")\n@other.get("/a", auth=django_auth)',
        False,
    ),
    "receiver-of-unknown-type": ("from .routers import router\n", '@router.get("/")', False),
    "receiver-made-by-a-factory": ("router = make_router(auth=django_auth)\n", '@router.get("/")', False),
    "receiver-not-a-name": ("routers = {'a': Router(auth=django_auth)}\n", '@routers["a"].get("/")', False),
}


@pytest.mark.parametrize(("setup", "decorator", "authenticated"), CLASSES.values(), ids=CLASSES.keys())
def test_authenticators_and_owner_auth(setup: str, decorator: str, authenticated: bool) -> None:
    source = _HEAD + setup + "\n\n" + decorator + _RAISE
    assert ("HTS901" in codes(source)) is authenticated


def test_owner_auth_is_named_in_the_message() -> None:
    source = _HEAD + "router = Router(auth=django_auth)\n\n@router.get('/')" + _RAISE
    [finding] = [finding for finding in run(source) if finding.code == "HTS901"]
    assert "auth=django_auth on router" in finding.message


def test_advice_says_the_route_must_declare_the_better_status() -> None:
    # Ninja answers a status its route's `response=` does not list with a 500 (ConfigError): "use 403" alone
    # would break the route, so the advice says to declare it, and no fix is offered.
    body = '\ndef v(request):\n    return Status(401, {"detail": "no"})\n'
    head = "from ninja import Router, Status\nfrom ninja.security import django_auth\n\nrouter = Router()\n\n"
    undeclared = run(head + '@router.get("/", auth=django_auth, response={200: dict, 401: dict})' + body)
    declared = run(head + '@router.get("/", auth=django_auth, response={200: dict, 401: dict, 403: dict})' + body)
    [before] = [finding for finding in undeclared if finding.code == "HTS901"]
    [after] = [finding for finding in declared if finding.code == "HTS901"]
    assert "(add it to `response=`)" in before.message and before.fix is None
    assert "add it to" not in after.message and after.fix is not None
