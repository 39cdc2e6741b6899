"""Issue 11, items 1a, 1c and 1d: a name a fix writes is bound, when it runs, to the real object, by an
import that cannot fail where the module imports.

Each class is tested twice: through the fixer (the speller writes something else, or the fix is held
back, while a nearby safe input is still fixed and a second run changes nothing), and by feeding the
verifier the rewrite a buggy speller would make, which it must refuse on its own.

Facts relied on, checked with real interpreters and packages (see also `fixer/bindings.py`):
no CPython 3.6 to 3.13 has `http.client.HTTPStatus`; PEP 695 defaults and decorators are evaluated
outside the type parameters' scope, annotations, bases, class bodies and methods inside (3.12.1);
fastapi's `__init__.py` does `from starlette import status as status` (wheels 0.100.0 and 0.165.0).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fixing import fix, outcome
from pyflakes.api import check as pyflakes_check  # type: ignore[import-untyped]
from pyflakes.reporter import Reporter  # type: ignore[import-untyped]

from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer.errors import FixError, FixFailure
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent
from flake8_http_status.options import Settings

PEP_695 = pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 695 syntax needs Python 3.12")

# A stand-in for Flask, so that a rewritten snippet can be imported without Flask installed.
FLASK_STUB = """
class Flask:
    def __init__(self, name):
        self.handlers = {}

    def errorhandler(self, code):
        def register(function):
            self.handlers[code] = function
            return function
        return register

    def register_error_handler(self, code, function):
        self.handlers[code] = function


def abort(code):
    raise RuntimeError(code)
"""


def imports_cleanly(source: str, tmp_path: Path) -> str:
    """Import `source` (a snippet written here, never analysed code) beside the Flask stub; its stderr."""
    (tmp_path / "flask.py").write_text(FLASK_STUB)
    (tmp_path / "snippet.py").write_text(source)
    done = subprocess.run(
        [sys.executable, "-c", "import snippet"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    return done.stderr


def pyflakes_messages(source: str) -> str:
    class Collect:
        text = ""

        def write(self, message: str) -> None:
            self.text += message

    collected = Collect()
    pyflakes_check(source, "snippet.py", Reporter(collected, collected))
    return re.sub(r":\d+:\d+:", ":", collected.text)  # the messages, wherever the fix moved their line


def edit(line: int, start: int, end: int, text: str, *imports: NewImport, unsafe: bool = False) -> Finding:
    safety = FixSafety.UNSAFE if unsafe else FixSafety.SAFE
    change = Edit(Position(line, start), Position(line, end), text)
    return Finding("HTS001", "test", change.start, change.end, Fix((change,), safety, imports))


def verify(
    original: str, rewritten: str, *findings: Finding, filename: str = "", settings: Settings | None = None
) -> None:
    tree = ast.parse(original)
    check_equivalent(original, split_lines(original), tree, rewritten, findings, filename=filename, settings=settings)


def refused(original: str, rewritten: str, *findings: Finding, **where: object) -> FixError:
    with pytest.raises(FixError) as caught:
        verify(original, rewritten, *findings, **where)  # type: ignore[arg-type]
    assert caught.value.cause is FixFailure.UNVERIFIED
    return caught.value


# -- 1a: binding order -----------------------------------------------------------------------------------

LATE_IMPORT = textwrap.dedent(
    """\
    from flask import Flask, abort

    app = Flask(__name__)


    @app.errorhandler(404)
    def missing(error):
        return "missing", 404


    from http import HTTPStatus


    def later():
        abort(HTTPStatus.FORBIDDEN)
    """
)


def test_an_import_further_down_is_not_reused_in_a_decorator(tmp_path: Path) -> None:
    fixed = fix(LATE_IMPORT)
    assert "@app.errorhandler(404)" not in fixed  # still fixed ...
    assert "@app.errorhandler(HTTPStatus." not in fixed  # ... but not with the import that has not run yet
    assert imports_cleanly(fixed, tmp_path) == ""
    assert "NameError" in imports_cleanly(LATE_IMPORT.replace("(404)", "(HTTPStatus.NOT_FOUND)"), tmp_path)
    assert "abort(HTTPStatus.FORBIDDEN)" in fixed  # the later use keeps its import


def test_an_import_above_the_decorator_is_reused(tmp_path: Path) -> None:
    source = "from http import HTTPStatus\n\n" + LATE_IMPORT.replace("\nfrom http import HTTPStatus\n", "")
    fixed = fix(source)
    assert "@app.errorhandler(HTTPStatus.NOT_FOUND)" in fixed
    assert fixed.count("import HTTPStatus") == 1 and "import http\n" not in fixed
    assert imports_cleanly(fixed, tmp_path) == ""


def test_module_level_code_before_the_import_gets_its_own_import(tmp_path: Path) -> None:
    source = (
        "from flask import Flask\n\napp = Flask(__name__)\n\n\ndef gone(error):\n    return 'gone'\n\n\n"
        "app.register_error_handler(410, gone)\n\nfrom http import HTTPStatus\n"
    )
    fixed = fix(source)
    assert "register_error_handler(410" not in fixed and "register_error_handler(HTTPStatus." not in fixed
    assert imports_cleanly(fixed, tmp_path) == ""


def test_a_function_above_a_later_import_does_not_make_a_second_copy_of_it() -> None:
    """Two copies of `from http import HTTPStatus`, the first used only in functions, is pyflakes' F811."""
    source = (
        "from flask import abort\n\n\ndef view():\n    abort(404)\n\n\n"
        "from http import HTTPStatus\n\n\ndef other():\n    abort(HTTPStatus.GONE)\n"
    )
    fixed = fix(source)
    assert "abort(404)" not in fixed
    assert pyflakes_messages(fixed) == pyflakes_messages(source)


