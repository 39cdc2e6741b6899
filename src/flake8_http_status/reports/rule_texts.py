"""What the reports say of a rule, from the rule registry: its slug and descriptions."""

from __future__ import annotations

from ..rules.registry import BY_CODE
from ..rules.rule import Rule


def rule_of(code: str) -> Rule | None:
    return BY_CODE.get(code)


def slug_of(code: str) -> str:
    rule = rule_of(code)
    return rule.slug if rule is not None else code
