"""Mutations of real modules, line by line and token by token, as Hypothesis strategies.

Real files reach the tools in states no grammar-based generator produces: half-edited, merged
badly, cut off, with a number swapped for another. Each mutation here is small, so most mutants
still parse and reach the analysis and the fixer; the rest exercise their error paths.
"""

from __future__ import annotations

import io
import keyword
import tokenize
from collections.abc import Callable, Sequence
from pathlib import Path

from hypothesis import reject
from hypothesis import strategies as st

from flake8_http_status.fixer.errors import FixError
from flake8_http_status.fixer.source import decode, split_lines

# Texts a mutation may put in place of a token or insert as a line.
NUMBERS = (
    "200",
    "201",
    "204",
    "301",
    "400",
    "401",
    "404",
    "418",
    "422",
    "500",
    "599",
    "600",
    "99",
    "0",
    "-1",
    "1e3",
    "0x194",
    "404j",
    "404.0",
    "True",
    "None",
)
STRINGS = ("'200 OK'", "'404 Not Found'", "'201'", "b'200'", "f'{x}'", "''", "'HTTP_404_NOT_FOUND'")
SNIPPETS = (
    "abort(404)",
    "return jsonify(x), 201",
    "response.status_code = 204",
    "assert r.status_code == 200",
    "raise HTTPException(status_code=404)",
    "return Response(status=301)",
    "status = 200",
    "@app.errorhandler(500)",
    "from http import HTTPStatus",
    "from fastapi import status",
    "import flask",
    "return 'x', 200, {}",
    "if x:",
    "else:",
    "try:",
    "except Exception:",
    "pass",
    "def status(): pass",
    "HTTPStatus = None",
    "(",
    ")",
    "\\",
)

Mutation = Callable[[st.DrawFn, str], str]


def _line_index(draw: st.DrawFn, lines: Sequence[str]) -> int:
    return draw(st.integers(0, max(len(lines) - 1, 0)))


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t"))]


def delete_line(draw: st.DrawFn, text: str) -> str:
    lines = split_lines(text)
    if lines:
        del lines[_line_index(draw, lines)]
    return "".join(lines)


def duplicate_line(draw: st.DrawFn, text: str) -> str:
    lines = split_lines(text)
    if lines:
        index = _line_index(draw, lines)
        lines.insert(index, lines[index])
    return "".join(lines)


def move_line(draw: st.DrawFn, text: str) -> str:
    lines = split_lines(text)
    if lines:
        line = lines.pop(_line_index(draw, lines))
        lines.insert(draw(st.integers(0, len(lines))), line)
    return "".join(lines)


def reindent_line(draw: st.DrawFn, text: str) -> str:
    lines = split_lines(text)
    if lines:
        index = _line_index(draw, lines)
        prefix = draw(st.sampled_from(["", "    ", "\t", " ", "        "]))
        lines[index] = prefix + lines[index].lstrip(" \t")
    return "".join(lines)


def join_lines(draw: st.DrawFn, text: str) -> str:
    lines = split_lines(text)
    if len(lines) > 1:
        index = draw(st.integers(0, len(lines) - 2))
        lines[index : index + 2] = [
            lines[index].rstrip("\r\n") + draw(st.sampled_from(["", " ", "; "])) + lines[index + 1].lstrip()
        ]
    return "".join(lines)


def truncate(draw: st.DrawFn, text: str) -> str:
    return text[: draw(st.integers(0, len(text)))]


def insert_snippet(draw: st.DrawFn, text: str) -> str:
    lines = split_lines(text)
    index = draw(st.integers(0, len(lines)))
    indent = _indent(lines[index]) if index < len(lines) else ""
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines.insert(index, indent + draw(st.sampled_from(SNIPPETS)) + newline)
    return "".join(lines)


def _tokens(text: str) -> list[tokenize.TokenInfo]:
    try:
        return [t for t in tokenize.generate_tokens(io.StringIO(text, newline="").readline) if t.string.strip()]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return []


def _offset(lines: Sequence[str], position: tuple[int, int]) -> int:
    row, column = position
    return sum(len(line) for line in lines[: row - 1]) + column


def _replace_token(draw: st.DrawFn, text: str, choose: Callable[[tokenize.TokenInfo], str | None]) -> str:
    tokens = _tokens(text)
    if not tokens:
        return text
    token = tokens[draw(st.integers(0, len(tokens) - 1))]
    new = choose(token)
    if new is None:
        return text
    lines = split_lines(text)
    start, end = _offset(lines, token.start), _offset(lines, token.end)
    return text[:start] + new + text[end:]


def swap_number(draw: st.DrawFn, text: str) -> str:
    """A number (or, failing that, any token) becomes another number."""
    numbers = [t for t in _tokens(text) if t.type == tokenize.NUMBER]
    if not numbers:
        return _replace_token(draw, text, lambda token: draw(st.sampled_from(NUMBERS)))
    token = numbers[draw(st.integers(0, len(numbers) - 1))]
    lines = split_lines(text)
    start, end = _offset(lines, token.start), _offset(lines, token.end)
    return text[:start] + draw(st.sampled_from(NUMBERS)) + text[end:]


def replace_token(draw: st.DrawFn, text: str) -> str:
    names = sorted({t.string for t in _tokens(text) if t.type == tokenize.NAME})
    pool = [*names, *keyword.kwlist, *NUMBERS, *STRINGS, "(", ")", ",", ":", "=", ".", "*", "**", "@", "[", "]"]
    return _replace_token(draw, text, lambda token: draw(st.sampled_from(pool)))


def delete_token(draw: st.DrawFn, text: str) -> str:
    return _replace_token(draw, text, lambda token: "")


def duplicate_token(draw: st.DrawFn, text: str) -> str:
    return _replace_token(draw, text, lambda token: token.string + draw(st.sampled_from(["", " "])) + token.string)


MUTATIONS: tuple[Mutation, ...] = (
    delete_line,
    duplicate_line,
    move_line,
    reindent_line,
    join_lines,
    truncate,
    insert_snippet,
    swap_number,
    swap_number,
    replace_token,
    delete_token,
    duplicate_token,
)


def python_files(root: Path, limit_bytes: int = 200_000) -> list[Path]:
    """Python files under `root` small enough to mutate quickly, in a stable order."""
    return sorted(path for path in root.rglob("*.py") if path.is_file() and path.stat().st_size <= limit_bytes)


@st.composite
def mutants(draw: st.DrawFn, sources: Sequence[Path], most: int = 4) -> str:
    """One of `sources` (read as Python would decode it) with one to `most` mutations applied."""
    path = draw(st.sampled_from(sources))
    try:
        text = decode(path.read_bytes()).text
    except FixError:
        reject()  # not text Python can read: nothing to mutate
    for _ in range(draw(st.integers(1, most))):
        text = draw(st.sampled_from(MUTATIONS))(draw, text)
    return text
