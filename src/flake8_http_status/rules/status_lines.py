"""HTS003: a status written as text that contradicts itself or that the API cannot take."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.sites import Site
from ..analysis.spelling import Spelled
from ..analysis.values import Spelling
from ..api.rows import Text
from ..findings import Finding, Fix, FixSafety
from ..i18n.phrase import Phrase
from ..statuses import code_for_phrase, lookup
from .context import Context
from .rule import Example, Rule, RuleDoc

STATUS_LINE_MISMATCH = Rule(
    code="HTS003",
    slug="status-line-mismatch",
    message="{text} {problem}; write {suggestion}",
    summary="A status string whose code and reason phrase disagree, or whose form the API cannot take.",
    fix=FixSafety.UNSAFE,
    doc=RuleDoc(
        what=(
            "Reports a status written as a string that cannot mean what it says: a status line whose reason "
            'phrase belongs to another code (`"200 Created"`), a bare numeric string where the API needs an '
            'int or a whole status line (Bottle\'s `response.status = "201"`, Sanic\'s `status="201"`), and a '
            "whole status line where the API converts the value with `int()` (Quart's return tuples)."
        ),
        why=(
            'Clients act on the number and ignore the phrase, so `"200 Created"` tells a reader one thing and '
            'a client another. Frameworks differ in what text they accept: Bottle rejects `"201"` and Quart '
            'rejects `"201 Created"` with a ValueError, and Sanic refuses any str when it sends the response.'
        ),
        examples=(
            Example(
                bad=(
                    'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.post("/items")\ndef create():\n'
                    '    return "", "200 Created"\n'
                ),
                good=(
                    'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.post("/items")\ndef create():\n'
                    '    return "", "200 OK"\n'
                ),
            ),
            Example(
                bad='from bottle import response\n\n\ndef created():\n    response.status = "201"\n',
                good='from bottle import response\n\n\ndef created():\n    response.status = "201 Created"\n',
            ),
        ),
        fix_safety=(
            "Unsafe: a corrected phrase or a status that now works changes what clients receive. For a phrase "
            "that disagrees, the fix keeps the number (what clients act on) and writes its registered phrase; "
            "check that the number was the intent."
        ),
        not_reported=(
            'Custom phrases that belong to no registered code (`"299 Whatever"`): Werkzeug and WebOb accept them.',
            'Strings that do not start with three digits, such as WebTest\'s `status="2*"` patterns.',
        ),
        references=("RFC 9110 §15 (status codes)", "RFC 9112 §4 (status line)"),
    ),
)

RULES = (STATUS_LINE_MISMATCH,)


def check(context: Context) -> Iterator[Finding]:
    for site in context.sites:
        if site.value.spelling is Spelling.TEXT and site.node is not None and site.misplaced is None:
            finding = _check_site(site, context)
            if finding is not None:
                yield finding


def _check_site(site: Site, context: Context) -> Finding | None:
    assert site.node is not None and site.code is not None
    code, phrase, policy = site.code, site.value.phrase, site.api.text
    text = context.source(site.node)
    if phrase is not None:
        other = code_for_phrase(phrase)
        status = lookup(code)
        if other is not None and other != code and status is not None:
            problem = Phrase("pairs {code} with the reason phrase of {other}", code=code, other=other)
            fixed = _requote(text, f"{code} {status.phrase}")
            return _finding(site, context, text, problem, fixed, fixed)
        if policy in (Text.CODE_ONLY, Text.INT_ONLY):
            problem = Phrase("is a status line, which {api} cannot take", api=site.api.label)
            return _as_constant(site, context, text, problem)
        return None
    if policy is Text.LINE_ONLY:
        return _as_constant(site, context, text, Phrase("is a bare number, which {api} rejects", api=site.api.label))
    if policy is Text.INT_ONLY:
        return _as_constant(site, context, text, Phrase("is a str, which {api} cannot send", api=site.api.label))
    return None


def _as_constant(site: Site, context: Context, text: str, problem: Phrase) -> Finding | None:
    assert site.code is not None
    spelled = context.speller.spell(site.code, at=site.node)
    if spelled is None:
        return None
    fix = context.replacement(site.node, spelled, FixSafety.UNSAFE) if site.node is not None else None
    return context.finding(
        STATUS_LINE_MISMATCH, site.node or site.anchor, fix, text=text, problem=problem, suggestion=spelled.text
    )


def _finding(site: Site, context: Context, text: str, problem: Phrase, suggestion: str, replacement: str) -> Finding:
    assert site.node is not None
    fix: Fix = context.replacement(site.node, Spelled(replacement), FixSafety.UNSAFE)
    return context.finding(STATUS_LINE_MISMATCH, site.node, fix, text=text, problem=problem, suggestion=suggestion)


def _requote(literal: str, content: str) -> str:
    """`content` in the same quotes and prefix as `literal` (a plain one-line string)."""
    prefix_length = len(literal) - len(literal.lstrip("rRbBuU"))
    prefix, rest = literal[:prefix_length], literal[prefix_length:]
    quote = rest[:3] if rest[:3] in ('"""', "'''") else rest[:1]
    return f"{prefix}{quote}{content}{quote}"
