"""The rule checkers as the engine runs them, imported when the first module is analysed, not with the plugin.

`registry` imports every rule module, with its messages and docs, and the HTS9xx rules bring the handler
model; flake8 imports the plugin in every process, also for files that have no status at all. This module
names the rule modules instead, in `registry`'s order, and keeps flake8's default-ignore list as text;
`tests/test_registry.py` checks both against `registry`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from types import ModuleType
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from ..findings import Finding
    from .context import Context
    from .rule import Rule

    Checker = Callable[[Context], Iterator[Finding]]

# Modules under `rules` that define `RULES` and `check(context)`, in the order their checkers run.
MODULES: Final[tuple[str, ...]] = (
    "naming",
    "status_lines",
    "mixing",
    "validity",
    "arguments",
    "choices.authentication",
    "choices.created",
    "choices.origin",
    "choices.content",
    "choices.methods",
    "choices.redirects",
    "choices.faults",
    "choices.refusals",
    "choices.swallowed",
    "choices.retry",
    "choices.openapi",
    "choices.uncreated",
)

# The codes of the rules that are off unless selected (`Rule.default` is False).
OFF_BY_DEFAULT: Final[tuple[str, ...]] = (
    "HTS914",
    "HTS915",
    "HTS916",
    "HTS918",
    "HTS919",
    "HTS921",
    "HTS922",
    "HTS923",
)


# The codes each of `MODULES` reports, in the same order: a module none of whose codes is shown (flake8 reports
# only what its selection decides) is neither imported nor run for the plugin (`hidden_skipped`).
CODES: Final[tuple[tuple[str, ...], ...]] = (
    ("HTS001", "HTS002"),
    ("HTS003",),
    ("HTS004",),
    ("HTS601", "HTS602", "HTS603", "HTS605", "HTS606"),
    ("HTS604",),
    ("HTS901", "HTS902", "HTS903"),
    ("HTS904", "HTS915"),
    ("HTS905",),
    ("HTS906", "HTS911"),
    ("HTS907", "HTS910"),
    ("HTS908", "HTS913", "HTS923"),
    ("HTS909", "HTS912", "HTS914", "HTS920"),
    ("HTS918", "HTS919"),
    ("HTS921",),
    ("HTS916",),
    ("HTS917",),
    ("HTS922",),
)


@lru_cache(maxsize=1)
def _modules() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"{__package__}.{name}") for name in MODULES)


@lru_cache(maxsize=8)
def shown_checkers(shown: Callable[[str], bool]) -> tuple[Checker, ...]:
    """The checkers of the modules that report at least one code `shown` lets through, importing only those:
    with flake8's default selection the four modules of rules that are off by default are skipped. Only for a
    caller that reports nothing but shown findings (the plugin: flake8 drops the rest itself), since a hidden
    finding never changes a shown one (`one_answer` counts only shown findings)."""
    return tuple(_checker(name) for name in _shown_modules(shown))


@lru_cache(maxsize=8)
def _shown_modules(shown: Callable[[str], bool]) -> tuple[str, ...]:
    """The modules that report a code `shown` lets through: asked once per selection, not for every module."""
    return tuple(name for name, codes in zip(MODULES, CODES, strict=True) if any(shown(code) for code in codes))


@cache
def _checker(name: str) -> Checker:
    check: Checker = importlib.import_module(f"{__package__}.{name}").check
    return check


def checkers_for(
    context: Context, shown: Callable[[str], bool] | None = None, *, gated: bool = True
) -> Iterator[Checker]:
    """The checkers to run on `context`, importing only those: with `shown`, of the modules that report a code it
    lets through (see `shown_checkers`); with `gated`, of the modules whose gate in `gates.GATES` passes (a gate is
    necessary: a module it stops has nothing to report here, so its import and the HTS9xx handler model it would
    build are saved)."""
    from .gates import GATES  # with the engine: the plugin imports this module for OFF_BY_DEFAULT alone

    for name in MODULES if shown is None else _shown_modules(shown):
        gate = GATES.get(name) if gated else None
        if gate is None or gate(context):
            yield _checker(name)


@lru_cache(maxsize=1)
def checkers() -> tuple[Checker, ...]:
    return tuple(module.check for module in _modules())


@lru_cache(maxsize=1)
def rules_by_code() -> dict[str, Rule]:
    """The rules of the modules the engine runs, by code: what the engine itself needs to know of them (their
    default, their fix), without `registry` and what it brings."""
    return {rule.code: rule for module in _modules() for rule in module.RULES}


@cache
def rule_for(code: str) -> Rule | None:
    """The rule of `code`, importing only the module that reports it (which has run if a finding has that code)."""
    for name, codes in zip(MODULES, CODES, strict=True):
        if code in codes:
            module = importlib.import_module(f"{__package__}.{name}")
            rules: tuple[Rule, ...] = module.RULES
            return next(rule for rule in rules if rule.code == code)
    return None
