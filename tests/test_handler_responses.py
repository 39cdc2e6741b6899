"""Headers and content of a response, and the answers a handler sends without a response object."""

from __future__ import annotations

import pytest
from handler_helpers import module

DJANGO = "from http import HTTPStatus\nfrom django.http import HttpResponse, JsonResponse\n"


def has_allow(body: str, prefix: str = DJANGO) -> bool:
    source = prefix + "def view(request):\n" + "".join(f"    {line}\n" for line in body.splitlines())
    found = module(source)
    return found.model.has_header(found.site("view", 405), "Allow")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("return HttpResponse(status=405)", False),
        ("return HttpResponse(status=405, headers={'Allow': 'GET'})", True),
        ("return HttpResponse(status=405, headers={'X-Other': '1'})", False),
        ("return HttpResponse(status=405, headers=extra)", True),
        ("return HttpResponse(status=405, **options)", True),
        ("response = HttpResponse(status=405)\nresponse['Allow'] = 'GET'\nreturn response", True),
        ("response = HttpResponse(status=405)\nresponse.headers.update(allowed(request))\nreturn response", True),
        ("response = HttpResponse(status=405)\nresponse.headers.update({'X-Other': '1'})\nreturn response", False),
    ],
)
def test_header_presence(body: str, expected: bool) -> None:
    assert has_allow(body) is expected


def test_header_named_in_a_helper_counts_for_the_module() -> None:
    helper = "def add_allow(response):\n    response['Allow'] = 'GET'\n    return response\n"
    assert has_allow("return HttpResponse(status=405)", DJANGO + helper) is True


def test_header_set_by_another_view_does_not_count() -> None:
    other = "def other(request):\n    r = HttpResponse(status=405)\n    r['Allow'] = 'GET'\n    return r\n"
    assert has_allow("return HttpResponse(status=405)", DJANGO + other) is False


def test_framework_classes_that_add_the_header() -> None:
    source = "from aiohttp import web\ndef view(request):\n    raise web.HTTPMethodNotAllowed('PUT', ['GET'])\n"
    found = module(source)
    assert found.model.has_header(found.site("view", 405), "Allow")


@pytest.mark.parametrize(
    ("call", "present"),
    [
        ("HttpResponse('done', status=204)", True),
        ("HttpResponse('', status=204)", False),
        ("HttpResponse(b'', status=204)", False),
        ("HttpResponse(status=204)", False),
        ("HttpResponse(body, status=204)", None),
        ("HttpResponse(f'{x}', status=204)", True),
        ("JsonResponse({}, status=204)", True),
    ],
)
def test_content_presence(call: str, present: bool | None) -> None:
    found = module(DJANGO + f"def view(request, body, x):\n    return {call}\n")
    content = found.model.content(found.site("view", 204))
    assert content is not None and content.present is present


def test_drf_serializes_anything_but_none() -> None:
    source = "from rest_framework.response import Response\ndef view(request, data):\n    return Response(data, status=204)\n"
    found = module(source)
    content = found.model.content(found.site("view", 204))
    assert content is not None and content.present is None
    source = "from rest_framework.response import Response\ndef view(request):\n    return Response(None, status=204)\n"
    found = module(source)
    content = found.model.content(found.site("view", 204))
    assert content is not None and content.present is False


def answers(source: str, name: str) -> list[tuple[str, int | None]]:
    import ast

    found = module(source)
    handler = found.model.handler(found.function(name))
    assert handler is not None
    return [(ast.unparse(answer.node), answer.status) for answer in found.model.answers(handler)]


def test_flask_plain_returns() -> None:
    source = (
        "from flask import Flask, jsonify, make_response\napp = Flask(__name__)\n@app.post('/x')\ndef x():\n"
        "    if a:\n        return jsonify(error='no')\n    if b:\n        return make_response('x', 201)\n"
        "    data = {'ok': True}\n    if c:\n        return data\n    if d:\n        return helper()\n"
        "    return {'ok': True}, {'X-Trace': '1'}\n"
    )
    assert answers(source, "x") == [("jsonify(error='no')", 200), ("data", 200), ("{'ok': True}", 200)]


def test_fastapi_route_status_and_response_overrides() -> None:
    source = (
        "from fastapi import APIRouter, Response\nrouter = APIRouter()\n"
        "@router.post('/a', status_code=201)\ndef a() -> dict:\n    return {'id': 1}\n"
        "@router.post('/b')\ndef b(response: Response) -> dict:\n    if x:\n        response.status_code = 202\n    return {'id': 1}\n"
        "@router.post('/c')\ndef c(response: Response) -> dict:\n    response.status_code = 202\n    return {'id': 1}\n"
        "@router.get('/d')\ndef d() -> Response:\n    return make()\n"
    )
    assert answers(source, "a") == [("{'id': 1}", 201)]
    assert answers(source, "b") == [("{'id': 1}", None)]
    assert answers(source, "c") == [("{'id': 1}", 202)]
    assert answers(source, "d") == []


def test_tornado_writes_take_the_status_set_before() -> None:
    source = (
        "from http import HTTPStatus\nfrom tornado.web import RequestHandler\nclass H(RequestHandler):\n"
        "    def post(self):\n        self.write({'a': 1})\n        self.set_status(HTTPStatus.CREATED)\n"
        "        self.finish({'b': 2})\n"
    )
    assert answers(source, "post") == [("{'a': 1}", 200), ("{'b': 2}", 201)]
