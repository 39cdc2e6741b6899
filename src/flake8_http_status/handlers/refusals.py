"""Why a branch refuses a request: the credentials failed (HTS918) or the user lacks a right (HTS919).

Credentials are what the client sends to say who it is: the `Authorization` header, an API-key header, an
`api_key` query parameter, or a FastAPI parameter declared as one of them. A name bound from such a read (or
from a name that is) holds a credential; a name bound from a call that takes one is the result of looking
the credential up (`User.query.filter_by(api_key=key).first()`). A branch refuses the credentials where its
condition says one is absent (`if not token:`), does not match (`!= API_KEY`), or was not found (`user is None`).

Nothing else counts: a token read from the body or the path is a password-reset or invitation token as often
as a credential, and there a 400 or a 404 may be right.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable

from ..analysis.imports import ImportMap
from ..analysis.receivers import last_name
from ..analysis.sites import FunctionNode
from ..lazy_pattern import LazyPattern
from .module import ModuleNames
from .syntax import is_none

# What a failed check refuses; the rule modules turn these into message phrases.
MISSING = "missing credentials"
UNKNOWN = "an unknown credential"
WRONG = "a wrong credential"
ROLE = "a missing role"
PERMISSION = "a missing permission"
NOT_OWNER = "a non-owner"

_HEADER = LazyPattern(r"\A(?:x-)?(?:authorization|api-?key|apikey|api-?token|auth-?token|access-?token|token)\Z")
_QUERY = LazyPattern(r"\A(?:api[-_]?key|apikey|api[-_]?token|access[-_]?token|auth[-_]?token)\Z")
_HEADER_HOLDERS = frozenset({"headers", "META"})
_QUERY_HOLDERS = frozenset({"args", "GET", "query_params", "query", "params"})
_QUERY_READERS = frozenset({"get_argument", "get_query_argument", "get_param"})  # Tornado, Falcon
_REQUESTS = frozenset({"request", "req"})
_REQUEST_CREDENTIALS = frozenset({"authorization", "auth", "token"})  # Werkzeug, Falcon, DRF, Sanic
# Calls that reshape a credential without looking it up: their result is still the credential.
_RESHAPES = frozenset(
    {"strip", "lstrip", "rstrip", "split", "rsplit", "partition", "rpartition", "replace", "removeprefix", "lower"}
)
# Calls whose false result says the credential is malformed rather than wrong.
_NOT_CHECKS = frozenset({"isinstance", "len", "hasattr", "callable", "bool", "startswith", "endswith", "match"})
_BUILT = (ast.Dict, ast.List, ast.Tuple, ast.Set, ast.JoinedStr)
_FASTAPI_HEADER = frozenset({"fastapi.Header", "fastapi.param_functions.Header", "fastapi.params.Header"})
_FASTAPI_QUERY = frozenset({"fastapi.Query", "fastapi.param_functions.Query", "fastapi.params.Query"})
_FASTAPI_DEPENDS = frozenset(
    {"fastapi.Depends", "fastapi.Security", "fastapi.params.Depends", "fastapi.params.Security"}
)
_SECURITY_SCHEMES = "fastapi.security."

_USERS = frozenset({"user", "current_user", "request_user", "auth_user", "logged_in_user"})
_ROLE_FLAG = LazyPattern(r"\Ais_(?:admin|superuser|staff|moderator|manager|owner)\Z")
_PERMISSION_METHODS = frozenset(
    {"has_perm", "has_perms", "has_role", "has_roles", "has_any_role", "has_permission", "has_permissions", "can"}
)
_OWNERS = frozenset(
    {"owner", "owner_id", "user", "user_id", "author", "author_id", "created_by", "created_by_id", "creator_id"}
)
_ROLE_ATTRIBUTES = frozenset({"role", "roles", "groups", "permissions"})
# Methods of the user that answer whether it has a role: `role_admin()`, `is_admin()`.
_ROLE_METHOD = LazyPattern(rf"\Arole_\w+\Z|{_ROLE_FLAG.pattern}")
# Functions named for checking the current user's permission on what they are given: a false result refuses
# (`check_shelf_edit_permissions(shelf)`, `has_edit_permission(post)`).
_PERMISSION_CHECK = LazyPattern(r"\A(?:check|has|user_has|can)_(?:\w+_)?perm(?:ission)?s?\Z")

Judge = Callable[[ast.expr, bool], "str | None"]


class Credentials:
    """The names of one function that hold a credential, and those that hold what a lookup by one found."""

    def __init__(self, function: FunctionNode, imports: ImportMap, names: ModuleNames) -> None:
        self.held: set[str] = set(_parameters(function, imports, names))
        self.found: set[str] = set()
        assignments = [
            node for node in ast.walk(function) if isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr))
        ]
        changed = True
        while changed:  # a name bound from a name bound from a header: follow until nothing changes
            changed = False
            for node in assignments:
                if node.value is None or isinstance(node.value, _BUILT) or not self.mentions(node.value):
                    continue  # `{"Authorization": token}` or `f"Bearer {token}"` goes out to another server
                kind = self.found if _looks_up(node.value) else self.held
                for target in _targets(node):
                    if target not in self.held and target not in self.found:
                        kind.add(target)
                        changed = True

    def mentions(self, node: ast.AST) -> bool:
        """`node` reads a credential: from the request, or through a name that holds one."""
        return any(
            (isinstance(inner, ast.Name) and inner.id in self.held)
            or (isinstance(inner, ast.expr) and is_source(inner))
            for inner in ast.walk(node)
        )

    def failure(self, test: ast.expr, holds: bool) -> str | None:
        """What the credentials lack where `test` is `holds`, or None when that says nothing about them."""
        return evaluate(test, holds, self._atom)

    def _atom(self, test: ast.expr, holds: bool) -> str | None:
        subject, absent_when = _absence(test, holds)
        if subject is not None and absent_when:
            if isinstance(subject, ast.Name) and subject.id in self.found:
                return UNKNOWN
            if self._is_credential(subject):
                return MISSING
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            op, left, right = test.ops[0], test.left, test.comparators[0]
            if isinstance(op, (ast.In, ast.NotIn)) and _is_text(left) and _header_holder(right):
                missing = holds is isinstance(op, ast.NotIn)  # `"X-API-Key" not in request.headers`
                return MISSING if missing and _HEADER.match(_header_name(left)) else None
            differs = holds is isinstance(op, (ast.NotEq, ast.IsNot, ast.NotIn))
            if differs and isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)):
                # `token != settings.API_KEY`; not `scheme != "Bearer"`, which finds the header malformed
                pairs = ((left, right), (right, left)) if isinstance(op, (ast.Eq, ast.NotEq)) else ((left, right),)
                if any(self._is_credential(one) and not _is_text(other) and not is_none(other) for one, other in pairs):
                    return WRONG
        if isinstance(test, ast.Await):
            test = test.value
        if isinstance(test, ast.Call) and not holds and last_name(test.func) not in _NOT_CHECKS:
            # `check_password(auth.password)`, `hmac.compare_digest(key, expected)` returned false
            return WRONG if any(self.mentions(arg) for arg in test.args) else None
        return None

    def _is_credential(self, node: ast.expr) -> bool:
        if isinstance(node, ast.Await):
            node = node.value
        return (isinstance(node, ast.Name) and node.id in self.held) or is_source(node)


def permission_failure(test: ast.expr, holds: bool) -> str | None:
    """What right the user lacks where `test` is `holds` (`not user.is_admin`, `obj.owner != request.user`)."""
    return evaluate(test, holds, _permission_atom)


def evaluate(test: ast.expr, holds: bool, atom: Judge) -> str | None:
    """`atom`'s answer for the parts of `test` that must hold where `test` is `holds`; for an alternative
    (`a or b` true) every part must give one, since any of them may be the one that held."""
    while isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        test, holds = test.operand, not holds
    if isinstance(test, ast.BoolOp):
        each_holds = isinstance(test.op, ast.And) is holds  # `a and b` true: both; `a or b` false: neither
        answers = [evaluate(value, holds, atom) for value in test.values]
        if each_holds:
            return next((answer for answer in answers if answer is not None), None)
        return answers[0] if all(answer is not None for answer in answers) else None
    return atom(test, holds)


def _permission_atom(test: ast.expr, holds: bool) -> str | None:
    if isinstance(test, ast.Attribute) and not holds and _ROLE_FLAG.match(test.attr) and _is_user(test.value):
        return ROLE
    if isinstance(test, ast.Await):
        test = test.value
    func = test.func if isinstance(test, ast.Call) else None
    if not holds and isinstance(func, ast.Attribute) and func.attr in _PERMISSION_METHODS and _is_user(func.value):
        return PERMISSION
    if not holds and func is not None and _PERMISSION_CHECK.match(last_name(func)):
        return PERMISSION
    if not holds and isinstance(func, ast.Attribute) and _is_user(func.value) and _ROLE_METHOD.match(func.attr):
        return ROLE  # `current_user.role_edit_shelfs()`, `user.is_admin()`
    if not isinstance(test, ast.Compare) or len(test.ops) != 1:
        return None
    op, left, right = test.ops[0], test.left, test.comparators[0]
    differs = holds is isinstance(op, (ast.NotEq, ast.IsNot, ast.NotIn))
    if not differs or not isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot, ast.In, ast.NotIn)):
        return None
    if isinstance(op, (ast.In, ast.NotIn)):
        roles = isinstance(right, ast.Attribute) and right.attr in _ROLE_ATTRIBUTES and _is_user(right.value)
        listed = _is_user_attribute(left, frozenset({"role"})) and _all_text(right)
        return ROLE if (roles and _is_text(left)) or listed else None
    for one, other in ((left, right), (right, left)):
        if _is_user_attribute(one, frozenset({"role"})) and _is_text(other):
            return ROLE
        if _owned(one) and (_is_user(other) or _is_user_attribute(other, frozenset({"id", "pk"}))):
            return NOT_OWNER
    return None


# Reading credentials ---------------------------------------------------------------------------------------


def is_source(node: ast.expr) -> bool:
    """`node` reads a credential from the request: a header, an API-key query parameter, `request.authorization`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
        func, key = node.func, node.args[0]
        if not _is_text(key):
            return False
        if func.attr == "get" and _header_holder(func.value):
            return bool(_HEADER.match(_header_name(key)))
        if func.attr == "get_header":
            return bool(_HEADER.match(_header_name(key)))
        if func.attr == "get" and isinstance(func.value, ast.Attribute) and func.value.attr in _QUERY_HOLDERS:
            return bool(_QUERY.match(_text(key)))
        if func.attr in _QUERY_READERS:
            return bool(_QUERY.match(_text(key)))
        return False
    if isinstance(node, ast.Subscript) and _is_text(node.slice) and _header_holder(node.value):
        return bool(_HEADER.match(_header_name(node.slice)))
    if isinstance(node, ast.Attribute) and node.attr in _REQUEST_CREDENTIALS:
        return last_name(node.value) in _REQUESTS
    return False


