"""Views no decorator marks (Connexion's handlers, named by an OpenAPI file): `ReturnRow.body_names` and
`ReturnRow.marking_returns` decide which returned tuples carry a status, and everything else stays silent."""

from __future__ import annotations

import ast

import pytest
from conftest import codes

from flake8_http_status.analysis.match import own_returns

HEAD = "from connexion import NoContent, problem\nfrom connexion.lifecycle import ConnexionResponse\n\n"

MARKED = {
    # A tuple that starts with NoContent is a handler's, wherever it is.
    "no-content-first": "def put(pet):\n    return NoContent, 201\n",
    "no-content-in-method": "class Pets:\n    def put(self):\n        return NoContent, 201\n",
    # Another return of the same module-level function proves it is a handler.
    "problem-elsewhere": "def get(pet_id):\n    if not pet_id:\n        return problem(400, 'Bad', 'no id')\n    return {'id': pet_id}, 200\n",
    "bare-no-content-elsewhere": "def delete(pet_id):\n    if pet_id:\n        return NoContent\n    return {'id': pet_id}, 404\n",
    "response-elsewhere": "def get(pet_id):\n    if pet_id:\n        return ConnexionResponse(body='x')\n    return 'missing', 404\n",
    "headers-third": "def post(pet):\n    if not pet:\n        return NoContent, 400\n    return pet, 201, {'Location': '/pets/1'}\n",
}


@pytest.mark.parametrize("body", MARKED.values(), ids=MARKED.keys())
def test_a_marked_handler_s_tuple_carries_a_status(body: str) -> None:
    assert codes(HEAD + body) == ["HTS001"] * (2 if "problem(" in body or "NoContent, 400" in body else 1)


UNMARKED = {
    # A pair with a number in a module that imports connexion is not enough.
    "unmarked-pair": "def lookup(key):\n    return key, 404\n",
    # The marking return is a nested function's, not the function's own.
    "nested-marker": (
        "def outer(pet):\n    def inner():\n        return problem(404, 'x', 'y')\n    return pet, 404\n"
    ),
    # Methods and nested functions are never marked by their other returns.
    "method": "class Store:\n    def find(self):\n        if self:\n            return problem(404, 'x', 'y')\n        return self, 404\n",
    "nested": "def app():\n    def find(x):\n        if x:\n            return NoContent\n        return x, 404\n    return find\n",
    # A 2-tuple whose second item is headers.
    "headers": "def get(pet):\n    if pet:\n        return NoContent\n    return pet, {'X-Rate': '1'}\n",
    # NoContent from somewhere else is not Connexion's.
    "foreign-no-content": "def put(pet):\n    return pet.NoContent, 201\n",
}


@pytest.mark.parametrize("body", UNMARKED.values(), ids=UNMARKED.keys())
def test_an_unmarked_tuple_stays_silent(body: str) -> None:
    assert codes(HEAD + body) == (["HTS001"] if "problem(" in body else [])


def test_without_connexion_nothing_marks() -> None:
    source = "NoContent = object()\n\ndef problem(*a):\n    return a\n\ndef get(x):\n    if x:\n        return problem(1)\n    return NoContent, 201\n"
    assert codes(source) == []


def test_own_returns_skip_nested_scopes() -> None:
    tree = ast.parse(
        "def f(x):\n    def g():\n        return 1\n    h = lambda: 2\n    class C:\n        def m(self):\n            return 3\n"
        "    for y in x:\n        if y:\n            return 4\n    try:\n        pass\n    except E:\n        return 5\n    return\n"
    )
    function = tree.body[0]
    assert isinstance(function, ast.FunctionDef)
    assert sorted(ast.literal_eval(value) for value in own_returns(function)) == [4, 5]
