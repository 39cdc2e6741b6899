"""The handler model: the questions HTS9xx rules ask about the code around a status.

It is built lazily per module (when a rule first asks) and per function (when a rule asks about a
site in it), so modules and functions without relevant sites cost nothing.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING

from ..analysis.module import AnalysedModule
from ..analysis.receivers import Receivers
from ..analysis.sites import FunctionNode, Scope, Site
from ..analysis.test_modules import is_test_module
from ..api import MODULES, idiom_modules, reached_modules, table_of
from ..api.idioms import Evidence, ExceptionRow, Fault
from ..api.rows import Api, Role
from ..lazy_pattern import LazyPattern
from ..records import NamedTuple
from .body_index import BodyIndex, index_body
from .flow import (
    Path,
    dominates,
    except_clauses,
    facts,
    path_to,
    try_body,
    walk_function,
    walk_statement,
)
from .methods import ANY, Methods, narrow
from .module import ModuleNames, module_names
from .responses import Content, Headers, content_of
from .routes import Handler, Routes
from .table import Idioms, idioms_for

if TYPE_CHECKING:
    # Imported where first used: the authentication state, the creations and the plain answers are asked for by
    # some rules only, which their gates (`rules/gates.py`) often skip.
    from .answers import Answer
    from .auth import AuthModel, AuthState
    from .creation import Created, Creations

# Calls that report an error but return normally: the code after them still runs.
_RETURNING_RAISERS = frozenset({"send_error"})
_BUILDS = frozenset({Role.SET, Role.RAISE, Role.REDIRECT})
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_SERVER_SIDE = frozenset({Fault.SERVER, Fault.UPSTREAM, Fault.UPSTREAM_TIMEOUT})


class Caught(NamedTuple):
    """The `except` clause around a point, what it handles, and what the guarded code must show."""

    fault: Fault
    clause: ast.ExceptHandler
    evidence: frozenset[Evidence]


class HandlerModel:
    def __init__(self, module: AnalysedModule) -> None:
        self.module = module
        # The declarations the module's imports can reach, as for its status table (`engine.build_context`): every
        # one for a module with project facts, which (a base class, an app object of another module) may lead to any.
        packages = {name.partition(".")[0] for name in module.imports.modules}
        everything = module.project is not None
        self._status_modules = MODULES if everything else reached_modules(packages)
        self.idioms: Idioms = idioms_for(module.settings, MODULES if everything else idiom_modules(packages))
        self.receivers = Receivers(module.imports, module.bindings, in_tests=self.in_tests, project=module.project)
        candidates = module.candidates
        self.routes = Routes(self.idioms, module.imports, self.receivers, candidates.calls, candidates.module_functions)
        self._bodies: dict[int, BodyIndex] = {}
        self._paths: dict[tuple[int, int], Path] = {}
        self._request_names: dict[int, frozenset[str]] = {}
        self._sent_names: dict[tuple[int, int | None], frozenset[str]] = {}
        self._client_names: dict[int, frozenset[str]] = {}
        self._provided: dict[str, bool] = {}
        self._answers: dict[int, list[Answer]] = {}
        self.named: dict[int, str] = {}  # how messages name a status in this module, once per code

    # Module ------------------------------------------------------------------------------------------

    @cached_property
    def in_tests(self) -> bool:
        """Test modules build responses to exercise clients; the HTS9xx rules leave them alone."""
        return is_test_module(self.module.filename)

    @cached_property
    def names(self) -> ModuleNames:
        return module_names(self.module.tree)

    @cached_property
    def creations(self) -> Creations:
        from .creation import Creations

        module = self.module
        return Creations(self.idioms, module.imports, module.bindings, module.project)

    @cached_property
    def auth(self) -> AuthModel:
        from .auth import AuthModel

        return AuthModel(self.idioms, self.module.imports, self.receivers, self.names, self.module.tree)

    @cached_property
    def headers(self) -> Headers:
        return Headers(self.idioms, self.module_provides)

    def module_provides(self, header: str) -> bool:
        """The module names `header` somewhere other than a function that sets it on its own response: at
        module level, in a helper, an error handler or a hook, any of which may add it to other responses."""
        name = header.lower()
        if name not in self._provided:
            self._provided[name] = any(not self._sets_own(line) for line in self._mentions(name))
        return self._provided[name]

    def _mentions(self, name: str) -> Iterator[int]:
        quoted = (f'"{name}"', f"'{name}'")
        for number, line in enumerate(self.module.lines, start=1):
            lowered = line.lower()
            if name in lowered and any(text in lowered for text in quoted):
                yield number

    def _sets_own(self, line: int) -> bool:
        """The line lies in a function that builds a response itself and is not an error handler."""
        enclosing = [
            function
            for function, _ in self.module.candidates.functions
            if function.lineno <= line <= (function.end_lineno or function.lineno)
        ]
        if not enclosing:
            return False
        function = max(enclosing, key=lambda candidate: candidate.lineno)
        if any(
            site.role is Role.ERROR_HANDLER
            for decorator in function.decorator_list
            for site in self.sites_at(decorator)
        ):
            return False
        return any(site.role in _BUILDS for site in self.sites_in(function))

    @cached_property
    def _scopes(self) -> dict[int, Scope]:
        """Each function's own scope (whose `method_of` says which class it is a method of)."""
        return {id(function): _own_scope(function, outer) for function, outer in self.module.candidates.functions}

    @cached_property
    def _by_anchor(self) -> dict[int, list[Site]]:
        index: dict[int, list[Site]] = defaultdict(list)
        for site in self.module.sites:
            index[id(site.anchor)].append(site)
        return index

    @cached_property
    def _by_function(self) -> dict[int, list[Site]]:
        index: dict[int, list[Site]] = defaultdict(list)
        for site in self.module.sites:
            if site.scope.function is not None:
                index[id(site.scope.function)].append(site)
        return index

    @cached_property
    def _decorated(self) -> dict[int, FunctionNode]:
        return {
            id(decorator): function
            for function, _ in self.module.candidates.functions
            for decorator in function.decorator_list
        }

    def decorated_by(self, decorator: ast.AST) -> FunctionNode | None:
        """The function a decorator call (a route's site) belongs to."""
        return self._decorated.get(id(decorator))

    def sites_at(self, node: ast.AST) -> list[Site]:
        return self._by_anchor.get(id(node), [])

    def sites_in(self, function: FunctionNode) -> list[Site]:
        return self._by_function.get(id(function), [])

    # Functions ---------------------------------------------------------------------------------------

    def scope_of(self, function: FunctionNode) -> Scope:
        scope = self._scopes.get(id(function))
        return scope if scope is not None else Scope(function, None)

    @cached_property
    def all_handlers(self) -> list[Handler]:
        """Every handler in the module, in source order."""
        found = []
        for function, outer in self.module.candidates.functions:
            if self.routes.worth_classifying(function, outer):
                handler = self.routes.handler(function, _own_scope(function, outer))
                if handler is not None:
                    found.append(handler)
        return found

    def handler(self, function: FunctionNode | None) -> Handler | None:
        if function is None:
            return None
        return self.routes.handler(function, self.scope_of(function))

    def body_index(self, function: FunctionNode) -> BodyIndex:
        key = id(function)
        if key not in self._bodies:
            self._bodies[key] = index_body(function)
        return self._bodies[key]

    def path(self, function: FunctionNode, node: ast.AST) -> Path:
        key = (id(function), id(node))
        if key not in self._paths:
            self._paths[key] = path_to(function, node)
        return self._paths[key]

    def exits(self, block: list[ast.stmt]) -> bool:
        """The block never falls through to the statement after it."""
        if not block:
            return False
        last = block[-1]
        if isinstance(last, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
            return True
        if isinstance(last, ast.Expr):
            value = last.value.value if isinstance(last.value, ast.Await) else last.value
            return any(
                site.role is Role.RAISE and site.api.label.rpartition(".")[2] not in _RETURNING_RAISERS
                for site in self.sites_at(value)
            )
        if isinstance(last, ast.If):
            return self.exits(last.body) and self.exits(last.orelse)
        if isinstance(last, (ast.With, ast.AsyncWith)):
            return self.exits(last.body)
        if isinstance(last, ast.Try):
            return self.exits(last.finalbody) or (
                self.exits(last.body) and all(self.exits(h.body) for h in last.handlers)
            )
        return False

    # Questions ---------------------------------------------------------------------------------------

    def methods_at(self, function: FunctionNode, node: ast.AST) -> Methods:
        """The HTTP methods whose requests can reach `node`."""
        handler = self.handler(function)
        methods = handler.methods if handler is not None else ANY
        for fact in facts(self.path(function, node), self.exits):
            methods = narrow(methods, fact)
        return methods

    def auth_at(self, function: FunctionNode, node: ast.AST) -> AuthState:
        methods = self.methods_at(function, node)
        return self.auth.state_at(function, self.scope_of(function), node, methods, self.exits)

    def created_before(self, function: FunctionNode, node: ast.AST) -> list[Created]:
        """Creations that run on every way to `node`."""
        found = self.creations_in(function)
        if not found:
            return []
        target = self.path(function, node)
        return [created for created in found if dominates(self.path(function, created.call), target, self.exits)]

    def creations_in(self, function: FunctionNode) -> list[Created]:
        """Creating calls anywhere in the function (on some way or other)."""
        if not self.may_create(function):
            return []
        handler = self.handler(function)
        plain = self.idioms.plain_returns.get(handler.framework) if handler is not None else None
        from .creation import body_parameters

        received = body_parameters(function) if plain is not None and plain.body_parameters else frozenset()
        return self.creations.find(self.body_index(function), received)

    def in_loop(self, function: FunctionNode, node: ast.AST) -> bool:
        """`node` runs once per item of a loop in the function, or of a comprehension in its statement."""
        path = self.path(function, node)
        if any(isinstance(step.owner, (ast.For, ast.AsyncFor, ast.While)) for step in path):
            return True
        return bool(path) and any(
            isinstance(outer, _COMPREHENSIONS) and any(inner is node for inner in ast.walk(outer))
            for outer in walk_statement(path[-1].stmt)
        )

    def except_clauses(self, function: FunctionNode, node: ast.AST) -> list[ast.ExceptHandler]:
        return except_clauses(self.path(function, node))

    def fault_at(self, function: FunctionNode, node: ast.AST) -> Caught | None:
        """What the innermost `except` clause around `node` handles, when all its exceptions agree.

        A bare `except:` catches what `except BaseException` does. An upstream timeout caught together with
        other upstream failures is an upstream fault."""
        clauses = self.except_clauses(function, node)
        if not clauses:
            return None
        clause = clauses[0]
        rows = [self._exception_row(exception) for exception in caught_classes(clause)]
        faults = {row.fault if row is not None else None for row in rows}
        if faults == {Fault.UPSTREAM, Fault.UPSTREAM_TIMEOUT}:
            faults = {Fault.UPSTREAM}
        elif Fault.SERVER in faults and faults <= _SERVER_SIDE:
            faults = {Fault.SERVER}  # a database down and a session misused: the server failed either way
        fault = faults.pop() if len(faults) == 1 else None
        if fault is None:
            return None
        return Caught(fault, clause, frozenset(row.evidence for row in rows if row is not None))

    def _exception_row(self, exception: ast.expr) -> ExceptionRow | None:
        if isinstance(exception, ast.Name) and exception.id not in self.module.imports.names:
            if exception.id in self.receivers.bindings.classes:
                return None  # a project class that shadows the builtin
            return self.idioms.builtin_exceptions.get(exception.id)
        return self.idioms.exceptions.get(self.module.imports.qualify(exception) or "")

    def only_parses(self, function: FunctionNode, statements: list[ast.stmt]) -> bool:
        """The statements do nothing but read and validate the request (see `handlers.parsing`)."""
        names = self.request_names(function)
        data = self.idioms.request_data
        imports = self.module.imports
        bound = self.receivers.bindings.bound
        from .inputs import reads_request
        from .parsing import Parsing

        parsing = Parsing(
            lambda node: reads_request(node, data, names),
            imports.qualify,
            lambda name: name in imports.names or bound[name] > 0,
        )
        return parsing.only_parses(statements)

    def calls_out(self, statements: list[ast.stmt], function: FunctionNode | None = None) -> bool:
        """The statements call another server (an HTTP client), directly or, given the function, through a
        client it created earlier (`session = aiohttp.ClientSession(...)`, `async with httpx.AsyncClient() as c:`)."""
        clients = self._clients(function) if function is not None else frozenset()
        for stmt in statements:
            for node in ast.walk(stmt):
                if isinstance(node, ast.Name) and node.id in clients:
                    return True
                if isinstance(node, (ast.Name, ast.Attribute)) and self._outgoing(node):
                    return True
        return False

    def outgoing_call(self, function: FunctionNode, call: ast.Call) -> bool:
        """`call` reaches another server: an HTTP client's function, or a method of a client the function made."""
        func = call.func
        if self._outgoing(func):
            return True
        receiver = func.value if isinstance(func, ast.Attribute) else None
        return isinstance(receiver, ast.Name) and receiver.id in self._clients(function)

    def _outgoing(self, node: ast.expr) -> bool:
        qualified = self.module.imports.qualify(node)
        if not qualified:
            return False
        return any(qualified == p or qualified.startswith(f"{p}.") for p in self.idioms.outgoing)

    def _clients(self, function: FunctionNode) -> frozenset[str]:
        """Local names the function binds to an HTTP client's object."""
        key = id(function)
        if key not in self._client_names:
            self._client_names[key] = self._find_clients(function)
        return self._client_names[key]

    def _find_clients(self, function: FunctionNode) -> frozenset[str]:
        found: set[str] = set()
        for node in walk_function(function):
            pairs: list[tuple[ast.expr, ast.expr]] = []
            if isinstance(node, ast.Assign):
                pairs = [(target, node.value) for target in node.targets]
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                pairs = [(node.optional_vars, node.context_expr)]
            for target, value in pairs:
                call = value.value if isinstance(value, ast.Await) else value
                if isinstance(target, ast.Name) and isinstance(call, ast.Call) and self._outgoing(call.func):
                    found.add(target.id)
        return frozenset(found)

    def guarded_statements(self, function: FunctionNode, clause: ast.ExceptHandler) -> list[ast.stmt]:
        return try_body(self.path(function, clause.body[0]), clause) if clause.body else []

    def reads_request(self, function: FunctionNode, statements: list[ast.stmt]) -> bool:
        from .inputs import reads_request as reads  # what a handler reads of its request: a few rules ask

        names = self.request_names(function)
        return any(reads(stmt, self.idioms.request_data, names) for stmt in statements)

    def request_names(self, function: FunctionNode) -> frozenset[str]:
        """Names that hold request data (see `_request_names`)."""
        key = id(function)
        if key not in self._request_names:
            from .inputs import request_names

            self._request_names[key] = request_names(
                function,
                self.body_index(function),
                self.idioms.request_data,
                self.handler(function) is not None,
            )
        return self._request_names[key]

    def sent(self, function: FunctionNode, node: ast.expr, before: int | None = None) -> bool:
        """`node` is a value the client sent, taken as it is (see `inputs.sent_value`), counting only assignments
        above line `before` when given (code below a test cannot change what it saw, outside a loop)."""
        from .inputs import sent_names, sent_value

        key = (id(function), before)
        if key not in self._sent_names:
            index = self.body_index(function)
            self._sent_names[key] = sent_names(function, index, self.idioms.request_data, before)
        return sent_value(node, self.idioms.request_data, self._sent_names[key])

    def has_header(self, site: Site, header: str) -> bool:
        """Whether the response built at `site` may carry `header` (True when unsure)."""
        function = site.scope.function
        if function is not None and self.passed_on(function, site.anchor):
            return True  # the call it is handed to may add the header, or never send the response
        return self.headers.has(site, header, self.body_index(function) if function is not None else None)

    def passed_on(self, function: FunctionNode, node: ast.AST) -> bool:
        """`node` is an argument of a call the plugin does not know: `raise Fault(HTTPTooManyRequests())`,
        `render_error(HTTPServiceUnavailable(), request)`. What reaches the client is up to that call."""
        if not isinstance(node, ast.Call):
            return False
        path = self.path(function, node)
        if not path:
            return False
        for outer in walk_statement(path[-1].stmt):
            if isinstance(outer, ast.Call) and outer is not node and _is_argument(outer, node):
                return not self.sites_at(outer) and self.module.imports.qualify(outer.func) not in self._status_calls
        return False

    @property
    def _status_calls(self) -> dict[str, tuple[Api, ...]]:
        """The calls of the module's status table, without project rows: a name qualified through the module's
        imports is a call of any framework only if it is one of a framework those imports reach (`reach.REACHED_BY`
        holds the package of every call's name), so these answer as every framework's calls do."""
        return table_of(self._status_modules).calls

    def content(self, site: Site) -> Content | None:
        return content_of(site, self.idioms)

    def is_final(self, site: Site) -> bool:
        """The status set at `site` is the one that goes out: the response is returned, raised or kept
        in a variable whose status nothing changes later."""
        function = site.scope.function
        if function is None:
            return False
        path = self.path(function, site.anchor)
        if not path:
            return False
        stmt = path[-1].stmt
        if isinstance(stmt, ast.Return):
            return stmt is site.anchor or stmt.value is site.anchor or _in_tuple(stmt.value, site.anchor)
        if isinstance(stmt, ast.Raise):
            return stmt is site.anchor or stmt.exc is site.anchor
        if isinstance(stmt, ast.Assign) and stmt.value is site.anchor and len(stmt.targets) == 1:
            target = stmt.targets[0]
            index = self.body_index(function)
            return (
                isinstance(target, ast.Name)
                and target.id not in index.restatused
                and not _returned_with_status(index, target.id)
            )
        return False

    def route_sites(self, handler: Handler) -> list[Site]:
        return [site for route in handler.routes for site in self.sites_at(route) if site.role is Role.ROUTE]

    def answers(self, handler: Handler) -> list[Answer]:
        """Content the handler sends without a response object, with the status it goes out with."""
        key = id(handler.function)
        if key not in self._answers:
            from .answers import answers

            self._answers[key] = answers(self, handler)
        return self._answers[key]

    def mentions(self, function: FunctionNode, pattern: re.Pattern[str] | LazyPattern) -> bool:
        """A cheap text test on the function's source lines, to skip walking functions that cannot matter."""
        start, end = function.lineno, function.end_lineno or function.lineno
        return pattern.search("".join(self.module.lines[start - 1 : end])) is not None

    def may_create(self, function: FunctionNode) -> bool:
        return self.mentions(function, self.idioms.creation_words) or self.calls_creation_helper(function)

    def calls_creation_helper(self, function: FunctionNode) -> bool:
        """Some call in the function is of a creation helper: a project's, or one of this module's that the project
        index's judge named (it names them on `creations`). Without a project and before the judge named any, none
        is: answered without importing `creation`, which a module that creates nothing never needs."""
        if self.module.project is None and "creations" not in self.__dict__:
            return False
        return self.creations.calls_helper(self.body_index(function))


def caught_classes(clause: ast.ExceptHandler) -> list[ast.expr]:
    """The classes an `except` clause names; a bare `except:` names `BaseException`."""
    caught = clause.type
    if caught is None:
        return [ast.Name("BaseException", ast.Load())]
    return list(caught.elts) if isinstance(caught, ast.Tuple) else [caught]


def _own_scope(function: FunctionNode, outer: Scope) -> Scope:
    """A function's own scope from the one around it: a method when it sits directly in a class body."""
    return Scope(function, outer.cls, outer.cls if outer.function is None else None)


def _is_argument(call: ast.Call, node: ast.AST) -> bool:
    return any(arg is node for arg in call.args) or any(keyword.value is node for keyword in call.keywords)


def _in_tuple(value: ast.expr | None, anchor: ast.AST) -> bool:
    return isinstance(value, ast.Tuple) and any(element is anchor for element in value.elts)


def _returned_with_status(index: BodyIndex, name: str) -> bool:
    """`return response, 404`: the tuple's status replaces the one the response was built with."""
    for ret in index.returns:
        value = ret.value
        if isinstance(value, ast.Tuple) and len(value.elts) >= 2:  # (content, status[, headers])
            first = value.elts[0]
            if isinstance(first, ast.Name) and first.id == name:
                return True
    return False
