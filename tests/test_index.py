"""The project index: statuses, handlers and exception classes defined in other modules of the project."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest
from test_index_stamps import rewritten

from flake8_http_status import stamps
from flake8_http_status.api.rows import Api, Role, Slot
from flake8_http_status.engine import analyse
from flake8_http_status.index import project_index, session
from flake8_http_status.index.layout import Layout, module_of
from flake8_http_status.index.roots import root_of
from flake8_http_status.index.summary import ClassFacts, ModuleSummary, from_json, to_json
from flake8_http_status.options import Settings
from flake8_http_status.stamps import read_stamped


def write(root: Path, files: Mapping[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def lines_found(path: Path, *, index: bool = True, every_rule: bool = False) -> list[tuple[int, str]]:
    """(line, code) of the findings in `path`, analysed through its real path as flake8 would; `every_rule`: the
    HTS9xx rules that are off by default too."""
    session.forget()
    source = path.read_text(encoding="utf-8")
    settings = Settings(target_python=(3, 10), starlette_renamed=False, project_index=index)
    shown = (lambda code: True) if every_rule else None
    findings = analyse(ast.parse(source), source.splitlines(keepends=True), str(path), settings, shown)
    return [(finding.start.line, finding.code) for finding in findings]


FLASK_SHOP = {
    "pyproject.toml": '[project]\nname = "shop"\n',
    "src/shop/__init__.py": (
        "from flask import Blueprint\n"
        "from .errors import ApiError, fail\n"
        "__all__ = ['ApiError', 'fail', 'bp']\n"
        "bp = Blueprint('shop', __name__)\n"
    ),
    "src/shop/errors.py": (
        "from flask import abort, jsonify\n"
        "from werkzeug.exceptions import HTTPException\n\n\n"
        "class OrderError(HTTPException):\n"
        "    def __init__(self, message, status):\n"
        "        super().__init__(message)\n"
        "        self.code = status\n\n\n"
        "class ApiError(Exception):\n"
        "    def __init__(self, message, code):\n"
        "        super().__init__(message)\n"
        "        self.message = message\n"
        "        self.code = code\n\n\n"
        "def handle_api_error(error):\n"
        "    return jsonify(message=error.message), error.code\n\n\n"
        "def init_app(app):\n"
        "    app.register_error_handler(ApiError, handle_api_error)\n\n\n"
        "def fail(message, status):\n"
        "    abort(status, message)\n\n\n"
        "def shout(message, status):\n"
        "    print('failing with', status)\n"
        "    abort(status, message)\n"
    ),
    "src/shop/views.py": (
        "from . import bp, fail\n"
        "from .errors import shout\n"
        "from shop import errors\n\n\n"
        "@bp.route('/orders/<int:order_id>')\n"
        "def show(order_id):\n"
        "    if order_id == 0:\n"
        "        fail('gone', 410)\n"  # line 9
        "    if order_id == 1:\n"
        "        errors.fail('conflict', 409)\n"  # line 10
        "    if order_id == 2:\n"
        "        shout('logged', 400)\n"  # line 12: the helper also prints the value
        "    return {'id': order_id}, 201\n"  # line 13: a view of a blueprint made in __init__.py
    ),
}
SHOP_FOUND = [(9, "HTS001"), (11, "HTS001"), (14, "HTS001")]


def test_helpers_re_exports_and_app_objects_of_other_modules(tmp_path: Path) -> None:
    write(tmp_path, FLASK_SHOP)
    views = tmp_path / "src/shop/views.py"
    assert lines_found(views) == SHOP_FOUND
    assert lines_found(views, index=False) == []


TORNADO = {
    "setup.py": "",
    "chat/__init__.py": "",
    "chat/base.py": (
        "from tornado.web import RequestHandler\n\n\n"
        "class BaseHandler(RequestHandler):\n"
        "    def error(self, status, reason):\n"
        "        self.set_status(status)\n"
        "        self.finish({'reason': reason})\n"
    ),
    "chat/middle.py": "from .base import BaseHandler\n\n\nclass ApiHandler(BaseHandler):\n    pass\n",
    "chat/rooms.py": (
        "from chat.middle import ApiHandler\n\n\n"
        "class RoomHandler(ApiHandler):\n"
        "    def get(self):\n"
        "        self.error(403, 'no')\n"  # line 6
        "        self.set_status(202)\n"  # line 7
    ),
}


def test_methods_and_framework_bases_through_two_modules(tmp_path: Path) -> None:
    write(tmp_path, TORNADO)
    assert lines_found(tmp_path / "chat/rooms.py") == [(6, "HTS001"), (7, "HTS001")]


def test_a_subclass_that_overrides_the_helper_is_not_followed(tmp_path: Path) -> None:
    files = dict(TORNADO)
    files["chat/middle.py"] += "    def error(self, status, reason):\n        print(status, reason)\n"
    write(tmp_path, files)
    assert lines_found(tmp_path / "chat/rooms.py") == [(7, "HTS001")]


def test_an_exception_class_of_another_module_and_its_subclasses(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            **FLASK_SHOP,
            "src/shop/orders.py": (
                "from .errors import ApiError\n\n\n"
                "class Gone(ApiError):\n"
                "    def __init__(self, message):\n"
                "        super().__init__(message, 410)\n\n\n"  # line 6
                "def check(order):\n"
                "    if order is None:\n"
                "        raise ApiError('no such order', 404)\n"  # line 11
            ),
        },
    )
    assert lines_found(tmp_path / "src/shop/orders.py") == [(6, "HTS001"), (11, "HTS001")]


def test_a_cycle_between_modules_stays_silent_and_does_not_depend_on_order(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "app/__init__.py": "",
            "app/a.py": "from flask import abort\nfrom .b import relay\n\n\ndef fail(status):\n    relay(status)\n",
            "app/b.py": "from flask import abort\nfrom .a import fail\n\n\ndef relay(status):\n    fail(status)\n",
            "app/c.py": "from .a import fail\nfrom .b import relay\n\n\ndef view():\n    fail(404)\n    relay(410)\n",
        },
    )
    first = lines_found(tmp_path / "app/c.py")
    assert first == []  # neither helper ever reaches a slot
    session.forget()
    assert lines_found(tmp_path / "app/b.py") == lines_found(tmp_path / "app/a.py") == []


# pricing.py and discounts.py import each other; coupon_error reaches `abort` only through pricing.price_error, across
# the cycle, so the call on line 10 must stay silent however the cache was filled.
PRICING_CYCLE = {
    "pyproject.toml": "",
    "app/__init__.py": "",
    "app/pricing.py": (
        "from flask import abort\n"
        "from . import discounts\n\n\n"
        "def price_error(status):\n"
        "    abort(status)\n\n\n"
        "def price_of(product):\n"
        "    discounts.coupon_error(422)\n"  # line 10
        "    return product\n"
    ),
    "app/discounts.py": "from . import pricing\n\n\ndef coupon_error(status):\n    pricing.price_error(status)\n",
}


def _forget_entry(module: str) -> None:
    """Remove `module`'s entry from the disk cache of the one index the session holds, and the session's memory."""
    (index,) = session._INDEXES.values()
    assert index.cache is not None
    index.cache._path(module).unlink()
    session.forget()


@pytest.mark.parametrize("first", ["pricing", "discounts"])
@pytest.mark.parametrize("dropped", ["app.pricing", "app.discounts"])
def test_a_cycle_stays_silent_when_the_cache_holds_one_of_its_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str, dropped: str
) -> None:
    """The cache may hold one module of a cycle and not the other: another process wrote it, or is writing the
    other's entry now. The module summarised again must get no fact from its partner, as when both were summarised
    in one process, so that concurrent runs with a fresh cache agree."""
    write(tmp_path, PRICING_CYCLE)
    pricing = tmp_path / "app/pricing.py"
    monkeypatch.setenv("HTTP_STATUS_NO_CACHE", "1")
    uncached = lines_found(pricing)
    assert (10, "HTS001") not in uncached
    monkeypatch.delenv("HTTP_STATUS_NO_CACHE")
    monkeypatch.setenv("HTTP_STATUS_CACHE_DIR", str(tmp_path / "cache"))  # this test's own, empty
    lines_found(tmp_path / f"app/{first}.py")  # fills the cache, from the cycle's other end or this one
    _forget_entry(dropped)
    assert lines_found(pricing) == uncached
    assert lines_found(tmp_path / "app/discounts.py") == []


# a.py and b.py import each other; each reads the other's constant (a shallow fact, which crosses a cycle) and relays
# a status to the other's helper (a full one, which does not).
CONSTANTS_CYCLE = {
    "pyproject.toml": "",
    "app/__init__.py": "",
    "app/a.py": (
        "from flask import abort\nfrom . import b\n\nDENIED = 403\n\n\ndef relay_a(status):\n    b.relay_b(status)\n\n\n"
        "def require_a():\n    abort(b.GONE)\n"
    ),
    "app/b.py": (
        "from flask import abort\nfrom . import a\n\nGONE = 404\n\n\ndef relay_b(status):\n    a.relay_a(status)\n\n\n"
        "def require_b():\n    abort(a.DENIED)\n"
    ),
    "app/views.py": (
        "from flask import Flask\nfrom .a import require_a\nfrom .b import require_b\n\napp = Flask(__name__)\n\n\n"
        "@app.route('/x')\ndef x():\n    try:\n        require_a()\n        require_b()\n"
        "    except Exception:\n        return 'error', 500\n    return 'ok'\n"
    ),
}


def test_a_module_of_a_cycle_summarised_alone_still_gets_its_partners_constants(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a summary keeps from a cycle withholds only the partner's full summary: a constant, read from a shallow
    one, is still given, as without a cache (an edit of b.py, or its entry lost, must not lose the HTS921)."""
    write(tmp_path, CONSTANTS_CYCLE)
    views = tmp_path / "app/views.py"
    monkeypatch.setenv("HTTP_STATUS_NO_CACHE", "1")
    uncached = lines_found(views, every_rule=True)
    assert (12, "HTS921") in uncached
    monkeypatch.delenv("HTTP_STATUS_NO_CACHE")
    monkeypatch.setenv("HTTP_STATUS_CACHE_DIR", str(tmp_path / "cache"))
    assert lines_found(views, every_rule=True) == uncached  # fills the cache
    _forget_entry("app.b")
    assert lines_found(views, every_rule=True) == uncached


