"""HTS903 for a 401 that a project exception class carries to an error handler of the project.

`class Unauthorized(ApiError): status_code = 401` is sent by whatever handler the project registered for
`ApiError` (`return jsonify(...), error.status_code`). The header is missing where the 401 is written: in the
class body, in `super().__init__(message, 401)`, or in `raise ApiError("...", 401)`. That is the one place a
finding goes; the views that raise `Unauthorized()` write no status and get none.

Silent wherever a challenge may come from elsewhere: the module (or, through the project index, the module of
any project class the carrier derives from) names `WWW-Authenticate`, the handler's response has headers, or
the index cannot see a class of the chain.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cached_property

from ...analysis.carriers import handled_attributes, subclasses
from ...analysis.name_table import NameTable
from ...analysis.sites import Site
from ...api.rows import Role
from ..context import Context

CHALLENGE = "WWW-Authenticate"


def carried_unauthorized(context: Context) -> Iterator[Site]:
    """The sites that write a 401 a project exception class carries, once per written value, without a challenge."""
    sites = [site for site in context.sites if site.code == 401 and site.node is not None and _carried(site)]
    if not sites or context.handlers.in_tests or context.handlers.module_provides(CHALLENGE):
        return
    carriers = _Carriers(context)
    seen: set[int] = set()
    for site in sites:
        if id(site.node) not in seen and carriers.unchallenged(site):
            seen.add(id(site.node))
            yield site


def _carried(site: Site) -> bool:
    """A class attribute (`status_code = 401`), or a value handed to a class's constructor."""
    if site.role is Role.CLASS:
        return site.scope.cls is not None and site.scope.function is None
    anchor = site.anchor
    return site.via is not None and isinstance(anchor, ast.Call) and site.via in (anchor.func, _super_init(anchor))


def _super_init(call: ast.Call) -> ast.expr | None:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "__init__" and isinstance(func.value, ast.Call):
        return func
    return None


class _Carriers:
    def __init__(self, context: Context) -> None:
        self.context = context

    @cached_property
    def names(self) -> NameTable:
        return NameTable(self.context.tree)

    @cached_property
    def handled(self) -> dict[tuple[int, str], bool]:
        """(class, attribute) -> whether the module's handler for it sends no header, for the module's classes
        that a handler of the module sends an attribute of (and their subclasses)."""
        found: dict[tuple[int, str], bool] = {}
        model = self.context.handlers
        for cls, attribute, sent in handled_attributes(list(self.context.sites), self.names):
            bare = sent.api.role is not Role.ERROR_HANDLER and not model.has_header(sent, CHALLENGE)
            for owner in (cls, *subclasses(self.names, cls.name)):
                key = (id(owner), attribute)
                found[key] = found.get(key, True) and bare
        return found

    def unchallenged(self, site: Site) -> bool:
        attribute = _attribute(site) if site.role is Role.CLASS else None
        cls = self._class_of(site)
        if cls is not None:
            local = [
                bare for (owner, name), bare in self.handled.items() if owner == id(cls) and attribute in (None, name)
            ]
            if local:
                return all(local)
            return self._unchallenged_elsewhere(cls.bases, attribute)
        anchor = site.anchor
        if site.role is not Role.CLASS and isinstance(anchor, ast.Call):
            return self._unchallenged_elsewhere([anchor.func], None)  # `raise errors.ApiError("...", 401)`
        return False

    def _class_of(self, site: Site) -> ast.ClassDef | None:
        """The module's class that carries the 401: the class of the body or `__init__` that writes it, or the
        module's class called with it."""
        if site.role is Role.CLASS:
            return site.scope.cls
        anchor = site.anchor
        if isinstance(anchor, ast.Call) and _super_init(anchor) is not None:
            return site.scope.method_of
        func = anchor.func if isinstance(anchor, ast.Call) else None
        if isinstance(func, ast.Name) and func.id not in self.context.imports.names:
            return self.names.top_classes.get(func.id)
        return None

    def _unchallenged_elsewhere(self, bases: list[ast.expr], attribute: str | None) -> bool:
        """Through the project index: classes of other modules whose handler sends the attribute, and no module
        of their chain that names the header."""
        project = self.context.project
        if project is None:
            return False
        named = [base for base in bases if isinstance(base, (ast.Name, ast.Attribute))]
        qualified = [name for base in named if (name := project.qualify(base)) is not None]
        sent = [project.unchallenged_carried(name) for name in qualified]
        return bool(sent) and all(sent) and all(attribute is None or attribute in names for names in sent)


def _attribute(site: Site) -> str | None:
    anchor = site.anchor
    if isinstance(anchor, ast.Assign) and len(anchor.targets) == 1 and isinstance(anchor.targets[0], ast.Name):
        return anchor.targets[0].id
    if isinstance(anchor, ast.AnnAssign) and isinstance(anchor.target, ast.Name):
        return anchor.target.id
    return None
