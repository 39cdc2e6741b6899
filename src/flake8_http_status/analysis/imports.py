"""Resolve names through a module's own imports: `from flask import abort as a` makes `a` mean `flask.abort`."""

from __future__ import annotations

import ast
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import PurePath

from ..records import NamedTuple
from .children import nested_blocks
from .nodes import attribute_chain


class Placed(NamedTuple):
    """Where a module-level import binds its name: what runs before it matters to whoever reuses it."""

    statement: int  # the index of the top-level statement that holds the import
    unconditional: bool  # the import is that statement itself: not under `if`, `try`, `with`
    imported: str  # the module an `import a.b` statement imports (its attributes exist after it); else ""


class ImportMap:
    __slots__ = (
        "_imported",
        "first_import",
        "head",
        "imported_modules",
        "local_names",
        "module_level",
        "modules",
        "names",
        "placed",
        "relative",
        "relative_stars",
        "star_indices",
        "star_modules",
        "starts",
        "submodule_names",
        "unconditional_modules",
    )

    def __init__(self) -> None:
        # local name -> qualified name, for every absolute import anywhere in the module
        self.names: dict[str, str] = {}
        # the same, for imports that run at module level (not under `if TYPE_CHECKING:`)
        self.module_level: dict[str, str] = {}
        # every imported module and all its parents: "django.http" adds "django" and "django.http"
        self.modules: set[str] = set()
        # the modules `import` statements name, and their parents: what a qualified name means when it is one of
        # these is a module, never an object imported from one (`from a import b` may import either)
        self.imported_modules: set[str] = set()
        self.star_modules: list[str] = []
        # names bound by relative imports: project code that shadows any framework name
        self.local_names: set[str] = set()
        # the same names, with what they import: local name -> (level, dotted path under the package it names),
        # `from ..errors import ApiError as E` gives E -> (2, "errors.ApiError"); the project index resolves them
        self.relative: dict[str, tuple[int, str]] = {}
        self.relative_stars: list[tuple[int, str]] = []  # `from .errors import *`: (level, dotted module)
        self._imported: dict[tuple[str, ...], bool] = {}  # imports_any answers, asked once per row per module
        # Execution order, for the speller: where each top-level statement starts, how many lead the module
        # with nothing but a docstring and imports, where each module-level import binds its name, and which
        # top-level statements hold a star import (which may bind any name).
        self.starts: list[tuple[int, int]] = []
        self.head = 0
        self.placed: dict[str, Placed] = {}
        self.star_indices: list[int] = []
        # modules (and their parents) that top-level import statements import on every run: not under
        # `if TYPE_CHECKING:`, `try: ... except ImportError:` or any other condition
        self.unconditional_modules: set[str] = set()
        # top-level package -> the first top-level statement importing it unconditionally: an import the fixer
        # adds of it runs no earlier (code before may put it on `sys.path`, or skip the module without it)
        self.first_import: dict[str, int] = {}
        # the first name under the importing package of every import, anywhere in the module: in a package's
        # `__init__.py`, `from .status import x` (or `from pkg.status import x`) binds the global `status`
        self.submodule_names: set[tuple[int, str]] = set()  # (relative level, dotted module); level 0: absolute

    def index_of(self, node: ast.AST) -> int:
        """The top-level statement that holds `node` (decorators belong to their definition)."""
        position = (getattr(node, "lineno", 1), getattr(node, "col_offset", 0))
        return max(bisect_right(self.starts, position) - 1, 0)

    def package_bound(self, filename: str) -> set[str]:
        """Names that importing a submodule binds as globals when this module is its package's `__init__.py`.

        Conservative for absolute imports: the package's full dotted name is unknown, so any component
        named like the package's directory counts as the package."""
        path = PurePath(filename.replace("\\", "/"))
        if path.name not in ("__init__.py", "__init__.pyi"):
            return set()
        package = path.parent.name
        bound: set[str] = set()
        for level, module in self.submodule_names:
            parts = module.split(".") if module else []
            if level == 1 and parts:
                bound.add(parts[0])
            elif level == 0:
                bound.update(parts[i + 1] for i in range(len(parts) - 1) if parts[i] == package)
        return bound

    def qualify(self, node: ast.expr) -> str | None:
        """The qualified name of a `Name` or dotted `Attribute` chain rooted in an import."""
        name, parts = attribute_chain(node)
        if not isinstance(name, ast.Name):
            return None
        root = self.names.get(name.id)
        if root is None:
            if name.id in self.local_names or len(self.star_modules) != 1:
                return None
            root = f"{self.star_modules[0]}.{name.id}"
        if parts:
            return f"{root}.{'.'.join(parts)}"
        return root

    def imports_any(self, prefixes: tuple[str, ...]) -> bool:
        answer = self._imported.get(prefixes)
        if answer is None:
            answer = self._imported[prefixes] = any(prefix in self.modules for prefix in prefixes)
        return answer

    def add(self, node: ast.Import | ast.ImportFrom, *, runtime: bool) -> None:
        self._imported.clear()
        self._note_submodules(node)
        for local, qualified in _bindings(node):
            if qualified is None:
                self.local_names.add(local)
                self.names.pop(local, None)
                if isinstance(node, ast.ImportFrom):
                    self.relative[local] = _relative_path(node, local)
                continue
            self.local_names.discard(local)
            self.relative.pop(local, None)
            self.names[local] = qualified
            if runtime:
                self.module_level[local] = qualified
        if isinstance(node, ast.Import):
            for alias in node.names:
                parents = _parents(alias.name)
                self.modules.update(parents)
                self.imported_modules.update(parents)
            return
        if node.level or not node.module:
            if any(alias.name == "*" for alias in node.names):
                self.relative_stars.append((node.level, node.module or ""))
            return
        self.modules.update(_parents(node.module))
        for alias in node.names:
            if alias.name == "*":
                self.star_modules.append(node.module)
            else:
                # `from aiohttp import web` imports the module aiohttp.web too.
                self.modules.add(f"{node.module}.{alias.name}")

    def _note_submodules(self, node: ast.Import | ast.ImportFrom) -> None:
        if isinstance(node, ast.Import):
            self.submodule_names.update((0, alias.name) for alias in node.names)
            return
        module = node.module or ""
        self.submodule_names.add((node.level, module))
        if node.level == 1 and not module:  # `from . import status`: a submodule or an attribute
            self.submodule_names.update((1, alias.name) for alias in node.names if alias.name != "*")

    def place(self, node: ast.Import | ast.ImportFrom, index: int, *, unconditional: bool) -> None:
        """Record where a module-level import runs (after `add`)."""
        if any(alias.name == "*" for alias in node.names):
            self.star_indices.append(index)
        for alias in node.names:
            if alias.name == "*":
                continue
            imported = alias.name if isinstance(node, ast.Import) and not alias.asname else ""
            local = alias.asname or (alias.name.partition(".")[0] if isinstance(node, ast.Import) else alias.name)
            self.placed[local] = Placed(index, unconditional, imported)
        if not unconditional or (isinstance(node, ast.ImportFrom) and (node.level or not node.module)):
            return
        modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        for module in modules:
            self.unconditional_modules.update(_parents(module))
            self.first_import.setdefault(module.partition(".")[0], index)


