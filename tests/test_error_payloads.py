"""HTS911: which content reads as an error, and which status it asks for."""

from __future__ import annotations

import ast

import pytest
from conftest import codes, run

from flake8_http_status.handlers.body_index import index_body
from flake8_http_status.rules.choices.payloads import Body, error_payload, reports_failure

ERRORS = {
    '{"error": "x"}': ('"error" key', None),
    '{"success": False, "message": "x", "data": None}': ("success: False", None),
    '{"status": "error", "msg": "x"}': ('status: "error"', None),
    '{"status": "FAILED"}': ('status: "failed"', None),
    '{"result": "failure"}': ('result: "failure"', None),
    "jsonify(status=404, message='x')": ("status: 404", 404),
    '{"code": 400, "msg": "x"}': ("code: 400", 400),
    'make_response(jsonify({"status_code": 503}))': ("status_code: 503", 503),
    # Flash-style messages a page shows in a coloured box: only the error colours are errors.
    'jsonify(type="danger", message="x")': ('type: "danger"', None),
    '{"category": "error", "msg": "x"}': ('category: "error"', None),
    '{"level": "Danger", "message": "x", "location": "/books"}': ('level: "danger"', None),
    'json.dumps({"type": "error", "message": "x"})': ('type: "error"', None),
    '{"status": False, "msg": "maintenance"}': ("status: False", None),
    # A literal list of such messages, every one an error (not a batch: a batch is built item by item).
    'jsonify([{"type": "danger", "message": "x"}])': ('type: "danger"', None),
    '[{"error": "x"}, {"error": "y"}]': ('"error" key', None),
}
NOT_ERRORS = (
    '{"errors": []}',
    '{"error": None}',
    '{"results": [1], "errors": ["row 2"]}',
    '{"ready": True, "success": False}',
    '{"status": "failed", "job": 3}',
    '{"code": 2, "message": "x"}',  # an application's own code, not an HTTP status
    '{"code": True}',
    '{"status": 200, "message": "x"}',
    '{"result": [], "status": "ok"}',
    '{**base, "error": "x"}',
    '{"type": "warning", "message": "x"}',
    '{"type": "success", "message": "x"}',
    '{"category": "info", "msg": "x"}',
    '{"type": "danger"}',  # no message: a kind of thing, not a flash message
    '{"type": "error", "name": "x"}',  # a record whose kind is "error" (a log entry, a field type)
    '{"status": False}',  # a switch's state, not a failure
    '{"status": False, "id": 3}',
    '[{"type": "danger", "message": "x"}, {"type": "success", "message": "y"}]',  # partial failure
    "[]",
    '[{"error": "x"}, *more]',
)


@pytest.mark.parametrize(("text", "expected"), ERRORS.items(), ids=ERRORS.keys())
def test_error_shapes(text: str, expected: tuple[str, int | None]) -> None:
    payload = error_payload(ast.parse(text, mode="eval").body)
    assert payload is not None
    assert (str(payload.shape), payload.status) == expected


@pytest.mark.parametrize("text", NOT_ERRORS)
def test_not_error_shapes(text: str) -> None:
    assert error_payload(ast.parse(text, mode="eval").body) is None


def _returned(source: str) -> Body:
    function = ast.parse(source).body[0]
    assert isinstance(function, ast.FunctionDef)
    return Body(index_body(function), frozenset(a.arg for a in function.args.args))


@pytest.mark.parametrize(
    ("source", "reported"),
    [
        ("def v():\n    p = {'error': 'x'}\n    return jsonify(p)\n", True),
        ("def v():\n    p = dict(success=False)\n    return jsonify(p)\n", True),
        ("def v():\n    p = {'error': 'x'}\n    p['rows'] = rows\n    return jsonify(p)\n", False),
        ("def v():\n    p = {'error': 'x'}\n    p.update(rows=rows)\n    return jsonify(p)\n", False),
        ("def v():\n    p = {'error': 'x'}\n    fill(p)\n    return jsonify(p)\n", False),
        ("def v(p):\n    p = {'error': 'x'}\n    return jsonify(p)\n", False),
        ("def v():\n    p = {'error': 'x'}\n    if a:\n        p = {'rows': 1}\n    return jsonify(p)\n", False),
        ("def v():\n    for p in items:\n        pass\n    return jsonify(p)\n", False),
    ],
)
def test_a_dict_built_in_a_variable_is_read_when_bound_once_and_unchanged(source: str, reported: bool) -> None:
    body = _returned(source)
    function = ast.parse(source).body[0]
    returned = function.body[-1]  # type: ignore[attr-defined]
    assert (error_payload(returned.value, body) is not None) is reported


def test_failure_for_hts904_is_looser_than_an_error_payload() -> None:
    node = ast.parse('{"status": "failed", "job": 3}', mode="eval").body
    assert reports_failure(node) and error_payload(node) is None


FLASK = "from flask import Flask, jsonify\n\napp = Flask(__name__)\n\n"


