"""The summary cache: what it returns, what it refuses, and that nothing in its folder can raise or lie.

Every test points the key folder (`HTTP_STATUS_KEY_DIR`) into its own temporary folder, so that no test
reads or creates the key of the user running the suite.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flake8_http_status.index import cache
from flake8_http_status.index.cache import Entry, SummaryCache, digest

SALT = "0.1.0+settings:abc"
SOURCE = digest(b"STATUS = 404\n")
ENTRY = Entry(data={"constants": {"STATUS": 404}, "names": ["a", "b"]}, deps={"pkg.other": digest(b"X = 1\n")})
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@pytest.fixture(autouse=True)
def _private_key_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_STATUS_KEY_DIR", str(tmp_path_factory.mktemp("key")))
    monkeypatch.delenv("HTTP_STATUS_CACHE_DIR", raising=False)
    monkeypatch.delenv("HTTP_STATUS_NO_CACHE", raising=False)


def entry_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*.json") if path.is_file())


def only_entry_file(root: Path) -> Path:
    (path,) = entry_files(root / ".http-status-cache")
    return path


# What it keeps


def test_digest_is_a_blake2b_hex_of_the_bytes() -> None:
    assert digest(b"a") == digest(b"a") != digest(b"b")
    assert len(digest(b"a")) == 64 and int(digest(b"a"), 16) >= 0


def test_a_stored_entry_loads_back(tmp_path: Path) -> None:
    SummaryCache(tmp_path, SALT).store("pkg.mod", SOURCE, ENTRY)
    assert SummaryCache(tmp_path, SALT).load("pkg.mod", SOURCE) == ENTRY


def test_an_absent_entry_is_none_and_loading_creates_nothing(tmp_path: Path) -> None:
    assert SummaryCache(tmp_path, SALT).load("pkg.mod", SOURCE) is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("salt", "source"),
    [pytest.param(SALT, digest(b"STATUS = 410\n"), id="source-changed"), pytest.param("0.2.0", SOURCE, id="salt")],
)
def test_a_stale_entry_is_none(tmp_path: Path, salt: str, source: str) -> None:
    SummaryCache(tmp_path, SALT).store("pkg.mod", SOURCE, ENTRY)
    assert SummaryCache(tmp_path, salt).load("pkg.mod", source) is None


def test_a_new_source_replaces_the_entry_of_its_module(tmp_path: Path) -> None:
    summaries = SummaryCache(tmp_path, SALT)
    summaries.store("pkg.mod", SOURCE, ENTRY)
    newer = digest(b"STATUS = 410\n")
    summaries.store("pkg.mod", newer, Entry(data={"constants": {"STATUS": 410}}, deps={}))
    assert summaries.load("pkg.mod", SOURCE) is None
    assert summaries.load("pkg.mod", newer) == Entry(data={"constants": {"STATUS": 410}}, deps={})
    assert len(entry_files(tmp_path)) == 1


@FUZZ
@given(data=st.dictionaries(st.text(), json_values, max_size=5), module=st.text(min_size=1))
def test_any_json_object_round_trips(
    tmp_path_factory: pytest.TempPathFactory, data: dict[str, object], module: str
) -> None:
    root = tmp_path_factory.mktemp("project")
    deps = {module: SOURCE}
    SummaryCache(root, SALT).store(module, SOURCE, Entry(data=data, deps=deps))
    assert SummaryCache(root, SALT).load(module, SOURCE) == Entry(data=data, deps=deps)


# The folder


def test_the_folder_ignores_itself_and_is_tagged(tmp_path: Path) -> None:
    SummaryCache(tmp_path, SALT).store("pkg.mod", SOURCE, ENTRY)
    folder = tmp_path / ".http-status-cache"
    assert "*" in folder.joinpath(".gitignore").read_text(encoding="utf-8").splitlines()
    tag = folder.joinpath("CACHEDIR.TAG").read_text(encoding="utf-8")
    assert tag.startswith("Signature: 8a477f597d28d172789f06886806bc55")


def test_entries_are_json_files_in_a_versioned_folder_named_by_a_hash(tmp_path: Path) -> None:
    SummaryCache(tmp_path, SALT).store("pkg.secret_name", SOURCE, ENTRY)
    path = only_entry_file(tmp_path)
    assert path.parent.parent == tmp_path / ".http-status-cache" and path.parent.name.startswith("v")
    assert "secret" not in path.name and len(path.stem) >= 32 and int(path.stem, 16) >= 0
    assert json.loads(path.read_bytes())["body"]["data"] == ENTRY.data  # plain JSON, readable by anyone


@pytest.mark.parametrize("module", ["pkg.mod", "_private.v2", "pkg.modul\u00e9", "x", "9lives.a", 'odd"name\\'])
def test_an_entry_is_named_by_the_digest_of_its_module_and_salt_as_json(tmp_path: Path, module: str) -> None:
    # The name is built without the JSON encoder for a plain dotted name: it must be the one the encoder gives,
    # so that entries written before (and by any other path) are found again.
    SummaryCache(tmp_path, SALT).store(module, SOURCE, ENTRY)
    assert only_entry_file(tmp_path).name == digest(json.dumps([module, SALT]).encode("ascii")) + ".json"
    assert SummaryCache(tmp_path, SALT).load(module, SOURCE) == ENTRY


def test_one_file_per_module_and_salt(tmp_path: Path) -> None:
    for salt in ("one", "two"):
        for module in ("a", "b"):
            SummaryCache(tmp_path, salt).store(module, SOURCE, ENTRY)
    assert len(entry_files(tmp_path)) == 4


def test_the_environment_relocates_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = tmp_path / "elsewhere" / "cache"
    monkeypatch.setenv("HTTP_STATUS_CACHE_DIR", str(elsewhere))
    project = tmp_path / "project"
    project.mkdir()
    SummaryCache(project, SALT).store("pkg.mod", SOURCE, ENTRY)
    assert list(project.iterdir()) == []
    assert len(entry_files(elsewhere)) == 1 and (elsewhere / "CACHEDIR.TAG").is_file()
    assert SummaryCache(project, SALT).load("pkg.mod", SOURCE) == ENTRY


def test_an_existing_folder_named_by_the_environment_gets_no_markers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `HTTP_STATUS_CACHE_DIR=.` must not write a `.gitignore` of `*` into the project.
    monkeypatch.setenv("HTTP_STATUS_CACHE_DIR", str(tmp_path))
    SummaryCache(tmp_path, SALT).store("pkg.mod", SOURCE, ENTRY)
    assert not (tmp_path / ".gitignore").exists() and not (tmp_path / "CACHEDIR.TAG").exists()
    assert SummaryCache(tmp_path, SALT).load("pkg.mod", SOURCE) == ENTRY


def test_no_cache_turns_off_reading_and_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    SummaryCache(tmp_path, SALT).store("pkg.mod", SOURCE, ENTRY)
    monkeypatch.setenv("HTTP_STATUS_NO_CACHE", "1")
    assert SummaryCache(tmp_path, SALT).load("pkg.mod", SOURCE) is None
    other = tmp_path / "other"
    other.mkdir()
    SummaryCache(other, SALT).store("pkg.mod", SOURCE, ENTRY)
    assert list(other.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes into a 0o555 folder")
def test_a_read_only_project_has_no_cache(tmp_path: Path) -> None:
    tmp_path.chmod(0o555)
    try:
        summaries = SummaryCache(tmp_path, SALT)
        summaries.store("pkg.mod", SOURCE, ENTRY)
        assert summaries.load("pkg.mod", SOURCE) is None
        assert list(tmp_path.iterdir()) == []
    finally:
        tmp_path.chmod(0o755)


def test_an_unwritable_folder_has_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root writes into read-only folders; a folder under a regular file fails for every user.
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("HTTP_STATUS_CACHE_DIR", str(blocker / "cache"))
    summaries = SummaryCache(tmp_path, SALT)
    summaries.store("pkg.mod", SOURCE, ENTRY)
    summaries.store("pkg.mod", SOURCE, ENTRY)  # the second attempt neither raises
    assert summaries.load("pkg.mod", SOURCE) is None


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_writes_nothing_and_leaves_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    SummaryCache(tmp_path, SALT).store("warm.up", SOURCE, ENTRY)  # the folders exist
    (kept,) = entry_files(tmp_path)
    real_mkstemp = tempfile.mkstemp

    def on_a_full_disk(*args: Any, **kwargs: Any) -> tuple[int, str]:
        descriptor, name = real_mkstemp(*args, **kwargs)
        os.close(descriptor)
        return os.open("/dev/full", os.O_WRONLY), name  # every write fails with ENOSPC

    monkeypatch.setattr(tempfile, "mkstemp", on_a_full_disk)
    SummaryCache(tmp_path, SALT).store("pkg.mod", SOURCE, ENTRY)
    monkeypatch.undo()
    assert list(kept.parent.iterdir()) == [kept]


# Hostile and broken files


def test_a_corrupt_entry_is_ignored_and_rewritten(tmp_path: Path) -> None:
    summaries = SummaryCache(tmp_path, SALT)
    summaries.store("pkg.mod", SOURCE, ENTRY)
    path = only_entry_file(tmp_path)
    path.write_bytes(path.read_bytes()[:-5])
    assert summaries.load("pkg.mod", SOURCE) is None
    summaries.store("pkg.mod", SOURCE, ENTRY)
    assert summaries.load("pkg.mod", SOURCE) == ENTRY


def test_an_edited_entry_does_not_verify(tmp_path: Path) -> None:
    SummaryCache(tmp_path, SALT).store("pkg.mod", SOURCE, ENTRY)
    path = only_entry_file(tmp_path)
    path.write_bytes(path.read_bytes().replace(b"404", b"200"))
    assert SummaryCache(tmp_path, SALT).load("pkg.mod", SOURCE) is None


def test_an_entry_of_another_user_does_not_verify(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cache folder committed to the repository was written under its author's key, not ours.
    SummaryCache(tmp_path, SALT).store("pkg.mod", SOURCE, ENTRY)
    monkeypatch.setenv("HTTP_STATUS_KEY_DIR", str(tmp_path_factory.mktemp("another-user")))
    assert SummaryCache(tmp_path, SALT).load("pkg.mod", SOURCE) is None


def test_an_entry_moved_to_another_module_does_not_load(tmp_path: Path) -> None:
    summaries = SummaryCache(tmp_path, SALT)
    summaries.store("pkg.a", SOURCE, ENTRY)
    (first,) = entry_files(tmp_path)
    summaries.store("pkg.b", SOURCE, Entry(data={}, deps={}))
    (second,) = set(entry_files(tmp_path)) - {first}
    second.write_bytes(first.read_bytes())
    assert summaries.load("pkg.a", SOURCE) == ENTRY
    assert summaries.load("pkg.b", SOURCE) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_pipe_or_device_in_place_of_an_entry_is_not_read(tmp_path: Path) -> None:
    summaries = SummaryCache(tmp_path, SALT)
    summaries.store("pkg.mod", SOURCE, ENTRY)
    path = only_entry_file(tmp_path)
    path.unlink()
    os.mkfifo(path)  # opening it for reading would wait for a writer forever
    assert summaries.load("pkg.mod", SOURCE) is None
    path.unlink()
    path.symlink_to("/dev/zero")  # would never end
    assert summaries.load("pkg.mod", SOURCE) is None


@FUZZ
@given(content=st.binary(max_size=400))
def test_any_bytes_load_as_none(tmp_path_factory: pytest.TempPathFactory, content: bytes) -> None:
    root, summaries = stored_once(tmp_path_factory)
    only_entry_file(root).write_bytes(content)
    assert summaries.load("pkg.mod", SOURCE) is None


@FUZZ
@given(value=json_values)
def test_any_json_loads_as_none(tmp_path_factory: pytest.TempPathFactory, value: object) -> None:
    root, summaries = stored_once(tmp_path_factory)
    only_entry_file(root).write_text(json.dumps(value), encoding="utf-8")
    assert summaries.load("pkg.mod", SOURCE) is None


@FUZZ
@given(cut=st.integers(min_value=0))
def test_a_truncated_entry_loads_as_none(tmp_path_factory: pytest.TempPathFactory, cut: int) -> None:
    root, summaries = stored_once(tmp_path_factory)
    path = only_entry_file(root)
    content = path.read_bytes()
    path.write_bytes(content[: cut % len(content)])
    assert summaries.load("pkg.mod", SOURCE) is None


not_an_object = json_values.filter(lambda value: not isinstance(value, dict))
not_a_string = json_values.filter(lambda value: not isinstance(value, str))
valid_fields = {"module": "pkg.mod", "salt": SALT, "source": SOURCE, "data": {}, "deps": {}}
wrong_fields = st.one_of(
    st.fixed_dictionaries({"data": not_an_object}),
    st.fixed_dictionaries({"deps": not_an_object}),
    st.fixed_dictionaries({"deps": st.dictionaries(st.text(), not_a_string, min_size=1)}),
    st.fixed_dictionaries({"module": not_a_string | st.just("pkg.other")}),
    st.fixed_dictionaries({"salt": not_a_string | st.just("0.2.0")}),
    st.fixed_dictionaries({"source": json_values.filter(lambda value: value != SOURCE)}),
    st.fixed_dictionaries({"extra": json_values}),
)
wrong_bodies = st.one_of(
    not_an_object,
    wrong_fields.map(lambda changes: {**valid_fields, **changes}),
    st.sampled_from(sorted(valid_fields)).map(lambda missing: {k: v for k, v in valid_fields.items() if k != missing}),
)


@FUZZ
@given(body=wrong_bodies)
def test_a_sealed_body_of_the_wrong_shape_loads_as_none(tmp_path_factory: pytest.TempPathFactory, body: object) -> None:
    # Even a file that verifies (written by this user, by a bug or an older release) is checked.
    root, summaries = stored_once(tmp_path_factory)
    key = cache._user_key()
    assert key is not None
    only_entry_file(root).write_bytes(cache._sealed(key, body))
    assert summaries.load("pkg.mod", SOURCE) is None


def test_a_sealed_body_of_the_right_shape_loads(tmp_path: Path) -> None:
    # The counterpart of the test above: what it seals is what a store writes.
    summaries = SummaryCache(tmp_path, SALT)
    summaries.store("pkg.mod", SOURCE, ENTRY)
    key = cache._user_key()
    assert key is not None
    only_entry_file(tmp_path).write_bytes(cache._sealed(key, {**valid_fields, "data": {"x": 1}}))
    assert summaries.load("pkg.mod", SOURCE) == Entry(data={"x": 1}, deps={})


def stored_once(factory: pytest.TempPathFactory) -> tuple[Path, SummaryCache]:
    root = factory.mktemp("project")
    summaries = SummaryCache(root, SALT)
    summaries.store("pkg.mod", SOURCE, ENTRY)
    return root, summaries


# The key


def test_the_key_is_created_once_private_and_outside_the_project(tmp_path: Path) -> None:
    SummaryCache(tmp_path, SALT).store("pkg.mod", SOURCE, ENTRY)
    key = Path(os.environ["HTTP_STATUS_KEY_DIR"]) / "key"
    assert len(key.read_bytes()) == 32
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert not list(tmp_path.rglob("key"))


@pytest.mark.parametrize("xdg", [True, False], ids=["xdg-cache-home", "home"])
def test_the_key_lives_in_the_users_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, xdg: bool) -> None:
    monkeypatch.delenv("HTTP_STATUS_KEY_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    else:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    project = tmp_path / "project"
    project.mkdir()
    SummaryCache(project, SALT).store("pkg.mod", SOURCE, ENTRY)
    folder = tmp_path / "xdg" if xdg else tmp_path / "home" / ".cache"
    assert len((folder / "flake8-http-status" / "key").read_bytes()) == 32


@pytest.mark.parametrize("content", [b"", b"short", bytes(33)], ids=["empty", "short", "long"])
def test_a_key_of_the_wrong_size_turns_the_cache_off(tmp_path: Path, content: bytes) -> None:
    key = Path(os.environ["HTTP_STATUS_KEY_DIR"]) / "key"
    key.write_bytes(content)
    key.chmod(0o600)
    summaries = SummaryCache(tmp_path, SALT)
    summaries.store("pkg.mod", SOURCE, ENTRY)
    assert summaries.load("pkg.mod", SOURCE) is None
    assert list(tmp_path.iterdir()) == []
    assert key.read_bytes() == content  # never replaced: it may be another release's


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_a_key_others_can_read_turns_the_cache_off(tmp_path: Path) -> None:
    key = Path(os.environ["HTTP_STATUS_KEY_DIR"]) / "key"
    key.write_bytes(bytes(32))
    key.chmod(0o644)
    summaries = SummaryCache(tmp_path, SALT)
    summaries.store("pkg.mod", SOURCE, ENTRY)
    assert summaries.load("pkg.mod", SOURCE) is None


def test_a_key_that_cannot_be_created_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("HTTP_STATUS_KEY_DIR", str(blocker / "keys"))
    project = tmp_path / "project"
    project.mkdir()
    summaries = SummaryCache(project, SALT)
    summaries.store("pkg.mod", SOURCE, ENTRY)
    assert summaries.load("pkg.mod", SOURCE) is None
    assert list(project.iterdir()) == []


# Processes at once (flake8 -j)


def _fork() -> multiprocessing.context.ForkContext:
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork")
    return multiprocessing.get_context("fork")


def _race_for_a_key(folder: str, start: Any, keys: Any) -> None:
    start.wait()
    keys.put(cache._read_or_create_key(Path(folder)))


@pytest.mark.slow
def test_racing_processes_agree_on_one_key(tmp_path: Path) -> None:
    context = _fork()
    for round_ in range(8):  # fresh folders: each round races to create the key
        folder = tmp_path / str(round_)
        start, keys = context.Barrier(4), context.Queue()
        racers = [context.Process(target=_race_for_a_key, args=(str(folder), start, keys)) for _ in range(4)]
        for racer in racers:
            racer.start()
        found = [keys.get(timeout=60) for _ in racers]
        for racer in racers:
            racer.join()
        assert found[0] is not None and set(found) == {found[0]} == {(folder / "key").read_bytes()}
        assert [path.name for path in folder.iterdir()] == ["key"]  # no temporary file left


def variant(number: int) -> Entry:
    return Entry(data={"writer": number, "padding": "x" * 20_000 * (1 + number % 3)}, deps={"m": str(number)})


def _store_and_load(arguments: tuple[str, int]) -> list[int | None]:
    root, number = arguments
    summaries = SummaryCache(Path(root), SALT)
    seen: list[int | None] = []
    for _ in range(40):
        summaries.store("pkg.mod", SOURCE, variant(number))
        entry = summaries.load("pkg.mod", SOURCE)
        if entry is not None:
            assert entry == variant(int(str(entry.data["writer"])))  # whole, never a mix of two writers
        seen.append(None if entry is None else int(str(entry.data["writer"])))
    return seen


@pytest.mark.slow
def test_concurrent_writers_never_leave_a_torn_entry(tmp_path: Path) -> None:
    cache._user_key()  # the key exists before the workers start: only the entries race here
    with _fork().Pool(4) as pool:
        runs = pool.map(_store_and_load, [(str(tmp_path), number) for number in range(8)])
    seen = [writer for run in runs for writer in run]
    assert seen.count(None) == 0  # an entry, once written, is always there whole
    assert set(seen) <= set(range(8))
    final = SummaryCache(tmp_path, SALT).load("pkg.mod", SOURCE)
    assert final is not None and final == variant(int(str(final.data["writer"])))
    assert len(list(only_entry_file(tmp_path).parent.iterdir())) == 1  # no temp file left behind


def _replace_entries(root: str) -> None:
    for number in range(200):
        SummaryCache(Path(root), SALT).store("pkg.mod", SOURCE, variant(number % 8))


@pytest.mark.slow
def test_a_load_during_writes_is_whole(tmp_path: Path) -> None:
    summaries = SummaryCache(tmp_path, SALT)
    summaries.store("pkg.mod", SOURCE, variant(0))
    writer = _fork().Process(target=_replace_entries, args=(str(tmp_path),))
    writer.start()
    loads = 0
    while writer.is_alive() or loads == 0:
        entry = summaries.load("pkg.mod", SOURCE)
        assert entry is not None and entry == variant(int(str(entry.data["writer"])))
        loads += 1
    writer.join()
    assert writer.exitcode == 0


def test_a_symlinked_cache_folder_is_never_written_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A repository can carry `.http-status-cache` as a symlink to anywhere: stores must not follow it.
    monkeypatch.delenv("HTTP_STATUS_NO_CACHE", raising=False)
    monkeypatch.delenv("HTTP_STATUS_CACHE_DIR", raising=False)
    monkeypatch.setenv("HTTP_STATUS_KEY_DIR", str(tmp_path / "key"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    (project / ".http-status-cache").symlink_to(elsewhere, target_is_directory=True)
    cache = SummaryCache(project, "salt")
    cache.store("pkg.mod", digest(b"x = 1\n"), Entry({"a": 1}, {}))
    assert list(elsewhere.rglob("*")) == []
    assert cache.load("pkg.mod", digest(b"x = 1\n")) is None
