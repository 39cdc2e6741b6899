"""HTS917: a route documents its responses but raises a status it does not list."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.sites import FunctionNode, Site
from ...analysis.spelling import Speller
from ...analysis.values import Spelling
from ...api import default_table
from ...api.rows import Role
from ...families import FAMILIES
from ...findings import Finding, FixSafety
from ...handlers.routes import Handler
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import better, report_node

UNDECLARED_STATUS = Rule(
    code="HTS917",
    slug="undeclared-status",
    message="{value} is raised here but not declared in responses=: add {better}",
    summary="A FastAPI/Litestar route that declares responses={...} but raises a status not declared there.",
    fix=FixSafety.NONE,
    doc=RuleDoc(
        what=(
            "Reports a status raised in a FastAPI or Litestar handler (`raise HTTPException(status_code=404)`, "
            "`raise NotFoundException()`) when the route documents its responses with `responses={...}` and "
            "lists neither that status nor a range covering it. The route's own status, statuses the framework "
            "documents itself (FastAPI's 422, Litestar's 400), responses declared on a router built in the same "
            "module, and Litestar's `raises=[...]` count as declared."
        ),
        why=(
            "`responses=` is the contract published in the OpenAPI document: generated clients only handle the "
            "statuses it lists, so an undeclared one reaches them as an unexpected error."
        ),
        examples=(
            Example(
                bad=(
                    "from fastapi import FastAPI, HTTPException, status\n\napp = FastAPI()\n\n\n"
                    '@app.get("/items/{item_id}", responses={status.HTTP_404_NOT_FOUND: {"description": "missing"}})\n'
                    "async def item(item_id: int) -> dict:\n    if item_id < 0:\n"
                    "        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN)\n"
                    "    raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)\n"
                ),
                good=(
                    "from fastapi import FastAPI, HTTPException, status\n\napp = FastAPI()\n\n\n"
                    '@app.get(\n    "/items/{item_id}",\n    responses={\n'
                    '        status.HTTP_403_FORBIDDEN: {"description": "not yours"},\n'
                    '        status.HTTP_404_NOT_FOUND: {"description": "missing"},\n    },\n)\n'
                    "async def item(item_id: int) -> dict:\n    if item_id < 0:\n"
                    "        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN)\n"
                    "    raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)\n"
                ),
            ),
        ),
        fix_safety="No fix: the response needs a description (and often a model) that only the author can write.",
        not_reported=(
            'Routes without `responses=`, and routes whose keys include ranges (`"4XX"`), `"default"` or '
            "names the tool cannot read.",
            "Routes whose `responses=` is, or spreads with `**`, a dict bound to a name: code elsewhere may add keys "
            "to it.",
            "Routes on routers built in another module (their router-level `responses=` is not visible), and "
            "routers included with `responses=` in this module.",
            "Statuses raised in dependencies, helpers and exception handlers rather than in the handler itself. An "
            "exception class of another module of the project whose constructor takes the status "
            "(`raise TodoError(409, ...)`) counts as raising it.",
        ),
        references=(
            "FastAPI: Additional Responses in OpenAPI",
            "Litestar: OpenAPI response specs",
            "OpenAPI 3.1 Responses Object",
        ),
    ),
)

RULES = (UNDECLARED_STATUS,)


def check(context: Context) -> Iterator[Finding]:
    model = context.handlers
    if model.in_tests:
        return
    documented = [site for site in context.sites if site.role is Role.DOCUMENT]
    if not documented:
        return
    for handler in model.all_handlers:
        if handler.framework not in model.idioms.documented:
            continue
        function = handler.function
        declared = _declared(context, handler)
        if declared is None:
            continue
        for site in [*model.sites_in(function), *_through_project_classes(context, function)]:
            if (
                site.role is Role.RAISE
                and site.code is not None
                and site.value.spelling is not Spelling.DEFAULT
                and site.code not in declared
            ):
                yield context.finding(
                    UNDECLARED_STATUS,
                    report_node(site),
                    value=site.code,
                    better=_key(context, handler, site.code),
                )


def _through_project_classes(context: Context, function: FunctionNode) -> Iterator[Site]:
    """Statuses the handler gives an exception class of another module of the project (`raise TodoError(409, ...)`),
    whose constructor takes the status: the project index knows its row (the handler model reads only statuses
    written at a framework's own slot)."""
    project = context.project
    if project is None:
        return
    for site in context.sites:
        via = site.via
        if site.scope.function is not function or not isinstance(via, (ast.Name, ast.Attribute)):
            continue
        qualified = context.imports.qualify(via) or project.qualify(via)
        if qualified is not None and project.rows(qualified) and project.ancestors(qualified) is not None:
            yield site


def _key(context: Context, handler: Handler, code: int) -> object:
    """How the advice names the `responses=` key to add. The framework turns the key into text with str(),
    and before Python 3.11 str(HTTPStatus.FORBIDDEN) is 'HTTPStatus.FORBIDDEN', not '403': where the project
    admits such a Python, the advice names the framework's own int constant (or the number) instead."""
    if context.family.style != "httpstatus" or context.target.python >= (3, 11):
        return better(context, code)
    family = FAMILIES.get(handler.framework)
    name = family.constant(code, context.target) if family is not None else None
    if family is None or name is None:
        return str(code)
    spelled = Speller(family, context.target, context.imports, context.bound).spell(code)
    return spelled.text if spelled is not None else str(code)


def _declared(context: Context, handler: Handler) -> frozenset[int] | None:
    """Statuses the route documents, or None when it documents none or we cannot read them all."""
    model = context.handlers
    codes: set[int] = set(model.idioms.documented[handler.framework])
    own: list[Site] = []
    for route in handler.routes:
        own.extend(site for site in model.sites_at(route) if site.role is Role.DOCUMENT)
        codes.update(site.code for site in model.sites_at(route) if site.role is Role.ROUTE and site.code is not None)
        router = _router(context, route)
        if router is _UNKNOWN:
            return None
        if isinstance(router, ast.Call):
            own_router = [site for site in model.sites_at(router) if site.role is Role.DOCUMENT]
            if any(site.code is None for site in own_router):
                return None
            codes.update(site.code for site in own_router if site.code is not None)
        raised = _raises(context, route)
        if raised is None:
            return None
        codes.update(raised)
    if not own or any(site.code is None for site in own):
        return None
    codes.update(site.code for site in own if site.code is not None)
    return frozenset(codes)


_UNKNOWN = ast.Constant(None)


def _router(context: Context, route: ast.expr) -> ast.expr | None:
    """The call that built the route's router in this module; None for module functions (Litestar);
    `_UNKNOWN` when the router comes from elsewhere or is included with `responses=` here."""
    func = route.func if isinstance(route, ast.Call) else route
    if not isinstance(func, ast.Attribute):
        return None
    owner = func.value.id if isinstance(func.value, ast.Name) else None
    made = context.handlers.names.values.get(owner) if owner is not None else None
    if not isinstance(made, ast.Call):
        return _UNKNOWN
    for call, _ in context.candidates.calls:
        if isinstance(call.func, ast.Attribute) and call.func.attr == "include_router" and call.args:
            included = call.args[0]
            if (
                isinstance(included, ast.Name)
                and included.id == owner
                and any(k.arg == "responses" for k in call.keywords)
            ):
                return _UNKNOWN
    return made


def _raises(context: Context, route: ast.expr) -> set[int] | None:
    """Litestar's `raises=[NotFoundException, ...]`: statuses of the listed classes (None if one is unknown)."""
    if not isinstance(route, ast.Call):
        return set()
    listed = next((k.value for k in route.keywords if k.arg == "raises"), None)
    if listed is None:
        return set()
    codes: set[int] = set()
    for element in listed.elts if isinstance(listed, (ast.List, ast.Tuple)) else [listed]:
        fixed = [
            api.fixed
            for api in default_table().calls.get(context.imports.qualify(element) or "", ())
            if api.fixed is not None
        ]
        if not fixed:
            return None
        codes.update(fixed)
    return codes
