"""Issue 11, second review: an import kept on purpose is never removed as unused.

`from http import HTTPStatus  # noqa: F401  (re-exported for views)` is read by `from common import
HTTPStatus` in another module; removing it broke that module (ImportError). So an import is kept when
a comment is on its line, when it is written `X as X`, or when `__all__` is built by anything but a
literal list or tuple of strings (`"HTTP" + "Status"` names it too). The fixer leaves it, the file's
fixes are still made, and the verifier refuses a rewrite that drops it on its own.

A name imported from this module by another one with none of these marks cannot be seen from one
file: the README says so, as for pyflakes' F401.
"""

from __future__ import annotations

import ast

import pytest
from fixing import fix

from flake8_http_status.fixer.errors import FixError, FixFailure
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent

DRF = "from rest_framework import status\nfrom rest_framework.response import Response\n"
VIEWS = (
    "\n\ndef create(request):\n    return Response({}, status=status.HTTP_201_CREATED)\n\n\n"
    "def delete(request):\n    return Response(status=HTTPStatus.NO_CONTENT)\n"
)
FIXED = "return Response(status=status.HTTP_204_NO_CONTENT)"
PLAIN = "from http import HTTPStatus\n\n"

KEPT = [
    pytest.param("from http import HTTPStatus  # noqa: F401  (re-exported for views)\n\n", "", id="noqa-F401"),
    pytest.param("from http import HTTPStatus  # noqa\n\n", "", id="noqa"),
    pytest.param("from http import HTTPStatus  # re-exported\n\n", "", id="any-comment"),
    pytest.param("from http import (\n    HTTPStatus,  # for views\n)\n\n", "", id="comment-on-its-name"),
    pytest.param("from http import (  # noqa: F401\n    HTTPStatus,\n)\n\n", "", id="comment-on-the-statement"),
    pytest.param("from http import HTTPStatus as HTTPStatus\n\n", "", id="explicit-re-export"),
    pytest.param(PLAIN, '\n\n__all__ = ["create", "HTTP" + "Status"]\n', id="all-computed-item"),
    pytest.param(PLAIN, '\n\n__all__ = ["create"] + [f"HTTP{1:.0f}"[:4] + "Status"]\n', id="all-concatenated"),
    pytest.param(PLAIN, '\n\n__all__ = ["create"]\n__all__ += ["HTTP" + "Status"]\n', id="all-augmented"),
    pytest.param(PLAIN, '\n\n__all__ = ["create"]\n__all__.extend(["delete"])\n', id="all-extended"),
    pytest.param(PLAIN, '\n\n__all__ = ["create"]\n__all__.append("delete")\n', id="all-appended"),
    pytest.param(PLAIN, '\n\n__all__ = list(map("".join, [("HTTP", "Status")]))\n', id="all-from-a-call"),
]


@pytest.mark.parametrize(("head", "tail"), KEPT)
def test_an_import_kept_on_purpose_stays(head: str, tail: str) -> None:
    source = head + DRF + VIEWS + tail
    fixed = fix(source)
    assert FIXED in fixed  # the file's fix is still made
    assert fixed.startswith(head)  # and the import stays, with its comment


@pytest.mark.parametrize(
    "tail", ["", '\n\n__all__ = ["create", "delete"]\n', '\n\n__all__: tuple[str, ...] = ("create",)\n']
)
def test_an_import_with_no_mark_still_goes(tail: str) -> None:
    fixed = fix(PLAIN + DRF + VIEWS + tail)
    assert FIXED in fixed and "HTTPStatus" not in fixed


@pytest.mark.parametrize(("head", "tail"), KEPT)
def test_the_verifier_refuses_to_drop_an_import_kept_on_purpose(head: str, tail: str) -> None:
    original = head + "import os\n" + "\n\nX = os.sep\n" + tail
    rewritten = "import os\n" + "\n\nX = os.sep\n" + tail
    with pytest.raises(FixError) as caught:
        check_equivalent(original, split_lines(original), ast.parse(original), rewritten, [])
    assert caught.value.cause is FixFailure.UNVERIFIED and "may be re-exported" in str(caught.value)


def test_the_verifier_still_sets_aside_an_unmarked_import() -> None:
    original = PLAIN + "import os\n\n\nX = os.sep\n"
    rewritten = "import os\n\n\nX = os.sep\n"
    check_equivalent(original, split_lines(original), ast.parse(original), rewritten, [])
