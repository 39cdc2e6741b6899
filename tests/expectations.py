"""Inline expectations in fixture files.

A finding is expected on a line that ends with a comment such as `# expect: HTS001` or
`# expect: HTS001, HTS605` (one entry per finding). A comment `# options: --http-status-style=drf`
in the first lines gives the flake8 options the file is checked with.
"""

from __future__ import annotations

import io
import re
import shlex
import tokenize
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flake8_http_status.findings import Finding
from flake8_http_status.fixer.noqa import NoqaLines
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.rules.registry import OFF_BY_DEFAULT

_EXPECT = re.compile(r"#\s*expect:\s*(.+)$")
_OPTIONS = re.compile(r"#\s*options:\s*(.+)$")
_CODE = re.compile(r"HTS\d{3}\Z")
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@dataclass(frozen=True)
class Expectations:
    path: Path
    findings: Counter[tuple[int, str]]
    options: tuple[str, ...]


def read(path: Path) -> Expectations:
    source = path.read_text(encoding="utf-8")
    findings: Counter[tuple[int, str]] = Counter()
    options: list[str] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type != tokenize.COMMENT:
            continue
        line = token.start[0]
        expect = _EXPECT.search(token.string)
        if expect:
            for code in (part.strip() for part in expect.group(1).split(",")):
                if not _CODE.match(code):
                    raise ValueError(f"{path}:{line}: bad expectation {code!r}")
                findings[(line, code)] += 1
        option = _OPTIONS.search(token.string)
        if option and line <= 10:
            options.extend(shlex.split(option.group(1)))
    return Expectations(path, findings, tuple(options))


def fixture_files() -> list[Path]:
    return sorted(FIXTURES.rglob("*.py"))


_SELECT = "--extend-select="


def split_options(options: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The plugin's own options, and the rule codes a fixture turns on with flake8's `--extend-select=`."""
    enabled = frozenset(
        code for option in options if option.startswith(_SELECT) for code in option[len(_SELECT) :].split(",")
    )
    return tuple(option for option in options if not option.startswith(_SELECT)), enabled


def shown(findings: Iterable[Finding], enabled: frozenset[str] = frozenset()) -> list[Finding]:
    """What flake8 shows by default: rules that are off by default only when enabled."""
    return [finding for finding in findings if finding.code not in OFF_BY_DEFAULT or finding.code in enabled]


def unsuppressed(findings: Iterable[Finding], source: str) -> list[Finding]:
    """Findings no `# noqa` covers, read by the package's one `# noqa` parser (the fixer's, which reads
    the comments exactly as flake8 does)."""
    noqa = NoqaLines(source, split_lines(source))
    return [finding for finding in findings if not noqa.silences(finding.start.line, finding.code)]
