"""The walk's binding counts equal those of a plain full `ast.walk` (fuzzed code: see test_fuzz).

The speller trusts these counts never to write a name that something else binds, so they must be exact.
"""

from __future__ import annotations

import ast
import warnings
from collections import Counter
from pathlib import Path

import pytest
from expectations import fixture_files
from reference import reference_bindings as reference
from test_real_code import package_files

from flake8_http_status.analysis.collect import collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.api import default_table


def walked(tree: ast.Module) -> Counter[str]:
    _, bindings = collect(tree, collect_imports(tree), default_table())
    return bindings.bound


def parse(source: str) -> ast.Module:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        return ast.parse(source)


@pytest.mark.parametrize(
    "path", [*fixture_files(), *package_files("starlette"), *package_files("django")[:120]], ids=str
)
def test_counts_match_on_real_code(path: Path) -> None:
    tree = parse(path.read_text(encoding="utf-8"))
    assert +walked(tree) == +reference(tree)