def test_dynamic_imports_third_party_names_and_missing_modules_stay_silent(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "app/__init__.py": "",
            "app/views.py": (
                "import importlib\n"
                "from requests import post\n"
                "from .missing import fail\n"
                "from .helpers import nothing\n\n\n"
                "def view():\n"
                "    errors = importlib.import_module('app.errors')\n"
                "    errors.fail(404)\n"
                "    fail(404)\n"
                "    nothing(404)\n"
                "    post('x', 404)\n"
            ),
            "app/helpers.py": "def something(status):\n    return status\n",
            "app/errors.py": "from flask import abort\n\n\ndef fail(status):\n    abort(status)\n",
        },
    )
    assert lines_found(tmp_path / "app/views.py") == []


def test_star_imports_follow_all(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "app/__init__.py": "from .errors import *\n",
            "app/errors.py": (
                "from flask import abort\n__all__ = ['fail']\n\n\n"
                "def fail(status):\n    abort(status)\n\n\n"
                "def hidden(status):\n    abort(status)\n"
            ),
            "app/views.py": "from app import fail, hidden\n\n\ndef view():\n    fail(404)\n    hidden(410)\n",
        },
    )
    assert lines_found(tmp_path / "app/views.py") == [(5, "HTS001")]


def test_layout_src_namespace_and_relative_names(tmp_path: Path) -> None:
    files = {"pyproject.toml": "", "src/pkg/__init__.py": "", "src/pkg/sub/__init__.py": "", "tools/x.py": ""}
    write(tmp_path, {**files, "src/pkg/sub/setup.py": ""})  # a module named setup.py does not make a root
    root = root_of(tmp_path / "src/pkg/sub")
    assert root == tmp_path
    layout = Layout(tmp_path)
    sub = module_of(tmp_path / "src/pkg/sub/__init__.py", tmp_path)
    assert sub is not None and (sub.name, sub.package) == ("pkg.sub", True)
    assert layout.relative(sub, 1, "errors") == "pkg.sub.errors"
    assert layout.relative(sub, 2, "") == "pkg"
    assert layout.relative(sub, 3, "x") is None  # above the top-level package
    tool = module_of(tmp_path / "tools/x.py", tmp_path)
    assert tool is not None and tool.name == "tools.x"
    assert layout.find("pkg.sub") is not None and layout.find("tools.x") is not None
    assert layout.find("flask") is None


