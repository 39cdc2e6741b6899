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
from ..analysis.receivers import Receivers, last_name
from ..analysis.sites import FunctionNode, Scope
from ..api import FRAMEWORK_ROOTS
from ..api.idioms import Auth, AuthDecorator
from ..api.rows import Slot
from ..i18n.phrase import Phrase
from ..records import NamedTuple
from .dependencies import Dependencies
from .flow import Path, dominates, facts, path_to
from .methods import Methods
from .module import ModuleNames
from .syntax import is_none, listed, optional, strings
from .table import Idioms

Exits = Callable[[list[ast.stmt]], bool]


class AuthState(NamedTuple):
    auth: Auth
    why: object = ""  # the evidence, for messages: "@login_required", Phrase("the check on line {line}")
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
    ) -> None:
        self.idioms = idioms
        self.imports = imports
        self.receivers = receivers
        self.names = names
        self.dependencies = Dependencies(idioms, imports, names)

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
            state = AuthState(implied, Phrase("the check on line {line}", line=fact.test.lineno), fact.branch)
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
            argument = self._auth_argument(decorator)
            if argument is not None:
                return argument
        if self._decorator_permissions(function, methods):
            return "@permission_classes"
        if scope.method_of is not None:
            why = self._class_guarantees(scope.method_of, function.name, methods)
            if why:
                return why
        return self.dependencies.resolves_user(function)

    def _admits_only_users(self, decorator: ast.expr, methods: Methods) -> bool:
        row = self._auth_row(decorator)
        if row is None or optional(decorator, row.optional):
            return False
        if row.methods is not None and not methods.within(row.methods):
            return False
        if row.scopes is not None:
            return isinstance(decorator, ast.Call) and "authenticated" in strings(argument(decorator, row.scopes))
        return True

    def _auth_argument(self, decorator: ast.expr) -> str | None:
        """`auth=django_auth` on a route decorator (Django Ninja), as the evidence a message names."""
        if not isinstance(decorator, ast.Call):
            return None
        for row in self.idioms.auth_arguments:
            value = next((k.value for k in decorator.keywords if k.arg == row.keyword), None)
            if value is None:
                continue
            elements = value.elts if isinstance(value, (ast.List, ast.Tuple)) else [value]
            if elements and all(self.imports.qualify(element) in row.names for element in elements):
                return f"{row.keyword}={ast.unparse(value)}"
        return None

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
                    return Phrase("{attribute} of {view}", attribute=name, view=owner.name)
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
