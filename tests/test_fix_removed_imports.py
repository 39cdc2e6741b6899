"""The verifier sets a removed import aside only when nothing in the rewritten module can need it."""

from __future__ import annotations

import ast

import pytest

from flake8_http_status.fixer.errors import FixError
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent

IMPORT = "from http import HTTPStatus, client\n"
REST = "\n\ndef g(HTTPStatus):\n    return HTTPStatus\n\n\nC = client\n"


def verify(original: str, rewritten: str) -> None:
    check_equivalent(original, split_lines(original), ast.parse(original), rewritten, [])


@pytest.mark.parametrize(
    "rewritten",
    [
        pytest.param("from http import client\n" + REST, id="one-name"),
        pytest.param("from http import (\n    client,\n)\n" + REST, id="one-name-rewrapped"),
    ],
)
def test_a_removed_import_no_name_resolves_to_is_set_aside(rewritten: str) -> None:
    verify(IMPORT + REST, rewritten)  # the parameter of g shadows it: not a use


def test_a_whole_removed_statement_is_set_aside() -> None:
    verify("import os\nfrom http import HTTPStatus\n\nX = os.sep\n", "import os\n\nX = os.sep\n")


@pytest.mark.parametrize(
    "rest",
    [
        pytest.param("\n\ndef f():\n    return HTTPStatus.OK\n", id="used-in-a-function"),
        pytest.param("\n\nclass V:\n    ok = HTTPStatus\n", id="used-in-a-class-body"),
        pytest.param('\n\ndef f() -> "HTTPStatus":\n    ...\n', id="string-annotation"),
        pytest.param('\n\n__all__ = ["HTTPStatus"]\n', id="re-exported"),
        pytest.param("\n\ndef f():\n    global HTTPStatus\n    HTTPStatus = 1\n", id="bound-another-way-too"),
        pytest.param("\n\ndef f():\n    from http import HTTPStatus\n", id="imported-twice"),
        pytest.param("\n\nfrom os import *\n", id="star-import-may-bind-it"),
    ],
)
def test_removing_an_import_that_may_be_needed_is_refused(rest: str) -> None:
    with pytest.raises(FixError, match=r"would remove `from http import HTTPStatus`"):
        verify("from http import HTTPStatus\nimport os\n" + rest, "import os\n" + rest)


def test_removing_a_nested_import_is_refused() -> None:
    original = "import os\n\n\ndef f():\n    from http import HTTPStatus\n    return os\n"
    with pytest.raises(FixError, match=r"would add or remove statements|would change more"):
        verify(original, original.replace("    from http import HTTPStatus\n", ""))