def test_a_summary_survives_json_and_refuses_anything_else() -> None:
    summary = ModuleSummary({}, {}, {"bp": "flask.Blueprint"}, {"fail": "pkg.errors.fail"}, names=frozenset({"bp"}))
    assert from_json(to_json(summary)) == summary
    broken = to_json(summary)
    broken["objects"] = {"bp": 3}
    assert from_json(broken) is None
    assert from_json({"rows": []}) is None


def test_classes_survive_json_and_a_malformed_class_refuses_the_summary() -> None:
    sent = Api("flask", "flask.abort", Role.RAISE, (Slot(0, "code"),))
    classes = {
        "ApiError": ClassFacts(("builtins.Exception",), frozenset({"code", "__init__"}), {"code": sent}),
        "Gone": ClassFacts((None, "pkg.errors.ApiError"), frozenset(), {}, decorated=True),
    }
    summary = ModuleSummary({}, classes, {}, {}, names=frozenset(classes))
    read = from_json(to_json(summary))
    assert read == summary
    assert read is not None and read.classes.get("Gone") == classes["Gone"] and read.classes.get("Other") is None
    for field, column in [("names", ["ApiError"]), ("defines", [["x"], [3]]), ("decorated", [False, "no"])]:
        broken = to_json(summary)
        broken["classes"][field] = column  # a column one short, or holding a value of the wrong type
        assert from_json(broken) is None, field
    broken = to_json(summary)
    broken["classes"]["carried"][0]["code"] = {"framework": "flask"}  # not a row
    assert from_json(broken) is None


