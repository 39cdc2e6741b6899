"""Where an `http.HTTPStatus` member and a plain int behave alike: how a status value is used where it stands.

`HTTPStatus` members equal their ints and hash alike, but they have attributes of their own (`.phrase`,
`.name`), their own repr on every Python ('<HTTPStatus.OK: 200>' in `%r`, structlog, exception reprs) and
their own str() before Python 3.11 ('HTTPStatus.OK' from str(), `%s`, logging and templates; f-strings and
format() give '200' everywhere), and YAML's safe dumper refuses them. The other style families hold plain ints.
So writing one type where the other was is safe only where the value goes nothing but

- into a status slot whose framework turns it into an int at once (`Api.converts`), or
- into a comparison: an operand of `==`, `!=`, `<`, `<=`, `>`, `>=` and of no other operator in the chain,
  either side of `in` a literal tuple, list or set, or a `case` value pattern,
- or into a branch of a conditional expression (`404 if missing else 400`) or an operand of `and`/`or`
  (`code or 404`) that itself stands in one of those places: the expression's value is that branch or operand,
  and `bool()` of a member is `bool()` of its int, so nothing else sees it. (Parentheses leave no trace in the
  tree: `(404)` is the literal.)

A converting row counts only where the call really reaches the framework: the name its callee starts from
(`abort` in `abort(404)`, `app` in `app.errorhandler(404)`) must mean what the matcher took it for. The matcher
reads names through the module's imports and ignores scopes, so `def check(ok, abort=print): abort(404)`, a local
`abort = print`, a module-level `def abort(code): ...` after `from flask import abort` or `app` rebound to another
class match as well. Which names are safe to read that way is the caller's `Callees`: `unrebound` for the rules
(a name bound once in the whole module, scope-blind and so stricter), the verifier's own from `fixer.scopes`.

Anywhere else (an attribute read, a call, `isinstance`, an annotation, `is`, formatting, a variable, a
container, a dict key) the use is not known here and the type may show. The rules use this to make such a fix
unsafe, and the fixer's verifier to refuse a rewrite that does it anyway.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

from ..api import default_table
from ..api.rows import Role
from .children import CHILD_FIELDS
from .collect import collect
from .imports import collect_imports
from .nodes import attribute_chain
from .sites import Site
from .status_sites import find_sites

if TYPE_CHECKING:
    from .project_facts import ProjectFacts

_ORDERED: Final = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_MEMBERSHIP: Final = (ast.In, ast.NotIn)
_LITERALS: Final = (ast.Tuple, ast.List, ast.Set)
# The receivers a method row reaches through the class it is matched by (`self.send_response(200)`): the matcher
# already refuses a class that defines the method itself.
_OWN: Final = frozenset({"self", "cls"})

# Whether the name a converting call starts from (`abort`, `app`) is the framework object the matcher read it as.
Callees = Callable[[ast.Name], bool]


def unrebound(bound: Counter[str]) -> Callees:
    """Names the module binds once in all (the import or the assignment the matcher typed), or `self`/`cls`."""
    return lambda name: name.id in _OWN or bound[name.id] <= 1


def status_sites(tree: ast.Module, project: ProjectFacts | None = None) -> tuple[list[Site], Counter[str]]:
    """The module's status sites with the built-in framework table (project rows never convert), and how often each
    name is bound in it. `project`: what the index knows of the module's project (its handlers and app objects
    from other modules), the facts the rules had."""
    table = default_table()
    imports = collect_imports(tree)
    candidates, bindings = collect(tree, imports, table, project.call_roots() if project is not None else frozenset())
    return find_sites(tree, imports, candidates, bindings, table, project=project)[0], bindings.bound


class ValueUses:
    """Answers, for one module, whether a value's type can show where it stands."""

    def __init__(self, tree: ast.Module, sites: Iterable[Site], callees: Callees) -> None:
        self._tree = tree
        converting: dict[int, bool] = {}
        called: set[str] | None = None
        self._survey: _Survey | None = None
        for site in sites:
            if site.node is not None:
                if called is None and isinstance(site.anchor, ast.Return):
                    called = self._surveyed().called
                # Every row that matched the node must convert: one that keeps the object is enough to show it.
                reaches = _reaches_framework(site, callees, called or set())
                converts = (site.api.converts and reaches) or (site.role is Role.COMPARE and not site.exposed)
                converting[id(site.node)] = converting.get(id(site.node), True) and converts
        self._converting = {node for node, converts in converting.items() if converts}
        self._compared: set[int] | None = None
        self._outer: dict[int, ast.expr] | None = None

    def interchangeable(self, node: ast.AST) -> bool:
        """True when an HTTPStatus member and an int with its value behave the same at `node`."""
        if self._compared is None:
            survey = self._surveyed()
            self._compared = survey.compared
            self._outer = survey.outer
        assert self._outer is not None
        current: ast.AST | None = node
        while current is not None:  # the value, then each conditional or `and`/`or` it is the value of
            if id(current) in self._converting or id(current) in self._compared:
                return True
            current = self._outer.get(id(current))
        return False

    def _surveyed(self) -> _Survey:
        if self._survey is None:
            self._survey = _Survey(self._tree)
        return self._survey


