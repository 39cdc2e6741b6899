"""What a rule module's checks need to find in a module before they can report: the one place that says so.

The engine runs a module of `checkers.MODULES` only when its gate here passes (a module with no gate always
runs), so a module that cannot give a finding is neither imported nor run, nor does it build the HTS9xx handler
model. Every gate must be NECESSARY: it reads the same facts the checks start from, never fewer, so it can only
skip work whose answer is empty. The gates read the module's sites, which already carry the status a framework
default, a constant of another module (the project index) or an alias resolves to, rather than its text, where a
redirect's default 302 or an imported `CODES.DENIED` would not show. `tests/test_gates.py` runs every fixture
with and without them and finds the same findings.

The checks' own status sets are repeated here, not imported, since importing them is what the gates save.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final
from weakref import WeakKeyDictionary

from ..analysis.children import walk_nodes
from ..analysis.receivers import last_name
from ..analysis.values import Spelling

# Every framework's, generated from the declarations: reading them imports none.
from ..api.reach import (
    MARKED_GATES,
    REGISTRATION_WORDS,
    ROUTE_ATTRIBUTES,
    ROUTE_NAMES,
    VIEW_METHOD_NAMES,
    VIEW_PREFIXES,
)
from ..api.rows import Role

if TYPE_CHECKING:
    from .context import Context

Gate = Callable[["Context"], bool]

# `choices.common.RESPONDS`: the roles of the sites `choices.common.candidates` yields by default.
_RESPONDS: Final = frozenset({Role.SET, Role.RAISE})


def _sends(codes: Iterable[int], roles: frozenset[Role] = _RESPONDS) -> Gate:
    """Some site could be one of `candidates(context, codes, roles)`: its status is one of `codes`, its role one
    of `roles`, and it was written at the slot itself (`via` None). Its other conditions are left to the check."""
    wanted = frozenset(codes)

    def gate(context: Context) -> bool:
        return any(site.code in wanted and site.role in roles and site.via is None for site in context.sites)

    return gate


def _any_site(codes: Iterable[int]) -> Gate:
    """Some site has one of `codes`, in any role and however it was written (`carried_unauthorized`)."""
    wanted = frozenset(codes)
    return lambda context: any(site.code in wanted for site in context.sites)


def _status_lines(context: Context) -> bool:
    """HTS003 reads only sites whose status is a status line's text (`"404 Not Found"`), in its own slot."""
    return any(
        site.value.spelling is Spelling.TEXT and site.node is not None and site.misplaced is None
        for site in context.sites
    )


def _misplaced(context: Context) -> bool:
    """HTS604 reads only sites whose status sits in a call's positional slot that is not the status."""
    return any(
        site.misplaced is not None and site.node is not None and isinstance(site.anchor, ast.Call)
        for site in context.sites
    )


def _documents(context: Context) -> bool:
    """HTS917 compares what a handler raises with what its route documents: it returns when nothing is."""
    return any(site.role is Role.DOCUMENT for site in context.sites)


def _tries(context: Context) -> bool:
    """HTS916's look at helpers called in a `try` body whose catch-all answers: a function's text must hold
    `try` and `except` (the check itself skips a function whose lines hold no `try`)."""
    text = "".join(context.lines)
    return "try" in text and "except" in text


_PREFIXED_VERBS: Final = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})


def _view_method_name(name: str) -> bool:
    if name in VIEW_METHOD_NAMES:
        return True
    if not name.startswith(VIEW_PREFIXES):  # most methods: one call in C, not a generator
        return False
    prefix = next(prefix for prefix in VIEW_PREFIXES if name.startswith(prefix))
    return name[len(prefix) :].partition("_")[0] in _PREFIXED_VERBS


def may_have_handler(context: Context) -> bool:
    """Whether `handlers.routes` could find a handler here: it classifies only a function that a route decorator
    marks (some framework's, by its qualified name or its attribute), a method named as a view class's method, a
    function named by an argument of a registering call (by its last name) the collector kept, or a module-level
    function of a module that imports a framework whose handlers no code registers (Connexion's). A superset of
    what `Routes.handler` can match, read without the handler model: a module full of properties, template tags and
    methods of other names (most of a framework's own code) has no handler, and no rule reads its answers."""
    qualify = context.imports.qualify
    names: set[str] = set()
    module_level = False
    for function, scope in context.candidates.functions:
        for decorator in function.decorator_list:
            func = decorator.func if isinstance(decorator, ast.Call) else decorator
            if (isinstance(func, ast.Attribute) and func.attr in ROUTE_ATTRIBUTES) or qualify(func) in ROUTE_NAMES:
                return True
        name = function.name
        in_class = scope.method_of is not None if scope.function is function else scope.cls is not None
        if in_class and _view_method_name(name):
            return True
        names.add(name)
        module_level = module_level or (scope.function is None and scope.cls is None)
    if not names:
        return False
    if module_level and context.imports.imports_any(MARKED_GATES):
        return True
    # `Routes._registrations` reads only the calls whose last name is a registering call's.
    return any(
        _names_one_of(call, names) for call, _ in context.candidates.calls if last_name(call.func) in REGISTRATION_WORDS
    )


