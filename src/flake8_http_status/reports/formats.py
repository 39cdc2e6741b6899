"""The output formats by name: each a pure function from records to the text to write."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from . import github, gitlab, json_format, sarif, text
from .record import Record

Render = Callable[[Sequence[Record]], str]

NAMES: tuple[str, ...] = ("text", "concise", "json", "sarif", "github", "gitlab")
HELP = (
    "text: `path:line:col: CODE message` lines and a count (--show-fixes marks fixable findings [*]); "
    "concise: the same lines only, exactly as flake8 prints them; json: ruff-shaped objects; "
    "sarif: SARIF 2.1.0 for code scanning; github: workflow-command annotations; gitlab: Code Quality JSON"
)


def renderer(name: str, *, show_fixes: bool = False, lang: str = "en") -> Render:
    chosen: dict[str, Render] = {
        "text": partial(text.text, show_fixes=show_fixes),
        "concise": text.concise,
        "json": json_format.render,
        "sarif": partial(sarif.render, lang=lang),
        "github": github.render,
        "gitlab": gitlab.render,
    }
    return chosen[name]
