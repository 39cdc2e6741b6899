"""Imports the fixes leave unused are removed, and only those: a fixed file gains no F401."""

from __future__ import annotations

import ast

import pytest
from fixing import fix

from flake8_http_status.fixer.unused_imports import remove_unused

DRF = "from rest_framework import status\nfrom rest_framework.response import Response\n"
VIEWS = (
    "\n\ndef a(request):\n    return Response(status=status.HTTP_201_CREATED)\n\n\n"
    "def b(request):\n    return Response(status=status.HTTP_200_OK)\n\n\n"
    "def c(request):\n    return Response(status=HTTPStatus.NO_CONTENT)\n"
)
FIXED_C = "return Response(status=status.HTTP_204_NO_CONTENT)"


def module(head: str, tail: str = "") -> str:
    return head + DRF + VIEWS + tail


def test_the_import_a_fix_left_unused_goes_with_its_blank_line() -> None:
    fixed = fix(module('"""Views."""\n\nfrom http import HTTPStatus\n\n'))
    assert FIXED_C in fixed
    assert fixed.startswith('"""Views."""\n\nfrom rest_framework import status\n')


def test_an_import_still_used_elsewhere_stays() -> None:
    fixed = fix(module("from http import HTTPStatus\n\n", "\n\nKIND = HTTPStatus\n"))
    assert FIXED_C in fixed and fixed.startswith("from http import HTTPStatus\n")


def test_only_the_unused_name_goes_from_a_statement() -> None:
    fixed = fix(module("from http import HTTPStatus, client\n\n", "\n\nC = client.HTTPConnection\n"))
    assert fixed.startswith("from http import client\n\n") and FIXED_C in fixed


def test_a_parenthesised_statement_keeps_the_comments_of_the_names_that_stay() -> None:
    head = "from http import (\n    HTTPStatus,\n    # the client:\n    client,  # type: ignore\n)\n\n"
    fixed = fix(module(head, "\n\nC = client.HTTPConnection\n"))
    assert fixed.startswith("from http import (\n    # the client:\n    client,  # type: ignore\n)\n\n")


def test_an_import_unused_before_the_fix_is_not_ours_to_remove() -> None:
    fixed = fix(module("from http import HTTPStatus\nfrom fastapi import status as unused\n\n"))
    assert "from fastapi import status as unused\n" in fixed and "from http import HTTPStatus" not in fixed


@pytest.mark.parametrize(
    ("head", "tail", "filename"),
    [
        pytest.param("from http import HTTPStatus\n\n", "", "__init__.py", id="package-init-re-exports"),
        pytest.param("from http import HTTPStatus\n\n", '\n\n__all__ = ["HTTPStatus", "a"]\n', "v.py", id="in-__all__"),
        pytest.param(
            "from http import HTTPStatus\n\n", '\n\ndef d() -> "HTTPStatus":\n    ...\n', "v.py", id="string-annotation"
        ),
        pytest.param("from http import HTTPStatus\n\n", "\n\nNAMES = dir()\n", "v.py", id="dir"),
        pytest.param(
            "from http import HTTPStatus\n\n",
            "\n\ndef __getattr__(name):\n    return name\n",
            "v.py",
            id="module-getattr",
        ),
        pytest.param(
            "from http import HTTPStatus\n\n", "\n\nX = None  # type: HTTPStatus\n", "v.py", id="type-comment"
        ),
        pytest.param(
            "from http import HTTPStatus\n\n", '\n\ndef e():\n    """>>> HTTPStatus.OK"""\n', "v.py", id="doctest"
        ),
        pytest.param(
            "from http import HTTPStatus\n\n",
            "\n\ndef f():\n    from http import HTTPStatus\n",
            "v.py",
            id="imported-twice",
        ),
    ],
)
def test_an_import_something_else_may_see_is_kept(head: str, tail: str, filename: str) -> None:
    fixed = fix(module(head, tail), filename=filename)
    assert FIXED_C in fixed  # the file's fix is still made
    assert "from http import HTTPStatus\n" in fixed


def test_a_module_level_import_below_other_code_is_removed_too() -> None:
    head = "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    pass\nfrom http import HTTPStatus\n"
    fixed = fix(module(head))
    assert fixed.startswith("from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    pass\nfrom rest_framework")


def test_a_conditional_import_is_left_in_its_block() -> None:
    head = "try:\n    from http import HTTPStatus\nexcept ImportError:\n    raise\n\n"
    fixed = fix(module(head))
    assert fixed.startswith(head)


def test_the_same_spelling_anywhere_keeps_the_import() -> None:
    """Conservative: a parameter of that name is not a use, but the remover does not try to tell."""
    fixed = fix(module("from http import HTTPStatus\n\n", "\n\ndef g(HTTPStatus):\n    return HTTPStatus\n"))
    assert "from http import HTTPStatus\n" in fixed and FIXED_C in fixed


SWAPPED = "\n\ndef archive(request):\n    return {}.__class__(HTTPFound)\n"  # what an unsafe fix swaps, by hand


@pytest.mark.parametrize(
    ("head", "expected_head"),
    [
        pytest.param(
            "from pyramid.httpexceptions import HTTPFound, HTTPSeeOther\n",
            "from pyramid.httpexceptions import HTTPSeeOther\n",
            id="the-statement-keeps-another-name",
        ),
        pytest.param(
            "from pyramid.httpexceptions import HTTPFound\nfrom pyramid.httpexceptions import HTTPSeeOther\n",
            "from pyramid.httpexceptions import HTTPFound\nfrom pyramid.httpexceptions import HTTPSeeOther\n",
            id="a-whole-statement-of-another-module-stays",
        ),
    ],
)
def test_another_modules_name_goes_only_while_its_module_is_still_imported(head: str, expected_head: str) -> None:
    before = head + SWAPPED
    after = head + SWAPPED.replace("HTTPFound", "HTTPSeeOther")
    assert remove_unused(ast.parse(before), before, after, package_init=False) == expected_head + SWAPPED.replace(
        "HTTPFound", "HTTPSeeOther"
    )
