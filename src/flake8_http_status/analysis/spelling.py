"""How to write a status constant in a given module: which family, which name, which import.

The speller reuses an import the module already has (aliases included), and never writes a name
that something else in the module binds: a parameter called `status`, a class called `HTTPStatus`.

It reuses an import only where the import has certainly run: a top-level import statement (not
under `if`, `try` or `with`) before the top-level statement that holds the use. A decorator, a
default value or module-level code runs at import time, so an `HTTPStatus` imported further down
is not bound there yet (NameError); a function body is held to the same rule, since module-level
code may call it before the import. A star import after the import may rebind any name (so it is
not reused, and an added import next to a star import makes the fix unsafe), and in a package's
`__init__.py` importing a submodule `status` binds the global `status`.

An import it adds of the standard library goes into the leading import block (`fixer.imports`), before
any code; one of another package goes no earlier than the module's first unconditional import of that
package, so it writes one only after that import (code before it may make the package importable). In a
package's `__init__.py` it writes no name of a submodule beside it (`siblings`, read by the fixer), and in
a module that writes its own namespace (`globals()`, `exec`) no spelling is sure. It adds
only imports that cannot fail where the module itself imports: the standard library's `http`, or a
package the module already imports unconditionally at module level (a framework imported under
`try: ... except ImportError:` or `if TYPE_CHECKING:` may be missing), unless the user's
configuration names the family (`http-status-style`), which asserts that the package is there.
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from collections.abc import Iterable

from .. import api
from ..families import FAMILIES, Constant, DeferredTarget, Family, Target
from ..findings import NewImport
from ..records import NamedTuple
from .imports import ImportMap

# Namespaces reachable as an attribute of their parent package without importing a submodule: `HTTPStatus`
# is a class of `http` (every Python), and `fastapi/__init__.py` does `from starlette import status as status`
# (read in the fastapi 0.100.0 and 0.165.0 wheels, which have no `fastapi/status.py`). No Python has
# `http.client.HTTPStatus` (checked on 3.6 to 3.13): `import http.client as httplib` never gives
# `httplib.HTTPStatus`.
_ATTRIBUTE_NAMESPACES = frozenset({"http.HTTPStatus", "fastapi.status"})
# Packages an added import may always use: the standard library's.
_ALWAYS_IMPORTABLE = frozenset({"http"})
_STDLIB = frozenset(sys.stdlib_module_names)

# Ways to spell a family when its usual name is taken, in order of preference.
_FALLBACKS: dict[str, tuple[tuple[NewImport, str], ...]] = {
    "httpstatus": ((NewImport("http"), "http.HTTPStatus"),),
}


class Spelled(NamedTuple):
    text: str
    new_import: NewImport | None = None
    sure: bool = True  # False: a star import may rebind the added name, so the fix cannot be called safe


def choose_family(style: str, imports: ImportMap, used: Iterable[Constant]) -> Family:
    """The family a module should use: the configured one, the one it already uses most, or its framework's."""
    if style != "auto":
        return FAMILIES[style]
    counts = Counter(constant.family for constant in used if constant.is_style_family)
    preferred = framework_family(imports)
    if counts:
        best = max(counts.values())
        leaders = [family for family, count in counts.items() if count == best]
        return FAMILIES[preferred if preferred in leaders else sorted(leaders)[0]]
    return FAMILIES[preferred]


def framework_family(imports: ImportMap) -> str:
    """The family of the framework the module imports on every run (its `Framework.family`), else `HTTPStatus`.

    A framework imported only under `try`/`except ImportError`, `if TYPE_CHECKING:` or in a function may
    be missing where the module runs: its family would need an import that can fail."""
    return api.framework_family(imports.order.unconditional_modules) or "httpstatus"


