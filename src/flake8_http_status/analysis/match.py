"""Match the gathered candidates against the framework table and produce status sites."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from ..api import COMPARISON_CALLS, Table
from ..api.rows import Api, CompareRow, Misplaced, ReturnRow, Slot
from ..lazy_pattern import LazyPattern
from ..statuses import is_known
from .collect import Bindings, Candidates
from .imports import ImportMap
from .nodes import attribute_chain, parameter_defaults
from .receivers import Receivers, last_name
from .sites import FunctionNode, Scope, Site
from .values import UNKNOWN, Spelling, Value, looks_like_status, read_value

if TYPE_CHECKING:
    from .project_facts import ProjectFacts

_ASSERT_IN = frozenset({"assertIn", "assertNotIn"})
_EQUALITY = (ast.Eq, ast.NotEq)
_MEMBERSHIP = (ast.In, ast.NotIn)
_HEADER_LIKE = (ast.Dict, ast.DictComp, ast.List, ast.Tuple, ast.Set)


class Matcher:
    def __init__(
        self,
        table: Table,
        imports: ImportMap,
        bindings: Bindings,
        *,
        in_tests: bool = False,
        project: ProjectFacts | None = None,
    ) -> None:
        self.table = table
        self.imports = imports
        self.project = project  # the project index's answers about other modules; None outside a project
        self.receivers = Receivers(imports, bindings, in_tests=in_tests, project=project)
        self.sites: list[Site] = []
        # A name in a comparison or an assertion's slot (`assert r.status_code == expected`): no site of its own, as
        # only 100-599 counts there, but `analysis.flow` follows it back to the literals it is bound to.
        self.held: list[Site] = []
        self._views: dict[tuple[int, int], bool] = {}
        self._decorators: set[int] = set()
        self._module_level: frozenset[int] = frozenset()
        self._bound = bindings.bound
        self._named_dicts: dict[str, ast.Dict] = {}
        self._read_names: dict[tuple[int, str], CompareRow | None] = {}  # (function, name) -> the read it holds
        self._maybe_read: set[tuple[int, str]] | None = None
        self._assignments: list[tuple[ast.Assign | ast.AnnAssign, Scope]] = []
        self._project_calls: set[int] = set()

    def run(self, candidates: Candidates) -> list[Site]:
        self._decorators = candidates.decorators
        self._project_calls = candidates.project_calls
        self._module_level = candidates.module_functions
        self._named_dicts = self._module_dicts(candidates)
        self._assignments = candidates.assignments
        for function, scope in candidates.functions:
            self._defaults(function, scope)
        for call, scope in candidates.calls:
            self._call(call, scope)
        for assignment, scope in candidates.assignments:
            self._assignment(assignment, scope)
        for cls in candidates.classes:
            self._class(cls)
        for compare, scope in candidates.compares:
            self._compare(compare, scope)
        for match, scope in candidates.matches:
            self._match(match, scope)
        for ret, scope in candidates.returns:
            self._return(ret, scope)
        for raise_, scope in candidates.raises:
            self._raise(raise_, scope)
        self.sites.sort(key=site_position)
        return self.sites

    def _add(self, anchor: ast.AST, api: Api, node: ast.expr, scope: Scope, *, in_pattern: bool = False) -> None:
        if isinstance(node, ast.IfExp):  # `abort(404 if missing else 400)`: each branch is a status of the slot
            while isinstance(node, ast.IfExp):  # a chain `a if x else b if y else c`, walked as a loop
                self._add(anchor, api, node.body, scope)
                node = node.orelse
            self._add(anchor, api, node, scope)
            return
        value = read_value(node, self.imports)
        if value.spelling is Spelling.OTHER and self.project is not None:
            value = self._project_constant(node) or value
        if isinstance(node, ast.Name) and scope.function is not None:
            default = parameter_default(scope.function, node.id)
            if default is not None:  # def error(message, status=400): return JsonResponse(..., status=status)
                self._add(default, api, default, Scope(None, scope.cls))
        if api.generic and not _counts_at_generic_site(value):
            if isinstance(node, ast.Name) and value.spelling is Spelling.OTHER:
                self.held.append(Site(anchor, api, node, value, scope))
            return
        if api.registered and not _is_registered(value):
            if isinstance(node, ast.Name) and value.spelling is Spelling.OTHER:
                self.held.append(Site(anchor, api, node, value, scope))  # the flow may find registered codes in it
            return
        self.sites.append(Site(anchor, api, node, value, scope, in_pattern=in_pattern))

    def _project_constant(self, node: ast.expr) -> Value | None:
        """`abort(NOT_FOUND)`, `abort(codes.NOT_FOUND)`: a status constant another module of the project defines,
        read where the module binds its root name only by the import (no parameter or assignment shadows it)."""
        assert self.project is not None
        root, _ = attribute_chain(node)
        if not isinstance(root, ast.Name) or self._bound.get(root.id, 0) > 1:
            return None
        qualified = self.imports.qualify(node) or self.project.qualify(node)
        code = self.project.constant(qualified) if qualified is not None else None
        return None if code is None else Value(Spelling.CONSTANT, code, project=True)

    # Calls -------------------------------------------------------------------------------------------

    def _call(self, call: ast.Call, scope: Scope) -> None:
        func = call.func
        qualified = self.imports.qualify(func)
        apis = self.table.calls.get(qualified, ()) if qualified else ()
        if not apis:  # project helpers configured by bare name
            apis = self.table.calls.get(last_name(func), ())
        for api in apis:
            self.call_api(call, api, scope)
        if apis or self._project_call(call, qualified, scope) or id(call) in self._project_calls:
            return
        if self._lookup(call, scope):
            return
        if isinstance(func, ast.Attribute) and not self._own_method(func, scope):
            decorating = id(call) in self._decorators
            matched = [
                row
                for row in self.table.methods.get(func.attr, ())
                if self.receivers.matches(row.receiver, func.value, scope, decorating=decorating)
            ]
            # A test module's guess at an untyped receiver (`Receiver.in_tests`) yields to any row that knows it.
            specific = [row for row in matched if not row.receiver.in_tests]
            for row in specific or matched:
                self.call_api(call, row.api, scope)
            if matched:
                return
        self._generic_call(call, last_name(func), scope)

    def _project_call(self, call: ast.Call, qualified: str | None, scope: Scope) -> bool:
        """A call of a project helper, exception class or inherited method that another module defines."""
        if self.project is None:
            return False
        func = call.func
        rows: tuple[Api, ...] | None = ()
        if isinstance(func, (ast.Name, ast.Attribute)):
            absolute = qualified or self.project.qualify(func)
            rows = self.project.rows(absolute) if absolute else ()
        if not rows and isinstance(func, ast.Attribute):
            rows = self.receivers.project_method_rows(func, scope)
            if rows is not None and not rows:
                return True  # a project class defines the method: no framework row applies
        if not rows:
            return False
        self.call_through(call, rows, scope)
        return True

    def call_through(self, call: ast.Call, apis: tuple[Api, ...], scope: Scope) -> list[Site]:
        """The sites of `call` as a call of each of `apis`, marked as reached through the callee (`Site.via`): a
        project helper's, or the module's own (`analysis.flow`). The handler model reads only statuses written at
        the framework's slot itself."""
        first = len(self.sites)
        for api in apis:
            self.call_api(call, api, scope)
        for index in range(first, len(self.sites)):
            self.sites[index] = self.sites[index]._replace(via=call.func)
        return self.sites[first:]

    def _own_method(self, func: ast.Attribute, scope: Scope) -> bool:
        """`self.set_status(...)` in a class that defines set_status itself calls that method, not a framework's."""
        receiver = func.value
        return (
            isinstance(receiver, ast.Name)
            and receiver.id in ("self", "cls")
            and scope.cls is not None
            and self.receivers.defines(scope.cls, func.attr)
        )

    def call_api(self, call: ast.Call, api: Api, scope: Scope) -> None:
        # A class that carries one status, unless the call overrides it (Litestar's `status_code=`).
        if api.fixed is not None and not any(argument(call, slot) is not None for slot in api.slots):
            self.sites.append(Site(call, api, None, Value(Spelling.FIXED, api.fixed), scope))
        if api.keys_of is not None:
            self._dict_keys(call, api, scope)
        filled = False
        for slot in api.slots:
            node = argument(call, slot)
            if node is not None:
                filled = True
                for value in _elements(node) if api.many and _elements(node) else (node,):
                    self._add(call, api, value, scope)
        if api.slots and not filled and api.default is not None and not _has_double_star(call):
            self.sites.append(Site(call, api, None, Value(Spelling.DEFAULT, api.default), scope))
        for misplaced in api.misplaced:
            self._misplaced(call, api, misplaced, scope)

    def _dict_keys(self, call: ast.Call, api: Api, scope: Scope) -> None:
        for keyword in call.keywords:
            if keyword.arg == api.keys_of:
                self._keys_in(call, api, keyword.value, scope, set(), spread=False)

    def _keys_in(
        self, call: ast.Call, api: Api, node: ast.expr, scope: Scope, followed: set[str], *, spread: bool
    ) -> None:
        """Sites for the keys of a dict display, of a module-level dict it names, and of its `**` entries."""
        if isinstance(node, ast.Name) and node.id not in followed:
            named = self._named_dict(node.id, scope)
            if named is not None:
                followed.add(node.id)
                # Code elsewhere may add keys to it (`ERRORS[500] = ...`): a site the analysis cannot read tells
                # rules that need every key (HTS917) that the keys seen here may not be all of them.
                self.sites.append(Site(call, api, node, UNKNOWN, scope))
                node = named
        if not isinstance(node, ast.Dict):
            if spread:  # `**entries` the analysis cannot read
                self.sites.append(Site(call, api, node, UNKNOWN, scope))
            return
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                self._keys_in(call, api, value, scope, followed, spread=True)
            else:
                for status in _statuses_of_key(key, api):
                    self._add(call, api, status, scope)

    def _named_dict(self, name: str, scope: Scope) -> ast.Dict | None:
        """The dict display `name` holds: a local its function binds only there (`handlers = {404: not_found}`),
        else a module-level name bound once in the module."""
        if scope.function is not None:
            from .local_binding import assigned_values, binds  # a dict's name in a call: few modules have one

            values = assigned_values(name, scope.function)
            if values is not None:
                return values[0] if len(values) == 1 and isinstance(values[0], ast.Dict) else None
            if binds(name, scope.function):
                return None  # a parameter, a loop variable...: not the module's dict of that name
        return self._named_dicts.get(name)

    def _module_dicts(self, candidates: Candidates) -> dict[str, ast.Dict]:
        """Module-level names bound exactly once in the module, to a dict display (`ERRORS = {404: ...}`)."""
        found: dict[str, ast.Dict] = {}
        for node, scope in candidates.assignments:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if (
                scope.function is None
                and scope.cls is None
                and len(targets) == 1
                and isinstance(targets[0], ast.Name)
                and isinstance(node.value, ast.Dict)
                and self._bound[targets[0].id] == 1
            ):
                found[targets[0].id] = node.value
        return found

    def _misplaced(self, call: ast.Call, api: Api, misplaced: Misplaced, scope: Scope) -> None:
        node = positional(call, misplaced.position)
        if node is None or len(call.args) < misplaced.minimum_args:
            return
        value = read_value(node, self.imports)
        if looks_like_status(value):
            self.sites.append(Site(call, api, node, value, scope, misplaced=misplaced))

    def _generic_call(self, call: ast.Call, name: str, scope: Scope) -> None:
        if not name:
            return
        if name in COMPARISON_CALLS:
            self._assert_call(call, name, scope)
            return
        # The rows that match by name first, then whether the call only logs or counts: most calls here match none,
        # and the telemetry test may type a receiver through the project index.
        helper = (
            next((h for pattern, h in self.table.helpers if pattern.match(name)), None) if "tatus" in name else None
        )
        keywords = self.table.status_keywords
        row = None
        if any(keyword.arg in keywords for keyword in call.keywords):
            row = next((r for pattern, r in self.table.keywords if pattern.match(name)), None)
        if helper is None and row is None:
            return
        from .telemetry import is_telemetry_call  # asked only of a call a generic row matched

        if is_telemetry_call(call.func, scope, self.imports, self.receivers):
            return  # log.error(..., status_code=502)
        if helper is not None:
            for arg in call.args:
                self._add(call, helper.api, arg, scope)
        if row is not None:
            for keyword in call.keywords:
                if keyword.arg in row.keywords:
                    self._add(call, row.api, keyword.value, scope)

    def _assert_call(self, call: ast.Call, name: str, scope: Scope) -> None:
        if len(call.args) < 2:
            return
        first, second = call.args[0], call.args[1]
        if name in _ASSERT_IN:
            row = self._status_read(first, scope)
            if row is not None:
                for element in _elements(second):
                    self._add(call, row.api, element, scope)
            return
        pair = self._read_and_value(first, second, scope)
        if pair is not None:
            self._add(call, pair[0].api, pair[1], scope)

    # Comparisons -------------------------------------------------------------------------------------

    def _status_read(self, node: ast.expr, scope: Scope) -> CompareRow | None:
        """The row for `response.status_code`, `resp.status`, `resp.getcode()`: reads of a status."""
        if isinstance(node, ast.Name):
            rows = self.table.comparisons.get(node.id)  # most names compared have none
            row = next((row for row in rows if row.variable), None) if rows else None
            return row if row is not None else self._read_through_name(node, scope)
        is_call = isinstance(node, ast.Call)
        if isinstance(node, ast.Call):
            if node.args or node.keywords:
                return None
            node = node.func
        if not isinstance(node, ast.Attribute):
            return None
        for row in self.table.comparisons.get(node.attr, ()):
            if row.call == is_call and not row.variable and self.receivers.matches(row.receiver, node.value, scope):
                return row
        return None

    def _read_and_value(self, first: ast.expr, second: ast.expr, scope: Scope) -> tuple[CompareRow, ast.expr] | None:
        """Which side of `a == b` reads a status, and the other side, the value compared with it. When both do, as in
        `status_code == response.status_code`, the name is the value: the flow may follow it to its literals."""
        first_row = self._status_read(first, scope)
        second_row = self._status_read(second, scope)
        if first_row is not None and (second_row is None or not isinstance(first, ast.Name)):
            return first_row, second
        if second_row is not None:
            return second_row, first
        return None

    def _read_through_name(self, node: ast.Name, scope: Scope) -> CompareRow | None:
        """`status = resp.status_code` then `if status == 404`: a local bound only to reads of a status is one."""
        function = scope.function
        if function is None:
            return None
        key = (id(function), node.id)
        if self._maybe_read is None:
            self._maybe_read = self._names_bound_to_reads()
        if key not in self._maybe_read:
            return None
        if key not in self._read_names:
            from .local_binding import assigned_values  # a name bound to a status read: few modules have one

            values = assigned_values(node.id, function)
            rows = [None if isinstance(v, ast.Name) else self._status_read(v, scope) for v in values or ()]
            self._read_names[key] = rows[0] if rows and all(row is not None for row in rows) else None
        return self._read_names[key]

    def _names_bound_to_reads(self) -> set[tuple[int, str]]:
        """(function, name) for each `name = <x>.<attribute>` or `name = <x>.<method>()` in a function where a
        comparison row reads that attribute: the only names worth proving to hold a status."""
        found: set[tuple[int, str]] = set()
        comparisons = self.table.comparisons
        for node, scope in self._assignments:  # every assignment of the module: the cheapest tests first
            if scope.function is None:
                continue
            value = node.value
            if type(value) is ast.Call:
                value = value.func
            if type(value) is not ast.Attribute or value.attr not in comparisons:
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found.update((id(scope.function), t.id) for t in targets if isinstance(t, ast.Name))
        return found

    def _lookup(self, call: ast.Call, scope: Scope) -> bool:
        """`{401: "bad password", 403: "read-only"}.get(resp.status_code)`: the keys are compared with a status."""
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr == "get" and isinstance(func.value, ast.Dict)):
            return False
        row = self._status_read(call.args[0], scope) if call.args and not call.keywords else None
        if row is None:
            return False
        for key in func.value.keys:
            if key is not None:
                self._add(call, row.api, key, scope)
        return True

    def _compare(self, compare: ast.Compare, scope: Scope) -> None:
        operands = [compare.left, *compare.comparators]
        for index, op in enumerate(compare.ops):
            left, right = operands[index], operands[index + 1]
            if isinstance(op, _EQUALITY):
                pair = self._read_and_value(left, right, scope)
                if pair is not None:
                    self._add(compare, pair[0].api, pair[1], scope)
            elif isinstance(op, _MEMBERSHIP):
                row = self._status_read(left, scope)
                if row is not None:
                    for element in _elements(right):
                        self._add(compare, row.api, element, scope)

    def _match(self, match: ast.Match, scope: Scope) -> None:
        row = self._status_read(match.subject, scope)
        if row is None:
            return
        for case in match.cases:
            for value in _pattern_values(case.pattern):
                self._add(case, row.api, value, scope, in_pattern=True)

    # Statements --------------------------------------------------------------------------------------

    def _defaults(self, function: FunctionNode, scope: Scope) -> None:
        for pattern, row in self.table.defaults:
            if _named(pattern, function.name) or (
                function.name == "__init__" and scope.cls and _named(pattern, scope.cls.name)
            ):
                for parameter in row.parameters:
                    default = parameter_default(function, parameter)
                    if default is not None:
                        self._add(default, row.api, default, scope)

    def _assignment(self, node: ast.Assign | ast.AnnAssign, scope: Scope) -> None:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            value = node.value
            if not isinstance(target, ast.Attribute) or value is None:
                continue
            for row in self.table.attributes.get(target.attr, ()):
                if self.receivers.matches(row.receiver, target.value, scope):
                    self._add(node, row.api, value, scope)
                    break

    def _class(self, cls: ast.ClassDef) -> None:
        ancestors: frozenset[str] | None = None
        known = False  # the ancestors are read once, and only for a class with an attribute some row names
        scope = Scope(None, cls)
        for statement in cls.body:
            name, value = _class_assignment(statement)
            if name is None or value is None:
                continue
            for row in self.table.class_attributes.get(name, ()):
                if not known and not row.any_base:
                    ancestors, known = self.receivers.class_ancestors(cls), True
                if row.any_base or (ancestors is not None and not ancestors.isdisjoint(row.bases)):
                    self._add(statement, row.api, value, scope)
                    break

    def _return(self, ret: ast.Return, scope: Scope) -> None:
        elements = ret.value.elts if isinstance(ret.value, ast.Tuple) else []
        if scope.function is None:
            return
        for row in self.table.returns:
            shape = row.shape
            if len(elements) not in shape.lengths:
                continue
            status = elements[shape.status]
            if (shape.body, shape.status) == (0, 1) and len(elements) == 2 and isinstance(status, _HEADER_LIKE):
                continue  # (body, headers)
            gated = self.imports.imports_any(row.gate)
            if not gated and self.project is None:
                continue
            # A module that does not import the framework can still define views of an app object or a base
            # class that another module of the project makes: then the project index must prove the type.
            if self._is_view(row, scope) if gated else self._is_view_function(row, scope, proven=True):
                self._add(ret, row.api, status, scope)
                return
            if self._is_response_tuple(row, elements[shape.body]):
                # A response tuple outside a function the framework calls (`def error(msg): return jsonify(...),
                # 400`) goes back to its caller, whose code may log or format the status: the framework does not
                # convert it, whatever its row says.
                self._add(ret, row.api._replace(converts=False), status, scope)
                return

    def _is_response_tuple(self, row: ReturnRow, body: ast.expr) -> bool:
        if isinstance(body, ast.Call) and self.imports.qualify(body.func) in row.body_calls:
            return True
        return (
            bool(row.body_names)
            and isinstance(body, (ast.Name, ast.Attribute))
            and self.imports.qualify(body) in row.body_names
        )

    def _is_view(self, row: ReturnRow, scope: Scope) -> bool:
        """The function is one the framework calls itself: a registered route or error handler, a method of a
        class-based view, or a handler its returns mark."""
        assert scope.function is not None
        key = (id(scope.function), id(row))
        if key not in self._views:
            self._views[key] = self._is_view_function(row, scope)
        return self._views[key]

    def _is_view_function(self, row: ReturnRow, scope: Scope, *, proven: bool = False) -> bool:
        """`proven`: only a decorator whose receiver's type is known counts, and no marking return."""
        assert scope.function is not None
        for decorator in scope.function.decorator_list:
            func = decorator.func if isinstance(decorator, ast.Call) else decorator
            if isinstance(func, ast.Attribute) and func.attr in row.route_decorators:
                types = self.receivers.types_of(func.value, scope)
                if (types is None and not proven) or (types is not None and not types.isdisjoint(row.route_owners)):
                    return True
        if scope.method_of is not None:
            ancestors = self.receivers.class_ancestors(scope.method_of)
            return ancestors is not None and not ancestors.isdisjoint(row.view_bases)
        if row.marking_returns and id(scope.function) in self._module_level and not proven:
            return returns_one_of(scope.function, row.marking_returns, self.imports)
        return False

    def _raise(self, raise_: ast.Raise, scope: Scope) -> None:
        exc = raise_.exc
        if not isinstance(exc, (ast.Name, ast.Attribute)):
            return
        qualified = self.imports.qualify(exc)
        for api in self.table.calls.get(qualified, ()) if qualified else ():
            if api.fixed is not None:
                self.sites.append(Site(raise_, api, None, Value(Spelling.FIXED, api.fixed), scope))


