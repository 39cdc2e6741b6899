"""Statuses a route declares it may answer with, where the framework refuses any other one.

Django Ninja looks the status a handler returns up among the keys of its route's `response={...}` (a
route without `response=`, or with a single schema, answers 200 only) and raises ConfigError for any
other, so the client gets a 500. `Api.declared_by` names that keyword.
"""

from __future__ import annotations

import ast

from ..analysis.sites import FunctionNode
from ..api.rows import Role
from .handler_model import HandlerModel

# The statuses of a route that names none: Django Ninja's `{200: NOT_SET}` (checked in django-ninja 1.7.1).
_UNDECLARED = frozenset({200})


def declared_statuses(model: HandlerModel, function: FunctionNode | None, keyword: str) -> frozenset[int] | None:
    """The statuses every route of the handler `function` declares under `keyword`, or None when the
    function is no handler with a route decorator, or a route's declaration cannot be read whole."""
    handler = model.handler(function)
    if handler is None or not handler.routes:
        return None
    declared: frozenset[int] | None = None
    for route in handler.routes:
        codes = _route_statuses(model, route, keyword)
        if codes is None:
            return None
        declared = codes if declared is None else declared & codes
    return declared


def _route_statuses(model: HandlerModel, route: ast.expr, keyword: str) -> frozenset[int] | None:
    if not isinstance(route, ast.Call) or any(k.arg is None for k in route.keywords):
        return None
    value = next((k.value for k in route.keywords if k.arg == keyword), None)
    if value is None:
        return _UNDECLARED
    if not isinstance(value, ast.Dict):
        return None  # a schema (200 only) or a dict built elsewhere: not told apart
    read = {
        id(site.node): site.code
        for site in model.sites_at(route)
        if site.role is Role.DOCUMENT and site.api.keys_of == keyword and site.node is not None
    }
    codes: set[int] = set()
    for key in value.keys:
        if key is None:
            return None  # `**other`
        for element in key.elts if isinstance(key, (ast.Tuple, ast.List, ast.Set)) else [key]:
            code = read.get(id(element))
            if code is None:
                return None  # `...` (any status), `codes_4xx`, or a name the analysis cannot read
            codes.add(code)
    return frozenset(codes)