# The disk cache, seen from the findings -----------------------------------------------------------------


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose cache is in its own folder (the tests' default puts every cache in one place)."""
    monkeypatch.delenv("HTTP_STATUS_CACHE_DIR", raising=False)
    monkeypatch.setenv("HTTP_STATUS_KEY_DIR", str(tmp_path / "key"))
    project = tmp_path / "project"
    write(project, FLASK_SHOP)
    return project


def test_a_changed_dependency_invalidates_the_summaries_that_used_it(cached: Path) -> None:
    views = cached / "src/shop/views.py"
    assert lines_found(views) == SHOP_FOUND
    assert any((cached / ".http-status-cache").rglob("*.json"))
    errors = cached / "src/shop/errors.py"
    errors.write_text(
        errors.read_text().replace("    abort(status, message)\n\n\ndef shout", "    log(status)\n\n\ndef shout")
    )
    assert lines_found(views) == [(14, "HTS001")]  # `fail` now hands the value to an unknown callable


def test_a_corrupt_or_foreign_cache_is_rebuilt_and_never_changes_a_finding(cached: Path) -> None:
    views = cached / "src/shop/views.py"
    expected = lines_found(views)
    for entry in (cached / ".http-status-cache").rglob("*.json"):
        entry.write_text('{"body": {"summary": {"rows": {}}}, "mac": "0"}')
    assert lines_found(views) == expected
    for entry in (cached / ".http-status-cache").rglob("*.json"):
        entry.write_bytes(os.urandom(64))
    assert lines_found(views) == expected


# File stamps (`stamps.py`): a warm run takes the digests of settled files from the cache, and only then


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the index reads from now on, by name."""
    read: list[str] = []

    def counted(path: str) -> tuple[bytes, stamps.Stamp | None]:
        read.append(Path(path).name)
        return read_stamped(path)

    monkeypatch.setattr(project_index, "read_stamped", counted)
    return read


def test_a_warm_run_reads_no_settled_file(cached: Path, settled_now: None, monkeypatch: pytest.MonkeyPatch) -> None:
    views = cached / "src/shop/views.py"
    assert lines_found(views) == SHOP_FOUND
    read = _reads(monkeypatch)
    assert lines_found(views) == SHOP_FOUND
    assert read == []


def test_without_settled_files_a_warm_run_reads_them(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    views = cached / "src/shop/views.py"
    assert lines_found(views) == SHOP_FOUND
    read = _reads(monkeypatch)
    assert lines_found(views) == SHOP_FOUND
    assert sorted(set(read)) == ["__init__.py", "errors.py"]


def test_an_edit_that_keeps_size_and_modification_time_is_seen(
    cached: Path, settled_now: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    views = cached / "src/shop/views.py"
    assert lines_found(views) == SHOP_FOUND
    # `fail` no longer aborts: its status goes to `print`, written with as many characters as `abort`
    rewritten(
        cached / "src/shop/errors.py",
        "    abort(status, message)\n\n\ndef shout",
        "    print(status, message)\n\n\ndef shout",
    )
    read = _reads(monkeypatch)
    assert lines_found(views) == [(14, "HTS001")]
    assert "errors.py" in read


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_a_read_only_project_is_analysed_without_a_cache(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (cached / "blocker").write_text("")
    monkeypatch.setenv("HTTP_STATUS_CACHE_DIR", str(cached / "blocker" / "cache"))  # a folder under a file
    assert lines_found(cached / "src/shop/views.py") == SHOP_FOUND
    assert not (cached / ".http-status-cache").exists()


def test_flake8_workers_in_parallel_agree_with_one_process(cached: Path) -> None:
    for number in range(12):  # enough files for flake8 to start workers
        (cached / f"src/shop/view{number}.py").write_text(FLASK_SHOP["src/shop/views.py"])
    command = [sys.executable, "-m", "flake8", "--select=HTS", "--format=%(path)s:%(row)d:%(code)s", "src"]
    env = {key: value for key, value in os.environ.items() if key != "HTTP_STATUS_CACHE_DIR"}
    outputs = [
        subprocess.run([*command, "-j", jobs], check=False, cwd=cached, capture_output=True, text=True, env=env).stdout
        for jobs in ("1", "4", "4")
    ]
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count("HTS001") == 13 * 3


def test_a_test_base_class_of_another_module_takes_expected_statuses(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "tests/__init__.py": "",
            "tests/base.py": (
                "import unittest\n\n\n"
                "class ApiTestCase(unittest.TestCase):\n"
                "    def get(self, client, path, code=200):\n"
                "        response = client.get(path)\n"
                "        self.assertEqual(response.status_code, code)\n"
                "        return response\n"
            ),
            "tests/test_orders.py": (
                "from tests.base import ApiTestCase\n\n\n"
                "class OrderTests(ApiTestCase):\n"
                "    def test_missing(self):\n"
                "        self.get(self.client, '/orders/0', 404)\n\n"  # line 6
                "    def test_created(self):\n"
                "        self.get(self.client, '/orders', code=201)\n"  # line 9
            ),
        },
    )
    assert lines_found(tmp_path / "tests/test_orders.py") == [(6, "HTS002"), (9, "HTS002")]
    assert lines_found(tmp_path / "tests/test_orders.py", index=False) == []


def test_an_error_handler_registered_inside_an_app_factory_makes_its_attribute_a_status(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "app/__init__.py": "",
            "app/errors.py": (
                "from flask import jsonify\n\n\n"
                "class ApiError(Exception):\n"
                "    code = 400\n\n"  # line 5
                "    def __init__(self, message, code=None):\n"
                "        super().__init__(message)\n"
                "        self.message = message\n"
                "        if code is not None:\n"
                "            self.code = code\n\n\n"
                "def register_error_handlers(app):\n"
                "    @app.errorhandler(ApiError)\n"
                "    def handle(error):\n"
                "        return jsonify(message=error.message), error.code\n"
            ),
            "app/views.py": (
                "from .errors import ApiError\n\n\n"
                "class Gone(ApiError):\n"
                "    code = 410\n\n\n"  # line 5
                "def view():\n"
                "    raise ApiError('conflict', 409)\n"  # line 9
            ),
        },
    )
    assert lines_found(tmp_path / "app/errors.py") == [(5, "HTS001")]
    assert lines_found(tmp_path / "app/views.py") == [(5, "HTS001"), (9, "HTS001")]
    assert lines_found(tmp_path / "app/views.py", index=False) == []


def test_two_script_folders_with_a_module_of_the_same_name_do_not_share_its_summary(tmp_path: Path) -> None:
    helper = "from flask import abort\n\n\ndef fail(status):\n    abort(status)\n"
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "a/utils.py": helper,
            "a/run.py": "from utils import fail\n\n\ndef main():\n    fail(404)\n",
            "b/utils.py": helper.replace("abort(status)", "print(status)"),
            "b/run.py": "from utils import fail\n\n\ndef main():\n    fail(404)\n",
        },
    )
    session.forget()
    settings = Settings(target_python=(3, 10), starlette_renamed=False)
    found = []
    for folder in ("a", "b"):  # one process, as flake8 checks both
        path = tmp_path / folder / "run.py"
        source = path.read_text()
        findings = analyse(ast.parse(source), source.splitlines(keepends=True), str(path), settings)
        found.append([(finding.start.line, finding.code) for finding in findings])
    assert found == [[(5, "HTS001")], []]
