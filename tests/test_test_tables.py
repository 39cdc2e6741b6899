"""Test tables (`analysis/test_tables.py`): a parametrize row's or a loop table's value is a status when the name it
is bound to is read only where a status is (`assert r.status_code == expected`); each case found has a twin where the
value also goes elsewhere, or where the table is not what the reader can see, and nothing is reported."""

from __future__ import annotations

import pytest
from conftest import codes, run

from flake8_http_status.findings import FixSafety

NEW = "--http-status-target-python=3.12"
OLD = "--http-status-target-python=3.10"

FIXTURE = (
    "import pytest\n\n@pytest.fixture(params=[200, 201]{ids})\ndef expected_status(request):\n"
    "    return request.param\n\n"
    "def test_page(client, expected_status):\n    assert client.get('/').status_code == expected_status\n\n"
    "def test_other(client, expected_status):\n    assert client.get('/x').status_code == expected_status{leak}\n"
)


FOUND = {
    "variable-named-status-code-on-the-left": (
        "import pytest\n\n@pytest.mark.parametrize('status_code', [200, 404])\n"
        "def test(client, status_code):\n    assert status_code == client.get('/').status_code\n",
        2,
    ),
    "argnames-list": (
        "import pytest\n\n@pytest.mark.parametrize(['url', 'code'], [('/', 200), ('/x', 404)])\n"
        "def test(client, url, code):\n    assert client.get(url).status_code == code\n",
        2,
    ),
    "single-argname-params": (
        "from pytest import mark, param\n\n@mark.parametrize('code', [param(200, id='ok'), 404])\n"
        "def test(client, code):\n    assert client.get('/').status_code == code\n",
        2,
    ),
    "method-of-a-test-class": (
        "import pytest\n\nclass TestPages:\n    @pytest.mark.parametrize('code', [200])\n"
        "    def test(self, client, code):\n        assert client.get('/').status_code == code\n",
        1,
    ),
    "starred-row-hides-no-other": (
        "import pytest\n\nMORE = [500]\n\n@pytest.mark.parametrize('code', [200, *MORE])\n"
        "def test(client, code):\n    assert client.get('/').status_code == code\n",
        1,
    ),
    "loop-over-values": (
        "def test(client):\n    for code in {'a': 200, 'b': 404}.values():\n"
        "        assert client.get('/').status_code == code\n",
        2,
    ),
    "loop-over-module-table": (
        "CASES = [('/', 200), ('/x', 404)]\n\ndef test(client):\n    for url, code in CASES:\n"
        "        assert client.get(url).status_code == code\n",
        2,
    ),
    "local-name": ("def test(client):\n    code = 404\n    assert client.get('/').status_code == code\n", 1),
    "test-helper": (
        "def check(response, expected):\n    assert response.status_code == expected, response.content\n\n"
        "def test(client):\n    check(client.get('/'), 404)\n",
        1,
    ),
}

