"""The generated part of `mkdocs.yml`'s navigation: the home pages, every rule page and every status page.

Listing the pages here, rather than by hand, keeps the site's menu complete as rules and codes are added; the
staleness check fails when `mkdocs.yml` lags behind. The hand-written pages (architecture, performance, ...)
stay in `mkdocs.yml` after the generated block.
"""

from __future__ import annotations

import json
import re

from ..rules.rule import Rule
from ..statuses import Status
from .labels import LABELS
from .status_page import page_path

# Each language's pages sit between its own pair of markers, so that hand-written sections can go between them.
_MARKER = "# nav:{lang}:{edge}"

# The menu title of each language's section but English, which is the site's top level.
LANGUAGE_NAMES = {"ko": "한국어"}


class MissingNavMarkers(ValueError):
    """`mkdocs.yml` has no generated-navigation markers to write between."""


def nav_entries(rules: tuple[Rule, ...], statuses: tuple[Status, ...], lang: str, folder: str) -> list[str]:
    """YAML sequence items (unindented) for one language's pages under `folder` (`""` or `"ko/"`).

    Pages carry no titles here: MkDocs takes each page's first heading, the same one GitHub shows.
    """
    labels = LABELS[lang]
    home = "index.md" if lang == "en" else "README.md"
    lines = [f"- {folder}{home}", f"- {_quoted(labels.rules_title)}:"]
    lines += [f"    - {folder}rules/{rule.code}.md" for rule in rules]
    lines.append(f"- {_quoted(labels.catalogue_title)}:")
    lines.append(f"    - {folder}status-codes.md")
    lines += [f"    - {folder}{page_path(status.code)}" for status in statuses]
    return lines


def nav_block(rules: tuple[Rule, ...], statuses: tuple[Status, ...], lang: str, indent: str) -> str:
    """The lines of `lang`'s block, markers included, each indented by `indent`: English pages at the top
    level, another language's in a section of its own."""
    if lang == "en":
        lines = nav_entries(rules, statuses, lang, "")
    else:
        section = nav_entries(rules, statuses, lang, f"{lang}/")
        lines = [f"- {_quoted(LANGUAGE_NAMES[lang])}:", *("    " + line for line in section)]
    start = _MARKER.format(lang=lang, edge="start") + " (written by `python -m flake8_http_status.docs --write`)"
    return "\n".join(indent + line for line in [start, *lines, _MARKER.format(lang=lang, edge="end")])


def config_with_nav(
    config: str, rules: tuple[Rule, ...], statuses: tuple[Status, ...], languages: tuple[str, ...]
) -> str:
    """`config` (the text of mkdocs.yml) with each language's generated navigation brought up to date."""
    for lang in languages:
        start, end = (re.escape(_MARKER.format(lang=lang, edge=edge)) for edge in ("start", "end"))
        block = re.compile(rf"^([ \t]*){start}[^\n]*\n(?:.*?\n)??[ \t]*{end}$", re.DOTALL | re.MULTILINE)
        match = block.search(config)
        if match is None:
            raise MissingNavMarkers(f"mkdocs.yml has no {_MARKER.format(lang=lang, edge='start')} ... end block")
        replacement = nav_block(rules, statuses, lang, match.group(1))
        config = config[: match.start()] + replacement + config[match.end() :]
    return config


def _quoted(title: str) -> str:
    # A JSON string is a YAML double-quoted scalar; titles with a colon or a leading symbol stay safe.
    return json.dumps(title, ensure_ascii=False)
