"""The check that stands between a rewrite and the disk: the new module means what the old one meant.

Both modules are parsed with `ast` and compared node by node. In each, every name that resolves
(through that module's own imports and scopes) to a status constant counts as its integer, and the
imports the fixes added, and those the rewrite removed once `removed_imports` has found them unused,
are set aside. Everything else must be identical. Unsafe fixes are meant to change the program, so the
original they are compared with is the original with exactly those edits spliced into its text:
anything the rewrite changed beyond them still shows up.
"""

from __future__ import annotations

import ast
import warnings
from collections.abc import Iterable, Mapping, Sequence

from ..engine import project_facts_for
from ..families import Target, constant_for
from ..findings import Edit, Finding, FixSafety, NewImport
from ..options import Settings
from .bindings import check_bindings
from .errors import FixError, FixFailure
from .positions import byte_offset, first_line, line_starts
from .removed_imports import removed_imports
from .scopes import Resolver
from .source import split_lines
from .value_types import check_value_types
from .version_facts import check_versions


def check_equivalent(
    original: str,
    lines: Sequence[str],
    tree: ast.Module,
    rewritten: str,
    applied: Sequence[Finding],
    *,
    project_constants: Mapping[str, int] | None = None,
    target: Target | None = None,
    filename: str = "",
    settings: Settings | None = None,
) -> ast.Module:
    """Raise FixError unless `rewritten` is `original` with the applied fixes and nothing else.

    `tree` is `original` parsed by `ast`. Returns `rewritten` parsed by `ast`; neither is changed.
    `project_constants` are the project's own status names (`http-status-extra-codes` with a module),
    fully qualified, with the code the user declared for each: they read back as numbers too.
    """
    project = project_constants or {}
    fixes = [finding.fix for finding in applied if finding.fix is not None]
    unsafe = [edit for fix in fixes if fix.safety is FixSafety.UNSAFE for edit in fix.edits]
    added = frozenset(new for fix in fixes for new in fix.imports)
    expected_text = splice(original, lines, unsafe) if unsafe else original
    expected = _parse(expected_text, "an unsafe fix gives code that") if unsafe else tree
    actual = _parse(rewritten, "the rewritten module")
    _compile(rewritten, original)
    check_bindings(tree, expected, actual, applied, filename, settings)
    removed = removed_imports(expected, actual, expected_text)  # imports the rewrite dropped, checked to be unused
    comparison = _Comparison(
        _Reader(Resolver(expected, [_import_node(new) for new in added]), added | removed, project),
        _Reader(Resolver(actual), added, project),
    )
    check_versions(tree, comparison.right.resolver, actual, target, applied)  # names exist and do not warn
    before, after = comparison.left.statements(expected.body), comparison.right.statements(actual.body)
    if len(before) != len(after):
        raise FixError(FixFailure.UNVERIFIED, "the rewrite would add or remove statements; file left unchanged")
    before_lines, after_lines = split_lines(expected_text), split_lines(rewritten)
    for old, new in zip(before, after, strict=True):
        # The same text, with the same bindings around it, means the same: only the other
        # statements need comparing node by node.
        if _text(old, before_lines) != _text(new, after_lines) and not comparison.same(old, new):
            raise FixError(
                FixFailure.UNVERIFIED,
                "the rewrite would change more than the fixes say; file left unchanged",
                old.lineno,
            )
    # The rules found the sites with the project's other modules in view (a blueprint made in `__init__.py`): the
    # rewritten module is read with the same facts, or a status they proved converted would look exposed.
    facts = project_facts_for(actual, filename, settings) if filename and settings is not None else None
    check_value_types(
        zip(before, after, strict=True), (comparison.left, comparison.right), (before_lines, after_lines), actual, facts
    )
    return actual


def splice(text: str, lines: Sequence[str], edits: Iterable[Edit]) -> str:
    """`text` with each edit's span replaced by its text, working on UTF-8 bytes as `ast` positions do."""
    data = text.encode("utf-8")
    starts = line_starts(lines)
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        begin, end = byte_offset(edit.start, starts), byte_offset(edit.end, starts)
        data = data[:begin] + edit.text.encode("utf-8") + data[end:]
    return data.decode("utf-8")


def _parse(text: str, what: str) -> ast.Module:
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError) as error:
        line = getattr(error, "lineno", None)
        raise FixError(FixFailure.UNVERIFIED, f"{what} does not parse; file left unchanged", line) from None


