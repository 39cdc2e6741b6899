"""HTS921: an HTTP error raised inside a `try` whose catch-all turns it into a 500.

Every framework's HTTP exception (Werkzeug's `HTTPException`, Starlette's, Django's `Http404`, aiohttp's
`HTTPException`, Tornado's `HTTPError`, DRF's `APIException`) derives from `Exception`, so `except Exception`
catches the `abort(404)` raised a few lines above it unless an earlier clause lets HTTP errors through.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.receivers import last_name
from ...analysis.sites import Site
from ...api.rows import Role
from ...findings import Finding, FixSafety
from ...handlers.flow import Path, walk_statement
from ...handlers.handler_model import HandlerModel, caught_classes
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import RESPONDS, candidates, describe, report_node

_CLIENT_ERRORS = frozenset(range(400, 500))
_RAISES = frozenset({Role.RAISE})
_BROAD = frozenset({"Exception", "BaseException"})
# Calls that report an error and return: nothing is raised (Tornado's `send_error`).
_RETURNING = frozenset({"send_error"})
# Builtin exceptions that no framework's HTTP error derives from.
_UNRELATED_BUILTINS = frozenset(
    {
        "ValueError",
        "KeyError",
        "TypeError",
        "IndexError",
        "AttributeError",
        "LookupError",
        "ArithmeticError",
        "ZeroDivisionError",
        "OSError",
        "IOError",
        "EnvironmentError",
        "FileNotFoundError",
        "PermissionError",
        "TimeoutError",
        "ConnectionError",
        "RuntimeError",
        "NotImplementedError",
        "AssertionError",
        "UnicodeError",
        "UnicodeDecodeError",
        "UnicodeEncodeError",
        "ImportError",
        "ModuleNotFoundError",
        "StopIteration",
        "StopAsyncIteration",
        "NameError",
        "RecursionError",
        "OverflowError",
        "MemoryError",
    }
)
# Packages of the exception rows whose classes are themselves HTTP errors (`werkzeug.exceptions.BadRequest`).
_HTTP_PACKAGES = frozenset({"werkzeug", "rest_framework", "tornado", "django", "fastapi", "starlette"})
# Attributes through which a handler reads the status of what it caught: it may be passing it on.
_STATUS_ATTRIBUTES = frozenset({"code", "status_code", "status", "status_int"})

STATUS_SWALLOWED_BY_BROAD_EXCEPT = Rule(
    code="HTS921",
    slug="status-swallowed-by-broad-except",
    message="{value} is lost: `{clause}` on line {line} catches it and sends {answer}",
    summary="An HTTP error raised inside a `try` whose broad `except` answers 500.",
    fix=FixSafety.NONE,
    default=False,
    doc=RuleDoc(
        what=(
            "Reports an HTTP error raised inside a `try` statement (`abort(404)`, `raise NotFound()`, "
            "`raise HTTPException(status_code=403)`, `raise Http404`, `raise web.HTTPNotFound()`, Tornado's "
            "`raise HTTPError(400)`) when the `try` has a catch-all clause (`except Exception`, "
            "`except BaseException`, bare `except:`) that answers 500 and no earlier clause that could let the "
            "HTTP error through. Off by default until its precision on real applications is measured."
        ),
        why=(
            "The HTTP errors of Flask, Werkzeug, Django, FastAPI, Starlette, aiohttp, Tornado and DRF are "
            "subclasses of `Exception`: the catch-all catches them like any other failure. The client gets a 500 "
            "instead of the 4xx the code chose (RFC 9110 §15.5), retries a request that cannot succeed, and "
            "the error is logged and paged as the server's."
        ),
        examples=(
            Example(
                bad=(
                    "from fastapi import FastAPI, HTTPException, status\n\nfrom .store import find_order\n\n"
                    "app = FastAPI()\n\n\n"
                    '@app.get("/orders/{order_id}")\nasync def order(order_id: int) -> dict:\n    try:\n'
                    "        found = await find_order(order_id)\n        if found is None:\n"
                    '            raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="no such order")\n'
                    "        return found\n    except Exception as exc:\n"
                    "        raise HTTPException(status_code=status.HTTP_500_INTERNAL_SERVER_ERROR, detail=str(exc))\n"
                ),
                good=(
                    "from fastapi import FastAPI, HTTPException, status\n\nfrom .store import find_order\n\n"
                    "app = FastAPI()\n\n\n"
                    '@app.get("/orders/{order_id}")\nasync def order(order_id: int) -> dict:\n    try:\n'
                    "        found = await find_order(order_id)\n        if found is None:\n"
                    '            raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="no such order")\n'
                    "        return found\n    except HTTPException:\n        raise\n"
                    "    except Exception as exc:\n"
                    "        raise HTTPException(status_code=status.HTTP_500_INTERNAL_SERVER_ERROR, detail=str(exc))\n"
                ),
                options=("--extend-select=HTS921",),
            ),
        ),
        fix_safety="No fix: let HTTP errors through (`except HTTPException: raise` first), or raise them "
        "outside the `try`.",
        not_reported=(
            "A `try` with an earlier clause that may catch the HTTP error (`except HTTPException: raise`, "
            "`except NotFound`, a project exception class): only builtin and library exceptions that are not "
            "HTTP errors are known not to.",
            "Catch-alls that re-raise (a bare `raise` anywhere in them), check the exception's type "
            "(`isinstance`) or read its status (`exc.code`), and catch-alls that send no 5xx of their own.",
            "Errors returned rather than raised (`return web.HTTPNotFound()`), and `send_error(404)`, which "
            "raises nothing.",
        ),
        references=("RFC 9110 §15.5 (4xx)", "RFC 9110 §15.6.1 (500)", "Python: built-in exception hierarchy"),
    ),
)

RULES = (STATUS_SWALLOWED_BY_BROAD_EXCEPT,)


def check(context: Context) -> Iterator[Finding]:
    for site in candidates(context, _CLIENT_ERRORS, _RAISES):
        function = site.scope.function
        if function is None:
            continue
        path = context.handlers.path(function, site.anchor)
        if not _raised(site, path):
            continue
        caught = _swallowed(context.handlers, path)
        if caught is not None:
            clause, answer = caught
            yield context.finding(
                STATUS_SWALLOWED_BY_BROAD_EXCEPT,
                report_node(site),
                value=describe(context, site),
                clause=_clause_text(clause),
                line=clause.lineno,
                answer=answer.code,
            )


def _raised(site: Site, path: Path) -> bool:
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


def _swallowed(model: HandlerModel, path: Path) -> tuple[ast.ExceptHandler, Site] | None:
    """The catch-all that the exception raised at the end of `path` reaches first, and the 5xx it answers."""
    for step in reversed(path):
        owner = step.owner
        if not isinstance(owner, ast.Try) or step.field != "body":
            continue  # raised in a handler, an else or a finally block: it leaves this try
        for handler in owner.handlers:
            if _broad(model, handler):
                return _answering(model, handler)
            if not _unrelated(model, handler):
                return None  # this clause may catch the HTTP error (and let it through)
    return None


def _broad(model: HandlerModel, handler: ast.ExceptHandler) -> bool:
    return any(
        isinstance(caught, ast.Name) and caught.id in _BROAD and not _rebound(model, caught.id)
        for caught in caught_classes(handler)
    )


def _unrelated(model: HandlerModel, handler: ast.ExceptHandler) -> bool:
    """Every class the clause names is known not to be an HTTP error."""
    for caught in caught_classes(handler):
        if isinstance(caught, ast.Name) and caught.id in _UNRELATED_BUILTINS and not _rebound(model, caught.id):
            continue
        qualified = model.module.imports.qualify(caught)
        if qualified in model.idioms.exceptions and qualified.partition(".")[0] not in _HTTP_PACKAGES:
            continue
        return False
    return True


def _answering(model: HandlerModel, handler: ast.ExceptHandler) -> tuple[ast.ExceptHandler, Site] | None:
    """The 5xx the catch-all sends, unless it may let HTTP errors through: it re-raises, checks the type of
    what it caught, or reads its status."""
    answer: Site | None = None
    for stmt in handler.body:
        for node in walk_statement(stmt):
            if isinstance(node, ast.Raise) and node.exc is None:
                return None
            if isinstance(node, ast.Call) and last_name(node.func) in ("isinstance", "issubclass"):
                return None
            if isinstance(node, ast.Attribute) and node.attr in _STATUS_ATTRIBUTES:
                return None
            for site in model.sites_at(node):
                if answer is None and site.role in RESPONDS and site.code is not None and site.code >= 500:
                    answer = site
    return (handler, answer) if answer is not None else None


def _rebound(model: HandlerModel, name: str) -> bool:
    return name in model.module.imports.names or name in model.receivers.bindings.classes


def _clause_text(handler: ast.ExceptHandler) -> str:
    return f"except {ast.unparse(handler.type)}" if handler.type is not None else "except:"
