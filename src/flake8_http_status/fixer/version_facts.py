"""The verifier's own check of version facts: a constant the rewrite makes the module read must exist, and
read without a warning, on every release the project admits (`families.Target`, `versions.name_fact`).

It does not trust the speller: it reads the rewritten module itself, through the same scope rules the
equivalence check uses, so a later speller bug (or a fix from elsewhere) is caught before a file is written.
A name the original module already read is not the rewrite's doing and is left to the rules.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence

from ..families import FAMILIES, Target, constant_for
from ..findings import Finding
from ..versions import name_fact, shown
from .errors import FixError, FixFailure
from .scopes import Resolver

_PACKAGES = {"python": "Python", "starlette": "Starlette", "djangorestframework": "DRF"}


def check_versions(
    original: ast.Module, after: Resolver, rewritten: ast.Module, target: Target | None, applied: Sequence[Finding]
) -> None:
    """Raise FixError (UNVERIFIED) when `rewritten` reads a constant that `original` does not and that is
    missing, or warns, on some release `target` admits; the line is that of the fix that wrote it."""
    if target is None:
        return
    unsafe = [(name, node, found) for name, node in _constants(after, rewritten) if (found := target.problem(name))]
    if not unsafe:
        return
    already = {name for name, _ in _constants(Resolver(original), original)}
    for name, node, (kind, version) in unsafe:
        if name in already:
            continue
        fact = name_fact(name)
        assert fact is not None  # `target.problem` found one
        release = f"{_PACKAGES[fact.package]} {shown(version)}"
        why = f"is missing before {release}" if kind == "missing" else f"warns on {release} and later"
        raise FixError(
            FixFailure.UNVERIFIED,
            f"the rewrite would read {name}, which {why}, and the project admits those releases; file left unchanged",
            _line(name, applied, node),
        )


def _constants(resolver: Resolver, tree: ast.Module) -> Iterator[tuple[str, ast.expr]]:
    """(qualified name in its family's own namespace, node) for every style-family constant `tree` reads."""
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Name, ast.Attribute)):
            continue
        qualified = resolver.qualify(node)
        constant = constant_for(qualified) if qualified else None
        if constant is not None and constant.is_style_family:
            yield f"{FAMILIES[constant.family].namespace}.{constant.name}", node


def _line(name: str, applied: Sequence[Finding], node: ast.expr) -> int | None:
    """The original line of the fix that wrote `name`; the rewritten module's line when none says so."""
    attribute = name.rpartition(".")[2]
    for finding in applied:
        if finding.fix is not None and any(edit.text.endswith(attribute) for edit in finding.fix.edits):
            return finding.start.line
    return getattr(node, "lineno", None)
