"""What one module tells the rest of its project: its module summary, as plain data.

A summary is computed from the module's own code (`summarise`), with the summaries of the project modules it
uses for what they define, and never from the code that uses it. It holds:
- `rows`: functions, classes (their constructor) and methods (`Base.fail`) that take a status at a parameter,
  as the status flow found them (`analysis.flow.Helper`);
- `classes`: each top-level class's bases by absolute name, the names its body defines, and the attributes an
  error handler sends as the status (`carried`, with the row of the slot that sends them);
- `objects`: module-level objects made by calling a class (`bp = Blueprint(...)`), by the class's absolute name;
- `constants`: names bound once, at the top level or in the body of a plain holder class (`Codes.NOT_FOUND`), to a
  status literal or a status constant, and never rebound: by name, their status;
- `aliases`: what the module's own imports bind (`from .errors import ApiError` in an `__init__.py`), and
  `stars`, the modules it star-imports: how re-exports resolve;
- `roles` (full summaries only): which top-level functions are auth decorators, auth dependencies and creation
  helpers, which raise 4xx errors to their callers, and which module-level `Annotated` aliases wrap a user
  dependency (`handlers.project_roles` decides).

It round-trips through JSON (`to_json`, `from_json`) for the on-disk cache; reading checks every field's type.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from itertools import chain
from typing import TYPE_CHECKING, Protocol

from ..analysis.imports import ImportMap
from ..analysis.values import Spelling, read_value
from ..api.rows import Api
from ..records import NamedTuple
from .api_codec import decode, encode
from .json_reading import (
    JSON,
    MALFORMED,
    all_flags,
    all_mappings,
    all_optional_texts,
    all_texts,
    flag,
    integer_table,
    listing,
    mapping,
    text,
    text_table,
    texts,
)

if TYPE_CHECKING:
    from ..analysis.flow import Flow
    from ..analysis.module import AnalysedModule
    from ..analysis.project_facts import ProjectFacts


class ClassFacts(NamedTuple):
    bases: tuple[str | None, ...]  # absolute names; None for a base the module cannot name (`make_base()`)
    defines: frozenset[str]  # methods and class attributes of its own body
    carried: dict[str, Api]  # attribute -> the row of the error handler's slot that sends it
    decorated: bool = False  # a class decorator may replace the class or wrap its methods


class Roles(NamedTuple):
    """What the handler model needs to know of a module's own functions, by their names in the module. A name is
    here only when the module's code proves the role: unsure means absent."""

    auth_decorators: frozenset[str]  # `@staff_only`: the wrapper refuses anonymous requests
    # FastAPI dependencies: True resolves a user or refuses; False returns an optional user (`-> User | None`)
    auth_dependencies: dict[str, bool]
    creators: frozenset[str]  # functions that create a resource on every way out
    user_aliases: dict[str, bool]  # `CurrentUser = Annotated[User, Depends(...)]`, True/False as above
    raisers: dict[str, frozenset[int]]  # the 4xx statuses a function raises to its callers (`require_access`)


NO_ROLES = Roles(frozenset(), {}, frozenset(), {}, {})


class Judge(Protocol):
    """The handler layer's judge of a module's roles (`handlers.project_roles.judge`): the index sits below the
    handlers, so the engine hands it in."""

    def __call__(self, module: AnalysedModule) -> Roles: ...


class ModuleSummary(NamedTuple):
    rows: dict[str, tuple[Api, ...]]
    classes: Mapping[str, ClassFacts]  # a dict, or `_Classes` when read back from JSON
    objects: dict[str, str]
    aliases: dict[str, str]
    stars: tuple[str, ...] = ()
    names: frozenset[str] = frozenset()  # what the module's top level defines once: functions, classes, names
    exports: tuple[str, ...] | None = None  # `__all__`, when it is a literal list or tuple of strings
    # False: a shallow summary, made from the tree alone for what needs no analysis (bases, objects, re-exports):
    # its `rows` and `carried` are empty, not known
    full: bool = True
    roles: Roles = NO_ROLES
    # The module names the `WWW-Authenticate` header somewhere: an error handler of its classes may send a
    # challenge with the 401 a class carries (HTS903 stays silent then). Read from the tree, so shallow too.
    challenges: bool = False
    # `NOT_FOUND = 404`, `Codes.NOT_FOUND`: names whose value no code of the module can change. Read from the tree.
    constants: dict[str, int] = {}  # noqa: RUF012 (a record's default, never mutated)


EMPTY = ModuleSummary({}, {}, {}, {})