def _names_one_of(call: ast.Call, names: set[str]) -> bool:
    for given in (*call.args, *(keyword.value for keyword in call.keywords)):
        value = given.value if isinstance(given, ast.Starred) else given
        name = value.id if isinstance(value, ast.Name) else value.attr if isinstance(value, ast.Attribute) else None
        if name in names:
            return True
    return False


def _compares_methods(context: Context) -> bool:
    """HTS904 on a 200 site needs the methods that reach it to be known and creating (`HandlerModel.methods_at`):
    outside a handler (when `may_have_handler` fails, no function is one) they start unknown, and only a test of
    `request.method` (`handlers.methods._method_comparison`) makes them known, so the text must hold `method`
    (or be other than ASCII, where a name can be spelt with letters that normalise to it)."""
    text = "".join(context.lines)
    return "method" in text or not text.isascii()


# `choices.payloads`: the keys one of which an error-shaped payload must have (`error_payload` answers None without
# one of its status, failure-flag, outcome, message or error keys).
PAYLOAD_KEYS: Final = frozenset(
    {"status", "code", "status_code", "statusCode", "http_status", "httpStatus", "http_code"}
    | {"success", "ok", "result", "message", "msg", "error", "errors"}
)


def _success_with_payload_keys(context: Context) -> bool:
    """HTS911 on a success site (`content._error_payloads`) reads the content the site's call renders: its
    argument, or a dict its function binds once (`_built_once`), so every dict or keyword it reads sits in the
    site's function, and an error payload has one of `PAYLOAD_KEYS` as a string key or a keyword's name."""
    seen: set[int] = set()
    for site in context.sites:
        function = site.scope.function
        if site.code not in _SUCCESS or site.role is not Role.SET or site.via is not None or function is None:
            continue
        if id(function) in seen:
            continue
        seen.add(id(function))
        for node in walk_nodes((function,)):  # a few times faster than `ast.walk`: asked of every success site
            kind = type(node)
            if kind is ast.keyword:
                if node.arg in PAYLOAD_KEYS:  # type: ignore[attr-defined]
                    return True
            elif kind is ast.Dict:
                for key in node.keys:  # type: ignore[attr-defined]
                    if isinstance(key, ast.Constant) and key.value in PAYLOAD_KEYS:
                        return True
    return False


def _once(gate: Gate) -> Gate:
    """`gate`, answered once per module: for a gate that several modules' gates ask (`may_have_handler`). The answers
    go with the module's context, which nothing else holds once the module is analysed."""
    answers: WeakKeyDictionary[Context, bool] = WeakKeyDictionary()

    def answered(context: Context) -> bool:
        answer = answers.get(context)
        if answer is None:
            answer = answers[context] = gate(context)
        return answer

    return answered


_HANDLER: Final = _once(may_have_handler)


def _either(*gates: Gate) -> Gate:
    return lambda context: any(gate(context) for gate in gates)


def _both(*gates: Gate) -> Gate:
    return lambda context: all(gate(context) for gate in gates)


_BODILESS: Final = frozenset({*range(100, 200), 204, 205, 304})
_SUCCESS: Final = frozenset(range(200, 300))
_CLIENT_ERRORS: Final = frozenset(range(400, 500))
_SERVER_ERRORS: Final = frozenset(range(500, 600))

# The gate of each module of `checkers.MODULES` that has one. `naming` (HTS001/HTS002), `mixing` (HTS004) and
# `validity` (HTS6xx) have none: they judge any site or constant.
GATES: Final[dict[str, Gate]] = {
    "status_lines": _status_lines,
    "arguments": _misplaced,
    # `candidates(401, 403)` and `carried_unauthorized` (any 401 site, a class attribute or a value carried).
    "choices.authentication": _either(_sends((401, 403)), _any_site((401,))),
    # 201 sites, 200 sites that only POST or PUT requests reach, and every handler's answers (an implicit 200 has
    # no site).
    "choices.created": _either(
        _sends((201,), frozenset({Role.SET, Role.RAISE, Role.ROUTE})),
        _HANDLER,
        _both(_sends((200,), frozenset({Role.SET})), _compares_methods),
    ),
    "choices.origin": _sends((203,), frozenset({Role.SET, Role.RAISE, Role.ROUTE, Role.CLASS})),
    # HTS906 on bodiless sites; HTS911 on success sites whose function builds an error-shaped payload, and every
    # handler's answers.
    "choices.content": _either(
        _sends(_BODILESS, frozenset({Role.SET, Role.ROUTE})), _HANDLER, _success_with_payload_keys
    ),
    "choices.methods": _sends((405, 501)),
    "choices.redirects": _sends((301, 302, 303, 307, 308), frozenset({Role.REDIRECT, Role.SET, Role.RAISE})),
    "choices.faults": _sends(_SERVER_ERRORS | _CLIENT_ERRORS),
    "choices.refusals": _sends((400, 404)),
    "choices.swallowed": _either(_sends(_CLIENT_ERRORS, frozenset({Role.RAISE})), _tries),
    "choices.retry": _sends((429, 503)),
    "choices.openapi": _documents,
    "choices.uncreated": _sends((201,), frozenset({Role.SET, Role.ROUTE})),
}
