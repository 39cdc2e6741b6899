"""Which int family a module may write where an `http.HTTPStatus` member would show its type (issue 11, 1b).

A module whose family is `HTTPStatus` only because `auto` found it used most can still write its framework's own
constants (`fastapi.status`, `starlette.status`, `rest_framework.status`, `litestar.status_codes`): they are plain
ints, so they keep the literal's type wherever it goes, and they need no new dependency when the module imports
that framework already. Only an import that runs whenever the module does counts, a statement of the module's
own body: not one under `if` (`TYPE_CHECKING` or a version test), `try` (`except ImportError`) or `with`, nor
one inside a function, so a fix never makes the module import a framework it may run without.
"""

from __future__ import annotations

import ast

from ..api import framework_family
from ..families import FAMILIES, Family
from .family_types import ENUM, family_type


def int_fallback(style: str, family: Family, tree: ast.Module) -> str | None:
    """The style key of the int family to write where `family` would change a value's type, or None."""
    if style != "auto" or family_type(family.style) != ENUM:
        return None
    modules = _unconditional_modules(tree)
    fallback = framework_family(modules)
    if fallback is None or family_type(fallback) == ENUM:
        return None
    # The family's own package must be among them: drf-spectacular's family is DRF's, which it requires, but a
    # module that imports only drf_spectacular does not import `rest_framework`, and a fix never adds a framework.
    return fallback if FAMILIES[fallback].namespace.partition(".")[0] in modules else None


def _unconditional_modules(tree: ast.Module) -> set[str]:
    """Every module an import statement of the module's own body names, with its parents (`from fastapi import
    status` gives `fastapi` and `fastapi.status`); relative imports name project modules and count for nothing."""
    modules: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            names = [alias.name for alias in statement.names]
        elif isinstance(statement, ast.ImportFrom) and not statement.level and statement.module:
            names = [f"{statement.module}.{alias.name}" for alias in statement.names if alias.name != "*"]
            names.append(statement.module)
        else:
            continue
        for name in names:
            parts = name.split(".")
            modules.update(".".join(parts[:index]) for index in range(1, len(parts) + 1))
    return modules
