"""Where the fixer puts the imports it needs: after docstrings and __future__, grouped and sorted like isort."""

from __future__ import annotations

import ast

import libcst as cst
import pytest

from flake8_http_status.findings import Edit, NewImport, Position
from flake8_http_status.fixer.imports import ImportStyle, add_imports
from flake8_http_status.fixer.transform import rewrite

HTTPSTATUS = NewImport("http", "HTTPStatus")
FASTAPI_STATUS = NewImport("fastapi", "status")


def added(source: str, *imports: NewImport) -> str:
    return add_imports(cst.parse_module(source), imports).code


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "x = 1\n",
            "from http import HTTPStatus\n\nx = 1\n",
            id="no-imports",
        ),
        pytest.param(
            "def f():\n    pass\n",
            "from http import HTTPStatus\n\n\ndef f():\n    pass\n",
            id="no-imports-before-a-def",
        ),
        pytest.param(
            '"""Docs."""\n\nx = 1\n',
            '"""Docs."""\n\nfrom http import HTTPStatus\n\nx = 1\n',
            id="after-docstring",
        ),
        pytest.param(
            '"""Docs."""\nfrom __future__ import annotations\n\nimport os\n\nx = 1\n',
            '"""Docs."""\nfrom __future__ import annotations\n\nimport os\nfrom http import HTTPStatus\n\nx = 1\n',
            id="after-future-into-stdlib-group",
        ),
        pytest.param(
            "import json\nimport sys\nfrom os import path\n\nimport flask\n",
            "import json\nimport sys\nfrom http import HTTPStatus\nfrom os import path\n\nimport flask\n",
            id="sorted-into-stdlib-group",
        ),
        pytest.param(
            "from flask import Flask\nfrom myapp import models\n",
            "from http import HTTPStatus\n\nfrom flask import Flask\nfrom myapp import models\n",
            id="new-stdlib-group-before-third-party",
        ),
        pytest.param(
            "#!/usr/bin/env python\n# Licence text.\n\n# Web framework:\nfrom flask import Flask\n",
            "#!/usr/bin/env python\n# Licence text.\n\nfrom http import HTTPStatus\n\n# Web framework:\nfrom flask import Flask\n",
            id="comment-stays-with-its-import",
        ),
        pytest.param(
            "import os\nimport flask\nx = 1\n",
            "import os\nimport flask\nfrom http import HTTPStatus\nx = 1\n",
            id="unsorted-block-appended",
        ),
        pytest.param(
            "import os\n\nx = 1\nimport late\n",
            "import os\nfrom http import HTTPStatus\n\nx = 1\nimport late\n",
            id="only-in-the-leading-block",
        ),
    ],
)
def test_a_new_statement_goes_where_isort_would_put_it(source: str, expected: str) -> None:
    assert added(source, HTTPSTATUS) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            "from fastapi import APIRouter\n", "from fastapi import APIRouter, status\n", id="class-then-name"
        ),
        pytest.param(
            "from fastapi import Depends, FastAPI, HTTPException\n",
            "from fastapi import Depends, FastAPI, HTTPException, status\n",
            id="appended-in-order",
        ),
        pytest.param(
            "from fastapi import FastAPI, routing\n",
            "from fastapi import FastAPI, routing, status\n",
            id="sorted-position",
        ),
        pytest.param(
            "from fastapi import (\n    APIRouter,\n    Depends,\n)\n",
            "from fastapi import (\n    APIRouter,\n    Depends,\n    status,\n)\n",
            id="parenthesized-trailing-comma",
        ),
        pytest.param(
            "from fastapi import (\n    APIRouter,\n    Depends\n)\n",
            "from fastapi import (\n    APIRouter,\n    Depends,\n    status\n)\n",
            id="parenthesized-no-trailing-comma",
        ),
        pytest.param(
            "from fastapi import (\n    APIRouter,\n)\n",
            "from fastapi import (\n    APIRouter,\n    status,\n)\n",
            id="parenthesized-single-name",
        ),
        pytest.param("from fastapi import zzz, FastAPI\n", "from fastapi import zzz, FastAPI, status\n", id="unsorted"),
    ],
)
def test_a_name_is_merged_into_the_existing_from_import(source: str, expected: str) -> None:
    assert added(source, FASTAPI_STATUS) == expected


def test_merging_keeps_off_conditional_imports() -> None:
    """The first unconditional import of the package anchors the new name, even after code (issue 11)."""
    source = "import os\n\nif os.name:\n    from fastapi import FastAPI\nx = 1\nfrom fastapi import APIRouter\n"
    assert added(source, FASTAPI_STATUS) == source.replace("import APIRouter", "import APIRouter, status")


def test_an_aliased_name_gets_its_own_line_next_to_its_package() -> None:
    source = "import os\n\nfrom fastapi import FastAPI\nfrom pydantic import BaseModel\n"
    expected = "import os\n\nfrom fastapi import FastAPI\nfrom fastapi import status as http_status\nfrom pydantic import BaseModel\n"
    assert added(source, NewImport("fastapi", "status", "http_status")) == expected


def test_module_import_goes_before_from_imports_in_its_group() -> None:
    source = "import os\nfrom typing import Any\n\nimport flask\n"
    assert added(source, NewImport("http")) == "import http\nimport os\nfrom typing import Any\n\nimport flask\n"


