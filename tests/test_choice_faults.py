"""Whose fault an `except` clause handles: catch-alls around parsing (HTS909), upstream failures answered with a
4xx (HTS920), and HTTP errors a catch-all turns into a 500 (HTS921)."""

from __future__ import annotations

import pytest
from conftest import codes, run

ON = "--extend-select=HTS920,HTS921"
FLASK = "from http import HTTPStatus\n\nimport requests\nfrom flask import Flask, abort, jsonify, request\n\napp = Flask(__name__)\n\n\n"


def _view(body: str) -> str:
    return FLASK + '@app.post("/x")\ndef view():\n' + body


def _choices(source: str) -> list[str]:
    return [code for code in codes(source, ON) if code.startswith("HTS9") and code not in ("HTS915", "HTS916")]


@pytest.mark.parametrize(
    "guarded",
    [
        "payload = request.get_json()",
        "limit = int(request.args.get('limit', 10))",
        "payload = ItemSchema().load(request.json)",
        "item = Item(**request.get_json())",
        "item = Item.model_validate_json(request.data)",
        "name = request.json['name'].strip().lower()",
    ],
)
def test_catch_all_around_parsing_alone_blames_the_client(guarded: str) -> None:
    source = _view(
        f"    try:\n        {guarded}\n    except Exception:\n        abort(HTTPStatus.INTERNAL_SERVER_ERROR)\n"
    )
    assert _choices(source) == ["HTS909"]


@pytest.mark.parametrize(
    "guarded",
    [
        "item = Item.query.get(request.json['id'])",  # a query
        "reply = requests.post('https://x.example', json=request.json)",  # another server
        "payload = request.get_json()\n        store(payload)",  # project code
        "payload = request.get_json()\n        payload.save()",  # a method that is not a reader
        "name = 'fixed'",  # reads nothing of the request
    ],
)
def test_catch_all_around_server_work_stays_silent(guarded: str) -> None:
    source = _view(
        f"    try:\n        {guarded}\n    except Exception:\n        abort(HTTPStatus.INTERNAL_SERVER_ERROR)\n"
    )
    assert _choices(source) == []


def test_a_client_error_caught_with_an_upstream_answer_is_not_the_clients() -> None:
    source = _view(
        "    try:\n        reply = requests.get('https://x.example').json()\n"
        "    except ValueError:\n        abort(HTTPStatus.INTERNAL_SERVER_ERROR)\n"
    )
    assert _choices(source) == []


def test_type_error_from_the_payload_is_the_clients() -> None:
    source = _view(
        "    try:\n        item = Item(**request.get_json())\n"
        "    except (TypeError, KeyError):\n        abort(HTTPStatus.INTERNAL_SERVER_ERROR)\n"
    )
    assert _choices(source) == ["HTS909"]


@pytest.mark.parametrize(
    ("caught", "expected"),
    [
        ("requests.ConnectionError", ["HTS920"]),
        ("requests.RequestException", ["HTS920"]),
        ("(requests.ConnectionError, requests.Timeout)", ["HTS920"]),
        ("requests.Timeout", ["HTS920"]),
        ("ValueError", []),
    ],
)
def test_upstream_failure_answered_with_a_client_error(caught: str, expected: list[str]) -> None:
    source = _view(
        "    try:\n        reply = requests.get('https://x.example', timeout=2)\n"
        f"    except {caught}:\n        abort(HTTPStatus.BAD_REQUEST)\n    return reply.json()\n"
    )
    assert _choices(source) == expected


def test_upstream_timeout_answered_with_408_is_hts912_alone() -> None:
    source = _view(
        "    try:\n        reply = requests.get('https://x.example', timeout=2)\n"
        "    except requests.Timeout:\n        abort(HTTPStatus.REQUEST_TIMEOUT)\n    return reply.json()\n"
    )
    assert _choices(source) == ["HTS912"]


@pytest.mark.parametrize(
    "branch",
    [
        "abort(HTTPStatus.NOT_FOUND)",  # a lookup the other server answered
        "return jsonify(error='x'), exc.response.status_code",  # passed on
    ],
)
def test_upstream_status_passed_on_stays_silent(branch: str) -> None:
    source = _view(
        "    try:\n        reply = requests.get('https://x.example', timeout=2)\n        reply.raise_for_status()\n"
        f"    except requests.HTTPError as exc:\n        {branch}\n    return reply.json()\n"
    )
    assert _choices(source) == []


def test_upstream_address_from_the_client_stays_silent() -> None:
    source = _view(
        "    try:\n        requests.get(request.json['url'], timeout=2)\n"
        "    except requests.ConnectionError:\n        abort(HTTPStatus.BAD_REQUEST)\n    return ''\n"
    )
    assert _choices(source) == []


def test_upstream_rule_is_off_by_default() -> None:
    source = _view(
        "    try:\n        requests.get('https://x.example', timeout=2)\n"
        "    except requests.ConnectionError:\n        abort(HTTPStatus.BAD_REQUEST)\n    return ''\n"
    )
    assert "HTS920" not in codes(source)


SWALLOW = "    try:\n        item = find()\n        if item is None:\n            abort(HTTPStatus.NOT_FOUND)\n{between}    except Exception:\n        {answer}\n    return item\n"


@pytest.mark.parametrize(
    ("between", "answer", "expected"),
    [
        ("", "abort(HTTPStatus.INTERNAL_SERVER_ERROR)", ["HTS921"]),
        ("", "return jsonify(error='x'), HTTPStatus.INTERNAL_SERVER_ERROR", ["HTS921"]),
        ("    except ValueError:\n        pass\n", "abort(HTTPStatus.INTERNAL_SERVER_ERROR)", ["HTS921"]),
        ("    except HTTPException:\n        raise\n", "abort(HTTPStatus.INTERNAL_SERVER_ERROR)", []),
        ("", "raise", []),
        ("", "log()", []),
    ],
)
def test_http_error_swallowed_by_a_catch_all(between: str, answer: str, expected: list[str]) -> None:
    source = _view(SWALLOW.format(between=between, answer=answer))
    assert _choices(source) == expected


def test_messages_are_short() -> None:
    source = _view(SWALLOW.format(between="", answer="abort(HTTPStatus.INTERNAL_SERVER_ERROR)"))
    source += (
        '\n\n@app.get("/y")\ndef other():\n    try:\n        requests.get("https://x.example", timeout=2)\n'
        "    except requests.ConnectionError:\n        abort(HTTPStatus.BAD_REQUEST)\n    return ''\n"
    )
    found = [finding for finding in run(source, ON) if finding.code in ("HTS920", "HTS921")]
    assert len(found) == 2
    assert all(len(finding.text.partition(" ")[2]) <= 100 for finding in found), [f.text for f in found]
