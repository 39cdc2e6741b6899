"""The index of handler idioms: the idiom rows of some framework declarations, plus the project's own from settings.

A module's index holds the declarations `api.idiom_modules` says its imports can reach (every one when the module
has project facts, which may lead to any framework): an idiom row of another framework could not match there, so
its declaration need not be imported. `tests/test_idiom_reach.py` checks that the findings are those of the index of
every framework.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol, TypeVar

from .. import api
from ..api import reach
from ..api.framework import Framework
from ..api.idioms import (
    AuthArgument,
    AuthCall,
    AuthCheck,
    AuthDecorator,
    AuthDependency,
    AuthenticatorSetting,
    AutoHeader,
    Bodiless,
    BodyArgument,
    BodyWrite,
    Creation,
    ExceptionRow,
    ExceptionView,
    HeaderArgument,
    MarkedHandler,
    PermissionClass,
    PermissionSetting,
    PlainReturn,
    RedirectFlags,
    Registration,
    RequestData,
    RouteDecorator,
    ViewClass,
)
from ..lazy_pattern import LazyPattern
from ..options import Settings
from ..records import NamedTuple

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


class Idioms(NamedTuple):
    route_names: dict[str, tuple[RouteDecorator, ...]]
    route_attributes: dict[str, tuple[RouteDecorator, ...]]
    registration_names: dict[str, tuple[Registration, ...]]
    registration_attributes: dict[str, tuple[Registration, ...]]
    view_classes: tuple[ViewClass, ...]
    marked_handlers: tuple[MarkedHandler, ...]
    auth_names: dict[str, tuple[AuthDecorator, ...]]
    auth_attributes: dict[str, tuple[AuthDecorator, ...]]
    auth_bare_names: dict[str, tuple[AuthDecorator, ...]]
    auth_bases: frozenset[str]
    auth_arguments: tuple[AuthArgument, ...]
    permission_classes: dict[str, PermissionClass]
    permission_settings: tuple[PermissionSetting, ...]
    authenticator_settings: tuple[AuthenticatorSetting, ...]
    auth_dependencies: tuple[AuthDependency, ...]
    auth_checks: dict[str, tuple[AuthCheck, ...]]
    auth_calls: dict[str, AuthCall]
    creation_attributes: dict[str, tuple[Creation, ...]]
    creation_prefixes: tuple[tuple[str, Creation], ...]  # `create_*`: any method starting with `create_`
    creation_names: dict[str, tuple[Creation, ...]]
    bodiless: dict[str, Bodiless]
    body_arguments: dict[tuple[str, str], tuple[BodyArgument, ...]]
    body_writes: tuple[BodyWrite, ...]
    header_arguments: dict[tuple[str, str], tuple[HeaderArgument, ...]]
    auto_headers: tuple[AutoHeader, ...]
    redirect_flags: dict[tuple[str, str], RedirectFlags]
    plain_returns: dict[str, PlainReturn]
    exception_views: tuple[ExceptionView, ...]
    request_data: dict[str, frozenset[str]]  # receiver last name -> attributes that read client data
    exceptions: dict[str, ExceptionRow]  # qualified exception class -> what catching it handles
    builtin_exceptions: dict[str, ExceptionRow]
    outgoing: tuple[str, ...]  # qualified-name prefixes of calls that reach another server
    documented: dict[str, frozenset[int]]  # framework -> statuses its OpenAPI output documents by itself

    # Derived once, for cheap tests before any walk.
    view_method_names: frozenset[str]  # method names some view class answers with
    view_prefixes: tuple[str, ...]  # Falcon's on_
    creation_words: LazyPattern  # every creating call's name: a function without one creates nothing
    registration_words: frozenset[str]  # last names of registering calls


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


def build(settings: Settings = Settings(), modules: tuple[str, ...] = api.MODULES) -> Idioms:
    """The idioms of the frameworks declared in `modules` (in `api.MODULES` order), with the project's own rows."""
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
    return Idioms(
        route_names=_by(routes, "names"),
        route_attributes=_by(routes, "attributes"),
        registration_names=_by(registrations, "names"),
        registration_attributes=_by(registrations, "attributes"),
        view_classes=tuple(views),
        marked_handlers=tuple(_rows(frameworks, lambda f: f.marked_handlers)),
        auth_names=_by(auth, "names"),
        auth_attributes=_by(auth, "attributes"),
        auth_bare_names=_by(auth, "bare_names"),
        auth_bases=frozenset(name for row in _rows(frameworks, lambda f: f.auth_bases) for name in row.names),
        auth_arguments=tuple(_rows(frameworks, lambda f: f.auth_arguments)),
        permission_classes={
            name: row for row in _rows(frameworks, lambda f: f.permission_classes) for name in row.names
        },
        permission_settings=tuple(_rows(frameworks, lambda f: f.permission_settings)),
        authenticator_settings=tuple(_rows(frameworks, lambda f: f.authenticator_settings)),
        auth_dependencies=(*_rows(frameworks, lambda f: f.auth_dependencies), *dependencies),
        auth_checks=_grouped(_rows(frameworks, lambda f: f.auth_checks), lambda row: (row.attribute,)),
        auth_calls={name: row for row in _rows(frameworks, lambda f: f.auth_calls) for name in row.names},
        creation_attributes=_grouped(creations, lambda row: tuple(a for a in row.attributes if not a.endswith("*"))),
        creation_prefixes=tuple((a[:-1], c) for c in creations for a in c.attributes if a.endswith("*")),
        creation_names=_by(creations, "names"),
        bodiless={f.name: f.bodiless for f in frameworks if f.bodiless is not None},
        body_arguments=_labelled(_rows(frameworks, lambda f: f.body_arguments)),
        body_writes=tuple(_rows(frameworks, lambda f: f.body_writes)),
        header_arguments=_labelled(_rows(frameworks, lambda f: f.header_arguments)),
        auto_headers=tuple(_rows(frameworks, lambda f: f.auto_headers)),
        redirect_flags={key: rows[0] for key, rows in _labelled(_rows(frameworks, lambda f: f.redirect_flags)).items()},
        plain_returns={f.name: f.plain_return for f in frameworks if f.plain_return is not None},
        exception_views=tuple(_rows(frameworks, lambda f: f.exception_views)),
        request_data=_request_data(_rows(frameworks, lambda f: f.request_data)),
        exceptions={name: row for row in _rows(frameworks, lambda f: f.exceptions) for name in row.names},
        builtin_exceptions={name: row for row in _rows(frameworks, lambda f: f.exceptions) for name in row.builtins},
        outgoing=tuple(prefix for row in _rows(frameworks, lambda f: f.outgoing) for prefix in row.prefixes),
        documented={f.name: f.documented for f in frameworks if f.documented},
        view_method_names=frozenset(name for row in views for name, _ in row.methods),
        view_prefixes=tuple(row.prefix for row in views if row.prefix),
        creation_words=_creation_words(creations),
        # Every framework's words, as the filter always was: a call this lets through that only a framework not
        # loaded registers finds no row, while a smaller filter could drop an aliased call a loaded row qualifies.
        registration_words=reach.REGISTRATION_WORDS,
    )


