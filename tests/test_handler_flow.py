"""Paths, branch facts, dominance and except clauses."""

from __future__ import annotations

import ast

from flake8_http_status.handlers.flow import Path, dominates, except_clauses, facts, path_to, try_body


def function(source: str) -> ast.FunctionDef:
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.FunctionDef)
    return node


def find(root: ast.AST, text: str) -> ast.AST:
    return next(node for node in ast.walk(root) if isinstance(node, (ast.stmt, ast.expr)) and ast.unparse(node) == text)


def never(block: list[ast.stmt]) -> bool:
    return isinstance(block[-1], (ast.Return, ast.Raise))


SOURCE = """
def view(request):
    a = 1
    if request.x:
        b = 2
        return b
    else:
        c = 3
    with lock():
        d = 4
    try:
        e = 5
    except ValueError:
        f = 6
    for item in items:
        g = 7
    h = call(a)
    def inner():
        i = 8
"""


def test_paths_stop_at_nested_functions() -> None:
    view = function(SOURCE)
    assert [step.at for step in path_to(view, find(view, "b = 2"))] == [1, 0]
    inner = find(view, "i = 8")
    assert path_to(view, inner)[-1].stmt.name == "inner"  # type: ignore[attr-defined]


def test_dominance() -> None:
    view = function(SOURCE)

    def path(text: str) -> Path:
        return path_to(view, find(view, text))

    assert dominates(path("a = 1"), path("h = call(a)"), never)
    assert dominates(path("d = 4"), path("h = call(a)"), never)  # a with body always runs
    assert not dominates(path("c = 3"), path("h = call(a)"), never)  # an else branch does not
    assert not dominates(path("e = 5"), path("h = call(a)"), never)  # the handler may run instead
    assert not dominates(path("g = 7"), path("h = call(a)"), never)  # a loop may run no time
    assert not dominates(path("h = call(a)"), path("a = 1"), never)
    assert dominates(path("a"), path("h = call(a)"), never)  # the same statement


def test_facts_from_branches_and_guards() -> None:
    view = function(
        "def view(request):\n    if request.a:\n        return 1\n    assert request.b\n"
        "    if request.c:\n        x = 1\n    else:\n        y = 2\n"
    )
    found = [
        (ast.unparse(fact.test), fact.holds, fact.branch) for fact in facts(path_to(view, find(view, "y = 2")), never)
    ]
    assert found == [("request.a", False, False), ("request.b", True, False), ("request.c", False, True)]


def test_except_handlers_innermost_first() -> None:
    view = function(
        "def view():\n    try:\n        a()\n    except KeyError:\n        try:\n            b()\n"
        "        except ValueError:\n            c()\n"
    )
    path = path_to(view, find(view, "c()"))
    handlers = except_clauses(path)
    assert [ast.unparse(h.type) for h in handlers if h.type] == ["ValueError", "KeyError"]
    assert [ast.unparse(stmt) for stmt in try_body(path, handlers[0])] == ["b()"]