def summarise(
    name: str,
    tree: ast.Module,
    imports: ImportMap,
    facts: ProjectFacts | None,
    flow: Flow | None,
    *,
    full: bool,
    may_declare_global: bool = True,
    roles: Roles = NO_ROLES,
) -> ModuleSummary:
    """The summary of module `name`, from its tree and, when `full`, its analysis: the flow that ran on it (None
    when nothing needed one). The parts a shallow summary holds come out the same either way."""
    bound = top_level_bindings(tree, may_declare_global=may_declare_global)
    names = _absolute_names(tree, imports, bound, facts, name)
    rows: dict[str, list[Api]] = {}
    carried: dict[str, dict[str, Api]] = {}
    if flow is not None:
        for helper in flow.helpers.values():
            rows.setdefault(helper.name, []).append(helper.api)
        for (owner, attribute), api in flow.carried_rows.items():
            carried.setdefault(owner, {})[attribute] = api
    classes = {
        statement.name: ClassFacts(
            tuple(names(base) for base in statement.bases),
            frozenset(_defined(statement)),
            carried.get(statement.name, {}),
            bool(statement.decorator_list),
        )
        for statement in tree.body
        if isinstance(statement, ast.ClassDef) and bound.get(statement.name, 0) == 1
    }
    return ModuleSummary(
        {key: tuple(value) for key, value in rows.items()},
        classes,
        dict(_objects(tree, bound, names)),
        _aliases(imports, bound, facts),
        (*imports.star_modules, *_relative_stars(imports, facts)),
        frozenset(key for key, count in bound.items() if count == 1),
        _exports(tree, bound),
        full,
        roles,
        names_challenge(tree),
        dict(_constants(tree, bound, imports)),
    )


