"""Compiled regular expressions kept across runs (regex_programs.py): the same pattern objects as
`re.compile`'s, built from the file without compiling, and `re.compile` whenever the file cannot be trusted."""

from __future__ import annotations

import gc
import importlib
import json
import os
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import flake8_http_status
from flake8_http_status import regex_programs, user_cache
from flake8_http_status.lazy_pattern import LazyPattern
from flake8_http_status.user_cache import KeptFolder

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "flask" / "restful_api.py"
KEPT = sys.implementation.name == "cpython" and (3, 10) <= sys.version_info[:2] <= (3, 13)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new user folder, and the module as a fresh process finds it."""
    monkeypatch.setenv("HTTP_STATUS_KEY_DIR", str(tmp_path))
    monkeypatch.delenv("HTTP_STATUS_NO_CACHE", raising=False)
    new_process(monkeypatch)
    return tmp_path


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_programs, "_kept", KeptFolder("regex"))


def files(folder: Path) -> list[Path]:
    """Every file under the user folder, temporary ones included."""
    return sorted(path for path in folder.rglob("*") if path.is_file())


def stored(folder: Path) -> dict[str, object]:
    """pattern key -> program, from every kept file."""
    found = {}
    for path in files(folder):
        body = json.loads(path.read_text(encoding="utf-8"))
        assert body["build"] == regex_programs._BUILD
        found[body["pattern"]] = body["program"]
    return found


def entry_path(pattern: str, flags: int = 0) -> Path:
    folder = regex_programs._folder()
    assert folder is not None
    return Path(regex_programs._entry_path(folder, f"{int(flags)} {pattern}"))


def no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, compiling a pattern in Python fails the test."""

    def refuse(*args: object) -> None:
        raise AssertionError(f"compiled {args!r}")

    # `re` compiles through `re._compiler` from Python 3.11 on, through `sre_compile` before
    compiler = getattr(re, "_compiler", None) or sys.modules["sre_compile"]
    monkeypatch.setattr(compiler, "compile", refuse)
    re.purge()


# Every pattern of the package builds the same object from its kept program


