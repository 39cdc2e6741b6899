"""What every rule sees: the module's sites and facts, the settings, and helpers to build findings."""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from ..analysis.collect import Bindings, Candidates
from ..analysis.family_types import family_type
from ..analysis.imports import ImportMap
from ..analysis.int_family import int_fallback
from ..analysis.module import AnalysedModule
from ..analysis.namespace import writes_own_namespace
from ..analysis.sites import Site
from ..analysis.spelling import Spelled, Speller, choose_family
from ..analysis.values import read_value
from ..families import FAMILIES, Constant, DeferredTarget, Family, Target
from ..findings import Edit, Finding, Fix, FixSafety, Position
from ..options import Settings
from .rule import Rule

if TYPE_CHECKING:
    from ..analysis.project_facts import ProjectFacts
    from ..analysis.value_uses import ValueUses
    from ..handlers.handler_model import HandlerModel


class Context:
    """A plain class rather than a dataclass: generating a dataclass's methods at import weighs on start-up."""

    def __init__(
        self,
        tree: ast.Module,
        lines: list[str],
        imports: ImportMap,
        sites: list[Site],
        constant_uses: list[ast.expr],
        settings: Settings,
        target_for: Callable[[], Target],  # reading pyproject.toml waits until a finding needs a constant name
        pattern_values: set[int] | None = None,  # ids of nodes used as `case` value patterns
        bound: Counter[str] | None = None,  # how often each name is bound in the module
        filename: str = "",
        candidates: Candidates | None = None,  # what the collector kept (calls, functions)
        bindings: Bindings | None = None,
        siblings: frozenset[str] = frozenset(),  # in a package's `__init__.py`: the submodules beside it
        project: ProjectFacts | None = None,  # what the project index knows of the other modules
        fixes: bool = True,  # False: the caller reports messages only (the flake8 plugin), see `fix_safety`
    ) -> None:
        self.project = project
        self.fixes = fixes
        self.tree = tree
        self.lines = lines
        self.imports = imports
        self.sites = sites
        self.constant_uses = constant_uses
        self.settings = settings
        self.target_for = target_for
        self.pattern_values: set[int] = set() if pattern_values is None else pattern_values
        self.bound: Counter[str] = Counter() if bound is None else bound
        self.filename = filename
        self.candidates: Candidates = Candidates() if candidates is None else candidates
        self.bindings: Bindings = Bindings() if bindings is None else bindings
        self.siblings = siblings

    @cached_property
    def module(self) -> AnalysedModule:
        """The module as the layers below the rules read it (the handler model)."""
        return AnalysedModule(
            self.tree,
            self.lines,
            self.filename,
            self.imports,
            self.candidates,
            self.bindings,
            # The handler model reasons about what a handler writes where it answers: a status that reached the
            # slot through a name or a helper was written elsewhere, under other conditions.
            [site for site in self.sites if site.via is None],
            self.settings,
            self.project,
        )

    @cached_property
    def handlers(self) -> HandlerModel:
        """The handler model (HTS9xx rules), built on first use and only for the functions asked about."""
        from ..handlers.handler_model import HandlerModel  # only modules with a status site pay for its import

        return HandlerModel(self.module)

    @cached_property
    def used_constants(self) -> list[tuple[ast.expr, Constant]]:
        found = []
        for node in self.constant_uses:
            constant = read_value(node, self.imports).constant
            if constant is not None and constant.is_style_family:
                found.append((node, constant))
        return found

    @cached_property
    def target(self) -> Target:
        return self.target_for()

    @cached_property
    def deferred_target(self) -> DeferredTarget:
        """The target as the spellers ask it: read only for a name that some admitted release lacks."""
        return DeferredTarget(lambda: self.target)

    @cached_property
    def family(self) -> Family:
        return choose_family(self.settings.style, self.imports, (constant for _, constant in self.used_constants))

    @cached_property
    def speller(self) -> Speller:
        return Speller(
            self.family,
            self.deferred_target,
            self.imports,
            self.bound,
            self.filename,
            self.settings.style != "auto",
            siblings=self.siblings,
            dynamic=writes_own_namespace(self.tree, "".join(self.lines)),
        )

    @cached_property
    def stringified_nodes(self) -> set[int]:
        """Ids of status nodes that their framework turns into text with str() (OpenAPI keys)."""
        return {id(site.node) for site in self.sites if site.api.stringified and site.node is not None}

    def renames_in_text(self, node: ast.AST, family: Family | None = None) -> bool:
        """True when writing the module's family (or `family`) at `node` would change the text the framework makes
        of it.

        Before Python 3.11 `str(HTTPStatus.OK)` is 'HTTPStatus.OK', not '200'; the other families hold plain ints.
        """
        written = self.family if family is None else family
        return id(node) in self.stringified_nodes and written.style == "httpstatus" and self.target.python < (3, 11)

    @cached_property
    def value_uses(self) -> ValueUses:
        """The survey of where the module's status values are used (`fix_safety`, `speller_at`): imported here, as most
        runs never ask (flake8 keeps no fix)."""
        from ..analysis.value_uses import ValueUses, unrebound

        return ValueUses(self.tree, self.sites, unrebound(self.bound))

    def retyping_safety(self, node: ast.AST, before: str, family: Family | None = None) -> FixSafety:
        """SAFE unless writing the module's family (or `family`) at `node`, whose value is now of type `before`,
        changes the value's type (int and `http.HTTPStatus` member) where more than a converting slot or a
        comparison sees it.

        The verifier (`fixer/value_types.py`) checks the same from the rewritten module.
        """
        written = self.family if family is None else family
        if family_type(written.style) == before or self.value_uses.interchangeable(node):
            return FixSafety.SAFE
        return FixSafety.UNSAFE

    def fix_safety(self, node: ast.AST, before: str, family: Family | None = None) -> FixSafety:
        """The safety of a fix that writes a constant of the module's family (or `family`) at `node`:
        `retyping_safety`, which surveys every use of the module's values the first time it is asked. A caller that
        keeps no fix (`fixes=False`: flake8 shows messages only) never pays for it: the answer is UNSAFE without
        looking, and `finding` drops the fix it went into."""
        return self.retyping_safety(node, before, family) if self.fixes else FixSafety.UNSAFE

    @cached_property
    def int_speller(self) -> Speller | None:
        """The speller of the int family of a framework the module always imports, when its own family is
        `HTTPStatus` by `auto`'s choice (`analysis/int_family.py`)."""
        style = int_fallback(self.settings.style, self.family, self.tree)
        if style is None:
            return None
        return Speller(
            FAMILIES[style],
            self.deferred_target,
            self.imports,
            self.bound,
            self.filename,
            self.settings.style != "auto",
        )

    def speller_at(self, node: ast.AST, before: str, code: int, *, dotted: bool = False) -> Speller:
        """The speller for a fix at `node`: the int family's where the module's own would change the type of a
        value that shows it and the int family has a name for `code`, else the module's."""
        fallback = self.int_speller
        if fallback is None or self.retyping_safety(node, before) is FixSafety.SAFE:
            return self.speller
        return fallback if fallback.spell(code, dotted=dotted, at=node) is not None else self.speller

    def finding(self, rule: Rule, node: ast.AST, fix: Fix | None = None, **values: object) -> Finding:
        """The finding of `rule` at `node`, its message made of `values`; with no fix when the caller keeps none."""
        kept = fix if self.fixes else None
        return Finding(rule.code, rule.format(self.settings.lang, **values), start(node), end(node), kept)

    def source(self, node: ast.AST) -> str:
        """The exact source text of `node`."""
        first, last = start(node), end(node)
        if first.line == last.line:
            return _bytes(self.lines, first.line)[first.column : last.column].decode("utf-8")
        parts = [_bytes(self.lines, first.line)[first.column :]]
        parts.extend(_bytes(self.lines, line) for line in range(first.line + 1, last.line))
        parts.append(_bytes(self.lines, last.line)[: last.column])
        return b"".join(parts).decode("utf-8")

    def replacement(self, node: ast.AST, spelled: Spelled, safety: FixSafety = FixSafety.SAFE) -> Fix:
        imports = (spelled.new_import,) if spelled.new_import else ()
        safety = safety if spelled.sure else FixSafety.UNSAFE
        return Fix((Edit(start(node), end(node), spelled.text),), safety, imports)


def start(node: ast.AST) -> Position:
    return Position(getattr(node, "lineno", 1), getattr(node, "col_offset", 0))


def end(node: ast.AST) -> Position:
    line: int | None = getattr(node, "end_lineno", None)
    column: int | None = getattr(node, "end_col_offset", None)
    if line is None or column is None:
        return start(node)
    return Position(line, column)


def _bytes(lines: list[str], line: int) -> bytes:
    return lines[line - 1].encode("utf-8") if 0 < line <= len(lines) else b""
