"""What one module tells the rest of its project: its module summary, as plain data.

A summary is computed from the module's own code (`summarise`), with the summaries of the project modules it
uses for what they define, and never from the code that uses it. It holds:
- `rows`: functions, classes (their constructor) and methods (`Base.fail`) that take a status at a parameter,
  as the status flow found them (`analysis.flow.Helper`);
- `classes`: each top-level class's bases by absolute name, the names its body defines, and the attributes an
  error handler sends as the status (`carried`, with the row of the slot that sends them);
- `objects`: module-level objects made by calling a class (`bp = Blueprint(...)`), by the class's absolute name;
- `aliases`: what the module's own imports bind (`from .errors import ApiError` in an `__init__.py`), and
  `stars`, the modules it star-imports: how re-exports resolve.

It round-trips through JSON (`to_json`, `from_json`) for the on-disk cache; reading checks every field's type.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import Any

from ..analysis.flow import Flow
from ..analysis.imports import ImportMap
from ..analysis.project_facts import ProjectFacts
from ..api.rows import Api
from ..records import NamedTuple
from .api_codec import decode, encode

JSON = Any


class ClassFacts(NamedTuple):
    bases: tuple[str | None, ...]  # absolute names; None for a base the module cannot name (`make_base()`)
    defines: frozenset[str]  # methods and class attributes of its own body
    carried: dict[str, Api]  # attribute -> the row of the error handler's slot that sends it
    decorated: bool = False  # a class decorator may replace the class or wrap its methods


class ModuleSummary(NamedTuple):
    rows: dict[str, tuple[Api, ...]]
    classes: dict[str, ClassFacts]
    objects: dict[str, str]
    aliases: dict[str, str]
    stars: tuple[str, ...] = ()


EMPTY = ModuleSummary({}, {}, {}, {})


def summarise(
    name: str,
    tree: ast.Module,
    imports: ImportMap,
    bound: dict[str, int],
    facts: ProjectFacts | None,
    flow: Flow | None,
) -> ModuleSummary:
    """The summary of module `name`, from its analysis: the flow that ran on it (None when nothing needed one)."""
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
        tuple(imports.star_modules),
    )


def _absolute_names(
    tree: ast.Module, imports: ImportMap, bound: dict[str, int], facts: ProjectFacts | None, module: str
) -> Any:
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


def _objects(tree: ast.Module, bound: dict[str, int], names: Any) -> Iterator[tuple[str, str]]:
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
        for local in imports.relative:
            if bound.get(local, 0) == 1 and local in imports.placed:
                qualified = facts.qualify(ast.Name(local))
                if qualified is not None:
                    found[local] = qualified
    return found


# JSON -------------------------------------------------------------------------------------------------------


def to_json(summary: ModuleSummary) -> dict[str, JSON]:
    return {
        "rows": {key: [encode(api) for api in apis] for key, apis in summary.rows.items()},
        "classes": {
            key: {
                "bases": list(facts.bases),
                "defines": sorted(facts.defines),
                "carried": {attribute: encode(api) for attribute, api in facts.carried.items()},
                "decorated": facts.decorated,
            }
            for key, facts in summary.classes.items()
        },
        "objects": summary.objects,
        "aliases": summary.aliases,
        "stars": list(summary.stars),
    }


def from_json(data: JSON) -> ModuleSummary | None:
    """The summary `data` holds, or None when anything in it is not what `to_json` writes."""
    try:
        return _from_json(data)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def _from_json(data: JSON) -> ModuleSummary | None:
    rows = {_text(key): tuple(_api(item) for item in _list(apis)) for key, apis in _dict(data["rows"]).items()}
    classes = {_text(key): _class(value) for key, value in _dict(data["classes"]).items()}
    objects = {_text(key): _text(value) for key, value in _dict(data["objects"]).items()}
    aliases = {_text(key): _text(value) for key, value in _dict(data["aliases"]).items()}
    stars = tuple(_text(module) for module in _list(data["stars"]))
    return ModuleSummary(rows, classes, objects, aliases, stars)


def _class(data: JSON) -> ClassFacts:
    value = _dict(data)
    bases = tuple(None if base is None else _text(base) for base in _list(value["bases"]))
    carried = {_text(key): _api(api) for key, api in _dict(value["carried"]).items()}
    decorated = value["decorated"]
    if not isinstance(decorated, bool):
        raise TypeError(decorated)
    return ClassFacts(bases, frozenset(_text(name) for name in _list(value["defines"])), carried, decorated)


def _api(data: JSON) -> Api:
    api = decode(data)
    if api is None:
        raise ValueError(data)
    return api


def _dict(value: JSON) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise TypeError(value)
    return value


def _list(value: JSON) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(value)
    return value


def _text(value: JSON) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value
