"""HTS909 and HTS914 read what a call returned on the way to a status (`faults._call_results`): a
failed `is_valid()`, a true `filter(...).exists()`, through any number of `not`s."""

from __future__ import annotations

import pytest
from conftest import run

DRF = """from rest_framework import status, viewsets
from rest_framework.response import Response


class V(viewsets.ViewSet):
    def create(self, request):
        s = S(data=request.data)
        if {test}:
            return Response(s.errors, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
        return Response(s.data)
"""

FLASK = """from http import HTTPStatus

from flask import Flask, jsonify

app = Flask(__name__)


@app.post("/teams")
def create():
    if {test}:
        return jsonify(error="no"), HTTPStatus.BAD_REQUEST
    return jsonify(ok=True)
"""


@pytest.mark.parametrize(
    ("test", "reported"),
    [
        ("not s.is_valid()", True),
        ("not not not s.is_valid()", True),
        ("s.is_valid()", False),
        ("not not s.is_valid()", False),
    ],
)
def test_failed_validation(test: str, reported: bool) -> None:
    messages = [finding.message for finding in run(DRF.format(test=test)) if finding.code == "HTS909"]
    assert any("invalid input" in message for message in messages) is reported


@pytest.mark.parametrize(
    ("test", "reported"),
    [
        ("Team.query.filter(Team.name == name).exists()", True),
        ("not not Team.query.filter(Team.name == name).exists()", True),
        ("not Team.query.filter(Team.name == name).exists()", False),
        ("Team.query.exists()", False),
    ],
)
def test_existence_check(test: str, reported: bool) -> None:
    messages = [
        finding.message
        for finding in run(FLASK.format(test=test), "--extend-select=HTS914")
        if finding.code == "HTS914"
    ]
    assert any("an existence check" in message for message in messages) is reported
