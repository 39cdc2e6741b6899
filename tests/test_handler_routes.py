"""Which functions are handlers, of which framework, for which methods."""

from __future__ import annotations

import pytest
from handler_helpers import module


def methods(source: str, name: str) -> frozenset[str] | None:
    found = module(source)
    handler = found.model.handler(found.function(name))
    assert handler is not None, f"{name} is not a handler"
    return handler.methods.known


@pytest.mark.parametrize(
    ("source", "name", "expected"),
    [
        (
            "from flask import Flask\napp = Flask(__name__)\n@app.route('/x', methods=['GET', 'POST'])\ndef x(): pass\n",
            "x",
            {"GET", "POST"},
        ),
        ("from flask import Flask\napp = Flask(__name__)\n@app.route('/x')\ndef x(): pass\n", "x", {"GET"}),
        (
            "from flask import Blueprint\nbp = Blueprint('b', __name__)\n@bp.delete('/x')\ndef x(): pass\n",
            "x",
            {"DELETE"},
        ),
        ("from fastapi import APIRouter\nrouter = APIRouter()\n@router.patch('/x')\ndef x(): pass\n", "x", {"PATCH"}),
        (
            "from fastapi import FastAPI\napp = FastAPI()\n@app.api_route('/x', methods=['PUT', 'POST'])\ndef x(): pass\n",
            "x",
            {"PUT", "POST"},
        ),
        ("from rest_framework.decorators import api_view\n@api_view(['POST'])\ndef x(request): pass\n", "x", {"POST"}),
        ("from rest_framework.decorators import api_view\n@api_view()\ndef x(request): pass\n", "x", {"GET"}),
        ("from django.views.decorators.http import require_POST\n@require_POST\ndef x(request): pass\n", "x", {"POST"}),
        ("from litestar import post\n@post('/x')\nasync def x() -> None: pass\n", "x", {"POST"}),
        ("from bottle import route\n@route('/x', method='PUT')\ndef x(): pass\n", "x", {"PUT"}),
        (
            "from pyramid.view import view_config\n@view_config(route_name='x', request_method=('GET', 'HEAD'))\ndef x(request): pass\n",
            "x",
            {"GET", "HEAD"},
        ),
        (
            "from sanic import Sanic\napp = Sanic('a')\n@app.route('/x', methods=['POST'])\nasync def x(request): pass\n",
            "x",
            {"POST"},
        ),
        ("from django.views import View\nclass V(View):\n    def post(self, request): pass\n", "post", {"POST"}),
        (
            "from rest_framework import viewsets\nclass V(viewsets.ModelViewSet):\n    def partial_update(self, request): pass\n",
            "partial_update",
            {"PATCH"},
        ),
        (
            "from django.views.generic import CreateView\nclass V(CreateView):\n    def form_valid(self, form): pass\n",
            "form_valid",
            {"POST", "PUT"},
        ),
        ("import falcon\nclass R:\n    def on_put_item(self, req, resp): pass\n", "on_put_item", {"PUT"}),
        (
            "from tornado.web import RequestHandler\nclass H(RequestHandler):\n    def delete(self): pass\n",
            "delete",
            {"DELETE"},
        ),
        (
            "from starlette.endpoints import HTTPEndpoint\nclass E(HTTPEndpoint):\n    async def get(self, request): pass\n",
            "get",
            {"GET"},
        ),
        (
            "from aiohttp import web\nasync def up(request): pass\napp = web.Application()\napp.router.add_post('/u', up)\n",
            "up",
            {"POST"},
        ),
        ("from aiohttp import web\nasync def h(request): pass\nroutes = [web.put('/u', h)]\n", "h", {"PUT"}),
        (
            "from aiohttp import web\nroutes = web.RouteTableDef()\n@routes.post('/x')\nasync def x(request): pass\n",
            "x",
            {"POST"},
        ),
        (
            "from starlette.routing import Route\nasync def x(request): pass\nroutes = [Route('/x', x, methods=['DELETE'])]\n",
            "x",
            {"DELETE"},
        ),
        (
            "from flask import Flask\napp = Flask(__name__)\ndef x(): pass\napp.add_url_rule('/x', 'x', x, methods=['PATCH'])\n",
            "x",
            {"PATCH"},
        ),
    ],
)
def test_handler_methods(source: str, name: str, expected: set[str]) -> None:
    assert methods(source, name) == frozenset(expected)


