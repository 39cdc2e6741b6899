"""The verifier's binding checks: every name a rewrite writes is bound, when it runs, to the real object.

The node-by-node comparison (`verify.py`) reads written constants back through the rewritten
module's scopes, which know *what* a name is bound to but not *when*, nor whether the object it
names exists. These checks hold each name the rewrite wrote (found by walking the original and
the rewrite side by side) to what a running program sees, without trusting the speller:

* order: the import that binds it is a statement of the scope that owns the name (not under `if`,
  `try` or `with`), before the statement that holds the use. Decorators, default values, class
  bodies and module-level code run at import time; a function body is held to the same rule,
  since module-level code may call it before a later import ran;
* no star import after that import (it may rebind any name), and in a package's `__init__.py` no
  import of a submodule of the same name (`from .status import x` binds the global `status`);
* reality: the chain from the import to the constant exists. `HTTPStatus` is a class of `http`;
  `fastapi.status` is an attribute of `fastapi` (its `__init__.py` does `from starlette import
  status as status`; the fastapi 0.100.0 and 0.165.0 wheels have no `fastapi/status.py`, so
  `import fastapi.status` fails there); no Python has `http.client.HTTPStatus` (3.6 to 3.13
  checked), so `import http.client as httplib` never gives `httplib.HTTPStatus`;
* imports the fixes add cannot fail where the module itself imports: each is of the standard
  library's `http`, of a package the module already imports at module level unconditionally
  (or the family package of a framework it so imports, which that framework requires),
  or of one the user's configuration names (`http-status-style`, the modules of
  `http-status-extra-codes`): naming it asserts that it is installed;
* and import what they mean to: no module or package of the project by the same top-level name comes
  first on the path (`shadows.py`: an `http.py` beside the file or in the project root).
"""

from __future__ import annotations

import ast
import os
import sys
from collections.abc import Iterator, Sequence
from typing import NoReturn

from .. import api
from ..analysis.namespace import writes_own_namespace
from ..analysis.nodes import attribute_chain
from ..families import FAMILIES, constant_for
from ..findings import Finding, NewImport
from ..options import Settings
from .errors import FixError, FixFailure
from .scopes import Resolver, Scope
from .shadows import shadowing
from .siblings import sibling_modules

# Importable modules that hold the style families' constants on every version (`import m` works).
_MODULE_NAMESPACES = frozenset({"starlette.status", "rest_framework.status", "litestar.status_codes"})
# (object, attribute): the attribute exists once the object is imported, on every version.
_ATTRIBUTES = frozenset({("http", "HTTPStatus"), ("fastapi", "status")})
_ALWAYS_IMPORTABLE = frozenset({"http"})
_STDLIB = frozenset(sys.stdlib_module_names)
# Where each style family's constants live, and the packages the speller imports them from.
_NAMESPACES = _MODULE_NAMESPACES | {"http.HTTPStatus", "fastapi.status"}
_PACKAGES = _MODULE_NAMESPACES | {"http", "fastapi", "starlette", "rest_framework", "litestar"}

ImportSite = tuple[ast.Import | ast.ImportFrom, ast.alias]


def check_bindings(
    original: ast.Module,
    expected: ast.Module,
    actual: ast.Module,
    applied: Sequence[Finding],
    filename: str = "",
    settings: Settings | None = None,
) -> None:
    """Raise FixError(UNVERIFIED) when a name the rewrite wrote is not bound to the real object where it runs.

    `expected` is `original` with the unsafe edits spliced in (the same tree when there are none): a star
    import that may rebind a name is a risk an unsafe fix may take, a NameError or a missing attribute is not."""
    added = frozenset(new for finding in applied if finding.fix is not None for new in finding.fix.imports)
    _check_added_imports(original, applied, _trusted(settings))
    if filename:
        _check_shadowed(applied, filename)
    _check_added_order(actual, applied, added)
    resolver = Resolver(actual, filename=filename)
    resolver.package_bound |= sibling_modules(filename)  # read from the directory, not from the speller
    unconditional = _unconditional_modules(original)
    dynamic = writes_own_namespace(actual)
    for line, chain in _written(original, actual, added):
        _check_chain(resolver, chain, line, unconditional, stars=expected is original)
        if filename:
            _check_through_shadowed(resolver, chain, line, filename)
        if dynamic and expected is original:
            _check_dynamic(resolver, chain, line)
    if expected is not original:  # the unsafe edits are in `expected`: what differs still is the safe fixes'
        for line, chain in _written(expected, actual, added):
            _check_star(resolver, chain, line)
            if dynamic:
                _check_dynamic(resolver, chain, line)


