"""The rule registry: every rule and the checker that reports it, in code order.

Messages, flake8's default-ignore list, the fixer's safety decisions, the generated docs and
`http-status explain` all read from here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Final

from ..findings import Finding
from . import arguments, mixing, naming, status_lines, validity
from .choices import (
    authentication,
    content,
    created,
    faults,
    methods,
    openapi,
    origin,
    redirects,
    refusals,
    retry,
    swallowed,
    uncreated,
)
from .context import Context
from .rule import Rule

Checker = Callable[[Context], Iterator[Finding]]

_MODULES: Final[tuple[ModuleType, ...]] = (
    naming,
    status_lines,
    mixing,
    validity,
    arguments,
    authentication,
    created,
    origin,
    content,
    methods,
    redirects,
    faults,
    refusals,
    swallowed,
    retry,
    openapi,
    uncreated,
)

RULES: Final[tuple[Rule, ...]] = tuple(
    sorted((rule for module in _MODULES for rule in module.RULES), key=lambda r: r.code)
)
BY_CODE: Final[dict[str, Rule]] = {rule.code: rule for rule in RULES}
CHECKERS: Final[tuple[Checker, ...]] = tuple(module.check for module in _MODULES)
OFF_BY_DEFAULT: Final[tuple[str, ...]] = tuple(rule.code for rule in RULES if not rule.default)


def rule(code: str) -> Rule:
    return BY_CODE[code]
