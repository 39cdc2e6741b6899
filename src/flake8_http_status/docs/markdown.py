"""Small Markdown builders shared by the generated pages and the terminal renderer."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_RFC_SECTION = re.compile(r"RFC (\d{4}) §(\d+(?:\.\d+)*)")
_RFC = re.compile(r"RFC (\d{4})(?! §)")
_DRAFT = re.compile(r"(draft-[a-z0-9-]+)")
_IANA = re.compile(r"IANA HTTP (?:Status Code Registry|상태 코드 레지스트리)")
IANA_URL = "https://www.iana.org/assignments/http-status-codes/http-status-codes.xhtml"


def display_width(text: str) -> int:
    """Terminal columns `text` takes: East Asian wide characters (Hangul among them) take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def table(header: Sequence[str], rows: Sequence[Sequence[str]], aligned: bool = True) -> str:
    """A Markdown table. `aligned` pads columns so they line up as plain text too; without it, adding a
    row never rewrites the others (for long tables that grow, such as the rule list)."""
    if not aligned:
        separator = "|" + "|".join("---" for _ in header) + "|"
        return "\n".join([_row(header), separator, *(_row(row) for row in rows)])
    widths = [max(display_width(row[i]) for row in (header, *rows)) for i in range(len(header))]
    widths = [max(width, 3) for width in widths]

    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(pad(cell, width) for cell, width in zip(cells, widths, strict=True)) + " |"

    separator = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(header), separator, *(line(row) for row in rows)])


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def code_block(code: str, language: str = "python") -> str:
    return f"```{language}\n{code.rstrip()}\n```"


def bullets(items: Sequence[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def link_references(text: str) -> str:
    """Links the RFC sections, RFCs, drafts and IANA registry named in `text` to their documents."""
    text = _RFC_SECTION.sub(
        lambda m: f"[{m.group(0)}](https://www.rfc-editor.org/rfc/rfc{m.group(1)}.html#section-{m.group(2)})", text
    )
    text = _RFC.sub(lambda m: f"[{m.group(0)}](https://www.rfc-editor.org/rfc/rfc{m.group(1)}.html)", text)
    text = _DRAFT.sub(lambda m: f"[{m.group(1)}](https://datatracker.ietf.org/doc/{m.group(1)}/)", text)
    return _IANA.sub(lambda m: f"[{m.group(0)}]({IANA_URL})", text)
