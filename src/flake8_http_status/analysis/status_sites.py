"""The module's status sites: those the matcher finds in the slots, then those the status flow carries there.

The flow (`analysis.flow`) is imported only for a module that has something to follow: a name, a call or a table
access in a slot, or a class that passes a value to a framework exception's constructor. Most modules have none,
and a one-file run does not pay for loading it.
"""

from __future__ import annotations

import ast

from ..api import Table
from .collect import Bindings, Candidates
from .framework_bases import framework_apis
from .imports import ImportMap
from .match import Matcher, site_position
from .sites import FOLLOWED, Site


def find_sites(
    tree: ast.Module,
    imports: ImportMap,
    candidates: Candidates,
    bindings: Bindings,
    table: Table,
    *,
    in_tests: bool = False,
    conftest: bool = False,
) -> list[Site]:
    """`in_tests`: the module is a test module (`analysis.test_modules`); `conftest`: it is a `conftest.py`, whose
    fixtures other modules' tests request."""
    matcher = Matcher(table, imports, bindings, in_tests=in_tests)
    sites = matcher.run(candidates)
    followable = (*sites, *matcher.held)
    if not any(isinstance(site.node, FOLLOWED) for site in followable) and not _framework_subclasses(
        tree, imports, table
    ):
        return sites
    from .flow import Flow

    followed = Flow(tree, matcher, bindings.bound, conftest=conftest).run()
    followed.sort(key=site_position)
    return followed


def _framework_subclasses(tree: ast.Module, imports: ImportMap, table: Table) -> bool:
    return any(
        isinstance(statement, ast.ClassDef) and framework_apis(statement, imports, table) for statement in tree.body
    )
