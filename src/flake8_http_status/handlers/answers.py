"""Content a handler sends without building a response object, and the status it goes out with.

Flask, Bottle and Pyramid answer a returned dict or `jsonify(...)` with 200; FastAPI and Litestar
answer any returned value with the route's status; Tornado and Falcon send what `self.write(...)`
or `resp.media = ...` gave with the status set before, else 200. A status assigned on the way
(`response.status_code = 201`, `self.set_status(201)`) counts only when it runs on every way to
the content; otherwise the status is unknown.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from ..analysis.match import argument
from ..analysis.module import AnalysedModule
from ..analysis.nodes import may_carry_status, says_status
from ..analysis.receivers import last_name
from ..analysis.sites import FunctionNode, Site
from ..api.idioms import BodyWrite, PlainReturn
from ..api.rows import Role
from ..records import NamedTuple
from .body_index import BodyIndex
from .flow import Path, dominates
from .routes import Handler
from .table import Idioms

_LITERALS = (ast.Dict, ast.List, ast.DictComp, ast.ListComp, ast.JoinedStr)
_HEADER_LIKE = (ast.Dict, ast.DictComp, ast.List, ast.Tuple)
_RESPONSE_WORDS = ("response", "redirect", "abort")
_RESPONSE_NAMES = frozenset({"resp", "res", "rv", "rsp"})
# Methods that serialise an object to a dict or a string (ORM mixins, pydantic, marshmallow's `dump`): what they
# return is content, never a response object.
_SERIALISERS = frozenset({"to_dict", "as_dict", "model_dump", "serialize", "dump", "to_json", "model_dump_json"})


class Answer(NamedTuple):
    """Content a handler sends without building a response: `return {...}`, `self.write(...)`."""

    node: ast.expr  # the content
    anchor: ast.AST  # the return statement, the write call or the assignment
    status: int | None  # None: cannot tell
    handler: Handler
    route: Site | None  # the route decorator's site, when the route decides the status
    helper: FunctionNode | None = None  # the module function that returns the content for the handler


# Read by type checkers only: a protocol class costs some 0.3 M instructions to create, on every run that loads
# the handler model.
if TYPE_CHECKING:

    class ModelView(Protocol):
        """What the answers read from the handler model (`model.HandlerModel`, which calls them and caches
        what they find); a protocol, so that this module need not import the model back."""

        @property
        def module(self) -> AnalysedModule: ...

        @property
        def idioms(self) -> Idioms: ...

        def body_index(self, function: FunctionNode) -> BodyIndex: ...

        def path(self, function: FunctionNode, node: ast.AST) -> Path: ...

        def exits(self, block: list[ast.stmt]) -> bool: ...

        def sites_at(self, node: ast.AST) -> list[Site]: ...

        def sites_in(self, function: FunctionNode) -> list[Site]: ...

        def route_sites(self, handler: Handler) -> list[Site]: ...

        def handler(self, function: FunctionNode | None) -> Handler | None: ...


def answers(model: ModelView, handler: Handler) -> list[Answer]:
    """In source order."""
    found = list(_plain_returns(model, handler))
    for write in model.idioms.body_writes:
        if write.framework == handler.framework:
            found.extend(_writes(model, handler, write))
    return sorted(found, key=lambda answer: _position(answer.anchor))


def helper_answers(model: ModelView, handler: Handler) -> Iterator[Answer]:
    """Content a module function returns for the handler to return as it is: `return error("bad")` with
    `def error(message): return jsonify(success=False, message=message)`. The answers lie in the helper and
    go out with the status in effect where the handler returns the call. One level deep: a helper that
    calls another helper is left alone."""
    plain = _plain_return(model, handler)
    if plain is None:
        return
    row, route, default = plain
    function = handler.function
    helpers = _module_functions(model.module)
    for ret in model.body_index(function).returns:
        call = ret.value.value if isinstance(ret.value, ast.Await) else ret.value
        if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Name) or model.sites_at(call):
            continue
        helper = helpers.get(call.func.id)
        if helper is None or helper is function or model.handler(helper) is not None:
            continue
        status = status_at(model, function, ret, default)
        index = model.body_index(helper)
        for inner in index.returns:
            content = _content(model, inner, row, index)
            if content is not None:
                yield Answer(content, inner, status, handler, route, helper)


def _module_functions(module: AnalysedModule) -> dict[str, FunctionNode]:
    """The module's top-level functions by name; a name defined twice is left out (which one runs?)."""
    found: dict[str, FunctionNode] = {}
    twice: set[str] = set()
    top = module.candidates.module_functions
    for function, _ in module.candidates.functions:
        if id(function) in top:
            if function.name in found:
                twice.add(function.name)
            found[function.name] = function
    return {name: function for name, function in found.items() if name not in twice}


def setters(model: ModelView, function: FunctionNode) -> list[Site]:
    """Sites that set the status of the handler's response in place: `self.set_status(...)`,
    `response.status_code = ...`, `resp.status = ...`."""
    found = []
    for site in model.sites_in(function):
        if site.role is not Role.SET:
            continue
        if isinstance(site.anchor, ast.Assign) or (
            isinstance(site.anchor, ast.Call) and _is_statement_call(model, function, site.anchor)
        ):
            found.append(site)
    return found


