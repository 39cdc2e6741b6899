"""HTS903 on a 401 that a project exception class carries to the project's error handler: reported once, where
the 401 is written (class body, `super().__init__`, a constructor call), in the module and through the index."""

from __future__ import annotations

from pathlib import Path

from conftest import codes
from test_index import lines_found, write

ERRORS = (
    "from flask import jsonify\n\n\n"
    "class ApiError(Exception):\n"
    "    status_code = 400\n\n"
    "    def __init__(self, message, status_code=None):\n"
    "        super().__init__(message)\n"
    "        self.message = message\n"
    "        if status_code is not None:\n"
    "            self.status_code = status_code\n\n\n"
    "class Unauthorized(ApiError):\n"
    "    status_code = 401\n\n\n"  # line 15
    "def handle_api_error(error):\n"
    "    return jsonify(message=error.message), error.status_code\n\n\n"
    "def init_app(app):\n"
    "    app.register_error_handler(ApiError, handle_api_error)\n"
)

PROJECT = {
    "pyproject.toml": '[project]\nname = "shop"\n',
    "src/shop/__init__.py": "",
    "src/shop/errors.py": ERRORS,
    "src/shop/auth_errors.py": (
        "from .errors import ApiError\n\n\n"
        "class TokenExpired(ApiError):\n"
        "    status_code = 401\n\n\n"  # line 5
        "class Banned(ApiError):\n"
        "    status_code = 403\n"
    ),
    "src/shop/views.py": (
        "from flask import Blueprint\n\n"
        "from .auth_errors import TokenExpired\n"
        "from .errors import ApiError, Unauthorized\n\n"
        "bp = Blueprint('shop', __name__)\n\n\n"
        "@bp.get('/me')\n"
        "def me():\n"
        "    raise Unauthorized('log in')\n\n\n"  # line 11: the class carries it, no status here
        "@bp.get('/token')\n"
        "def token():\n"
        "    raise TokenExpired('again')\n\n\n"
        "@bp.get('/other')\n"
        "def other():\n"
        "    raise ApiError('log in', 401)\n"  # line 21
    ),
}


def _only(found: list[tuple[int, str]], code: str = "HTS903") -> list[int]:
    return [line for line, found_code in found if found_code == code]


def test_reported_where_the_class_writes_the_401_and_not_where_it_is_raised(tmp_path: Path) -> None:
    write(tmp_path, PROJECT)
    assert _only(lines_found(tmp_path / "src/shop/errors.py")) == [15]
    assert _only(lines_found(tmp_path / "src/shop/auth_errors.py")) == [5]
    assert _only(lines_found(tmp_path / "src/shop/views.py")) == [21]


def test_without_the_index_only_the_module_of_the_handler_is_reported(tmp_path: Path) -> None:
    write(tmp_path, PROJECT)
    assert _only(lines_found(tmp_path / "src/shop/errors.py", index=False)) == [15]
    assert _only(lines_found(tmp_path / "src/shop/auth_errors.py", index=False)) == []
    assert _only(lines_found(tmp_path / "src/shop/views.py", index=False)) == []


def test_a_handler_module_that_names_the_header_silences_the_whole_chain(tmp_path: Path) -> None:
    files = dict(PROJECT)
    files["src/shop/errors.py"] = ERRORS.replace(
        "error.status_code\n", "error.status_code, {'WWW-Authenticate': 'Bearer'}\n"
    )
    write(tmp_path, files)
    for module in ("errors", "auth_errors", "views"):
        assert _only(lines_found(tmp_path / f"src/shop/{module}.py")) == [], module


SAME_MODULE = """from flask import Flask, jsonify

app = Flask(__name__)


class ApiError(Exception):
    def __init__(self, message, status_code):
        super().__init__(message)
        self.message = message
        self.status_code = status_code


class Unauthorized(ApiError):
    def __init__(self, message="log in"):
        super().__init__(message, 401)


@app.errorhandler(ApiError)
def handle(error):
    return jsonify(message=error.message), error.status_code{headers}


@app.get("/me")
def me():
    raise Unauthorized()
"""


def test_a_401_handed_to_super_in_the_module_of_the_handler() -> None:
    assert codes(SAME_MODULE.format(headers="")).count("HTS903") == 1
    assert "HTS903" not in codes(SAME_MODULE.format(headers=", {'WWW-Authenticate': 'Basic'}"))


def test_a_class_no_handler_sends_is_not_reported() -> None:
    source = "class Unauthorized(Exception):\n    status_code = 401\n"
    assert "HTS903" not in codes(source)
