"""Options for project idioms: parsing, flake8 registration, and their effect on the rules."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import codes

from flake8_http_status.options import OPTIONS, OptionError, parse_names, settings_from, settings_from_args


def test_names_are_dotted_and_deduplicated() -> None:
    assert parse_names("auth-decorators", ["myapp.auth.login, token_required", "myapp.auth.login"]) == (
        "myapp.auth.login",
        "token_required",
    )
    assert parse_names("creation-calls", "a.b\nc") == ("a.b", "c")


@pytest.mark.parametrize("bad", ["my-app.login", "login()", "a..b", "3d"])
def test_bad_names_are_refused_with_the_option_named(bad: str) -> None:
    with pytest.raises(OptionError, match="http-status-auth-decorators"):
        parse_names("auth-decorators", [bad])


def test_settings_fields() -> None:
    settings = settings_from_args(
        [
            "--http-status-auth-decorators=app.auth.staff_only",
            "--http-status-auth-dependencies=app.deps.me",
            "--http-status-creation-calls=app.orders.place,stock.reserve",
        ]
    )
    assert settings.auth_decorators == ("app.auth.staff_only",)
    assert settings.auth_dependencies == ("app.deps.me",)
    assert settings.creation_calls == ("app.orders.place", "stock.reserve")
    assert settings_from({"http_status_creation_calls": ["x.y", "z"]}).creation_calls == ("x.y", "z")


def test_options_are_declared_once() -> None:
    names = [spec.name for spec in OPTIONS]
    assert {"auth-decorators", "auth-dependencies", "creation-calls"} <= set(names)
    assert len(names) == len(set(names))


def test_project_creation_calls_make_hts904_fire() -> None:
    source = (
        "from flask import Flask, jsonify\nfrom .orders import place_order\napp = Flask(__name__)\n\n\n"
        "@app.post('/orders')\ndef order():\n    placed = place_order()\n    return jsonify(id=placed.id)\n"
    )
    assert "HTS904" not in codes(source)
    assert "HTS904" in codes(source, "--http-status-creation-calls=shop.orders.place_order")


def test_flake8_reads_the_options_and_ignores_rules_that_are_off(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(
        "from http import HTTPStatus\n\nfrom flask import Flask, abort\n\n"
        "from .auth import needs_badge\n\napp = Flask(__name__)\n\n\n@app.get('/a')\n@needs_badge\ndef a():\n"
        "    abort(HTTPStatus.UNAUTHORIZED)\n\n\n@app.get('/b')\ndef b():\n    abort(HTTPStatus.SERVICE_UNAVAILABLE)\n",
        encoding="utf-8",
    )
    # flake8's default selection: rules that are off by default stay off (an explicit `--select=HTS` would
    # bring them back, as flake8 lets an explicit selection beat its default ignore list).
    command = [sys.executable, "-m", "flake8", "--isolated", str(app)]
    plain = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    found = {line.split()[1] for line in plain.splitlines()}
    assert found == {"HTS903"}, plain
    configured = subprocess.run(
        [*command, "--http-status-auth-decorators=needs_badge", "--extend-select=HTS916"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert {line.split()[1] for line in configured.splitlines()} == {"HTS901", "HTS903", "HTS916"}, configured