# -- what the rewrite wrote -----------------------------------------------------------------------------


def _written(original: ast.Module, actual: ast.Module, added: frozenset[NewImport]) -> Iterator[tuple[int, ast.expr]]:
    """(line in the original, name chain) for every name chain the rewrite put where the original had
    something else. A name the replaced node read, or (where a list grew) the node holding the list, is
    not new: `HttpResponse(x, codes.created)` made `HttpResponse(x, status=codes.created)` wrote nothing."""
    pending: list[tuple[object, object, ast.AST]] = [(original, actual, original)]
    while pending:
        before, after, parent = pending.pop()
        if not isinstance(after, ast.AST):
            continue
        if not isinstance(before, ast.AST) or type(before) is not type(after) or _differing_chain(before, after):
            replaced = before if isinstance(before, ast.AST) else parent
            carried = {node.id for node in ast.walk(replaced) if isinstance(node, ast.Name)}
            line = getattr(replaced, "lineno", 1)
            yield from ((line, chain) for chain in _chains(after) if _root(chain).id not in carried)
            continue
        for name in after._fields:
            old, new = getattr(before, name, None), getattr(after, name, None)
            if isinstance(old, list) and isinstance(new, list):
                old, new = _kept(old, added), _kept(new, added)
                if len(old) != len(new):
                    pending.extend((None, item, before) for item in new)
                    continue
                pending.extend((o, n, before) for o, n in zip(old, new, strict=True))
            else:
                pending.append((old, new, before))


def _differing_chain(before: ast.AST, after: ast.AST) -> bool:
    return isinstance(after, (ast.Name, ast.Attribute)) and ast.dump(before) != ast.dump(after)


def _kept(items: list[object], added: frozenset[NewImport]) -> list[object]:
    """The list without import statements that only the fixes added (as the comparison sets them aside)."""
    return [item for item in items if not (isinstance(item, (ast.Import, ast.ImportFrom)) and _all_added(item, added))]


def _all_added(node: ast.Import | ast.ImportFrom, added: frozenset[NewImport]) -> bool:
    if isinstance(node, ast.Import):
        return all(NewImport(alias.name, None, alias.asname) in added for alias in node.names)
    if node.level or not node.module:
        return False
    module = node.module
    return all(NewImport(module, alias.name, alias.asname) in added for alias in node.names)


def _chains(node: ast.AST) -> Iterator[ast.expr]:
    """The outermost `name.attr...` chains in `node` that read a name."""
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, (ast.Name, ast.Attribute)):
            root, _ = attribute_chain(current)
            if isinstance(root, ast.Name):
                if isinstance(root.ctx, ast.Load):
                    yield current
                continue
        pending.extend(ast.iter_child_nodes(current))


def _root(chain: ast.expr) -> ast.Name:
    root, _ = attribute_chain(chain)
    assert isinstance(root, ast.Name)
    return root


# -- one written name ---------------------------------------------------------------------------------


def _check_chain(resolver: Resolver, chain: ast.expr, line: int, unconditional: set[str], *, stars: bool) -> None:
    root = _root(chain)
    if root.id in resolver.package_bound:
        _refuse(f"`{root.id}` is also the package's submodule, whose import binds it in `__init__.py`", line)
    found = _import_binding(resolver, root)
    if found is None:
        return  # not an import: the comparison reads it as the original's meaning or refuses
    owner, site = found
    if site is None:
        _refuse(f"`{root.id}` is not imported before this line runs", line)
    if stars and owner is resolver.module and _star_after(resolver, site[0]):
        _refuse(f"a star import after the import of `{root.id}` may rebind it", line)
    qualified = resolver.qualify(chain)
    constant = constant_for(qualified) if qualified is not None else None
    if constant is not None and constant.is_style_family and not _real(site, chain, unconditional):
        _refuse(f"`{ast.unparse(chain)}` does not exist: the import does not give that attribute", line)


