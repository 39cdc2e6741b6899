"""Test tables: the values a name gets from a `pytest.mark.parametrize` row or from a loop over a literal table.

`analysis.flow` follows a name back to what it is bound to. A parameter of a parametrized test and a `for` target
are bound without `name = value`; this module reads their values where the table is written out:

- `@pytest.mark.parametrize("url,expected", [("/a", 200), pytest.param("/b", 404, id="missing")])`: each row's
  element at the parameter's index (argnames as a comma string or a list or tuple of strings, one argname with bare
  values, stacked decorators, the rows given by a module name bound once and read only there);
- `for method, expected in [("get", 200), ("post", 405)]:`, over a list, tuple or set display, the `.items()`,
  `.keys()` or `.values()` of a dict display, or a name (local or module) bound once to one and read only there.

A row that is not written out (a comprehension, a call, a starred element) gives nothing but hides no other row.
Whether the name is followed at all stays flow's decision (every read a status use); this module only says what it
is bound to. pytest makes a test id of each value with str() unless the call names the ids: those elements are
`named`, so that a fix does not rename the tests (`str(HTTPStatus.OK)` is 'HTTPStatus.OK' before Python 3.11).
"""

from __future__ import annotations

import ast
from typing import Final

from .imports import ImportMap
from .name_table import Binding, Names, NameTable
from .sites import FunctionNode

_PARAMETRIZE: Final = "pytest.mark.parametrize"
_PARAM: Final = "pytest.param"
_FIXTURE: Final = "pytest.fixture"
_DISPLAYS: Final = (ast.List, ast.Tuple, ast.Set)
_DICT_VIEWS: Final = ("items", "keys", "values")
_LOOPS: Final = (ast.For, ast.AsyncFor)

Found = list[tuple[ast.expr, bool]]  # (element, whether it is written where only this binding reads it)


