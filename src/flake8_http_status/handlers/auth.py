"""The authentication state at a point of a function: authenticated, anonymous or unknown.

A handler starts out authenticated when something before it admits only logged-in users: a decorator
(`@login_required`), its class (`LoginRequiredMixin`, `permission_classes = [IsAuthenticated]`), or a
FastAPI dependency that resolves the user. Guards then narrow the state along the path to the point
(`if not request.user.is_authenticated: return ...` leaves the rest authenticated, and its body
anonymous). Contradictory evidence gives "unknown": the rules stay silent there.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from ..analysis.imports import ImportMap
from ..analysis.match import argument
from ..analysis.nodes import strip_not
from ..analysis.receivers import Receivers, is_external, last_name
from ..analysis.sites import FunctionNode, Scope
from ..api import FRAMEWORK_ROOTS
from ..api.idioms import Auth, AuthArgument, AuthDecorator
from ..api.rows import Slot
from ..i18n.phrase import Phrase
from ..records import NamedTuple
from .dependencies import Dependencies
from .flow import Path, dominates, facts, path_to
from .methods import ANY, Methods
from .module import ModuleNames
from .syntax import is_none, listed, optional, strings
from .table import Idioms

Exits = Callable[[list[ast.stmt]], bool]


class AuthState(NamedTuple):
    auth: Auth
    why: object = ""  # the evidence, for messages: "@login_required", Phrase("checked on line {line}")
    branch: bool = False  # the evidence is a branch around the point (`if not user.is_authenticated:` body)


UNKNOWN_STATE = AuthState(Auth.UNKNOWN)


def combine(first: Auth, second: Auth) -> Auth:
    """Both facts hold: either one that is known decides; disagreement means unknown."""
    if first is Auth.UNKNOWN:
        return second
    if second is Auth.UNKNOWN or first is second:
        return first
    return Auth.UNKNOWN


def agree(states: Iterable[Auth]) -> Auth:
    """One of several facts holds, no telling which: known only when all agree."""
    found = set(states)
    return found.pop() if len(found) == 1 else Auth.UNKNOWN


class AuthModel:
    def __init__(
        self,
        idioms: Idioms,
        imports: ImportMap,
        receivers: Receivers,
        names: ModuleNames,
        tree: ast.Module | None = None,
    ) -> None:
        self.idioms = idioms
        self.imports = imports
        self.receivers = receivers
        self.names = names
        self.tree = tree  # read only for an owner's auth (`router = Router(auth=...)`): what else sets it
        self._kept: dict[tuple[str, str, str], bool] = {}  # (object, framework, keyword) -> `_mounted_with_users_only`
        self.dependencies = Dependencies(idioms, imports, names, receivers.project)

    def state_at(
        self, function: FunctionNode, scope: Scope, node: ast.AST, methods: Methods, exits: Exits
    ) -> AuthState:
        path = path_to(function, node)
        why = self.guaranteed(function, scope, methods)
        state = AuthState(Auth.AUTHENTICATED, why) if why else UNKNOWN_STATE
        optional_users = self.dependencies.optional_users(function)
        for fact in facts(path, exits):
            when_true, when_false = self.evaluate(fact.test, optional_users)
            implied = when_true if fact.holds else when_false
            if implied is Auth.UNKNOWN:
                continue
            if state.auth is not Auth.UNKNOWN and implied is not state.auth:
                return UNKNOWN_STATE  # the branch cannot be reached as the evidence says: stay silent
            state = AuthState(implied, Phrase("checked on line {line}", line=fact.test.lineno), fact.branch)
        checked = self._checked_before(function, path, exits)
        if checked is not None:
            return UNKNOWN_STATE if state.auth is Auth.ANONYMOUS else AuthState(Auth.AUTHENTICATED, checked)
        return state

    # Guarantees before the handler runs --------------------------------------------------------------

    def guaranteed(self, function: FunctionNode, scope: Scope, methods: Methods) -> object:
        """How the handler is known to run only for authenticated users, or None."""
        for decorator in function.decorator_list:
            if self._admits_only_users(decorator, methods):
                return f"@{ast.unparse(decorator.func if isinstance(decorator, ast.Call) else decorator)}"
        # A function registered by several routes (stacked decorators) is proven only if every route proves it.
        routes = [self._auth_argument(decorator) for decorator in function.decorator_list]
        proofs = [why for why in routes if why is not _NOT_A_ROUTE]
        if proofs and all(why is not None for why in proofs):
            return proofs[0]
        if self._decorator_permissions(function, methods):
            return "@permission_classes"
        if scope.method_of is not None:
            why = self._class_guarantees(scope.method_of, function.name, methods)
            if why:
                return why
        return self.dependencies.resolves_user(function)

    def admits_only_users(self, decorator: ast.expr) -> bool:
        """`decorator` lets only authenticated users through, whatever the method."""
        return self._admits_only_users(decorator, ANY)

    def _admits_only_users(self, decorator: ast.expr, methods: Methods) -> bool:
        row = self._auth_row(decorator)
        if row is None or optional(decorator, row.optional):
            return False
        if row.methods is not None and not methods.within(row.methods):
            return False
        if row.scopes is not None:
            return isinstance(decorator, ast.Call) and "authenticated" in strings(argument(decorator, row.scopes))
        return True

    def _auth_argument(self, decorator: ast.expr) -> object:
        """`auth=django_auth` on a route decorator (Django Ninja), or on the API or router the route is
        registered on, as the evidence a message names; None for a route that proves nothing, `_NOT_A_ROUTE`
        for a decorator no row is about."""
        if not isinstance(decorator, ast.Call):
            return _NOT_A_ROUTE
        found: object = _NOT_A_ROUTE
        for row in self.idioms.auth_arguments:
            value = self._given(decorator, row)
            if value is not None:  # the route's own value decides, even `auth=None`
                if self._admits_only_users_value(value, row):
                    return f"{row.keyword}={ast.unparse(value)}"
                found = None
                continue
            owner = self._owner_value(decorator, row)
            if owner is not None:
                name, value = owner
                return Phrase("{argument} on {owner}", argument=f"{row.keyword}={ast.unparse(value)}", owner=name)
            if self._is_route(decorator, row):
                found = None
        return found

    def _is_route(self, decorator: ast.Call, row: AuthArgument) -> bool:
        """A route decorator of the row's framework, in a module that imports it (`@router.get(...)`)."""
        func = decorator.func
        return isinstance(func, ast.Attribute) and any(
            route.framework == row.framework and self.imports.imports_any(route.gate)
            for route in self.idioms.route_attributes.get(func.attr, ())
        )

    def _given(self, call: ast.Call, row: AuthArgument) -> ast.expr | None:
        """The value `call` passes as the row's keyword, None when it passes none (or an unset marker)."""
        value = next((k.value for k in call.keywords if k.arg == row.keyword), None)
        if value is None or self.imports.qualify(value) in row.unset:
            return None
        return value

    def _admits_only_users_value(self, value: ast.expr, row: AuthArgument) -> bool:
        elements = value.elts if isinstance(value, (ast.List, ast.Tuple)) else [value]
        return bool(elements) and all(self._authenticator(element, row) for element in elements)

    def _authenticator(self, node: ast.expr, row: AuthArgument) -> bool:
        """A named authenticator (`django_auth`) or an instance of an authenticator class (`TokenAuth()`)."""
        if self.imports.qualify(node) in row.names:
            return True
        if not row.bases:
            return False
        if isinstance(node, ast.Name) and self._bound_once(node.id):  # `bearer = TokenAuth()` at module level
            made = self.names.values.get(node.id)
            node = made if made is not None else node
        if not isinstance(node, ast.Call):
            return False
        qualified = self.imports.qualify(node.func)
        if qualified is not None:
            return qualified in row.bases
        if not isinstance(node.func, ast.Name) or not self._bound_once(node.func.id):
            return False
        cls = self.receivers.bindings.classes.get(node.func.id)
        if cls is None or any(self.receivers.defines(cls, method) for method in row.overrides):
            return False
        ancestors = self.receivers.class_ancestors(cls)
        if ancestors is None or ancestors.isdisjoint(row.bases):
            return False
        # A base from elsewhere (a project mixin) may redefine `__call__`: every base must be in sight.
        roots = {base.partition(".")[0] for base in row.bases}
        return all(not is_external(name) or name.partition(".")[0] in roots for name in ancestors)

    def _bound_once(self, name: str) -> bool:
        return self.receivers.bindings.bound[name] == 1

    def _owner_value(self, decorator: ast.Call, row: AuthArgument) -> tuple[str, ast.expr] | None:
        """The owner's own `auth=` when the route is registered on an API or router object the module binds
        once, at top level, and that value admits only users wherever the module mounts the object."""
        func = decorator.func
        if not row.owners or not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name):
            return None
        if not any(route.framework == row.framework for route in self.idioms.route_attributes.get(func.attr, ())):
            return None
        name = func.value.id
        made = self.names.values.get(name)
        if not isinstance(made, ast.Call) or not self._bound_once(name):
            return None
        if self.imports.qualify(made.func) not in row.owners:
            return None
        types = self.receivers.types_of(func.value, Scope(None, None))
        if types is None or types.isdisjoint(row.owners):
            return None
        value = self._given(made, row)
        if value is None or not self._admits_only_users_value(value, row):
            return None
        if not self._mounted_with_users_only(name, row):
            return None
        return name, value

    def _mounted_with_users_only(self, name: str, row: AuthArgument) -> bool:
        """Nothing in the module replaces the auth of the object `name` with one that may admit anyone: no
        mount that may be of it passes another (`api.add_router("/x", router, auth=None)`, `**options`), and no
        assignment or `setattr` sets its attribute."""
        key = (name, row.framework, row.keyword)
        if key not in self._kept:
            self._kept[key] = self._keeps_auth(name, row)
        return self._kept[key]

    def _keeps_auth(self, name: str, row: AuthArgument) -> bool:
        if self.tree is None:
            return False
        aliases = {name} | {alias for alias, value in self.names.values.items() if _is_name(value, name)}
        for node in ast.walk(self.tree):
            if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(_is_attribute_of(target, aliases, row.keyword) for target in targets):
                    return False
            elif isinstance(node, ast.Call):
                if _sets_attribute(node, aliases, row.keyword):
                    return False
                if (
                    row.mounted is not None
                    and self._replaces_auth(node, row)
                    and self._may_be(argument(node, row.mounted), aliases)
                ):
                    return False
        return True

    def _replaces_auth(self, call: ast.Call, row: AuthArgument) -> bool:
        """A mount (`add_router(...)`) that passes an auth which may admit anyone, or may pass one (`**options`)."""
        if not isinstance(call.func, ast.Attribute) or call.func.attr not in row.mounts:
            return False
        if any(keyword.arg is None for keyword in call.keywords):
            return True
        given = next((k.value for k in call.keywords if k.arg == row.keyword), None)
        if given is None or self.imports.qualify(given) in row.unset:
            return False
        return not self._admits_only_users_value(given, row)

    def _may_be(self, node: ast.expr | None, aliases: set[str]) -> bool:
        """`node` may be the object the module binds to one of `aliases`: it is one of them, or something the
        analysis cannot tell apart (a loop variable, an attribute), unlike another object the module binds once."""
        if not isinstance(node, ast.Name):
            return True
        if node.id in aliases:
            return True
        return not (isinstance(self.names.values.get(node.id), ast.Call) and self._bound_once(node.id))

    def _auth_row(self, decorator: ast.expr) -> AuthDecorator | None:
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        qualified = self.imports.qualify(func)
        rows = self.idioms.auth_names.get(qualified or "", ())
        if rows:
            return rows[0]
        if isinstance(func, ast.Attribute):
            for row in self.idioms.auth_attributes.get(func.attr, ()):
                if self._owned_by(func.value, row):
                    return row
        # A decorator of another module of the project whose wrapper refuses anonymous requests (the index read it).
        project = self.receivers.project
        if project is not None and not isinstance(decorator, ast.Call) and isinstance(func, (ast.Name, ast.Attribute)):
            absolute = qualified or project.qualify(func)
            if absolute is not None and project.auth_decorator(absolute):
                return _PROJECT_DECORATOR
        # Project decorators recognised by name (`@login_required` from the project's own auth module).
        bare = self.idioms.auth_bare_names.get(last_name(func), ())
        if bare and (qualified is None or not _is_framework(qualified)):
            return bare[0]
        return None

    def _owned_by(self, owner: ast.expr, row: AuthDecorator) -> bool:
        types = self.receivers.types_of(owner, Scope(None, None))
        named = self.imports.qualify(owner)
        if types is not None and types != frozenset({named}):
            return not types.isdisjoint(row.owners)
        # An auth object imported from the project's own module: `from .auth import auth`. Heuristic.
        return "auth" in last_name(owner).lower()

    def _class_guarantees(self, cls: ast.ClassDef, method: str, methods: Methods) -> object:
        ancestors = self.receivers.class_ancestors(cls) or frozenset()
        bases = ancestors & self.idioms.auth_bases
        if bases:
            return min(bases).rpartition(".")[2]
        for owner in self._class_chain(cls):
            if any(self._class_decorator_guarantees(decorator, method, methods) for decorator in owner.decorator_list):
                return Phrase("{decorator} on the class", decorator="@method_decorator")
            for name, value in _class_attributes(owner):
                if self._attribute_guarantees(name, value, methods):
                    return Phrase("the view's {attribute}", attribute=name)
        return None

    def _class_chain(self, cls: ast.ClassDef) -> Iterator[ast.ClassDef]:
        """The class and its ancestors defined in this module, nearest first."""
        seen: set[int] = set()
        pending = [cls]
        while pending:
            current = pending.pop(0)
            if id(current) in seen:
                continue
            seen.add(id(current))
            yield current
            for base in current.bases:
                if isinstance(base, ast.Name) and base.id not in self.imports.names:
                    local = self.receivers.bindings.classes.get(base.id)
                    if local is not None:
                        pending.append(local)

    def _class_decorator_guarantees(self, decorator: ast.expr, method: str, methods: Methods) -> bool:
        if not isinstance(decorator, ast.Call) or self.imports.qualify(decorator.func) not in self._method_decorators:
            return False
        name = argument(decorator, _NAME_SLOT)
        target = name.value if isinstance(name, ast.Constant) else None
        if target not in ("dispatch", method):
            return False
        return any(self._admits_only_users(inner, methods) for inner in listed(decorator.args[:1]))

    @property
    def _method_decorators(self) -> frozenset[str]:
        return frozenset(name for row in self.idioms.permission_settings for name in row.method_decorator)

    def _attribute_guarantees(self, name: str, value: ast.expr, methods: Methods) -> bool:
        for setting in self.idioms.permission_settings:
            if name == setting.attribute:
                return any(self._permission_guarantees(element, methods) for element in listed([value]))
            if name == setting.decorators_attribute:
                return any(self._admits_only_users(element, methods) for element in listed([value]))
        return False

    def _permission_guarantees(self, node: ast.expr, methods: Methods) -> bool:
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitAnd, ast.BitOr)):
            left, right = (
                self._permission_guarantees(node.left, methods),
                self._permission_guarantees(node.right, methods),
            )
            return (left or right) if isinstance(node.op, ast.BitAnd) else (left and right)
        if isinstance(node, ast.Call):  # permission classes are listed, not instantiated; keep the class
            node = node.func
        row = self.idioms.permission_classes.get(self.imports.qualify(node) or "")
        return row is not None and (row.methods is None or methods.within(row.methods))

    def _decorator_permissions(self, function: FunctionNode, methods: Methods) -> bool:
        """DRF's `@permission_classes([IsAuthenticated])` on a function view."""
        names = {name for row in self.idioms.permission_settings for name in row.decorator}
        for decorator in function.decorator_list:
            if (
                isinstance(decorator, ast.Call)
                and self.imports.qualify(decorator.func) in names
                and any(self._permission_guarantees(element, methods) for element in listed(decorator.args[:1]))
            ):
                return True
        return False

    # Guards ------------------------------------------------------------------------------------------

    def evaluate(self, test: ast.expr, optional_users: frozenset[str] = frozenset()) -> tuple[Auth, Auth]:
        """The state when `test` is true, and when it is false."""
        test, positive = strip_not(test)
        when_true, when_false = self._evaluate(test, optional_users)
        return (when_true, when_false) if positive else (when_false, when_true)

    def _evaluate(self, test: ast.expr, optional_users: frozenset[str]) -> tuple[Auth, Auth]:
        if isinstance(test, ast.BoolOp):
            results = [self.evaluate(value, optional_users) for value in test.values]
            trues, falses = [r[0] for r in results], [r[1] for r in results]
            if isinstance(test.op, ast.And):
                return _all(trues), agree(falses)
            return agree(trues), _all(falses)
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and is_none(test.comparators[0]):
            subject = self._truthiness(test.left, optional_users, none_only=True)
            if isinstance(test.ops[0], (ast.Is, ast.Eq)):
                return subject[1], subject[0]
            if isinstance(test.ops[0], (ast.IsNot, ast.NotEq)):
                return subject
        return self._truthiness(test, optional_users, none_only=False)

    def _truthiness(self, node: ast.expr, optional_users: frozenset[str], *, none_only: bool) -> tuple[Auth, Auth]:
        if isinstance(node, ast.Await):
            node = node.value
        if isinstance(node, ast.Call) and not node.args and not node.keywords:
            node = node.func  # old Django: request.user.is_authenticated()
        node = _getattr(node)
        if isinstance(node, ast.Name) and node.id in optional_users:
            return Auth.AUTHENTICATED, Auth.ANONYMOUS
        if not isinstance(node, ast.Attribute):
            return Auth.UNKNOWN, Auth.UNKNOWN
        receiver = last_name(node.value)
        for row in self.idioms.auth_checks.get(node.attr, ()):
            if row.receivers and receiver not in row.receivers:
                continue
            if none_only and not row.none_means_anonymous:
                continue
            opposite = Auth.ANONYMOUS if row.when_true is Auth.AUTHENTICATED else Auth.AUTHENTICATED
            return row.when_true, opposite
        return Auth.UNKNOWN, Auth.UNKNOWN

    def _checked_before(self, function: FunctionNode, path: Path, exits: Exits) -> object:
        """An auth call (`await check_authorized(request)`) that runs on every way to the point."""
        if not self.idioms.auth_calls:
            return None
        for stmt in (stmt for step in path for stmt in step.before):
            call = _statement_call(stmt)
            if call is None:
                continue
            row = self.idioms.auth_calls.get(self.imports.qualify(call.func) or "")
            if row is not None and not optional(call, row.optional) and dominates(path_to(function, stmt), path, exits):
                return Phrase("{call} on line {line}", call=f"{ast.unparse(call.func)}()", line=stmt.lineno)
        return None