class Speller:
    def __init__(
        self,
        family: Family,
        target: Target | DeferredTarget,
        imports: ImportMap,
        bound: Counter[str],
        filename: str = "",
        asserted: bool = False,  # the user's configuration names the family: its package is importable
        *,
        siblings: frozenset[str] = frozenset(),  # in a package's `__init__.py`: the submodules beside it
        dynamic: bool = False,  # the module writes its own namespace (`globals()`, `exec`): see analysis.namespace
    ) -> None:
        self.family = family
        self.target = target
        self.imports = imports
        self._order = imports.order  # where the module's imports run: built now, as spelling needs it
        self._bound = bound  # how often each name is bound in the module (see analysis.collect.Bindings)
        # Any import anywhere of a submodule beside a package's `__init__.py` binds its name there, at a time
        # one file cannot tell: neither written nor reused.
        self._package_bound = imports.package_bound(filename) | siblings
        self._asserted = asserted
        self._dynamic = dynamic
        self._spelled: dict[tuple[int, bool, int], Spelled | None] = {}

    def spell(self, code: int, *, dotted: bool = False, at: ast.AST | None = None) -> Spelled | None:
        """The text for `code` in this module; `dotted` where a bare name would not work (a `case` pattern).

        `at` is the node the text replaces: an import is reused only if it runs before it. Without
        it, only imports of the leading import block are reused."""
        index = self._order.index_of(at) if at is not None else self._order.head
        key = (code, dotted, index)
        if key not in self._spelled:
            self._spelled[key] = self._spell(code, dotted, index)
        return self._spelled[key]

    def _spell(self, code: int, dotted: bool, index: int) -> Spelled | None:
        name = self.family.constant(code, self.target)
        return None if name is None else self._spell_name(name, dotted, index)

    def spell_name(self, name: str, *, dotted: bool = False, at: ast.AST | None = None) -> Spelled | None:
        """The text for the family's attribute `name` in this module, whether or not the target admits it
        (a message that explains why no fix writes it names it this way)."""
        index = self._order.index_of(at) if at is not None else self._order.head
        return self._spell_name(name, dotted, index)

    def _spell_name(self, name: str, dotted: bool, index: int) -> Spelled | None:
        existing = self._existing(name, dotted, index)
        spelled = Spelled(existing) if existing is not None else self._new(name, dotted, index)
        if spelled is not None and self._dynamic:
            return spelled._replace(sure=False)  # `globals()[...] = ...` or `exec` may rebind the name, as `*` may
        return spelled

    def _existing(self, name: str, dotted: bool, index: int) -> str | None:
        namespace = self.family.namespace
        for local, qualified in self.imports.module_level.items():
            if self._shadowed(local) or not self._bound_before(local, index):
                continue
            if qualified == namespace:
                return f"{local}.{name}"
            if not dotted and qualified == f"{namespace}.{name}":
                return local
            if namespace.startswith(f"{qualified}.") and self._reachable(namespace, local):
                return f"{local}{namespace[len(qualified) :]}.{name}"
        return None

    def _bound_before(self, local: str, index: int) -> bool:
        """The import of `local` has run, and nothing else rebound it, wherever top-level statement `index` runs."""
        placed = self._order.placed.get(local)
        if placed is None or not placed.unconditional or placed.statement >= index:
            return False
        return local not in self._package_bound and not any(
            star > placed.statement for star in self._order.star_indices
        )

    def _reachable(self, namespace: str, local: str) -> bool:
        """`namespace` is an attribute of what `local` names: a known attribute, or a submodule its own
        `import a.b` statement imports (another statement's submodule import may not have run yet)."""
        if namespace in _ATTRIBUTE_NAMESPACES:
            return True
        placed = self._order.placed.get(local)
        imported = placed.imported if placed is not None else ""
        return imported == namespace or imported.startswith(f"{namespace}.")

    def _new(self, name: str, dotted: bool, index: int) -> Spelled | None:
        family = self.family
        if not self._importable(family.import_from):
            return None  # the package may be missing where the module runs
        if not self._imported_before(family.import_from, index):
            return None  # the added import goes after the module's own, which has not run at `index`
        spelled = self._added(name, dotted)
        if spelled is not None and self._order.star_indices:
            return spelled._replace(sure=False)
        return spelled

    def _added(self, name: str, dotted: bool) -> Spelled | None:
        family = self.family
        if not dotted and (family.import_constants or self._imports_constants_by_name()):
            constant_import = NewImport(family.namespace, name)
            if self._free(constant_import):
                return Spelled(name, constant_import)
        for new_import, prefix in self._candidates():
            if self._free(new_import):
                return Spelled(f"{prefix}.{name}", new_import)
        return None

    def _candidates(self) -> list[tuple[NewImport, str]]:
        family = self.family
        usual = NewImport(family.import_from, family.import_name)
        aliased = NewImport(family.import_from, family.import_name, family.alias)
        return [(usual, family.import_name), *_FALLBACKS.get(family.style, ()), (aliased, family.alias)]

    def _imports_constants_by_name(self) -> bool:
        prefix = f"{self.family.namespace}."
        return any(qualified.startswith(prefix) for qualified in self.imports.module_level.values())

    def _imported_before(self, module: str, index: int) -> bool:
        """An added import of `module` runs before top-level statement `index`. Only the standard library
        goes to the head: another package's import goes after the module's first of the same package, since
        the code before it may make it importable (`sys.path.insert`), skip the module without it
        (`pytest.importorskip`) or prepare it (gevent's monkey-patching, `os.environ`)."""
        root = module.partition(".")[0]
        first = self._order.first_import.get(root)
        return root in _STDLIB or first is None or first < index

    def _importable(self, module: str) -> bool:
        """An import of `module` cannot fail where this module imports. A framework's own family is part
        of what it requires (drf-spectacular 0.30.0 requires djangorestframework)."""
        root = module.partition(".")[0]
        if root in _ALWAYS_IMPORTABLE or root in self._order.unconditional_modules or self._asserted:
            return True
        return api.framework_family(self._order.unconditional_modules) == self.family.style

    def _shadowed(self, local: str) -> bool:
        """Bound by something besides its import: a parameter, an assignment, a def."""
        return self.bound_names()[local] > 1

    def _free(self, new_import: NewImport) -> bool:
        """Nothing binds the import's name, or only a conditional import of the very same object
        (under TYPE_CHECKING, say)."""
        name = new_import.bound_name
        if name in self._package_bound:
            return False
        count = self.bound_names()[name]
        if count == 0:
            return name not in self.imports.names
        same = new_import.module if new_import.name is None else f"{new_import.module}.{new_import.name}"
        if name in self._order.placed:
            # The same import further down or under a condition, which may not have run at the use: a second
            # copy in the head would make it a redefinition of an unused name (pyflakes F811) where the uses
            # are in functions. The next candidate (`import http`) binds another name.
            return False
        return count == 1 and self.imports.names.get(name) == same

    def bound_names(self) -> Counter[str]:
        return self._bound
