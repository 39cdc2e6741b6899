"""What the analysis of one module may ask about the rest of its project (`index.project_index` answers).

The analysis never imports the index: it asks through this protocol, and a module analysed alone (stdin, a file
outside any project, a test) simply has no project facts. Every answer is None or empty when the index cannot
decide, so the rules stay silent rather than guess.
"""

from __future__ import annotations

import ast
from typing import Protocol

from ..api.rows import Api


class ProjectFacts(Protocol):
    def call_roots(self) -> frozenset[str]:
        """Names a call of a project callable can start from: the module's imports of project code, and `self` and
        `cls` (a method a project base class of another module defines)."""

    def qualify(self, node: ast.expr) -> str | None:
        """The absolute name of a `Name` or dotted chain rooted in an import of the project's own code."""

    def absolute_module(self, level: int, dotted: str) -> str | None:
        """The absolute name that `<level dots><dotted>` of a relative import means in this module: a module, or a
        name in one (`(2, "errors.ApiError")` in `pkg.views.orders` is `pkg.errors.ApiError`)."""

    def rows(self, qualified: str) -> tuple[Api, ...]:
        """The status rows of a project function or class: which parameter takes a status."""

    def constant(self, qualified: str) -> int | None:
        """The status a project constant stands for (`app.codes.NOT_FOUND`, `app.codes.Codes.NOT_FOUND`): a name its
        module binds once to a status and never rebinds; None for anything else."""

    def ancestors(self, qualified: str) -> frozenset[str] | None:
        """Every base of a project class, transitively, by absolute name; None when one is out of sight."""

    def types(self, qualified: str) -> frozenset[str] | None:
        """The class of a module-level project object (`bp = Blueprint(...)`) and its ancestors, or None."""

    def method_rows(self, qualified: str, method: str) -> tuple[Api, ...] | None:
        """The rows of `self.<method>(...)` in a subclass of the project class `qualified`, when single
        inheritance leads to a project class that defines it; None when another class may define it first."""

    def carried(self, qualified: str) -> dict[str, Api]:
        """Attributes of a project exception class that an error handler sends as the status, with the row."""

    def unchallenged_carried(self, qualified: str) -> frozenset[str]:
        """The attributes of a project exception class that an error handler sends as the status, when no module of
        the class and its project ancestors names the `WWW-Authenticate` header (where a handler may add it); empty
        when one does, or one is out of sight."""

    def challenged_401s(self) -> frozenset[str]:
        """The frameworks (`flask`, `fastapi`, ...) whose raised 401s (`abort(401)`, `raise HTTPException(401)`) an
        error handler registered anywhere in the project answers with a `WWW-Authenticate` challenge."""

    def auth_decorator(self, qualified: str) -> bool:
        """A project function whose wrapper lets only authenticated users through (`@staff_only`)."""

    def auth_dependency(self, qualified: str) -> bool | None:
        """A project dependency: True when it resolves a user or refuses the request, False when it returns an optional
        user (`-> User | None`), None when the index cannot tell."""

    def user_alias(self, qualified: str) -> bool | None:
        """A project `Annotated[User, Depends(...)]` alias: True, False and None as for `auth_dependency`."""

    def creates(self, qualified: str) -> bool:
        """A project function that creates a resource on every way out (`services.add_book`)."""

    def raises(self, qualified: str) -> frozenset[int]:
        """The 4xx statuses a project function raises to its callers (`require_camera_access`: 403)."""
