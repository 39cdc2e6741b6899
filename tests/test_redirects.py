"""HTS908 (301 after an unsafe method) and HTS923 (302 after one): the split, and their one-line messages."""

from __future__ import annotations

import pytest
from conftest import codes, run

from flake8_http_status.i18n.phrase import Phrase
from flake8_http_status.rules.choices.redirects import (
    PERMANENT_REDIRECT_AFTER_UNSAFE_METHOD,
    TEMPORARY_REDIRECT_AFTER_UNSAFE_METHOD,
)
from flake8_http_status.rules.rule import Rule

FLASK = "from flask import Flask, redirect\n\napp = Flask(__name__)\n\n\n@app.post('/a')\ndef a():\n"
TORNADO = "from tornado.web import RequestHandler\n\n\nclass H(RequestHandler):\n    def post(self):\n"


@pytest.mark.parametrize(
    ("rule", "value"),
    [
        (PERMANENT_REDIRECT_AFTER_UNSAFE_METHOD, "301"),  # no helper defaults to 301 after a POST
        (TEMPORARY_REDIRECT_AFTER_UNSAFE_METHOD, Phrase("the default {code}", code=302)),
    ],
)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_messages_stay_on_one_short_line(rule: Rule, value: object, lang: str) -> None:
    # The longest values the rules write: a module-qualified constant, a helper's default, two methods.
    message = rule.format(lang, better="status.HTTP_303_SEE_OTHER", value=value, method="POST/PUT")
    assert len(message) <= 100 and "\n" not in message and "explain" not in message, message


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(FLASK + "    return redirect('/b', 301)\n", ["HTS908"], id="301-literal"),
        pytest.param(FLASK + "    return redirect('/b', 302)\n", ["HTS001"], id="302-while-hts923-is-off"),
        pytest.param(FLASK + "    return redirect('/b')\n", [], id="default-302-while-hts923-is-off"),
        pytest.param(FLASK + "    return redirect('/b', 308)\n", ["HTS001"], id="308-keeps-the-method"),
        pytest.param(TORNADO + "        self.redirect('/b', permanent=True)\n", ["HTS908"], id="tornado-permanent"),
        pytest.param(TORNADO + "        self.redirect('/b')\n", [], id="tornado-default-302-off"),
    ],
)
def test_by_default_only_a_301_is_reported(source: str, expected: list[str]) -> None:
    assert codes(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(FLASK + "    return redirect('/b', 302)\n", ["HTS923"], id="302-literal"),
        pytest.param(FLASK + "    return redirect('/b')\n", ["HTS923"], id="default-302"),
        pytest.param(FLASK + "    return redirect('/b', code=303)\n", ["HTS001"], id="303"),
        pytest.param(FLASK + "    return redirect('/b', 307)\n", ["HTS001"], id="307"),
        pytest.param(TORNADO + "        self.redirect('/b')\n", ["HTS923"], id="tornado-default"),
    ],
)
def test_hts923_reports_a_302_when_turned_on(source: str, expected: list[str]) -> None:
    assert codes(source, "--extend-select=HTS923") == expected


def test_the_default_302_is_named_as_a_default() -> None:
    (finding,) = run(FLASK + "    return redirect('/b')\n", "--extend-select=HTS923")
    assert "not the default 302, after POST" in finding.message
