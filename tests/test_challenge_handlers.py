"""HTS903 and an app-wide error handler in another module that adds `WWW-Authenticate` to every 401.

Flask sends `abort(401)` through the handler registered for 401 or for all HTTP errors, wherever that handler is
registered; FastAPI and Starlette do the same for a raised `HTTPException`. A response the view returns itself
goes out as it is, so it stays reported, and so does everything with the project index switched off.
"""

from __future__ import annotations

import ast
from pathlib import Path

from test_index import lines_found, write

from flake8_http_status.index.challenges import module_challenges

FLASK_HANDLER = (
    "from flask import render_template\n"
    "from werkzeug.exceptions import default_exceptions\n\n"
    "from . import app\n\n\n"
    "def error_http(error):\n"
    "    headers = {'WWW-Authenticate': 'Basic realm=\"shop\"'} if error.code == 401 else {}\n"
    "    return render_template('error.html', code=error.code), error.code, headers\n\n\n"
    "def init_errorhandler():\n"
    "    for ex in default_exceptions:\n"
    "        if ex < 500:\n"
    "            app.register_error_handler(ex, error_http)\n"
)

FLASK_VIEWS = (
    "from flask import Blueprint, Response, abort, request\n\n"
    "from .auth import check\n\n"
    "bp = Blueprint('shelf', __name__)\n\n\n"
    "@bp.post('/shelf')\n"
    "def create_shelf():\n"
    "    if not check(request):\n"
    "        abort(401, description='log in')\n"  # line 11
    "    return '', 204\n\n\n"
    "@bp.get('/feed')\n"
    "def feed():\n"
    "    if not check(request):\n"
    "        return Response('log in', status=401)\n"  # line 18: returned, not through the handler
    "    return 'feed'\n\n\n"
    "@bp.get('/login')\n"
    "def login():\n"
    "    return 'wrong password', 401\n"  # line 24
)

FLASK_PROJECT = {
    "pyproject.toml": '[project]\nname = "shop"\n',
    "shop/__init__.py": "from flask import Flask\n\napp = Flask(__name__)\n",
    "shop/auth.py": "def check(request):\n    return bool(request.authorization)\n",
    "shop/error_handler.py": FLASK_HANDLER,
    "shop/views.py": FLASK_VIEWS,
}


def _hts903(path: Path, *, index: bool = True) -> list[int]:
    return [line for line, code in lines_found(path, index=index) if code == "HTS903"]


def _project(tmp_path: Path, **changed: str) -> Path:
    files = dict(FLASK_PROJECT)
    files.update({name.replace("__", "/") + ".py": text for name, text in changed.items()})
    write(tmp_path, files)
    return tmp_path / "shop/views.py"


def test_an_abort_goes_through_the_handler_of_another_module(tmp_path: Path) -> None:
    assert _hts903(_project(tmp_path)) == [18, 24]


def test_without_the_index_every_401_is_reported_as_before(tmp_path: Path) -> None:
    assert _hts903(_project(tmp_path), index=False) == [11, 18, 24]


def test_a_header_a_decorator_sets_on_its_own_response_does_not_count(tmp_path: Path) -> None:
    decorator = (
        "from functools import wraps\n\nfrom flask import Response, request\n\n\n"
        "def api_basic_auth(f):\n"
        "    @wraps(f)\n"
        "    def decorated(*args, **kwargs):\n"
        "        if not request.authorization:\n"
        "            return Response(headers={'WWW-Authenticate': 'Basic'}, status=401)\n"
        "        return f(*args, **kwargs)\n"
        "    return decorated\n"
    )
    views = _project(tmp_path, shop__error_handler="", shop__decorators=decorator)
    assert _hts903(views) == [11, 18, 24]


def test_the_registration_forms_of_flask(tmp_path: Path) -> None:
    forms = {
        "errorhandler_401": "@app.errorhandler(401)\ndef unauthorized(error):\n{body}",
        "unauthorized_class": (
            "from werkzeug.exceptions import Unauthorized\n\n\n"
            "@app.errorhandler(Unauthorized)\ndef unauthorized(error):\n{body}"
        ),
        "http_exception": (
            "from werkzeug.exceptions import HTTPException\n\n\n"
            "def unauthorized(error):\n{body}\n\napp.register_error_handler(HTTPException, unauthorized)\n"
        ),
        "blueprint": (
            "from flask import Blueprint\n\nerrors = Blueprint('errors', __name__)\n\n\n"
            "@errors.app_errorhandler(401)\ndef unauthorized(error):\n{body}"
        ),
    }
    body = (
        "    response = render_template('401.html')\n"
        "    response.headers['WWW-Authenticate'] = 'Bearer'\n"
        "    return response, 401\n"
    )
    for name, form in forms.items():
        handler = "from flask import render_template\n\nfrom . import app\n\n\n" + form.format(body=body)
        assert _hts903(_project(tmp_path, shop__error_handler=handler)) == [18, 24], name


def test_handlers_that_do_not_answer_framework_401s_with_a_challenge(tmp_path: Path) -> None:
    handlers = {
        "removes_it": (
            "from . import app\n\n\n@app.errorhandler(401)\ndef unauthorized(error):\n"
            "    response = error.get_response()\n"
            "    response.headers.pop('WWW-Authenticate', None)\n"
            "    return response\n"
        ),
        "project_exception": (
            "from flask import jsonify\n\nfrom . import app\n\n\nclass ApiError(Exception):\n    pass\n\n\n"
            "@app.errorhandler(ApiError)\ndef api_error(error):\n"
            "    return jsonify(message=str(error)), 401, {'WWW-Authenticate': 'Bearer'}\n"
        ),
        "not_registered": ("def unauthorized(error):\n    return 'log in', 401, {'WWW-Authenticate': 'Bearer'}\n"),
        "server_errors_only": (
            "from . import app\n\n\n@app.errorhandler(500)\ndef broken(error):\n"
            "    return 'oops', 500, {'WWW-Authenticate': 'Bearer'}\n"
        ),
    }
    for name, handler in handlers.items():
        assert _hts903(_project(tmp_path, shop__error_handler=handler)) == [11, 18, 24], name


