"""Remove the imports that the fixes left unused, and nothing else.

HTS004 turns `HTTPStatus.NO_CONTENT` into `status.HTTP_204_NO_CONTENT`; when that was the module's
last use of `HTTPStatus`, its import is now unused and flake8 reports F401. A name is removed only
when every one of these holds, so that removing it cannot change what the program does:

* the file is not a package `__init__.py` (its imports are usually re-exports);
* the import is a plain module-level statement (not under `if`, `try` or in a function: a block
  left empty would need a `pass`), and either of a constant-family module (`http`, `fastapi`,
  `starlette`, `rest_framework`, `litestar`), whose import has no effect a program relies on, or a
  name whose statement keeps another name (`from pyramid.httpexceptions import HTTPFound,
  HTTPSeeOther` after an unsafe fix swapped the classes), so the module is still imported there.
  A whole statement of another module stays: it may be kept for what importing it does;
* before the fixes some name resolved to it (through the scopes), and it was the module's only
  binding of that name;
* after the fixes no name of that spelling is left anywhere in the module (even one a function binds
  for itself: the test is by spelling, not by scope), and no string holds it as a word (`__all__`, a
  string annotation, `getattr(module, "HTTPStatus")`, a docstring with a doctest), nor a type comment;
* the module never reaches its own namespace by other means: `globals()`, `locals()`, `vars()`,
  `dir()`, `eval`, `exec`, `__dict__`, `sys.modules`, or a module-level `__getattr__` / `__dir__`.

* it is not kept on purpose (`reexports.py`): no comment on its line (`# noqa: F401`, `# re-exported`),
  not the explicit `import X as X`, and `__all__`, if the module has one, is a literal list or tuple of
  strings.

What cannot be seen from one file is not seen: another module that imports the name from this one
(`from views import HTTPStatus`) would lose it, as it would after any F401 clean-up. The verifier
checks the removal again on its own (`removed_imports.py`).

Only the name goes (`from http import HTTPStatus, client` keeps `client`), with the comment at the
end of its own line; the whole statement goes when all its names do, and with it one of the blank
lines it leaves on both sides, so that the import groups stay as isort writes them.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import libcst as cst

from ..families import FAMILIES
from .import_names import remove_name
from .positions import first_line
from .reexports import commented_lines, dynamic_all, explicit_reexport, has_comment
from .scopes import Resolver
from .source import split_lines

_NAMESPACES = (*(family.namespace for family in FAMILIES.values()), "http.client.HTTPStatus")
_DYNAMIC_CALLS = frozenset({"globals", "locals", "vars", "dir", "eval", "exec"})
_DYNAMIC_DEFINITIONS = frozenset({"__getattr__", "__dir__"})
_WORD = re.compile(r"[^\W\d]\w*")
_TYPE_COMMENT = re.compile(r"#\s*type:")


@dataclass(frozen=True)
class _Unused:
    statement: ast.Import | ast.ImportFrom
    positions: frozenset[int]  # which of its names go


def remove_unused(original: ast.Module, original_text: str, text: str, *, package_init: bool) -> str:
    """`text` (the fixed module) without the imports the fixes left unused; `original` is the module before."""
    if package_init or not _fewer_mentions(original, original_text, text):
        return text
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):  # the verifier reports it
        return text
    if _reaches_its_namespace(tree) or dynamic_all(tree):
        return text
    unused = list(_unused(original, tree, text))
    lines = split_lines(text)
    for item in sorted(unused, key=lambda item: item.statement.lineno, reverse=True):
        lines = _without(lines, item)
    return "".join(lines)


def _fewer_mentions(original: ast.Module, before: str, after: str) -> bool:
    """Whether a name a module-level import binds is written fewer times after the fixes: the cheap
    test that lets most rewrites (a literal became a constant) skip the analysis."""
    for statement in original.body:
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            for alias in statement.names:
                target, local = _target(statement, alias)
                word = re.compile(rf"\b{re.escape(local)}\b")
                if target is not None and len(word.findall(after)) < len(word.findall(before)):
                    return True
    return False


def _unused(original: ast.Module, tree: ast.Module, text: str) -> Iterator[_Unused]:
    before, words = Resolver(original), _words(tree, text)
    bindings_before, bindings_after = _import_bindings(original), _import_bindings(tree)
    names_after = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    names_after |= {
        name for node in ast.walk(tree) if isinstance(node, (ast.Global, ast.Nonlocal)) for name in node.names
    }
    lines, comments = split_lines(text), commented_lines(text)
    for index, statement in enumerate(tree.body):
        if not isinstance(statement, (ast.Import, ast.ImportFrom)) or not _alone(tree.body, index, lines):
            continue
        family: set[int] = set()
        other: set[int] = set()
        for position, alias in enumerate(statement.names):
            target, local = _target(statement, alias)
            if target is None or explicit_reexport(alias) or has_comment(statement, alias, comments):
                continue
            if bindings_before.count(local) != 1 or bindings_after.count(local) != 1 or local in before.module.others:
                continue
            if local in names_after or local in words or not _used(before, original, local, target):
                continue
            (family if _family(target) else other).add(position)
        if len(family | other) == len(statement.names):
            other = set()  # the statement would go, and with it the import of a module that may matter
        if family or other:
            yield _Unused(statement, frozenset(family | other))


def _target(statement: ast.Import | ast.ImportFrom, alias: ast.alias) -> tuple[str | None, str]:
    """What the name refers to (None for relative and star imports) and the name it binds."""
    if isinstance(statement, ast.Import):
        local = alias.asname or alias.name.partition(".")[0]
        return (alias.name if alias.asname else local), local
    if statement.level or not statement.module or alias.name == "*" or statement.module == "__future__":
        return None, alias.asname or alias.name
    return f"{statement.module}.{alias.name}", alias.asname or alias.name


def _family(target: str) -> bool:
    return any(
        target == space or target.startswith(space + ".") or space.startswith(target + ".") for space in _NAMESPACES
    )


def _used(resolver: Resolver, tree: ast.Module, local: str, target: str) -> bool:
    return any(
        isinstance(node, ast.Name) and node.id == local and resolver.qualify(node) == target for node in ast.walk(tree)
    )


def _import_bindings(tree: ast.Module) -> list[str]:
    """Every name any import statement binds, anywhere in the module, once per binding."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found += [_target(node, alias)[1] for alias in node.names if alias.name != "*"]
    return found


