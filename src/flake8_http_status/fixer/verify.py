"""The check that stands between a rewrite and the disk: the new module means what the old one meant.

Both modules are parsed with `ast`. In each, every name that resolves (through that module's own
imports and scopes) to a status constant becomes its integer, and the imports the fixes added are
set aside. What remains must be identical. Unsafe fixes are meant to change the program, so the
original they are compared with is the original with exactly those edits spliced into its text:
anything the rewrite changed beyond them still shows up.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Sequence

from ..families import constant_for
from ..findings import Edit, Finding, FixSafety, NewImport
from .errors import FixError
from .positions import byte_offset, first_line, line_starts
from .scopes import Resolver
from .source import split_lines


def check_equivalent(
    original: str, lines: Sequence[str], tree: ast.Module, rewritten: str, applied: Sequence[Finding]
) -> ast.Module:
    """Raise FixError unless `rewritten` is `original` with the applied fixes and nothing else.

    `tree` is `original` parsed by `ast`. Returns `rewritten` parsed by `ast`; neither is changed.
    """
    fixes = [finding.fix for finding in applied if finding.fix is not None]
    unsafe = [edit for fix in fixes if fix.safety is FixSafety.UNSAFE for edit in fix.edits]
    added = frozenset(new for fix in fixes for new in fix.imports)
    expected_text = splice(original, lines, unsafe) if unsafe else original
    expected = _parse(expected_text, "an unsafe fix gives code that") if unsafe else tree
    actual = _parse(rewritten, "the rewritten module")
    left = _Normaliser(Resolver(expected, [_import_node(new) for new in added]), added)
    right = _Normaliser(Resolver(actual), added)
    before, after = left.statements(expected), right.statements(actual)
    if len(before) != len(after):
        raise FixError("the rewrite would add or remove statements; file left unchanged")
    before_lines, after_lines = split_lines(expected_text), split_lines(rewritten)
    for old, new in zip(before, after):
        # The same text, with the same bindings around it, means the same: only other statements
        # need normalising and comparing.
        if _text(old, before_lines) != _text(new, after_lines) and left.dump(old) != right.dump(new):
            raise FixError("the rewrite would change more than the fixes say; file left unchanged", old.lineno)
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
        raise FixError(f"{what} does not parse; file left unchanged", line) from None


def _import_node(new: NewImport) -> ast.Import | ast.ImportFrom:
    node = ast.parse(new.statement()).body[0]
    assert isinstance(node, (ast.Import, ast.ImportFrom))
    return node


def _text(statement: ast.stmt, lines: Sequence[str]) -> str:
    return "".join(lines[first_line(statement) - 1 : statement.end_lineno or statement.lineno])


class _Normaliser:
    """Normalised copies of statements: constants become their integers, the imports the fixes
    added disappear. The trees themselves stay as they are (the next pass analyses the new one)."""

    def __init__(self, resolver: Resolver, added: frozenset[NewImport]) -> None:
        self.resolver = resolver
        self.added = added

    def statements(self, tree: ast.Module) -> list[ast.stmt]:
        """The module's statements without the added imports (the rest is normalised by `dump`)."""
        kept = []
        for statement in tree.body:
            if isinstance(statement, (ast.Import, ast.ImportFrom)) and not self._kept_names(statement):
                continue
            kept.append(statement)
        return kept

    def dump(self, statement: ast.stmt) -> str:
        return ast.dump(self._copy(statement))

    def _copy(self, node: ast.AST) -> ast.AST:
        if isinstance(node, (ast.Name, ast.Attribute)):
            constant = self._constant(node)
            if constant is not None:
                return constant
        copy = node.__class__()
        for name, value in ast.iter_fields(node):
            if isinstance(node, (ast.Import, ast.ImportFrom)) and name == "names":
                value = self._kept_names(node)
            if isinstance(value, list):
                value = [self._copy(item) if isinstance(item, ast.AST) else item for item in value if not self._dropped(item)]
            elif isinstance(value, ast.AST):
                value = self._copy(value)
            setattr(copy, name, value)
        return copy

    def _constant(self, node: ast.Name | ast.Attribute) -> ast.Constant | None:
        qualified = self.resolver.qualify(node)
        constant = constant_for(qualified) if qualified else None
        if constant is None or constant.family == "falcon":  # Falcon's constants are status-line strings
            return None
        return ast.Constant(value=constant.code)

    def _kept_names(self, node: ast.Import | ast.ImportFrom) -> list[ast.alias]:
        if isinstance(node, ast.Import):
            return [a for a in node.names if NewImport(a.name, None, a.asname) not in self.added]
        if node.level or not node.module:
            return list(node.names)
        module = node.module
        return [a for a in node.names if NewImport(module, a.name, a.asname) not in self.added]

    def _dropped(self, item: object) -> bool:
        """An import statement nested somewhere whose every name the fixes added."""
        return isinstance(item, (ast.Import, ast.ImportFrom)) and not self._kept_names(item)