def test_a_response_helper_returned_by_a_view_is_reported_in_the_helper() -> None:
    source = FLASK + (
        "def fail(message):\n    return jsonify(success=False, message=message)\n\n"
        "@app.get('/a')\ndef a():\n    return fail('bad')\n\n"
        "@app.get('/b')\ndef b():\n    return fail('worse')\n"
    )
    findings = run(source)
    assert [(f.code, f.start.line) for f in findings] == [("HTS911", 6)]  # once, at the helper's return


@pytest.mark.parametrize(
    "helper",
    [
        "def fail(message, code):\n    return jsonify(success=False, message=message), code\n",  # callers choose
        "def fail(message):\n    return jsonify(success=False, message=message)\n",  # no view returns it
    ],
)
def test_helpers_left_alone(helper: str) -> None:
    view = "@app.get('/a')\ndef a():\n    return fail('bad', HTTPStatus.BAD_REQUEST)\n" if "code" in helper else ""
    assert codes("from http import HTTPStatus\n" + FLASK + helper + "\n" + view) == []


def test_the_body_status_is_the_advice() -> None:
    source = FLASK + "@app.get('/a')\ndef a():\n    return jsonify(status=404, message='gone')\n"
    (finding,) = run(source)
    assert "HTTPStatus.NOT_FOUND" in finding.message


def test_webhook_receivers_acknowledge_with_200() -> None:
    # A webhook sender (Stripe, GitHub) retries any answer but a 2xx: a receiver that ignores an event says so
    # in the body of a 200 on purpose.
    body = "    event = stripe.Webhook.construct_event(request.data, sig, secret)\n"
    source = FLASK + f"@app.post('/subscription')\ndef subscribe():\n{body}    return jsonify(success=False)\n"
    assert codes(source) == []
    assert codes(source.replace(body, "")) == ["HTS911"]


@pytest.mark.parametrize("name", ["health", "healthz", "readiness_probe", "status"])
def test_monitoring_endpoints_stay_silent(name: str) -> None:
    source = FLASK + f"@app.get('/x')\ndef {name}():\n    return jsonify(status='error', detail='db down')\n"
    assert codes(source) == []
    routed = FLASK + f"@app.get('/{name}')\ndef x():\n    return jsonify(status='error', detail='db down')\n"
    assert codes(routed) == []


def test_failure_for_hts904_reads_flash_messages_and_a_false_status() -> None:
    for text in ('{"type": "danger", "message": "x", "id": 3}', '{"status": False, "id": 3}'):
        assert reports_failure(ast.parse(text, mode="eval").body), text
    assert not reports_failure(ast.parse('{"type": "success", "message": "x"}', mode="eval").body)


def test_a_before_request_hook_answers_with_200_when_it_returns() -> None:
    source = (
        "from http import HTTPStatus\n"
        + FLASK
        + (
            "@app.before_request\ndef closed():\n    if maintenance:\n"
            "        return jsonify(status=False, msg='maintenance')\n\n"
            "@app.before_request\ndef closed_properly():\n    if maintenance:\n"
            "        return jsonify(status=False, msg='maintenance'), HTTPStatus.SERVICE_UNAVAILABLE\n"
        )
    )
    assert [(f.code, f.start.line) for f in run(source)] == [("HTS911", 9)]


def test_a_json_string_a_view_returns_is_read() -> None:
    source = (
        "import json\n\n"
        + FLASK
        + (
            "@app.post('/send')\ndef send():\n    if not ready:\n"
            "        return json.dumps({'type': 'danger', 'message': 'not ready'})\n"
            "    return json.dumps({'type': 'success', 'message': 'sent'})\n"
        )
    )
    assert [(f.code, f.start.line) for f in run(source)] == [("HTS911", 10)]


@pytest.mark.parametrize(
    "content",
    [
        "jsonify(type='danger', message='no')",
        "{'level': 'error', 'msg': 'no'}",
        "[{'category': 'danger', 'message': 'no'}]",
    ],
)
def test_a_flash_message_a_view_returns_is_read(content: str) -> None:
    source = FLASK + f"@app.post('/send')\ndef send():\n    return {content}\n"
    assert [(f.code, f.start.line) for f in run(source)] == [("HTS911", 7)]


def test_a_status_keyword_the_call_does_not_take_is_not_a_default_200() -> None:
    # DRF's Response has no `status_code=`: the call fails, or the author's 400 is lost, but no 200 goes out.
    source = (
        "from rest_framework.decorators import api_view\nfrom rest_framework.response import Response\n\n\n"
        "@api_view(['POST'])\ndef share(request):\n"
        "    if not request.data:\n"
        "        return Response({'status': False, 'message': 'no such user'}, status_code=400)\n"
        "    return Response({'status': False, 'message': 'no such album'})\n"
    )
    assert [(f.code, f.start.line) for f in run(source)] == [("HTS911", 9)]
