"""The index of handler idioms: the idiom rows of some framework declarations, plus the project's own from settings.

A module's index holds the declarations `api.idiom_modules` says its imports can reach (every one when the module
has project facts, which may lead to any framework): an idiom row of another framework could not match there, so
its declaration need not be imported. `tests/test_idiom_reach.py` checks that the findings are those of the index of
every framework.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import api
from ..options import Settings
from ..records import NamedTuple

if TYPE_CHECKING:
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
        RouteDecorator,
        ViewClass,
    )
    from ..lazy_pattern import LazyPattern


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


def build(settings: Settings = Settings(), modules: tuple[str, ...] = api.MODULES) -> Idioms:
    """The idioms of the frameworks declared in `modules` (in `api.MODULES` order), with the project's own rows.
    Indexed by `table_build`, which is imported only here: most runs load the index the kept tables keep."""
    from .table_build import indexed

    fields: dict[str, Any] = indexed(settings, modules)
    return Idioms(**fields)


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
