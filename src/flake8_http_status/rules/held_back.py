"""Why a status has a name in the module's family but no fix: no name for it is safe on every release the
project admits (`versions.name_fact`). Messages say so, and what to require in pyproject.toml for a fix,
instead of writing a name that is missing on some releases or warns on others."""

from __future__ import annotations

from ..families import Family, Target
from ..i18n.phrase import Phrase
from ..versions import Version, name_fact, shown
from .context import Context

_PACKAGES = {"python": "Python", "starlette": "Starlette", "djangorestframework": "DRF"}
_REQUIREMENTS = {"python": "requires-python ", "starlette": "starlette", "djangorestframework": "djangorestframework"}


def held_back(context: Context, code: int) -> tuple[str, Phrase] | None:
    """The name the module's family would use for `code` as the module writes it, and why it is not
    written; None when the family has no name for `code` at all (or one is safe)."""
    family, target = context.family, context.target
    names = family.names(code)
    if not names or family.constant(code, target) is not None:
        return None
    problems = [(name, _problem(family, target, name)) for name in names]
    why = [_why(name, package, kind, version) for name, (package, kind, version) in problems]
    package, kind, version = problems[0][1]
    requirement = _REQUIREMENTS[package] + (">=" if kind == "missing" else "<") + shown(version)
    reason = why[0] if len(why) == 1 else Phrase("{first}, and {second}", first=why[0], second=why[1])
    return _written(context, names[0]), Phrase(
        "no fix: {reason}; require {requirement} to get one", reason=reason, requirement=requirement
    )


def _problem(family: Family, target: Target, name: str) -> tuple[str, str, Version]:
    qualified = f"{family.namespace}.{name}"
    found, fact = target.problem(qualified), name_fact(qualified)
    assert found is not None and fact is not None  # every name was refused, so each has a problem
    return fact.package, found[0], found[1]


def _why(name: str, package: str, kind: str, version: Version) -> Phrase:
    label, release = _PACKAGES[package], shown(version)
    if kind == "missing":
        return Phrase("{name} is missing before {package} {version}", name=name, package=label, version=release)
    return Phrase("{name} warns on {package} {version} and later", name=name, package=label, version=release)


def _written(context: Context, name: str) -> str:
    """`name` as a fix would write it in this module (through its import, or an alias where one is needed)."""
    spelled = context.speller.spell_name(name)
    family = context.family
    if spelled is not None:
        return spelled.text
    return name if family.import_constants else f"{family.import_name}.{name}"
