"""The small AST helpers several analyses share (`analysis/nodes.py`, `analysis/children.py`)."""

from __future__ import annotations

import ast

import pytest

from flake8_http_status.analysis.children import labelled_blocks, nested_blocks
from flake8_http_status.analysis.nodes import attribute_chain, dotted, strip_not


def _expr(source: str) -> ast.expr:
    return ast.parse(source, mode="eval").body


@pytest.mark.parametrize(
    ("source", "holds", "inner", "inner_holds"),
    [
        ("x", True, "x", True),
        ("not x", True, "x", False),
        ("not not x", True, "x", True),
        ("not x", False, "x", True),
        ("not (a and b)", True, "a and b", False),
        ("-x", True, "-x", True),  # another unary operator stays
    ],
)
def test_strip_not(source: str, holds: bool, inner: str, inner_holds: bool) -> None:
    test, result = strip_not(_expr(source), holds)
    assert (ast.unparse(test), result) == (inner, inner_holds)


def test_strip_not_survives_deep_nesting() -> None:
    test: ast.expr = ast.Name("x", ast.Load())
    for _ in range(10_000):
        test = ast.UnaryOp(ast.Not(), test)
    inner, holds = strip_not(test)
    assert isinstance(inner, ast.Name) and holds


@pytest.mark.parametrize(
    ("source", "root", "names", "text"),
    [
        ("a", "a", [], "a"),
        ("a.b.c", "a", ["b", "c"], "a.b.c"),
        ("f().b", "f()", ["b"], None),
        ("'s'.join", "'s'", ["join"], None),
    ],
)
def test_attribute_chain_and_dotted(source: str, root: str, names: list[str], text: str | None) -> None:
    start, found = attribute_chain(_expr(source))
    assert (ast.unparse(start), found) == (root, names)
    assert dotted(_expr(source)) == text


def test_labelled_blocks_name_every_block() -> None:
    statement = ast.parse("try:\n    a\nexcept E:\n    b\nelse:\n    c\nfinally:\n    d\n").body[0]
    labelled = [
        (field, type(part).__name__, ast.unparse(block[0])) for field, part, block in labelled_blocks(statement)
    ]
    assert labelled == [
        ("body", "NoneType", "a"),
        ("orelse", "NoneType", "c"),
        ("finalbody", "NoneType", "d"),
        ("handler", "ExceptHandler", "b"),
    ]
    assert list(nested_blocks(statement)) == [block for _, _, block in labelled_blocks(statement)]


def test_labelled_blocks_of_a_match() -> None:
    statement = ast.parse("match x:\n    case 1:\n        a\n    case _:\n        b\n").body[0]
    assert [(field, ast.unparse(block[0])) for field, _, block in labelled_blocks(statement)] == [
        ("case", "a"),
        ("case", "b"),
    ]


def test_a_simple_statement_has_no_blocks() -> None:
    assert list(labelled_blocks(ast.parse("x = 1").body[0])) == []
