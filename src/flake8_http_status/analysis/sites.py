"""What the analysis finds in a module: scopes and status sites."""

from __future__ import annotations

import ast

from ..api.rows import Api, Misplaced, Role
from ..records import NamedTuple
from .values import Value

FunctionNode = ast.FunctionDef | ast.AsyncFunctionDef


class Scope(NamedTuple):
    function: FunctionNode | None  # the innermost enclosing function
    cls: ast.ClassDef | None  # the class whose `self` is visible here
    method_of: ast.ClassDef | None = None  # the class `function` is directly defined in


MODULE_SCOPE = Scope(None, None)

# Slot nodes the status flow (`analysis.flow`) can follow back to the literals they hold: a name, a call of the
# module's own function, a table read by key.
FOLLOWED = (ast.Name, ast.Call, ast.Subscript)


class Site(NamedTuple):
    """One place where the code sets, raises, declares, compares or fakes a status."""

    anchor: ast.AST  # the call, assignment, return, class, comparison or case
    api: Api
    node: ast.expr | None  # the expression in the status slot; None for fixed and default statuses
    value: Value
    scope: Scope
    misplaced: Misplaced | None = None  # the status sits in a positional slot that is not the status
    in_pattern: bool = False  # a `case` value pattern: only a dotted name may replace it
    # The status reached the slot through a name, a helper or a class (`analysis.flow`): the expression in the slot
    # that carried it there. The handler model reads only the statuses written at the slot itself.
    via: ast.expr | None = None
    # The value is written where other code can read it too (a module constant, a class attribute, a helper's
    # return): even a comparison does not make its type invisible.
    exposed: bool = False

    @property
    def role(self) -> Role:
        return self.api.role

    @property
    def code(self) -> int | None:
        return self.value.code
