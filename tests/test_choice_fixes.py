"""Unsafe fixes of the HTS9xx rules, applied by the shipped fixer (`fixer.pipeline.fix_text`, what
`http-status fix --unsafe-fixes` runs): each changes the status as the rule says, adds the import where
the fixer puts it, yields code that parses, and converges (a second run has nothing left to fix).
Every fixing case is paired with a case the rule reports without a fix."""

from __future__ import annotations

import ast

import pytest
from conftest import run
from fixing import fix, outcome

from flake8_http_status.findings import FixSafety

FLASK = "from http import HTTPStatus\n\nfrom flask import Flask, abort, jsonify, redirect\nfrom flask_login import login_required\n\napp = Flask(__name__)\n"

CASES = [
    pytest.param(
        "HTS901",
        FLASK + "\n\n@app.post('/x')\n@login_required\ndef x():\n    abort(HTTPStatus.UNAUTHORIZED)\n",
        FLASK + "\n\n@app.post('/x')\n@login_required\ndef x():\n    abort(HTTPStatus.FORBIDDEN)\n",
        id="901-constant",
    ),
    pytest.param(
        "HTS901",
        "from aiohttp import web\nfrom aiohttp_security import login_required\n\n\n@login_required\nasync def x(request):\n"
        "    raise web.HTTPUnauthorized(reason='no')\n",
        "from aiohttp import web\nfrom aiohttp_security import login_required\n\n\n@login_required\nasync def x(request):\n"
        "    raise web.HTTPForbidden(reason='no')\n",
        id="901-class-attribute",
    ),
    pytest.param(
        "HTS901",
        "from aiohttp.web import HTTPUnauthorized\nfrom aiohttp_security import login_required\n\n\n@login_required\n"
        "async def x(request):\n    raise HTTPUnauthorized\n",
        "from aiohttp.web import HTTPForbidden\nfrom aiohttp_security import login_required\n\n\n"  # the swapped-out
        "@login_required\nasync def x(request):\n    raise HTTPForbidden\n",  # class's name goes: it is now unused
        id="901-class-name-import",
    ),
    pytest.param(
        "HTS902",
        "from rest_framework import status\nfrom rest_framework.decorators import api_view\nfrom rest_framework.response import Response\n\n\n"
        "@api_view(['GET'])\ndef me(request):\n    if not request.user.is_authenticated:\n"
        "        return Response({'detail': 'log in'}, status=status.HTTP_403_FORBIDDEN)\n    return Response({})\n",
        "from rest_framework import status\nfrom rest_framework.decorators import api_view\nfrom rest_framework.response import Response\n\n\n"
        "@api_view(['GET'])\ndef me(request):\n    if not request.user.is_authenticated:\n"
        "        return Response({'detail': 'log in'}, status=status.HTTP_401_UNAUTHORIZED)\n    return Response({})\n",
        id="902-drf-constant",
    ),
    pytest.param(
        "HTS904",
        "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n@router.post(\n    '/items',\n)\n"
        "def create(data: dict, session) -> dict:\n    session.add(Item(**data))\n    return {}\n",
        "from fastapi import APIRouter, status\n\nrouter = APIRouter()\n\n\n@router.post(\n    '/items', status_code=status.HTTP_201_CREATED,\n)\n"
        "def create(data: dict, session) -> dict:\n    session.add(Item(**data))\n    return {}\n",
        id="904-fastapi-route-default",
    ),
    pytest.param(
        "HTS904",
        "from fastapi import APIRouter, status\n\nrouter = APIRouter()\n\n\n@router.post('/items', status_code=status.HTTP_200_OK)\n"
        "def create(data: dict, session) -> dict:\n    session.add(Item(**data))\n    return {}\n",
        "from fastapi import APIRouter, status\n\nrouter = APIRouter()\n\n\n@router.post('/items', status_code=status.HTTP_201_CREATED)\n"
        "def create(data: dict, session) -> dict:\n    session.add(Item(**data))\n    return {}\n",
        id="904-fastapi-route-explicit",
    ),
    pytest.param(
        "HTS904",
        FLASK
        + "\n\n@app.post('/items')\ndef create():\n    db.session.add(Item(name='x'))\n    return jsonify(ok=True)\n",
        FLASK
        + "\n\n@app.post('/items')\ndef create():\n    db.session.add(Item(name='x'))\n    return jsonify(ok=True), HTTPStatus.CREATED\n",
        id="904-flask-plain-return",
    ),
    pytest.param(
        "HTS904",
        "from django.http import JsonResponse\nfrom django.views.decorators.http import require_POST\n\n\n@require_POST\n"
        "def create(request):\n    note = Note.objects.create(title='x')\n    return JsonResponse({'id': note.pk})\n",
        "from http import HTTPStatus\n\nfrom django.http import JsonResponse\nfrom django.views.decorators.http import require_POST\n\n\n@require_POST\n"
        "def create(request):\n    note = Note.objects.create(title='x')\n    return JsonResponse({'id': note.pk}, status=HTTPStatus.CREATED)\n",
        id="904-django-default",
    ),
    pytest.param(
        "HTS905",
        "from aiohttp import web\n\n\nasync def summary(request):\n    raise web.HTTPNonAuthoritativeInformation()\n",
        "from aiohttp import web\n\n\nasync def summary(request):\n    raise web.HTTPOk()\n",
        id="905-aiohttp-class",
    ),
    pytest.param(
        "HTS908",
        FLASK + "\n\n@app.post('/comments')\ndef comment():\n    return redirect('/thread', 301)\n",
        FLASK + "\n\n@app.post('/comments')\ndef comment():\n    return redirect('/thread', HTTPStatus.SEE_OTHER)\n",
        id="908-flask-literal",
    ),
    pytest.param(
        "HTS908",
        "import falcon\n\n\nclass R:\n    def on_post(self, req, resp):\n        raise falcon.HTTPMovedPermanently('/x')\n",
        "import falcon\n\n\nclass R:\n    def on_post(self, req, resp):\n        raise falcon.HTTPSeeOther('/x')\n",
        id="908-falcon-class",
    ),
    pytest.param(
        "HTS923",
        FLASK + "\n\n@app.post('/comments')\ndef comment():\n    return redirect('/thread')\n",
        FLASK
        + "\n\n@app.post('/comments')\ndef comment():\n    return redirect('/thread', code=HTTPStatus.SEE_OTHER)\n",
        id="923-flask-default",
    ),
    pytest.param(
        "HTS923",
        "from tornado.web import RequestHandler\n\n\nclass H(RequestHandler):\n    def post(self):\n        self.redirect('/x')\n",
        "from http import HTTPStatus\n\nfrom tornado.web import RequestHandler\n\n\nclass H(RequestHandler):\n    def post(self):\n"
        "        self.redirect('/x', status=HTTPStatus.SEE_OTHER)\n",
        id="923-tornado-default",
    ),
    pytest.param(
        "HTS923",
        "import falcon\n\n\nclass R:\n    def on_post(self, req, resp):\n        raise falcon.HTTPFound('/x')\n",
        "import falcon\n\n\nclass R:\n    def on_post(self, req, resp):\n        raise falcon.HTTPSeeOther('/x')\n",
        id="923-falcon-class",
    ),
    pytest.param(
        "HTS910",
        "from http import HTTPStatus\n\nfrom tornado.web import HTTPError, RequestHandler\n\n\nclass H(RequestHandler):\n"
        "    def get(self):\n        self.write('x')\n\n    def put(self):\n        raise HTTPError(HTTPStatus.NOT_IMPLEMENTED)\n",
        "from http import HTTPStatus\n\nfrom tornado.web import HTTPError, RequestHandler\n\n\nclass H(RequestHandler):\n"
        "    def get(self):\n        self.write('x')\n\n    def put(self):\n        raise HTTPError(HTTPStatus.METHOD_NOT_ALLOWED)\n",
        id="910-tornado",
    ),
    pytest.param(
        "HTS912",
        "import asyncio\nfrom http import HTTPStatus\n\nimport aiohttp\nfrom aiohttp import web\n\n\nasync def h(request):\n"
        "    try:\n        async with aiohttp.ClientSession() as session:\n"
        "            await asyncio.wait_for(session.get(URL), 2)\n    except asyncio.TimeoutError:\n"
        "        return web.Response(status=HTTPStatus.REQUEST_TIMEOUT)\n    return web.Response()\n",
        "import asyncio\nfrom http import HTTPStatus\n\nimport aiohttp\nfrom aiohttp import web\n\n\nasync def h(request):\n"
        "    try:\n        async with aiohttp.ClientSession() as session:\n"
        "            await asyncio.wait_for(session.get(URL), 2)\n    except asyncio.TimeoutError:\n"
        "        return web.Response(status=HTTPStatus.GATEWAY_TIMEOUT)\n    return web.Response()\n",
        id="912-constant",
    ),
    pytest.param(
        "HTS914",
        "from http import HTTPStatus\n\nfrom django.db import IntegrityError\nfrom django.http import JsonResponse\n\n\n"
        "def tag(request):\n    try:\n        Tag.objects.create(name='x')\n    except IntegrityError:\n"
        "        return JsonResponse({}, status=HTTPStatus.BAD_REQUEST)\n    return JsonResponse({})\n",
        "from http import HTTPStatus\n\nfrom django.db import IntegrityError\nfrom django.http import JsonResponse\n\n\n"
        "def tag(request):\n    try:\n        Tag.objects.create(name='x')\n    except IntegrityError:\n"
        "        return JsonResponse({}, status=HTTPStatus.CONFLICT)\n    return JsonResponse({})\n",
        id="914-constant",
    ),
]

