"""A fixed fixture passes the linters it passed before: real ruff finds no new unused import (F401)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from expectations import fixture_files
from fixing import outcome
from snapshots import options_of

RUFF = Path(sys.executable).with_name("ruff")


def _f401(folder: Path) -> Counter[str]:
    run = subprocess.run(
        [str(RUFF), "check", "--isolated", "--select", "F401", "--output-format", "json", "--exit-zero", str(folder)],
        capture_output=True,
        text=True,
        check=True,
    )
    return Counter(Path(item["filename"]).relative_to(folder).as_posix() for item in json.loads(run.stdout))


@pytest.mark.slow
@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_fixing_the_fixtures_adds_no_unused_import(tmp_path: Path, unsafe: bool) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    changed = 0
    for number, fixture in enumerate(fixture_files()):
        source = fixture.read_text(encoding="utf-8")
        fixed = outcome(source, *options_of(fixture), filename=str(fixture), unsafe=unsafe).text
        changed += fixed != source
        for folder, text in ((before, source), (after, fixed)):
            folder.mkdir(exist_ok=True)
            (folder / f"{number}_{fixture.name}").write_text(text, encoding="utf-8")
    assert changed > 10
    old, new = _f401(before), _f401(after)
    gained = {name: (old[name], new[name]) for name in new if new[name] > old[name]}
    assert not gained, f"fixed fixtures gained F401 findings (before, after): {gained}"
