"""Where a module's top-level imports run, in execution order: what the speller needs to reuse or add an import.

Only a module with a status to spell asks (`analysis.spelling`; the project index for the modules it summarises),
so `ImportMap.order` builds it from the module's body on first use. Every Django module imports something, and
placing each import was about a third of the import map's cost on a tree where almost no module is spelled.
"""

from __future__ import annotations

import ast
from bisect import bisect_right
from collections.abc import Iterator

from ..records import NamedTuple
from .children import nested_blocks


class Placed(NamedTuple):
    """Where a module-level import binds its name: what runs before it matters to whoever reuses it."""

    statement: int  # the index of the top-level statement that holds the import
    unconditional: bool  # the import is that statement itself: not under `if`, `try`, `with`
    imported: str  # the module an `import a.b` statement imports (its attributes exist after it); else ""


class ImportOrder:
    __slots__ = ("first_import", "head", "placed", "star_indices", "starts", "unconditional_modules")

    def __init__(self, body: list[ast.stmt]) -> None:
        # where each top-level statement starts, and how many lead the module with nothing but a docstring and
        # imports
        self.starts = [(_first_line(stmt), stmt.col_offset) for stmt in body]
        self.head = _head(body)
        # where each module-level import binds its name, and which top-level statements hold a star import
        # (which may bind any name)
        self.placed: dict[str, Placed] = {}
        self.star_indices: list[int] = []
        # modules (and their parents) that top-level import statements import on every run: not under
        # `if TYPE_CHECKING:`, `try: ... except ImportError:` or any other condition
        self.unconditional_modules: set[str] = set()
        # top-level package -> the first top-level statement importing it unconditionally: an import the fixer
        # adds of it runs no earlier (code before may put it on `sys.path`, or skip the module without it)
        self.first_import: dict[str, int] = {}
        for node, index, runtime in module_imports(body):
            if runtime:
                self._place(node, index, unconditional=node is body[index])

    def index_of(self, node: ast.AST) -> int:
        """The top-level statement that holds `node` (decorators belong to their definition)."""
        position = (getattr(node, "lineno", 1), getattr(node, "col_offset", 0))
        return max(bisect_right(self.starts, position) - 1, 0)

    def _place(self, node: ast.Import | ast.ImportFrom, index: int, *, unconditional: bool) -> None:
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
            self.unconditional_modules.update(parents(module))
            self.first_import.setdefault(module.partition(".")[0], index)


def module_imports(body: list[ast.stmt]) -> Iterator[tuple[ast.Import | ast.ImportFrom, int, bool]]:
    """The module-level imports (under `if`, `try` and `with` too) in execution order, each with the index of the
    top-level statement that holds it and whether it runs (not under `if TYPE_CHECKING:`)."""
    import_kinds = (ast.Import, ast.ImportFrom)
    for index, top in enumerate(body):
        # Most top-level statements (definitions, assignments) hold no import this reads: no stack for them.
        if type(top) in import_kinds:
            yield top, index, True  # type: ignore[misc]
            continue
        if not isinstance(top, _NESTING):
            continue
        stack: list[tuple[ast.stmt, bool]] = [(top, True)]
        while stack:
            stmt, runtime = stack.pop()
            if isinstance(stmt, (ast.Import, ast.ImportFrom)):
                yield stmt, index, runtime
            elif isinstance(stmt, ast.If):
                guarded = _is_type_checking_guard(stmt)
                stack.extend((child, runtime and not guarded) for child in reversed(stmt.body))
                stack.extend((child, runtime) for child in reversed(stmt.orelse))
            elif isinstance(stmt, _BLOCKS):
                for block in nested_blocks(stmt):
                    stack.extend((child, runtime) for child in reversed(block))


def parents(module: str) -> set[str]:
    """`a.b.c` and the packages that hold it: `a`, `a.b`, `a.b.c`."""
    parts = module.split(".")
    return {".".join(parts[: i + 1]) for i in range(len(parts))}


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
_NESTING = (ast.If, *_BLOCKS)  # the statements whose bodies hold the module-level imports


def _is_type_checking_guard(stmt: ast.stmt) -> bool:
    if not isinstance(stmt, ast.If):
        return False
    test = stmt.test
    name = test.attr if isinstance(test, ast.Attribute) else test.id if isinstance(test, ast.Name) else ""
    return name == "TYPE_CHECKING"
