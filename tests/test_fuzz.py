"""Generated programs never make the analysis raise (a bounded run; fuzzing.py says how to run long)."""

from __future__ import annotations

import ast
import tempfile
import warnings
from pathlib import Path

import hypothesmith
import pytest
from fuzzing import FUZZ, check_plugin
from hypothesis import given
from reference import reference_bindings

from flake8_http_status.analysis.collect import collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.api import default_table
from flake8_http_status.engine import analyse
from flake8_http_status.index import session
from flake8_http_status.options import Settings

pytestmark = pytest.mark.slow  # fuzzing

# A framework import makes the prefilter let the module through, so the whole pipeline runs.
PRELUDE = "from flask import abort, jsonify\nfrom fastapi import status\n"


@FUZZ
@given(hypothesmith.from_grammar())
def test_analysis_never_raises_on_generated_modules(source: str) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)
            tree = ast.parse(PRELUDE + source)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return  # hypothesmith's grammar admits a few programs the compiler rejects
    findings = analyse(
        tree,
        (PRELUDE + source).splitlines(keepends=True),
        "fuzz.py",
        Settings(target_python=(3, 10), starlette_renamed=False),
    )
    assert all(finding.code.startswith("HTS") for finding in findings)
    check_plugin(PRELUDE + source)


@FUZZ
@given(hypothesmith.from_node())
def test_analysis_never_raises_on_generated_trees(source: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        tree = ast.parse(PRELUDE + source)
    findings = analyse(
        tree,
        (PRELUDE + source).splitlines(keepends=True),
        "fuzz.py",
        Settings(target_python=(3, 10), starlette_renamed=False),
    )
    assert all(finding.code.startswith("HTS") for finding in findings)
    # The speller relies on the walk's binding counts being exact.
    _, bindings = collect(tree, collect_imports(tree), default_table())
    assert +bindings.bound == +reference_bindings(tree)


# The project index reads other modules: a generated module summarised as another module's dependency (its
# functions and classes called with statuses, its classes used as bases) never makes the checked module's analysis
# raise either.
_CHECKED = (
    "from flask import abort\n"
    "from . import dependency\n"
    "from .dependency import *\n\n\n"
    "class View(dependency.Base):\n"
    "    def get(self):\n"
    "        self.fail(404)\n"
    "        dependency.fail('x', 404)\n"
    "        raise dependency.ApiError('x', 404)\n"
    "        return {}, 201\n"
)


@FUZZ
@given(hypothesmith.from_grammar())
def test_the_index_never_raises_on_generated_dependencies(source: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pyproject.toml").write_text("")
        (root / "app").mkdir()
        (root / "app" / "__init__.py").write_text("")
        (root / "app" / "dependency.py").write_text(PRELUDE + source, encoding="utf-8")
        checked = root / "app" / "views.py"
        checked.write_text(_CHECKED)
        session.forget()
        analyse(
            ast.parse(_CHECKED),
            _CHECKED.splitlines(keepends=True),
            str(checked),
            Settings(target_python=(3, 10), starlette_renamed=False),
        )
