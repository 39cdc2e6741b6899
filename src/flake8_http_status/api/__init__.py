"""The framework table: one declarative description of every place a status goes.

Each module in this package declares one framework as a typed `Framework` value (`api.framework`), and
`MODULES` names them all. `table_of()` indexes the status rows of some of them for lookup (a module's table holds
the frameworks its imports can reach, `reached_modules`), `default_table()` those of all; `handlers.table` indexes
their handler idioms (a module's: those of `idiom_modules`). Adding a framework means adding a module with its
declaration, naming it in `MODULES` and regenerating `reach.py` (CONTRIBUTING.md has the recipe).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from functools import cache, cached_property, lru_cache
from importlib import import_module
from typing import TYPE_CHECKING

from ..lazy_pattern import LazyPattern
from . import reach
from .framework import Framework
from .rows import (
    Api,
    AttributeRow,
    CallRow,
    ClassAttributeRow,
    CompareRow,
    DefaultRow,
    HelperRow,
    KeywordRow,
    MethodRow,
    ReturnRow,
)

# The declaration modules of this package, one framework each, in the order rows of several frameworks are tried
# on one node. They are imported only when a table needs them: a module's table loads the frameworks its imports
# can reach (`reach.py`, generated from these declarations), its handler idioms those of `idiom_modules`, and
# `all_frameworks()` loads every one.
MODULES: tuple[str, ...] = (
    "werkzeug",
    "flask",
    "quart",
    "django",
    "drf",
    "spectacular",
    "ninja",
    "starlette",
    "fastapi",
    "litestar",
    "aiohttp",
    "tornado",
    "sanic",
    "falcon",
    "pyramid",
    "bottle",
    "connexion",
    "webtest",
    "stdlib",
    "clients",
    "generic",
    "storage",
    "errors",
)


def framework_of(module: str) -> Framework:
    """The declaration of one module of `MODULES`, imported at first use."""
    declared: Framework = import_module(f"{__name__}.{module}").FRAMEWORK
    return declared


@lru_cache(maxsize=1)
def all_frameworks() -> tuple[Framework, ...]:
    """Every framework, in table order: for `explain`, the docs, the tests, and a module with project facts."""
    return tuple(framework_of(module) for module in MODULES)


def reached_modules(packages: Iterable[str]) -> tuple[str, ...]:
    """The declaration modules whose status rows can match in a module importing `packages` (top-level names, in
    any order), in table order: those a row of which an import of one of them can make match, and those with a row
    that matches by name alone (`reach.ALWAYS`)."""
    wanted = set(reach.ALWAYS)
    for package in packages:
        wanted.update(reach.REACHED_BY.get(package, ()))
    return tuple(module for module in MODULES if module in wanted)


def idiom_modules(packages: Iterable[str]) -> tuple[str, ...]:
    """The declaration modules whose handler idioms (`handlers.table`) can answer in a module importing `packages`,
    in table order: those of its status table (`reached_modules`: a site's framework picks its body, header and
    redirect rows, its policy on bodiless statuses), those with an idiom row its imports can make match, and those
    with an idiom row that matches by name alone (`reach.IDIOMS_ALWAYS`)."""
    packages = set(packages)
    wanted = set(reached_modules(packages)) | reach.IDIOMS_ALWAYS
    for package in packages:
        wanted.update(reach.IDIOMS_REACHED_BY.get(package, ()))
    return tuple(module for module in MODULES if module in wanted)


# Top-level packages whose import marks a module as written for some framework (every declaration's `roots`).
FRAMEWORK_ROOTS: tuple[str, ...] = reach.FRAMEWORK_ROOTS

# Top-level packages the table knows: every framework's roots, every package a status row names, the stdlib.
# An object imported from any other package (the project's own, or a library no row is about) is of unknown
# type: importing an instance says nothing about its class (`analysis.receivers`).
LIBRARY_PACKAGES: frozenset[str] = reach.LIBRARY_ROOTS | frozenset(sys.stdlib_module_names)

# Every framework's syntax for a path parameter segment, as one pattern.
PATH_PARAMETER = LazyPattern(r"\A(?:" + "|".join(reach.PATH_PARAMETERS) + r")\Z")

# Annotations of handler parameters that some framework fills itself.
INJECTED_TYPES: frozenset[str] = reach.INJECTED_TYPES


def framework_family(modules: frozenset[str] | set[str]) -> str | None:
    """The style key of the constant family of the framework a module imports, if one has a family.

    A framework built on another one (FastAPI on Starlette) wins over it."""
    imported = [family for family in reach.FAMILIES if any(root in modules for root in family[1])]
    overridden = {base for _, _, _, builds_on in imported for base in builds_on}
    for framework, _, style, _ in imported:
        if framework not in overridden:
            return style
    return None


if TYPE_CHECKING:  # for annotations only: creating a TypeVar costs 0.1 M instructions at import
    from typing import TypeVar

    T = TypeVar("T")

# unittest's assertions that compare a status read with an expected value.
COMPARISON_CALLS = frozenset(
    {"assertEqual", "assertEquals", "assertNotEqual", "assertNotEquals", "failUnlessEqual", "assertIn", "assertNotIn"}
)


class Table:
    """A plain class rather than a dataclass: generating a dataclass's methods at import weighs on start-up."""

    def __init__(
        self,
        *,
        calls: dict[str, tuple[Api, ...]],
        methods: dict[str, tuple[MethodRow, ...]],
        attributes: dict[str, tuple[AttributeRow, ...]],
        class_attributes: dict[str, tuple[ClassAttributeRow, ...]],
        comparisons: dict[str, tuple[CompareRow, ...]],
        returns: tuple[ReturnRow, ...],
        keywords: tuple[tuple[LazyPattern, KeywordRow], ...],
        helpers: tuple[tuple[LazyPattern, HelperRow], ...],
        defaults: tuple[tuple[LazyPattern, DefaultRow], ...],
    ) -> None:
        self.calls = calls
        self.methods = methods
        self.attributes = attributes
        self.class_attributes = class_attributes
        self.comparisons = comparisons
        self.returns = returns
        self.keywords = keywords
        self.helpers = helpers
        self.defaults = defaults

    @cached_property
    def callee_names(self) -> frozenset[str]:
        """Last names of every callable or method a row matches, and the names of status-checking calls."""
        # Every framework's names, not only those of the frameworks this table holds: the collector gathers the
        # same candidates whatever the module imports (the calls of the table's own extra rows added).
        names = {name.rpartition(".")[2] for name in self.calls}
        names.update(reach.CALLEE_NAMES, COMPARISON_CALLS)
        return frozenset(names)

    @cached_property
    def status_keywords(self) -> frozenset[str]:
        return frozenset(keyword for _, row in self.keywords for keyword in row.keywords)

    def words(self) -> set[str]:
        """Every identifier a module must contain for any row to match it (for the text prefilter)."""
        words = {name.rpartition(".")[2] for name in self.calls}
        words.update(self.methods, self.attributes, self.class_attributes, self.comparisons)
        for _, row in self.keywords:
            words.update(row.keywords)
        words.update(reach.FRAMEWORK_ROOTS)
        return words


