"""Which framework exceptions a class of the module derives from directly, with their status rows.

`class OrderError(HTTPException)` with `super().__init__(status_code=status)` hands its value to FastAPI's slot;
the status flow (`analysis.carriers`) follows it, and `analysis.status_sites` asks first whether any class can.
A base that is a project exception class of another module counts too, with the rows the project index
found for its constructor, and so does one whose error handler sends an attribute (`ProjectFacts.carried`).
"""

from __future__ import annotations

import ast

from ..api import Table
from ..api.rows import Api, Role
from .imports import ImportMap
from .project_facts import ProjectFacts


def framework_apis(
    cls: ast.ClassDef, imports: ImportMap, table: Table, project: ProjectFacts | None = None
) -> list[Api]:
    """The status rows of the framework (or project) exceptions the class derives from directly."""
    found: list[Api] = []
    for base in cls.bases:
        if not isinstance(base, (ast.Name, ast.Attribute)):
            continue
        qualified = imports.qualify(base)
        if qualified:
            found.extend(api for api in table.calls.get(qualified, ()) if api.slots and api.role is Role.RAISE)
        absolute = qualified or (project.qualify(base) if project is not None else None)
        if project is not None and absolute and not found:
            found.extend(api for api in project.rows(absolute) if api.slots)
    return found


def project_carried(cls: ast.ClassDef, imports: ImportMap, project: ProjectFacts | None) -> dict[str, Api]:
    """Attributes an error handler of another module sends as the status, for a class deriving from its class."""
    carried: dict[str, Api] = {}
    if project is None:
        return carried
    for base in cls.bases:
        if isinstance(base, (ast.Name, ast.Attribute)):
            absolute = imports.qualify(base) or project.qualify(base)
            if absolute:
                carried.update(project.carried(absolute))
    return carried