def package_patterns() -> list[LazyPattern]:
    """Every LazyPattern the package makes: module-level ones, the framework rows' and the idiom table's."""
    for module in pkgutil.walk_packages(flake8_http_status.__path__, "flake8_http_status."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    from flake8_http_status import api
    from flake8_http_status.handlers import table

    api.all_frameworks()
    made = table.build()
    found = {id(item): item for item in gc.get_objects() if isinstance(item, LazyPattern)}
    assert made.creation_words.pattern in {item.pattern for item in found.values()}
    return sorted(found.values(), key=lambda item: (item.pattern, item._flags))


def samples(pattern: str) -> Iterator[str]:
    """Text that matches and text that nearly does: the pattern's own words in several cases and places,
    and the fixtures' lines."""
    words = [word for word in re.split(r"[^A-Za-z0-9_#: -]+", pattern) if word]
    for word in words:
        for text in (word, word.upper(), word.title(), f"_{word}", f"get_{word}", f"{word}_x", f"x {word}(1)"):
            yield text
            yield f'"{text}": 1'
            yield f"{text} = 2"
    yield from ("", "_", "\n", "# noqa", "# NOQA:HTS001,E501", "# noqa : X1", "web_hook", "WebHook", "\u017ftats", "İ")
    yield from FIXTURE.read_text(encoding="utf-8").splitlines()


def outcome(compiled: re.Pattern[str], text: str) -> object:
    found = [(m.span(), m.groups(), m.groupdict()) for m in compiled.finditer(text)]
    whole = compiled.fullmatch(text)
    first = compiled.match(text)
    return found, whole and whole.span(), first and first.span(), compiled.split(text)


PATTERNS = package_patterns()


def test_the_package_has_patterns_to_keep() -> None:
    assert len(PATTERNS) > 20
    assert {r"\b(?:globals|vars|locals|exec|eval|modules)\b", r"[^a-z0-9]+"} <= {item.pattern for item in PATTERNS}


@pytest.mark.skipif(not KEPT, reason="programs are kept on CPython 3.10 to 3.13")
@pytest.mark.parametrize("lazy", PATTERNS, ids=lambda item: item.pattern[:40])
def test_a_kept_program_builds_the_pattern_re_compile_builds(lazy: LazyPattern) -> None:
    expected = re.compile(lazy.pattern, lazy._flags)
    program = regex_programs._program(lazy.pattern, lazy._flags, expected)
    assert program is not None
    built = regex_programs._built(lazy.pattern, json.loads(json.dumps(program)))  # as the file gives it back
    assert built is not None
    assert (built.pattern, built.flags, built.groups, built.groupindex) == (
        expected.pattern,
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    for text in samples(lazy.pattern):
        assert outcome(built, text) == outcome(expected, text), text


@pytest.mark.skipif(not KEPT, reason="programs are kept on CPython 3.10 to 3.13")
def test_a_program_for_other_flags_is_told_apart() -> None:
    # The check that makes `_program` refuse to keep what would differ: the flags are part of the program.
    plain = regex_programs._program("a(?P<x>b)", 0, re.compile("a(?P<x>b)"))
    folded = regex_programs._program("a(?P<x>b)", re.IGNORECASE, re.compile("a(?P<x>b)", re.IGNORECASE))
    assert plain is not None and folded is not None
    assert plain[0] != folded[0] and plain[1] != folded[1]
    assert plain[2:] == folded[2:] == [1, {"x": 1}]


# The file


@pytest.mark.skipif(not KEPT, reason="programs are kept on CPython 3.10 to 3.13")
def test_a_later_process_builds_from_the_file_without_compiling(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = regex_programs.compile_pattern(r"(?i)\b(?P<word>web_?hooks?)\b", re.MULTILINE)
    assert first.search("A WebHook") is not None
    (path,) = files(folder)
    assert path == entry_path(r"(?i)\b(?P<word>web_?hooks?)\b", re.MULTILINE)
    assert path.parent.parent == folder / "regex"
    new_process(monkeypatch)
    no_compiling(monkeypatch)
    again = regex_programs.compile_pattern(r"(?i)\b(?P<word>web_?hooks?)\b", re.MULTILINE)
    assert again is not first
    assert (again.pattern, again.flags, again.groupindex) == (first.pattern, first.flags, first.groupindex)
    assert again.search("A WebHook")["word"] == "WebHook"  # type: ignore[index]


@pytest.mark.skipif(not KEPT, reason="programs are kept on CPython 3.10 to 3.13")
def test_a_process_that_compiles_nothing_new_writes_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_programs.compile_pattern("a+b")
    regex_programs.compile_pattern("c+d")
    before = {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in files(folder)}
    assert len(before) == 2
    new_process(monkeypatch)
    writes: list[str] = []
    monkeypatch.setattr(user_cache, "replace_file", lambda path, payload, prefix: writes.append(path))
    regex_programs.compile_pattern("a+b")
    regex_programs.compile_pattern("c+d")
    regex_programs.compile_pattern("a+b")
    assert writes == []
    assert {path: (path.stat().st_ino, path.stat().st_mtime_ns) for path in files(folder)} == before
    regex_programs.compile_pattern("e+f")
    assert writes == [str(entry_path("e+f"))]


@pytest.mark.skipif(not KEPT, reason="programs are kept on CPython 3.10 to 3.13")
def test_each_pattern_has_its_file_and_no_temporary_file_is_left(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_programs.compile_pattern("first")
    new_process(monkeypatch)  # another process
    regex_programs.compile_pattern("other", re.IGNORECASE)
    regex_programs.compile_pattern("other")
    assert sorted(stored(folder)) == ["0 first", "0 other", "2 other"]
    assert len(files(folder)) == 3  # no `.regex-*.tmp` left behind


@pytest.mark.skipif(not KEPT, reason="programs are kept on CPython 3.10 to 3.13")
def test_two_patterns_of_one_file_name_take_turns(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_programs, "_entry_path", lambda folder, key: os.path.join(folder, "same.json"))
    assert regex_programs.compile_pattern("a+").fullmatch("aa") is not None
    assert regex_programs.compile_pattern("b+").fullmatch("aa") is None  # not a's program
    assert regex_programs.compile_pattern("b+").fullmatch("bb") is not None
    assert list(stored(folder)) == ["0 b+"]


@pytest.mark.skipif(not KEPT, reason="programs are kept on CPython 3.10 to 3.13")
def test_the_folder_is_per_python_build(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_programs.compile_pattern("x+")
    new_process(monkeypatch)
    monkeypatch.setattr(regex_programs, "_BUILD", ["cpython", "3.99.0 (another build)", 1, 4, "little"])
    regex_programs.compile_pattern("x+")
    assert len({path.parent for path in files(folder)}) == 2  # another build's file, beside this one's


# Whatever is wrong, `re.compile`, silently


def damaged_files() -> dict[str, object]:
    kept = regex_programs._program("(a)(?P<b>b)", 0, re.compile("(a)(?P<b>b)")) if KEPT else None
    good = kept if kept is not None else [0, "", 0, {}]
    build = regex_programs._BUILD
    key = "0 (a)(?P<b>b)"

    def body(program: object, at: str = key, of: object = build) -> bytes:
        return json.dumps({"build": of, "pattern": at, "program": program}).encode()

    invalid = re.sub("[A-Za-z]", "A", str(good[1]))  # base64 still, but not a program `_sre` accepts
    return {
        "not json": b"{\x00",
        "a list": b"[1, 2]",
        "deep": b"[" * 100_000,
        "another build": body(good, of=["cpython", "2.7"]),
        "no program": json.dumps({"build": build, "pattern": key}).encode(),
        "another pattern": body(good, at="0 (a)(b)"),
        "program a dict": body(dict(enumerate(good))),
        "entry too short": body(good[:3]),
        "flags a string": body(["0", *good[1:]]),
        "code numbers": body([good[0], [1, 2, 3], *good[2:]]),
        "code not base64": body([good[0], "!!!", *good[2:]]),
        "code of odd length": body([good[0], "AAA=", *good[2:]]),
        "code refused": body([good[0], invalid, *good[2:]]),
        "group out of range": body([*good[:3], {"b": 7}]),
        "group name a number": body([*good[:3], {"1": "b"}]),
        "groups negative": body([good[0], good[1], -5, {}]),
    }


@pytest.mark.skipif(not KEPT, reason="programs are kept on CPython 3.10 to 3.13")
@pytest.mark.parametrize("content", damaged_files().values(), ids=list(damaged_files()))
def test_a_damaged_file_falls_back_to_re_compile(folder: Path, content: bytes) -> None:
    path = entry_path("(a)(?P<b>b)")
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    compiled = regex_programs.compile_pattern("(a)(?P<b>b)")
    assert compiled.fullmatch("ab").groupdict() == {"b": "b"}  # type: ignore[union-attr]
    assert compiled.groups == 2
    assert stored(folder) == {"0 (a)(?P<b>b)": regex_programs._program("(a)(?P<b>b)", 0, compiled)}  # replaced


@pytest.mark.skipif(not KEPT or not hasattr(os, "geteuid"), reason="POSIX owners and modes")
def test_a_file_others_can_write_is_not_read(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    regex_programs.compile_pattern("x+")
    (path,) = files(folder)
    path.chmod(0o664)
    assert regex_programs._load(str(path), "0 x+") is None
    path.chmod(0o600)
    assert regex_programs._load(str(path), "0 x+") == stored(folder)["0 x+"]


@pytest.mark.skipif(not KEPT or not hasattr(os, "mkfifo"), reason="FIFOs")
def test_a_fifo_in_place_of_the_file_is_not_waited_for(folder: Path) -> None:
    path = entry_path("x+")
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    assert regex_programs.compile_pattern("x+").fullmatch("xx") is not None


@pytest.mark.parametrize("value", ["1", "yes", "true"])
def test_no_cache_turns_it_off(folder: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("HTTP_STATUS_NO_CACHE", value)
    compiled = regex_programs.compile_pattern("x+")
    assert compiled is re.compile("x+")  # `re`'s own cache: it came from `re.compile`
    assert files(folder) == []


def test_another_python_implementation_compiles_with_re(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regex_programs, "_BUILD", None)
    assert regex_programs.compile_pattern("x+") is re.compile("x+")
    assert files(folder) == []


def test_no_home_compiles_with_re(monkeypatch: pytest.MonkeyPatch) -> None:
    new_process(monkeypatch)
    monkeypatch.setattr(user_cache, "user_folder", lambda: None)
    assert regex_programs.compile_pattern("x+") is re.compile("x+")


@pytest.mark.skipif(not KEPT, reason="programs are kept on CPython 3.10 to 3.13")
def test_a_folder_that_cannot_be_written_is_given_up_silently(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("")
    monkeypatch.setenv("HTTP_STATUS_KEY_DIR", str(blocked / "folder"))
    new_process(monkeypatch)
    assert regex_programs.compile_pattern("x+").fullmatch("xxx") is not None
    assert regex_programs._kept.writable is False
    assert regex_programs.compile_pattern("y+").fullmatch("yy") is not None


def test_a_flake8_run_keeps_its_patterns_and_finds_the_same(tmp_path: Path) -> None:
    """Two runs in fresh processes: the second builds every pattern from the file, with the same findings."""
    environ = {**os.environ, "HTTP_STATUS_KEY_DIR": str(tmp_path / "user")}
    environ.pop("HTTP_STATUS_NO_CACHE", None)
    command = [sys.executable, "-m", "flake8", "--select=HTS", "-j1", str(FIXTURE)]
    first = subprocess.run(command, env=environ, capture_output=True, text=True, check=False)
    kept = [(path, path.stat().st_mtime_ns) for path in (tmp_path / "user").rglob("*.json")]
    second = subprocess.run(command, env=environ, capture_output=True, text=True, check=False)
    off = subprocess.run(
        command, env={**environ, "HTTP_STATUS_NO_CACHE": "1"}, capture_output=True, text=True, check=False
    )
    assert first.stdout == second.stdout == off.stdout
    assert "HTS001" in first.stdout
    if KEPT:
        assert len(kept) > 5
        assert [(path, path.stat().st_mtime_ns) for path in (tmp_path / "user").rglob("*.json")] == kept


def test_the_creation_words_pattern_is_the_same_whatever_the_hash_seed() -> None:
    # A pattern that changed with the seed would be compiled, and its program written, on every run.
    code = "from flake8_http_status.handlers.table import build; print(build().creation_words.pattern)"
    texts = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(texts) == 1 and texts != {""}
