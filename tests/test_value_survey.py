"""`value_uses._Survey` gathers in one walk what three `ast.walk`s gathered: checked on every module of the
fixtures, the tests and the package, and on snippets with each construct it looks at."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flake8_http_status.analysis.value_uses import _compared_operands, _Survey

ROOT = Path(__file__).resolve().parent.parent


# The definitions the survey replaced, walking with `ast.walk`.
def _called_by_name(tree: ast.Module) -> set[str]:
    """What the module reads that may be a view: names (`a()`), and `.get`-style attributes of `self`, `cls`, a
    class of the module, `super()` or an instance made on the spot (`View().get()`), held as ".get". A view read
    this way is also called by Python code, which gets its return value as it is. `view_functions` (Flask's
    registry, `app.view_functions["a"]()`) stands for every view of the module."""
    classes = {"self", "cls", "super"}
    found: set[str] = set()
    attributes: list[tuple[str, str]] = []  # (owner, attribute): kept once the module's classes are known
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            classes.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            if node.attr == "view_functions":
                found.add(node.attr)
            owner = node.value.func if isinstance(node.value, ast.Call) else node.value
            if isinstance(owner, ast.Name):
                attributes.append((owner.id, node.attr))
    found.update("." + attribute for owner, attribute in attributes if owner in classes)
    return found


def _compared(tree: ast.Module) -> set[int]:
    """Ids of the expressions that only a comparison sees (ast.walk keeps its own queue: no recursion)."""
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            found.update(_compared_operands(node))
        elif isinstance(node, ast.MatchValue):
            found.add(id(node.value))
    return found


def _passed_through(tree: ast.Module) -> dict[int, ast.expr]:
    """Ids of the branches of conditional expressions and the operands of `and`/`or`, each mapped to that expression
    (whose value it may become); the test of a conditional is only truth-tested and never its value."""
    outer: dict[int, ast.expr] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.IfExp):
            outer[id(node.body)] = outer[id(node.orelse)] = node
        elif isinstance(node, ast.BoolOp):
            outer.update((id(value), node) for value in node.values)
    return outer


SNIPPETS = (
    "class V:\n    def get(self):\n        return self.get() or View().post() or super().put()\n",
    "app.view_functions['a']()\nx = a if b else c\ny = p and q or r\n",
    "match s:\n    case 200:\n        pass\n    case HTTPStatus.OK:\n        pass\n",
    "if r.status_code in (200, 201) and 400 <= code < 500 and code not in {1, *x}:\n    pass\n",
    "d = {**x, 'a': (lambda: (yield))}\nasync def f():\n    await g(x if y else z)\n",
)


def _modules() -> list[Path]:
    paths = sorted((ROOT / "fixtures").rglob("*.py")) + sorted((ROOT / "src").rglob("*.py"))
    return paths + sorted((ROOT / "tests").glob("*.py"))


def _same(tree: ast.Module) -> None:
    survey = _Survey(tree)
    assert survey.called == _called_by_name(tree)
    assert survey.compared == _compared(tree)
    assert survey.outer == _passed_through(tree)


@pytest.mark.parametrize("source", SNIPPETS)
def test_the_survey_finds_what_the_walks_find_in_snippets(source: str) -> None:
    tree = ast.parse(source)
    _same(tree)
    assert _called_by_name(tree) or _compared(tree) or _passed_through(tree)


def test_the_survey_finds_what_the_walks_find_in_every_module_here() -> None:
    checked = 0
    for path in _modules():
        try:
            tree = ast.parse(path.read_bytes())
        except (SyntaxError, ValueError):
            continue  # fixtures that are not Python on purpose
        _same(tree)
        checked += 1
    assert checked > 300
