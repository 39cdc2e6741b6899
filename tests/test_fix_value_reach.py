"""Issue 11, 1b, third pass: a status slot converts only where the value really reaches the framework.

A second reviewer turned `404` into `HTTPStatus.NOT_FOUND` where user code saw it on Python 3.10: a response tuple
returned by a helper that is not a view, a framework name rebound in the module (a parameter, a local, a loop
variable, a module-level `def abort`, `app` rebound to another class), and `http.server`'s send_response(), whose
log_request() a handler overrides. Each is paired with a nearby input that is still fixed safely, and the verifier
is tested on its own with the rewrite a wrong rule would make.
"""

from __future__ import annotations

import ast

import pytest
from fixing import fix, outcome

from flake8_http_status.engine import analyse
from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer.errors import FixError, FixFailure
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent
from flake8_http_status.options import Settings

_SETTINGS = Settings().replace(target_python=(3, 10), starlette_renamed=False)
_IMPORT = NewImport("http", "HTTPStatus")


def _safety(source: str) -> dict[int, FixSafety]:
    findings = analyse(ast.parse(source), split_lines(source), "example.py", _SETTINGS)
    return {f.start.line: f.fix.safety for f in findings if f.code == "HTS001" and f.fix is not None}


def _verify_all_404s(source: str) -> None:
    """Run the verifier on `source` with every `404` written as HTTPStatus.NOT_FOUND by fixes marked safe."""
    lines = split_lines(source)
    findings = []
    for number, line in enumerate(lines, start=1):
        column = line.find("404")
        if column >= 0:
            edit = Edit(Position(number, column), Position(number, column + 3), "HTTPStatus.NOT_FOUND")
            findings.append(Finding("HTS001", "test", edit.start, edit.end, Fix((edit,), FixSafety.SAFE, (_IMPORT,))))
    rewritten = "from http import HTTPStatus\n" + source.replace("404", "HTTPStatus.NOT_FOUND")
    check_equivalent(source, lines, ast.parse(source), rewritten, findings)


# 1. A response tuple converts only in a function the framework calls -------------------------------------------

HELPER_TUPLE = """import logging

from flask import Flask, jsonify

app = Flask(__name__)
log = logging.getLogger("views")


def error(msg):
    return jsonify(error=msg), 404


@app.route("/")
def index():
    response, code = error("missing name")
    log.warning("rejecting request: %s", code)
    return response, code


@app.route("/gone")
def gone():
    return jsonify(error="gone"), 404
"""


def test_a_response_tuple_a_helper_returns_to_user_code_is_not_a_safe_enum() -> None:
    assert _safety(HELPER_TUPLE) == {10: FixSafety.UNSAFE, 22: FixSafety.SAFE}
    fixed = fix(HELPER_TUPLE)
    assert "return jsonify(error=msg), 404\n" in fixed
    assert 'return jsonify(error="gone"), HTTPStatus.NOT_FOUND' in fixed


def test_the_verifier_refuses_an_enum_in_a_helpers_response_tuple() -> None:
    only_helper = HELPER_TUPLE.replace('jsonify(error="gone"), 404', 'jsonify(error="gone"), 410')
    with pytest.raises(FixError) as refused:
        _verify_all_404s(only_helper)
    assert refused.value.cause is FixFailure.UNVERIFIED and refused.value.line == 10
    _verify_all_404s(HELPER_TUPLE.replace("jsonify(error=msg), 404", "jsonify(error=msg), 400"))  # the view's


# 2. A framework name the module binds otherwise is not the framework's ---------------------------------------

REBOUND = {
    "parameter default": "def check(ok, abort=abort):\n    if not ok:\n        abort(404)\n",
    "parameter": "def p1(abort=print):\n    abort(404)\n",
    "local": "def p2():\n    abort = print\n    abort(404)\n",
    "for target": "def p3():\n    for abort in [print]:\n        abort(404)\n",
    "lambda parameter": "def p4():\n    (lambda abort: abort(404))(print)\n",
    "comprehension": "def p5():\n    return [abort(404) for abort in [print]]\n",
    "walrus": "def p6():\n    if (abort := print):\n        abort(404)\n",
    "class attribute": "class K:\n    abort = staticmethod(print)\n    abort(404)\n",
    "module def": "def abort(code):\n    print(code)\n\n\ndef show():\n    abort(404)\n",
    "global": "def p7():\n    global abort\n    abort = print\n\n\ndef p8():\n    abort(404)\n",
}


@pytest.mark.parametrize("body", REBOUND.values(), ids=REBOUND.keys())
def test_a_rebound_framework_name_gets_no_safe_enum(body: str) -> None:
    source = "from flask import abort\n\n\n" + body
    assert set(_safety(source).values()) == {FixSafety.UNSAFE}
    assert "HTTPStatus" not in fix(source)
    with pytest.raises(FixError) as refused:
        _verify_all_404s(source)
    assert refused.value.cause is FixFailure.UNVERIFIED


