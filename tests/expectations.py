"""Inline expectations in fixture files.

A finding is expected on a line that ends with a comment such as `# expect: HTS001` or
`# expect: HTS001, HTS605` (one entry per finding). A comment `# options: --http-status-style=drf`
in the first lines gives the flake8 options the file is checked with.

The multi-module apps under `fixtures/projects/<name>/` (each its own project root, with a
`pyproject.toml`) use the same comments. An entry written `HTS001 (index)` is a finding that only the
project index can give, because what makes it a status lives in another module of the project: with
`--http-status-project-index=off` exactly these entries disappear (tests/test_fixture_projects.py).
A comment `# gap: HTS901` marks a finding the index should give but does not yet: the tests check that
it is still missing, so that it becomes an `# expect:` entry when the analysis learns it. Either
comment may follow another on the same line (`# expect: HTS001  # gap: HTS901`).
An entry written `HTS001 (without index)` is the opposite: a finding that only appears with the index switched
off, because what the index finds answers the literal instead (`rules.one_answer`: HTS001 gives way to an HTS901
that only the index can give).
"""

from __future__ import annotations

import ast
import io
import re
import shlex
import tokenize
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from flake8_http_status.engine import analyse
from flake8_http_status.findings import Finding
from flake8_http_status.fixer.noqa import NoqaLines
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.options import settings_from_args
from flake8_http_status.rules.registry import OFF_BY_DEFAULT

_EXPECT = re.compile(r"#\s*expect:([^#]+)")
_GAP = re.compile(r"#\s*gap:([^#]+)")
_OPTIONS = re.compile(r"#\s*options:\s*(.+)$")
_ENTRY = re.compile(r"(?P<code>HTS\d{3})(?:(?P<index>\s*\(index\))|(?P<without>\s*\(without index\)))?\Z")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PROJECTS = FIXTURES / "projects"


@dataclass(frozen=True)
class Expectations:
    path: Path
    findings: Counter[tuple[int, str]]
    options: tuple[str, ...]
    through_index: Counter[tuple[int, str]]  # the part of `findings` marked `(index)`
    gaps: Counter[tuple[int, str]]  # findings the index should give and does not yet
    without_index: Counter[tuple[int, str]]  # findings given only with the index off (not in `findings`)


def read(path: Path) -> Expectations:
    source = path.read_text(encoding="utf-8")
    findings: Counter[tuple[int, str]] = Counter()
    through_index: Counter[tuple[int, str]] = Counter()
    gaps: Counter[tuple[int, str]] = Counter()
    without_index: Counter[tuple[int, str]] = Counter()
    options: list[str] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT:
            continue
        line = token.start[0]
        for marker, entries in ((_EXPECT, findings), (_GAP, gaps)):
            for listed in marker.findall(token.string):
                for part in listed.split(","):
                    entry = _ENTRY.match(part.strip())
                    if entry is None or ((entry["index"] or entry["without"]) and entries is gaps):
                        raise ValueError(f"{path}:{line}: bad expectation {part.strip()!r}")
                    if entry["without"]:
                        without_index[(line, entry["code"])] += 1
                        continue
                    entries[(line, entry["code"])] += 1
                    if entry["index"]:
                        through_index[(line, entry["code"])] += 1
        option = _OPTIONS.search(token.string)
        if option and line <= 10:
            options.extend(shlex.split(option.group(1)))
    return Expectations(path, findings, tuple(options), through_index, gaps, without_index)


def fixture_files() -> list[Path]:
    """Every fixture module: the single-file apps and every module of the fixture projects."""
    return sorted(FIXTURES.rglob("*.py"))


def fixture_projects() -> list[Path]:
    """The multi-module fixture apps: each folder of `fixtures/projects/` is a project root."""
    return sorted(path for path in PROJECTS.iterdir() if path.is_dir())


_SELECT = "--extend-select="


def split_options(options: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The plugin's own options, and the rule codes a fixture turns on with flake8's `--extend-select=`."""
    enabled = frozenset(
        code for option in options if option.startswith(_SELECT) for code in option[len(_SELECT) :].split(",")
    )
    return tuple(option for option in options if not option.startswith(_SELECT)), enabled


def showing(enabled: frozenset[str] = frozenset()) -> Callable[[str], bool]:
    """Whether flake8 shows a rule code by default: a rule that is off by default only when enabled. The engine
    is told the same (`shown=`), so that HTS001 gives way only to findings that are shown."""
    return lambda code: code not in OFF_BY_DEFAULT or code in enabled


def shown(findings: Iterable[Finding], enabled: frozenset[str] = frozenset()) -> list[Finding]:
    """What flake8 shows by default: rules that are off by default only when enabled."""
    return [finding for finding in findings if showing(enabled)(finding.code)]


def unsuppressed(findings: Iterable[Finding], source: str) -> list[Finding]:
    """Findings no `# noqa` covers, read by the package's one `# noqa` parser (the fixer's, which reads
    the comments exactly as flake8 does)."""
    noqa = NoqaLines(source, split_lines(source))
    return [finding for finding in findings if not noqa.silences(finding.start.line, finding.code)]


def found(path: Path, options: tuple[str, ...]) -> Counter[tuple[int, str]]:
    """The fixture's findings as flake8 shows them (see `shown`), checked at its real path: a module of a
    fixture project sees the project's other modules through the index."""
    plugin_options, enabled = split_options(options)
    source = path.read_text(encoding="utf-8")
    settings = settings_from_args(plugin_options)
    lines = source.splitlines(keepends=True)
    analysed = analyse(ast.parse(source), lines, str(path), settings, showing(enabled))
    findings = shown(unsuppressed(analysed, source), enabled)
    return Counter((finding.start.line, finding.code) for finding in findings)
