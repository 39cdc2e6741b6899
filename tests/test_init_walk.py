"""`framework_bases` walks a class's `__init__` over `CHILD_FIELDS` rather than with `ast.walk`, once for both its
questions (`ClassInit`; issue 16's per-file cost): checked against `ast.walk` on every class of the fixtures, the
tests and the package, and on snippets."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flake8_http_status.analysis.framework_bases import ClassInit, _attributes_set, _init_nodes
from flake8_http_status.analysis.nodes import super_init_calls

ROOT = Path(__file__).resolve().parent.parent

SNIPPETS = [
    "class A(B):\n    def __init__(self, code):\n        super().__init__(status=code)\n        self.status = code\n",
    "class A(B):\n    async def __init__(self):\n        if x:\n            super(A, self).__init__([lambda: (y := 3)])\n",
    "class A(B):\n    status_code = 404\n    def __init__(self):\n        def inner():\n            self.code = 1\n",
    "class A(B):\n    def __init__(self, *a, **k):\n        match a:\n            case [x]: self.error_code = x\n",
    "class A(B):\n    def other(self):\n        super().__init__(404)\n        self.status = 1\n",
]


def _classes() -> list[ast.ClassDef]:
    found: list[ast.ClassDef] = []
    sources = [*SNIPPETS]
    for folder in ("fixtures", "tests", "src"):
        sources.extend(
            path.read_text(encoding="utf-8", errors="replace") for path in sorted((ROOT / folder).rglob("*.py"))
        )
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        found.extend(node for node in ast.walk(tree) if isinstance(node, ast.ClassDef))
    return found


CLASSES = _classes()


def _walked_init_nodes(cls: ast.ClassDef) -> set[int]:
    return {
        id(node)
        for method in cls.body
        if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and method.name == "__init__"
        for node in ast.walk(method)
        # contexts, operators and the names of an import hold no node, and CHILD_FIELDS skips them
        if not isinstance(node, (ast.expr_context, ast.boolop, ast.operator, ast.unaryop, ast.cmpop, ast.alias))
    }


def _walked_attributes(cls: ast.ClassDef) -> set[str]:
    names: set[str] = set()
    for statement in cls.body:
        if isinstance(statement, ast.Assign):
            names.update(target.id for target in statement.targets if isinstance(target, ast.Name))
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            names.add(statement.target.id)
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name == "__init__":
            for node in ast.walk(statement):
                if isinstance(node, ast.Assign):
                    names.update(t.attr for t in node.targets if isinstance(t, ast.Attribute))
    return names


def _check_walk(cls: ast.ClassDef) -> None:
    init = ClassInit(cls)
    assert {id(call) for call in init.super_init_calls()} == {id(call) for call, _ in super_init_calls(cls)}, cls.name
    assert set(_attributes_set(init)) == _walked_attributes(cls), cls.name
    assert init.super_init_calls() is init.super_init_calls()  # walked once


def test_there_are_classes_with_an_init() -> None:
    assert sum(1 for cls in CLASSES if _walked_init_nodes(cls)) > 50


@pytest.mark.parametrize("index", range(len(SNIPPETS)))
def test_snippets(index: int) -> None:
    cls = CLASSES[index]
    assert {id(node) for node in _init_nodes(cls)} == _walked_init_nodes(cls)
    _check_walk(cls)


def test_every_class_of_the_repository() -> None:
    for cls in CLASSES:
        assert {id(node) for node in _init_nodes(cls)} == _walked_init_nodes(cls), cls.name
        _check_walk(cls)
