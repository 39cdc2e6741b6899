"""Status flow inside a module: the literals that reach a status slot through names, helpers and returns.

The matcher finds what sits in a slot. Where that is a name (`abort(code)`), a call of the module's own function
(`return body, deny()`) or a parameter of such a function (`def fail(msg, status): abort(status)`), this module
follows the value back to the literals it can hold and reports them as statuses of the same slot.

Precision first: a name is followed only when **every** read of it in its function (the module, for a module
constant) is a status use, a truth test, an `is None` check, or a move into another name that is itself followed.
A value that is also logged, formatted, computed with or handed to an unknown callable is left alone. Bindings the
flow cannot read (`status = response.status_code`) add no literal but do not hide the others: `status = 200` then
`if failed: status = error.code` still makes the 200 a status.

The summaries are rows (`Helper`: which parameter of which callable takes a status, an `Api` the matcher matches
calls with) and sets (`returning`: the functions whose result is one). They come from the module's own code only,
never from a caller, so the project index can later read the same summaries from another module.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from typing import Final, TypeVar

from ..api.rows import Api
from ..records import NamedTuple
from . import carriers
from .flow_shapes import (
    class_bindings_of,
    class_defines,
    entry_element,
    module_level_targets,
    only_tested,
    parameter_slot,
    self_calls,
    sets_self_attribute,
    slot_converts,
    table_name,
)
from .framework_bases import framework_apis, project_carried
from .match import Matcher, own_returns
from .name_table import Names, NameTable
from .nodes import parameter_defaults, super_init_calls
from .sites import FOLLOWED, MODULE_SCOPE, FunctionNode, Scope, Site
from .test_tables import Tables
from .values import Spelling, looks_like_status, read_value

_ROUNDS: Final = 12  # helpers of helpers: each round may add one level; real modules settle in two or three
_DEPTH: Final = 48  # names and moves on one path: deeper chains are not followed (and Python's stack is spared)


Key = TypeVar("Key")
Answer = TypeVar("Answer")


def _once(
    memo: dict[Key, Answer],
    key: Key,
    step: tuple[int, str],
    visiting: set[tuple[int, str]],
    refused: Answer,
    compute: Callable[[], Answer],
) -> Answer:
    """`compute()`, kept in `memo` for the round. `visiting` holds the steps on the current path: meeting `step` on
    it again (a cycle), or a path deeper than `_DEPTH`, answers `refused` (silence)."""
    if key in memo:
        return memo[key]
    if step in visiting or len(visiting) > _DEPTH:
        return refused
    visiting.add(step)
    try:
        answer = compute()
    finally:
        visiting.discard(step)
    memo[key] = answer
    return answer


class Helper(NamedTuple):
    """A callable of the module that takes a status at one parameter."""

    name: str
    api: Api  # the slot's row, its slot moved to the parameter


class Flow:
    def __init__(self, tree: ast.Module, matcher: Matcher, bound: dict[str, int], *, conftest: bool = False) -> None:
        self.matcher = matcher
        self.bound = bound
        self.names = NameTable(tree)
        self.sites = matcher.sites
        self.status_nodes: set[int] = {id(site.node) for site in self.sites if site.node is not None}
        self.helpers: dict[tuple[str, int | None, str | None], Helper] = {}
        self.returning: set[int] = set()  # ids of functions whose every caller uses the result as a status
        self._pairs: set[tuple[int, int]] = set()  # (literal, slot node) pairs already added
        self._flowed: set[int] = set()  # ids of literals the flow added
        self._module_targets = module_level_targets(tree)
        self._carried: set[tuple[int, str]] = set()  # (id of a class, attribute) an error handler sends
        # (class name, attribute) -> the row of the slot that sends it: what the module summary exports
        self.carried_rows: dict[tuple[str, str], Api] = {}
        self._carrying: set[int] = set()  # ids of the statements that set such an attribute
        self.tables = Tables(tree, matcher.imports, self.names, bound, conftest=conftest)
        self._held: set[int] = set()  # ids of the names in comparison slots: followed, never reported themselves
        self._values_memo: dict[tuple[int, str], list[tuple[ast.expr, bool]] | None] = {}
        self._uses_memo: dict[tuple[int, str], bool] = {}
        self._tables_memo: dict[str, ast.Dict | None] = {}

    def run(self) -> list[Site]:
        self._framework_bases()
        for _ in range(_ROUNDS):
            self._values_memo.clear()  # more status uses are known now: a name refused before may be followed
            self._uses_memo.clear()
            self._tables_memo.clear()
            self._take_held()
            before = self._learned()
            self._carriers()
            for site in list(self.sites):
                # Followed again each round: a helper found since may now give a binding its literals.
                if site.node is not None and isinstance(site.node, FOLLOWED):
                    self._follow(site)
            self._find_helpers()
            if self._learned() == before and not self.matcher.held:
                break  # nothing new: no site, helper, status-returning function or carried attribute
        return [site for site in self.sites if id(site.node) not in self._held]

    def _learned(self) -> tuple[int, int, int, int]:
        return len(self.sites), len(self.helpers), len(self.returning), len(self._carried)

    def _take_held(self) -> None:
        for site in self.matcher.held:
            self._held.add(id(site.node))
            self.status_nodes.add(id(site.node))
            self.sites.append(site)
        self.matcher.held.clear()

    # Names -----------------------------------------------------------------------------------------------

    def _follow(self, site: Site) -> None:
        node = site.node
        if node is None:
            return
        if isinstance(node, ast.Name) and site.value.spelling is Spelling.OTHER:
            found = self._name_values(node.id, site.scope.function, set())
        elif table_name(node) is not None:
            found = self._entry_values(node, None, set())
        elif isinstance(node, ast.Call):
            found = self._returned_values(node)
        else:
            return
        if found is None:
            return
        for expression, local in found:
            self._add(site, expression, local)

    def _add(self, site: Site, expression: ast.expr, local: bool) -> None:
        # One site per use of the literal: the fixer asks whether *every* slot it reaches converts the value.
        pair = (id(expression), id(site.node))
        if pair in self._pairs or (id(expression) in self.status_nodes and id(expression) not in self._flowed):
            return
        if not local and id(expression) in self._flowed:
            return  # an exposed literal never converts: one site says all (a table read by a thousand views)
        self._pairs.add(pair)
        self._flowed.add(id(expression))
        value = read_value(expression, self.matcher.imports)
        if not looks_like_status(value) and value.spelling is not Spelling.TEXT:
            return
        # A module constant may be imported and printed elsewhere: its type must not change under a fix.
        api = site.api if local else site.api._replace(converts=False)
        if id(expression) in self.tables.named:
            api = api._replace(stringified=True)  # a parametrize row: pytest makes the test's id with str()
        scope = site.scope if local else MODULE_SCOPE
        self.status_nodes.add(id(expression))
        self.sites.append(Site(site.anchor, api, expression, value, scope, via=site.node, exposed=not local))

    def _owner(self, name: str, function: FunctionNode | None) -> Names | None:
        """The `Names` of the function that binds `name` as seen from `function`, or the module's."""
        while function is not None:
            names = self.names.names_of(function)
            if name in names.declared:
                return None  # `global`/`nonlocal`: bound from elsewhere too
            if names.bindings.get(name):
                return names
            function = self.names.enclosing.get(id(function))
        return self.names.module

    def _name_values(
        self, name: str, function: FunctionNode | None, visiting: set[tuple[int, str]]
    ) -> list[tuple[ast.expr, bool]] | None:
        """The status expressions `name` can hold where `function` reads it, each with whether it is local; None
        when the name is not followed (some read is not a status use, or a binding cannot be read).

        `visiting` holds the names and moves on the current path: a cycle, or a path deeper than `_DEPTH`, answers
        None (silence). Answers are kept for the round: a later round, with more status uses known, asks again."""
        names = self._owner(name, function)
        if names is None:
            return None
        key = (id(names), name)
        return _once(self._values_memo, key, key, visiting, None, lambda: self._values_of(name, names, visiting))

    def _values_of(self, name: str, names: Names, visiting: set[tuple[int, str]]) -> list[tuple[ast.expr, bool]] | None:
        local = names.function is not None
        bindings = names.bindings.get(name, [])
        if not local:
            # A module name bound once outside every function (functions' own locals of that name are other
            # variables; their reads are still checked, which only refuses more).
            bindings = [b for b in bindings if id(b.target) in self._module_targets]
            if len(bindings) != 1 or self.names.outside.get(name, 0) != 1 or name in names.declared:
                return None
        found: list[tuple[ast.expr, bool]] = []
        for binding in bindings:
            if binding.value is None and binding.unpacks is not None:
                values = self._entry_values(binding.unpacks[0], binding.unpacks[1], visiting)
                if values is None:
                    return None
                found.extend(values)
                continue
            if binding.value is None:
                rows = self.tables.values(binding, names)  # a parametrize row or a loop over a table
                if rows is not None:
                    if isinstance(binding.target, ast.arg) and not self._requesters_ok(binding.target.arg, visiting):
                        return None
                    for row, written_here in rows:
                        found.extend(
                            (value, local and written_here)
                            for value, _ in self._expressions(row, names.function, visiting) or []
                        )
                    continue
                if isinstance(binding.target, ast.arg) and local:
                    # A parameter: a literal default is the matcher's, its callers the helpers'; a default that
                    # is a name (`status=FORBIDDEN`) is read in the enclosing scope.
                    found.extend(self._default_values(binding.target, names, visiting))
                    continue
                return None
            values = self._expressions(binding.value, names.function, visiting)
            if values is None:
                return None
            found.extend((value, local and inner) for value, inner in values)
        if not self._uses_ok(name, names, visiting):
            return None
        return found

    def _requesters_ok(self, name: str, visiting: set[tuple[int, str]]) -> bool:
        """A fixture's params reach every test that requests it: each must use it only as a status."""
        fixture = self.tables.fixture(name)
        if fixture is None:
            return True
        requesters = [n for n in self.names.functions.values() if n.function is not fixture and name in n.parameters()]
        return all(self._uses_ok(name, names, visiting) for names in requesters)

    def _default_values(
        self, parameter: ast.arg, names: Names, visiting: set[tuple[int, str]]
    ) -> list[tuple[ast.expr, bool]]:
        function = names.function
        if function is None:
            return []
        default = next((value for arg, value in parameter_defaults(function.args) if arg is parameter), None)
        if not isinstance(default, ast.Name):
            return []
        enclosing = self.names.enclosing.get(id(function))
        return self._expressions(default, enclosing, visiting) or []

    def _expressions(
        self, value: ast.expr, function: FunctionNode | None, visiting: set[tuple[int, str]]
    ) -> list[tuple[ast.expr, bool]] | None:
        """The status expressions a bound value stands for: itself, each branch of a conditional, what another
        followed name holds. Anything else holds no literal the flow can see (an empty list)."""
        if isinstance(value, ast.IfExp):  # `400 if a else 401 if b else ...`: a chain, walked as a loop
            found: list[tuple[ast.expr, bool]] = []
            branches: list[ast.expr] = []
            while isinstance(value, ast.IfExp):
                branches.append(value.body)
                value = value.orelse
            for branch in (*branches, value):
                branch_values = self._expressions(branch, function, visiting)
                if branch_values is None:
                    return None
                found.extend(branch_values)
            return found
        if isinstance(value, ast.Name) and read_value(value, self.matcher.imports).spelling is Spelling.OTHER:
            return self._name_values(value.id, function, visiting) or []
        if table_name(value) is not None:
            return self._entry_values(value, None, visiting) or []
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            return self._returned_values(value, visiting) or []  # `status = gone_status()`
        if read_value(value, self.matcher.imports).spelling is not Spelling.OTHER:
            return [(value, True)]
        return []

    def _uses_ok(self, name: str, names: Names, visiting: set[tuple[int, str]]) -> bool:
        key = (-id(names), name)  # apart from the values' keys
        return _once(self._uses_memo, key, key, visiting, False, lambda: self._every_use_ok(name, names, visiting))

    def _every_use_ok(self, name: str, names: Names, visiting: set[tuple[int, str]]) -> bool:
        if names.function is not None and ("locals" in names.loads or "vars" in names.loads):
            return False  # `render(**locals())` hands every local to code the flow cannot see
        if names.function is None and "globals" in names.loads:
            return False  # `**globals()` does the same with the module's names
        reads = list(names.loads.get(name, ()))
        if names.function is None:  # a function's own local of that name is another variable
            owners = [self._owner(name, self.names.function_of(load)) for load in reads]
            if any(owner is None for owner in owners):
                return False  # read under `global`/`nonlocal`: bound from elsewhere too
            reads = [load for load, owner in zip(reads, owners, strict=True) if owner is names]
        return all(self._use_ok(load, visiting) for load in reads)

    def _use_ok(self, load: ast.Name, visiting: set[tuple[int, str]]) -> bool:
        if id(load) in self.status_nodes:
            return True
        parent = self.names.parents.get(id(load))
        if only_tested(load, parent):
            return True
        if isinstance(parent, ast.arguments):
            return self._default_ok(load, parent, visiting)
        if isinstance(parent, ast.Return):
            enclosing = self.names.function_of(load)
            return enclosing is not None and id(enclosing) in self.returning
        if isinstance(parent, ast.Assign) and id(parent) in self._carrying:
            return True  # `self.status_code = status_code` on a class whose error handler sends that attribute
        if isinstance(parent, (ast.Assign, ast.AnnAssign)) and parent.value is load:
            targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
            if len(targets) == 1 and isinstance(targets[0], ast.Name):
                # The move's target is seen from where the move is written, not from the moved name's scope.
                moved = self._owner(targets[0].id, self.names.function_of(load))
                if moved is None or (moved.function is None and id(targets[0]) not in self._module_targets):
                    return False  # a class body's attribute (read as `Settings.status`), or a declared name
                return self._uses_ok(targets[0].id, moved, visiting)
        return False

    def _default_ok(self, load: ast.Name, arguments: ast.arguments, visiting: set[tuple[int, str]]) -> bool:
        """`def forbid(reason, status=FORBIDDEN)`: the default goes where the parameter goes."""
        for names in self.names.functions.values():
            function = names.function
            if function is not None and function.args is arguments:
                for parameter, default in parameter_defaults(function.args):
                    if default is load:
                        return self._uses_ok(parameter.arg, names, visiting)
        return False

    # Helpers ---------------------------------------------------------------------------------------------

    def _find_helpers(self) -> None:
        for site in list(self.sites):
            node = site.node
            function = site.scope.function
            if not isinstance(node, ast.Name) or function is None or site.value.spelling is not Spelling.OTHER:
                continue
            helper = self._helper(node.id, function, site.api)
            if helper is not None:
                self._match_calls(helper)

    def _helper(self, parameter: str, function: FunctionNode, api: Api) -> Helper | None:
        """The helper `function` is when its `parameter` reaches a status slot with `api` and is used for nothing
        else; None when it is not a module function called by its own name, or is known already."""
        callee, skip = self._callee_of(function)
        if callee is None:
            return None
        names = self.names.names_of(function)
        if len(names.bindings.get(parameter, ())) != 1 or parameter in names.declared:
            return None
        slot = parameter_slot(function, parameter, skip)
        key = (callee, None if slot is None else slot.position, None if slot is None else slot.keyword)
        if slot is None or key in self.helpers or not self._uses_ok(parameter, names, set()):
            return None
        converts = "." not in callee and self._reads_convert(parameter, names)
        moved = api._replace(
            slots=(slot,), fixed=None, default=None, misplaced=(), fix_keyword=None, keys_of=None, many=False
        )
        helper = Helper(callee, moved._replace(converts=converts))
        self.helpers[key] = helper
        return helper

    def _reads_convert(self, parameter: str, names: Names) -> bool:
        """Every read of the parameter is a slot that turns the value into an int where no caller sees it, or only
        tests it. A move into another name or a return hands it on: the helper's callers may see its type."""
        loads = names.loads.get(parameter, ())
        reads = {id(load) for load in loads}
        slots = [site for site in self.sites if id(site.node) in reads]
        if not all(slot_converts(site, self.bound) for site in slots):
            return False
        slotted = {id(site.node) for site in slots}
        return all(id(load) in slotted or only_tested(load, self.names.parents.get(id(load))) for load in loads)

    def _callee_of(self, function: FunctionNode) -> tuple[str | None, int]:
        """The name calls of `function` use, and how many leading parameters a call does not pass: a top-level
        function by its name, a top-level class's `__init__` by the class's name (less `self`)."""
        table = self.names
        if function.decorator_list:
            return None, 0  # a decorator's wrapper may log the value, or move the parameters
        if table.top_functions.get(function.name) is function:
            return (function.name if self.bound.get(function.name, 0) == 1 else None), 0
        for cls in table.top_classes.values():
            if function not in cls.body or self.bound.get(cls.name, 0) != 1:
                continue
            if cls.decorator_list:
                return None, 0  # a class decorator may wrap `__init__` or the methods
            if function.name == "__init__":
                return cls.name, 1
            # `self.fail(404)` in the class, or in a subclass of the module that inherits this `fail`. A subclass
            # that overrides it receives the class's own calls too (`self` may be one of its instances); an instance
            # attribute of that name (`self.fail = report`) hides the method.
            family = (cls, *carriers.subclasses(table, cls.name))
            overridden = any(class_defines(sub, function.name) for sub in family[1:])
            shadowed = any(sets_self_attribute(member, function.name) for member in family)
            if sum(class_bindings_of(cls, function.name)) == 1 and not overridden and not shadowed:
                return f"{cls.name}.{function.name}", 1
        return None, 0

    def _match_calls(self, helper: Helper) -> None:
        owner, _, method_name = helper.name.partition(".")
        if method_name:
            defining = self.names.top_classes[owner]
            for cls in (defining, *carriers.subclasses(self.names, owner)):
                if self._resolves(cls, method_name) is not defining:
                    continue  # the subclass, or a class between, defines its own
                for call, caller in self_calls(cls, method_name):
                    self._match(call, helper.api, Scope(caller, cls, cls))
            return
        for call, function in self._calls_of(helper.name):
            self._match(call, helper.api, Scope(function, None))
        if helper.name in self.names.top_classes:  # a subclass's `super().__init__(message, 404)`
            for cls in carriers.subclasses(self.names, helper.name):
                if any(isinstance(base, ast.Name) and base.id == helper.name for base in cls.bases):
                    for call, method in super_init_calls(cls):
                        self._match(call, helper.api, Scope(method, cls, cls))

    def _resolves(self, cls: ast.ClassDef, method: str) -> ast.ClassDef | None:
        """The module class whose `method` `self.<method>` reaches from `cls`, through single inheritance only."""
        current: ast.ClassDef | None = cls
        seen: set[int] = set()
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            if class_defines(current, method):
                return current
            bases = [base for base in current.bases if not (isinstance(base, ast.Name) and base.id == "object")]
            if len(bases) != 1 or not isinstance(bases[0], ast.Name):
                return None  # several bases (or one the module does not define): another may define it first
            current = self.names.top_classes.get(bases[0].id)
        return None

    def _match(self, call: ast.Call, api: Api, scope: Scope) -> None:
        """The sites of `call` as a call of `api`, marked as reached through the callee."""
        for site in self.matcher.call_through(call, (api,), scope):
            if site.node is not None:
                self.status_nodes.add(id(site.node))

    def _calls_of(self, name: str) -> Iterator[tuple[ast.Call, FunctionNode | None]]:
        for load in self.names.module.loads.get(name, ()):
            parent = self.names.parents.get(id(load))
            if isinstance(parent, ast.Call) and parent.func is load:
                yield parent, self.names.function_of(load)

    # Tables ----------------------------------------------------------------------------------------------

    def _entry_values(
        self, access: ast.expr, index: int | None, visiting: set[tuple[int, str]]
    ) -> list[tuple[ast.expr, bool]] | None:
        """`ERRORS[key]`, `CODES.get(key, 400)`: the statuses a module table holds (at `index` of each entry, when
        the entry is unpacked), when every access to the table hands them only to status uses."""
        table = table_name(access)
        if table is None:
            return None
        display = self._table(table, visiting)
        if display is None:
            return None
        found: list[tuple[ast.expr, bool]] = []
        for entry in display.values:
            element = entry if index is None else entry_element(entry, index)
            if element is not None and read_value(element, self.matcher.imports).spelling is not Spelling.OTHER:
                found.append((element, False))
        if isinstance(access, ast.Call) and len(access.args) == 2 and index is None:
            found.append((access.args[1], True))  # the default `.get` falls back to
        return found

    def _table(self, name: str, visiting: set[tuple[int, str]]) -> ast.Dict | None:
        """The dict display a module name is bound to once, when every read of it is an access (`T[key]`,
        `T.get(key)`) whose status part reaches only status uses. Kept for the round, as names' answers are."""
        return _once(self._tables_memo, name, (0, name), visiting, None, lambda: self._table_display(name, visiting))

    def _table_display(self, name: str, visiting: set[tuple[int, str]]) -> ast.Dict | None:
        bindings = self.names.module.bindings.get(name, [])
        if len(bindings) != 1 or self.bound.get(name, 0) != 1 or id(bindings[0].target) not in self._module_targets:
            return None
        display = bindings[0].value
        if not isinstance(display, ast.Dict) or None in display.keys:
            return None
        parts = self._status_parts(display)
        for load in self.names.module.loads.get(name, ()):
            access: ast.expr | None = self.names.parents.get(id(load))  # type: ignore[assignment]
            if not (isinstance(access, ast.Subscript) and access.value is load):
                access = self.names.get_calls.get(id(load))
            if access is None or not self._access_ok(access, load, parts, visiting):
                return None
        return display

    def _status_parts(self, display: ast.Dict) -> set[int] | None:
        """Where the statuses sit in a table's entries: None for entries that are statuses themselves, else the
        positions in the tuple entries that hold one somewhere."""
        parts: set[int] = set()
        for entry in display.values:
            if isinstance(entry, (ast.Tuple, ast.List)):
                parts.update(
                    i for i, e in enumerate(entry.elts) if looks_like_status(read_value(e, self.matcher.imports))
                )
            else:
                return None
        return parts

    def _access_ok(
        self, access: ast.expr, load: ast.Name, parts: set[int] | None, visiting: set[tuple[int, str]]
    ) -> bool:
        if id(access) in self.status_nodes:
            return parts is None
        parent = self.names.parents.get(id(access))
        if not isinstance(parent, ast.Assign) or parent.value is not access or len(parent.targets) != 1:
            return False
        target = parent.targets[0]
        if isinstance(target, ast.Name):
            receivers = [target] if parts is None else []
        elif isinstance(target, (ast.Tuple, ast.List)) and parts is not None:
            # A name that gets another element of the entry (the message) may be used for anything.
            receivers = [e for i, e in enumerate(target.elts) if i in parts and isinstance(e, ast.Name)]
            if any(isinstance(e, ast.Starred) for e in target.elts) or len(receivers) != len(parts):
                return False
        else:
            return False
        function = self.names.function_of(load)
        for receiver in receivers:
            names = self._owner(receiver.id, function)
            if names is None or not self._uses_ok(receiver.id, names, visiting):
                return False
        return bool(receivers)

    # Exception classes -----------------------------------------------------------------------------------

    def _framework_bases(self) -> None:
        """`super().__init__(status_code=status)` in a subclass of a framework exception: a slot of that exception.
        A project exception class of another module counts as one, with the rows the index knows, and so does
        one whose error handler sends an attribute (`status_code = 404` in a subclass's body)."""
        imports, project = self.matcher.imports, self.matcher.project
        for cls in self.names.top_classes.values():
            for api in framework_apis(cls, imports, self.matcher.table, project):
                for call, method in super_init_calls(cls):
                    self._match(call, api, Scope(method, cls, cls))
            for attribute, api in project_carried(cls, imports, project).items():
                self._carry_attribute(cls, attribute, api, cls.bases[0])

    def _carriers(self) -> None:
        for cls, attribute, sent in carriers.handled_attributes(self.sites, self.names):
            if sent.node is not None:
                self._carry_attribute(cls, attribute, sent.api, sent.node)

    def _carry_attribute(self, cls: ast.ClassDef, attribute: str, api: Api, via: ast.expr) -> None:
        """Every value the class and its subclasses of the module set `attribute` to is sent with `api`."""
        if (id(cls), attribute) in self._carried:
            return
        self._carried.add((id(cls), attribute))
        for owner in (cls, *carriers.subclasses(self.names, cls.name)):
            self.carried_rows[(owner.name, attribute)] = api._replace(converts=False)
            for statement, value, scope in carriers.attribute_values(owner, attribute):
                self._carrying.add(id(statement))
                self._carry(api, via, statement, value, scope)

    def _carry(self, api: Api, via: ast.expr, statement: ast.AST, node: ast.expr, scope: Scope) -> None:
        if id(node) in self.status_nodes:
            return
        value = read_value(node, self.matcher.imports)
        if value.spelling is Spelling.OTHER and not (isinstance(node, ast.Name) and scope.function is not None):
            return  # only a method's parameter (`self.status_code = status_code`) is followed further
        if value.spelling is not Spelling.OTHER and not looks_like_status(value):
            return
        self.status_nodes.add(id(node))
        self.sites.append(carriers.carried_site(api, via, statement, node, value, scope))

    # Returns ---------------------------------------------------------------------------------------------

    def _returned_values(
        self, call: ast.Call, visiting: set[tuple[int, str]] | None = None
    ) -> list[tuple[ast.expr, bool]] | None:
        """`return body, deny()` or `status = deny()` then a slot: the statuses `deny` returns, when every call of
        the module's `deny` sends its result to status uses only."""
        if not isinstance(call.func, ast.Name):
            return None
        name = call.func.id
        function = self.names.top_functions.get(name)
        if function is None or self.bound.get(name, 0) != 1 or function.decorator_list:
            return None
        visiting = set() if visiting is None else visiting
        key = (id(function), "")
        if key in visiting or len(visiting) > _DEPTH:
            return None
        visiting.add(key)
        try:
            for load in self.names.module.loads.get(name, ()):
                parent = self.names.parents.get(id(load))
                if not (isinstance(parent, ast.Call) and parent.func is load and self._result_ok(parent, visiting)):
                    return None
            self.returning.add(id(function))
            found: list[tuple[ast.expr, bool]] = []
            for value in own_returns(function):
                values = self._expressions(value, function, visiting)
                if values is None:
                    return None
                # Another module may import the function and print what it returns: not local.
                found.extend((expression, False) for expression, _ in values)
            return found
        finally:
            visiting.discard(key)

    def _result_ok(self, call: ast.Call, visiting: set[tuple[int, str]]) -> bool:
        """The call's result sits in a status slot, or goes into a name whose every use is a status use."""
        if id(call) in self.status_nodes:
            return True
        holder = self.names.parents.get(id(call))
        if not isinstance(holder, ast.Assign) or holder.value is not call or len(holder.targets) != 1:
            return False
        target = holder.targets[0]
        if not isinstance(target, ast.Name) or not isinstance(call.func, ast.Name):
            return False
        moved = self._owner(target.id, self.names.function_of(call.func))
        return moved is not None and self._uses_ok(target.id, moved, visiting)
