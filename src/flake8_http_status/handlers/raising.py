"""Which HTTP errors a function raises to its caller: HTS921 asks for the helpers a `try` body calls
(`await require_camera_access(...)` raising a 403), the project index for helpers of other modules.

A status counts when the function itself raises it (`raise HTTPException(403)`, `abort(404)`) outside any `try`
of its own that has an `except` clause: a clause there may catch it, and the caller never sees it.
"""

from __future__ import annotations

import ast

from ..analysis.receivers import last_name
from ..analysis.sites import FunctionNode, Site
from ..api.rows import Role
from .flow import Path
from .handler_model import HandlerModel

_CLIENT_ERRORS = range(400, 500)
# Calls that report an error and return: nothing is raised (Tornado's `send_error`).
_RETURNING = frozenset({"send_error"})


def raised(site: Site, path: Path) -> bool:
    """The site raises: `raise X(...)`, or a statement that is an `abort(...)`-style call."""
    if not path:
        return False
    stmt = path[-1].stmt
    anchor = site.anchor
    if isinstance(stmt, ast.Raise):
        return stmt is anchor or stmt.exc is anchor
    if isinstance(stmt, ast.Expr) and isinstance(anchor, ast.Call):
        value = stmt.value.value if isinstance(stmt.value, ast.Await) else stmt.value
        name = last_name(anchor.func)
        # A class named alone in a statement is built, not raised; a function such as `abort` raises.
        return value is anchor and name[:1].islower() and name not in _RETURNING
    return False


def escaping(model: HandlerModel, function: FunctionNode) -> frozenset[int]:
    """The 4xx statuses `function` raises to whoever calls it, written in its own body."""
    found: set[int] = set()
    for site in model.sites_in(function):
        code = site.code
        if site.role is not Role.RAISE or site.via is not None or code is None or code not in _CLIENT_ERRORS:
            continue
        if site.scope.function is not function:
            continue  # a nested function's raise happens when that one runs
        path = model.path(function, site.anchor)
        if raised(site, path) and not _caught_inside(path):
            found.add(code)
    return frozenset(found)


def _caught_inside(path: Path) -> bool:
    return any(isinstance(step.owner, ast.Try) and step.field == "body" and step.owner.handlers for step in path)


def raised_by(model: HandlerModel, call: ast.Call) -> frozenset[int]:
    """The 4xx statuses the function `call` calls raises to it: a top-level function of the module, or a project
    function of another module (the index decided, with `escaping` on its code)."""
    func = call.func
    module = model.module
    if isinstance(func, ast.Name) and module.bindings.bound[func.id] == 1:
        local = next(
            (
                s
                for s in module.tree.body
                if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == func.id
            ),
            None,
        )
        if local is not None:
            return escaping(model, local)
    project = module.project
    if project is None or not isinstance(func, (ast.Name, ast.Attribute)):
        return frozenset()
    qualified = module.imports.qualify(func) or project.qualify(func)
    return frozenset() if qualified is None else project.raises(qualified)
