"""HTS918 and HTS919: which branches refuse credentials or rights, and which 400s and 404s are left alone."""

from __future__ import annotations

import pytest
from conftest import run
from fixing import fix

OPTIONS = ("--extend-select=HTS918,HTS919",)

FLASK = """from http import HTTPStatus

import jwt
from flask import Flask, abort, request
from flask_login import current_user

app = Flask(__name__)


@app.route("/x/<int:item_id>", methods=["GET", "POST"])
def view(item_id):
{body}
    return "ok"
"""


def found(body: str) -> list[tuple[str, str]]:
    source = FLASK.format(body="\n".join(f"    {line}" for line in body.splitlines()))
    return [
        (finding.code, finding.message.rpartition(" refuses ")[2])
        for finding in run(source, *OPTIONS)
        if finding.code in ("HTS918", "HTS919")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            'token = request.headers.get("Authorization")\nif not token:\n    abort(HTTPStatus.BAD_REQUEST)',
            [("HTS918", "missing credentials")],
            id="header-absent",
        ),
        pytest.param(
            'if "X-API-Key" not in request.headers:\n    abort(HTTPStatus.NOT_FOUND)',
            [("HTS918", "missing credentials")],
            id="header-not-in",
        ),
        pytest.param(
            'key = request.args.get("api_key")\nif key is None:\n    abort(HTTPStatus.BAD_REQUEST)',
            [("HTS918", "missing credentials")],
            id="query-api-key",
        ),
        pytest.param(
            'token = request.headers["Authorization"].split()[1]\nif token != app.config["TOKEN"]:\n'
            "    abort(HTTPStatus.BAD_REQUEST)",
            [("HTS918", "a wrong credential")],
            id="mismatch",
        ),
        pytest.param(
            'key = request.headers.get("X-API-Key")\nuser = User.query.filter_by(api_key=key).first()\n'
            "if user is None:\n    abort(HTTPStatus.NOT_FOUND)",
            [("HTS918", "an unknown credential")],
            id="lookup-by-key",
        ),
        pytest.param(
            'token = request.headers.get("Authorization", "")\ntry:\n    jwt.decode(token, "k")\n'
            "except jwt.InvalidTokenError:\n    abort(HTTPStatus.BAD_REQUEST)",
            [("HTS918", "a rejected token")],
            id="jwt-invalid",
        ),
        pytest.param(
            'token = request.headers.get("Authorization")\nuser = find(token)\nif not token or user is None:\n'
            "    abort(HTTPStatus.BAD_REQUEST)",
            [("HTS918", "missing credentials")],
            id="either-credential-check",
        ),
        pytest.param(
            "if not current_user.is_admin:\n    abort(HTTPStatus.BAD_REQUEST)",
            [("HTS919", "a missing role")],
            id="admin-flag",
        ),
        pytest.param(
            'if not current_user.has_permission("edit"):\n    abort(HTTPStatus.BAD_REQUEST)',
            [("HTS919", "a missing permission")],
            id="permission-call",
        ),
        pytest.param(
            "item = Item.query.get_or_404(item_id)\nif item.user_id != current_user.id:\n    abort(HTTPStatus.BAD_REQUEST)",
            [("HTS919", "a non-owner")],
            id="owner",
        ),
        pytest.param(
            'if current_user.role not in ("admin", "owner"):\n    abort(HTTPStatus.BAD_REQUEST)',
            [("HTS919", "a missing role")],
            id="role-list",
        ),
        pytest.param(
            'if "admin" not in current_user.roles:\n    abort(HTTPStatus.BAD_REQUEST)',
            [("HTS919", "a missing role")],
            id="roles-attribute",
        ),
    ],
)
def test_refusals_are_reported(body: str, expected: list[tuple[str, str]]) -> None:
    assert found(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            'token = request.json.get("token")\nif not token:\n    abort(HTTPStatus.BAD_REQUEST)', id="body-token"
        ),
        pytest.param(
            'token = request.args.get("token")\nif not token:\n    abort(HTTPStatus.BAD_REQUEST)', id="query-token"
        ),
        pytest.param(
            'auth = request.headers.get("Authorization", "")\nif not auth.startswith("Bearer "):\n'
            "    abort(HTTPStatus.BAD_REQUEST)",
            id="malformed-header",
        ),
        pytest.param(
            'scheme, _, token = request.headers.get("Authorization", "").partition(" ")\nif scheme != "Bearer":\n'
            "    abort(HTTPStatus.BAD_REQUEST)",
            id="wrong-scheme",
        ),
        pytest.param(
            'lang = request.headers.get("Accept-Language")\nif not lang:\n    abort(HTTPStatus.BAD_REQUEST)',
            id="other-header",
        ),
        pytest.param(
            "item = Item.query.get(item_id)\nif item is None:\n    abort(HTTPStatus.NOT_FOUND)", id="lookup-by-id"
        ),
        pytest.param(
            'token = request.headers.get("Authorization")\nif not token or not request.json:\n'
            "    abort(HTTPStatus.BAD_REQUEST)",
            id="mixed-with-body",
        ),
        pytest.param(
            'token = request.headers.get("Authorization")\ntry:\n    data = parse(token, request.json)\n'
            "except (jwt.InvalidTokenError, KeyError):\n    abort(HTTPStatus.BAD_REQUEST)",
            id="broad-except",
        ),
        pytest.param(
            'try:\n    jwt.decode(request.json["refresh"], "k")\nexcept jwt.InvalidTokenError:\n'
            "    abort(HTTPStatus.BAD_REQUEST)",
            id="refresh-token-in-body",
        ),
        pytest.param(
            'token = request.headers.get("Authorization")\nheaders = {"Authorization": token}\nreply = call(headers)\n'
            "if reply is None:\n    abort(HTTPStatus.BAD_REQUEST)",
            id="forwarded-to-another-server",
        ),
        pytest.param(
            "if current_user is None or not current_user.is_admin:\n    abort(HTTPStatus.BAD_REQUEST)",
            id="maybe-anonymous",
        ),
        pytest.param(
            "if not current_user.is_authenticated:\n    abort(HTTPStatus.BAD_REQUEST)\n"
            "if not current_user.is_admin:\n    pass",
            id="authentication-is-not-a-right",
        ),
        pytest.param("if not current_user.is_admin:\n    abort(HTTPStatus.NOT_FOUND)", id="not-found-may-hide"),
        pytest.param("if not form.is_admin:\n    abort(HTTPStatus.BAD_REQUEST)", id="not-the-user"),
        pytest.param(
            "if current_user.is_admin:\n    abort(HTTPStatus.BAD_REQUEST)", id="admins-refused-for-another-reason"
        ),
    ],
)
def test_near_misses_are_not_reported(body: str) -> None:
    assert found(body) == []


