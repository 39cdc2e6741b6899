"""FastAPI-style dependencies that resolve the current user: `Depends(get_current_user)`, `Security(...)`,
`Annotated[User, Depends(...)]` aliases, `dependencies=[...]` on a route or a router built in the module.

A dependency named like an optional user (`get_optional_user`) or returning `User | None` guarantees
nothing; security schemes (`OAuth2PasswordBearer`) prove only that a token was sent. Dependencies and aliases
of another module of the project are judged there, by the project index (`handlers.project_roles`).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..analysis.imports import ImportMap
from ..analysis.match import argument
from ..analysis.receivers import last_name
from ..analysis.sites import FunctionNode
from ..api.idioms import AuthDependency
from ..api.rows import Slot
from ..lazy_pattern import LazyPattern
from .module import ModuleNames
from .syntax import listed, optional
from .table import Idioms

if TYPE_CHECKING:
    from ..analysis.project_facts import ProjectFacts

OPTIONAL_ANNOTATION = LazyPattern(r"\bOptional\[|\|\s*None\b|\bNone\s*\|")
_DEPENDENCIES = Slot(None, "dependencies")
_DEPENDENCY = Slot(0, "dependency")


class Dependencies:
    def __init__(
        self, idioms: Idioms, imports: ImportMap, names: ModuleNames, project: ProjectFacts | None = None
    ) -> None:
        self.idioms = idioms
        self.imports = imports
        self.names = names
        self.project = project
        # Verdicts on this module's own dependencies (the project index's judge fills it while it decides them).
        self.local: dict[str, bool] = {}

    def resolves_user(self, function: FunctionNode) -> str | None:
        """The dependency that guarantees an authenticated user, as written, or None."""
        for dependency in self._dependencies(function):
            if self._resolves_user(dependency) is True:
                return ast.unparse(dependency)
        for _, _, annotation in _parameters(function):
            if self._project_verdict(annotation, alias=True) is True:  # `user: CurrentUser` from deps.py
                return ast.unparse(annotation)  # type: ignore[arg-type]
        return None

    def optional_users(self, function: FunctionNode) -> frozenset[str]:
        """Parameters that hold the user or None (`user: User | None = Depends(get_optional_user)`)."""
        names = set()
        for parameter, default, annotation in _parameters(function):
            for dependency in self._dependency_calls(default, annotation):
                if self._resolves_user(dependency) is False and self._names_user(dependency):
                    names.add(parameter)
            if self._project_verdict(annotation, alias=True) is False:
                names.add(parameter)
        return frozenset(names)

    def _project_verdict(self, node: ast.expr | None, *, alias: bool) -> bool | None:
        """The project index's verdict on a dependency (or, with `alias`, an `Annotated` alias) that another module
        of the project defines: True resolves a user, False an optional one, None unknown."""
        if isinstance(node, ast.Name) and node.id in self.local and not alias:
            return self.local[node.id]
        if self.project is None or not isinstance(node, (ast.Name, ast.Attribute)):
            return None
        qualified = self.imports.qualify(node) or self.project.qualify(node)
        if qualified is None:
            return None
        return self.project.user_alias(qualified) if alias else self.project.auth_dependency(qualified)

    def alias_verdict(self, value: ast.expr) -> bool | None:
        """A module-level `Annotated[User, Depends(...)]`: True when its dependency resolves a user, False when it
        gives an optional one, None when it is no user dependency."""
        for node in _annotated_metadata(value, self.names):
            if isinstance(node, ast.Call) and self._wrapper(node) is not None:
                verdict = self._resolves_user(node)
                if verdict is True or (verdict is False and self._names_user(node)):
                    return verdict
        return None

    def _dependencies(self, function: FunctionNode) -> Iterator[ast.Call]:
        for _, default, annotation in _parameters(function):
            yield from self._dependency_calls(default, annotation)
        for decorator in function.decorator_list:
            if isinstance(decorator, ast.Call):
                yield from self._listed_dependencies(argument(decorator, _DEPENDENCIES))
                owner = decorator.func.value if isinstance(decorator.func, ast.Attribute) else None
                made = self.names.values.get(owner.id) if isinstance(owner, ast.Name) else None
                if isinstance(made, ast.Call):  # router = APIRouter(dependencies=[Depends(get_current_user)])
                    yield from self._listed_dependencies(argument(made, _DEPENDENCIES))

    def _listed_dependencies(self, node: ast.expr | None) -> Iterator[ast.Call]:
        for element in listed([node] if node is not None else []):
            if isinstance(element, ast.Call) and self._wrapper(element) is not None:
                yield element

    def _dependency_calls(self, default: ast.expr | None, annotation: ast.expr | None) -> Iterator[ast.Call]:
        if isinstance(default, ast.Call) and self._wrapper(default) is not None:
            yield default
        for node in _annotated_metadata(annotation, self.names):
            if isinstance(node, ast.Call) and self._wrapper(node) is not None:
                yield node

    def _wrapper(self, call: ast.Call) -> AuthDependency | None:
        qualified = self.imports.qualify(call.func) or ""
        return next((row for row in self.idioms.auth_dependencies if qualified in row.wrappers), None)

    def _resolves_user(self, wrapper_call: ast.Call) -> bool | None:
        """True: a dependency that yields a user or refuses; False: an optional user; None: not a user."""
        dependency = argument(wrapper_call, _DEPENDENCY)
        if dependency is None:
            return None
        verdict = self._project_verdict(dependency, alias=False)
        row = self._dependency_row(dependency)
        if row is None:
            return verdict
        name = last_name(dependency)
        if isinstance(dependency, ast.Call) and optional(dependency, "optional"):
            return False
        if row.optional_pattern and re.search(row.optional_pattern, name):
            return False
        if verdict is not None:  # the index read the dependency's own code: `-> User | None` is optional
            return verdict
        defined = self.names.functions.get(name)
        return not (
            defined is not None
            and defined.returns is not None
            and OPTIONAL_ANNOTATION.search(ast.unparse(defined.returns))
        )

    def _names_user(self, wrapper_call: ast.Call) -> bool:
        dependency = argument(wrapper_call, _DEPENDENCY)
        return dependency is not None and "user" in last_name(dependency).lower()

    def _dependency_row(self, dependency: ast.expr) -> AuthDependency | None:
        target = dependency.func if isinstance(dependency, ast.Call) else dependency
        qualified = self.imports.qualify(target)
        name = last_name(target)
        for row in self.idioms.auth_dependencies:
            if qualified in row.names or name in row.names or any(n.endswith(f".{name}") for n in row.names):
                return row
            if row.name_pattern and re.search(row.name_pattern, name):
                return row
        if isinstance(dependency, ast.Call):  # fastapi-users: Depends(fastapi_users.current_user(active=True))
            return self._dependency_row(ast.Name(last_name(dependency.func)))
        return None


def _parameters(function: FunctionNode) -> Iterator[tuple[str, ast.expr | None, ast.expr | None]]:
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for arg, default in zip(positional, defaults, strict=True):
        yield arg.arg, default, arg.annotation
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        yield arg.arg, kw_default, arg.annotation


def _annotated_metadata(annotation: ast.expr | None, names: ModuleNames) -> list[ast.expr]:
    """The metadata of `Annotated[T, Depends(...)]`, directly or through a module-level alias."""
    if isinstance(annotation, ast.Name) and annotation.id in names.values:
        annotation = names.values[annotation.id]
    if isinstance(annotation, ast.Subscript) and last_name(annotation.value) == "Annotated":
        inner = annotation.slice
        if isinstance(inner, ast.Tuple):
            return list(inner.elts[1:])
    return []
