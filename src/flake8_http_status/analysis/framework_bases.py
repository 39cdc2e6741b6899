"""Which framework exceptions a class of the module derives from directly, with their status rows.

`class OrderError(HTTPException)` with `super().__init__(status_code=status)` hands its value to FastAPI's slot;
the status flow (`analysis.carriers`) follows it, and `analysis.status_sites` asks first whether any class can.
"""

from __future__ import annotations

import ast

from ..api import Table
from ..api.rows import Api, Role
from .imports import ImportMap


def framework_apis(cls: ast.ClassDef, imports: ImportMap, table: Table) -> list[Api]:
    """The status rows of the framework exceptions the class derives from directly."""
    found: list[Api] = []
    for base in cls.bases:
        qualified = imports.qualify(base) if isinstance(base, (ast.Name, ast.Attribute)) else None
        if qualified:
            found.extend(api for api in table.calls.get(qualified, ()) if api.slots and api.role is Role.RAISE)
    return found
