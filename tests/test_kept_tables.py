"""`kept_tables.py`: a kept table is the one a build gives, it is used only while the package's sources are as they
were, and a damaged or planted entry is a miss that runs nothing."""

from __future__ import annotations

import io
import os
import pickle
import shutil
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from fresh_plugin import fresh_run
from test_layers import LAYERS, PACKAGE, import_graph

from flake8_http_status import api, kept_tables, stamps
from flake8_http_status.api import Table, build_table
from flake8_http_status.enums import Enum
from flake8_http_status.handlers import table
from flake8_http_status.handlers.table import Idioms
from flake8_http_status.lazy_pattern import LazyPattern
from flake8_http_status.options import Settings
from flake8_http_status.user_cache import KEY_DIR_VARIABLE, NO_CACHE_VARIABLE, KeptFolder

FLASK = api.reached_modules(["flask"])
FLASK_IDIOMS = api.idiom_modules(["flask"])
DJANGO = api.reached_modules(["django", "rest_framework"])
PROJECT_SETTINGS = Settings(
    auth_decorators=("shop.auth.login_required",), auth_dependencies=("shop.auth.current_user",),
    creation_calls=("shop.store.insert",),
)  # fmt: skip


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh cache folder for this test, looked up again, with no file known unchanged yet."""
    path = tmp_path / "cache"
    monkeypatch.setenv(KEY_DIR_VARIABLE, str(path))
    monkeypatch.delenv(NO_CACHE_VARIABLE, raising=False)
    monkeypatch.setattr(kept_tables, "_kept", KeptFolder("tables"))
    monkeypatch.setattr(kept_tables, "_CHECKED", set())
    return path


class Builds:
    """A build that counts its calls: a hit builds nothing."""

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self.calls = 0

    def __call__(self) -> Any:
        self.calls += 1
        return self._build()


def same(left: object, right: object) -> bool:
    """The same value, class for class: a lazy pattern by its pattern and flags, a table by its attributes."""
    if type(left) is not type(right):
        return False
    if isinstance(left, LazyPattern) and isinstance(right, LazyPattern):
        return (left.pattern, left._flags) == (right.pattern, right._flags)
    if isinstance(left, Table):
        return same(vars(left), vars(right))
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(same(left[key], right[key]) for key in left)
    if isinstance(left, (tuple, list)) and isinstance(right, (tuple, list)):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    return left == right


def entries(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file())


# A kept table is the built one


@pytest.mark.parametrize("modules", [FLASK, DJANGO, api.MODULES], ids=["flask", "django", "every"])
def test_a_kept_status_table_is_the_one_a_build_gives(folder: Path, modules: tuple[str, ...]) -> None:
    built = build_table((), modules)
    builds = Builds(lambda: build_table((), modules))
    kept_tables.kept("table", modules, builds, Table)
    loaded = kept_tables.kept("table", modules, builds, Table)
    assert builds.calls == 1  # the second came from the file
    assert same(loaded, built)
    assert loaded.words() == built.words()


@pytest.mark.parametrize("settings", [Settings(), PROJECT_SETTINGS], ids=["plain", "project rows"])
@pytest.mark.parametrize("modules", [FLASK_IDIOMS, api.MODULES], ids=["flask", "every"])
def test_kept_idioms_are_the_ones_a_build_gives(folder: Path, modules: tuple[str, ...], settings: Settings) -> None:
    built = table.build(settings, modules)
    builds = Builds(lambda: table.build(settings, modules))
    key = (settings.auth_decorators, settings.auth_dependencies, settings.creation_calls, modules)
    kept_tables.kept("idioms", key, builds, Idioms)
    loaded = kept_tables.kept("idioms", key, builds, Idioms)
    assert builds.calls == 1
    assert same(loaded, built)
    # A row under several keys stays one object, as in the built idioms.
    assert _distinct(loaded.auth_names) == _distinct(built.auth_names) < sum(map(len, built.auth_names.values()))


def _distinct(index: Mapping[str, tuple[object, ...]]) -> int:
    return len({id(row) for rows in index.values() for row in rows})


def test_each_key_has_its_own_entry(folder: Path) -> None:
    flask = kept_tables.kept("table", FLASK, lambda: build_table((), FLASK), Table)
    django = kept_tables.kept("table", DJANGO, lambda: build_table((), DJANGO), Table)
    assert len(entries(folder)) == 2
    assert same(kept_tables.kept("table", FLASK, lambda: build_table((), DJANGO), Table), flask)
    assert not same(flask, django)


# An entry is used only while the package's sources are as they were


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    """A source file standing for the package's modules, settled before the package loaded: the entries written
    here name it alone."""
    path = tmp_path / "package" / "declarations.py"
    path.parent.mkdir()
    path.write_text("ROWS = 1\n", encoding="utf-8")
    monkeypatch.setattr(stamps, "SETTLED_NS", 0)  # a test cannot wait two seconds
    monkeypatch.setattr(kept_tables, "IMPORTED_NS", time.time_ns())
    monkeypatch.setattr(kept_tables, "_sources", lambda: kept_tables._stamped([str(path)]))
    return path


def _kept_flask(builds: Builds) -> Table:
    return kept_tables.kept("table", FLASK, builds, Table)


def test_an_entry_names_the_source_of_every_loaded_module_of_the_package(folder: Path) -> None:
    _kept_flask(Builds(lambda: build_table((), FLASK)))
    (entry,) = entries(folder)
    _, _, sources, _ = _fields(entry)
    package = Path(kept_tables.__file__).parent
    loaded = {
        module.__file__
        for name, module in sys.modules.items()
        if name.startswith("flake8_http_status")
        and (name == "flake8_http_status" or kept_tables.in_builds(name.removeprefix("flake8_http_status.")))
    }
    files = {path for path in loaded if path is not None}
    assert {path for path, _ in sources} == files | {os.path.dirname(path) for path in files}
    assert all(Path(path).is_relative_to(package) for path, _ in sources)
    assert {str(package / "api" / "__init__.py"), str(package / "api"), str(package)} <= dict(sources).keys()
    for path, stamp in sources:
        status = os.stat(path)
        assert stamp == (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def test_a_source_edited_to_the_same_size_and_time_is_a_miss(source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = Builds(lambda: build_table((), FLASK))
    _kept_flask(builds)
    _kept_flask(builds)
    assert builds.calls == 1
    before = source.stat()
    time.sleep(0.01)
    source.write_text("ROWS = 2\n", encoding="utf-8")  # same size
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))  # the modification time put back
    monkeypatch.setattr(kept_tables, "_CHECKED", set())  # a new process
    monkeypatch.setattr(kept_tables, "IMPORTED_NS", time.time_ns())
    _kept_flask(builds)
    assert builds.calls == 2


def test_the_layers_left_out_of_an_entry_are_the_analysis_and_those_above_it() -> None:
    titles = list(LAYERS)
    above = [name for title in titles[titles.index("analysis") :] for name in LAYERS[title]]
    assert sorted(kept_tables.NOT_IN_BUILDS) == sorted(above)
    left_out = ("engine.py", "analysis/collect.py", "handlers/handler_model.py")
    named = dict(kept_tables._sources() or [])
    assert not [path for path in left_out if str(Path(kept_tables.__file__).parent / path) in named]


def test_no_code_left_out_of_an_entry_can_run_in_a_build() -> None:
    """The builds (`api`'s modules, `handlers.table` and `handlers.table_build`) import, directly or through the
    modules they import, only modules an entry names (`in_builds`), so a change to another cannot change a table."""
    graph = import_graph(PACKAGE)
    builds = [name for name in graph if name == "api" or name.startswith("api.") or name in kept_tables.BUILDERS]
    reached, waiting = set(builds), list(builds)
    while waiting:
        for imported in graph[waiting.pop()]:
            if imported not in reached:
                reached.add(imported)
                waiting.append(imported)
    assert "options" in reached and "handlers.table_build" in reached  # the graph is followed
    assert sorted(name for name in reached if not kept_tables.in_builds(name)) == []


def test_a_file_added_beside_a_source_is_a_miss(source: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module or package added to a folder of the package may be imported in place of one the entry names."""
    monkeypatch.setattr(kept_tables, "_sources", lambda: kept_tables._stamped([str(source), str(source.parent)]))
    builds = Builds(lambda: build_table((), FLASK))
    _kept_flask(builds)
    _kept_flask(builds)
    assert builds.calls == 1
    time.sleep(0.01)
    (source.parent / "declarations").mkdir()
    monkeypatch.setattr(kept_tables, "_CHECKED", set())
    monkeypatch.setattr(kept_tables, "IMPORTED_NS", time.time_ns())
    _kept_flask(builds)
    assert builds.calls == 2


def test_an_entry_made_from_sources_newer_than_the_running_code_is_a_miss(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Written by another process after this one loaded the package: it may describe other code than this one runs."""
    builds = Builds(lambda: build_table((), FLASK))
    _kept_flask(builds)
    monkeypatch.setattr(kept_tables, "_CHECKED", set())
    monkeypatch.setattr(kept_tables, "IMPORTED_NS", source.stat().st_ctime_ns - 1)
    _kept_flask(builds)
    assert builds.calls == 2


def test_nothing_is_kept_when_a_source_changed_after_the_package_loaded(
    source: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept_tables, "IMPORTED_NS", source.stat().st_mtime_ns - 1)
    assert _kept_flask(Builds(lambda: build_table((), FLASK))) is not None
    assert entries(folder) == []


def test_nothing_is_kept_from_the_package_as_it_is_being_edited(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real package's modules: every one counts as changed when the package loaded within two seconds of it."""
    monkeypatch.setattr(kept_tables, "IMPORTED_NS", 0)
    _kept_flask(Builds(lambda: build_table((), FLASK)))
    assert entries(folder) == []


def test_nothing_is_kept_with_caching_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NO_CACHE_VARIABLE, "1")
    builds = Builds(lambda: build_table((), FLASK))
    _kept_flask(builds)
    _kept_flask(builds)
    assert builds.calls == 2
    assert entries(folder) == []


# A damaged, foreign or planted entry is a miss that runs nothing


def _entry_path(folder: Path) -> Path:
    _kept_flask(Builds(lambda: build_table((), FLASK)))
    (entry,) = entries(folder)
    return entry


def _replaced(entry: Path, value: bytes) -> None:
    _rewritten(entry, (*_fields(entry)[:3], value))


def _fields(entry: Path) -> tuple[Any, ...]:
    """The entry's format, key, sources and pickled value, after its checksum."""
    fields: tuple[Any, ...] = pickle.loads(entry.read_bytes()[kept_tables._CHECKSUM_BYTES :])
    return fields


def _rewritten(entry: Path, fields: tuple[Any, ...]) -> None:
    """The entry made of `fields`, with the checksum they need: what someone able to write as this user can do."""
    payload = pickle.dumps(fields)
    entry.write_bytes(kept_tables._checksum(payload) + payload)


def _one_byte_changed(data: bytes) -> bytes:
    """A byte of the table's text changed, the length kept: still a well-formed pickle of a table."""
    at = data.index(b"it raises LookupError")
    return data[:at] + b"I" + data[at + 1 :]


class _Calls:
    """Pickles as a call of `function(*arguments)`."""

    def __init__(self, function: Callable[..., Any], *arguments: object) -> None:
        self.function, self.arguments = function, arguments

    def __reduce__(self) -> tuple[Any, ...]:
        return self.function, self.arguments


def _planted(tmp_path: Path) -> list[bytes]:
    """Pickles that would call something: a function of the package, one of the standard library, a builtin, and a
    class of the package that is not a record, enumeration or table."""
    marker = tmp_path / "ran"
    from flake8_http_status.user_cache import replace_file

    return [
        pickle.dumps(_Calls(replace_file, str(marker), b"x", "p")),
        pickle.dumps(_Calls(os.mkdir, str(marker))),
        pickle.dumps(_Calls(eval, f"open({str(marker)!r}, 'w')")),
        pickle.dumps(_Calls(KeptFolder, "tables")),
        pickle.dumps(_Calls(kept_tables._record, Table, ())),  # the record maker, asked for a table
    ]


@pytest.mark.parametrize("index", range(5))
def test_a_planted_entry_is_a_miss_that_runs_nothing(folder: Path, tmp_path: Path, index: int) -> None:
    entry = _entry_path(folder)
    _replaced(entry, _planted(tmp_path)[index])
    builds = Builds(lambda: build_table((), FLASK))
    assert same(_kept_flask(builds), build_table((), FLASK))
    assert builds.calls == 1
    assert not (tmp_path / "ran").exists()


def test_the_value_may_name_the_packages_records_enumerations_and_tables_only() -> None:
    unpickler = kept_tables._Unpickler(io.BytesIO(b""), (Table, LazyPattern))
    for module, name in [
        ("flake8_http_status.api.rows", "Api"),
        ("flake8_http_status.api.rows", "Role"),
        ("flake8_http_status.api", "Table"),
        ("flake8_http_status.lazy_pattern", "LazyPattern"),
    ]:
        assert unpickler.find_class(module, name) is getattr(sys.modules[module], name)
    assert unpickler.find_class(kept_tables.__name__, "_record") is tuple.__new__
    refused = [
        ("flake8_http_status.enums", type(Enum).__name__),  # the metaclass: it would make a class
        ("flake8_http_status.analysis.children", "Final"),  # not a class of the package
        ("flake8_http_status.user_cache", "KeptFolder"),
        ("flake8_http_status.user_cache", "replace_file"),
        ("flake8_http_status.api.rows", "Api.__new__"),
        ("builtins", "eval"),
        ("os", "system"),
    ]
    for module, name in refused:
        with pytest.raises(pickle.UnpicklingError):
            unpickler.find_class(module, name)
    with pytest.raises(pickle.UnpicklingError):  # the entry around the value names nothing at all
        kept_tables._Unpickler(io.BytesIO(b""), ()).find_class("flake8_http_status.api.rows", "Api")


def test_the_entry_itself_names_no_class(folder: Path, tmp_path: Path) -> None:
    """The outer pickle (format, key, sources, table) holds plain data only: a class there is refused too."""
    entry = _entry_path(folder)
    fields = _fields(entry)
    _rewritten(entry, (fields[0], fields[1], _Calls(os.mkdir, str(tmp_path / "ran")), fields[3]))
    builds = Builds(lambda: build_table((), FLASK))
    _kept_flask(builds)
    assert builds.calls == 1
    assert not (tmp_path / "ran").exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: entry.write_bytes(entry.read_bytes()[:-40]),  # cut short
        lambda entry: entry.write_bytes(_one_byte_changed(entry.read_bytes())),
        lambda entry: entry.write_bytes(b"not a pickle"),
        lambda entry: _rewritten(entry, (kept_tables._FORMAT + 1, *_fields(entry)[1:])),
        lambda entry: _rewritten(entry, (kept_tables._FORMAT, "('other',)", *_fields(entry)[2:])),
        lambda entry: entry.chmod(0o620),  # others could have written it
        lambda entry: _replaced(entry, pickle.dumps(build_table((), DJANGO).calls)),  # not a table
    ],
    ids=["truncated", "one byte changed", "garbage", "other format", "other key", "group-writable", "other class"],
)
def test_a_damaged_or_foreign_entry_is_a_miss(folder: Path, damage: Callable[[Path], object]) -> None:
    damage(_entry_path(folder))
    builds = Builds(lambda: build_table((), FLASK))
    assert same(_kept_flask(builds), build_table((), FLASK))
    assert builds.calls == 1


