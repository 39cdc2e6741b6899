"""The framework table: one declarative description of every place a status goes.

Each module in this package holds one framework's rows. `TABLE` indexes all of them for lookup.
Adding a framework means adding a module of rows and naming it in `_MODULES`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from types import ModuleType
from typing import TypeVar

from . import (
    aiohttp,
    bottle,
    clients,
    django,
    drf,
    errors,
    falcon,
    fastapi,
    flask,
    generic,
    litestar,
    pyramid,
    quart,
    sanic,
    starlette,
    stdlib,
    storage,
    tornado,
    werkzeug,
)
from .model import (
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

_MODULES: tuple[ModuleType, ...] = (
    werkzeug, flask, quart, django, drf, starlette, fastapi, litestar, aiohttp, tornado, sanic, falcon, pyramid,
    bottle, stdlib, clients, generic, storage, errors,
)

FRAMEWORK_ROOTS = (
    "flask", "flask_restful", "flask_restx", "flask_smorest", "apiflask", "quart", "werkzeug", "django",
    "rest_framework", "fastapi", "starlette", "litestar", "aiohttp", "tornado", "sanic", "falcon", "pyramid",
    "webob", "webtest", "bottle",
)

T = TypeVar("T")

# unittest's assertions that compare a status read with an expected value.
COMPARISON_CALLS = frozenset(
    {"assertEqual", "assertEquals", "assertNotEqual", "assertNotEquals", "failUnlessEqual", "assertIn", "assertNotIn"}
)


@dataclass(frozen=True)
class Table:
    calls: dict[str, tuple[Api, ...]]
    methods: dict[str, tuple[MethodRow, ...]]
    attributes: dict[str, tuple[AttributeRow, ...]]
    class_attributes: dict[str, tuple[ClassAttributeRow, ...]]
    comparisons: dict[str, tuple[CompareRow, ...]]
    returns: tuple[ReturnRow, ...]
    keywords: tuple[tuple[re.Pattern[str], KeywordRow], ...]
    helpers: tuple[tuple[re.Pattern[str], HelperRow], ...]
    defaults: tuple[tuple[re.Pattern[str], DefaultRow], ...]

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
    for row in _rows("REGISTRATIONS"):
        words.update(name.rpartition(".")[2] for name in getattr(row, "names", ()))
        words.update(getattr(row, "attributes", ()))
    return words


def _rows(kind: str) -> list[object]:
    return [row for module in _MODULES for row in getattr(module, kind, ())]


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
    for row in [*_rows("CALLS"), *extra_calls]:
        assert isinstance(row, CallRow)
        for name in row.names:
            calls[name].append(row.api)
    keywords = [row for row in _rows("KEYWORDS") if isinstance(row, KeywordRow)]
    helpers = [row for row in _rows("HELPERS") if isinstance(row, HelperRow)]
    defaults = [row for row in _rows("DEFAULTS") if isinstance(row, DefaultRow)]
    return Table(
        calls={name: tuple(apis) for name, apis in calls.items()},
        methods=_index((r for r in _rows("METHODS") if isinstance(r, MethodRow)), "methods"),
        attributes=_index((r for r in _rows("ATTRIBUTES") if isinstance(r, AttributeRow)), "attribute"),
        class_attributes=_index((r for r in _rows("CLASS_ATTRIBUTES") if isinstance(r, ClassAttributeRow)), "attribute"),
        comparisons=_index((r for r in _rows("COMPARISONS") if isinstance(r, CompareRow)), "attribute"),
        returns=tuple(r for r in _rows("RETURNS") if isinstance(r, ReturnRow)),
        keywords=tuple((re.compile(row.callee), row) for row in keywords),
        helpers=tuple((re.compile(row.name_pattern), row) for row in helpers),
        defaults=tuple((re.compile(row.function), row) for row in defaults),
    )


TABLE = build_table()