# Whether a default row's pattern matches a function's (or class's) name: asked of every function of every module, with
# a pattern such as `(?i).*(response|error|...)\Z` that tries each position of the name. The modules of a tree share
# many names (`__init__`, `get`, `save`), so the answers are kept for the process (up to a bound).
_NAMED: dict[tuple[LazyPattern, str], bool] = {}
_NAMED_KEPT: Final = 1 << 16


def _named(pattern: LazyPattern, name: str) -> bool:
    key = (pattern, name)
    known = _NAMED.get(key)
    if known is None:
        if len(_NAMED) >= _NAMED_KEPT:
            _NAMED.clear()
        known = _NAMED[key] = pattern.match(name) is not None
    return known


def own_returns(function: FunctionNode) -> Iterator[ast.expr]:
    """The values `function` itself returns: not those of functions, lambdas or classes defined in it."""
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return):
            if node.value is not None:
                yield node.value
        elif not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.expr)):
            stack.extend(ast.iter_child_nodes(node))


def returns_one_of(function: FunctionNode, names: tuple[str, ...], imports: ImportMap) -> bool:
    """One of `function`'s own returns is one of `names` (qualified), or a call of one, alone or first in a tuple."""
    for value in own_returns(function):
        first = (value.elts[0] if value.elts else None) if isinstance(value, ast.Tuple) else value
        callee = first.func if isinstance(first, ast.Call) else first
        if isinstance(callee, (ast.Name, ast.Attribute)) and imports.qualify(callee) in names:
            return True
    return False


