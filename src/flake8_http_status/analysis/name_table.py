"""Where each name of a module is bound and read, per function: what the status flow follows values through.

One walk over the module records, for every function and for the module itself, the names it reads and the
statements that bind them. A read or a binding inside a nested function, lambda, comprehension or class also
counts for every enclosing function: the flow then sees more uses and more bindings than Python would, which
can only make it refuse more (a closure that logs the value is a use the flow must see).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from typing import Final

from ..records import NamedTuple
from .children import CHILD_FIELDS
from .nodes import parameters
from .sites import FunctionNode

_FUNCTIONS: Final = (ast.FunctionDef, ast.AsyncFunctionDef)


class Binding(NamedTuple):
    """One place that binds a name: `value` is what it gets, or None when the statement is not `name = value`."""

    target: ast.AST
    value: ast.expr | None
    # `code, message = ERRORS[key]`: the value the tuple target unpacks, and this name's position in it.
    unpacks: tuple[ast.expr, int] | None = None


class Names:
    """The reads and bindings of names in one function (or the module), nested scopes included."""

    __slots__ = ("bindings", "declared", "function", "loads")

    def __init__(self, function: FunctionNode | None) -> None:
        self.function = function
        self.loads: dict[str, list[ast.Name]] = defaultdict(list)
        self.bindings: dict[str, list[Binding]] = defaultdict(list)
        self.declared: set[str] = set()  # `global` and `nonlocal` names: bound elsewhere too

    def parameters(self) -> dict[str, ast.arg]:
        if self.function is None:
            return {}
        return {arg.arg: arg for arg in parameters(self.function.args)}


class NameTable:
    """Every function's `Names`, the module's, and the parent of every name read (to tell how it is used)."""

    def __init__(self, tree: ast.Module) -> None:
        self.module = Names(None)
        self.functions: dict[int, Names] = {}
        # id of an `ast.Name` read, a `name[...]` or a `name.get(...)` -> the node that holds it
        self.parents: dict[int, ast.AST] = {}
        self.outside: dict[str, int] = defaultdict(int)  # bindings made outside every function (module, class body)
        self.get_calls: dict[int, ast.Call] = {}  # id of the name read in `name.get(...)` -> that call
        self.enclosing: dict[int, FunctionNode | None] = {}  # id of a function -> the function it is defined in
        self._read_in: dict[int, FunctionNode | None] = {}  # id of an `ast.Name` read -> the function it sits in
        self.top_functions: dict[str, FunctionNode] = {}
        self.top_classes: dict[str, ast.ClassDef] = {}
        self._unpacked: dict[int, ast.expr] = {}  # id of a Name in a tuple target -> its element of the value
        self._positions: dict[int, tuple[ast.expr, int]] = {}  # the same, when the value is not a tuple display
        self._walk(tree)

    def function_of(self, load: ast.Name) -> FunctionNode | None:
        """The innermost function a name read sits in (None at module level)."""
        return self._read_in.get(id(load))

    def names_of(self, function: FunctionNode | None) -> Names:
        return self.module if function is None else self.functions.get(id(function), self.module)

    def _walk(self, tree: ast.Module) -> None:
        for statement in tree.body:
            if isinstance(statement, _FUNCTIONS):
                self.top_functions[statement.name] = statement
            elif isinstance(statement, ast.ClassDef):
                self.top_classes[statement.name] = statement
        # Each entry: a node, its parent, and the functions it sits in (innermost last).
        stack: list[tuple[ast.AST, ast.AST | None, tuple[Names, ...]]] = [(tree, None, (self.module,))]
        fields = CHILD_FIELDS
        while stack:
            node, parent, owners = stack.pop()
            kind = type(node)
            if kind is ast.Name:
                self._name(node, parent, owners)  # type: ignore[arg-type]
                continue
            if parent is not None and kind in (ast.Subscript, ast.Call):
                self._note_access(node, parent)
            self._bind(node, owners)
            if kind is ast.Assign:
                self._note_unpacking(node)  # type: ignore[arg-type]
            if isinstance(node, _FUNCTIONS):
                inner = (*owners, self._enter(node, owners))
                stack.extend((child, node, inner) for child in node.body)
                outer = (*node.decorator_list, node.args, node.returns, *getattr(node, "type_params", ()))
                stack.extend((child, node, owners) for child in outer if child is not None)
                continue
            for field in fields.get(kind, ()):
                value = getattr(node, field)
                if type(value) is list:
                    stack.extend((child, node, owners) for child in value if child is not None)
                elif value is not None:
                    stack.append((value, node, owners))

    def _enter(self, node: FunctionNode, owners: tuple[Names, ...]) -> Names:
        names = Names(node)
        self.functions[id(node)] = names
        self.enclosing[id(node)] = owners[-1].function
        for arg in names.parameters().values():
            names.bindings[arg.arg].append(Binding(arg, None))
        return names

    def _note_access(self, node: ast.AST, parent: ast.AST) -> None:
        """Where `name[...]`, `name.get(...)` and `helper(...)` go: how a table's entries and a helper's result
        are used."""
        if isinstance(node, ast.Subscript):
            if isinstance(node.value, ast.Name):
                self.parents[id(node)] = parent
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Name):
                self.parents[id(node)] = parent  # `status = deny()`
            elif _is_get(node.func):
                self.parents[id(node)] = parent
                self.get_calls[id(node.func.value)] = node  # type: ignore[attr-defined]

    def _note_unpacking(self, node: ast.Assign) -> None:
        if len(node.targets) != 1:
            return
        for whole in node.targets:
            if not isinstance(whole, (ast.Tuple, ast.List)):
                continue
            starred = any(isinstance(element, ast.Starred) for element in whole.elts)
            for index, element in enumerate(whole.elts):
                if isinstance(element, ast.Name):
                    given = unpacked_value(node, element)
                    if given is not None:
                        self._unpacked[id(element)] = given
                    elif not starred:
                        self._positions[id(element)] = (node.value, index)

    def _name(self, node: ast.Name, parent: ast.AST | None, owners: tuple[Names, ...]) -> None:
        if isinstance(node.ctx, ast.Load):
            if parent is not None:
                self.parents[id(node)] = parent
            self._read_in[id(node)] = owners[-1].function
            for names in owners:
                names.loads[node.id].append(node)
            return
        value = self._unpacked.get(id(node)) or _assigned_value(node, parent)
        binding = Binding(node, value, self._positions.get(id(node)))
        if len(owners) == 1:
            self.outside[node.id] += 1
        for names in owners:
            names.bindings[node.id].append(binding)

    def _bind(self, node: ast.AST, owners: tuple[Names, ...]) -> None:
        """Bindings made without an `ast.Name` target (definitions, imports, handlers, patterns, declarations)."""
        bound: tuple[str | None, ...] = ()
        if isinstance(node, (*_FUNCTIONS, ast.ClassDef, ast.ExceptHandler)):
            bound = (node.name,)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound = tuple(alias.asname or alias.name.partition(".")[0] for alias in node.names)
        elif isinstance(node, (ast.MatchAs, ast.MatchStar)):
            bound = (node.name,)
        elif isinstance(node, ast.MatchMapping):
            bound = (node.rest,)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            for names in owners:
                names.declared.update(node.names)
            return
        elif isinstance(node, ast.Lambda):
            bound = tuple(arg.arg for arg in parameters(node.args))
        for name in bound:
            if name is not None:
                if len(owners) == 1:
                    self.outside[name] += 1
                for names in owners:
                    names.bindings[name].append(Binding(node, None))


def _is_get(func: ast.expr) -> bool:
    return isinstance(func, ast.Attribute) and func.attr == "get" and isinstance(func.value, ast.Name)


def _assigned_value(target: ast.Name, parent: ast.AST | None) -> ast.expr | None:
    """The value `target` gets when `parent` is `target = value` or `target: T = value`; None otherwise (a loop,
    `with`, walrus, augmented assignment; tuple targets are read by `unpacked_value`)."""
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and parent.targets[0] is target:
        return parent.value  # `a = b = 404` gives the value to two names: neither is read as holding it alone
    if isinstance(parent, ast.AnnAssign) and parent.target is target:
        return parent.value
    return None


def unpacked_value(statement: ast.Assign, target: ast.Name) -> ast.expr | None:
    """`b` in `a, b = 404, "missing"`: the element of the tuple display at the target's position."""
    value = statement.value
    for whole in statement.targets:
        if not isinstance(whole, (ast.Tuple, ast.List)) or not isinstance(value, (ast.Tuple, ast.List)):
            continue
        if len(whole.elts) != len(value.elts) or any(isinstance(e, ast.Starred) for e in (*whole.elts, *value.elts)):
            continue
        for element, given in zip(whole.elts, value.elts, strict=True):
            if element is target:
                return given
    return None
