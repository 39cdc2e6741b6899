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

from flake8_http_status.analysis.collect import _Walker, collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.analysis.sites import Scope
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


def _reference_pushes(args: ast.arguments) -> list[ast.AST]:
    """What a walk of the `arguments` node's fields, in their order, meets below it: each parameter's annotation
    (the `arg` nodes themselves hold nothing else), each default, None left out."""
    found: list[ast.AST] = []
    for field in args._fields:
        value = getattr(args, field)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, ast.arg):
                if item.annotation is not None:
                    found.append(item.annotation)
            elif item is not None:
                found.append(item)
    return found


def _signature_pushes(tree: ast.Module) -> list[tuple[list[ast.AST | Scope], list[ast.AST]]]:
    walker = _Walker(collect_imports(tree), default_table())
    pairs = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            stack: list[ast.AST | Scope] = []
            walker._signature(node.args, stack)
            pairs.append((stack, _reference_pushes(node.args)))
    return pairs


EVERY_KIND = """
def f(a: A, b=1, /, c: C = 2, *args: V, d: D, e=3, f: F = 4, **kwargs: K) -> R: ...
def g(*, only): ...
def h(a, *args, **kwargs): ...
async def i(x: X = None, *, y=lambda z=5: z): ...
"""


@pytest.mark.parametrize("path", [None, *fixture_files(), *package_files("django")[:120]], ids=str)
def test_a_signature_pushes_what_a_walk_of_its_fields_meets_in_their_order(path: Path | None) -> None:
    """The walk pops what `_signature` pushes: the same nodes in the same order as the fields give them, so that
    what the collector keeps comes in the order of a plain walk."""
    tree = parse(EVERY_KIND if path is None else path.read_text(encoding="utf-8"))
    pairs = _signature_pushes(tree)
    assert pairs or path is not None
    for pushed, reference_order in pairs:
        assert [id(node) for node in pushed] == [id(node) for node in reference_order]
