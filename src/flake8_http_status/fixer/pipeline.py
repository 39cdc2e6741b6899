"""One module from text to fixed text: analyse with `ast`, apply the chosen fixes with LibCST, verify,
and repeat until no fix applies (a fix can make another one possible, or two fixes can touch the
same code), so that running the fixer again changes nothing.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..engine import analyse_module, may_have_findings, target_for
from ..families import Target
from ..findings import Finding
from ..options import Settings
from ..per_file_ignores import PerFileIgnores, codes_for
from .errors import FixError, FixFailure, RefusedFix, syntax_error
from .noqa import NoqaLines, skips_file
from .refusals import FixKey, culprits, fix_key, reason
from .selection import Chosen, Selection, choose
from .siblings import sibling_modules
from .source import split_lines
from .verify import check_equivalent

MAX_PASSES = 6
# Rewrite-and-verify attempts one file may spend on refusals, each a rewrite and a verification of the
# whole module: past them, the fixes not yet verified are refused and the verified ones are kept.
MAX_PROBES = 32
# Causes that are about the fixes, not the module: the rewrite or the verifier objects to what a fix
# does. A module LibCST cannot read or print, or one nested too deeply, refuses the file.
_PER_FIX = frozenset({FixFailure.UNVERIFIED, FixFailure.MISPLACED})
_OUT_OF_PROBES = f"not verified alone: the file's other refusals used up its {MAX_PROBES} attempts; file left unchanged"


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
    refused: tuple[RefusedFix, ...] = ()  # fixes the checks would not apply; the file's other fixes are in `text`
    fixed: tuple[Finding, ...] = ()  # the findings of the input whose fixes are applied (those of the first pass)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


@dataclass
class _Run:
    """One module's way through the passes: the text so far, what was applied, and what was refused."""

    text: str
    filename: str
    options: FixOptions
    applied: Counter[str] = field(default_factory=Counter)
    held_back: int = 0
    refused: dict[FixKey, FixError] = field(default_factory=dict)  # by fix, whichever pass refused it
    probes: int = 0  # attempts spent on refusals, across passes
    first: tuple[Finding, ...] = ()  # the fixes chosen on the input text

    def refuse(self, findings: Iterable[Finding], error: FixError) -> None:
        for finding in findings:
            self.refused.setdefault(fix_key(finding), error)

    def out_of_probes(self) -> bool:
        return self.probes >= MAX_PROBES

    def outcome(self, findings: Sequence[Finding]) -> Outcome:
        """The result, with the refused fixes found again among the `findings` of the final text (their
        lines there are the ones the user will see)."""
        refused = [
            RefusedFix(f.code, f.start.line, f.start.column, reason(self.refused[key]), self.refused[key].cause)
            for f in findings
            if (key := fix_key(f)) in self.refused
        ]
        fixed = tuple(f for f in self.first if fix_key(f) not in self.refused) if self.applied else ()
        return Outcome(self.text, self.applied, self.held_back, refused=tuple(refused), fixed=fixed)

    def todo(self, findings: Sequence[Finding]) -> list[Finding]:
        return [finding for finding in findings if fix_key(finding) not in self.refused]


def fix_text(text: str, filename: str, options: FixOptions) -> Outcome:
    """Fix `text` (a whole module); FixError when that cannot be done safely.

    A fix the checks refuse is dropped, with the reason, and the file's other fixes go on (`_apply`);
    only a refusal about the module itself (LibCST cannot read it, too deeply nested) refuses the file.
    """
    options = options.for_file(filename)
    run = _Run(text, filename, options)
    if not _worth_parsing(text, options):
        return run.outcome(())
    if not options.selection.disable_noqa and skips_file(text):  # flake8 --disable-noqa checks it too
        return Outcome(text, run.applied, 0, skipped="`# flake8: noqa` in the file")
    tree: ast.Module | None = None  # the text parsed, when the verifier already did it
    for number in range(MAX_PASSES):
        lines = split_lines(run.text)
        chosen, tree = _chosen(run.text, lines, filename, options, tree)
        if number == 0:
            run.held_back, run.first = chosen.held_back, tuple(chosen.findings)
        todo = run.todo(chosen.findings)
        if not todo:
            return run.outcome(chosen.findings)
        applied = _apply(run, lines, tree, todo)
        if applied is None:
            break
        tree, done = applied
        run.applied.update(finding.code for finding in done)
    found = _chosen(run.text, split_lines(run.text), filename, options, tree)[0].findings
    left = run.todo(found)
    if not left:
        return run.outcome(found)
    raise FixError(
        FixFailure.UNVERIFIED,
        f"fixes did not settle after {MAX_PASSES} passes; file left unchanged",
        left[0].start.line,
    )


