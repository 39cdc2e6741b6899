"""One module from text to fixed text: analyse with `ast`, apply the chosen fixes with LibCST, verify,
and repeat until no fix applies (a fix can make another one possible, or two fixes can touch the
same code), so that running the fixer again changes nothing.
"""

from __future__ import annotations

import ast
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..engine import analyse_module, may_have_findings
from ..findings import Finding
from ..options import Settings
from ..per_file_ignores import PerFileIgnores, codes_for
from .errors import FixError, FixFailure, syntax_error
from .noqa import NoqaLines, skips_file
from .selection import Chosen, Selection, choose
from .source import split_lines
from .verify import check_equivalent

MAX_PASSES = 6


@dataclass(frozen=True)
class FixOptions:
    settings: Settings = field(default_factory=Settings)
    selection: Selection = field(default_factory=Selection)
    per_file_ignores: PerFileIgnores = ()

    def for_file(self, filename: str) -> FixOptions:
        codes = codes_for(filename, self.per_file_ignores) if self.per_file_ignores else ()
        return replace(self, selection=self.selection.ignoring(codes)) if codes else self


@dataclass(frozen=True)
class Outcome:
    text: str  # the fixed text; the input itself when nothing applied
    applied: Counter[str]  # fixes applied, by rule code
    held_back: int  # fixes that only --unsafe-fixes would apply
    skipped: str | None = None  # why the file was left alone as the user asked (a file-wide noqa comment for flake8)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_text(text: str, filename: str, options: FixOptions) -> Outcome:
    """Fix `text` (a whole module); FixError when that cannot be done safely."""
    options = options.for_file(filename)
    applied: Counter[str] = Counter()
    held_back = 0
    if not _worth_parsing(text, options):
        return Outcome(text, applied, held_back)
    if not options.selection.disable_noqa and skips_file(text):  # flake8 --disable-noqa checks it too
        return Outcome(text, applied, held_back, skipped="`# flake8: noqa` in the file")
    tree: ast.Module | None = None  # the text parsed, when the verifier already did it
    for number in range(MAX_PASSES):
        lines = split_lines(text)
        chosen, tree = _chosen(text, lines, filename, options, tree)
        if number == 0:
            held_back = chosen.held_back
        if not chosen.findings:
            return Outcome(text, applied, held_back)
        new_text = _rewrite(text, tree, chosen.findings, filename)
        if new_text == text:
            break
        try:
            tree = check_equivalent(text, lines, tree, new_text, chosen.findings)
        except RecursionError:
            raise FixError(FixFailure.TOO_DEEP, "too deeply nested to verify") from None
        applied.update(finding.code for finding in chosen.findings)
        text = new_text
    left = _chosen(text, split_lines(text), filename, options, tree)[0].findings
    if not left:
        return Outcome(text, applied, held_back)
    raise FixError(
        FixFailure.UNVERIFIED,
        f"fixes did not settle after {MAX_PASSES} passes; file left unchanged",
        left[0].start.line,
    )


def warm_up(options: FixOptions) -> None:
    """Build the framework table and the text filters now: forked workers then inherit them."""
    sample = "from flask import abort\n\n\ndef view():\n    abort(404)\n"
    if may_have_findings(sample, options.settings):
        analyse_module(ast.parse(sample), split_lines(sample), "warm-up.py", options.settings)


def _worth_parsing(text: str, options: FixOptions) -> bool:
    """Most modules can hold no fix at all, and a look at their text shows it: skip parsing those."""
    return options.selection.may_fix(text) and may_have_findings(text, options.settings)


def _chosen(
    text: str, lines: list[str], filename: str, options: FixOptions, tree: ast.Module | None = None
) -> tuple[Chosen, ast.Module]:
    if tree is None:
        tree = _parse(text, filename)
    findings: list[Finding] = analyse_module(tree, lines, filename, options.settings).findings
    if not any(finding.fix is not None for finding in findings):
        return Chosen([], 0), tree
    return choose(findings, options.selection, NoqaLines(text, lines)), tree


def _parse(text: str, filename: str) -> ast.Module:
    try:
        return ast.parse(text, filename)
    except (SyntaxError, ValueError) as error:
        raise syntax_error(error, text) from None
    except RecursionError:
        raise FixError(FixFailure.TOO_DEEP, "too deeply nested to parse") from None


def _rewrite(text: str, tree: ast.Module, findings: list[Finding], filename: str) -> str:
    # LibCST is imported here, not at the top: most files need no fix and never pay for it.
    from .line_length import line_length_for
    from .transform import rewrite

    edits = [edit for finding in findings if finding.fix is not None for edit in finding.fix.edits]
    new_imports = [new for finding in findings if finding.fix is not None for new in finding.fix.imports]
    try:
        return rewrite(
            text,
            tree,
            edits,
            new_imports,
            line_length=line_length_for(filename),
            package_init=Path(filename).name == "__init__.py",
        )
    except RecursionError:
        raise FixError(FixFailure.TOO_DEEP, "too deeply nested for LibCST") from None