def _check_through_shadowed(resolver: Resolver, chain: ast.expr, line: int, filename: str) -> None:
    """A written `http.HTTPStatus.GONE` through the module's `import http` reads an attribute the project's
    own `http.py` may not have; a reused `from http import HTTPStatus` binds the name the module already uses."""
    found = _import_binding(resolver, _root(chain))
    site = found[1] if found is not None else None
    if site is None or not isinstance(site[0], ast.Import) or not isinstance(chain, ast.Attribute):
        return
    shadow = shadowing(filename, site[1].name)
    if shadow is not None:
        shown = os.path.relpath(shadow, os.path.dirname(os.path.abspath(filename)))
        _refuse(f"`{ast.unparse(chain)}` would be read from the project's own `{shown}`", line)


def _check_star(resolver: Resolver, chain: ast.expr, line: int) -> None:
    root = _root(chain)
    found = _import_binding(resolver, root)
    if (
        found is not None
        and found[1] is not None
        and found[0] is resolver.module
        and _star_after(resolver, found[1][0])
    ):
        _refuse(f"a star import after the import of `{root.id}` may rebind it", line)


def _check_dynamic(resolver: Resolver, chain: ast.expr, line: int) -> None:
    """The module writes its own namespace (`globals()[...] = ...`, `exec`): a global import may be rebound."""
    root = _root(chain)
    found = _import_binding(resolver, root)
    if found is not None and found[0] is resolver.module:
        _refuse(f"the module writes its own namespace (`globals()`, `exec`, ...), which may rebind `{root.id}`", line)


def _import_binding(resolver: Resolver, root: ast.Name) -> tuple[Scope, ImportSite | None] | None:
    """The scope owning an import-bound name and the import that has run at `root`; None: not an import."""
    owner = resolver.owner(root)
    if owner is None or root.id not in owner.imports or root.id in owner.others:
        return None
    return owner, _binding_before(owner, root)


def _binding_before(owner: Scope, use: ast.Name) -> ImportSite | None:
    """An import of `use`'s name that is a statement of the owning scope, before the statement holding `use`."""
    holding = owner.holding(use)
    _, indices = owner.order
    for statement, alias in owner.import_sites.get(use.id, ()):
        index = indices.get(id(statement))
        if index is not None and index < holding:
            return statement, alias
    return None


def _star_after(resolver: Resolver, statement: ast.stmt) -> bool:
    module = resolver.module
    index = module.order[1][id(statement)]
    return any(module.holding(star) > index for star in resolver.stars)


def _real(site: ImportSite, chain: ast.expr, unconditional: set[str]) -> bool:
    """The chain from the import to the constant exists: each step is a submodule the import statement
    itself imports, or an attribute known to exist; the object holding the constant is a family's."""
    statement, alias = site
    _, parts = attribute_chain(chain)
    modules = {*_PACKAGES, *unconditional}  # modules that exist (where the package is installed)
    if isinstance(statement, ast.ImportFrom):
        if statement.level or not statement.module or statement.module not in modules:
            return False
        current, imported, parts = statement.module, modules, [alias.name, *parts]  # `from m import sub` loads sub
    else:
        if alias.name not in modules:
            return False
        current = alias.name if alias.asname else alias.name.partition(".")[0]
        imported = {alias.name} if alias.asname else _parents(alias.name)
    for step in parts[:-1]:  # the last part is the constant itself, which `constant_for` knows
        if f"{current}.{step}" not in imported and (current, step) not in _ATTRIBUTES:
            return False
        current = f"{current}.{step}"
    return current in _NAMESPACES


def _parents(module: str) -> set[str]:
    parts = module.split(".")
    return {".".join(parts[: i + 1]) for i in range(len(parts))}


def _refuse(why: str, line: int) -> NoReturn:
    raise FixError(FixFailure.UNVERIFIED, f"{why}; file left unchanged", line)


# -- the module as a whole ----------------------------------------------------------------------------


def _unconditional_modules(tree: ast.Module) -> set[str]:
    """Modules (and parents) that the module's own top-level import statements import on every run."""
    modules: set[str] = set()
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                modules |= _parents(alias.name)
        elif isinstance(statement, ast.ImportFrom) and not statement.level and statement.module:
            modules |= _parents(statement.module)
    return modules


