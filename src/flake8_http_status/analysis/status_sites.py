"""The module's status sites: those the matcher finds in the slots, then those the status flow carries there.

The flow (`analysis.flow`) is imported only for a module that has something to follow: a name, a call or a table
access in a slot, or a class that passes a value to a framework exception's constructor (or to a project
exception class that the project index knows). Most modules have none, and a one-file run does not pay for
loading it.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ..api import Table
from .collect import Bindings, Candidates
from .framework_bases import ClassInit, framework_apis, project_carried
from .imports import ImportMap
from .match import Matcher, site_position
from .sites import FOLLOWED, Site

if TYPE_CHECKING:
    from .flow import Flow
    from .project_facts import ProjectFacts


def find_sites(
    tree: ast.Module,
    imports: ImportMap,
    candidates: Candidates,
    bindings: Bindings,
    table: Table,
    *,
    in_tests: bool = False,
    conftest: bool = False,
    project: ProjectFacts | None = None,
) -> tuple[list[Site], Flow | None]:
    """The sites, and the flow that found them (None when nothing needed one: a module summary reads its helpers
    from it). `in_tests`: the module is a test module (`analysis.test_modules`); `conftest`: it is a `conftest.py`,
    whose fixtures other modules' tests request; `project`: what the project index knows of the other modules."""
    matcher = Matcher(table, imports, bindings, in_tests=in_tests, project=project)
    sites = matcher.run(candidates)
    followable = (*sites, *matcher.held)
    if not any(isinstance(site.node, FOLLOWED) for site in followable) and not _framework_subclasses(
        tree, imports, table, project
    ):
        return sites, None
    from .flow import Flow

    flow = Flow(tree, matcher, bindings.bound, conftest=conftest)
    followed = flow.run()
    followed.sort(key=site_position)
    return followed, flow


def _framework_subclasses(tree: ast.Module, imports: ImportMap, table: Table, project: ProjectFacts | None) -> bool:
    return any(
        isinstance(statement, ast.ClassDef) and _framework_subclass(statement, imports, table, project)
        for statement in tree.body
    )


def _framework_subclass(cls: ast.ClassDef, imports: ImportMap, table: Table, project: ProjectFacts | None) -> bool:
    init = ClassInit(cls)  # both questions may read the `__init__`: one walk
    return bool(framework_apis(cls, imports, table, project, init) or project_carried(cls, imports, project, init))
