"""Which fixes a refusal is about, so that the pipeline can drop those and keep the file's others.

The verifier and the rewrite refuse with the line of what they object to: a statement that changed
more than the fixes say, a name written where it is not bound yet, a fix that cannot be put in place.
That line may be counted in the original module (the fixes' own coordinates) or in the rewritten one,
whose lines are shifted by the imports the fixes added to the module head. Both readings are tried:
the rewritten module's top-level statements, imports the fixes added set aside, pair one to one with
the original's, which maps a line of one onto the other.

The fixes dropped are those with an edit on the line, when a check names the node a fix wrote; else
those in the innermost statement around the line that holds any fix at all, up to the top-level
statement, when it names a use elsewhere (an attribute read on a value a fix changed) or a whole
statement (the comparison). Dropping too few is safe: the next attempt is verified again and refused
again. A check that knows the fixes it is about names them (`FixError.edits`) and is not read here; a
refusal whose line leads to no fix, or that names no line, is pinned by the pipeline's bisection.
"""

from __future__ import annotations

import ast
import difflib
from collections.abc import Iterator, Sequence

from ..analysis.children import nested_blocks
from ..findings import Finding, NewImport
from .errors import FixError, RefusedFix
from .positions import first_line
from .source import split_lines

# A refusal's key: rule, message, the text its edits write and the columns of its finding. The line
# is left out on purpose: fixes applied in an earlier pass move lines (an added import), and the
# same refused fix must be recognised in the next pass so that it is not tried again.
FixKey = tuple[str, str, int, int, tuple[str, ...]]


def fix_key(finding: Finding) -> FixKey:
    texts = tuple(edit.text for edit in finding.fix.edits) if finding.fix is not None else ()
    return finding.code, finding.message, finding.start.column, finding.end.column, texts


def reason(error: FixError) -> str:
    """The error's one line, as a reason for one fix: the verifier's messages say the file is left
    unchanged, which is no longer true once its other fixes are kept."""
    return error.message.removesuffix("; file left unchanged")


def culprits(
    error: FixError, tree: ast.Module, findings: Sequence[Finding], rewritten: str | None = None
) -> list[list[Finding]]:
    """The fixes to drop for `error`, raised for `findings` applied to the module `tree`: one group, or two
    when the line reads both ways (original and rewritten module) and neither reading is plainly the one
    meant, best first. Empty when the error names no line, or a line that leads to no fix (the pipeline
    then searches for them)."""
    if error.line is None:
        return []
    readings = [_group(tree, findings, error.line)]
    mapped = _original_line(error.line, tree, rewritten, findings) if rewritten is not None else None
    if mapped is not None and mapped != error.line:
        readings.append(_group(tree, findings, mapped))
    found = [(group, exact) for group, exact in readings if group]
    exact = [group for group, is_exact in found if is_exact]
    if len(exact) == 1:  # one reading points right at a fix or at the statement holding it: that one
        return exact
    groups: list[list[Finding]] = []
    for group, _ in found:
        if group not in groups:
            groups.append(group)
    return groups


def _group(tree: ast.Module, findings: Sequence[Finding], line: int) -> tuple[list[Finding], bool]:
    """The fixes with an edit on `line`, else those in the innermost statement around it that holds any;
    and whether `line` is one of their edits' lines or the line that statement starts on (what a check
    naming that node reports)."""
    on_line = [finding for finding in findings if _on_line(finding, line)]
    if on_line:  # `@app.errorhandler(HTTPStatus.NOT_FOUND)`: not the fixes in the function's body
        return on_line, True
    for statements in reversed(list(_around(tree, line))):
        spans = [(first_line(statement), statement.end_lineno or statement.lineno) for statement in statements]
        group = [finding for finding in findings if any(_within(finding, span) for span in spans)]
        if group:
            starts = {start for statement in statements for start in (first_line(statement), statement.lineno)}
            return group, line in starts
    return [], False


def _around(tree: ast.Module, line: int) -> Iterator[list[ast.stmt]]:
    """The statements around `line`, one list per depth, outermost first (a list: `a; b` share a line)."""
    blocks: list[list[ast.stmt]] = [tree.body]
    while blocks:
        holding = [s for block in blocks for s in block if first_line(s) <= line <= (s.end_lineno or s.lineno)]
        if not holding:
            return
        yield holding
        blocks = [block for statement in holding for block in nested_blocks(statement)]


def _within(finding: Finding, span: tuple[int, int]) -> bool:
    edits = finding.fix.edits if finding.fix is not None else ()
    return any(span[0] <= edit.start.line and edit.end.line <= span[1] for edit in edits)


def _on_line(finding: Finding, line: int) -> bool:
    edits = finding.fix.edits if finding.fix is not None else ()
    return any(edit.start.line <= line <= edit.end.line for edit in edits)


def _original_line(line: int, tree: ast.Module, rewritten: str, findings: Sequence[Finding]) -> int | None:
    """`line` of the rewritten module, as a line of the original; None when the two do not pair up."""
    try:
        module = ast.parse(rewritten)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    added = {new for finding in findings if finding.fix is not None for new in finding.fix.imports}
    after = [statement for statement in module.body if not _only_added(statement, added)]
    if len(after) != len(tree.body):
        return None
    for old, statement in zip(tree.body, after, strict=True):
        start, end = first_line(statement), statement.end_lineno or statement.lineno
        if start <= line <= end:
            old_start = first_line(old)
            return min(old_start + line - start, old.end_lineno or old.lineno)
    return None


def _only_added(statement: ast.stmt, added: set[NewImport]) -> bool:
    """An import statement the fixes added: every name in it is one of theirs."""
    if isinstance(statement, ast.Import):
        return all(NewImport(alias.name, None, alias.asname) in added for alias in statement.names)
    if isinstance(statement, ast.ImportFrom) and statement.module and not statement.level:
        module = statement.module
        return all(NewImport(module, alias.name, alias.asname) in added for alias in statement.names)
    return False


def on_input_lines(refused: Sequence[RefusedFix], original: str, fixed: str) -> tuple[RefusedFix, ...]:
    """`refused`, whose lines are lines of `fixed`, with the lines of `original` instead: what the user
    sees when nothing is written (--check, --diff). A refused fix's own line is unchanged by the fixes
    around it, or changed in place (a fix beside it on the line), so lines that match up carry it over."""
    if not refused or original == fixed:
        return tuple(refused)
    matcher = difflib.SequenceMatcher(None, split_lines(original), split_lines(fixed), autojunk=False)
    mapping: dict[int, int] = {}
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if tag in ("equal", "replace") and old_end - old_start == new_end - new_start:
            mapping.update((new_start + i + 1, old_start + i + 1) for i in range(new_end - new_start))
    return tuple(fix._replace(line=mapping.get(fix.line, fix.line)) for fix in refused)