_NAME_SLOT = Slot(None, "name")
_PROJECT_DECORATOR = AuthDecorator("project")
_NOT_A_ROUTE = object()  # `_auth_argument` of a decorator that registers no route of a row's framework


def _all(states: list[Auth]) -> Auth:
    result = Auth.UNKNOWN
    for state in states:
        if result is not Auth.UNKNOWN and state is not Auth.UNKNOWN and state is not result:
            return Auth.UNKNOWN
        result = combine(result, state)
    return result


@lru_cache(maxsize=64)
def _is_framework(qualified: str) -> bool:
    return qualified.partition(".")[0] in FRAMEWORK_ROOTS


def _getattr(node: ast.expr) -> ast.expr:
    """`getattr(g, "user", None)` reads as `g.user`: with no default, or None, it is None only when the attribute is."""
    if not (isinstance(node, ast.Call) and _is_name(node.func, "getattr") and not node.keywords):
        return node
    args = node.args
    if not 2 <= len(args) <= 3 or (len(args) == 3 and not is_none(args[2])):
        return node
    key = args[1]
    if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
        return node
    return ast.Attribute(args[0], key.value, ast.Load())


def _is_name(node: ast.expr | None, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _is_attribute_of(target: ast.expr, names: set[str], attribute: str) -> bool:
    """`<name>.<attribute>` as an assignment target (also inside a tuple of targets), for one of `names`."""
    pending = [target]
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.Tuple, ast.List)):
            pending.extend(node.elts)
        elif isinstance(node, ast.Starred):
            pending.append(node.value)
        elif (
            isinstance(node, ast.Attribute)
            and node.attr == attribute
            and isinstance(node.value, ast.Name)
            and node.value.id in names
        ):
            return True
    return False


def _sets_attribute(call: ast.Call, names: set[str], attribute: str) -> bool:
    """`setattr(<name>, "<attribute>", ...)` for one of `names`, or with a name it cannot read."""
    if not _is_name(call.func, "setattr") or len(call.args) < 2:
        return False
    target, key = call.args[0], call.args[1]
    if not (isinstance(target, ast.Name) and target.id in names):
        return False
    return not (isinstance(key, ast.Constant) and key.value != attribute)


def _class_attributes(cls: ast.ClassDef) -> Iterator[tuple[str, ast.expr]]:
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            yield stmt.targets[0].id, stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            yield stmt.target.id, stmt.value


def _statement_call(stmt: ast.stmt) -> ast.Call | None:
    value = stmt.value if isinstance(stmt, (ast.Expr, ast.Assign, ast.AnnAssign)) else None
    if isinstance(value, ast.Await):
        value = value.value
    return value if isinstance(value, ast.Call) else None
