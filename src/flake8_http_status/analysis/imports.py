"""Resolve names through a module's own imports: `from flask import abort as a` makes `a` mean `flask.abort`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from .children import nested_blocks
from .nodes import attribute_chain


class ImportMap:
    __slots__ = ("_imported", "imported_modules", "local_names", "module_level", "modules", "names", "star_modules")

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
        self._imported: dict[tuple[str, ...], bool] = {}  # imports_any answers, asked once per row per module

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
        for local, qualified in _bindings(node):
            if qualified is None:
                self.local_names.add(local)
                self.names.pop(local, None)
                continue
            self.local_names.discard(local)
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
            return
        self.modules.update(_parents(node.module))
        for alias in node.names:
            if alias.name == "*":
                self.star_modules.append(node.module)
            else:
                # `from aiohttp import web` imports the module aiohttp.web too.
                self.modules.add(f"{node.module}.{alias.name}")


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


def collect_imports(tree: ast.Module) -> ImportMap:
    """The module-level imports (under `if`, `try` and `with` too). The tree walk adds nested ones."""
    imports = ImportMap()
    stack: list[tuple[ast.stmt, bool]] = [(stmt, True) for stmt in reversed(tree.body)]
    while stack:
        stmt, runtime = stack.pop()
        if isinstance(stmt, (ast.Import, ast.ImportFrom)):
            imports.add(stmt, runtime=runtime)
        elif isinstance(stmt, ast.If):
            guarded = _is_type_checking_guard(stmt)
            stack.extend((child, runtime and not guarded) for child in reversed(stmt.body))
            stack.extend((child, runtime) for child in reversed(stmt.orelse))
        elif isinstance(stmt, _BLOCKS):
            for body in nested_blocks(stmt):
                stack.extend((child, runtime) for child in reversed(body))
    return imports


_BLOCKS = (ast.Try, ast.With, ast.AsyncWith, *((ast.TryStar,) if hasattr(ast, "TryStar") else ()))


def _parents(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[: i + 1]) for i in range(len(parts))}


def _is_type_checking_guard(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.If):
        return False
    test = stmt.test
    name = test.attr if isinstance(test, ast.Attribute) else test.id if isinstance(test, ast.Name) else ""
    return name == "TYPE_CHECKING"
