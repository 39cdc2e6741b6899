"""Exception classes of the module that carry a status to a slot.

Two ways make a class a carrier:
- its constructor hands a value to a framework exception's status slot (`super().__init__(status_code=status)` in a
  subclass of FastAPI's `HTTPException`), or to a carrier of the module it subclasses;
- an error handler registered for it sends an attribute of the error as the status (`@app.errorhandler(ApiError)`
  returning `jsonify(...), error.status_code`): that attribute is then a status wherever the class or a subclass
  of the module sets it (`status_code = 404` in the class body, `self.status_code = status_code` in a method).

Either way the constructor's parameter becomes a status parameter (`flow.Flow` turns it into a helper row), so
`raise ApiError("gone", 410)` is a status site.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ..api.rows import Api, Role
from .flow_shapes import is_self_attribute
from .name_table import NameTable
from .sites import FunctionNode, Scope, Site
from .values import Value


def subclasses(names: NameTable, base: str) -> list[ast.ClassDef]:
    """The module's top-level classes that derive from its class `base`, directly or through each other."""
    found: list[ast.ClassDef] = []
    wanted = {base}
    changed = True
    while changed:
        changed = False
        for cls in names.top_classes.values():
            if cls not in found and any(isinstance(b, ast.Name) and b.id in wanted for b in cls.bases):
                found.append(cls)
                wanted.add(cls.name)
                changed = True
    return found


def handled_attributes(sites: list[Site], names: NameTable) -> Iterator[tuple[ast.ClassDef, str, Site]]:
    """(class, attribute, the site that sends it) for each error handler of a module class that sends
    `error.<attribute>` as the status: `@app.errorhandler(ApiError)`, `app.register_error_handler(ApiError, h)`."""
    for site in sites:
        if site.role is not Role.ERROR_HANDLER or not isinstance(site.node, ast.Name):
            continue
        cls = names.top_classes.get(site.node.id)
        handler = _handler_of(site, names)
        if cls is None or handler is None or not handler.args.args:
            continue
        error = handler.args.args[0].arg
        for sent in sites:
            node = sent.node
            if (
                sent.scope.function is handler
                and isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == error
            ):
                yield cls, node.attr, sent


def attribute_values(cls: ast.ClassDef, attribute: str) -> Iterator[tuple[ast.AST, ast.expr, Scope]]:
    """(statement, value, scope) for each place the class sets the attribute: `attribute = value` in its body,
    `self.attribute = value` in its methods."""
    for statement in cls.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Name) and target.id == attribute:
                yield statement, statement.value, Scope(None, cls)
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            if isinstance(statement.target, ast.Name) and statement.target.id == attribute:
                yield statement, statement.value, Scope(None, cls)
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(statement):
                if isinstance(node, ast.Assign) and any(is_self_attribute(t, attribute) for t in node.targets):
                    yield node, node.value, Scope(statement, cls, cls)


def carried_site(api: Api, via: ast.expr, statement: ast.AST, node: ast.expr, value: Value, scope: Scope) -> Site:
    """A site for what a carrier's attribute is set to, sent with `api` by the handler's slot `via`. An attribute is
    read by anyone who holds the class or an instance, so its type must not change under a fix (`converts=False`)."""
    return Site(statement, api._replace(converts=False), node, value, scope, via=via, exposed=True)


def _handler_of(site: Site, names: NameTable) -> FunctionNode | None:
    anchor = site.anchor
    # Any function, nested ones too: an app factory registers its handlers inside `def create_app():` or
    # `def register_error_handlers(app):`.
    for function in (table.function for table in names.functions.values()):
        if function is not None and any(decorator is anchor for decorator in function.decorator_list):
            return function
    if isinstance(anchor, ast.Call) and len(anchor.args) == 2 and isinstance(anchor.args[1], ast.Name):
        return names.top_functions.get(anchor.args[1].id)  # app.register_error_handler(ApiError, handle)
    return None
