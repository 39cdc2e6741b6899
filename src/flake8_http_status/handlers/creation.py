"""Which calls in a function create a resource: `Model.objects.create(...)`, `session.add(Model(...))`,
`serializer.save()` on a serializer built without an instance, `insert_one(...)`, `repo.create(...)`, and calls of
the project's own creation helpers (`services.add_book(...)`), which the project index knows from their code.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ..analysis.collect import Bindings
from ..analysis.imports import ImportMap
from ..analysis.match import argument
from ..analysis.nodes import dotted
from ..analysis.receivers import last_name
from ..api import INJECTED_TYPES
from ..api.idioms import Creation
from ..lazy_pattern import LazyPattern
from ..records import NamedTuple
from .body_index import BodyIndex
from .table import Idioms

if TYPE_CHECKING:
    from ..analysis.project_facts import ProjectFacts

# Class methods that build a new instance from data (pydantic, SQLModel, marshmallow-style models).
_BUILDERS = frozenset({"model_validate", "from_orm", "parse_obj", "model_construct", "construct", "from_dict"})
# Methods that turn an insert into an upsert (Peewee, SQLAlchemy's PostgreSQL/SQLite/MySQL dialects, Mongo):
# the row may exist already, so nothing need be created.
_UPSERTS = frozenset(
    {
        "on_conflict",
        "on_conflict_replace",
        "on_conflict_ignore",
        "on_conflict_do_update",
        "on_conflict_do_nothing",
        "on_duplicate_key_update",
        "prefix_with",
        "or_replace",
        "or_ignore",
    }
)
# Rows whose class says it records something that happened rather than a resource the client asked for.
# Whole words only: `AuditLog`, `login_history`, `History`, but not `Blog` or `catalog`.
_RECORDS = LazyPattern(
    r"(\A|_)(?i:log|logs|log_entry|history|audit\w*)\Z|[a-z0-9](Log|Logs|LogEntry|History|HistoryEntry)\Z|\A(?i:audit)(\Z|_|[A-Z])"
)


class Created(NamedTuple):
    call: ast.Call
    row: Creation


@lru_cache(maxsize=256)
def _pattern(text: str) -> re.Pattern[str]:
    return re.compile(text)


class Creations:
    def __init__(
        self, idioms: Idioms, imports: ImportMap, bindings: Bindings, project: ProjectFacts | None = None
    ) -> None:
        self.idioms = idioms
        self.imports = imports
        self.bindings = bindings
        self.project = project
        # Functions of this module known to create (the project index's judge fills it while it decides them).
        self.local_helpers: frozenset[str] = frozenset()

    def find(self, index: BodyIndex, received: frozenset[str] = frozenset()) -> list[Created]:
        """Creating calls; `received` names objects the handler received in the request body (also new)."""
        upserts = _upserted(index)
        return [
            Created(call, row)
            for call in index.calls
            if id(call) not in upserts and not _list_insert(call)
            for row in self._rows(call)
            if self._matches(call, row, index, received)
        ]

    def calls_helper(self, index: BodyIndex) -> bool:
        """Some call in the body is of a creation helper (the name filter on the text cannot know them)."""
        return (self.project is not None or bool(self.local_helpers)) and any(
            self._helper(call.func) for call in index.calls
        )

    def _helper(self, func: ast.expr) -> bool:
        if isinstance(func, ast.Name) and func.id in self.local_helpers and self.bindings.bound[func.id] == 1:
            return True
        if self.project is None or not isinstance(func, (ast.Name, ast.Attribute)):
            return False
        qualified = self.imports.qualify(func) or self.project.qualify(func)
        return qualified is not None and self.project.creates(qualified)

    def _rows(self, call: ast.Call) -> Iterator[Creation]:
        func = call.func
        if self._helper(func):  # a project function that creates (`handlers.project_roles` decided it)
            yield Creation(f"{dotted(func) or last_name(func)}()", names=(dotted(func) or "",), heuristic=True)
            return
        qualified = self.imports.qualify(func)
        yield from self.idioms.creation_names.get(qualified or "", ())
        text = dotted(func)
        if text is not None:
            for name, rows in self.idioms.creation_names.items():
                if text != qualified and (text == name or text.endswith(f".{name}") or name.endswith(f".{text}")):
                    yield from (row for row in rows if row.heuristic)
        if isinstance(func, ast.Attribute):
            yield from self.idioms.creation_attributes.get(func.attr, ())
            for prefix, row in self.idioms.creation_prefixes:
                if func.attr.startswith(prefix):
                    yield row

    def _matches(self, call: ast.Call, row: Creation, index: BodyIndex, received: frozenset[str]) -> bool:
        if row.names and not row.attributes:
            return True  # matched by name already
        func = call.func
        if not isinstance(func, ast.Attribute):
            return False
        if row.receiver is not None and not self._receiver_matches(func.value, row.receiver):
            return False
        if row.fresh_argument:
            first = call.args[0] if call.args else None
            if isinstance(first, ast.Name) and first.id in received and first.id not in index.assigned:
                return True
            return first is not None and is_fresh(first, index)
        if row.unbound is not None:
            return not call.args and self._unbound(func.value, row, index)
        return True

    def _receiver_matches(self, receiver: ast.expr, pattern: str) -> bool:
        """The receiver's dotted text, or the class it is annotated or built with, matches `pattern`."""
        text = dotted(receiver)
        if text is not None and _pattern(pattern).search(text):
            return True
        bound = self.bindings.type_of(receiver.id) if isinstance(receiver, ast.Name) else None
        return bound is not None and _pattern(pattern).search(bound.rpartition(".")[2]) is not None

    def _unbound(self, receiver: ast.expr, row: Creation, index: BodyIndex) -> bool:
        """The receiver was built in the function from a matching class, never with an instance."""
        if not isinstance(receiver, ast.Name):
            return False
        values = index.assigned.get(receiver.id, [])
        if not values:
            return False
        for value in values:
            if not isinstance(value, ast.Call) or not _pattern(row.unbound or "").search(last_name(value.func)):
                return False
            if row.unbound_instance is not None and argument(value, row.unbound_instance) is not None:
                return False
        return True


