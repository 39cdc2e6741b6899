"""A TOML document kept in the user's cache folder is the one the parser gives, for that text only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from flake8_http_status import toml_documents, user_cache
from flake8_http_status.user_cache import KeptFolder

ROOT = Path(__file__).resolve().parent.parent
KEPT = sys.version_info >= (3, 11)  # with the standard library's tomllib only
needs_kept = pytest.mark.skipif(not KEPT, reason="documents are kept with the standard library's tomllib (3.11 on)")

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

PLAIN = """
[project]
name = "shop"
requires-python = ">=3.10"
dependencies = ["flask>=2", "starlette<0.48"]
version = "1.0"

[tool.http-status]
style = "httpstatus"
extra-codes = ["499=CLIENT_CLOSED_REQUEST"]
project-index = false
depth = 3
ratio = 0.5
huge = 123456789012345678901234567890
negative-zero = -0.0
empty = {}
nested = [[1, 2], ["a"], [{ x = true }]]
unicode = "é — 한국어"
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A new user folder, and the module as a fresh process finds it."""
    monkeypatch.setenv("HTTP_STATUS_KEY_DIR", str(tmp_path))
    monkeypatch.delenv("HTTP_STATUS_NO_CACHE", raising=False)
    new_process(monkeypatch)
    return tmp_path


def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(toml_documents, "_kept", KeptFolder("toml"))


def files(folder: Path) -> list[Path]:
    """Every file under the user folder, temporary ones included."""
    return sorted(path for path in folder.rglob("*") if path.is_file())


def typed(value: object) -> object:
    """`value` with every leaf's type beside it: `True == 1` and `1 == 1.0`, but a setting read as one is not the other."""
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, repr(value))


def documents() -> list[Path]:
    """The repository's own TOML files: its pyproject.toml and the fixture projects'."""
    return [ROOT / "pyproject.toml", *sorted((ROOT / "fixtures").rglob("*.toml"))]