def _words(tree: ast.Module, text: str) -> set[str]:
    """Every identifier-like word in the strings code can read and in type comments.

    Docstrings count only when they hold a doctest; other comments are for people.
    """
    found: set[str] = set()
    docstrings = {
        id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) not in docstrings or ">>>" in node.value:
            found.update(_WORD.findall(node.value))
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT and _TYPE_COMMENT.match(token.string):
                found.update(_WORD.findall(token.string))
    except (tokenize.TokenError, SyntaxError):
        found.add("")  # unreadable comments: treat every name as perhaps mentioned
    return found


def _reaches_its_namespace(tree: ast.Module) -> bool:
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in _DYNAMIC_CALLS:
            return True
        if isinstance(node, ast.Attribute) and (
            node.attr == "__dict__" or (node.attr == "modules" and isinstance(node.value, ast.Name))
        ):
            return True
    return any(
        isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and statement.name in _DYNAMIC_DEFINITIONS
        for statement in tree.body
    )


def _alone(body: Sequence[ast.stmt], index: int, lines: Sequence[str]) -> bool:
    """The statement has its lines to itself (no `import a; x = 1`) and starts its first line."""
    statement = body[index]
    first, last = first_line(statement), statement.end_lineno or statement.lineno
    if index > 0 and (body[index - 1].end_lineno or 0) >= first:
        return False
    if index + 1 < len(body) and body[index + 1].lineno <= last:
        return False
    return statement.col_offset == 0 and ";" not in lines[last - 1].partition("#")[0]


def _without(lines: list[str], item: _Unused) -> list[str]:
    statement = item.statement
    first, last = statement.lineno, statement.end_lineno or statement.lineno
    if len(item.positions) == len(statement.names):
        return _blank_lines_joined([*lines[: first - 1], *lines[last:]], first - 1)
    module = cst.parse_module("".join(lines[first - 1 : last]))
    line = module.body[0]
    assert isinstance(line, cst.SimpleStatementLine)
    small = line.body[0]
    for position in sorted(item.positions, reverse=True):
        small = _without_name(small, position)
    code = module.with_changes(body=[line.with_changes(body=[small])]).code
    return [*lines[: first - 1], *split_lines(code), *lines[last:]]


def _without_name(small: cst.BaseSmallStatement, position: int) -> cst.BaseSmallStatement:
    if isinstance(small, cst.ImportFrom):
        return remove_name(small, position)
    assert isinstance(small, cst.Import)
    names = list(small.names)
    names.pop(position)
    names[-1] = names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return small.with_changes(names=names)


def _blank_lines_joined(lines: list[str], at: int) -> list[str]:
    """Where a statement was taken out at `at`: the blank lines on both sides become as many as the larger side."""
    above = 0
    while at - above - 1 >= 0 and not lines[at - above - 1].strip():
        above += 1
    below = 0
    while at + below < len(lines) and not lines[at + below].strip():
        below += 1
    drop = below if above == at else min(above, below)  # nothing but blank lines above: the file's start
    return [*lines[:at], *lines[at + drop :]]