def _bindings(node: ast.Import | ast.ImportFrom) -> Iterator[tuple[str, str | None]]:
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.asname:
                yield alias.asname, alias.name
            else:
                root = alias.name.partition(".")[0]
                yield root, root
        return
    relative = node.level > 0 or not node.module
    for alias in node.names:
        if alias.name == "*":
            continue
        local = alias.asname or alias.name
        yield local, None if relative else f"{node.module}.{alias.name}"


def _relative_path(node: ast.ImportFrom, local: str) -> tuple[int, str]:
    name = next(alias.name for alias in node.names if (alias.asname or alias.name) == local)
    return node.level, f"{node.module}.{name}" if node.module else name


def collect_imports(tree: ast.Module) -> ImportMap:
    """The module-level imports (under `if`, `try` and `with` too). The tree walk adds nested ones."""
    imports = ImportMap()
    body = tree.body
    imports.starts = [(_first_line(stmt), stmt.col_offset) for stmt in body]
    imports.head = _head(body)
    import_kinds = (ast.Import, ast.ImportFrom)
    for index, top in enumerate(body):
        # Most top-level statements (definitions, assignments) hold no import this reads: no stack for them.
        if type(top) in import_kinds:
            imports.add(top, runtime=True)  # type: ignore[arg-type]
            imports.place(top, index, unconditional=True)  # type: ignore[arg-type]
            continue
        if not isinstance(top, _NESTING):
            continue
        stack: list[tuple[ast.stmt, bool]] = [(top, True)]
        while stack:
            stmt, runtime = stack.pop()
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                imports.add(stmt, runtime=runtime)
                if runtime:
                    imports.place(stmt, index, unconditional=stmt is top)
            elif isinstance(stmt, ast.If):
                guarded = _is_type_checking_guard(stmt)
                stack.extend((child, runtime and not guarded) for child in reversed(stmt.body))
                stack.extend((child, runtime) for child in reversed(stmt.orelse))
            elif isinstance(stmt, _BLOCKS):
                for body in nested_blocks(stmt):
                    stack.extend((child, runtime) for child in reversed(body))
    return imports


def _first_line(stmt: ast.stmt) -> int:
    """Decorators run before the definition they decorate, and sit above its `lineno`."""
    decorators: list[ast.expr] | None = getattr(stmt, "decorator_list", None)
    if not decorators:
        return stmt.lineno
    return min(stmt.lineno, *(decorator.lineno for decorator in decorators))


def _head(body: list[ast.stmt]) -> int:
    """How many top-level statements lead the module: a docstring, then imports only."""
    first = body[0] if body else None
    docstring = (
        isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str)
    )
    index = 1 if docstring else 0
    while index < len(body) and isinstance(body[index], (ast.Import, ast.ImportFrom)):
        index += 1
    return index


_BLOCKS = (ast.Try, ast.With, ast.AsyncWith, *((ast.TryStar,) if hasattr(ast, "TryStar") else ()))
_NESTING = (ast.If, *_BLOCKS)  # the statements whose bodies the import map reads


def _parents(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[: i + 1]) for i in range(len(parts))}


def _is_type_checking_guard(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.If):
        return False
    test = stmt.test
    name = test.attr if isinstance(test, ast.Attribute) else test.id if isinstance(test, ast.Name) else ""
    return name == "TYPE_CHECKING"
