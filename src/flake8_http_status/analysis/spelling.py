"""How to write a status constant in a given module: which family, which name, which import.

The speller reuses an import the module already has (aliases included), and never writes a name
that something else in the module binds: a parameter called `status`, a class called `HTTPStatus`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .. import api
from ..families import FAMILIES, Constant, Family, Target
from ..findings import NewImport
from ..records import NamedTuple
from .imports import ImportMap

# Namespaces reachable as an attribute of their parent package without importing a submodule.
_ATTRIBUTE_NAMESPACES = frozenset({"http.HTTPStatus", "fastapi.status", "http.client.HTTPStatus"})
_NAMESPACE_SYNONYMS = {"http.HTTPStatus": ("http.client.HTTPStatus",)}

# Ways to spell a family when its usual name is taken, in order of preference.
_FALLBACKS: dict[str, tuple[tuple[NewImport, str], ...]] = {
    "httpstatus": ((NewImport("http"), "http.HTTPStatus"),),
}


class Spelled(NamedTuple):
    text: str
    new_import: NewImport | None = None


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
    """The family of the framework the module imports (its `Framework.family`), else `HTTPStatus`."""
    return api.framework_family(imports.modules) or "httpstatus"


class Speller:
    def __init__(self, family: Family, target: Target, imports: ImportMap, bound: Counter[str]) -> None:
        self.family = family
        self.target = target
        self.imports = imports
        self._bound = bound  # how often each name is bound in the module (see analysis.collect.Bindings)
        self._spelled: dict[tuple[int, bool], Spelled | None] = {}

    def spell(self, code: int, *, dotted: bool = False) -> Spelled | None:
        """The text for `code` in this module; `dotted` where a bare name would not work (a `case` pattern)."""
        key = (code, dotted)
        if key not in self._spelled:
            self._spelled[key] = self._spell(code, dotted)
        return self._spelled[key]

    def _spell(self, code: int, dotted: bool) -> Spelled | None:
        name = self.family.constant(code, self.target)
        return None if name is None else self.spell_name(name, dotted=dotted)

    def spell_name(self, name: str, *, dotted: bool = False) -> Spelled | None:
        """The text for the family's attribute `name` in this module, whether or not the target admits it
        (a message that explains why no fix writes it names it this way)."""
        existing = self._existing(name, dotted)
        if existing is not None:
            return Spelled(existing)
        return self._new(name, dotted)

    def _existing(self, name: str, dotted: bool) -> str | None:
        namespaces = (self.family.namespace, *_NAMESPACE_SYNONYMS.get(self.family.namespace, ()))
        for local, qualified in self.imports.module_level.items():
            if self._shadowed(local):
                continue
            if qualified in namespaces:
                return f"{local}.{name}"
            if not dotted and qualified in (f"{namespace}.{name}" for namespace in namespaces):
                return local
            for namespace in namespaces:
                if namespace.startswith(f"{qualified}.") and self._reachable(namespace):
                    return f"{local}{namespace[len(qualified) :]}.{name}"
        return None

    def _reachable(self, namespace: str) -> bool:
        return namespace in _ATTRIBUTE_NAMESPACES or namespace in self.imports.modules

    def _new(self, name: str, dotted: bool) -> Spelled | None:
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

    def _shadowed(self, local: str) -> bool:
        """Bound by something besides its import: a parameter, an assignment, a def."""
        return self.bound_names()[local] > 1

    def _free(self, new_import: NewImport) -> bool:
        """Nothing binds the import's name, or only an import of the very same object (under TYPE_CHECKING, say)."""
        name = new_import.bound_name
        count = self.bound_names()[name]
        if count == 0:
            return name not in self.imports.names
        same = new_import.module if new_import.name is None else f"{new_import.module}.{new_import.name}"
        return count == 1 and self.imports.names.get(name) == same

    def bound_names(self) -> Counter[str]:
        return self._bound
