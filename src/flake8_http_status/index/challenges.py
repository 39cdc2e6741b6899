"""Whether the project answers the 401s its framework raises with a challenge, through an app-wide error handler.

Flask and Quart send `abort(401)` and a raised `Unauthorized` through the handler registered for 401,
`Unauthorized`, `HTTPException` or `Exception`; FastAPI and Starlette send a raised `HTTPException` through the
one registered for it or for 401. Such a handler may live in a module that no view imports (`error_handler.py`,
registered from `main.py`), so the question is asked of the whole project, once per process: its Python files are
listed (without tests, virtual environments and build output), only those whose bytes name the header are parsed,
and each is searched for a function that sets `WWW-Authenticate` and that the same module registers as such a
handler. A response a view returns goes out as it is, through no handler: the rules ask only about raised 401s.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final

from ..analysis.imports import ImportMap, collect_imports
from ..analysis.test_modules import is_test_module
from .roots import SKIPPED

_MENTION: Final = re.compile(rb"www[-_]authenticate", re.IGNORECASE)
_HEADER: Final = "www-authenticate"
_SETTERS: Final = frozenset({"set", "add", "add_header", "setdefault", "append", "extend", "__setitem__"})

# The frameworks whose raised 401s reach a handler registered for the key, by the key's qualified name.
_WERKZEUG: Final = frozenset({"flask", "quart", "werkzeug"})
_WERKZEUG_KEYS: Final = frozenset(
    {
        "werkzeug.exceptions.HTTPException",
        "werkzeug.exceptions.Unauthorized",
        "werkzeug.exceptions.default_exceptions",  # the loop over every HTTP error class (by code)
        "quart.exceptions.HTTPException",
        "builtins.Exception",  # Flask looks HTTP exceptions up by class too, up to Exception
        "builtins.BaseException",
    }
)
_STARLETTE_KEYS: Final = {
    "starlette.exceptions.HTTPException": frozenset({"fastapi", "starlette"}),
    "fastapi.HTTPException": frozenset({"fastapi"}),  # a subclass: Starlette's own are not handled by it
    "fastapi.exceptions.HTTPException": frozenset({"fastapi"}),
}
_UNAUTHORIZED_NAMES: Final = frozenset(
    {
        "http.HTTPStatus.UNAUTHORIZED",
        "fastapi.status.HTTP_401_UNAUTHORIZED",
        "starlette.status.HTTP_401_UNAUTHORIZED",
    }
)
_WERKZEUG_METHODS: Final = frozenset({"errorhandler", "app_errorhandler"})  # decorator factories
_WERKZEUG_REGISTER: Final = "register_error_handler"
_STARLETTE_METHOD: Final = "exception_handler"
_STARLETTE_REGISTER: Final = "add_exception_handler"

# (key, handler, the loop variables in scope and what they iterate, whether it is Starlette's API)
_Registration = tuple[ast.expr, ast.AST, Mapping[str, ast.expr], bool]


def challenged_401s(root: Path) -> frozenset[str]:
    """The frameworks whose raised 401s a handler registered somewhere under `root` answers with a challenge."""
    found: set[str] = set()
    for path in _mentioning(root):
        try:
            tree = ast.parse(path.read_bytes(), str(path))
        except (OSError, SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        found |= module_challenges(tree)
    return frozenset(found)


def _mentioning(root: Path) -> Iterator[Path]:
    """The project's Python files, outside tests, whose bytes name the header."""
    for folder, directories, names in os.walk(root):
        directories[:] = sorted(name for name in directories if _walked(folder, name))
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            if is_test_module(path):
                continue
            try:
                with open(path, "rb") as file:
                    data = file.read()
            except OSError:
                continue
            if _MENTION.search(data):
                yield Path(path)


def _walked(folder: str, name: str) -> bool:
    if name in SKIPPED or name.startswith(".") or name.endswith((".egg-info", ".egg")) or name == "site-packages":
        return False
    return not os.path.isfile(os.path.join(folder, name, "pyvenv.cfg"))  # a virtual environment by another name


def module_challenges(tree: ast.Module) -> frozenset[str]:
    """The frameworks for which the module registers an error handler that sets the challenge."""
    return frozenset(_Registrations(tree).frameworks())


