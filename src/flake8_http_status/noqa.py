"""`# noqa` comments, read the way flake8 reads them, for callers that do not go through flake8."""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable, Sequence

from .findings import Finding

# `# noqa` silences everything on its line; `# noqa: HTS001,HTS604` only codes starting with those.
_NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[A-Z][0-9]*(?:[,\s]+[A-Z][0-9]*)*))?", re.IGNORECASE)
ALL = frozenset({""})  # every code starts with ""


def suppressions(lines: Sequence[str]) -> dict[int, frozenset[str]]:
    """Line number -> code prefixes silenced on that line."""
    found: dict[int, frozenset[str]] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO("".join(lines)).readline):
            if token.type == tokenize.COMMENT:
                match = _NOQA.search(token.string)
                if match:
                    codes = match.group("codes")
                    found[token.start[0]] = frozenset(re.split(r"[,\s]+", codes.upper().strip())) if codes else ALL
    except (tokenize.TokenError, SyntaxError):
        pass  # a module ast could parse but tokenize cannot: keep what was read
    return found


def unsuppressed(findings: Iterable[Finding], lines: Sequence[str]) -> list[Finding]:
    silenced = suppressions(lines)
    return [
        finding for finding in findings
        if not any(finding.code.startswith(prefix) for prefix in silenced.get(finding.start.line, ()))
    ]