def test_pyramid_view_without_request_method_takes_any_method() -> None:
    source = "from pyramid.view import view_config\n@view_config(route_name='x')\ndef x(request): pass\n"
    assert methods(source, "x") is None


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("from flask import Flask\napp = Flask(__name__)\ndef helper(): pass\n", "helper"),
        ("from django.views import View\nclass V(View):\n    def get_context(self): pass\n", "get_context"),
        ("class Plain:\n    def post(self): pass\n", "post"),  # not a view: no framework base
        ("import functools\n@functools.cache\ndef post(): pass\n", "post"),
    ],
)
def test_not_handlers(source: str, name: str) -> None:
    found = module(source)
    assert found.model.handler(found.function(name)) is None


def test_owner_type_decides_between_frameworks() -> None:
    source = (
        "from fastapi import FastAPI\nfrom flask import Flask\napi = FastAPI()\nweb = Flask(__name__)\n"
        "@api.post('/a')\ndef a(): pass\n@web.post('/b')\ndef b(): pass\n"
    )
    found = module(source)
    handler_a, handler_b = (found.model.handler(found.function(name)) for name in "ab")
    assert handler_a is not None and handler_a.framework == "fastapi"
    assert handler_b is not None and handler_b.framework == "flask"


def test_request_method_guards_narrow_the_methods() -> None:
    source = (
        "from flask import Flask, request\napp = Flask(__name__)\n"
        "@app.route('/x', methods=['GET', 'POST', 'DELETE'])\ndef x():\n"
        "    if request.method == 'GET':\n        return 'read'\n"
        "    if request.method not in ('DELETE',):\n        first = 1\n"
        "    last = 2\n"
    )
    found = module(source)
    function = found.function("x")
    assert found.model.methods_at(function, found.node("x", "'read'")).known == frozenset({"GET"})
    assert found.model.methods_at(function, found.node("x", "first = 1")).known == frozenset({"POST"})
    assert found.model.methods_at(function, found.node("x", "last = 2")).known == frozenset({"POST", "DELETE"})


def test_guard_in_an_unknown_handler_leaves_the_rest_open() -> None:
    source = "def view(request):\n    if request.method != 'POST':\n        return 1\n    done = 1\n    return done\n"
    found = module(source)
    methods_at = found.model.methods_at(found.function("view"), found.node("view", "done = 1"))
    assert methods_at.known == frozenset({"POST"})


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("from connexion import NoContent\ndef put(pet):\n    return NoContent, 201\n", "put"),
        ("from connexion import NoContent\ndef delete(pet_id):\n    return NoContent\n", "delete"),
        (
            "import connexion\ndef get(pet_id):\n    if not pet_id:\n        return connexion.problem(404, 'x', 'y')\n    return {}\n",
            "get",
        ),
        (
            "from connexion.lifecycle import ConnexionResponse\ndef get():\n    return ConnexionResponse(body='x')\n",
            "get",
        ),
    ],
)
def test_connexion_handlers_are_proven_by_what_they_return(source: str, name: str) -> None:
    found = module(source)
    handler = found.model.handler(found.function(name))
    assert handler is not None and handler.framework == "connexion"
    assert handler.methods.known is None  # the OpenAPI file says the method


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("import connexion\ndef helper(key):\n    return {'key': key}, 201\n", "helper"),
        ("from connexion import NoContent\nclass Pets:\n    def put(self):\n        return NoContent\n", "put"),
        (
            "from connexion import NoContent\ndef outer():\n    def inner():\n        return NoContent\n    return inner\n",
            "outer",
        ),
        (
            "from connexion import NoContent\ndef outer():\n    def inner():\n        return NoContent\n    return inner\n",
            "inner",
        ),
        ("NoContent = None\ndef put(pet):\n    return NoContent, 201\n", "put"),
    ],
)
def test_other_functions_are_not_connexion_handlers(source: str, name: str) -> None:
    found = module(source)
    assert found.model.handler(found.function(name)) is None
