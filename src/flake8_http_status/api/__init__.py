"""The framework table: one declarative description of every place a status goes.

Each module in this package declares one framework as a typed `Framework` value (`api.framework`), and
`FRAMEWORKS` lists them all. `default_table()` indexes their status rows for lookup; `handlers.table` indexes their
handler idioms. Adding a framework means adding a module with its declaration and naming it in `FRAMEWORKS`
(CONTRIBUTING.md has the recipe).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property, lru_cache
from typing import TypeVar

from ..lazy_pattern import LazyPattern
from . import (
    aiohttp,
    bottle,
    clients,
    connexion,
    django,
    drf,
    errors,
    falcon,
    fastapi,
    flask,
    generic,
    litestar,
    ninja,
    pyramid,
    quart,
    sanic,
    spectacular,
    starlette,
    stdlib,
    storage,
    tornado,
    webtest,
    werkzeug,
)
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
    Receiver,
    ReturnRow,
)

# In this order rows of several frameworks are tried on one node.
FRAMEWORKS: tuple[Framework, ...] = tuple(
    module.FRAMEWORK
    for module in (
        werkzeug,
        flask,
        quart,
        django,
        drf,
        spectacular,
        ninja,
        starlette,
        fastapi,
        litestar,
        aiohttp,
        tornado,
        sanic,
        falcon,
        pyramid,
        bottle,
        connexion,
        webtest,
        stdlib,
        clients,
        generic,
        storage,
        errors,
    )
)

FRAMEWORK_ROOTS: tuple[str, ...] = tuple(root for framework in FRAMEWORKS for root in framework.roots)


def _library_packages() -> frozenset[str]:
    """Top-level packages the table knows: every framework's roots, every package a status row names, the stdlib."""
    names: set[str] = set(FRAMEWORK_ROOTS)
    for framework in FRAMEWORKS:
        names.update(name for row in framework.calls for name in row.names)
        receivers: list[Receiver] = [row.receiver for row in framework.methods]
        receivers += (row.receiver for row in framework.attributes)
        receivers += (row.receiver for row in framework.comparisons)
        for receiver in receivers:
            names.update(receiver.owners)
            names.update(receiver.gate)
    return frozenset(name.partition(".")[0] for name in names) | frozenset(sys.stdlib_module_names)


# An object imported from any other package (the project's own, or a library no row is about) is of unknown
# type: importing an instance says nothing about its class (`analysis.receivers`).
LIBRARY_PACKAGES: frozenset[str] = _library_packages()

# Every framework's syntax for a path parameter segment, as one pattern.
PATH_PARAMETER = LazyPattern(
    r"\A(?:" + "|".join(dict.fromkeys(pattern for f in FRAMEWORKS for pattern in f.path_parameters)) + r")\Z"
)

# Annotations of handler parameters that some framework fills itself.
INJECTED_TYPES: frozenset[str] = frozenset(name for framework in FRAMEWORKS for name in framework.injected_types)


def framework_family(modules: frozenset[str] | set[str]) -> str | None:
    """The style key of the constant family of the framework a module imports, if one has a family.

    A framework built on another one (FastAPI on Starlette) wins over it."""
    imported = [
        framework for framework in FRAMEWORKS if framework.family is not None and framework.imported_by(modules)
    ]
    overridden = {base for framework in imported for base in framework.builds_on}
    for framework in imported:
        if framework.name not in overridden and framework.family is not None:
            return framework.family.style
    return None


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
        names = {name.rpartition(".")[2] for name in self.calls}
        names.update(self.methods)
        names.update(COMPARISON_CALLS)
        names.update(registration_words())
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
        words.update(FRAMEWORK_ROOTS)
        return words


def registration_words() -> set[str]:
    """Last names of calls that register handlers (`web.post`, `add_url_rule`), which the handler model reads."""
    words: set[str] = set()
    for row in (row for framework in FRAMEWORKS for row in framework.registrations):
        words.update(name.rpartition(".")[2] for name in row.names)
        words.update(row.attributes)
    return words


def _index(rows: Iterable[T], *keys: str) -> dict[str, tuple[T, ...]]:
    index: dict[str, list[T]] = defaultdict(list)
    for row in rows:
        for key in keys:
            value = getattr(row, key)
            for name in (value,) if isinstance(value, str) else value:
                index[name].append(row)
    return {name: tuple(found) for name, found in index.items()}


def build_table(extra_calls: Iterable[CallRow] = ()) -> Table:
    calls: dict[str, list[Api]] = defaultdict(list)
    for row in [*(row for framework in FRAMEWORKS for row in framework.calls), *extra_calls]:
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
    for framework in FRAMEWORKS:
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


@lru_cache(maxsize=1)
def default_table() -> Table:
    """The table of every framework, without project rows; built at first use, not at import."""
    return build_table()