SILENT = {
    "local-name-printed": (
        "def test(client):\n    code = 404\n    assert client.get('/').status_code == code\n    print(code)\n"
    ),
    "test-helper-printing": (
        "def check(response, expected):\n    assert response.status_code == expected, f'not {expected}'\n\n"
        "def test(client):\n    check(client.get('/'), 404)\n"
    ),
    "not-parametrized": "def test(client, code=None):\n    assert client.get('/').status_code == code\n",
    "indirect": (
        "import pytest\n\n@pytest.mark.parametrize('code', [200], indirect=['code'])\n"
        "def test(client, code):\n    assert client.get('/').status_code == code\n"
    ),
    "argnames-not-written-out": (
        "import pytest\n\nNAMES = 'code'\n\n@pytest.mark.parametrize(NAMES, [200])\n"
        "def test(client, code):\n    assert client.get('/').status_code == code\n"
    ),
    "not-pytest": (
        "import other\n\n@other.mark.parametrize('code', [200])\n"
        "def test(client, code):\n    assert client.get('/').status_code == code\n"
    ),
    "logged": (
        "import logging, pytest\n\n@pytest.mark.parametrize('code', [200])\n"
        "def test(client, code):\n    logging.info('want %s', code)\n    assert client.get('/').status_code == code\n"
    ),
    "module-table-read-twice": (
        "CASES = [('/', 200)]\nprint(CASES)\n\ndef test(client):\n    for url, code in CASES:\n"
        "        assert client.get(url).status_code == code\n"
    ),
    "local-table-read-twice": (
        "def test(client):\n    cases = [('/', 200)]\n    for url, code in cases:\n"
        "        assert client.get(url).status_code == code\n    return cases\n"
    ),
    "module-table-bound-twice": (
        "CASES = [('/', 200)]\nCASES = [('/', 201)]\n\ndef test(client):\n    for url, code in CASES:\n"
        "        assert client.get(url).status_code == code\n"
    ),
    "row-width-differs": (
        "import pytest\n\n@pytest.mark.parametrize('url,code', [('/', 200, 'extra')])\n"
        "def test(client, url, code):\n    assert client.get(url).status_code == code\n"
    ),
    "starred-target": (
        "def test(client):\n    for url, *codes in [('/', 200, 201)]:\n"
        "        assert client.get(url).status_code in codes\n"
    ),
    "comprehension": "def test(client):\n    assert all(client.get('/').status_code == c for c in [200, 404])\n",
    "subtest-keyword": (
        "import unittest\n\nclass T(unittest.TestCase):\n    def test(self):\n"
        "        for code in [200, 404]:\n            with self.subTest(code=code):\n"
        "                self.assertEqual(self.client.get('/').status_code, code)\n"
    ),
    "ordering": (
        "import pytest\n\n@pytest.mark.parametrize('code', [400])\n"
        "def test(client, code):\n    assert client.get('/').status_code >= code\n"
    ),
}


@pytest.mark.parametrize(("source", "count"), FOUND.values(), ids=FOUND.keys())
def test_found(source: str, count: int) -> None:
    assert codes(source, NEW) == ["HTS002"] * count


@pytest.mark.parametrize("source", SILENT.values(), ids=SILENT.keys())
def test_silent(source: str) -> None:
    assert codes(source, NEW) == []


ROWS = "import pytest\n\n@pytest.mark.parametrize('code', [200, 404]{ids})\ndef test(client, code):\n"
ROWS += "    assert client.get('/').status_code == code\n"


@pytest.mark.parametrize(
    ("ids", "target", "safety"),
    [
        ("", NEW, FixSafety.SAFE),
        ("", OLD, FixSafety.UNSAFE),  # the test ids would read 'HTTPStatus.OK' instead of '200'
        (", ids=['ok', 'missing']", OLD, FixSafety.SAFE),
        (", ids=str", OLD, FixSafety.UNSAFE),  # the function is handed the value
    ],
)
def test_test_ids(ids: str, target: str, safety: FixSafety) -> None:
    findings = run(ROWS.format(ids=ids), target)
    assert [finding.code for finding in findings] == ["HTS002"] * 2
    assert [finding.fix.safety if finding.fix else None for finding in findings] == [safety] * 2


def test_fixture_params_are_statuses_when_every_requesting_test_compares_them() -> None:
    assert codes(FIXTURE.format(ids="", leak=""), NEW) == ["HTS002"] * 2


@pytest.mark.parametrize(
    ("ids", "leak", "filename"),
    [
        ("", "\n    print(expected_status)", "test_pages.py"),  # one requesting test also prints it
        ("", "", "conftest.py"),  # other modules' tests request it too
    ],
)
def test_fixture_params_stay_silent_where_a_use_is_not_seen(ids: str, leak: str, filename: str) -> None:
    found = [finding.code for finding in run(FIXTURE.format(ids=ids, leak=leak), NEW, filename=filename)]
    assert found == []