def _apply(
    run: _Run, lines: list[str], tree: ast.Module, todo: list[Finding]
) -> tuple[ast.Module, list[Finding]] | None:
    """Apply `todo` to `run.text` and verify; a fix the checks refuse is dropped and the rest tried again,
    each attempt verified from scratch. Returns the new text's tree and the fixes applied, or None
    when nothing changed."""
    settings = run.options.settings
    checks = _Checks(project_constants(settings), target_for(run.filename, settings), run.filename, settings)
    todo = _placeable(run, lines, todo)
    while todo:
        attempt = _attempt(run.text, lines, tree, todo, checks)
        if isinstance(attempt, _Refused):
            todo, attempt = _without_refused(run, attempt, lines, tree, todo, checks)
        if isinstance(attempt, _Refused):
            continue
        if attempt is None:
            return None
        run.text, new_tree = attempt
        return new_tree, todo
    return None


def _placeable(run: _Run, lines: list[str], todo: list[Finding]) -> list[Finding]:
    """`todo` without the fixes the rewrite cannot write whatever the others do, each refused alone."""
    from .transform import unplaceable  # LibCST's module: only files with fixes load it

    kept: list[Finding] = []
    for finding in todo:
        edits = finding.fix.edits if finding.fix is not None else ()
        why = next((why for edit in edits if (why := unplaceable(lines, edit)) is not None), None)
        if why is None:
            kept.append(finding)
        else:
            line = finding.start.line
            run.refuse([finding], FixError(FixFailure.MISPLACED, why, line, edits=frozenset(edits)))
    return kept


@dataclass(frozen=True)
class _Checks:
    """What the verifier needs besides the two texts: facts about the project and the settings."""

    constants: dict[str, int]  # project constants from http-status-extra-codes, by qualified name
    target: Target
    filename: str
    settings: Settings


@dataclass(frozen=True)
class _Refused:
    error: FixError
    rewritten: str | None  # the text that was refused; None when the rewrite itself failed


def _attempt(
    text: str, lines: list[str], tree: ast.Module, todo: list[Finding], checks: _Checks
) -> tuple[str, ast.Module] | _Refused | None:
    """`text` with `todo` applied and its tree, verified; None when that changes nothing."""
    new_text: str | None = None
    try:
        new_text = _rewrite(text, tree, todo, checks.filename)
        if new_text == text:
            return None
        return new_text, _verify(text, lines, tree, new_text, todo, checks)
    except FixError as error:
        return _Refused(error, new_text)


def _verify(
    text: str, lines: list[str], tree: ast.Module, new_text: str, todo: list[Finding], checks: _Checks
) -> ast.Module:
    try:
        return check_equivalent(
            text,
            lines,
            tree,
            new_text,
            todo,
            project_constants=checks.constants,
            target=checks.target,
            filename=checks.filename,
            settings=checks.settings,
        )
    except RecursionError:
        raise FixError(FixFailure.TOO_DEEP, "too deeply nested to verify") from None


_Probe = tuple[str, ast.Module] | _Refused | None  # what `_attempt` returns