def test_crlf_module_gets_crlf_imports() -> None:
    assert added("x = 1\r\n", HTTPSTATUS) == "from http import HTTPStatus\r\n\r\nx = 1\r\n"


def test_the_same_import_twice_is_added_once() -> None:
    assert added("x = 1\n", HTTPSTATUS, HTTPSTATUS) == "from http import HTTPStatus\n\nx = 1\n"


LONG = "from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI, HTTPException\n"  # 79 characters


# -- comments stay on their own names ------------------------------------------------------------------

COMMENTED = [
    pytest.param(
        "from fastapi import (\n    APIRouter,  # type: ignore[attr-defined]\n    Depends  # noqa: F401\n)\n",
        "from fastapi import (\n    APIRouter,  # type: ignore[attr-defined]\n    Depends,  # noqa: F401\n    status\n)\n",
        id="end-comment-of-a-last-name-without-comma",
    ),
    pytest.param(
        "from fastapi import (\n    APIRouter,  # type: ignore\n    zzz,  # noqa: F401\n)\n",
        "from fastapi import (\n    APIRouter,  # type: ignore\n    status,\n    zzz,  # noqa: F401\n)\n",
        id="inserted-between-two-commented-names",
    ),
    pytest.param(
        "from fastapi import (\n    APIRouter,\n    # kept for the plugins:\n    zzz,\n)\n",
        "from fastapi import (\n    APIRouter,\n    status,\n    # kept for the plugins:\n    zzz,\n)\n",
        id="comment-line-stays-above-its-name",
    ),
    pytest.param(
        "from fastapi import (\n    APIRouter,\n    Depends,  # last\n    # closing remark\n)\n",
        "from fastapi import (\n    APIRouter,\n    Depends,  # last\n    status,\n    # closing remark\n)\n",
        id="comment-before-the-closing-paren-stays-last",
    ),
]


@pytest.mark.parametrize(("source", "expected"), COMMENTED)
def test_a_merged_name_leaves_every_comment_on_its_own_name(source: str, expected: str) -> None:
    assert added(source, FASTAPI_STATUS) == expected


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("from fastapi import APIRouter, Depends  # noqa: F401\n", id="noqa-at-the-end"),
        pytest.param("from fastapi import APIRouter  # type: ignore[attr-defined]\n", id="type-ignore-at-the-end"),
        pytest.param("from fastapi import (  # noqa: F401\n    zzz,\n)\n", id="after-the-paren"),
        pytest.param("from fastapi import (\n    zzz,\n)  # noqa: F401\n", id="after-the-closing-paren"),
        pytest.param(LONG.replace("\n", "  # noqa: F401\n"), id="long-with-a-comment"),
    ],
)
def test_a_statement_with_a_comment_of_its_own_gets_no_new_name(source: str) -> None:
    """A `# noqa: F401` or `# type: ignore` for the whole statement would cover the new name too."""
    assert added(source, FASTAPI_STATUS) == source + "from fastapi import status\n"


# -- wrapping to the project's line length -------------------------------------------------------------


def test_a_merge_past_the_line_length_is_wrapped_as_ruff_writes_it() -> None:
    expected = (
        "from fastapi import (\n    APIRouter,\n    BackgroundTasks,\n    Depends,\n    FastAPI,\n"
        "    HTTPException,\n    status,\n)\n"
    )
    assert add_imports(cst.parse_module(LONG), [FASTAPI_STATUS], ImportStyle(79)).code == expected
    assert added(LONG.replace("BackgroundTasks, ", ""), FASTAPI_STATUS) == LONG.replace(
        "BackgroundTasks, ", ""
    ).replace("Exception", "Exception, status")  # still fits: one line


def test_wrapping_uses_the_modules_indentation() -> None:
    wrapped = add_imports(cst.parse_module(LONG), [FASTAPI_STATUS], ImportStyle(79, "\t")).code
    assert wrapped.startswith("from fastapi import (\n\tAPIRouter,\n") and wrapped.endswith("\tstatus,\n)\n")


def test_a_long_new_import_is_wrapped() -> None:
    name = "HTTP_413_REQUEST_ENTITY_TOO_LARGE"
    new = NewImport("litestar.status_codes", name)
    assert add_imports(cst.parse_module("x = 1\n"), [new], ImportStyle(60)).code == (
        f"from litestar.status_codes import (\n    {name},\n)\n\nx = 1\n"
    )
    assert add_imports(cst.parse_module("x = 1\n"), [new], ImportStyle(79)).code == f"{new.statement()}\n\nx = 1\n"


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(LONG.replace("Exception", "Exception, WebSocket"), id="already-too-long"),
    ],
)
def test_no_wrapping_when_a_comment_or_the_project_says_otherwise(source: str) -> None:
    merged = add_imports(cst.parse_module(source), [FASTAPI_STATUS], ImportStyle(79)).code
    assert merged.count("\n") == 1 and ", status" in merged


def test_a_tab_indented_module_gets_a_tab_indented_wrapped_import() -> None:
    source = LONG + "\n\ndef view():\n\treturn FastAPI, 404\n"
    tree = ast.parse(source)
    new = rewrite(source, tree, [Edit(Position(5, 17), Position(5, 20), "status.HTTP_404_NOT_FOUND")], [FASTAPI_STATUS])
    assert new.startswith("from fastapi import (\n\tAPIRouter,\n") and "\treturn FastAPI, status.HTTP_404" in new
