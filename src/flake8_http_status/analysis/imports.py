"""Resolve names through a module's own imports: `from flask import abort as a` makes `a` mean `flask.abort`."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import PurePath

from .import_order import ImportOrder, Placed, module_imports, parents
from .nodes import attribute_chain


class ImportMap:
    __slots__ = (
        "_body",
        "_imported",
        "_order",
        "imported_modules",
        "local_names",
        "module_level",
        "modules",
        "names",
        "relative",
        "relative_stars",
        "star_modules",
        "submodule_names",
    )

    def __init__(self, body: list[ast.stmt] | None = None) -> None:
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
        # the module's top-level statements, and where their imports run (`order`), built when first asked
        self._body: list[ast.stmt] = body if body is not None else []
        self._order: ImportOrder | None = None
        # the first name under the importing package of every import, anywhere in the module: in a package's
        # `__init__.py`, `from .status import x` (or `from pkg.status import x`) binds the global `status`
        self.submodule_names: set[tuple[int, str]] = set()  # (relative level, dotted module); level 0: absolute

    @property
    def order(self) -> ImportOrder:
        """Where the module-level imports run, for the speller: few modules have a status to spell."""
        if self._order is None:
            self._order = ImportOrder(self._body)
        return self._order

    @property
    def placed(self) -> dict[str, Placed]:
        """`order.placed`: the project index's module summary reads which names a module-level import binds."""
        return self.order.placed

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
                imported = parents(alias.name)
                self.modules.update(imported)
                self.imported_modules.update(imported)
            return
        if node.level or not node.module:
            if any(alias.name == "*" for alias in node.names):
                self.relative_stars.append((node.level, node.module or ""))
            return
        self.modules.update(parents(node.module))
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
    imports = ImportMap(tree.body)
    for node, _, runtime in module_imports(tree.body):
        imports.add(node, runtime=runtime)
    return imports
