"""A rule's page text in a language: English from the rule itself, the others from `i18n/texts`.

It is here, above the translations, because it reads a `Rule`; the translations know rules by code only.
"""

from __future__ import annotations

from ..i18n import DEFAULT_LANGUAGE
from ..i18n.texts import RuleText, translated_rule_text
from .rule import Rule


def english_rule_text(rule: Rule) -> RuleText:
    doc = rule.doc
    return RuleText(rule.summary, doc.what, doc.why, doc.fix_safety, doc.not_reported, doc.references, doc.options)


def rule_text(rule: Rule, lang: str) -> RuleText:
    return english_rule_text(rule) if lang == DEFAULT_LANGUAGE else translated_rule_text(rule.code, lang)