def test_the_verifier_refuses_a_name_used_before_its_import() -> None:
    rewritten = LATE_IMPORT.replace("@app.errorhandler(404)", "@app.errorhandler(HTTPStatus.NOT_FOUND)")
    error = refused(LATE_IMPORT, rewritten, edit(6, 18, 21, "HTTPStatus.NOT_FOUND"))
    assert error.line == 6 and "not imported before" in str(error)


def test_the_verifier_accepts_an_import_added_in_the_head() -> None:
    rewritten = "import http\n\n" + LATE_IMPORT.replace("errorhandler(404)", "errorhandler(http.HTTPStatus.NOT_FOUND)")
    verify(LATE_IMPORT, rewritten, edit(6, 18, 21, "http.HTTPStatus.NOT_FOUND", NewImport("http")))


def test_the_verifier_refuses_a_function_defined_before_the_import_it_uses() -> None:
    original = "from flask import abort\n\n\ndef view():\n    abort(404)\n\n\nfrom http import HTTPStatus\n"
    rewritten = original.replace("abort(404)", "abort(HTTPStatus.NOT_FOUND)")
    assert refused(original, rewritten, edit(5, 10, 13, "HTTPStatus.NOT_FOUND")).line == 5


def test_the_verifier_refuses_an_unsafe_fix_that_would_raise_name_error() -> None:
    """Unsafe fixes may change what the program does, but not make it fail to import."""
    rewritten = LATE_IMPORT.replace("@app.errorhandler(404)", "@app.errorhandler(HTTPStatus.GONE)")
    refused(LATE_IMPORT, rewritten, edit(6, 18, 21, "HTTPStatus.GONE", unsafe=True))


def test_an_import_under_a_condition_is_not_reused() -> None:
    source = (
        "import sys\n\nfrom flask import abort\n\nif sys.version_info >= (3, 11):\n"
        "    from http import HTTPStatus\n\n\ndef view():\n    abort(404)\n"
    )
    fixed = fix(source)
    assert "abort(http.HTTPStatus.NOT_FOUND)" in fixed and fixed.startswith("import http\nimport sys\n")
    assert pyflakes_messages(fixed) == pyflakes_messages(source)  # no second copy of the import (F811)


# -- 1c: names that really exist -------------------------------------------------------------------------

HTTPLIB = (
    "import http.client as httplib\n\nfrom flask import abort\n\nHTTPStatus = None\n\n\ndef view():\n    abort(404)\n"
)


def test_http_client_is_never_written_as_holding_httpstatus() -> None:
    fixed = fix(HTTPLIB)
    assert "httplib.HTTPStatus" not in fixed
    assert "abort(http.HTTPStatus.NOT_FOUND)" in fixed and fixed.startswith("import http\n")


def test_the_verifier_refuses_a_constant_its_import_does_not_give() -> None:
    rewritten = HTTPLIB.replace("abort(404)", "abort(httplib.HTTPStatus.NOT_FOUND)")
    error = refused(HTTPLIB, rewritten, edit(9, 10, 13, "httplib.HTTPStatus.NOT_FOUND"))
    assert "does not exist" in str(error) and error.line == 9


