"""The type of a receiver: an object imported from the project is of unknown type, a framework's keeps its name."""

from __future__ import annotations

import ast

import pytest
from conftest import codes

from flake8_http_status.analysis.collect import collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.analysis.receivers import Receivers
from flake8_http_status.analysis.sites import MODULE_SCOPE, Scope
from flake8_http_status.api import default_table


def type_of_last(source: str) -> frozenset[str] | None:
    """The type of the expression on the module's last line."""
    tree = ast.parse(source)
    imports = collect_imports(tree)
    _, bindings = collect(tree, imports, default_table())
    last = tree.body[-1]
    assert isinstance(last, ast.Expr)
    return Receivers(imports, bindings).types_of(last.value, MODULE_SCOPE)


TYPES = {
    # Importing an instance says nothing about its class.
    "project-object": ("from myproject.api import api\napi\n", None),
    "project-object-aliased": ("from myproject.api import api as restx\nrestx\n", None),
    "project-star": ("from myproject.api import *\napi\n", None),
    "project-attribute": ("import myproject.api\nmyproject.api.api\n", None),
    "relative-object": ("from .api import api\napi\n", None),
    # A module an `import` statement names is a module.
    "project-module": ("import myproject.api as api\napi\n", frozenset({"myproject.api"})),
    "project-module-chain": ("import myproject.api\nmyproject.api\n", frozenset({"myproject.api"})),
    # Objects and classes of the libraries the table knows keep their names.
    "flask-request": ("from flask import request\nrequest\n", frozenset({"flask.request"})),
    "flask-current-app": ("from flask import current_app\ncurrent_app\n", frozenset({"flask.current_app"})),
    "starlette-class": (
        "from starlette.requests import Request\nRequest\n",
        frozenset({"starlette.requests.Request"}),
    ),
    "bottle-response": ("from bottle import response\nresponse\n", frozenset({"bottle.response"})),
    "stdlib-object": ("from logging import root\nroot\n", frozenset({"logging.root"})),
    # An instance the module makes has its class's type, wherever the class comes from.
    "project-class-instance": (
        "from myproject.api import MyApi\napi = MyApi()\napi\n",
        frozenset({"myproject.api.MyApi"}),
    ),
    "restx-instance": ("from flask_restx import Api\napi = Api()\napi\n", frozenset({"flask_restx.Api"})),
}


@pytest.mark.parametrize(("source", "expected"), TYPES.values(), ids=TYPES.keys())
def test_types_of(source: str, expected: frozenset[str] | None) -> None:
    assert type_of_last(source) == expected


FINDINGS = {
    # flask-restx's `api.abort(404)` on an `api` imported from the project (the gated name rule applies).
    "restx-api-absolute": (
        "import flask_restx\nfrom myproject.api import api\n\ndef v():\n    api.abort(404)\n",
        ["HTS001"],
    ),
    "restx-ns-absolute": (
        "from flask_restx import Resource\nfrom myproject.cats import ns\n\ndef v():\n    ns.abort(404)\n",
        ["HTS001"],
    ),
    "restx-api-relative": ("import flask_restx\nfrom .api import api\n\ndef v():\n    api.abort(404)\n", ["HTS001"]),
    # The gate: a module that does not import flask_restx stays silent.
    "restx-ungated": ("from myproject.api import api\n\ndef v():\n    api.abort(404)\n", []),
    # The name: an imported object of another name stays silent.
    "restx-other-name": (
        "import flask_restx\nfrom myproject.api import registry\n\ndef v():\n    registry.abort(404)\n",
        [],
    ),
    # A module is not an Api: `import myproject.api as api` then `api.abort(404)` calls the module's function.
    "restx-module": ("import flask_restx\nimport myproject.api as api\n\ndef v():\n    api.abort(404)\n", []),
    # An instance of a project class is of that class, not an Api.
    "restx-project-class": (
        "import flask_restx\nfrom myproject.api import Other\napi = Other()\n\ndef v():\n    api.abort(404)\n",
        [],
    ),
    # A blueprint imported from the project marks its routes as views, as a relative import's already did.
    "flask-imported-blueprint": (
        "import flask\nfrom myproject.views import bp\n\n@bp.route('/')\ndef v():\n    return {}, 201\n",
        ["HTS001"],
    ),
    "flask-imported-helper": (
        "import flask\nfrom myproject.cache import cache\n\n@cache.memoize()\ndef v():\n    return {}, 201\n",
        [],
    ),
    # Framework objects keep their behaviour.
    "bottle-response": ("from bottle import response\n\ndef v():\n    response.status = 404\n", ["HTS001"]),
    # `current_app` is typed as itself, not as an app class, so the app rows' untyped name rule does not apply.
    "flask-current-app": ("from flask import current_app\n\ndef v():\n    return current_app.redirect('/', 301)\n", []),
    "flask-request-abort": ("import flask_restx\nfrom flask import request\n\ndef v():\n    request.abort(404)\n", []),
}


@pytest.mark.parametrize(("source", "expected"), FINDINGS.values(), ids=FINDINGS.keys())
def test_findings(source: str, expected: list[str]) -> None:
    assert codes(source) == expected


def test_a_receiver_is_typed_once_for_every_row_that_names_its_method(monkeypatch: pytest.MonkeyPatch) -> None:
    typed: list[str] = []
    uncounted = Receivers._types_of

    def counted(self: Receivers, node: ast.expr, scope: Scope) -> frozenset[str] | None:
        typed.append(ast.unparse(node))
        return uncounted(self, node, scope)

    monkeypatch.setattr(Receivers, "_types_of", counted)
    source = "from flask import Flask\napp = Flask(__name__)\n\ndef view(client):\n    client.get('/')\n"
    assert codes(source) == []
    assert typed == ["client"]  # several frameworks' rows name `get`