@lru_cache(maxsize=64)
def _cached(
    decorators: tuple[str, ...], dependencies: tuple[str, ...], creations: tuple[str, ...], modules: tuple[str, ...]
) -> Idioms:
    """Built once per set of declarations (and project rows) in a process, where a tree's modules share a few sets,
    and kept from one run to the next (`kept_tables`)."""
    from ..kept_tables import kept

    settings = Settings(auth_decorators=decorators, auth_dependencies=dependencies, creation_calls=creations)
    return kept("idioms", (decorators, dependencies, creations, modules), lambda: build(settings, modules), Idioms)


# The project rows' settings -> the idioms of every framework with them, once a module (one with project facts) has
# needed them: they answer in any module as its own subset does, so no other set need be built in the process.
_EVERY: dict[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], Idioms] = {}


def idioms_for(settings: Settings, modules: tuple[str, ...] = api.MODULES) -> Idioms:
    """The idioms of the declarations in `modules` (`api.idiom_modules` of a module's imports), with the project's,
    or those of every framework when they are built already."""
    key = (settings.auth_decorators, settings.auth_dependencies, settings.creation_calls)
    every = _EVERY.get(key)
    if every is not None:
        return every
    idioms = _cached(*key, modules)
    if modules == api.MODULES:
        _EVERY[key] = idioms
    return idioms
