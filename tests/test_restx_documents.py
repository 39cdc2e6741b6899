"""flask-restx's documentation decorators (flask-restx 1.3.2): response, doc, marshal_with and marshal_list_with."""

from __future__ import annotations

import pytest
from conftest import codes, run

PY311 = "--http-status-target-python=3.11"
HEAD = "from flask_restx import Namespace, Resource\nfrom myproject.api import api\n\nns = Namespace('cats')\n\n\n"


def resource(*decorators: str) -> str:
    lines = "".join(f"    @{decorator}\n" for decorator in decorators)
    return f"{HEAD}class Cat(Resource):\n{lines}    def get(self):\n        return {{}}\n"


DOCUMENTED = {
    "response-positional": "ns.response(404, 'Not found')",
    "response-keyword": "api.response(code=404, description='Not found')",
    "doc-responses": "ns.doc(responses={404: 'Not found'})",
    "doc-responses-tuple": "api.doc(responses={404: ('Not found', None)})",
    "marshal-with-keyword": "api.marshal_with(model, code=404)",
    "marshal-with-positional": "ns.marshal_with(model, False, 404)",
    "marshal-list-with-keyword": "ns.marshal_list_with(model, code=404)",
}


@pytest.mark.parametrize("decorator", DOCUMENTED.values(), ids=DOCUMENTED.keys())
def test_documented_codes(decorator: str) -> None:
    assert codes(resource(decorator), PY311) == ["HTS001"]


@pytest.mark.parametrize("decorator", DOCUMENTED.values(), ids=DOCUMENTED.keys())
def test_documented_codes_keep_their_text_before_python_311(decorator: str) -> None:
    # Swagger writes str(code): str(HTTPStatus.NOT_FOUND) is 'HTTPStatus.NOT_FOUND' before Python 3.11.
    assert codes(resource(decorator)) == []


def test_a_documented_site_is_read_as_a_status() -> None:
    assert codes(resource("ns.response(418, 'Teapot')")) == ["HTS602"]


def test_marshal_with_second_place_is_as_list() -> None:
    (finding,) = run(resource("api.marshal_with(model, 201)"))
    assert finding.code == "HTS604"
    assert "as_list" in finding.message


def test_marshal_list_with_takes_code_by_keyword_only() -> None:
    (finding,) = run(resource("ns.marshal_list_with(model, 201)"))
    assert finding.code == "HTS604"
    assert "TypeError" in finding.message


SILENT = {
    # No status: expect() documents the request.
    "expect": resource("api.expect(model)"),
    "marshal-with-default": resource("api.marshal_with(model)"),
    # An untyped receiver counts only in a decorator.
    "untyped-call": f"{HEAD}def f(upstream):\n    upstream.response(404, 'missing')\n",
    "untyped-doc-call": f"{HEAD}def f(spec):\n    spec.doc(responses={{404: 'missing'}})\n",
    # Other calls' responses= dicts.
    "unrelated-responses": f"{HEAD}def f(render):\n    return render(responses={{404: 'missing'}})\n",
    # A module that does not import flask_restx.
    "ungated": (
        "from myproject.api import api\n\n\nclass Cat:\n    @api.response(404, 'Not found')\n"
        "    def get(self):\n        return {}\n"
    ),
}


@pytest.mark.parametrize("source", SILENT.values(), ids=SILENT.keys())
def test_silent(source: str) -> None:
    assert codes(source, PY311) == []


def test_typed_namespace_outside_a_decorator() -> None:
    assert codes(f"{HEAD}ns.response(404, 'Not found')\n", PY311) == ["HTS001"]


def test_smorest_blueprint_is_not_a_namespace() -> None:
    # flask-smorest's @blp.response sets the status; the restx rows do not apply to a typed Blueprint.
    source = (
        "import flask_restx\nfrom flask_smorest import Blueprint\n\nblp = Blueprint('b', __name__)\n\n\n"
        "@blp.doc(responses={404: 'x'})\ndef get():\n    return {}\n"
    )
    assert codes(source, PY311) == []
