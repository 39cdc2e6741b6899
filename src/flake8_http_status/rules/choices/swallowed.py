"""HTS921: an HTTP error raised inside a `try` whose catch-all turns it into a 500 or another status.

Every framework's HTTP exception (Werkzeug's `HTTPException`, Starlette's, Django's `Http404`, aiohttp's
`HTTPException`, Tornado's `HTTPError`, DRF's `APIException`) derives from `Exception`, so `except Exception`
catches the `abort(404)` raised a few lines above it unless an earlier clause lets HTTP errors through.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from ...analysis.nodes import dotted
from ...analysis.receivers import last_name
from ...analysis.sites import FunctionNode, Site
from ...api.rows import Role
from ...findings import Finding, FixSafety
from ...handlers.flow import Path, walk_function, walk_statement
from ...handlers.handler_model import HandlerModel, caught_classes
from ...handlers.raising import raised, raised_by
from ...i18n.phrase import Phrase
from ..context import Context
from ..rule import Example, Rule, RuleDoc
from .common import RESPONDS, candidates, describe, report_node

_CLIENT_ERRORS = frozenset(range(400, 500))
_ERRORS = 400  # answers from here on are errors: a 2xx or 3xx from a catch-all is a fallback, not a refusal
_RAISES = frozenset({Role.RAISE})
_BROAD = frozenset({"Exception", "BaseException"})
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
# ORM exceptions for a missing row: none is an HTTP error (Django's `Http404` does not derive from
# `ObjectDoesNotExist`). `Model.DoesNotExist` is how Django and peewee models name theirs.
_MISSING_ROWS = frozenset(
    {
        "peewee.DoesNotExist",
        "django.core.exceptions.ObjectDoesNotExist",
        "sqlalchemy.exc.NoResultFound",
        "sqlalchemy.orm.exc.NoResultFound",
        "sqlalchemy.exc.MultipleResultsFound",
        "sqlalchemy.orm.exc.MultipleResultsFound",
    }
)
# Attributes through which a handler reads the status of what it caught: it may be passing it on.
_STATUS_ATTRIBUTES = frozenset({"code", "status_code", "status", "status_int"})

STATUS_SWALLOWED_BY_BROAD_EXCEPT = Rule(
    code="HTS921",
    slug="status-swallowed-by-broad-except",
    message="{value} is lost: `{clause}` on line {line} catches it and sends {answer}",
    summary="An HTTP error raised inside a `try` whose broad `except` answers 500 or another status.",
    fix=FixSafety.NONE,
    default=False,
    doc=RuleDoc(
        what=(
            "Reports an HTTP error raised inside a `try` statement (`abort(404)`, `raise NotFound()`, "
            "`raise HTTPException(status_code=403)`, `raise Http404`, `raise web.HTTPNotFound()`, Tornado's "
            "`raise HTTPError(400)`) when the `try` has a catch-all clause (`except Exception`, "
            "`except BaseException`, bare `except:`) that answers 500 or another error status (a 404 for the 403 "
            "raised), and no earlier clause that could let the HTTP error through (builtin exceptions and ORM "
            "exceptions for a missing row, such as `DoesNotExist` and `NoResultFound`, cannot). Also a call, in such "
            "a `try`, of a helper that raises a 4xx itself (`await require_camera_access(camera)` raising a 403): a "
            "function of the same module, or through the project index of another module. Off by default until its precision on real applications is measured."
        ),
        why=(
            "The HTTP errors of Flask, Werkzeug, Django, FastAPI, Starlette, aiohttp, Tornado and DRF are "
            "subclasses of `Exception`: the catch-all catches them like any other failure. The client gets a 500 "
            'or another status instead of the 4xx the code chose (RFC 9110 §15.5): a refused user reads "not found", '
            "a client retries a request that cannot succeed, and a 500 is logged and paged as the server's error."
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
            "(`isinstance`) or read its status (`exc.code`), catch-alls that send no error status of their own, and "
            "catch-alls that answer the status raised.",
            "Helpers that raise only inside a `try` of their own, or raise a status that a parameter decides.",
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
        if not raised(site, path):
            continue
        caught = _swallowed(context.handlers, path, site.code)
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
    if not context.handlers.in_tests:
        for function, _ in context.candidates.functions:
            yield from _helpers_swallowed(context, function)


def _helpers_swallowed(context: Context, function: FunctionNode) -> Iterator[Finding]:
    """Calls in a `try` body of helpers that raise a 4xx themselves (`await require_camera_access(...)` raising a
    403), where the catch-all answers another status."""
    model = context.handlers
    start, end = function.lineno, function.end_lineno or function.lineno
    if "try" not in "".join(model.module.lines[start - 1 : end]):
        return  # no `try` statement: skip the walk (most functions of a large tree)
    tries = [node for node in walk_function(function) if isinstance(node, ast.Try)]
    if not any(_broad(model, handler) for node in tries for handler in node.handlers):
        return
    for stmt in (stmt for node in tries for stmt in node.body):
        for node in walk_statement(stmt):
            if not isinstance(node, ast.Call) or model.sites_at(node):
                continue  # a status site of its own is judged above
            for code in sorted(raised_by(model, node)):
                caught = _swallowed(model, model.path(function, node), code)
                if caught is not None:
                    clause, answer = caught
                    helper = dotted(node.func) or last_name(node.func)
                    yield context.finding(
                        STATUS_SWALLOWED_BY_BROAD_EXCEPT,
                        node,
                        value=Phrase("{code} from {helper}", code=code, helper=helper),
                        clause=_clause_text(clause),
                        line=clause.lineno,
                        answer=answer.code,
                    )
                    break


def _swallowed(model: HandlerModel, path: Path, code: int | None) -> tuple[ast.ExceptHandler, Site] | None:
    """The catch-all that the exception raised at the end of `path` reaches first, and the error status other
    than `code` it answers."""
    for step in reversed(path):
        owner = step.owner
        if not isinstance(owner, ast.Try) or step.field != "body":
            continue  # raised in a handler, an else or a finally block: it leaves this try
        for handler in owner.handlers:
            if _broad(model, handler):
                return _answering(model, handler, code)
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
        if qualified in _MISSING_ROWS or (isinstance(caught, ast.Attribute) and caught.attr == "DoesNotExist"):
            continue
        return False
    return True


def _answering(
    model: HandlerModel, handler: ast.ExceptHandler, code: int | None
) -> tuple[ast.ExceptHandler, Site] | None:
    """The error status other than `code` the catch-all sends (a 500, or a 404 for a 403), unless it may let HTTP
    errors through: it re-raises, checks the type of what it caught, or reads its status. A catch-all that
    answers the same status loses nothing the client needs."""
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
                if answer is None and site.role in RESPONDS and site.code is not None and _other_error(site.code, code):
                    answer = site
    return (handler, answer) if answer is not None else None


def _other_error(answered: int, raised: int | None) -> bool:
    return answered >= _ERRORS and answered != raised


def _rebound(model: HandlerModel, name: str) -> bool:
    return name in model.module.imports.names or name in model.receivers.bindings.classes


def _clause_text(handler: ast.ExceptHandler) -> str:
    return f"except {ast.unparse(handler.type)}" if handler.type is not None else "except:"