def test_a_handler_in_the_tests_is_not_the_apps(tmp_path: Path) -> None:
    views = _project(tmp_path, shop__error_handler="", tests__conftest=FLASK_HANDLER)
    assert _hts903(views) == [11, 18, 24]


FASTAPI_PROJECT = {
    "pyproject.toml": '[project]\nname = "todo"\n',
    "todo/__init__.py": "",
    "todo/deps.py": "def token_of(request):\n    return request.headers.get('authorization')\n",
    "todo/main.py": (
        "from fastapi import FastAPI, Request\n"
        "from fastapi.responses import JSONResponse\n"
        "from starlette.exceptions import HTTPException as StarletteHTTPException\n\n"
        "app = FastAPI()\n\n\n"
        "@app.exception_handler(StarletteHTTPException)\n"
        "async def http_error(request: Request, exc: StarletteHTTPException):\n"
        "    headers = {'WWW-Authenticate': 'Bearer'} if exc.status_code == 401 else None\n"
        "    return JSONResponse({'detail': exc.detail}, status_code=exc.status_code, headers=headers)\n"
    ),
    "todo/routes.py": (
        "from fastapi import APIRouter, HTTPException, Request\n"
        "from fastapi.responses import JSONResponse\n\n"
        "from .deps import token_of\n\n"
        "router = APIRouter()\n\n\n"
        "@router.get('/me')\n"
        "def me(request: Request):\n"
        "    if not token_of(request):\n"
        "        raise HTTPException(status_code=401, detail='log in')\n"  # line 12
        "    return {}\n\n\n"
        "@router.get('/you')\n"
        "def you(request: Request):\n"
        "    if not token_of(request):\n"
        "        return JSONResponse({'detail': 'log in'}, status_code=401)\n"  # line 19
        "    return {}\n"
    ),
}


def test_fastapi_exception_handler_in_another_module(tmp_path: Path) -> None:
    write(tmp_path, FASTAPI_PROJECT)
    assert _hts903(tmp_path / "todo/routes.py") == [19]
    assert _hts903(tmp_path / "todo/routes.py", index=False) == [12, 19]


def test_a_flask_handler_does_not_answer_fastapi_exceptions(tmp_path: Path) -> None:
    files = dict(FASTAPI_PROJECT)
    files["todo/main.py"] = FLASK_HANDLER.replace(
        "from . import app", "from flask import Flask\n\napp = Flask(__name__)"
    )
    write(tmp_path, files)
    assert _hts903(tmp_path / "todo/routes.py") == [12, 19]


def test_a_rest_extensions_abort_goes_to_the_extensions_own_error_handling(tmp_path: Path) -> None:
    views = FLASK_VIEWS.replace(
        "from flask import Blueprint, Response, abort, request\n",
        "from flask import Blueprint, Response, request\nfrom flask_restful import abort\n",
    )
    assert _hts903(_project(tmp_path, shop__views=views)) == [12, 19, 25]


def _frameworks(source: str) -> list[str]:
    return sorted(module_challenges(ast.parse(source)))


SETS = "    return 'log in', 401, {'WWW-Authenticate': 'Bearer'}\n"


def test_registrations_read_in_one_module() -> None:
    flask_like = ["flask", "quart", "werkzeug"]
    assert _frameworks(f"def h(e):\n{SETS}\n\nfor code in (401, 403):\n    app.register_error_handler(code, h)\n") == (
        flask_like
    )
    assert _frameworks(f"def h(e):\n{SETS}\n\napp.errorhandler(401)(h)\n") == flask_like
    assert _frameworks(f"@app.errorhandler(Exception)\ndef h(e):\n{SETS}") == flask_like
    assert (
        _frameworks(f"from http import HTTPStatus\n\n\n@app.errorhandler(HTTPStatus.UNAUTHORIZED)\ndef h(e):\n{SETS}")
        == flask_like
    )
    assert _frameworks(
        f"from fastapi import FastAPI\n\n\ndef h(r, e):\n{SETS}\n\napp = FastAPI(exception_handlers={{401: h}})\n"
    ) == ["fastapi", "starlette"]
    assert _frameworks(
        f"from fastapi import HTTPException\n\n\n@app.exception_handler(HTTPException)\nasync def h(r, e):\n{SETS}"
    ) == ["fastapi"]


def test_registrations_that_answer_no_401_with_a_challenge() -> None:
    assert _frameworks(f"for code in (403, 404):\n    app.register_error_handler(code, h)\n\n\ndef h(e):\n{SETS}") == []
    assert (
        _frameworks(  # which of the two definitions runs is not followed
            f"def h(e):\n{SETS}\n\nif DEBUG:\n    def h(e):\n        return 'log in', 401\n\n"
            "app.register_error_handler(401, h)\n"
        )
        == []
    )
    assert _frameworks(f"from .errors import h\n\napp.register_error_handler(401, h)\n\n\ndef h2(e):\n{SETS}") == []
    assert (
        _frameworks(  # Starlette hands `Exception` to its server-error middleware, never an HTTPException
            f"@app.exception_handler(Exception)\nasync def h(r, e):\n{SETS}"
        )
        == []
    )
    assert (
        _frameworks(
            "@app.errorhandler(401)\ndef h(e):\n"
            "    if 'WWW-Authenticate' in e.get_response().headers:\n        return e\n    return 'log in', 401\n"
        )
        == []
    )
