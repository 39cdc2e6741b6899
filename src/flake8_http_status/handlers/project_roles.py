"""The roles of a module's own functions, for the project index: auth decorators, auth dependencies, creation
helpers, helpers that raise 4xx errors to their callers, and `Annotated` aliases of user dependencies.

The index sits below the handlers, so the engine hands `judge` to it, and the index runs it on each module it
summarises in full. Every role is decided with the handler model's own questions about the function: the auth
state where a wrapper calls the view (`AuthModel.state_at`), what a dependency depends on (`Dependencies`), the
creations on every way out (`HandlerModel.created_before`). A helper of another module then counts as its code
would count in the handler itself. Unsure means no role: the rules stay silent rather than guess.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ..analysis.module import AnalysedModule
from ..analysis.sites import FunctionNode, Scope
from ..api.idioms import Auth
from ..api.rows import Role
from ..index.summary import NO_ROLES, Roles
from .creation import stores_new
from .dependencies import OPTIONAL_ANNOTATION
from .flow import dominates, walk_function
from .handler_model import HandlerModel
from .methods import ANY
from .raising import escaping

_REFUSALS = frozenset({401, 403})
_CONTAINERS = frozenset({"dict", "list", "set", "defaultdict", "OrderedDict"})
_ROUNDS = 8  # helpers that call helpers of the same module: deeper chains in one module are not followed


def judge(module: AnalysedModule) -> Roles:
    model = HandlerModel(module)
    functions = [s for s in module.tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if not functions:
        return NO_ROLES
    decorators = frozenset(f.name for f in functions if _auth_decorator(model, f))
    dependencies = _settled(model, functions)
    aliases = {
        name: verdict
        for name, value in model.names.values.items()
        if (verdict := model.auth.dependencies.alias_verdict(value)) is not None
    }
    raisers = {f.name: codes for f in functions if (codes := escaping(model, f))}
    return Roles(decorators, dependencies, _creators(model, functions), aliases, raisers)


# Auth decorators ---------------------------------------------------------------------------------------------


def _auth_decorator(model: HandlerModel, function: FunctionNode) -> bool:
    """`def staff_only(view)` returning a wrapper that calls the view only for authenticated users, or returning
    the view wrapped in a known auth decorator (`return login_required(view)`)."""
    view = _single_parameter(function)
    last = function.body[-1]
    if view is None or not isinstance(last, ast.Return) or last.value is None:
        return False
    value = last.value
    if isinstance(value, ast.Call):
        return (
            len(value.args) == 1
            and not value.keywords
            and _is_name(value.args[0], view)
            and model.auth.admits_only_users(value.func)
        )
    wrappers = [s for s in function.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))]
    wrapper = next((s for s in wrappers if _is_name(value, s.name)), None)
    if wrapper is None or sum(s.name == wrapper.name for s in wrappers) != 1:
        return False
    calls = [node for node in walk_function(wrapper) if isinstance(node, ast.Call) and _is_name(node.func, view)]
    scope = Scope(wrapper, None, None)
    return bool(calls) and all(
        model.auth.state_at(wrapper, scope, call, ANY, model.exits).auth is Auth.AUTHENTICATED for call in calls
    )


def _single_parameter(function: FunctionNode) -> str | None:
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    if len(positional) != 1 or args.vararg or args.kwarg or args.kwonlyargs:
        return None
    return positional[0].arg


# Auth dependencies -------------------------------------------------------------------------------------------


def _settled(model: HandlerModel, functions: list[FunctionNode]) -> dict[str, bool]:
    """Verdicts on the module's dependencies; one that depends on another of the module waits for its verdict."""
    dependencies = model.auth.dependencies
    for _ in range(_ROUNDS):
        found = {f.name: verdict for f in functions if (verdict := _auth_dependency(model, f)) is not None}
        if found == dependencies.local:
            break
        dependencies.local = found
    return dict(dependencies.local)


def _auth_dependency(model: HandlerModel, function: FunctionNode) -> bool | None:
    """True: returns a value on every way out and refuses the request otherwise (a 401, or a 403 when it is about a
    user), or depends on a user dependency itself; False: returns an optional user (`-> User | None`)."""
    returns = function.returns
    about_user = "user" in function.name.lower() or (returns is not None and "user" in ast.unparse(returns).lower())
    if returns is not None and OPTIONAL_ANNOTATION.search(ast.unparse(returns)):
        return False if about_user else None
    if any(isinstance(node, (ast.Yield, ast.YieldFrom)) for node in walk_function(function)):
        return None
    index = model.body_index(function)
    if not index.returns or any(_gives_none(node) for node in index.returns):
        return None
    if model.auth.dependencies.resolves_user(function) is not None:
        return True
    refusals = {site.code for site in model.sites_in(function) if site.role is Role.RAISE and site.code in _REFUSALS}
    return True if 401 in refusals or (refusals and about_user) else None


def _gives_none(node: ast.Return) -> bool:
    return node.value is None or (isinstance(node.value, ast.Constant) and node.value.value is None)


# Creation helpers --------------------------------------------------------------------------------------------


def _creators(model: HandlerModel, functions: list[FunctionNode]) -> frozenset[str]:
    """Functions that create on every way out; one that calls another of the module waits for its verdict."""
    creations = model.creations
    stores = frozenset(_containers(model))
    for _ in range(_ROUNDS):
        found = frozenset(f.name for f in functions if _creates(model, f, stores))
        if found == creations.local_helpers:
            break
        creations.local_helpers = found
    return creations.local_helpers


def _creates(model: HandlerModel, function: FunctionNode, stores: frozenset[str]) -> bool:
    """Creates on every way out, and returns what it made there: a helper that returns nothing creates only on the
    side (`log_event(...)` in a flow that changes an existing object), which makes no request a creating one."""
    returns = model.body_index(function).returns
    if not returns or any(_gives_none(node) for node in returns):
        return False
    targets: list[ast.AST] = [*returns]
    if all(model.created_before(function, target) for target in targets):
        return True
    # An in-memory store (`TODOS[todo.id] = Todo(...)`) counts only in a helper named for creating (`create_todo`).
    if not function.name.startswith(tuple(prefix for prefix, _ in model.idioms.creation_prefixes)):
        return False
    stored = stores_new(model.body_index(function), stores)
    return stored is not None and all(
        dominates(model.path(function, stored), model.path(function, target), model.exits) for target in targets
    )


def _containers(model: HandlerModel) -> Iterator[str]:
    """Module-level names bound once to an empty or literal container: `TODOS: dict[int, Todo] = {}`."""
    for name, value in model.names.values.items():
        if model.module.bindings.bound[name] != 1:
            continue
        if isinstance(value, (ast.Dict, ast.List, ast.Set)) or (
            isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in _CONTAINERS
        ):
            yield name


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name