def _upserted(index: BodyIndex) -> set[int]:
    """The calls inside an upsert chain: `Model.insert(...).on_conflict_replace()`, `insert(T).on_conflict_do_nothing()`;
    also a Mongo write with `upsert=True`."""
    found: set[int] = set()
    for call in index.calls:
        func = call.func
        if any(keyword.arg == "upsert" for keyword in call.keywords):
            found.add(id(call))
        if not isinstance(func, ast.Attribute) or func.attr not in _UPSERTS:
            continue
        inner: ast.expr = func.value
        while isinstance(inner, (ast.Call, ast.Attribute)):
            if isinstance(inner, ast.Call):
                found.add(id(inner))
                inner = inner.func
            else:
                inner = inner.value
    return found


def _list_insert(call: ast.Call) -> bool:
    """`rows.insert(0, row)`: a list's insert takes a position first, a table's a row or a table name."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr != "insert" or len(call.args) != 2:
        return False
    first = call.args[0]
    return not (isinstance(first, ast.Constant) and isinstance(first.value, str))


def records_event(created: Created, index: BodyIndex) -> bool:
    """The creation writes a log, audit or history row (`db.session.add(AuditLog(...))`, `History(...).add()`):
    a side record of the request, not the resource it asks for."""
    return any(_RECORDS.search(name) is not None for name in _created_classes(created, index))


def _created_classes(created: Created, index: BodyIndex) -> Iterator[str]:
    call, func = created.call, created.call.func
    receiver = func.value if isinstance(func, ast.Attribute) else None
    while isinstance(receiver, ast.Attribute):  # `AuditLog.objects.create(...)`
        yield receiver.attr
        receiver = receiver.value
    if isinstance(receiver, ast.Name):
        yield receiver.id
        yield from (_class_name(value) for value in index.assigned.get(receiver.id, []))
    if call.args:
        first = call.args[0]
        yield _class_name(first)
        if isinstance(first, ast.Name):
            yield from (_class_name(value) for value in index.assigned.get(first.id, []))


def _class_name(value: ast.expr | None) -> str:
    if isinstance(value, ast.Await):
        value = value.value
    return last_name(value.func) if isinstance(value, ast.Call) else ""


def created_names(created: Created, index: BodyIndex) -> frozenset[str]:
    """Names that hold what the creation made, or something made from it: the name the call's result is
    bound to (`item = repo.add(...)`), the new object passed in (`session.add(item)`), the receiver saved
    (`serializer.save()`, `item.save()`), and names later bound to expressions of those (`data = item.to_dict()`)."""
    call, func = created.call, created.call.func
    names: set[str] = set()
    if call.args and isinstance(call.args[0], ast.Name):
        names.add(call.args[0].id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in index.assigned:
        names.add(func.value.id)
    for name, values in index.assigned.items():
        if any(_holds(value, call) for value in values):
            names.add(name)
    for _ in range(3):  # a few steps of `data = schema.dump(item)`; longer chains are rare
        grown = {
            name
            for name, values in index.assigned.items()
            if name not in names and any(value is not None and _mentions(value, names) for value in values)
        }
        if not grown:
            break
        names |= grown
    return frozenset(names)


def _holds(value: ast.expr | None, call: ast.Call) -> bool:
    """`value` is the call, or a chain on it (`User.insert(...).execute()`, `(await repo.add(x)).id`)."""
    node: ast.expr | None = value
    while node is not None:
        if node is call:
            return True
        if isinstance(node, ast.Await):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            node = node.value
        else:
            return False
    return False


def _mentions(node: ast.AST, names: set[str] | frozenset[str]) -> bool:
    return any(isinstance(child, ast.Name) and child.id in names for child in ast.walk(node))


def answers_with(created: Created, index: BodyIndex, content: ast.expr) -> bool:
    """The answer may be about what the creation made: it contains the creating call or names its result, or
    nothing names the result (`session.add(Thing(...))` then `{"created": True}`) so the answer cannot be
    about anything else the creation made. A result that has a name the answer leaves out, in an answer built
    of literals alone (`run = start(...)` then `{"status": "started"}`), was a by-product. An answer that reads
    other data (`Response(serializer.data)` after `MealPlan.objects.create(...)`) may still describe it."""
    if any(child is created.call for child in ast.walk(content)):
        return True
    names = created_names(created, index)
    return not names or _mentions(content, names) or _reads_data(content)


def _reads_data(node: ast.expr) -> bool:
    """`node` reads a name other than a callee (`serializer.data`, `schema.dump(x)`; not `jsonify(ok=True)`)."""
    callees = {id(child.func) for child in ast.walk(node) if isinstance(child, ast.Call)}
    return any(isinstance(child, ast.Name) and id(child) not in callees for child in ast.walk(node))


def body_parameters(function: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[str]:
    """Parameters without a default annotated with a model class: FastAPI and Litestar pass the request body
    there (`def create(hero: Hero, session: SessionDep)`), so the object is new."""
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    without_default = positional[: len(positional) - len(args.defaults)]
    without_default += [arg for arg, default in zip(args.kwonlyargs, args.kw_defaults, strict=True) if default is None]
    names = set()
    for arg in without_default:
        annotation = arg.annotation
        name = last_name(annotation) if isinstance(annotation, (ast.Name, ast.Attribute)) else ""
        if name[:1].isupper() and name not in INJECTED_TYPES:  # the framework's own objects
            names.add(arg.arg)
    return frozenset(names)


def is_fresh(node: ast.expr, index: BodyIndex) -> bool:
    """An object built here: `Model(...)`, `Model.model_validate(...)`, or a name only ever bound to one."""
    if isinstance(node, ast.Name):
        values = index.assigned.get(node.id, [])
        return bool(values) and all(value is not None and _built(value) for value in values)
    return _built(node)


def _built(node: ast.expr) -> bool:
    if isinstance(node, ast.Await):
        node = node.value
    if not isinstance(node, ast.Call):
        return False
    name = last_name(node.func)
    if name in _BUILDERS and isinstance(node.func, ast.Attribute):
        name = last_name(node.func.value)
    return name[:1].isupper() and not name.isupper()


def stores_new(index: BodyIndex, module_names: frozenset[str]) -> ast.stmt | None:
    """`TODOS[todo.id] = todo` with `todo = Todo(...)`: an object built here, stored in a module-level container
    (an in-memory store). Only a helper named for creating counts it (see `handlers.project_roles`)."""
    for target, value, stmt in index.items:
        if (
            isinstance(target.value, ast.Name)
            and target.value.id in module_names
            and target.value.id not in index.assigned
            and is_fresh(value, index)
        ):
            return stmt
    return None