def parameter_default(function: FunctionNode, name: str) -> ast.expr | None:
    """The literal default of `function`'s parameter `name`, if it has one."""
    for arg, default in parameter_defaults(function.args):
        if arg.arg == name and isinstance(default, ast.Constant):
            return default
    return None


def argument(call: ast.Call, slot: Slot) -> ast.expr | None:
    if slot.keyword is not None:
        for keyword in call.keywords:
            if keyword.arg == slot.keyword:
                return keyword.value
    return positional(call, slot.position) if slot.position is not None else None


def positional(call: ast.Call, position: int) -> ast.expr | None:
    if position >= len(call.args):
        return None
    if any(isinstance(arg, ast.Starred) for arg in call.args[: position + 1]):
        return None
    return call.args[position]


def _statuses_of_key(key: ast.expr, api: Api) -> list[ast.expr]:
    """The nodes that hold the statuses in a key of a `keys_of` dict.

    With `tuple_keys`, a tuple key holds one in its first element (drf-spectacular's `(200, "application/json")`);
    with `many`, a tuple key names several at once (Django Ninja's `{(400, 404): Error}`). Any other key is the
    status itself, or a value the analysis cannot read (which keeps rules that need every key, such as HTS917,
    silent)."""
    if api.tuple_keys and isinstance(key, ast.Tuple) and key.elts and not isinstance(key.elts[0], ast.Starred):
        return [key.elts[0]]
    if api.many and _elements(key):
        return _elements(key)
    return [key]