def test_the_framework_name_itself_is_still_a_safe_enum() -> None:
    source = "from flask import abort\n\n\ndef show(ok):\n    if not ok:\n        abort(404)\n"
    assert _safety(source) == {6: FixSafety.SAFE}
    assert "abort(HTTPStatus.NOT_FOUND)" in fix(source)
    _verify_all_404s(source)


APP_REBOUND = """from flask import Flask

app = Flask(__name__)


class Gateway:
    def errorhandler(self, code):
        print("registering", code)
        return lambda f: f


app = Gateway()


@app.errorhandler(404)
def not_found(e):
    return "nf"
"""


def test_an_app_rebound_to_another_class_gets_no_safe_enum() -> None:
    assert _safety(APP_REBOUND) == {15: FixSafety.UNSAFE}
    assert "HTTPStatus" not in fix(APP_REBOUND)
    with pytest.raises(FixError):
        _verify_all_404s(APP_REBOUND)
    kept = APP_REBOUND.replace("app = Gateway()\n", "")
    assert _safety(kept) == {14: FixSafety.SAFE}
    _verify_all_404s(kept)


def test_a_name_rebound_anywhere_holds_back_every_enum_through_it() -> None:
    # The rules read names scope-blind, so they are stricter than the verifier: `show`'s abort is held back too,
    # as an unsafe fix, and nothing is refused.
    source = "from flask import abort\n\n\ndef p1(abort=print):\n    abort(404)\n\n\ndef show():\n    abort(404)\n"
    result = outcome(source)
    assert result.text == source and result.held_back == 2 and not result.refused
    _verify_all_404s(source.replace("abort=print):\n    abort(404)", "abort=print):\n    abort(410)"))


# 3. http.server hands the code to log_request(), which handlers override --------------------------------------

HANDLER = """import http.server
import logging

log = logging.getLogger("server")


class Handler(http.server.BaseHTTPRequestHandler):
    def log_request(self, code="-", size="-"):
        log.info("%s %s -> %s", self.command, self.path, code)

    def do_GET(self):
        self.send_response(404)
        self.end_headers()

    def do_HEAD(self):
        if self.headers.get("If-None-Match") == 404:
            pass
"""


def test_send_response_reaches_an_overridable_log_request_so_its_enum_is_unsafe() -> None:
    assert _safety(HANDLER) == {12: FixSafety.UNSAFE}
    assert "send_response(404)" in fix(HANDLER)
    with pytest.raises(FixError):
        _verify_all_404s(HANDLER.replace("== 404", "== 410"))


# 4. A parameter's default feeding a converting slot is held by the parameter too ------------------------------

DEFAULT_FEEDS_ABORT = """from flask import Flask, abort

app = Flask(__name__)


def fail(msg, code=404):
    abort(code)


@app.route("/")
def index():
    abort(404)
"""


def test_a_default_that_reaches_abort_through_its_parameter_is_unsafe_and_the_direct_one_safe() -> None:
    # The rule and the verifier agree: before, the rule called the default safe and the verifier refused it.
    assert _safety(DEFAULT_FEEDS_ABORT) == {6: FixSafety.UNSAFE, 12: FixSafety.SAFE}
    result = outcome(DEFAULT_FEEDS_ABORT)
    assert not result.refused
    assert "def fail(msg, code=404):" in result.text and "abort(HTTPStatus.NOT_FOUND)" in result.text


# 5. A view that Python code also calls (second review): its caller sees the tuple as it is -------------------------

CALLED_VIEW = """from flask import Flask
from flask.views import MethodView

app = Flask(__name__)


@app.route("/a")
def a():
    return "gone", 404


@app.route("/b")
def b():
    body, code = a()
    return f"a said {code!r}"


class Item(MethodView):
    def head(self):
        return "gone", 404

    def post(self):
        return self.head()


@app.route("/c")
def c():
    return "missing", 404


class Other(MethodView):
    def get(self):
        return request.args.get("x"), 404
"""


def test_a_view_also_called_by_its_module_is_not_a_safe_enum() -> None:
    assert _safety(CALLED_VIEW) == {9: FixSafety.UNSAFE, 20: FixSafety.UNSAFE, 28: FixSafety.SAFE, 33: FixSafety.SAFE}


def test_the_verifier_refuses_an_enum_in_a_view_the_module_calls() -> None:
    with pytest.raises(FixError):
        _verify_all_404s(CALLED_VIEW)


def test_flasks_view_registry_read_by_the_module_makes_every_view_unsafe() -> None:
    source = CALLED_VIEW.replace("    body, code = a()", '    body, code = app.view_functions["c"]()')
    assert set(_safety(source).values()) == {FixSafety.UNSAFE}
