"""What the HTS9xx rules share: which sites send a status, how messages name statuses, and the fixes
that change one status into another (always unsafe: clients will see the difference)."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ...analysis.sites import FunctionNode, Site
from ...analysis.spelling import Spelled
from ...analysis.values import Spelling
from ...api import default_table
from ...api.rows import Role
from ...findings import Edit, Fix, FixSafety, NewImport, Position
from ...i18n.phrase import Phrase
from ...statuses import lookup
from ..context import Context, end, start

RESPONDS = frozenset({Role.SET, Role.RAISE})
# Keywords both classes of a swapped pair accept (`detail`, `headers`, ...), so a class swap stays valid.
_SWAP_KEYWORDS = frozenset(
    {
        "detail",
        "description",
        "title",
        "text",
        "reason",
        "headers",
        "body",
        "content_type",
        "message",
        "extra",
        "context",
        "location",
        "response",
    }
)
# Classes whose constructor needs arguments the original does not have (405 needs the allowed methods).
_NO_SWAP_TARGETS = frozenset({405})


def candidates(context: Context, codes: Iterable[int], roles: frozenset[Role] = RESPONDS) -> Iterator[Site]:
    """Sites that send one of `codes` to a client from application code.

    Test modules are skipped (they build responses to exercise clients), and sites matched by name
    alone (`something_response(status=401)`) count only inside a known handler.
    """
    wanted = frozenset(codes)
    sites = [site for site in context.sites if site.code in wanted and site.role in roles and site.via is None]
    if not sites or context.handlers.in_tests:
        return
    for site in sites:
        if site.misplaced is not None:
            continue
        if site.api.generic and context.handlers.handler(site.scope.function) is None:
            continue
        yield site


def better(context: Context, code: int, site: Site | None = None) -> str | Phrase:
    """How a message names the status it recommends: a constant in the module's family.

    When a fix wrote the constant, the message says what the fix writes. Otherwise the name comes from the
    family and the module's imports alone: the speller's check that no local name shadows the constant
    needs a walk of the whole module, which a message without a fix does not need.

    Where the framework refuses a status the route does not declare (Django Ninja's `response=`), advice to
    send `code` at `site` also says that the route must declare it: followed alone, it would give a 500.
    """
    named = context.handlers.named
    if code not in named:
        named[code] = _plain_name(context, code)
    keyword = site.api.declared_by if site is not None else None
    if site is not None and keyword is not None:
        from ...handlers.declared import declared_statuses  # a route that declares its statuses (Django Ninja)

        declared = declared_statuses(context.handlers, site.scope.function, keyword)
        if declared is not None and code not in declared:
            return Phrase("{constant} (add it to `{keyword}=`)", constant=named[code], keyword=keyword)
    return named[code]


def _plain_name(context: Context, code: int) -> str:
    family = context.family
    name = family.constant(code, context.target)
    if name is None:
        status = lookup(code)
        return f"{code} {status.phrase}" if status else str(code)
    for local, qualified in context.imports.module_level.items():
        if qualified == family.namespace:
            return f"{local}.{name}"
        if qualified == f"{family.namespace}.{name}":
            return local
    return name if family.import_constants else f"{family.import_name}.{name}"


def _spell(context: Context, code: int) -> Spelled | None:
    """The speller's text for `code`, which messages then repeat."""
    spelled = context.speller.spell(code)
    if spelled is not None:
        context.handlers.named[code] = spelled.text
    return spelled


def describe(context: Context, site: Site) -> object:
    """How a message names the status the code sends now (a `Phrase` where it is prose). Long: messages that
    must stay short name the bare code instead (`site.code`), since the finding points at the status."""
    value = site.value
    if value.spelling is Spelling.FIXED:
        return Phrase("{api} ({code})", api=site.api.label, code=site.code)
    if value.spelling is Spelling.DEFAULT:
        return Phrase("the default {code} of {api}", code=site.code, api=site.api.label)
    if site.node is not None and value.spelling is Spelling.CONSTANT:
        return context.source(site.node)
    return str(site.code)


def report_node(site: Site) -> ast.AST:
    """Where a finding points: the status itself, else the class or call that decides it."""
    if site.node is not None:
        return site.node
    anchor = site.anchor
    if isinstance(anchor, ast.Call):
        return anchor.func
    if isinstance(anchor, ast.Raise) and anchor.exc is not None:
        return anchor.exc
    return anchor


def function_of(site: Site) -> FunctionNode | None:
    return site.scope.function


# Fixes -------------------------------------------------------------------------------------------


def change_status(context: Context, site: Site, code: int) -> Fix | None:
    """An unsafe fix that makes `site` send `code`: a new constant, a status keyword, or a sibling class.

    None where the framework would refuse `code` there (a Django Ninja status its route does not declare)."""
    keyword = site.api.declared_by
    if keyword is not None:
        from ...handlers.declared import declared_statuses

        declared = declared_statuses(context.handlers, site.scope.function, keyword)
        if declared is None or code not in declared:
            return None
    spelling = site.value.spelling
    if site.value.project:
        return None  # the project's own constant: its name for a status is the project's to choose
    if spelling in (Spelling.LITERAL, Spelling.CONSTANT) and site.node is not None and not site.in_pattern:
        spelled = _spell(context, code)
        return context.replacement(site.node, spelled, FixSafety.UNSAFE) if spelled else None
    if spelling is Spelling.DEFAULT and isinstance(site.anchor, ast.Call):
        keyword = next((slot.keyword for slot in site.api.slots if slot.keyword), None)
        return add_keyword(context, site.anchor, keyword, code) if keyword else None
    if spelling is Spelling.FIXED:
        return swap_class(context, site, code)
    return None


def add_keyword(context: Context, call: ast.Call, keyword: str, code: int) -> Fix | None:
    """Insert `keyword=<constant>` after the call's last argument."""
    arguments: list[ast.AST] = [*call.args, *call.keywords]
    if not arguments or any(k.arg == keyword for k in call.keywords):
        return None
    last = max(arguments, key=lambda node: (end(node).line, end(node).column))
    return _insert_constant(context, end(last), f", {keyword}=", code)


def append_status(context: Context, content: ast.expr, code: int) -> Fix | None:
    """`return content` becomes `return content, <constant>` (Flask-style return tuples)."""
    if not isinstance(content, (ast.Call, ast.Dict, ast.List, ast.Name, ast.Attribute, ast.Constant)):
        return None
    return _insert_constant(context, end(content), ", ", code)


def _insert_constant(context: Context, position: Position, before: str, code: int) -> Fix | None:
    """Insert `before` and the constant for `code` at `position`; None when no constant can be written."""
    spelled = _spell(context, code)
    if spelled is None:
        return None
    return _fix(Edit(position, position, before + spelled.text), spelled)


def swap_class(context: Context, site: Site, code: int) -> Fix | None:
    """`HTTPForbidden()` becomes `HTTPUnauthorized()`: the framework's class for `code`, same module."""
    anchor = site.anchor
    node = anchor.func if isinstance(anchor, ast.Call) else anchor.exc if isinstance(anchor, ast.Raise) else None
    if node is None or code in _NO_SWAP_TARGETS or (isinstance(anchor, ast.Call) and not _swappable(anchor)):
        return None
    qualified = context.imports.qualify(node)
    if qualified is None:
        return None
    module = qualified.rpartition(".")[0]
    sibling = _siblings().get((site.api.framework, module, code))
    if sibling is None:
        return None
    if isinstance(node, ast.Attribute):
        text = f"{context.source(node.value)}.{sibling}"
        return Fix((Edit(start(node), end(node), text),), FixSafety.UNSAFE)
    local = next((name for name, bound in context.imports.module_level.items() if bound == f"{module}.{sibling}"), None)
    if local is not None:
        return Fix((Edit(start(node), end(node), local),), FixSafety.UNSAFE)
    if context.speller.bound_names()[sibling] or sibling in context.imports.names:
        return None
    return Fix((Edit(start(node), end(node), sibling),), FixSafety.UNSAFE, (NewImport(module, sibling),))


def _swappable(call: ast.Call) -> bool:
    if len(call.args) > 1 or any(isinstance(arg, ast.Starred) for arg in call.args):
        return False
    return all(keyword.arg in _SWAP_KEYWORDS for keyword in call.keywords)


@lru_cache(maxsize=1)
def _siblings() -> dict[tuple[str, str, int], str]:
    """(framework, module, code) -> the class in that module that always sends `code`."""
    found: dict[tuple[str, str, int], str] = {}
    for qualified, apis in default_table().calls.items():
        module, _, name = qualified.rpartition(".")
        for api in apis:
            if api.fixed is not None and api.role in (Role.RAISE, Role.SET, Role.REDIRECT):
                found.setdefault((api.framework, module, api.fixed), name)
    return found


def _fix(edit: Edit, spelled: Spelled) -> Fix:
    imports = (spelled.new_import,) if spelled.new_import else ()
    return Fix((edit,), FixSafety.UNSAFE, imports)