def _header_holder(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in _HEADER_HOLDERS


def _header_name(node: ast.expr) -> str:
    name = _text(node).lower().replace("_", "-")
    return name[len("http-") :] if name.startswith("http-") else name  # Django's META keys


def _parameters(function: FunctionNode, imports: ImportMap, names: ModuleNames) -> Iterable[str]:
    """FastAPI parameters that receive a credential: `authorization: str = Header(None)`, `x_api_key =
    Header(None)`, `api_key = Query(None)`, `token: str = Depends(oauth2_scheme)` for a `fastapi.security` scheme."""
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    defaults: list[tuple[ast.arg, ast.expr | None]] = [
        *zip(positional[len(positional) - len(arguments.defaults) :], arguments.defaults, strict=True),
        *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
    ]
    for parameter in [*positional, *arguments.kwonlyargs]:
        given = [value for arg, value in defaults if arg is parameter and value is not None]
        annotation = parameter.annotation
        if isinstance(annotation, ast.Subscript) and last_name(annotation.value) == "Annotated":
            metadata = annotation.slice.elts[1:] if isinstance(annotation.slice, ast.Tuple) else []
            given += metadata
        if any(_declares_credential(value, parameter.arg, imports, names) for value in given):
            yield parameter.arg


def _declares_credential(value: ast.expr, name: str, imports: ImportMap, names: ModuleNames) -> bool:
    if not isinstance(value, ast.Call):
        return False
    qualified = imports.qualify(value.func) or ""
    alias = next((k.value for k in value.keywords if k.arg == "alias"), None)
    sent = _text(alias) if alias is not None and _is_text(alias) else name
    if qualified in _FASTAPI_HEADER:
        return bool(_HEADER.match(sent.lower().replace("_", "-")))
    if qualified in _FASTAPI_QUERY:
        return bool(_QUERY.match(sent.lower()))
    if qualified in _FASTAPI_DEPENDS and value.args and isinstance(value.args[0], ast.Name):
        made = names.values.get(value.args[0].id)
        scheme = imports.qualify(made.func) if isinstance(made, ast.Call) else None
        return scheme is not None and scheme.startswith(_SECURITY_SCHEMES)
    return False


def _looks_up(value: ast.expr) -> bool:
    """`value` is the result of a call that takes a credential rather than the credential reshaped."""
    node = value.value if isinstance(value, ast.Await) else value
    while isinstance(node, ast.Subscript):
        node = node.value
    if not isinstance(node, ast.Call) or is_source(node):
        return False
    return last_name(node.func) not in _RESHAPES and last_name(node.func) not in ("get", "get_header")


def _absence(test: ast.expr, holds: bool) -> tuple[ast.expr | None, bool]:
    """The expression `test` checks for absence, and whether it is absent where `test` is `holds`:
    `token` (absent when false), `token is None` (when true), `token == ""` (when true)."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        op, other = test.ops[0], test.comparators[0]
        if is_none(other) or _is_empty(other):
            if isinstance(op, (ast.Is, ast.Eq)):
                return test.left, holds
            if isinstance(op, (ast.IsNot, ast.NotEq)):
                return test.left, not holds
        return None, False
    if isinstance(test, (ast.Name, ast.Attribute, ast.Call, ast.Subscript, ast.Await)):
        return test, not holds
    return None, False


def _targets(node: ast.Assign | ast.AnnAssign | ast.NamedExpr) -> Iterable[str]:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        for inner in ast.walk(target):
            if isinstance(inner, ast.Name):
                yield inner.id


# Reading users ---------------------------------------------------------------------------------------------


def _is_user(node: ast.expr) -> bool:
    """`user`, `current_user`, `request.user`, `g.user`, `self.current_user`."""
    return isinstance(node, (ast.Name, ast.Attribute)) and last_name(node) in _USERS


def _is_user_attribute(node: ast.expr, attributes: frozenset[str]) -> bool:
    return isinstance(node, ast.Attribute) and node.attr in attributes and _is_user(node.value)


def _owned(node: ast.expr) -> bool:
    """`post.owner`, `note.user_id`: an object's owner, on an object that is not itself the user."""
    return isinstance(node, ast.Attribute) and node.attr in _OWNERS and not _is_user(node.value)


# Literals --------------------------------------------------------------------------------------------------


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _text(node: ast.AST) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _is_empty(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in ("", None)


def _all_text(node: ast.expr) -> bool:
    return isinstance(node, (ast.Tuple, ast.List, ast.Set)) and bool(node.elts) and all(map(_is_text, node.elts))
