"""File stamps: a cached summary's digests taken from the files' stamps, without reading them, and only then."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from test_index import FLASK_SHOP, lines_found, write

from flake8_http_status.index import project_index, stamps
from flake8_http_status.index.stamps import read_stamped, stamp_from_json, unchanged

FOUND = [(9, "HTS001"), (11, "HTS001"), (14, "HTS001")]


@pytest.fixture
def settled_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled as soon as they are written (the tests cannot wait two seconds)."""
    monkeypatch.setattr(stamps, "SETTLED_NS", 0)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("HTTP_STATUS_CACHE_DIR", raising=False)
    monkeypatch.setenv("HTTP_STATUS_KEY_DIR", str(tmp_path / "key"))
    root = tmp_path / "project"
    write(root, FLASK_SHOP)
    return root


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the index reads from now on, by name."""
    read: list[str] = []

    def counted(path: str) -> tuple[bytes, stamps.Stamp | None]:
        read.append(Path(path).name)
        return read_stamped(path)

    monkeypatch.setattr(project_index, "read_stamped", counted)
    return read


def _rewritten(path: Path, old: str, new: str) -> None:
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
    _rewritten(path, "1", "2")
    assert not unchanged(str(path), stamp)


def test_only_a_well_formed_stamp_is_read_back() -> None:
    assert stamp_from_json([6, 1, 2, 3]) == (6, 1, 2, 3)
    for malformed in (None, [6, 1, 2], [6, 1, 2, 3, 4], [6, 1, 2, "3"], [6, 1.0, 2, 3], [6, -1, 2, 3], [True, 1, 2, 3]):
        assert stamp_from_json(malformed) is None


def test_a_warm_run_reads_no_settled_file(project: Path, settled_now: None, monkeypatch: pytest.MonkeyPatch) -> None:
    views = project / "src/shop/views.py"
    assert lines_found(views) == FOUND
    read = _reads(monkeypatch)
    assert lines_found(views) == FOUND
    assert read == []


def test_without_settled_files_a_warm_run_reads_them(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    views = project / "src/shop/views.py"
    assert lines_found(views) == FOUND
    read = _reads(monkeypatch)
    assert lines_found(views) == FOUND
    assert sorted(set(read)) == ["__init__.py", "errors.py"]


def test_an_edit_that_keeps_size_and_modification_time_is_seen(
    project: Path, settled_now: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    views = project / "src/shop/views.py"
    assert lines_found(views) == FOUND
    # `fail` no longer aborts: its status goes to `print`, written with as many characters as `abort`
    _rewritten(
        project / "src/shop/errors.py",
        "    abort(status, message)\n\n\ndef shout",
        "    print(status, message)\n\n\ndef shout",
    )
    read = _reads(monkeypatch)
    assert lines_found(views) == [(14, "HTS001")]
    assert "errors.py" in read