def _without_refused(
    run: _Run, refused: _Refused, lines: list[str], tree: ast.Module, todo: list[Finding], checks: _Checks
) -> tuple[list[Finding], _Probe]:
    """`todo` without the fixes the refusal is about, and the attempt with the rest when one was made
    (else the refusal itself); the error itself when it is about the whole module.

    The fixes are those the error names, else those at its line (`refusals.culprits`); when its line reads
    two ways (original or rewritten module) and each points at other fixes, the reading whose fixes, left
    out, let the rest pass is the right one; failing both, both are left out. An error that leads to no
    fix is pinned by bisection (`_bisect`)."""
    error = refused.error
    if error.cause not in _PER_FIX:
        raise error
    if run.out_of_probes():
        run.refuse(todo, FixError(error.cause, _OUT_OF_PROBES))
        return [], refused
    run.probes += 1
    named = _named(error, todo)
    readings = [named] if named else culprits(error, tree, todo, refused.rewritten)
    if not readings:
        return _bisect(run, refused, lines, tree, todo, checks)
    dropped = [finding for group in readings for finding in group]
    for group in readings if len(readings) > 1 else ():
        run.probes += 1
        rest = [finding for finding in todo if finding not in group]
        if not isinstance(_attempt(run.text, lines, tree, rest, checks), _Refused):
            dropped = group
            break
    run.refuse(dropped, error)
    return [finding for finding in todo if finding not in dropped], refused


def _named(error: FixError, todo: list[Finding]) -> list[Finding]:
    """The fixes among `todo` whose edits the error names."""
    if not error.edits:
        return []
    return [f for f in todo if f.fix is not None and not error.edits.isdisjoint(f.fix.edits)]


def _bisect(
    run: _Run, refused: _Refused, lines: list[str], tree: ast.Module, todo: list[Finding], checks: _Checks
) -> tuple[list[Finding], _Probe]:
    """The fixes of `todo` that pass together, found by halving, and the attempt that applied them: a part
    that passes with those already kept is kept, one that fails is halved again, down to single fixes,
    which are refused with their own error. Each try is one probe; when the file has none left, the
    parts not tried yet are refused. `todo` as a whole was refused with `refused`."""
    kept: list[Finding] = []
    passed: _Probe = refused
    pending = list(reversed(_halves(todo)))
    while pending:
        part = pending.pop()
        if run.out_of_probes():
            run.refuse([f for p in [part, *pending] for f in p], FixError(refused.error.cause, _OUT_OF_PROBES))
            break
        run.probes += 1
        attempt = _attempt(run.text, lines, tree, kept + part, checks)
        if not isinstance(attempt, _Refused):
            kept, passed = kept + part, attempt
        elif attempt.error.cause not in _PER_FIX:
            raise attempt.error
        elif len(part) == 1:
            run.refuse(part, attempt.error)
        else:
            pending.extend(reversed(_halves(part)))
    return kept, passed


def _halves(findings: list[Finding]) -> list[list[Finding]]:
    middle = len(findings) // 2
    return [half for half in (findings[:middle], findings[middle:]) if half]


def project_constants(settings: Settings) -> dict[str, int]:
    """The project's status names that a fix can write (`http-status-extra-codes` with a module), fully
    qualified, with their codes: the verifier reads them back as those numbers."""
    return {f"{extra.module}.{extra.name}": code for code, extra in settings.extra_codes.items() if extra.module}


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
    siblings = sibling_modules(filename)
    # The selection also decides which findings make HTS001 give way (`rules.one_answer`): a safe fix never
    # names a status that a selected rule says to change, and a rule that is off takes no fix away.
    noqa = NoqaLines(text, lines)
    findings: list[Finding] = analyse_module(
        tree,
        lines,
        filename,
        options.settings,
        siblings=siblings,
        shown=options.selection.wants,
        silenced=lambda finding: noqa.silences(finding.start.line, finding.code),
    ).findings
    if not any(finding.fix is not None for finding in findings):
        return Chosen([], 0), tree
    return choose(findings, options.selection, noqa), tree


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