@needs_kept
@pytest.mark.parametrize("path", documents(), ids=lambda path: str(path.relative_to(ROOT)))
def test_a_kept_document_is_the_parsers(folder: Path, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    expected = tomllib.loads(text)
    assert typed(toml_documents.parsed(text)) == typed(expected)  # parsed, then kept
    assert len(files(folder)) == (1 if toml_documents._plain(expected) else 0)
    new_process(monkeypatch)
    assert typed(toml_documents.parsed(text)) == typed(expected)  # read back


@needs_kept
def test_every_kind_of_plain_value_comes_back_with_its_type(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = tomllib.loads(PLAIN)
    toml_documents.parsed(PLAIN)
    new_process(monkeypatch)
    monkeypatch.setattr(toml_documents, "_parse", refuse)
    kept = toml_documents.parsed(PLAIN)
    assert typed(kept) == typed(expected)
    assert str(kept["tool"]["http-status"]["negative-zero"]) == "-0.0"


def refuse(text: str) -> dict[str, Any]:
    raise AssertionError("parsed again")


@needs_kept
def test_a_later_process_does_not_import_the_parser(folder: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from flake8_http_status.toml_documents import parsed;"
        f" print(parsed({PLAIN!r})['project']['name'], 'tomllib' in sys.modules)"
    )
    environ = {**os.environ, "HTTP_STATUS_KEY_DIR": str(folder)}
    environ.pop("HTTP_STATUS_NO_CACHE", None)
    run = [sys.executable, "-c", code]
    first = subprocess.run(run, env=environ, capture_output=True, text=True, check=True).stdout
    second = subprocess.run(run, env=environ, capture_output=True, text=True, check=True).stdout
    assert (first, second) == ("shop True\n", "shop False\n")


@pytest.mark.parametrize(
    "text",
    [
        "when = 1979-05-27T07:32:00Z",
        "day = 1979-05-27",
        "at = 07:32:00",
        "[a]\nb = [1979-05-27]",
        "x = inf",
        "x = nan",
        "x = [-inf]",
    ],
)
def test_a_document_json_cannot_give_back_is_parsed_each_time(folder: Path, text: str) -> None:
    expected = tomllib.loads(text)
    assert not toml_documents._plain(expected)
    assert repr(toml_documents.parsed(text)) == repr(expected)
    assert files(folder) == []


@pytest.mark.parametrize("text", ["a = ", "[a]\n[a]", "x = 1\nx = 2", 'y = "unterminated'])
def test_text_that_is_not_toml_raises_the_parsers_error_and_keeps_nothing(folder: Path, text: str) -> None:
    assert issubclass(tomllib.TOMLDecodeError, ValueError)  # what the callers catch
    for _ in range(2):
        with pytest.raises(tomllib.TOMLDecodeError):
            toml_documents.parsed(text)
    assert files(folder) == []


@needs_kept
def test_an_entry_is_used_for_its_own_text_only(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml_documents.parsed("a = 1")
    (path,) = files(folder)
    other = "a = 2"
    # Another text under the same name (a checksum collision, or a file edited back and forth): a miss
    target = Path(toml_documents._entry_path(str(path.parent), other))
    target.write_text(json.dumps({"text": "a = 1", "document": {"a": 1}}), encoding="utf-8")
    target.chmod(0o600)
    new_process(monkeypatch)
    assert toml_documents.parsed(other) == {"a": 2}
    assert json.loads(target.read_text(encoding="utf-8")) == {"text": other, "document": {"a": 2}}  # replaced


@needs_kept
@pytest.mark.parametrize(
    "content",
    [b"", b"{", b"[]", b'{"text": "a = 1"}', b'{"text": "a = 1", "document": [1]}', b"\xff\xfe", b"[" * 100_000],
    ids=["empty", "cut", "a list", "no document", "a list document", "not utf-8", "too deep"],
)
def test_a_damaged_entry_is_parsed_again(folder: Path, monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    toml_documents.parsed("a = 1")
    (path,) = files(folder)
    path.write_bytes(content)
    new_process(monkeypatch)
    assert toml_documents.parsed("a = 1") == {"a": 1}
    assert json.loads(path.read_text(encoding="utf-8"))["document"] == {"a": 1}


@needs_kept
@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX owners and modes")
def test_an_entry_others_can_write_is_not_read(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml_documents.parsed("a = 1")
    (path,) = files(folder)
    path.write_text(json.dumps({"text": "a = 1", "document": {"a": "planted"}}), encoding="utf-8")
    path.chmod(0o666)
    new_process(monkeypatch)
    assert toml_documents.parsed("a = 1") == {"a": 1}


@pytest.mark.parametrize("value", ["1", "yes", "true"])
def test_no_cache_turns_it_off(folder: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("HTTP_STATUS_NO_CACHE", value)
    assert toml_documents.parsed("a = 1") == {"a": 1}
    assert files(folder) == []


@needs_kept
def test_a_folder_that_cannot_be_written_is_given_up_silently(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fail(path: str, payload: bytes, prefix: str) -> None:
        calls.append(path)
        raise PermissionError(path)

    monkeypatch.setattr(user_cache, "replace_file", fail)
    assert toml_documents.parsed("a = 1") == {"a": 1}
    assert toml_documents.parsed("b = 1") == {"b": 1}
    assert len(calls) == 1  # the second write is not tried
    assert files(folder) == []


@needs_kept
def test_the_folder_is_per_python_build(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml_documents.parsed("a = 1")
    new_process(monkeypatch)
    monkeypatch.setattr(sys, "version", sys.version + " (another build)")
    toml_documents.parsed("a = 1")
    assert len({path.parent for path in files(folder)}) == 2


def test_a_flake8_run_in_a_project_finds_the_same_with_a_kept_pyproject(tmp_path: Path) -> None:
    """The project's settings and requirements, read from the kept document, give the same findings."""
    project = tmp_path / "shop"
    project.mkdir()
    (project / "pyproject.toml").write_text(
        '[project]\nrequires-python = ">=3.8"\ndependencies = ["flask"]\n\n[tool.http-status]\nstyle = "httpstatus"\n',
        encoding="utf-8",
    )
    (project / "views.py").write_text(
        "from flask import Flask, jsonify\napp = Flask(__name__)\n\n\n@app.post('/orders')\n"
        "def create():\n    return jsonify({}), 201\n",
        encoding="utf-8",
    )
    environ = {**os.environ, "HTTP_STATUS_KEY_DIR": str(tmp_path / "cache")}
    environ.pop("HTTP_STATUS_NO_CACHE", None)
    command = [sys.executable, "-m", "flake8", "--select=HTS", "views.py"]

    def run(**variables: str) -> str:  # flake8 exits with 1 when it reports
        environment = {**environ, **variables}
        return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, check=False).stdout

    runs = [run(), run()]
    off = run(HTTP_STATUS_NO_CACHE="1")
    assert "HTS001" in off and "HTTPStatus.CREATED" in off, off
    assert runs == [off, off]
    assert len(list((tmp_path / "cache" / "toml").rglob("*.json"))) == (1 if KEPT else 0)