def status_at(model: ModelView, function: FunctionNode, node: ast.AST, default: int | None) -> int | None:
    """The status in effect at `node`: the last setter on every way there, the default if none ran, or
    None when a setter runs on some ways only (or sets a value we cannot read)."""
    chosen: Site | None = None
    target = model.path(function, node)
    for site in setters(model, function):
        if _position(site.anchor) > _position(node):
            continue
        if not dominates(model.path(function, site.anchor), target, model.exits):
            return None
        if chosen is None or _position(site.anchor) > _position(chosen.anchor):
            chosen = site
    if chosen is None:
        return default
    return chosen.code


def _plain_returns(model: ModelView, handler: Handler) -> Iterator[Answer]:
    plain = _plain_return(model, handler)
    if plain is None:
        return
    row, route, default = plain
    function = handler.function
    index = model.body_index(function)
    for ret in index.returns:
        content = _content(model, ret, row, index)
        if content is not None:
            yield Answer(content, ret, status_at(model, function, ret, default), handler, route)


def _plain_return(model: ModelView, handler: Handler) -> tuple[PlainReturn, Site | None, int | None] | None:
    """How the handler's framework answers a plain return: its row, the route that fixes the status (when the
    row has none), and the status a plain return gets; None when plain returns are not answers here."""
    row = model.idioms.plain_returns.get(handler.framework)
    if row is None or not model.module.imports.imports_any(row.gate):
        return None
    route = _route(model, handler) if row.status is None else None
    if row.status is None and (route is None or _returns_response(handler.function)):
        return None
    default = row.status if row.status is not None else route.code if route is not None else None
    return row, route, default


def _route(model: ModelView, handler: Handler) -> Site | None:
    sites = [site for site in model.route_sites(handler) if site.code is not None]
    codes = {site.code for site in sites}
    return sites[0] if len(codes) == 1 else None


def _content(model: ModelView, ret: ast.Return, row: PlainReturn, index: BodyIndex) -> ast.expr | None:
    value = ret.value
    if value is None or (isinstance(value, ast.Constant) and value.value is None) or model.sites_at(ret):
        return None
    if isinstance(value, ast.Tuple):
        # (content, headers) keeps the default status; longer tuples carry their own (a site).
        if len(value.elts) == 2 and isinstance(value.elts[1], _HEADER_LIKE):
            value = value.elts[0]
        else:
            return None
    return value if _is_content(model, value, row, index) else None


def _is_content(model: ModelView, value: ast.expr, row: PlainReturn, index: BodyIndex) -> bool:
    if isinstance(value, ast.Await):
        value = value.value
    if model.sites_at(value) or _names_response(value):
        return False
    if isinstance(value, _LITERALS) or (isinstance(value, ast.Constant) and isinstance(value.value, str)):
        return True
    if isinstance(value, ast.Call) and model.module.imports.qualify(value.func) in row.body_calls:
        return True
    if isinstance(value, ast.Call) and _hands_a_status(value):
        return False  # a helper told a status sends it (`self.to_json(item, status_code=CREATED)`): not the default
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in _SERIALISERS:
        return True
    if isinstance(value, ast.Name) and not row.any_value:
        values = index.assigned.get(value.id, [])
        return bool(values) and all(v is not None and _is_content(model, v, row, index) for v in values)
    return row.any_value


def _hands_a_status(call: ast.Call) -> bool:
    """A call other than the framework's body builders that is given something that can be a status: a keyword
    named for one (`status_code=`, `code=`) or an argument that may carry one (`201`, `HTTP_CREATED`)."""
    keywords = any(keyword.arg is not None and says_status(keyword.arg) for keyword in call.keywords)
    return keywords or any(may_carry_status(arg) for arg in call.args)


def _names_response(value: ast.expr) -> bool:
    name = last_name(value).lower()
    return name.endswith(_RESPONSE_WORDS) or name in _RESPONSE_NAMES


def _returns_response(function: FunctionNode) -> bool:
    """A FastAPI or Litestar handler annotated to return a Response object: the route status does not apply."""
    returns = function.returns
    return returns is not None and "Response" in ast.unparse(returns)


def _writes(model: ModelView, handler: Handler, write: BodyWrite) -> Iterator[Answer]:
    function = handler.function
    index = model.body_index(function)
    for call in index.calls:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in write.methods and last_name(func.value) in write.receivers:
            content = argument(call, write.slot)
            if content is not None:
                yield Answer(content, call, status_at(model, function, call, write.status), handler, None)
    for target, value, stmt in index.stores:
        if target.attr in write.attributes and last_name(target.value) in write.receivers:
            yield Answer(value, stmt, status_at(model, function, stmt, write.status), handler, None)


def _is_statement_call(model: ModelView, function: FunctionNode, call: ast.Call) -> bool:
    path = model.path(function, call)
    if not path:
        return False
    stmt = path[-1].stmt
    value = (
        stmt.value.value
        if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Await)
        else getattr(stmt, "value", None)
    )
    return isinstance(stmt, ast.Expr) and value is call


def _position(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)
