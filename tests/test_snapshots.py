"""Every fixture app's snapshot (`fixtures/<framework>/<name>.py.snap`, made by `tests/snapshots.py`)
matches what the shipped code gives now: flake8's output with this plugin, and the diffs of
`http-status fix --diff` without and with `--unsafe-fixes`.

After a deliberate change, regenerate them and review the diff before committing:

    HTTP_STATUS_UPDATE_SNAPSHOTS=1 .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_snapshots.py

That rewrites every snapshot that differs, writes missing ones and deletes those whose fixture is
gone. The inline `# expect:` comments (tests/test_fixtures.py) stay the reviewed statement of which
findings a fixture must give; that applying a fixture's fixes a second time changes nothing is
checked by tests/test_fix_examples.py.
"""

from __future__ import annotations

import difflib
import functools
import os
from collections import Counter
from pathlib import Path

import pytest
from expectations import FIXTURES, fixture_files, read
from snapshots import FLAKE8_HEADING, ROOT, committed, relative, snapshot_path, snapshots

UPDATE = os.environ.get("HTTP_STATUS_UPDATE_SNAPSHOTS", "") not in ("", "0")


@functools.cache
def made_now() -> dict[Path, str]:
    return snapshots()


def test_snapshots_match_what_ships() -> None:
    made = made_now()
    stale: list[str] = []
    for path, text in made.items():
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old == text:
            continue
        if UPDATE:
            path.write_text(text, encoding="utf-8", newline="\n")
            continue
        name = relative(path)
        diff = difflib.unified_diff(
            (old or "").splitlines(keepends=True),
            text.splitlines(keepends=True),
            fromfile=f"{name} (committed)" if old is not None else "(missing)",
            tofile=f"{name} (now)",
        )
        stale.append("".join(diff))
    orphans = [path for path in committed() if path not in made]
    if UPDATE:
        for path in orphans:
            path.unlink()
        orphans = []
    stale.extend(f"{relative(path)}: no fixture {path.name.removesuffix('.snap')} beside it\n" for path in orphans)
    assert not stale, (
        "snapshots differ from what the code gives now; if the change is intended, run\n"
        "HTTP_STATUS_UPDATE_SNAPSHOTS=1 pytest tests/test_snapshots.py and review the diff\n\n" + "\n".join(stale)
    )


def test_snapshots_name_no_machine_paths() -> None:
    root = str(ROOT)
    assert all(root not in text for text in made_now().values())


@pytest.mark.parametrize("fixture", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_real_flake8_reports_what_the_inline_comments_expect(fixture: Path) -> None:
    """The snapshot's flake8 section, made now, holds exactly the findings the `# expect:` comments list."""
    text = made_now()[snapshot_path(fixture)]
    reported = text.split(FLAKE8_HEADING, 1)[1].split("\n## ", 1)[0].splitlines()[1:]
    name = relative(fixture)
    found = Counter(
        (int(line.split(":")[1]), line.split(": ", 1)[1].split(" ", 1)[0])
        for line in reported
        if line.startswith(f"{name}:")
    )
    assert found == read(fixture).findings
