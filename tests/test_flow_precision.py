"""The status flow where a value only seems to stay a status: each case reaches a slot, and also goes where the flow
cannot see it through (an override, a nested class, a class decorator, a copy that is printed, a class attribute, a
fixture fetched by its name) or goes back to a caller. The flow stays silent there, or its fix is unsafe.
"""

from __future__ import annotations

import pytest
from conftest import run

from flake8_http_status.findings import Finding, FixSafety

OLD = "--http-status-target-python=3.10"

SILENT = {
    "method-overridden-by-a-subclass": (
        "from flask import abort\n\nclass Base:\n    def fail(self, status):\n        abort(status)\n\n"
        "    def get(self):\n        self.fail(404)\n\nclass Loud(Base):\n    def fail(self, status):\n"
        "        print('failing with', status)\n        super().fail(status)\n"
    ),
    "self-of-a-nested-class": (
        "from flask import abort\n\nclass View:\n    def fail(self, status):\n        abort(status)\n\n"
        "    def get(self):\n        class Inner:\n            def fail(self, status):\n"
        "                print('inner', status)\n\n            def go(self):\n                self.fail(404)\n"
        "        Inner().go()\n"
    ),
    "method-shadowed-by-an-instance-attribute": (
        "from flask import abort\n\nclass View:\n    def __init__(self, report):\n        self.fail = report\n\n"
        "    def fail(self, status):\n        abort(status)\n\n    def get(self):\n        self.fail(404)\n"
    ),
    "init-of-a-decorated-class": (
        "from flask import abort\n\ndef register(cls):\n    return cls\n\n@register\nclass ApiError(Exception):\n"
        "    def __init__(self, msg, status):\n        super().__init__(msg)\n        abort(status)\n\n"
        "def view():\n    raise ApiError('x', 404)\n"
    ),
    "module-constant-copied-into-a-printed-local": (
        "from flask import abort\n\nNOT_FOUND = 404\n\ndef view():\n    abort(NOT_FOUND)\n\n"
        "def debug():\n    shown = NOT_FOUND\n    print('code', shown)\n"
    ),
    "module-constant-copied-into-a-name-read-under-global": (
        "from flask import abort\n\nNOT_FOUND = 404\nshown = NOT_FOUND\n\ndef view():\n    abort(NOT_FOUND)\n\n"
        "def debug():\n    global shown\n    print('code', shown)\n"
    ),
    "module-constant-copied-into-a-class-attribute": (
        "from flask import abort\n\nNOT_FOUND = 404\n\nclass Settings:\n    status = NOT_FOUND\n\n"
        "def view():\n    abort(NOT_FOUND)\n\ndef debug():\n    print('code', Settings.status)\n"
    ),
    "fixture-also-fetched-by-its-name": (
        "import pytest\n\n@pytest.fixture(params=[200, 404])\ndef code(request):\n    return request.param\n\n"
        "def test_fixture(client, code):\n    assert client.get('/').status_code == code\n\n"
        "def test_other(request):\n    print('value', request.getfixturevalue('code'))\n"
    ),
}

UNSAFE = {
    "helper-parameter-moved-and-returned-to-the-caller": (
        "from flask import abort, jsonify\n\ndef respond(msg, status):\n    code = status\n    if msg is None:\n"
        "        abort(status)\n    return jsonify(error=msg), code\n\ndef view():\n"
        "    result = respond('missing', 404)\n    print('returning', result)\n    return result\n"
    ),
    # `pick` defined after its caller, and before: the answer must not depend on the order.
    "helper-returning-its-parameter-defined-after": (
        "from flask import abort, jsonify\n\ndef error(msg):\n    return jsonify(error=msg), pick(404, False)\n\n"
        "def pick(status, strict):\n    if strict:\n        abort(status)\n    return status\n\n"
        "def view():\n    print('returning', error('missing'))\n"
    ),
    "helper-returning-its-parameter-defined-before": (
        "from flask import abort, jsonify\n\ndef pick(status, strict):\n    if strict:\n        abort(status)\n"
        "    return status\n\ndef error(msg):\n    return jsonify(error=msg), pick(404, False)\n\n"
        "def view():\n    print('returning', error('missing'))\n"
    ),
}


def _statuses(findings: list[Finding]) -> list[Finding]:
    return [finding for finding in findings if finding.code in ("HTS001", "HTS002")]


@pytest.mark.parametrize("source", SILENT.values(), ids=SILENT.keys())
def test_silent(source: str) -> None:
    assert _statuses(run(source, OLD)) == []


@pytest.mark.parametrize("source", UNSAFE.values(), ids=UNSAFE.keys())
def test_found_with_an_unsafe_fix_only(source: str) -> None:
    found = _statuses(run(source, OLD))
    assert [finding.code for finding in found] == ["HTS001"]
    assert all(finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE for finding in found)


def test_a_method_of_a_class_no_subclass_overrides_is_a_helper() -> None:
    source = (
        "from flask import abort\n\nclass Base:\n    def fail(self, status):\n        abort(status)\n\n"
        "class Page(Base):\n    def get(self):\n        self.fail(404)\n"
    )
    assert [finding.code for finding in _statuses(run(source, OLD))] == ["HTS001"]


def test_a_table_read_by_many_views_is_read_once() -> None:
    views = "".join(f"\ndef v{i}(k):\n    code, msg = ERRORS[k]\n    abort(code)\n" for i in range(300))
    source = "from flask import abort\n\nERRORS = {'a': (400, 'x'), 'b': (404, 'y')}\n" + views
    assert [(finding.start.line, finding.code) for finding in _statuses(run(source))] == [
        (3, "HTS001"),
        (3, "HTS001"),
    ]


def test_a_long_conditional_chain_is_walked_without_recursion() -> None:
    chain = " else ".join(f"{400 + i % 100} if x == {i}" for i in range(2000)) + " else 500"
    source = f"from flask import abort\n\ndef view(x):\n    code = {chain}\n    abort(code)\n"
    assert len(_statuses(run(source))) > 0
