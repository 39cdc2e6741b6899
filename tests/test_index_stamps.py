"""`stamps.py`: which files get a stamp, and which edits change one (tests/test_index.py tests the index using them)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from flake8_http_status.stamps import read_stamped, stamp_from_json, unchanged


def rewritten(path: Path, old: str, new: str) -> None:
    """`path` with `old` replaced by `new` (of the same length), and its modification time put back."""
    assert len(old) == len(new)
    before = os.stat(path)
    time.sleep(0.05)  # past the clock tick of the file's times
    path.write_text(path.read_text().replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns


def test_a_file_just_written_gets_no_stamp(tmp_path: Path) -> None:
    path = tmp_path / "m.py"
    path.write_text("X = 1\n")
    assert read_stamped(str(path)) == (b"X = 1\n", None)
    os.utime(path, ns=(0, 10**18))  # an old modification time: the inode-change time is still now
    assert read_stamped(str(path))[1] is None


def test_a_settled_file_is_stamped_and_its_stamp_checked(tmp_path: Path, settled_now: None) -> None:
    path = tmp_path / "m.py"
    path.write_text("X = 1\n")
    source, stamp = read_stamped(str(path))
    status = os.stat(path)
    assert source == b"X = 1\n"
    assert stamp == (6, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
    assert unchanged(str(path), stamp)
    assert not unchanged(str(tmp_path / "gone.py"), stamp)


def test_a_stamp_misses_an_edit_that_keeps_the_size_and_the_modification_time(
    tmp_path: Path, settled_now: None
) -> None:
    path = tmp_path / "m.py"
    path.write_text("X = 1\n")
    stamp = read_stamped(str(path))[1]
    assert stamp is not None
    rewritten(path, "1", "2")
    assert not unchanged(str(path), stamp)


def test_only_a_well_formed_stamp_is_read_back() -> None:
    assert stamp_from_json([6, 1, 2, 3]) == (6, 1, 2, 3)
    for malformed in (None, [6, 1, 2], [6, 1, 2, 3, 4], [6, 1, 2, "3"], [6, 1.0, 2, 3], [6, -1, 2, 3], [True, 1, 2, 3]):
        assert stamp_from_json(malformed) is None