def names_challenge(tree: ast.Module) -> bool:
    """A string that is the `WWW-Authenticate` header's name, or a name that says it (`www_authenticate=`)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.lower() == "www-authenticate":
                return True
        elif isinstance(node, (ast.Name, ast.Attribute, ast.keyword)):
            name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else node.arg
            if name is not None and name.lower() == "www_authenticate":
                return True
    return False


def _constants(tree: ast.Module, bound: Counter[str], imports: ImportMap) -> Iterator[tuple[str, int]]:
    """Module names, and attributes of plain holder classes, bound once to a status. A binding in an `if` or a
    `try` counts towards `bound` but is never the one taken: on another way through the name is unbound."""
    for statement in tree.body:
        single = _single_binding(statement)
        if single is not None and bound.get(single[0], 0) == 1:
            code = _status_of(single[1], imports)
            if code is not None:
                yield single[0], code
        elif isinstance(statement, ast.ClassDef) and bound.get(statement.name, 0) == 1 and _plain(statement):
            yield from ((f"{statement.name}.{name}", code) for name, code in _held(statement, tree, imports))


def _plain(cls: ast.ClassDef) -> bool:
    """No decorator, metaclass or base (an `Enum` base makes members, another base may be anything): a class
    attribute read on the class is the value its body binds."""
    bases_ok = all(isinstance(base, ast.Name) and base.id == "object" for base in cls.bases)
    return bases_ok and not cls.keywords and not cls.decorator_list


def _held(cls: ast.ClassDef, tree: ast.Module, imports: ImportMap) -> Iterator[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for node in ast.walk(cls):  # nested scopes too, which only refuses more
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            counts[node.id] += 1
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not cls:
            counts[node.name] += 1
    for node in ast.walk(tree):  # `Codes.NOT_FOUND = 410` anywhere in the module
        if (
            isinstance(node, ast.Attribute)
            and not isinstance(node.ctx, ast.Load)
            and isinstance(node.value, ast.Name)
            and node.value.id == cls.name
        ):
            counts[node.attr] += 2
    for statement in cls.body:
        single = _single_binding(statement)
        if single is not None and counts[single[0]] == 1:
            code = _status_of(single[1], imports)
            if code is not None:
                yield single[0], code


def _single_binding(statement: ast.stmt) -> tuple[str, ast.expr] | None:
    """`NAME = value` or `NAME: T = value`, one plain name bound to one value."""
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, value = statement.targets[0], statement.value
    elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
        target, value = statement.target, statement.value
    else:
        return None
    return (target.id, value) if isinstance(target, ast.Name) else None


def _status_of(node: ast.expr, imports: ImportMap) -> int | None:
    """A 100-599 int literal, or a status constant of a library (`HTTPStatus.NOT_FOUND`): its code."""
    value = read_value(node, imports)
    code = value.code if value.spelling in (Spelling.CONSTANT, Spelling.LITERAL) else None
    return code if code is not None and 100 <= code <= 599 else None


def _relative_stars(imports: ImportMap, facts: ProjectFacts | None) -> Iterator[str]:
    if facts is None:
        return
    for level, dotted in imports.relative_stars:
        absolute = facts.absolute_module(level, dotted)
        if absolute is not None:
            yield absolute


def _exports(tree: ast.Module, bound: Counter[str]) -> tuple[str, ...] | None:
    """`__all__ = [...]` of string literals, bound once; None otherwise (then a star import takes public names)."""
    if bound.get("__all__", 0) != 1:
        return None
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in statement.targets
        ):
            value = statement.value
            if isinstance(value, (ast.List, ast.Tuple)) and all(
                isinstance(element, ast.Constant) and isinstance(element.value, str) for element in value.elts
            ):
                return tuple(str(element.value) for element in value.elts if isinstance(element, ast.Constant))
    return None


def top_level_bindings(tree: ast.Module, *, may_declare_global: bool = True) -> Counter[str]:
    """How often the module's top level binds each name (in `if`, `try` and `with` blocks too), with every name a
    function declares `global` counted twice: such a name is never one thing the summary can vouch for."""
    bound: Counter[str] = Counter()
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        statement = stack.pop()
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound[statement.name] += 1
        elif isinstance(statement, (ast.Import, ast.ImportFrom)):
            bound.update(alias.asname or alias.name.partition(".")[0] for alias in statement.names)
        elif isinstance(statement, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            for target in targets:
                bound.update(node.id for node in ast.walk(target) if isinstance(node, ast.Name))
        elif isinstance(statement, ast.Delete):
            bound.update(node.id for t in statement.targets for node in ast.walk(t) if isinstance(node, ast.Name))
        for block in ("body", "orelse", "finalbody", "handlers"):
            children = getattr(statement, block, None)
            if isinstance(children, list) and not isinstance(statement, _SCOPES):
                stack.extend(child for child in children if isinstance(child, ast.stmt))
                stack.extend(child for h in children if isinstance(h, ast.ExceptHandler) for child in h.body)
    if may_declare_global:  # the whole tree is walked only for a module whose text says `global`
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                bound.update(dict.fromkeys(node.names, 2))
    return bound


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _absolute_names(
    tree: ast.Module, imports: ImportMap, bound: dict[str, int], facts: ProjectFacts | None, module: str
) -> Callable[[ast.expr], str | None]:
    own = {s.name for s in tree.body if isinstance(s, ast.ClassDef) and bound.get(s.name, 0) == 1}

    def absolute(node: ast.expr) -> str | None:
        if isinstance(node, ast.Subscript):  # Generic[T], BaseView[Model]
            node = node.value
        if isinstance(node, ast.Name) and node.id in own:
            return f"{module}.{node.id}"
        if not isinstance(node, (ast.Name, ast.Attribute)):
            return None
        return imports.qualify(node) or (facts.qualify(node) if facts is not None else None)

    return absolute


def _defined(cls: ast.ClassDef) -> Iterator[str]:
    for statement in cls.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield statement.name
        elif isinstance(statement, ast.Assign):
            yield from (target.id for target in statement.targets if isinstance(target, ast.Name))
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            yield statement.target.id


def _objects(
    tree: ast.Module, bound: dict[str, int], names: Callable[[ast.expr], str | None]
) -> Iterator[tuple[str, str]]:
    for statement in tree.body:
        if not (isinstance(statement, (ast.Assign, ast.AnnAssign)) and isinstance(statement.value, ast.Call)):
            continue
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        if len(targets) != 1 or not isinstance(targets[0], ast.Name) or bound.get(targets[0].id, 0) != 1:
            continue
        made = names(statement.value.func)
        if made is not None:
            yield targets[0].id, made


def _aliases(imports: ImportMap, bound: dict[str, int], facts: ProjectFacts | None) -> dict[str, str]:
    found = {local: qualified for local, qualified in imports.module_level.items() if bound.get(local, 0) == 1}
    if facts is not None:
        for local, (level, dotted) in imports.relative.items():
            if bound.get(local, 0) == 1 and local in imports.placed:
                qualified = facts.absolute_module(level, dotted)
                if qualified is not None:
                    found[local] = qualified
    return found


# JSON -------------------------------------------------------------------------------------------------------


def to_json(summary: ModuleSummary) -> dict[str, JSON]:
    return {
        "rows": {key: [encode(api) for api in apis] for key, apis in summary.rows.items()},
        "classes": _class_columns(summary.classes),
        "objects": summary.objects,
        "aliases": summary.aliases,
        "stars": list(summary.stars),
        "names": sorted(summary.names),
        "exports": None if summary.exports is None else list(summary.exports),
        "full": summary.full,
        "roles": {
            "auth_decorators": sorted(summary.roles.auth_decorators),
            "auth_dependencies": summary.roles.auth_dependencies,
            "creators": sorted(summary.roles.creators),
            "user_aliases": summary.roles.user_aliases,
            "raisers": {name: sorted(codes) for name, codes in summary.roles.raisers.items()},
        },
        "challenges": summary.challenges,
        "constants": summary.constants,
    }


def _class_columns(classes: Mapping[str, ClassFacts]) -> dict[str, JSON]:
    """The classes as columns, one list per field in the order of `names`: reading them back checks each field of
    every class at once (`_classes`), where an object per class took a round of checks each."""
    facts = list(classes.values())
    return {
        "names": list(classes),
        "bases": [list(cls.bases) for cls in facts],
        "defines": [sorted(cls.defines) for cls in facts],
        "carried": [{attribute: encode(api) for attribute, api in cls.carried.items()} for cls in facts],
        "decorated": [cls.decorated for cls in facts],
    }


def from_json(data: JSON) -> ModuleSummary | None:
    """The summary `data` holds, or None when anything in it is not what `to_json` writes."""
    try:
        return _from_json(data)
    except MALFORMED:
        return None


def _from_json(data: JSON) -> ModuleSummary | None:
    rows = {text(key): tuple(_api(item) for item in listing(apis)) for key, apis in mapping(data["rows"]).items()}
    classes = _classes(data["classes"])
    objects = dict(text_table(data["objects"]))
    aliases = dict(text_table(data["aliases"]))
    stars = tuple(texts(data["stars"]))
    names = frozenset(texts(data["names"]))
    exports = None if data["exports"] is None else tuple(texts(data["exports"]))
    full = flag(data["full"])
    roles = _roles(data["roles"])
    challenges = flag(data["challenges"])
    constants = dict(integer_table(data["constants"]))
    return ModuleSummary(rows, classes, objects, aliases, stars, names, exports, full, roles, challenges, constants)


def _roles(data: JSON) -> Roles:
    value = mapping(data)
    return Roles(
        frozenset(texts(value["auth_decorators"])),
        {text(key): flag(required) for key, required in mapping(value["auth_dependencies"]).items()},
        frozenset(texts(value["creators"])),
        {text(key): flag(required) for key, required in mapping(value["user_aliases"]).items()},
        {text(key): frozenset(map(_status, listing(codes))) for key, codes in mapping(value["raisers"]).items()},
    )


def _status(data: JSON) -> int:
    if not isinstance(data, int) or isinstance(data, bool):
        raise TypeError(data)
    return data


_ClassData = tuple[list[str | None], list[str], dict[str, JSON], bool]  # bases, defines, carried, decorated


class _Classes(Mapping[str, ClassFacts]):
    """The classes of a summary read back from JSON, checked in full (`_classes`) but each made into `ClassFacts`
    when it is first asked for: most summaries are read for one of their classes or none (a star import's module is
    read for its names), and making them all was most of the cost of reading a summary from the cache."""

    __slots__ = ("_data", "_made")

    def __init__(self, data: dict[str, _ClassData]) -> None:
        self._data = data
        self._made: dict[str, ClassFacts] = {}

    def __getitem__(self, name: str) -> ClassFacts:
        made = self._made.get(name)
        if made is None:
            bases, defines, carried, decorated = self._data[name]
            rows = {attribute: _api(api) for attribute, api in carried.items()}  # checked: never raises
            made = self._made[name] = ClassFacts(tuple(bases), frozenset(defines), rows, decorated)
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def _classes(data: JSON) -> _Classes:
    """The columns `_class_columns` writes, each checked in one pass over every class: a malformed class refuses
    the summary as a whole, as when each was read in full."""
    value = mapping(data)
    names = texts(value["names"])
    bases, defines, carried, decorated = (listing(value[field]) for field in _CLASS_FIELDS)
    all_optional_texts(bases)
    all_texts(defines)
    all_flags(decorated)
    all_mappings(carried)
    all_texts(map(list, carried))
    for api in chain.from_iterable(map(dict.values, carried)):  # few: attributes an error handler sends
        _api(api)
    # strict: a column of another length is a ValueError
    return _Classes(dict(zip(names, zip(bases, defines, carried, decorated, strict=True), strict=True)))


_CLASS_FIELDS = ("bases", "defines", "carried", "decorated")


def _api(data: JSON) -> Api:
    api = decode(data)
    if api is None:
        raise ValueError(data)
    return api