class Tables:
    """Reads the tables of one module, for `analysis.flow`."""

    def __init__(
        self, tree: ast.Module, imports: ImportMap, names: NameTable, bound: dict[str, int], *, conftest: bool = False
    ) -> None:
        self._tree = tree
        self._conftest = conftest
        self._imports = imports
        self._names = names
        self._bound = bound
        self.named: set[int] = set()  # ids of row elements pytest turns into test ids
        self._loops: dict[int, tuple[ast.For | ast.AsyncFor, tuple[int, ...]]] | None = None
        self._top: set[int] | None = None
        self._string_constants: frozenset[str] | None = None

    def values(self, binding: Binding, names: Names) -> Found | None:
        """The elements a table binds `binding`'s name to; None when the binding is not a table's."""
        target = binding.target
        if isinstance(target, ast.arg) and names.function is not None:
            return self._parametrized(target, names.function)
        if isinstance(target, ast.Name):
            loop = self._loop_of(target)
            if loop is not None:
                return self._looped(*loop)
        return None

    # pytest.mark.parametrize -------------------------------------------------------------------------

    def _parametrized(self, arg: ast.arg, function: FunctionNode) -> Found | None:
        args = function.args
        if not any(arg is own for own in (*args.posonlyargs, *args.args, *args.kwonlyargs)):
            return None
        for decorator in function.decorator_list:
            if not isinstance(decorator, ast.Call) or self._imports.qualify(decorator.func) != _PARAMETRIZE:
                continue
            argnames = _argnames(_argument(decorator, 0, "argnames"))
            if argnames is None:
                return None  # argnames not written out: this one may bind the parameter
            if arg.arg not in argnames:
                continue
            if _indirect(decorator, arg.arg):
                return None  # the value goes to a fixture first
            return self._rows(decorator, argnames.index(arg.arg), len(argnames))
        return self._fixture_rows(arg.arg)

    # pytest fixtures with params ---------------------------------------------------------------------

    def fixture(self, name: str) -> FunctionNode | None:
        """The module's fixture `name` when it is `@pytest.fixture(params=[...])` returning `request.param` and
        nothing else, in a module that is not a conftest (whose fixtures other modules' tests request)."""
        function = self._names.top_functions.get(name)
        if function is None or self._names.outside.get(name, 0) != 1 or self._conftest:
            return None
        if name in self._strings():
            return None  # `request.getfixturevalue("code")`, `usefixtures("code")`: requested by its name too
        decorators = [d for d in function.decorator_list if isinstance(d, ast.Call)]
        if len(function.decorator_list) != 1 or len(decorators) != 1:
            return None
        if self._imports.qualify(decorators[0].func) != _FIXTURE or _argument(decorators[0], 99, "params") is None:
            return None
        body = [statement for statement in function.body if not _is_docstring(statement)]
        if len(body) != 1 or not isinstance(body[0], ast.Return) or not _is_request_param(body[0].value, function):
            return None
        return function

    def _strings(self) -> frozenset[str]:
        if self._string_constants is None:
            self._string_constants = frozenset(
                node.value
                for node in ast.walk(self._tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
            )
        return self._string_constants

    def _fixture_rows(self, name: str) -> Found | None:
        function = self.fixture(name)
        if function is None:
            return None
        decorator = function.decorator_list[0]
        assert isinstance(decorator, ast.Call)
        rows, local = self._display(_argument(decorator, 99, "params"), None)
        named_ids = _argument(decorator, 99, "ids") is not None
        found: Found = []
        for row in rows:
            values, row_id = self._row_values(row, 1)
            if values is None:
                continue
            if not (named_ids or row_id):
                self.named.add(id(values[0]))  # pytest makes the test id from the param too
            found.append((values[0], local))
        return found

    def _rows(self, decorator: ast.Call, index: int, width: int) -> Found:
        argvalues = _argument(decorator, 1, "argvalues")
        rows, local = self._display(argvalues, None)
        # `ids=[...]` names every test; `ids=make_id` is handed the value itself, and may well str() it.
        named_ids = isinstance(_argument(decorator, 3, "ids"), _DISPLAYS)
        found: Found = []
        for row in rows:
            values, row_id = self._row_values(row, width)
            if values is None:
                continue
            element = values[index]
            if not (named_ids or row_id):
                self.named.add(id(element))
            found.append((element, local))
        return found

    def _row_values(self, row: ast.expr, width: int) -> tuple[list[ast.expr] | None, bool]:
        """A row's values, one per argname, and whether the row names its own test id."""
        row_id = False
        if isinstance(row, ast.Call) and self._imports.qualify(row.func) == _PARAM:
            row_id = any(keyword.arg == "id" for keyword in row.keywords)
            values: list[ast.expr] = list(row.args)
        elif width == 1:
            return [row], False
        elif isinstance(row, (ast.Tuple, ast.List)):
            values = list(row.elts)
        else:
            return None, False
        if len(values) != width or any(isinstance(value, ast.Starred) for value in values):
            return None, False
        return values, row_id

    # for loops ---------------------------------------------------------------------------------------

    def _loop_of(self, target: ast.Name) -> tuple[ast.For | ast.AsyncFor, tuple[int, ...]] | None:
        if self._loops is None:
            self._loops = {}
            for node in ast.walk(self._tree):
                if isinstance(node, _LOOPS):
                    for name, path in _target_paths(node.target, ()):
                        self._loops[id(name)] = (node, path)
        return self._loops.get(id(target))

    def _looped(self, loop: ast.For | ast.AsyncFor, path: tuple[int, ...]) -> Found:
        iterable = loop.iter
        view = None
        if (
            isinstance(iterable, ast.Call)
            and isinstance(iterable.func, ast.Attribute)
            and iterable.func.attr in _DICT_VIEWS
            and not iterable.args
            and not iterable.keywords
        ):
            view, iterable = iterable.func.attr, iterable.func.value
        rows, local = self._display(iterable, view)
        found: Found = []
        for row in rows:
            element = _at(row, path)
            if element is not None:
                found.append((element, local))
        return found

    # Where the rows are written ----------------------------------------------------------------------

    def _display(self, node: ast.expr | None, view: str | None) -> tuple[list[ast.expr], bool]:
        """The rows of a table written out at `node` or bound to the name `node` (read nowhere else), and whether
        they are local (a module name may be imported by another module)."""
        local = True
        if isinstance(node, ast.Name):
            node, local = self._bound_display(node)
        if view is None:
            return (list(node.elts), local) if isinstance(node, _DISPLAYS) else ([], local)
        if not isinstance(node, ast.Dict) or None in node.keys:
            return [], local
        if view == "keys":
            return [key for key in node.keys if key is not None], local
        if view == "values":
            return list(node.values), local
        return [ast.Tuple([key, value]) for key, value in zip(node.keys, node.values, strict=True) if key], local

    def _bound_display(self, read: ast.Name) -> tuple[ast.expr | None, bool]:
        """The value of the name `read` reads, when its only binding is `name = <value>` and this is its only read."""
        function = self._names.function_of(read)
        names = self._names.names_of(function)
        if function is not None and not names.bindings.get(read.id):
            names = self._names.module
        local = names.function is not None
        bindings = names.bindings.get(read.id, [])
        if read.id in names.declared or len(bindings) != 1 or len(names.loads.get(read.id, ())) != 1:
            return None, local
        if not local and (self._bound.get(read.id, 0) != 1 or id(bindings[0].target) not in self._top_targets()):
            return None, local
        return bindings[0].value, local

    def _top_targets(self) -> set[int]:
        if self._top is None:
            self._top = set()
            for statement in self._tree.body:
                if isinstance(statement, ast.Assign):
                    self._top.update(id(target) for target in statement.targets)
                elif isinstance(statement, ast.AnnAssign):
                    self._top.add(id(statement.target))
        return self._top


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    for given in call.keywords:
        if given.arg == keyword:
            return given.value
    if position < len(call.args) and not any(isinstance(arg, ast.Starred) for arg in call.args[: position + 1]):
        return call.args[position]
    return None


def _is_docstring(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)


def _is_request_param(value: ast.expr | None, fixture: FunctionNode) -> bool:
    """`request.param`, where `request` is the fixture's own parameter."""
    parameters = [arg.arg for arg in (*fixture.args.posonlyargs, *fixture.args.args)]
    return (
        isinstance(value, ast.Attribute)
        and value.attr == "param"
        and isinstance(value.value, ast.Name)
        and value.value.id == "request"
        and parameters == ["request"]
    )


def _argnames(node: ast.expr | None) -> list[str] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [part.strip() for part in node.value.split(",") if part.strip()]
    if isinstance(node, (ast.List, ast.Tuple)):
        names = [element.value for element in node.elts if isinstance(element, ast.Constant)]
        if len(names) == len(node.elts) and all(isinstance(name, str) for name in names):
            return [str(name) for name in names]
    return None


def _indirect(decorator: ast.Call, argname: str) -> bool:
    """`indirect=True`, or a list naming `argname` (or not written out): the value goes through a fixture."""
    indirect = _argument(decorator, 2, "indirect")
    if indirect is None or (isinstance(indirect, ast.Constant) and indirect.value is False):
        return False
    if isinstance(indirect, (ast.List, ast.Tuple)):
        return any(not isinstance(e, ast.Constant) or e.value == argname for e in indirect.elts)
    return True


def _target_paths(target: ast.expr, path: tuple[int, ...]) -> list[tuple[ast.Name, tuple[int, ...]]]:
    """The names a loop target binds, each with the indices that reach its element of a row; a starred target
    binds a list, not an element, and ends the paths of its tuple."""
    if isinstance(target, ast.Name):
        return [(target, path)]
    if isinstance(target, (ast.Tuple, ast.List)) and not any(isinstance(e, ast.Starred) for e in target.elts):
        found: list[tuple[ast.Name, tuple[int, ...]]] = []
        for index, element in enumerate(target.elts):
            found.extend(_target_paths(element, (*path, len(target.elts), index)))
        return found
    return []


def _at(row: ast.expr, path: tuple[int, ...]) -> ast.expr | None:
    """The element of a row at `path` (pairs of tuple length and index), when the row is written out that deep."""
    for width, index in zip(path[::2], path[1::2], strict=True):
        if not isinstance(row, (ast.Tuple, ast.List)) or len(row.elts) != width:
            return None
        if any(isinstance(element, ast.Starred) for element in row.elts):
            return None
        row = row.elts[index]
    return row