# What a run loads


FLASK_MODULE = (
    "from flask import Flask, abort, jsonify\n\napp = Flask(__name__)\n\n\n@app.post('/items')\n"
    "def create():\n    abort(404)\n    return jsonify(made=True), 200\n"
)


def _run(
    source: str, keys: Path, *, cache: bool = True, python_path: Path | None = None
) -> tuple[list[str], list[str]]:
    """The findings of a fresh process on `source`, and the framework declarations it imported."""
    report = "sorted(m for m in sys.modules if m.startswith('flake8_http_status.api.'))"
    found, imported = fresh_run(source, keys, report, cache=cache, python_path=python_path)
    return found, [name for name in imported if name.rpartition(".")[2] in api.MODULES]


def test_a_warm_run_imports_no_declaration_and_finds_what_a_build_finds(tmp_path: Path) -> None:
    built, declarations = _run(FLASK_MODULE, tmp_path, cache=False)
    assert built and "flake8_http_status.api.flask" in declarations
    assert _run(FLASK_MODULE, tmp_path) == (built, declarations)  # cold: built, then kept
    assert _run(FLASK_MODULE, tmp_path) == (built, [])  # warm: loaded


def test_another_copy_of_the_package_keeps_its_own_entries(tmp_path: Path) -> None:
    """A second copy of the package at the same version (another checkout) that says something else: a run of this
    one does not take the copy's kept tables, which name the copy's files, unchanged as they are."""
    copy = tmp_path / "copy"
    shutil.copytree(
        Path(kept_tables.__file__).parent, copy / "flake8_http_status", ignore=shutil.ignore_patterns("*.pyc")
    )
    declarations = copy / "flake8_http_status" / "api" / "flask.py"
    text = declarations.read_text(encoding="utf-8")
    assert "it raises LookupError" in text
    declarations.write_text(text.replace("it raises LookupError", "THE COPY SAYS"), encoding="utf-8")
    time.sleep(2.5)  # the copy's files settle (`stamps.SETTLED_NS`), so that its run keeps its tables
    keys = tmp_path / "keys"
    source = "import flask_restful\n\n\ndef gone():\n    flask_restful.abort(499)\n"
    from_copy, _ = _run(source, keys, python_path=copy)
    assert any("THE COPY SAYS" in text for text in from_copy)
    assert any(path.name.startswith("table-") for path in entries(keys))
    own, _ = _run(source, keys)
    assert own == _run(source, tmp_path / "no keys")[0]
    assert not any("THE COPY SAYS" in text for text in own)
