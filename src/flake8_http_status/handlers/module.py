"""Module-level names the handler model looks up: assignments (`router = APIRouter(...)`, `CurrentUser =
Annotated[...]`) and function definitions (a dependency's return annotation).

Only the module's top-level statements are read, once, on first use.
"""

from __future__ import annotations

import ast

from ..analysis.sites import FunctionNode


class ModuleNames:
    __slots__ = ("functions", "values")

    def __init__(self) -> None:
        self.values: dict[str, ast.expr] = {}  # name -> the value last assigned at top level
        self.functions: dict[str, FunctionNode] = {}


def module_names(tree: ast.Module) -> ModuleNames:
    names = ModuleNames()
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            names.values[stmt.targets[0].id] = stmt.value
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            names.values[stmt.target.id] = stmt.value
        elif type(stmt).__name__ == "TypeAlias":  # `type CurrentUser = Annotated[...]` (Python 3.12+)
            name, value = getattr(stmt, "name", None), getattr(stmt, "value", None)
            if isinstance(name, ast.Name) and isinstance(value, ast.expr):
                names.values[name.id] = value
        elif isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.functions[stmt.name] = stmt
    return names
