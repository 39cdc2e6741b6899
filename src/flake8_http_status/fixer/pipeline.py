"""One module from text to fixed text: analyse with `ast`, apply the chosen fixes with LibCST, verify,
and repeat until no fix applies (a fix can make another one possible, or two fixes can touch the
same code), so that running the fixer again changes nothing.
"""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..engine import analyse_module, may_have_findings
from ..findings import Finding
from ..options import Settings
from .errors import FixError, syntax_error
from .noqa import NoqaLines
from .selection import Chosen, Selection, choose
from .source import split_lines

if TYPE_CHECKING:
    import libcst as cst

MAX_PASSES = 6


@dataclass(frozen=True)
class FixOptions:
    settings: Settings = field(default_factory=Settings)
    selection: Selection = field(default_factory=Selection)


@dataclass(frozen=True)
class Outcome:
    text: str  # the fixed text; the input itself when nothing applied
    applied: Counter[str]  # fixes applied, by rule code
    held_back: int  # fixes that only --unsafe-fixes would apply
    module: cst.Module | None = None  # the final LibCST module, when anything changed

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_text(text: str, filename: str, options: FixOptions, module: cst.Module | None = None) -> Outcome:
    """Fix `text` (a whole module). `module` may give its LibCST tree if the caller already parsed it."""
    applied: Counter[str] = Counter()
    held_back = 0
    last: cst.Module | None = None
    if not _worth_parsing(text, options):
        return Outcome(text, applied, held_back)
    for number in range(MAX_PASSES):
        lines = split_lines(text)
        chosen, tree = _chosen(text, lines, filename, options)
        if number == 0:
            held_back = chosen.held_back
        if not chosen.findings:
            return Outcome(text, applied, held_back, last)
        module = _rewrite(text, lines, tree, chosen.findings, module)
        new_text = module.code
        if new_text == text:
            break
        from .verify import check_equivalent

        check_equivalent(text, lines, tree, new_text, chosen.findings)
        applied.update(finding.code for finding in chosen.findings)
        text, last = new_text, module
        module = None  # positions are needed again: the next pass parses the new text
    left = _chosen(text, split_lines(text), filename, options)[0].findings
    if not left:
        return Outcome(text, applied, held_back, last)
    raise FixError(f"fixes did not settle after {MAX_PASSES} passes; file left unchanged", left[0].start.line)


def _worth_parsing(text: str, options: FixOptions) -> bool:
    """Most modules can hold no fix at all, and a look at their text shows it: skip parsing those.

    Unsafe fixes are looked for (to count those held back) only where that costs no extra parsing.
    """
    if not may_have_findings(text, options.settings):
        return False
    selection = options.selection
    return selection.may_fix(text) or replace(selection, unsafe=True).may_fix(text, spelled_only=True)


def _chosen(text: str, lines: list[str], filename: str, options: FixOptions) -> tuple[Chosen, ast.Module]:
    try:
        tree = ast.parse(text, filename)
    except (SyntaxError, ValueError) as error:
        raise syntax_error(error, text) from None
    except RecursionError:
        raise FixError("too deeply nested to parse") from None
    findings: list[Finding] = analyse_module(tree, lines, filename, options.settings).findings
    if not any(finding.fix is not None for finding in findings):
        return Chosen([], 0), tree
    return choose(findings, options.selection, NoqaLines(text, lines)), tree


def _rewrite(
    text: str, lines: list[str], tree: ast.Module, findings: list[Finding], module: cst.Module | None
) -> cst.Module:
    # LibCST is imported here, not at the top: most files need no fix and never pay for it.
    import libcst as cst

    from .imports import add_imports
    from .transform import apply_edits

    if module is None:
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError as error:
            raise FixError(f"LibCST cannot parse this file: {error.message}", error.raw_line, error.raw_column) from None
        except RecursionError:
            raise FixError("too deeply nested for LibCST to parse") from None
    edits = [edit for finding in findings if finding.fix is not None for edit in finding.fix.edits]
    new_imports = [new for finding in findings if finding.fix is not None for new in finding.fix.imports]
    try:
        rewritten = apply_edits(module, tree, edits, lines)
    except RecursionError:
        raise FixError("too deeply nested for LibCST to rewrite") from None
    return add_imports(rewritten, new_imports)