def _compile(rewritten: str, original: str) -> None:
    """Compile the rewrite as Python would run it: the compiler rejects what the parser accepts, such as
    `from m import __debug__`, a `nonlocal` with no binding or a duplicate argument. A module that did not
    compile before, for the same reason, is left to the node-by-node comparison: that error is its own."""
    try:
        _compiles(rewritten)
    except SyntaxError as error:
        try:
            _compiles(original)
        except SyntaxError as before:
            if before.msg == error.msg:
                return
        raise FixError(
            FixFailure.UNVERIFIED,
            f"the rewritten module does not compile ({error.msg}); file left unchanged",
            error.lineno,
        ) from None
    except ValueError:  # a null byte: the parse before would have refused it already
        raise FixError(FixFailure.UNVERIFIED, "the rewritten module does not compile; file left unchanged") from None
    except (RecursionError, MemoryError):
        # Python 3.10's compiler recurses deeper than its parser: a module nested near the parser's limit may not
        # compile before either, and then the limit is the module's own, not the rewrite's.
        try:
            _compiles(original)
        except (RecursionError, MemoryError):
            return
        except SyntaxError:
            pass
        raise


def _compiles(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarnings of the module's own code are not ours to print
        compile(text, "<rewritten>", "exec", dont_inherit=True)


def _import_node(new: NewImport) -> ast.Import | ast.ImportFrom:
    node = ast.parse(new.statement()).body[0]
    assert isinstance(node, (ast.Import, ast.ImportFrom))
    return node


def _text(statement: ast.stmt, lines: Sequence[str]) -> str:
    return "".join(lines[first_line(statement) - 1 : statement.end_lineno or statement.lineno])


class _Reader:
    """Reads one module's nodes the way the comparison needs them: a name that resolves to a
    status constant is its integer, and the imports the fixes added are not there."""

    def __init__(self, resolver: Resolver, added: frozenset[NewImport], project: Mapping[str, int]) -> None:
        self.resolver = resolver
        self.added = added
        self.project = project

    def number(self, node: ast.AST) -> int | None:
        if not isinstance(node, (ast.Name, ast.Attribute)):
            return None
        qualified = self.resolver.qualify(node)
        if qualified is not None and qualified in self.project:
            return self.project[qualified]
        constant = constant_for(qualified) if qualified else None
        if constant is None or constant.family == "falcon":  # Falcon's constants are status-line strings
            return None
        return constant.code

    def statements(self, body: Sequence[ast.stmt]) -> list[ast.stmt]:
        return [statement for statement in body if not self._dropped(statement)]

    def names(self, node: ast.Import | ast.ImportFrom) -> list[ast.alias]:
        if isinstance(node, ast.Import):
            return [a for a in node.names if NewImport(a.name, None, a.asname) not in self.added]
        if node.level or not node.module:
            return list(node.names)
        module = node.module
        return [a for a in node.names if NewImport(module, a.name, a.asname) not in self.added]

    def _dropped(self, item: object) -> bool:
        """An import statement whose every name the fixes added."""
        return isinstance(item, (ast.Import, ast.ImportFrom)) and not self.names(item)


class _Comparison:
    """Node by node, in one pass, stopping at the first difference. The walk keeps its own stack,
    so an expression nested deeper than Python's recursion limit is compared like any other."""

    def __init__(self, left: _Reader, right: _Reader) -> None:
        self.left = left
        self.right = right

    def same(self, old: ast.AST, new: ast.AST) -> bool:
        pending: list[tuple[object, object]] = [(old, new)]
        while pending:
            before, after = pending.pop()
            if not isinstance(before, ast.AST) or not isinstance(after, ast.AST):
                plain = not isinstance(before, ast.AST) and not isinstance(after, ast.AST)
                if not plain or type(before) is not type(after) or before != after:
                    return False
                continue
            children = self._children(before, after)
            if children is None:
                return False
            pending.extend(reversed(children))
        return True

    def _children(self, old: ast.AST, new: ast.AST) -> list[tuple[object, object]] | None:
        """The pairs still to compare below `old` and `new`; None when the two already differ."""
        named = self.left.number(old), self.right.number(new)
        if named != (None, None):  # a constant on either side: both must be the same number
            old_number = named[0] if named[0] is not None else _int_literal(old)
            new_number = named[1] if named[1] is not None else _int_literal(new)
            return [] if old_number is not None and old_number == new_number else None
        if type(old) is not type(new):
            return None
        if isinstance(old, ast.Constant):
            assert isinstance(new, ast.Constant)
            same = type(old.value) is type(new.value) and old.value == new.value and old.kind == new.kind
            return [] if same else None
        pairs: list[tuple[object, object]] = []
        for name in old._fields:
            before, after = getattr(old, name, None), getattr(new, name, None)
            if isinstance(old, (ast.Import, ast.ImportFrom)) and name == "names":
                assert isinstance(new, (ast.Import, ast.ImportFrom))
                before, after = self.left.names(old), self.right.names(new)
            if isinstance(before, list) and isinstance(after, list):
                before, after = self.left.statements(before), self.right.statements(after)
                if len(before) != len(after):
                    return None
                pairs.extend(zip(before, after, strict=True))
            else:
                pairs.append((before, after))
        return pairs


def _int_literal(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None
