"""The shared analysis: from a parsed module to findings. The flake8 plugin and the fixer both call it."""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .analysis.collect import collect
from .analysis.imports import ImportMap, collect_imports
from .analysis.module import AnalysedModule
from .analysis.status_sites import find_sites
from .analysis.test_modules import is_conftest, is_test_module
from .api import MODULES, Table, build_table, reached_modules, table_of
from .api.rows import Api, CallRow, Role, Slot
from .families import Target
from .findings import Finding
from .noqa_comments import covers
from .options import ExtraCall, Settings
from .prefilter import call_words, may_have_sites
from .records import NamedTuple
from .rules.checkers import checkers_for
from .rules.context import Context
from .rules.one_answer import Shown, Silenced, on_by_default, one_answer_per_literal

if TYPE_CHECKING:
    from .analysis.project_facts import ProjectFacts
    from .index.summary import Roles


class Analysis(NamedTuple):
    findings: list[Finding]
    context: Context | None  # None when the prefilter skipped the module


def analyse(
    tree: ast.Module, lines: Sequence[str], filename: str, settings: Settings, shown: Shown | None = None
) -> list[Finding]:
    return analyse_module(tree, lines, filename, settings, shown=shown).findings


def may_have_findings(source: str, settings: Settings) -> bool:
    """False when no status site can be in `source`: a caller holding only text need not parse it."""
    return may_have_sites(source, call_words(settings.extra_calls))


def analyse_module(
    tree: ast.Module,
    lines: Sequence[str],
    filename: str,
    settings: Settings,
    *,
    prefilter: bool = True,
    siblings: frozenset[str] = frozenset(),
    shown: Shown | None = None,
    silenced: Silenced | None = None,
    hidden_skipped: bool = False,
    gated: bool = True,
    fixes: bool = True,
) -> Analysis:
    """Findings for one parsed module. `prefilter=False` skips the text check (tests prove it loses nothing).

    `siblings`: in a package's `__init__.py`, the submodules beside it (the fixer reads the directory).
    `shown`: which rule codes the caller reports (flake8's or the fixer's selection); None: those on by default.
    `silenced`: whether a `# noqa` hides a finding; None: a comment on the finding's own line does.
    `hidden_skipped`: with `shown`, the rule modules none of whose codes is shown are not run, so their findings
    are missing (for flake8, which drops them anyway).
    `gated=False` runs every rule module, also those whose gate (`rules.gates`) says they cannot report here (tests
    prove the gates lose nothing).
    `fixes=False`: the findings carry no fix, and what only a fix needs is not worked out (`Context.fix_safety`);
    their codes, places and messages are the same (for flake8, which shows messages only).
    HTS001 gives way to a shown finding that answers the same status otherwise (`rules.one_answer`)."""
    if prefilter:  # (the flake8 plugin asks the text first itself, and passes False)
        source = "".join(lines)
        if not may_have_findings(source, settings) and not may_use_project(source, filename):
            return Analysis([], None)
    context = build_context(tree, list(lines), filename, settings, siblings, fixes=fixes)
    findings: dict[tuple[str, int, int], Finding] = {}
    for checker in checkers_for(context, shown if hidden_skipped else None, gated=gated):
        for finding in checker(context):
            findings.setdefault((finding.code, finding.start.line, finding.start.column), finding)
    answered = one_answer_per_literal(findings.values(), shown or on_by_default, silenced or _noqa_on_line(lines))
    ordered = sorted(answered, key=lambda f: (f.start, f.code))
    return Analysis(ordered, context)


def _noqa_on_line(lines: Sequence[str]) -> Silenced:
    def silenced(finding: Finding) -> bool:
        line = finding.start.line
        return 0 < line <= len(lines) and covers(lines[line - 1], finding.code)

    return silenced


