"""A finding as the reports show it: located in characters as editors count them, with its fix as plain edits.

The engine's findings carry `ast` positions (UTF-8 byte columns, 0-based); flake8 prints the byte column + 1.
The machine-readable formats (JSON, SARIF, GitHub, GitLab) count columns in characters, 1-based, as ruff's JSON
does; `column` keeps flake8's own number for the text formats, so that their lines equal flake8's.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from ..doc_links import rule_url
from ..findings import Edit, Finding, FixSafety, Position
from ..records import NamedTuple


class Location(NamedTuple):
    row: int  # 1-based line
    column: int  # 1-based, in characters (code points)


class Replacement(NamedTuple):
    content: str
    location: Location
    end_location: Location


class FixRecord(NamedTuple):
    applicability: str  # "safe" or "unsafe"
    message: str
    edits: tuple[Replacement, ...]


class Record(NamedTuple):
    path: str  # as found (relative to the current directory when the user named a relative path)
    absolute: str
    code: str
    message: str  # without the code
    location: Location
    end_location: Location
    column: int  # flake8's column: the UTF-8 byte offset + 1
    fix: FixRecord | None
    noqa_row: int  # the line on which a noqa comment would silence this finding
    source_line: str  # the text of the finding's first line, stripped (fingerprints read it)
    url: str  # the rule's documentation page

    @property
    def fixable(self) -> str | None:
        """ "safe", "unsafe" or None."""
        return None if self.fix is None else self.fix.applicability


def record_for(path: str, finding: Finding, lines: Sequence[str], lang: str = "en") -> Record:
    """`finding` in the file `path` whose lines are `lines` (with their endings)."""
    start, end = finding.start, finding.end
    return Record(
        path,
        os.path.abspath(path),
        finding.code,
        finding.message,
        _location(start, lines),
        _location(end, lines),
        start.column + 1,
        _fix(finding, lines),
        start.line,
        _line(lines, start.line).strip(),
        rule_url(finding.code, lang),
    )


def _line(lines: Sequence[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _location(position: Position, lines: Sequence[str]) -> Location:
    line = _line(lines, position.line)
    prefix = line.encode("utf-8", "surrogatepass")[: position.column]
    return Location(position.line, len(prefix.decode("utf-8", "replace")) + 1)


def _fix(finding: Finding, lines: Sequence[str]) -> FixRecord | None:
    fix = finding.fix
    if fix is None or fix.safety is FixSafety.NONE:
        return None
    edits = tuple(_replacement(edit, lines) for edit in fix.edits)
    return FixRecord(fix.safety.value, _fix_message(fix.edits, [i.statement() for i in fix.imports]), edits)


def _replacement(edit: Edit, lines: Sequence[str]) -> Replacement:
    return Replacement(edit.text, _location(edit.start, lines), _location(edit.end, lines))


def _fix_message(edits: Sequence[Edit], imports: Sequence[str]) -> str:
    """What the fix does, in one line. The imports it adds are said here, not given as edits: `http-status fix`
    places them (merged into an existing import or after the module's head), which the edits alone cannot say."""
    texts = [edit.text for edit in edits]
    said = f"Replace with `{texts[0]}`" if len(texts) == 1 else f"{len(texts)} edits"
    if imports:
        said += "; add `" + "`, `".join(imports) + "`"
    return said