def test_off_by_default() -> None:
    source = FLASK.format(body="    if not current_user.is_admin:\n        abort(HTTPStatus.BAD_REQUEST)")
    assert not [finding for finding in run(source) if finding.code == "HTS919"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            "from aiohttp import web\n\n\nasync def h(request):\n    key = request.headers.get('X-API-Key')\n"
            "    if key is None:\n        raise web.HTTPBadRequest()\n    return web.Response()\n",
            "from aiohttp import web\n\n\nasync def h(request):\n    key = request.headers.get('X-API-Key')\n"
            "    if key is None:\n        raise web.HTTPUnauthorized()\n    return web.Response()\n",
            id="918-aiohttp-class",
        ),
        pytest.param(
            "from django.http import HttpResponseBadRequest\n\n\ndef v(request):\n"
            "    if not request.user.is_staff:\n        return HttpResponseBadRequest()\n",
            "from django.http import HttpResponseForbidden\n\n\ndef v(request):\n"
            "    if not request.user.is_staff:\n        return HttpResponseForbidden()\n",
            id="919-django-class",
        ),
    ],
)
def test_unsafe_fix(before: str, after: str) -> None:
    codes = ("HTS918", "HTS919")
    findings = [finding for finding in run(before, *OPTIONS) if finding.code in codes]
    assert len(findings) == 1 and findings[0].fix is not None
    assert fix(before, *OPTIONS, select=codes, unsafe=True) == after