def build_context(
    tree: ast.Module,
    lines: list[str],
    filename: str,
    settings: Settings,
    siblings: frozenset[str] = frozenset(),
    *,
    fixes: bool = True,
) -> Context:
    imports = collect_imports(tree)
    project = project_facts(filename, imports, settings)
    # With the project index, every framework: the index summarises the project's other modules with the table it
    # is given, and its facts (a base class, an app object, a helper's rows) may lead to any framework.
    table = _table(settings.extra_calls) if project is not None else module_table(imports, settings.extra_calls)
    candidates, bindings = collect(tree, imports, table, project.call_roots() if project is not None else frozenset())
    if project is None:
        # The collector's walk adds the imports of functions and classes; the collector itself reads only the
        # callee names and status keywords, which every table with these extra calls shares.
        table = module_table(imports, settings.extra_calls)
    sites, _ = find_sites(
        tree,
        imports,
        candidates,
        bindings,
        table,
        in_tests=is_test_module(filename),
        conftest=is_conftest(filename),
        project=project,
    )
    return Context(
        tree=tree,
        lines=lines,
        imports=imports,
        sites=sites,
        constant_uses=candidates.constant_uses,
        settings=settings,
        target_for=lambda: target_for(filename, settings),
        pattern_values=candidates.pattern_values,
        bound=bindings.bound,
        filename=filename,
        candidates=candidates,
        bindings=bindings,
        siblings=siblings,
        project=project,
        fixes=fixes,
    )


def project_facts(filename: str, imports: ImportMap, settings: Settings) -> ProjectFacts | None:
    """What the project index knows of the modules `filename` imports from its own project (None: no project, or
    the index is switched off)."""
    if not settings.project_index:
        return None
    from .index.reach import imports_project

    if not imports_project(imports, filename):
        return None
    from .index.session import facts_for_file  # loaded only for a module that imports from its project

    return facts_for_file(filename, imports, _table(settings.extra_calls), settings.extra_calls, _judge)


def _judge(module: AnalysedModule) -> Roles:
    """The handler model's judge of a module's roles, imported only when the index summarises a module (never on a
    run that finds every summary in the cache)."""
    from .handlers.project_roles import judge

    return judge(module)


def project_facts_for(tree: ast.Module, filename: str, settings: Settings) -> ProjectFacts | None:
    """The project facts the module `tree` is analysed with at `filename`: the fixer's verifier reads a rewritten
    module with the same knowledge of its project as the rules had (a blueprint made in another module)."""
    return project_facts(filename, collect_imports(tree), settings)


@lru_cache(maxsize=1)
def _status_text() -> re.Pattern[str]:
    return re.compile(r"(?<![\w.])[1-5]\d\d(?![\w.])|status|code", re.IGNORECASE)


def may_use_project(source: str, filename: str) -> bool:
    """A module that names no framework may still call its project's own status helpers: one that imports from
    its project is analysed too (a relative import, or one of the project's top-level packages), when its text
    holds something a status can be written with: a number of 100-599, or a word saying status or code."""
    if "import" not in source or _status_text().search(source) is None:
        return False
    from .index.reach import text_imports_project

    return text_imports_project(source, filename)


def target_for(filename: str, settings: Settings) -> Target:
    """What the project admits: its nearest pyproject.toml, with the settings given overriding it.

    `target-python` names the lowest Python only; the highest still comes from `requires-python`
    unless that excludes the one given. An explicit `starlette_renamed` replaces the Starlette range.
    """
    from .project import pyproject_for  # with the setup-file readers: only a name unsafe on some release asks

    pyproject = pyproject_for(filename if filename not in ("-", "stdin", "") else ".")
    python = settings.target_python or pyproject.python
    highest = pyproject.python_max
    if highest is not None and highest < python:
        highest = None
    if settings.starlette_renamed is not None:
        return Target(python, settings.starlette_renamed, highest, drf=pyproject.drf)
    return Target(python, pyproject.starlette_renamed, highest, pyproject.starlette, pyproject.drf)


def _table(extra_calls: tuple[ExtraCall, ...]) -> Table:
    """The table of every framework, with the project's extra calls."""
    return _table_of(extra_calls, MODULES)


def module_table(imports: ImportMap, extra_calls: tuple[ExtraCall, ...]) -> Table:
    """The table of the frameworks a module's imports can reach (anywhere in it: in a function, under
    `if TYPE_CHECKING:` or `try:`), with the project's extra calls: its other frameworks' rows cannot match there,
    and their declarations need not be imported."""
    packages = {module.partition(".")[0] for module in imports.modules}
    return _table_of(extra_calls, reached_modules(packages))


@lru_cache(maxsize=64)
def _table_of(extra_calls: tuple[ExtraCall, ...], modules: tuple[str, ...]) -> Table:
    """Built once per set of frameworks (and extra calls) in a process: a tree's modules share a few sets."""
    if not extra_calls:
        return table_of(modules)
    return build_table(tuple(_extra_row(call) for call in extra_calls), modules)


def _extra_row(call: ExtraCall) -> CallRow:
    slot = Slot(call.position, call.keyword)
    return CallRow((call.name,), Api("project", call.name, Role.SET, (slot,)))
