"""A rule's page: title, one-line summary, default, fix safety, message, then the eight fixed sections."""

from __future__ import annotations

from ..i18n.messages import message_catalog
from ..i18n.texts import RuleText, is_translated
from ..rules.rule import Example, Rule
from ..rules.texts import english_rule_text, rule_text
from .labels import LABELS, Labels
from .markdown import bullets, code_block, link_references


def rule_page(rule: Rule, lang: str) -> str:
    """The page in `lang`; a rule not yet translated gets the English text under a notice saying so."""
    labels = LABELS[lang]
    translated = is_translated(rule.code, lang)
    text = rule_text(rule, lang) if translated else english_rule_text(rule)
    sections = [
        f"# {rule.code}: {rule.slug}",
        *([] if translated else [labels.untranslated]),
        text.summary,
        _facts(rule, lang, labels),
        f"## {labels.what}",
        text.what,
        f"## {labels.why}",
        text.why,
        f"## {labels.example}",
        *_examples(rule.doc.examples, labels, bad=True),
        f"## {labels.use_instead}",
        *_examples(rule.doc.examples, labels, bad=False),
        f"## {labels.fix_safety}",
        text.fix_safety,
        f"## {labels.options}",
        bullets(text.options) if text.options else labels.none,
        f"## {labels.not_reported}",
        bullets(text.not_reported) if text.not_reported else labels.none,
        f"## {labels.references}",
        bullets([link_references(reference) for reference in text.references]) if text.references else labels.none,
    ]
    return "\n\n".join(sections) + "\n"


def message_template(rule: Rule, lang: str) -> str:
    return rule.message if lang == "en" else message_catalog(lang).templates.get(rule.code, rule.message)


def summary(rule: Rule, lang: str) -> str:
    text: RuleText = rule_text(rule, lang) if is_translated(rule.code, lang) else english_rule_text(rule)
    return text.summary


def _facts(rule: Rule, lang: str, labels: Labels) -> str:
    default = labels.on_by_default if rule.default else labels.off_by_default.format(code=rule.code)
    fix = f"{labels.fix}: {labels.fixes[rule.fix]}"
    return f"{default} · {fix} · {labels.message}: `{message_template(rule, lang)}`"


def _examples(examples: tuple[Example, ...], labels: Labels, *, bad: bool) -> list[str]:
    blocks = []
    for example in examples:
        if example.options:
            options = " ".join(f"`{option}`" for option in example.options)
            blocks.append(labels.with_options.format(options=options))
        blocks.append(code_block(example.bad if bad else example.good))
    return blocks