@pytest.mark.parametrize(
    ("head", "written"),
    [
        ("import http\n", "http.HTTPStatus.NOT_FOUND"),
        ("import fastapi\n", "fastapi.status.HTTP_404_NOT_FOUND"),
        ("import rest_framework.status\n", "rest_framework.status.HTTP_404_NOT_FOUND"),
        ("from starlette.status import HTTP_404_NOT_FOUND\n", "HTTP_404_NOT_FOUND"),
    ],
)
def test_the_verifier_accepts_the_chains_that_exist(head: str, written: str) -> None:
    original = f"{head}from flask import abort\n\n\ndef view():\n    abort(404)\n"
    verify(original, original.replace("abort(404)", f"abort({written})"), edit(6, 10, 13, written))


@pytest.mark.parametrize(
    ("head", "written"),
    [
        ("import starlette\n", "starlette.status.HTTP_404_NOT_FOUND"),  # no submodule import: no attribute
        ("import http.client\n", "http.client.HTTPStatus.NOT_FOUND"),
    ],
)
def test_the_verifier_refuses_the_chains_that_do_not(head: str, written: str) -> None:
    original = f"{head}from flask import abort\n\n\ndef view():\n    abort(404)\n"
    refused(original, original.replace("abort(404)", f"abort({written})"), edit(6, 10, 13, written))


STAR = "from fastapi import HTTPException, status\n\nfrom .helpers import *\n\n\ndef view():\n    raise HTTPException(404)\n"


def test_a_star_import_after_the_import_makes_the_fix_unsafe() -> None:
    held = outcome(STAR)
    assert not held.changed and held.held_back == 1  # still reported, no longer a safe fix
    unsafe = fix(STAR, unsafe=True)
    assert "HTTPException(http_status.HTTP_404_NOT_FOUND)" in unsafe
    no_star = STAR.replace("from .helpers import *\n", "")
    assert "HTTPException(status.HTTP_404_NOT_FOUND)" in fix(no_star)


def test_the_verifier_refuses_a_safe_fix_a_star_import_may_rebind() -> None:
    rewritten = STAR.replace("HTTPException(404)", "HTTPException(status.HTTP_404_NOT_FOUND)")
    error = refused(STAR, rewritten, edit(7, 24, 27, "status.HTTP_404_NOT_FOUND"))
    assert "star import" in str(error)
    verify(STAR, rewritten, edit(7, 24, 27, "status.HTTP_404_NOT_FOUND", unsafe=True))  # a risk unsafe may take


@pytest.mark.parametrize(
    "submodule", ["from .status import helper", "from . import status as state", "from pkg.status import helper"]
)
def test_a_package_init_does_not_reuse_a_name_its_submodule_import_binds(submodule: str) -> None:
    source = f"from fastapi import HTTPException, status\n{submodule}\n\n\ndef view():\n    raise HTTPException(404)\n"
    in_package = fix(source, filename="pkg/__init__.py")
    assert "status.HTTP_404_NOT_FOUND" not in in_package.replace("http_status.", "")
    assert "HTTPException(status.HTTP_404_NOT_FOUND)" in fix(source, filename="pkg/views.py")


def test_the_verifier_refuses_a_submodule_name_in_a_package_init() -> None:
    original = "from fastapi import HTTPException, status\nfrom .status import helper\n\n\ndef view():\n    raise HTTPException(404)\n"
    rewritten = original.replace("HTTPException(404)", "HTTPException(status.HTTP_404_NOT_FOUND)")
    finding = edit(6, 24, 27, "status.HTTP_404_NOT_FOUND")
    error = refused(original, rewritten, finding, filename="src/pkg/__init__.py")
    assert "submodule" in str(error) and error.line == 6
    verify(original, rewritten, finding, filename="src/pkg/views.py")


@PEP_695
@pytest.mark.parametrize(
    "definition",
    [
        "class Store[status]:\n    def get(self):\n        raise HTTPException(404)\n",
        "def get[status](item: status) -> None:\n    raise HTTPException(404)\n",
    ],
)
def test_a_type_parameter_is_never_taken_for_the_import(definition: str) -> None:
    source = f"from fastapi import HTTPException, status\n\n\n{definition}"
    fixed = fix(source)
    assert "HTTPException(http_status.HTTP_404_NOT_FOUND)" in fixed
    rewritten = source.replace("HTTPException(404)", "HTTPException(status.HTTP_404_NOT_FOUND)")
    line = next(number for number, text in enumerate(source.splitlines(), 1) if "404" in text)
    column = source.splitlines()[line - 1].index("404")
    refused(source, rewritten, edit(line, column, column + 3, "status.HTTP_404_NOT_FOUND"))