class _Registrations:
    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.imports: ImportMap = collect_imports(tree)
        self.functions: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions.setdefault(node.name, []).append(node)

    def frameworks(self) -> set[str]:
        found: set[str] = set()
        for key, handler, loops, starlette in self._registered(self.tree, {}):
            if _sets_challenge(handler):
                found |= self._served(key, loops, starlette=starlette)
        return found

    def _registered(self, node: ast.AST, loops: Mapping[str, ast.expr]) -> Iterator[_Registration]:
        """(key, handler, the loops around the registration, Starlette's API) for every registration."""
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for decorator in node.decorator_list:
                method = _method(decorator)
                registers = method in _WERKZEUG_METHODS or method == _STARLETTE_METHOD
                if registers and isinstance(decorator, ast.Call) and decorator.args:
                    yield decorator.args[0], node, loops, method == _STARLETTE_METHOD
        elif isinstance(node, ast.Call):
            yield from self._called(node, loops)
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            loops = {**loops, node.target.id: node.iter}
        for child in ast.iter_child_nodes(node):
            yield from self._registered(child, loops)

    def _called(self, call: ast.Call, loops: Mapping[str, ast.expr]) -> Iterator[_Registration]:
        method = _method(call)
        if method in (_WERKZEUG_REGISTER, _STARLETTE_REGISTER) and len(call.args) == 2:
            for handler in self._functions(call.args[1]):
                yield call.args[0], handler, loops, method == _STARLETTE_REGISTER
        inner = _method(call.func)  # `app.errorhandler(401)(handler)`
        if inner in _WERKZEUG_METHODS and isinstance(call.func, ast.Call) and call.func.args and len(call.args) == 1:
            for handler in self._functions(call.args[0]):
                yield call.func.args[0], handler, loops, False
        if self._is_starlette_app(call.func):  # `FastAPI(exception_handlers={401: handler})`
            for keyword in call.keywords:
                if keyword.arg == "exception_handlers" and isinstance(keyword.value, ast.Dict):
                    for key, value in zip(keyword.value.keys, keyword.value.values, strict=True):
                        if key is not None:  # None: `**more_handlers`
                            yield from ((key, handler, loops, True) for handler in self._functions(value))

    def _functions(self, node: ast.expr) -> list[ast.AST]:
        """The module's functions a handler argument names; none when one definition of the name sets no challenge
        (which one runs is not followed), or when the argument is anything else."""
        if isinstance(node, ast.Lambda):
            return [node]
        if not isinstance(node, ast.Name) or node.id in self.imports.names:
            return []
        defined = self.functions.get(node.id, [])
        return list(defined) if all(_sets_challenge(function) for function in defined) else []

    def _is_starlette_app(self, func: ast.expr) -> bool:
        qualified = self.imports.qualify(func)
        return qualified is not None and qualified.partition(".")[0] in ("fastapi", "starlette")

    def _served(self, key: ast.expr, loops: Mapping[str, ast.expr], *, starlette: bool) -> frozenset[str]:
        """The frameworks whose raised 401s reach a handler registered for `key`."""
        if isinstance(key, ast.Name) and key.id in loops:
            iterated = loops[key.id]
            if isinstance(iterated, (ast.List, ast.Tuple, ast.Set)):
                return frozenset().union(*(self._served(item, {}, starlette=starlette) for item in iterated.elts))
            key = _unwrapped(iterated)
        if _is_401(key) or self._qualified(key) in _UNAUTHORIZED_NAMES:
            return frozenset({"fastapi", "starlette"}) if starlette else _WERKZEUG
        qualified = self._qualified(key)
        if qualified is None:
            return frozenset()
        if starlette:
            return _STARLETTE_KEYS.get(qualified, frozenset())
        return _WERKZEUG if qualified in _WERKZEUG_KEYS else frozenset()

    def _qualified(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Name) and node.id in ("Exception", "BaseException"):
            return None if node.id in self.functions or node.id in self.imports.names else f"builtins.{node.id}"
        return self.imports.qualify(node)


def _method(node: ast.expr) -> str | None:
    """The method name of `<receiver>.<method>(...)`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _unwrapped(node: ast.expr) -> ast.expr:
    """`default_exceptions.keys()` and `.values()` iterate what the mapping itself holds, for this question."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("keys", "values")
        and not node.args
    ):
        return node.func.value
    return node


def _is_401(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and type(node.value) is int and node.value == 401


def _sets_challenge(function: ast.AST) -> bool:
    """The function puts `WWW-Authenticate` on a response: a mapping key, an item assignment, a setter's first
    argument, a `(name, value)` pair, or werkzeug's `www_authenticate=`. Reading or removing it does not count."""
    for node in ast.walk(function):
        if isinstance(node, ast.Dict) and any(_is_header(key) for key in node.keys if key is not None):
            return True
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and _is_header(node.slice):
            return True
        if isinstance(node, ast.Call):
            if _method(node) in _SETTERS and node.args and _is_header(node.args[0]):
                return True
            if any(keyword.arg == "www_authenticate" for keyword in node.keywords):
                return True
        if isinstance(node, ast.Tuple) and len(node.elts) == 2 and _is_header(node.elts[0]):
            return True
    return False


def _is_header(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.lower() == _HEADER