def _has_double_star(call: ast.Call) -> bool:
    return any(keyword.arg is None for keyword in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args)


def _counts_at_generic_site(value: Value) -> bool:
    if value.spelling is Spelling.LITERAL:
        return value.code is not None and 100 <= value.code <= 599
    return value.spelling in (Spelling.CONSTANT, Spelling.TEXT)


def _is_registered(value: Value) -> bool:
    if value.spelling is Spelling.CONSTANT:
        return True
    return value.spelling in (Spelling.LITERAL, Spelling.TEXT) and value.code is not None and is_known(value.code)


def _elements(node: ast.expr) -> list[ast.expr]:
    return list(node.elts) if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else []


def _pattern_values(pattern: ast.pattern) -> Iterator[ast.expr]:
    if isinstance(pattern, ast.MatchValue):
        yield pattern.value
    elif isinstance(pattern, ast.MatchOr):
        for option in pattern.patterns:
            yield from _pattern_values(option)
    elif isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
        yield from _pattern_values(pattern.pattern)


def _class_assignment(statement: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        if isinstance(target, ast.Name):
            return target.id, statement.value
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name) and statement.value is not None:
        return statement.target.id, statement.value
    return None, None


def site_position(site: Site) -> tuple[int, int]:
    node = site.node if site.node is not None else site.anchor
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)