UNFIXED = [
    pytest.param(
        "HTS902",
        "from django.core.exceptions import PermissionDenied\n\n\ndef me(request):\n"
        "    if not request.user.is_authenticated:\n        raise PermissionDenied\n",
        id="902-django-has-no-401-class",
    ),
    pytest.param(
        "HTS908",
        "from django.http import HttpResponsePermanentRedirect\nfrom django.views import View\n\n\nclass V(View):\n"
        "    def post(self, request):\n        return HttpResponsePermanentRedirect('/home')\n",
        id="908-django-has-no-303",
    ),
    pytest.param(
        "HTS923",
        "from django.shortcuts import redirect\nfrom django.views import View\n\n\nclass V(View):\n"
        "    def post(self, request):\n        return redirect('home')\n",
        id="923-django-redirect-has-no-303",
    ),
    pytest.param(
        "HTS910",
        "from werkzeug.exceptions import NotImplemented\n\n\ndef h(request):\n    if request.method == 'PUT':\n"
        "        raise NotImplemented()\n    return 'ok'\n",
        id="910-405-class-needs-methods",
    ),
    pytest.param(
        "HTS904",
        "from tornado.web import RequestHandler\n\n\nclass H(RequestHandler):\n    async def post(self):\n"
        "        await self.settings['db'].items.insert_one({})\n        self.write({'ok': True})\n",
        id="904-tornado-write",
    ),
]


@pytest.mark.parametrize(("code", "source", "expected"), CASES)
def test_fix_changes_the_status(code: str, source: str, expected: str) -> None:
    findings = run(source, f"--extend-select={code}")
    fixes = [finding.fix for finding in findings if finding.code == code and finding.fix is not None]
    assert fixes and all(each.safety is FixSafety.UNSAFE for each in fixes), [f.text for f in findings]
    assert not outcome(source, f"--extend-select={code}", select=(code,)).changed, "an unsafe fix needs --unsafe-fixes"
    fixed = fix(source, f"--extend-select={code}", select=(code,), unsafe=True)  # the shipped fixer, run twice
    assert fixed == expected
    ast.parse(fixed)
    assert code not in [finding.code for finding in run(fixed, f"--extend-select={code}")], "the fix must settle it"


@pytest.mark.parametrize(("code", "source"), UNFIXED)
def test_reported_without_a_fix(code: str, source: str) -> None:
    findings = [finding for finding in run(source, f"--extend-select={code}") if finding.code == code]
    assert findings and all(finding.fix is None for finding in findings)
