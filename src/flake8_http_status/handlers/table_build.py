"""The index of handler idioms (`table.Idioms`), built from the idiom rows of some framework declarations and the
project's own from settings. `table.build` imports this module: a run that loads the index from the kept tables
(`kept_tables.py`) does not load the code that builds it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .. import api
from ..api import reach
from ..api.framework import Framework
from ..api.idioms import (
    AuthDecorator,
    AuthDependency,
    Creation,
    RequestData,
)
from ..lazy_pattern import LazyPattern
from ..options import Settings

T = TypeVar("T")


# For type checkers only: creating a protocol class costs some 0.3 M instructions on every run.
if TYPE_CHECKING:

    class _LabelledRow(Protocol):
        """A row about some of a framework's APIs, named by their labels (`HeaderArgument`, `BodyArgument`...)."""

        @property
        def framework(self) -> str: ...

        @property
        def labels(self) -> tuple[str, ...]: ...

    L = TypeVar("L", bound=_LabelledRow)


def _rows(frameworks: tuple[Framework, ...], rows_of: Callable[[Framework], tuple[T, ...]]) -> list[T]:
    return [row for framework in frameworks for row in rows_of(framework)]


def _by(rows: Iterable[T], key: str) -> dict[str, tuple[T, ...]]:
    index: dict[str, list[T]] = defaultdict(list)
    for row in rows:
        for name in getattr(row, key):
            index[name].append(row)
    return {name: tuple(found) for name, found in index.items()}


def _grouped(rows: Iterable[T], keys: Callable[[T], tuple[str, ...]]) -> dict[str, tuple[T, ...]]:
    index: dict[str, list[T]] = defaultdict(list)
    for row in rows:
        for key in keys(row):
            index[key].append(row)
    return {key: tuple(found) for key, found in index.items()}


def _labelled(rows: Iterable[L]) -> dict[tuple[str, str], tuple[L, ...]]:
    index: dict[tuple[str, str], list[L]] = defaultdict(list)
    for row in rows:
        for label in row.labels:
            index[(row.framework, label)].append(row)
    return {key: tuple(found) for key, found in index.items()}


