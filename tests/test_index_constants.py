"""Status constants that another module of the project defines (`HTTP_STATUS_CODE_BAD_REQUEST = 400`).

A name bound once, at a module's top level (or in a plain holder class's body), to a status literal or a status
constant is a constant: a slot that reads it through an import sends that status, spelled as a constant (no HTS001),
and the HTS9xx rules judge it. A name the module may bind otherwise, a number that is no status, a name the index
cannot reach and the index switched off stay silent.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_index import lines_found, write

from flake8_http_status.index.summary import ModuleSummary, from_json, summarise, to_json

VIEW = (
    "import json\n"
    "from flask import Flask, abort, request\n"
    "{imports}\n\n"
    "app = Flask(__name__)\n\n\n"
    "@app.post('/items')\n"
    "def create_item():\n"
    "    try:\n"
    "        payload = json.loads(request.data)\n"
    "    except json.JSONDecodeError:\n"
    "        abort({status})\n"  # line 13
    "    return payload\n"
)
ABORT_LINE = 13


def project(tmp_path: Path, codes: str, imports: str, status: str, init: str = "") -> Path:
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "shop/__init__.py": init,
            "shop/codes.py": codes,
            "shop/views.py": VIEW.format(imports=imports, status=status),
        },
    )
    return tmp_path / "shop/views.py"


@pytest.mark.parametrize(
    ("imports", "status"),
    [
        ("from shop.codes import SERVER_ERROR", "SERVER_ERROR"),
        ("from .codes import SERVER_ERROR as FAILED", "FAILED"),
        ("import shop.codes as codes", "codes.SERVER_ERROR"),
        ("from shop import codes", "codes.SERVER_ERROR"),
        ("import shop.codes", "shop.codes.SERVER_ERROR"),
        ("from shop.codes import Codes", "Codes.SERVER_ERROR"),
    ],
)
def test_a_constant_of_another_module_is_a_status_the_choice_rules_judge(
    tmp_path: Path, imports: str, status: str
) -> None:
    codes = "SERVER_ERROR = 500\n\n\nclass Codes:\n    SERVER_ERROR = 500\n"
    views = project(tmp_path, codes, imports, status)
    assert lines_found(views) == [(ABORT_LINE, "HTS909")]  # and no HTS001: the name is a constant already
    assert lines_found(views, index=False) == []
    assert lines_found(tmp_path / "shop/codes.py") == []


def test_a_constant_re_exported_by_the_package_and_one_defined_by_a_library_constant(tmp_path: Path) -> None:
    codes = "from http import HTTPStatus\n\nSERVER_ERROR = HTTPStatus.INTERNAL_SERVER_ERROR\n"
    init = "from .codes import SERVER_ERROR\n"
    views = project(tmp_path, codes, "from shop import SERVER_ERROR", "SERVER_ERROR", init)
    assert lines_found(views) == [(ABORT_LINE, "HTS909")]


CHOICES = (
    "from http import HTTPStatus\n"
    "from flask import Flask, jsonify, redirect\n"
    "{imports}\n\n"
    "app = Flask(__name__)\n\n\n"
    "@app.get('/items')\n"
    "def items():\n"
    "    return jsonify([]), {created}\n\n\n"  # line 10
    "@app.get('/broken')\n"
    "def broken():\n"
    "    return jsonify(error='nope'), {ok}\n\n\n"  # line 15
    "@app.post('/login')\n"
    "def login():\n"
    "    return redirect('/', {moved})\n"  # line 20
)


def test_a_project_constant_gets_the_findings_its_library_constant_gets(tmp_path: Path) -> None:
    library = {"created": "HTTPStatus.CREATED", "ok": "HTTPStatus.OK", "moved": "HTTPStatus.MOVED_PERMANENTLY"}
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "shop/__init__.py": "",
            "shop/codes.py": "CREATED = 201\nOK = 200\nMOVED = 301\n",
            "shop/library.py": CHOICES.format(imports="", **library),
            "shop/views.py": CHOICES.format(
                imports="from .codes import CREATED, MOVED, OK", created="CREATED", ok="OK", moved="MOVED"
            ),
        },
    )
    expected = lines_found(tmp_path / "shop/library.py")
    assert {line for line, _ in expected} == {10, 15, 20}
    assert lines_found(tmp_path / "shop/views.py") == expected
    assert lines_found(tmp_path / "shop/views.py", index=False) == []


@pytest.mark.parametrize(
    "codes",
    [
        "SERVER_ERROR = 500\nSERVER_ERROR += 0\n",  # rebound
        "import os\nif os.environ.get('X'):\n    SERVER_ERROR = 500\nelse:\n    SERVER_ERROR = 400\n",
        "try:\n    SERVER_ERROR = 500\nexcept ImportError:\n    pass\n",  # bound only on one way through
        "SERVER_ERROR = 500\n\n\ndef configure():\n    global SERVER_ERROR\n    SERVER_ERROR = 400\n",
        "SERVER_ERROR = 5000\n",  # not a status
        "SERVER_ERROR = True\n",
        "SERVER_ERROR = '500'\n",
        "SERVER_ERROR, OTHER = 500, 400\n",
        "from .other import SERVER_ERROR\n",  # a module that does not exist
    ],
)
def test_a_name_the_module_may_bind_otherwise_or_to_no_status_stays_silent(tmp_path: Path, codes: str) -> None:
    for imports, status in (
        ("from shop.codes import SERVER_ERROR", "SERVER_ERROR"),
        ("import shop.codes", "shop.codes.SERVER_ERROR"),
        ("from shop.codes import Codes", "Codes.SERVER_ERROR"),
    ):
        views = project(tmp_path, codes, imports, status)
        assert lines_found(views) == [], (codes, imports)


@pytest.mark.parametrize(
    "codes",
    [
        "class Codes(Base):\n    SERVER_ERROR = 500\n",  # a base may be anything
        "@register\nclass Codes:\n    SERVER_ERROR = 500\n",  # a decorator may replace the class
        "class Codes:\n    SERVER_ERROR = 500\n    SERVER_ERROR = 400\n",
        "class Codes:\n    if DEBUG:\n        SERVER_ERROR = 500\n",
        "class Codes:\n    SERVER_ERROR = 500\n\n\nCodes.SERVER_ERROR = 400\n",
    ],
)
def test_a_holder_class_that_may_not_hold_the_value_stays_silent(tmp_path: Path, codes: str) -> None:
    views = project(tmp_path, codes, "from shop.codes import Codes", "Codes.SERVER_ERROR")
    assert lines_found(views) == []


def test_a_local_name_that_shadows_the_import_and_a_re_export_cycle_stay_silent(tmp_path: Path) -> None:
    view = VIEW.replace("def create_item():", "def create_item(SERVER_ERROR=400):")
    write(
        tmp_path,
        {
            "pyproject.toml": "",
            "shop/__init__.py": "from .b import LOOP\n",
            "shop/b.py": "from shop import LOOP\n",
            "shop/codes.py": "SERVER_ERROR = 500\n",
            "shop/views.py": view.format(imports="from shop.codes import SERVER_ERROR", status="SERVER_ERROR"),
            "shop/loop.py": VIEW.format(imports="from shop import LOOP", status="LOOP"),
        },
    )
    assert all(code != "HTS909" for _, code in lines_found(tmp_path / "shop/views.py"))
    assert lines_found(tmp_path / "shop/loop.py") == []


def test_the_summary_records_constants_and_they_survive_json() -> None:
    import ast

    from flake8_http_status.analysis.imports import collect_imports

    source = (
        "from http import HTTPStatus\n"
        "from rest_framework import status\n"
        "BAD = 400\nTEAPOT: int = 418\nGONE = HTTPStatus.GONE\nNOPE = status.HTTP_403_FORBIDDEN\n"
        "RETRIES = 3\nTWICE = 401\nTWICE = 401\n"
        "class Codes:\n    MISSING = 404\n    label = 'x'\n"
    )
    tree = ast.parse(source)
    summary = summarise("shop.codes", tree, collect_imports(tree), None, None, full=False)
    assert summary.constants == {
        "BAD": 400,
        "TEAPOT": 418,
        "GONE": 410,
        "NOPE": 403,
        "Codes.MISSING": 404,
    }
    assert from_json(to_json(summary)) == summary
    broken = to_json(summary)
    broken["constants"] = {"BAD": "400"}
    assert from_json(broken) is None
    assert ModuleSummary({}, {}, {}, {}).constants == {}


REDIRECT = (
    "from http import HTTPStatus\n"
    "from flask import Flask, redirect\n"
    "{imports}\n\n"
    "app = Flask(__name__)\n\n\n"
    "@app.post('/login')\n"
    "def login():\n"
    "    return redirect('/', {moved})\n"
)


def test_no_fix_rewrites_a_project_constant(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flake8_http_status.cli import main
    from flake8_http_status.index import session

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    views = project(tmp_path, "MOVED = 301\n", "", "")
    views.write_text(REDIRECT.format(imports="from .codes import MOVED", moved="MOVED"))
    twin = tmp_path / "shop/twin.py"
    twin.write_text(REDIRECT.format(imports="", moved="HTTPStatus.MOVED_PERMANENTLY"))
    before = views.read_text()
    assert [code for _, code in lines_found(views)] == ["HTS908"]
    session.forget()
    main(["fix", "--unsafe-fixes", "--isolated", "-q", "shop"])
    assert views.read_text() == before
    assert "HTTPStatus.SEE_OTHER" in twin.read_text()  # the same finding on a library constant is fixed
