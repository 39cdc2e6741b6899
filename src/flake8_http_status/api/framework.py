"""One typed declaration per framework: every row that says where a status goes and what surrounds it.

Each module of this package ends with one `FRAMEWORK = Framework(...)` value, and `api.FRAMEWORKS` lists
them all. Every field is typed with the one row type it holds, so a row of the wrong kind is a type error
(mypy) and a misspelt field is a `TypeError` when the package is imported; `tests/test_frameworks.py`
fails on a row that a module defines but its declaration leaves out.

Libraries that are not web frameworks but whose rows every framework shares (HTTP clients, ORMs, generic
names, exception faults) are declared the same way, with no `roots`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..families import Family
from .idioms import (
    AuthBase,
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
    Outgoing,
    PermissionClass,
    PermissionSetting,
    PlainReturn,
    RedirectFlags,
    Registration,
    RequestData,
    RouteDecorator,
    ViewClass,
)
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


@dataclass(frozen=True)
class Framework:
    """A framework (or shared library family) as the analysis knows it."""

    name: str
    # Top-level packages whose import marks a module as written for this framework.
    roots: tuple[str, ...] = ()
    # The constant family a module importing one of `roots` writes by default, and the frameworks this one is
    # built on, whose families it overrides (a FastAPI module also imports Starlette, and writes `fastapi.status`).
    family: Family | None = None
    builds_on: tuple[str, ...] = ()
    # Annotations of handler parameters the framework fills itself: never a client's object to create.
    injected_types: tuple[str, ...] = ()
    # Regular expressions for one parameter segment of a route path (`<int:id>`, `{id}`, `:id`).
    path_parameters: tuple[str, ...] = ()

    # Where statuses go (row types in `api.rows`).
    calls: tuple[CallRow, ...] = ()
    methods: tuple[MethodRow, ...] = ()
    attributes: tuple[AttributeRow, ...] = ()
    class_attributes: tuple[ClassAttributeRow, ...] = ()
    comparisons: tuple[CompareRow, ...] = ()
    returns: tuple[ReturnRow, ...] = ()
    keywords: tuple[KeywordRow, ...] = ()
    helpers: tuple[HelperRow, ...] = ()
    defaults: tuple[DefaultRow, ...] = ()

    # What surrounds a status (row types in `api.idioms`): handlers, authentication, creation, responses.
    route_decorators: tuple[RouteDecorator, ...] = ()
    registrations: tuple[Registration, ...] = ()
    view_classes: tuple[ViewClass, ...] = ()
    auth_decorators: tuple[AuthDecorator, ...] = ()
    auth_bases: tuple[AuthBase, ...] = ()
    auth_checks: tuple[AuthCheck, ...] = ()
    auth_calls: tuple[AuthCall, ...] = ()
    auth_dependencies: tuple[AuthDependency, ...] = ()
    permission_classes: tuple[PermissionClass, ...] = ()
    permission_settings: tuple[PermissionSetting, ...] = ()
    authenticator_settings: tuple[AuthenticatorSetting, ...] = ()
    creations: tuple[Creation, ...] = ()
    bodiless: Bodiless | None = None  # what the framework does with content on a 204 or 304
    body_arguments: tuple[BodyArgument, ...] = ()
    body_writes: tuple[BodyWrite, ...] = ()
    header_arguments: tuple[HeaderArgument, ...] = ()
    auto_headers: tuple[AutoHeader, ...] = ()
    redirect_flags: tuple[RedirectFlags, ...] = ()
    plain_return: PlainReturn | None = None  # the status of a handler's plain return value
    exception_views: tuple[ExceptionView, ...] = ()
    request_data: tuple[RequestData, ...] = ()
    exceptions: tuple[ExceptionRow, ...] = ()
    outgoing: tuple[Outgoing, ...] = ()
    documented: frozenset[int] = frozenset()  # statuses its OpenAPI output documents by itself

    def imported_by(self, modules: frozenset[str] | set[str]) -> bool:
        return any(root in modules for root in self.roots)

    def apis(self) -> Iterator[Api]:
        """What every status row of the framework says about its API."""
        for rows in (
            self.calls, self.methods, self.attributes, self.class_attributes, self.comparisons, self.returns,
            self.keywords, self.helpers, self.defaults,
        ):
            for row in rows:
                yield row.api