@PEP_695
def test_a_type_alias_parameter_binds_only_in_the_alias() -> None:
    source = "from fastapi import HTTPException, status\n\ntype Pair[status] = tuple[status, int]\n\n\ndef get():\n    raise HTTPException(404)\n"
    assert "HTTPException(http_status.HTTP_404_NOT_FOUND)" in fix(source)  # the speller's count is module-wide
    rewritten = source.replace("HTTPException(404)", "HTTPException(status.HTTP_404_NOT_FOUND)")
    verify(source, rewritten, edit(7, 24, 27, "status.HTTP_404_NOT_FOUND"))  # the import, for the scopes


def test_a_global_declaration_rebinds_the_import() -> None:
    source = (
        "from fastapi import HTTPException, status\n\n\ndef reset():\n    global status\n    status = None\n\n\n"
        "def view():\n    raise HTTPException(404)\n"
    )
    assert "HTTPException(http_status.HTTP_404_NOT_FOUND)" in fix(source)
    rewritten = source.replace("HTTPException(404)", "HTTPException(status.HTTP_404_NOT_FOUND)")
    refused(source, rewritten, edit(10, 24, 27, "status.HTTP_404_NOT_FOUND"))


def test_a_class_attribute_hides_the_import_in_the_class_body_only() -> None:
    source = (
        "from fastapi import HTTPException, status\n\n\nclass View:\n    status = 'draft'\n    missing = 404\n\n"
        "    def get(self):\n        raise HTTPException(404)\n"
    )
    fixed = fix(source)
    assert "raise HTTPException(http_status.HTTP_404_NOT_FOUND)" in fixed
    in_method = source.replace("HTTPException(404)", "HTTPException(status.HTTP_404_NOT_FOUND)")
    verify(source, in_method, edit(9, 28, 31, "status.HTTP_404_NOT_FOUND"))  # methods do not see the class body
    in_body = source.replace("missing = 404", "missing = status.HTTP_404_NOT_FOUND")
    refused(source, in_body, edit(6, 14, 17, "status.HTTP_404_NOT_FOUND"))


# -- 1d: conditional imports -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "guard",
    [
        "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from fastapi import status\n",
        "import typing\n\nif typing.TYPE_CHECKING:\n    from fastapi import status\n",
        "try:\n    from fastapi import status\nexcept ImportError:\n    status = None\n",
        "try:\n    import fastapi\nexcept ModuleNotFoundError:\n    fastapi = None\n",
        "try:\n    from fastapi import HTTPException\nexcept Exception:\n    HTTPException = None\n",
    ],
)
def test_a_framework_imported_under_a_condition_does_not_choose_the_family(guard: str) -> None:
    source = f"{guard}\nfrom flask import abort\n\n\ndef view():\n    abort(404)\n"
    fixed = fix(source)
    assert "abort(HTTPStatus.NOT_FOUND)" in fixed and "from http import HTTPStatus\n" in fixed
    assert fixed.count("fastapi") == source.count("fastapi")  # nothing of fastapi imported again, unguarded


def test_a_framework_imported_unconditionally_still_chooses_the_family() -> None:
    source = "from fastapi import HTTPException\n\n\ndef view():\n    raise HTTPException(404)\n"
    fixed = fix(source)
    assert "HTTPException(status.HTTP_404_NOT_FOUND)" in fixed
    assert "from fastapi import HTTPException, status\n" in fixed


def test_a_configured_style_asserts_the_package_is_there() -> None:
    source = "try:\n    import fastapi\nexcept ImportError:\n    fastapi = None\n\nfrom flask import abort\n\n\ndef view():\n    abort(404)\n"
    fixed = fix(source, "--http-status-style=fastapi")
    assert "abort(status.HTTP_404_NOT_FOUND)" in fixed and "from fastapi import status\n" in fixed


CONDITIONAL = "try:\n    import fastapi\nexcept ImportError:\n    fastapi = None\n\nfrom flask import abort\n\n\ndef view():\n    abort(404)\n"


def test_the_verifier_refuses_an_added_import_that_may_fail() -> None:
    rewritten = "from fastapi import status\n" + CONDITIONAL.replace("abort(404)", "abort(status.HTTP_404_NOT_FOUND)")
    finding = edit(10, 10, 13, "status.HTTP_404_NOT_FOUND", NewImport("fastapi", "status"))
    error = refused(CONDITIONAL, rewritten, finding)
    assert "conditionally" in str(error) and error.line == 10
    verify(CONDITIONAL, rewritten, finding, settings=Settings(style="fastapi"))  # the user says it is there
    with_http = "from http import HTTPStatus\n" + CONDITIONAL.replace("abort(404)", "abort(HTTPStatus.NOT_FOUND)")
    verify(CONDITIONAL, with_http, edit(10, 10, 13, "HTTPStatus.NOT_FOUND", NewImport("http", "HTTPStatus")))