def _trusted(settings: Settings | None) -> set[str]:
    """Packages the user's configuration says are installed: the configured family's, the extra codes'."""
    if settings is None:
        return set()
    trusted = {extra.module.partition(".")[0] for extra in settings.extra_codes.values() if extra.module}
    if settings.style in FAMILIES:
        trusted.add(FAMILIES[settings.style].import_from.partition(".")[0])
    return trusted


def _check_added_order(actual: ast.Module, applied: Sequence[Finding], added: frozenset[NewImport]) -> None:
    """An added import of a package other than the standard library runs after the module's own first
    import of that package (code before it may put the package on `sys.path`, skip the module without it,
    or prepare it), or, where the module has none, before any code."""
    body = actual.body
    head = 1 if ast.get_docstring(actual, clean=False) is not None else 0
    while head < len(body) and isinstance(body[head], (ast.Import, ast.ImportFrom)):
        head += 1
    for finding in applied:
        for new in finding.fix.imports if finding.fix is not None else ():
            root = new.module.partition(".")[0]
            if root in _STDLIB:
                continue
            own = next((i for i, s in enumerate(body) if root in _imported_roots(s, added)), None)
            where = next((i for i, s in enumerate(body) if new in _import_forms(s)), None)
            if where is None or (where >= head if own is None else not _late_enough(body, where, own, added)):
                why = f"the added `{new.statement()}` would run before the module's own import of `{root}`"
                _refuse(
                    why if own is not None else f"the added `{new.statement()}` would run after code",
                    finding.start.line,
                )


def _late_enough(body: list[ast.stmt], where: int, own: int, added: frozenset[NewImport]) -> bool:
    """The added import at `where` runs after the module's own at `own`, or right before it, with nothing
    but other added imports in between (isort puts `from m import x` above `from m.sub import y`)."""
    return where >= own or all(_import_forms(s) and _import_forms(s) <= added for s in body[where + 1 : own])


def _import_forms(statement: ast.stmt) -> set[NewImport]:
    if isinstance(statement, ast.Import):
        return {NewImport(alias.name, None, alias.asname) for alias in statement.names}
    if isinstance(statement, ast.ImportFrom) and not statement.level and statement.module:
        return {NewImport(statement.module, alias.name, alias.asname) for alias in statement.names}
    return set()


def _imported_roots(statement: ast.stmt, added: frozenset[NewImport]) -> set[str]:
    """The packages a top-level statement imports by names the fixes did not add."""
    return {new.module.partition(".")[0] for new in _import_forms(statement) - added}


def _check_shadowed(applied: Sequence[Finding], filename: str) -> None:
    """No added import would find a module of the project's own instead: the fixes that add an import of
    the first such module are refused together (an import the module already had binds what it binds)."""
    shadowed: tuple[str, str] | None = None  # (top-level name, why)
    refused: list[Finding] = []
    for finding in applied:
        for new in finding.fix.imports if finding.fix is not None else ():
            root = new.module.partition(".")[0]
            if shadowed is None and (found := shadowing(filename, root)) is not None:
                shown = os.path.relpath(found, os.path.dirname(os.path.abspath(filename)))
                shadowed = root, f"the project's own `{shown}` would be imported by the added `{new.statement()}`"
            if shadowed is not None and root == shadowed[0]:
                refused.append(finding)
                break
    if shadowed is not None:
        edits = frozenset(edit for finding in refused if finding.fix is not None for edit in finding.fix.edits)
        line = refused[0].start.line
        raise FixError(FixFailure.UNVERIFIED, f"{shadowed[1]}; file left unchanged", line, edits=edits)


def _check_added_imports(expected: ast.Module, applied: Sequence[Finding], trusted: set[str]) -> None:
    imported = _unconditional_modules(expected)
    roots = {module.partition(".")[0] for module in imported} | trusted | _ALWAYS_IMPORTABLE
    family = api.framework_family(imported)  # a framework requires its family's package (drf-spectacular: DRF)
    if family is not None:
        roots.add(FAMILIES[family].import_from.partition(".")[0])
    for finding in applied:
        for new in finding.fix.imports if finding.fix is not None else ():
            if new.module.partition(".")[0] not in roots:
                why = f"the fix would import `{new.module}`, which the module imports only conditionally or not at all"
                _refuse(why, finding.start.line)
