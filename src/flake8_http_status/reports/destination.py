"""Where a report goes: stdout, or the file `--output-file` names (created or replaced, UTF-8)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_report(text: str, path: Path | None) -> str | None:
    """Write `text`; the reason, in one line, when the file cannot be written."""
    if path is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        return f"cannot write {path}: {error.strerror or error}"
    return None
