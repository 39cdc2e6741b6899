"""The package's own modules that a module imports before anything else runs: what `kept_code` may load ahead of
the module's body, without `importlib`.

A module's leading imports are the import statements at the top of its body, before its first statement of another
kind: its docstring, `from __future__` and `if TYPE_CHECKING:` blocks (whose imports never run) are passed over, and
a `try`, an `if` of another test or any other statement ends them. Each import of the package's own modules adds the
modules the statement imports, in the order `importlib` would import them: `from .a import b, c` adds `a`, then
`a.b` and `a.c` where those are modules of the package (`kept_code` loads them only where `a` has no attribute of
that name, as `importlib` does). A module of another package ends nothing: its import runs in the body as before.

Read only when `kept_code` compiles a module, which is rare: this module is not on the import path of a run.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

# A module a leading import loads: its name, and whether it is a name taken from a package (`from .a import b`,
# which `importlib` imports as a submodule only where the package has no attribute `b` yet).
Leading = tuple[str, bool]


def leading_imports(
    tree: ast.Module, name: str, is_package: bool, package: str, is_module: Callable[[str], bool]
) -> tuple[Leading, ...]:
    """The modules of `package` that module `name`'s leading imports load, in order, each once; `is_module`
    says whether a name is one of the package's modules (a file of it)."""
    found: dict[Leading, None] = {}
    here = name if is_package else name.rpartition(".")[0]
    for statement in _leading(tree.body):
        for target, names in _imported(statement, here):
            if target != package and not (target.startswith(package + ".") and is_module(target)):
                continue  # another package's, or none (the body's import raises, as it would)
            for dotted in (*_parents(target, package), target):
                found.setdefault((dotted, False))
            for alias in names:
                if is_module(f"{target}.{alias}"):
                    found.setdefault((f"{target}.{alias}", True))
    # The package and those holding the module (the module itself too, where a package imports from itself): loaded
    # before its body runs.
    return tuple(item for item in found if not (name + ".").startswith(item[0] + "."))


def _leading(body: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    leading: list[ast.Import | ast.ImportFrom] = []
    for index, statement in enumerate(body):
        if isinstance(statement, ast.Import | ast.ImportFrom):
            leading.append(statement)
        elif not (_docstring(statement, index) or _type_checking(statement)):
            break
    return leading


def _docstring(statement: ast.stmt, index: int) -> bool:
    return (
        index == 0
        and isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _type_checking(statement: ast.stmt) -> bool:
    """`if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`) with no `else`: its test reads a name, and nothing in it runs."""
    if not isinstance(statement, ast.If) or statement.orelse:
        return False
    test = statement.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute)
        and test.attr == "TYPE_CHECKING"
        and isinstance(test.value, ast.Name)
        and test.value.id == "typing"
    )


def _imported(statement: ast.Import | ast.ImportFrom, here: str) -> list[tuple[str, tuple[str, ...]]]:
    """(module, names taken from it) for each module the statement imports, as absolute names."""
    if isinstance(statement, ast.Import):
        return [(alias.name, ()) for alias in statement.names]
    if statement.module == "__future__":
        return []
    if not statement.level:
        return [(statement.module or "", tuple(alias.name for alias in statement.names if alias.name != "*"))]
    base = here
    for _ in range(statement.level - 1):
        base = base.rpartition(".")[0]
    target = f"{base}.{statement.module}" if statement.module else base
    return [(target, tuple(alias.name for alias in statement.names if alias.name != "*"))]


def _parents(dotted: str, package: str) -> list[str]:
    """The packages `importlib` imports before `dotted`, outermost first, below `package`."""
    parts = dotted.split(".")
    return [".".join(parts[:end]) for end in range(package.count(".") + 2, len(parts))]
