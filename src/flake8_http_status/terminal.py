"""Markdown from the docs generators, shown in a terminal: headings styled, paragraphs wrapped to the window.

Only the subset the generators write is understood: ATX headings, single-line paragraphs and list
items, fenced code blocks and pipe tables, with inline code, bold and links.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from typing import TextIO

from .docs.markdown import display_width
from .records import NamedTuple

BOLD, UNDERLINE, CYAN, YELLOW, DIM, RESET = "\x1b[1m", "\x1b[4m", "\x1b[36m", "\x1b[33m", "\x1b[2m", "\x1b[0m"
_HEADING_STYLES = {1: BOLD + UNDERLINE, 2: BOLD + YELLOW, 3: BOLD}
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_CODE = re.compile(r"`([^`]+)`")
_STRONG = re.compile(r"\*\*(.+?)\*\*")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
MAX_WIDTH = 100


class Style(NamedTuple):
    color: bool
    width: int  # the column to wrap at


def style_for(stream: TextIO, color: str = "auto") -> Style | None:
    """The style for `stream`, or None for plain output (not a terminal, NO_COLOR, TERM=dumb, --color=never)."""
    if color == "never":
        return None
    if color == "auto" and (not stream.isatty() or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb"):
        return None
    columns = shutil.get_terminal_size((80, 24)).columns
    return Style(color=True, width=max(40, min(columns, MAX_WIDTH)))


def render(markdown: str, style: Style | None) -> str:
    """`markdown` styled for a terminal; unchanged when `style` is None (piped output stays plain)."""
    if style is None:
        return markdown
    out: list[str] = []
    lines = markdown.rstrip("\n").split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("```"):
            end = lines.index("```", index + 1) if "```" in lines[index + 1 :] else len(lines)
            out.extend(("    " + code).rstrip() for code in lines[index + 1 : end])
            index = end + 1
            continue
        if line.startswith("|"):
            end = index
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            out.extend(_table(lines[index:end]))
            index = end
            continue
        out.extend(_block(line, style))
        index += 1
    return "\n".join(out) + "\n"


def visible_width(text: str) -> int:
    return display_width(_ANSI.sub("", text))


def inline(text: str) -> str:
    """Inline Markdown as terminal styles: links keep their text (and an external address), code in colour."""
    text = _LINK.sub(_link, text)
    text = _CODE.sub(lambda m: f"{CYAN}{m.group(1)}{RESET}", text)
    return _STRONG.sub(lambda m: f"{BOLD}{m.group(1)}{RESET}", text)


def _link(match: re.Match[str]) -> str:
    text, target = match.group(1), match.group(2)
    return text if target.startswith("#") else f"{text} {DIM}<{target}>{RESET}"


def _block(line: str, style: Style) -> list[str]:
    heading = re.match(r"(#{1,6}) (.*)", line)
    if heading:
        level = len(heading.group(1))
        return [f"{_HEADING_STYLES.get(level, BOLD)}{_ANSI.sub('', inline(heading.group(2)))}{RESET}"]
    if line.startswith("> "):  # a notice
        return wrap(f"{YELLOW}{inline(line[2:])}{RESET}", style.width)
    if line.startswith("- "):
        return wrap(inline(line[2:]), style.width, first="  • ", rest="    ")
    if not line.strip():
        return [""]
    return wrap(inline(line), style.width)


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Greedy word wrap by visible width (ANSI codes take no room; Hangul takes two columns)."""
    lines: list[str] = []
    current, used = first, visible_width(first)
    for word in text.split(" "):
        size = visible_width(word)
        if used + size > width and current.strip():
            lines.append(current.rstrip())
            current, used = rest, visible_width(rest)
        current += word + " "
        used += size + 1
    lines.append(current.rstrip())
    return lines


def _table(rows: list[str]) -> list[str]:
    cells = [[inline(cell.strip()) for cell in row.strip().strip("|").split("|")] for row in rows]
    cells = [row for row in cells if not all(set(_ANSI.sub("", cell)) <= {"-"} for cell in row)]
    widths = [max(visible_width(row[i]) for row in cells if i < len(row)) for i in range(len(cells[0]))]
    lines = []
    for number, row in enumerate(cells):
        padded = [cell + " " * (widths[i] - visible_width(cell)) for i, cell in enumerate(row)]
        line = "  ".join(padded).rstrip()
        lines.append(f"{BOLD}{_ANSI.sub('', line)}{RESET}" if number == 0 else line)
    return lines


def write(text: str, stream: TextIO | None = None) -> None:
    """Writes `text` to `stream` (stdout), replacing what its encoding cannot show instead of failing."""
    stream = stream if stream is not None else sys.stdout  # looked up now: tests and callers replace it
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(text.encode(encoding, "replace").decode(encoding))