def _request_data(rows: list[RequestData]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for receiver in row.receivers:
            found[receiver].update(row.attributes)
    return {receiver: frozenset(attributes) for receiver, attributes in found.items()}


def _project_rows(
    settings: Settings, wrappers: tuple[str, ...]
) -> tuple[list[AuthDecorator], list[AuthDependency], list[Creation]]:
    """Rows for the project's own idioms: matched through imports, or by their last name."""
    decorators = (
        [
            AuthDecorator(
                "project",
                names=settings.auth_decorators,
                bare_names=tuple(n.rpartition(".")[2] for n in settings.auth_decorators),
            )
        ]
        if settings.auth_decorators
        else []
    )
    dependencies = (
        [AuthDependency("project", wrappers=wrappers, names=settings.auth_dependencies)]
        if settings.auth_dependencies
        else []
    )
    creations = [Creation(name, names=(name,), heuristic=True) for name in settings.creation_calls]
    return decorators, dependencies, creations


def _creation_words(creations: list[Creation]) -> LazyPattern:
    words = {name.rpartition(".")[2] for row in creations for name in row.names}
    words.update(attribute for row in creations for attribute in row.attributes if not attribute.endswith("*"))
    prefixes = sorted({attribute[:-1] for row in creations for attribute in row.attributes if attribute.endswith("*")})
    # Longest first, then by text: the same pattern in every process whatever the hash seed, so that its
    # compiled program is found again (regex_programs.py). The pattern is only searched for a match or none,
    # which the order of an alternation never changes.
    alternatives = sorted((re.escape(word) for word in words), key=lambda word: (-len(word), word))
    alternatives += [rf"{re.escape(prefix)}\w*" for prefix in prefixes]
    # Compiled when a handler is first asked whether it may create: an alternation of some hundred words.
    return LazyPattern(rf"\b(?:{'|'.join(alternatives)})\s*\(")


def indexed(settings: Settings, modules: tuple[str, ...]) -> dict[str, Any]:
    """The fields of `table.Idioms` for the frameworks declared in `modules` (in `api.MODULES` order), with the
    project's own rows."""
    frameworks = tuple(api.framework_of(module) for module in modules)
    # The project's dependencies are named in any loaded framework's wrappers (`Depends`): a wrapper of a framework
    # not loaded is of a package the module does not import, so no call of it can be qualified to it there.
    wrappers = tuple(wrapper for row in _rows(frameworks, lambda f: f.auth_dependencies) for wrapper in row.wrappers)
    decorators, dependencies, project_creations = _project_rows(settings, wrappers)
    auth = [*_rows(frameworks, lambda f: f.auth_decorators), *decorators]
    creations = [*_rows(frameworks, lambda f: f.creations), *project_creations]
    routes = _rows(frameworks, lambda f: f.route_decorators)
    registrations = _rows(frameworks, lambda f: f.registrations)
    views = _rows(frameworks, lambda f: f.view_classes)
    return {
        "route_names": _by(routes, "names"),
        "route_attributes": _by(routes, "attributes"),
        "registration_names": _by(registrations, "names"),
        "registration_attributes": _by(registrations, "attributes"),
        "view_classes": tuple(views),
        "marked_handlers": tuple(_rows(frameworks, lambda f: f.marked_handlers)),
        "auth_names": _by(auth, "names"),
        "auth_attributes": _by(auth, "attributes"),
        "auth_bare_names": _by(auth, "bare_names"),
        "auth_bases": frozenset(name for row in _rows(frameworks, lambda f: f.auth_bases) for name in row.names),
        "auth_arguments": tuple(_rows(frameworks, lambda f: f.auth_arguments)),
        "permission_classes": {
            name: row for row in _rows(frameworks, lambda f: f.permission_classes) for name in row.names
        },
        "permission_settings": tuple(_rows(frameworks, lambda f: f.permission_settings)),
        "authenticator_settings": tuple(_rows(frameworks, lambda f: f.authenticator_settings)),
        "auth_dependencies": (*_rows(frameworks, lambda f: f.auth_dependencies), *dependencies),
        "auth_checks": _grouped(_rows(frameworks, lambda f: f.auth_checks), lambda row: (row.attribute,)),
        "auth_calls": {name: row for row in _rows(frameworks, lambda f: f.auth_calls) for name in row.names},
        "creation_attributes": _grouped(creations, lambda row: tuple(a for a in row.attributes if not a.endswith("*"))),
        "creation_prefixes": tuple((a[:-1], c) for c in creations for a in c.attributes if a.endswith("*")),
        "creation_names": _by(creations, "names"),
        "bodiless": {f.name: f.bodiless for f in frameworks if f.bodiless is not None},
        "body_arguments": _labelled(_rows(frameworks, lambda f: f.body_arguments)),
        "body_writes": tuple(_rows(frameworks, lambda f: f.body_writes)),
        "header_arguments": _labelled(_rows(frameworks, lambda f: f.header_arguments)),
        "auto_headers": tuple(_rows(frameworks, lambda f: f.auto_headers)),
        "redirect_flags": {
            key: rows[0] for key, rows in _labelled(_rows(frameworks, lambda f: f.redirect_flags)).items()
        },
        "plain_returns": {f.name: f.plain_return for f in frameworks if f.plain_return is not None},
        "exception_views": tuple(_rows(frameworks, lambda f: f.exception_views)),
        "request_data": _request_data(_rows(frameworks, lambda f: f.request_data)),
        "exceptions": {name: row for row in _rows(frameworks, lambda f: f.exceptions) for name in row.names},
        "builtin_exceptions": {name: row for row in _rows(frameworks, lambda f: f.exceptions) for name in row.builtins},
        "outgoing": tuple(prefix for row in _rows(frameworks, lambda f: f.outgoing) for prefix in row.prefixes),
        "documented": {f.name: f.documented for f in frameworks if f.documented},
        "view_method_names": frozenset(name for row in views for name, _ in row.methods),
        "view_prefixes": tuple(row.prefix for row in views if row.prefix),
        "creation_words": _creation_words(creations),
        # Every framework's words, as the filter always was: a call this lets through that only a framework not
        # loaded registers finds no row, while a smaller filter could drop an aliased call a loaded row qualifies.
        "registration_words": reach.REGISTRATION_WORDS,
    }