def _index(rows: Iterable[T], *keys: str) -> dict[str, tuple[T, ...]]:
    index: dict[str, list[T]] = defaultdict(list)
    for row in rows:
        for key in keys:
            value = getattr(row, key)
            for name in (value,) if isinstance(value, str) else value:
                index[name].append(row)
    return {name: tuple(found) for name, found in index.items()}


def build_table(extra_calls: Iterable[CallRow] = (), modules: tuple[str, ...] = MODULES) -> Table:
    """The table of the frameworks declared in `modules` (all of them by default), with the project's `extra_calls`."""
    frameworks = [framework_of(module) for module in modules]
    calls: dict[str, list[Api]] = defaultdict(list)
    for row in [*(row for framework in frameworks for row in framework.calls), *extra_calls]:
        for name in row.names:
            calls[name].append(row.api)
    methods: list[MethodRow] = []
    attributes: list[AttributeRow] = []
    class_attributes: list[ClassAttributeRow] = []
    comparisons: list[CompareRow] = []
    returns: list[ReturnRow] = []
    keywords: list[KeywordRow] = []
    helpers: list[HelperRow] = []
    defaults: list[DefaultRow] = []
    for framework in frameworks:
        methods += framework.methods
        attributes += framework.attributes
        class_attributes += framework.class_attributes
        comparisons += framework.comparisons
        returns += framework.returns
        keywords += framework.keywords
        helpers += framework.helpers
        defaults += framework.defaults
    return Table(
        calls={name: tuple(apis) for name, apis in calls.items()},
        methods=_index(methods, "methods"),
        attributes=_index(attributes, "attribute"),
        class_attributes=_index(class_attributes, "attribute"),
        comparisons=_index(comparisons, "attribute"),
        returns=tuple(returns),
        # Compiled at first use: the helper and keyword patterns are tried only on calls that name a status.
        keywords=tuple((LazyPattern(row.callee), row) for row in keywords),
        helpers=tuple((LazyPattern(row.name_pattern), row) for row in helpers),
        defaults=tuple((LazyPattern(row.function), row) for row in defaults),
    )


def default_table() -> Table:
    """The table of every framework, without project rows; built at first use, not at import."""
    return table_of(MODULES)


@cache
def table_of(modules: tuple[str, ...]) -> Table:
    """The table of the frameworks declared in `modules` (as `reached_modules` lists them), without project rows:
    built once per set of frameworks in a process, which a run over a large tree meets again and again, and kept
    from one run to the next (`kept_tables`)."""
    from ..kept_tables import kept

    return kept("table", modules, lambda: build_table((), modules), Table)
