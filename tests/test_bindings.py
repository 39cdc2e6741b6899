"""The walk's binding counts equal those of a plain full `ast.walk`, on fixtures, real code and fuzzed code.

The speller trusts these counts never to write a name that something else binds, so they must be exact.
"""

from __future__ import annotations

import ast
import warnings
from collections import Counter
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import HealthCheck, given, settings

from expectations import fixture_files
from flake8_http_status.analysis.collect import collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.api import TABLE
from test_real_code import package_files


def reference(tree: ast.Module) -> Counter[str]:
    """Every binding, found the slow and obvious way."""
    counts: Counter[str] = Counter()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            counts[node.id] += 1
        elif isinstance(node, ast.arg):
            counts[node.arg] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            counts[node.name] += 1
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            counts.update(alias.asname or alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, (ast.ExceptHandler, ast.MatchAs, ast.MatchStar)) and node.name:
            counts[node.name] += 1
        elif isinstance(node, ast.MatchMapping) and node.rest:
            counts[node.rest] += 1
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            counts.update(node.names)
    return counts


def walked(tree: ast.Module) -> Counter[str]:
    _, bindings = collect(tree, collect_imports(tree), TABLE)
    return bindings.bound


def parse(source: str) -> ast.Module:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        return ast.parse(source)


@pytest.mark.parametrize("path", [*fixture_files(), *package_files("starlette"), *package_files("django")[:120]], ids=str)
def test_counts_match_on_real_code(path: Path) -> None:
    tree = parse(path.read_text(encoding="utf-8"))
    assert +walked(tree) == +reference(tree)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_node())
def test_counts_match_on_generated_code(source: str) -> None:
    tree = parse(source)
    assert +walked(tree) == +reference(tree)