class _Survey:
    """Three facts about one tree, gathered in one walk over the fields that hold nodes (`children.CHILD_FIELDS`)
    rather than three `ast.walk`s, which were a third of the analysis of a module with a site
    (`tests/test_value_survey.py` checks the walk against `ast.walk`).

    - `called`: what the module reads that may be a view: names (`a()`), and `.get`-style attributes of `self`,
      `cls`, a class of the module, `super()` or an instance made on the spot (`View().get()`), held as ".get".
      A view read this way is also called by Python code, which gets its return value as it is.
      `view_functions` (Flask's registry, `app.view_functions["a"]()`) stands for every view of the module.
    - `compared`: ids of the expressions that only a comparison sees.
    - `outer`: ids of the branches of conditional expressions and the operands of `and`/`or`, each mapped to that
      expression (whose value it may become); the test of a conditional is only truth-tested, never its value.
    """

    def __init__(self, tree: ast.Module) -> None:
        classes = {"self", "cls", "super"}
        found: set[str] = set()
        attributes: list[tuple[str, str]] = []
        compared: set[int] = set()
        outer: dict[int, ast.expr] = {}
        fields = CHILD_FIELDS
        stack: list[object] = [tree]
        while stack:
            node = stack.pop()
            kind = type(node)
            if isinstance(node, ast.Name):
                if isinstance(node.ctx, ast.Load):
                    found.add(node.id)
            elif isinstance(node, ast.Attribute):
                if node.attr == "view_functions":
                    found.add(node.attr)
                owner = node.value.func if isinstance(node.value, ast.Call) else node.value
                if isinstance(owner, ast.Name):
                    attributes.append((owner.id, node.attr))
            elif isinstance(node, ast.ClassDef):
                classes.add(node.name)
            elif isinstance(node, ast.Compare):
                compared.update(_compared_operands(node))
            elif isinstance(node, ast.MatchValue):
                compared.add(id(node.value))
            elif isinstance(node, ast.IfExp):
                outer[id(node.body)] = outer[id(node.orelse)] = node
            elif isinstance(node, ast.BoolOp):
                outer.update((id(value), node) for value in node.values)
            for name in fields.get(kind, ()):
                value = getattr(node, name)
                if type(value) is list:
                    stack.extend(value)
                elif value is not None:
                    stack.append(value)
        found.update("." + attribute for owner, attribute in attributes if owner in classes)
        self.called = found
        self.compared = compared
        self.outer = outer


def _escapes(function: ast.FunctionDef | ast.AsyncFunctionDef, is_method: bool, called: set[str]) -> bool:
    name = "." + function.name if is_method else function.name
    return name in called or "view_functions" in called


def _reaches_framework(site: Site, callees: Callees, called: set[str]) -> bool:
    """A call site converts only when the name its callee starts from is the framework's (see the module's notes);
    a callee that starts from anything but a name (`make_app().errorhandler(404)`) is not known to."""
    if isinstance(site.anchor, ast.Return) and site.scope.function is not None:
        if _escapes(site.scope.function, site.scope.method_of is not None, called):
            return False  # the view is also called directly: its caller sees the value the fix would write
        # A view's return tuple: the decorators that registered it (`@app.route(...)`) must be the framework's.
        decorators = [d.func if isinstance(d, ast.Call) else d for d in site.scope.function.decorator_list]
        return all(_starts_from_framework(d, callees) for d in decorators if isinstance(d, ast.Attribute))
    if site.anchor is site.node:
        # Reached through a name (a parameter's default feeding `abort(code)`): the name holds it too, where
        # other code can see it.
        return False
    if not isinstance(site.anchor, ast.Call):
        return True  # assignments and class attributes: their rows say how the receiver is known
    return _starts_from_framework(site.anchor.func, callees)


def _starts_from_framework(callee: ast.expr, callees: Callees) -> bool:
    root = attribute_chain(callee)[0]
    return isinstance(root, ast.Name) and callees(root)


def _compared_operands(compare: ast.Compare) -> Iterable[int]:
    operands = [compare.left, *compare.comparators]
    for index, operand in enumerate(operands):
        ops = compare.ops[max(index - 1, 0) : index + 1]
        if all(isinstance(op, _ORDERED) for op in ops):
            yield id(operand)
        elif len(ops) == 1 and isinstance(ops[0], _MEMBERSHIP):
            yield from _membership(operand, operands[index + 1] if index == 0 else None)


def _membership(operand: ast.expr, container: ast.expr | None) -> Iterable[int]:
    """`x in (200, 201)`: the left operand, when the container is a literal, and the literal's elements."""
    if container is not None:  # `operand` is the left side of a lone `in`
        if isinstance(container, _LITERALS):
            yield id(operand)
    elif isinstance(operand, _LITERALS):
        yield from (id(element) for element in operand.elts if not isinstance(element, ast.Starred))
