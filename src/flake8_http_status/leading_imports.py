"""The package's own modules that a module imports before anything else runs: what `kept_code` may load ahead of
the module's body, without `importlib`.

A module's leading imports are the import statements at the top of its body. Its docstring, `from __future__`
imports, imports of the standard library (`sys.stdlib_module_names`) and `if TYPE_CHECKING:` blocks (without an
`else`, after an import that binds `TYPE_CHECKING`) are passed over; any other statement ends them, and so does an
import of another package (its import could run the package's modules in another order) or a relative import that
goes above the top-level package. Each import of the package's modules adds the module it imports (`kept_code` imports
the packages holding it first, as `importlib` does), with the names the statement takes from it when it is a package
(`from .a import b, c`: `a` with `b` and `c`, which `kept_code` loads as submodules where `a` has no such attributes,
as `importlib` decides). An import of a name of the package that is no module of it (a folder without `__init__`, an
extension module, a module that is not there) ends them too. What is a module or a package is read from the files
when the module is compiled; `kept_code` computes every module's leading imports again whenever its set of modules
changes, and serves no module of a folder that changed since.

The module itself, its packages, and what follows an import of a module inside it (a package importing its own
submodules) are left out: its body binds names before those, and `kept_code` leaves them to it.

Read only when `kept_code` compiles a module, which is rare: this module is not on the import path of a run.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable

# A module a leading import loads, with the names the statement takes from it (none for `import a.b`).
Leading = tuple[str, tuple[str, ...]]


def leading_imports(
    tree: ast.Module, name: str, is_package: bool, package: str, kind: Callable[[str], str | None]
) -> tuple[Leading, ...]:
    """The modules of `package` that module `name`'s leading imports load, in order, with the names taken from each
    package; `kind` says whether a name of the package is a `"module"`, a `"package"` or neither (None)."""
    here = name if is_package else name.rpartition(".")[0]
    found: list[Leading] = []
    bound: set[str] = set()  # the names the leading imports bind, for `if TYPE_CHECKING:`
    for index, statement in enumerate(tree.body):
        if isinstance(statement, ast.Import | ast.ImportFrom):
            imported = _imported(statement, here, package, kind)
            if imported is None:
                break
            found.extend(imported)
            bound.update(_bound(statement))
        elif not (_docstring(statement, index) or _type_checking(statement, bound)):
            break
    return _own_left_out(found, name)


def _own_left_out(found: list[Leading], name: str) -> tuple[Leading, ...]:
    """`found` without the module and its packages (loaded before it runs, unless a name is taken from one), and cut
    at the first of its own submodules."""
    kept: list[Leading] = []
    for target, names in found:
        if (target == name and names) or target.startswith(name + "."):
            break  # the module's own: its body first
        if not names and (name + ".").startswith(target + "."):
            continue  # the module or one of its packages, already loaded
        if (target, names) not in kept:
            kept.append((target, names))
    return tuple(kept)


def _imported(
    statement: ast.Import | ast.ImportFrom, here: str, package: str, kind: Callable[[str], str | None]
) -> list[Leading] | None:
    """What the statement loads of the package; None when the leading imports end at it."""
    if isinstance(statement, ast.Import):
        loaded: list[Leading] = []
        for alias in statement.names:
            chain = _chain(alias.name, (), package, kind)
            if chain is None:
                return None
            loaded.extend(chain)
        return loaded
    if statement.module == "__future__":
        return []
    target = _absolute(statement, here)
    if target is None:
        return None
    return _chain(target, tuple(alias.name for alias in statement.names), package, kind)


def _absolute(statement: ast.ImportFrom, here: str) -> str | None:
    """The module a `from` import reads, absolute; None for a relative import above the top-level package."""
    if not statement.level:
        return statement.module or ""
    base = here
    for _ in range(statement.level - 1):
        if "." not in base:
            return None
        base = base.rpartition(".")[0]
    return f"{base}.{statement.module}" if statement.module else base


def _chain(
    target: str, names: tuple[str, ...], package: str, kind: Callable[[str], str | None]
) -> list[Leading] | None:
    """`target`, with `names` taken from it where it is a package (`kept_code` loads the packages holding it first,
    as `importlib` does): nothing for the standard library's modules, None (the end) for another package's, or for
    a name of the package that is no module of it."""
    if target != package and not target.startswith(package + "."):
        return [] if target.partition(".")[0] in sys.stdlib_module_names else None
    found = "package" if target == package else kind(target)
    if found is None:
        return None
    return [(target, names if found == "package" else ())]


def _bound(statement: ast.Import | ast.ImportFrom) -> set[str]:
    if isinstance(statement, ast.Import):
        return {alias.asname or alias.name.partition(".")[0] for alias in statement.names}
    return {alias.asname or alias.name for alias in statement.names}


def _docstring(statement: ast.stmt, index: int) -> bool:
    return (
        index == 0
        and isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _type_checking(statement: ast.stmt, bound: set[str]) -> bool:
    """`if TYPE_CHECKING:` (or `typing.TYPE_CHECKING`), the name bound by a leading import, with no `else`: its test
    reads a name, and nothing in it runs."""
    if not isinstance(statement, ast.If) or statement.orelse:
        return False
    test = statement.test
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING" and test.id in bound
    return (
        isinstance(test, ast.Attribute)
        and test.attr == "TYPE_CHECKING"
        and isinstance(test.value, ast.Name)
        and test.value.id == "typing"
        and "typing" in bound
    )
