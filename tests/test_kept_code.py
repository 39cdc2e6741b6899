"""`kept_code.py`: a module served from the kept file runs the code its source gives, a source or folder that changed
is compiled again or imported the normal way, and a damaged or foreign file serves nothing.

Most tests serve a small package of their own, `kcdemo`, from a finder made for it; the last ones run the real
package in fresh processes."""

from __future__ import annotations

import copy
import importlib
import importlib.machinery
import importlib.resources
import importlib.util
import json
import marshal
import os
import pickle
import pkgutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import CodeType, ModuleType, SimpleNamespace
from typing import Any

import pytest
from fresh_plugin import fresh_run

import flake8_http_status
from flake8_http_status import kept_code, kept_code_build, stamps
from flake8_http_status.kept_code import KeptCode
from flake8_http_status.user_cache import KEY_DIR_VARIABLE, NO_CACHE_VARIABLE, KeptFolder

SOURCES = {
    "__init__.py": "ROOT = 'root'\n",
    "alpha.py": "from .beta import VALUE\n\nSEEN = VALUE + 1\n\n\ndef double(x):\n    return 2 * x\n",
    "beta.py": "VALUE = 41\n",
    "sub/__init__.py": "from . import inner\n",
    "sub/inner.py": "WHERE = __name__\n",
}


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The package `kcdemo` on `sys.path`, its files settled as soon as written; unloaded afterwards."""
    root = tmp_path / "site" / "kcdemo"
    for name, text in SOURCES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(stamps, "SETTLED_NS", 0)
    monkeypatch.syspath_prepend(str(root.parent))
    yield root
    _unload()
    _remove_demo_finders()


def _remove_demo_finders() -> None:
    sys.meta_path[:] = [finder for finder in sys.meta_path if getattr(finder, "_package", None) != "kcdemo"]


def _unload() -> None:
    for name in [name for name in sys.modules if name == "kcdemo" or name.startswith("kcdemo.")]:
        del sys.modules[name]
    importlib.invalidate_caches()


def _process(root: Path, kept: Path) -> KeptCode:
    """The finder a new process would install for `kcdemo`, reading `kept`: nothing of `kcdemo` loaded yet."""
    _unload()
    _remove_demo_finders()
    finder = KeptCode(str(kept), *kept_code._read(str(kept)), root=str(root), package="kcdemo")
    sys.meta_path.insert(0, finder)
    return finder


def _kept_file(demo: Path, tmp_path: Path) -> Path:
    """The kept file of `kcdemo`, written by a process that imported a module of it (so: every module compiled)."""
    kept = tmp_path / "kept" / "modules"
    _process(demo, kept)
    importlib.import_module("kcdemo.alpha")
    return kept


def _compiles(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources `kept_code` compiles from here on."""
    compiled: list[str] = []
    original = kept_code_build._compile

    def counting(origin: str, *arguments: Any) -> kept_code_build.Compiled | None:
        compiled.append(os.path.basename(origin))
        return original(origin, *arguments)

    monkeypatch.setattr(kept_code_build, "_compile", counting)
    return compiled


def _same(left: object, right: object) -> bool:
    return left is right


def _loader_of(name: str) -> object:
    return sys.modules[name].__spec__.loader  # type: ignore[union-attr]


def _stamp(path: Path) -> stamps.Stamp:
    status = path.stat()
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


# Served, and what importlib would give


def test_the_first_miss_compiles_the_package_and_later_processes_are_served(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "kept" / "modules"
    compiled = _compiles(monkeypatch)
    first = _process(demo, kept)
    alpha = importlib.import_module("kcdemo.alpha")
    assert alpha.SEEN == 42 and _loader_of("kcdemo.alpha") is first
    assert sorted(compiled) == ["__init__.py", "alpha.py", "beta.py", "inner.py"]  # every submodule, the root's not
    assert kept.is_file() and kept.stat().st_mode & 0o077 == 0
    compiled.clear()
    second = _process(demo, kept)
    assert importlib.import_module("kcdemo.sub").inner.WHERE == "kcdemo.sub.inner"
    assert importlib.import_module("kcdemo.alpha").double(4) == 8
    assert compiled == []
    assert {_loader_of(name) for name in ("kcdemo.alpha", "kcdemo.beta", "kcdemo.sub", "kcdemo.sub.inner")} == {second}
    assert _loader_of("kcdemo") is not second  # the root package is the normal import's, as it installs the finder


def test_a_served_module_has_the_attributes_and_code_of_a_normal_import(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _unload()
    normal = {name: importlib.import_module(name) for name in ("kcdemo.alpha", "kcdemo.sub", "kcdemo.sub.inner")}
    plain = {name: _attributes(module) for name, module in normal.items()}
    code = normal["kcdemo.alpha"].double.__code__
    kept = _kept_file(demo, tmp_path)
    finder = _process(demo, kept)
    for name, attributes in plain.items():
        module = importlib.import_module(name)
        assert _loader_of(name) is finder
        assert _attributes(module) == attributes
    served = sys.modules["kcdemo.alpha"].double.__code__
    assert (served.co_code, served.co_consts, served.co_filename, served.co_names) == (
        code.co_code,
        code.co_consts,
        code.co_filename,
        code.co_names,
    )


def _attributes(module: object) -> tuple[object, ...]:
    spec = module.__spec__  # type: ignore[attr-defined]
    shown = ("__file__", "__cached__", "__path__", "__package__", "__name__")
    return (*(getattr(module, name, None) for name in shown), spec.origin, spec.parent, spec.has_location)


def test_the_loader_answers_runpy_pkgutil_and_resources(demo: Path, tmp_path: Path) -> None:
    kept = _kept_file(demo, tmp_path)
    finder = _process(demo, kept)
    assert finder.is_package("kcdemo.sub") and not finder.is_package("kcdemo.alpha")
    assert finder.get_filename("kcdemo.beta") == str(demo / "beta.py")
    assert finder.get_source("kcdemo.beta") == SOURCES["beta.py"]
    scope: dict[str, object] = {}
    exec(finder.get_code("kcdemo.beta"), scope)
    assert scope["VALUE"] == 41
    for missing in (finder.get_code, finder.get_filename, finder.get_source):
        with pytest.raises(ImportError):
            missing("kcdemo.nothing")
    importlib.import_module("kcdemo.sub")
    assert pkgutil.get_data("kcdemo.sub", "inner.py") == SOURCES["sub/inner.py"].encode()
    assert sorted(path.name for path in importlib.resources.files("kcdemo.sub").iterdir()) == [
        "__init__.py",
        "inner.py",
    ]
    spec = sys.modules["kcdemo.sub"].__spec__
    assert spec is not None and _same(copy.deepcopy(spec).loader, finder)


def test_the_loader_reads_a_source_changed_after_the_one_refresh(demo: Path, tmp_path: Path) -> None:
    """In a long-lived process, once its refresh is spent: the source file as it is, as `importlib`'s loader reads it."""
    kept = _kept_file(demo, tmp_path)
    (demo / "beta.py").write_text("VALUE = 7\n", encoding="utf-8")
    finder = _process(demo, kept)
    assert importlib.import_module("kcdemo.alpha").SEEN == 8  # the one refresh: compiled again
    (demo / "beta.py").write_text("VALUE = 9\n", encoding="utf-8")
    assert finder.get_source("kcdemo.beta") == "VALUE = 9\n"
    scope: dict[str, object] = {}
    exec(finder.get_code("kcdemo.beta"), scope)
    assert scope["VALUE"] == 9
    assert finder.get_filename("kcdemo.beta") == str(demo / "beta.py")


def test_other_names_are_left_to_the_import_system(demo: Path, tmp_path: Path) -> None:
    finder = _process(demo, tmp_path / "kept" / "modules")
    assert finder.find_spec("json") is None
    assert finder.find_spec("kcdemo") is None  # the root package: loaded before the finder exists
    assert finder.find_spec("kcdemo.missing") is None
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("kcdemo.missing")


# A changed source or folder is not served as it was


def test_a_source_edited_to_the_same_size_and_time_is_compiled_again(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = tmp_path / "kept" / "modules"
    _process(demo, kept)
    assert importlib.import_module("kcdemo.beta").VALUE == 41
    beta = demo / "beta.py"
    before = beta.stat()
    time.sleep(0.01)
    beta.write_text("VALUE = 40\n", encoding="utf-8")  # same size
    os.utime(beta, ns=(before.st_atime_ns, before.st_mtime_ns))  # the modification time put back
    compiled = _compiles(monkeypatch)
    _process(demo, kept)
    assert importlib.import_module("kcdemo.alpha").SEEN == 41
    assert compiled == ["beta.py"]  # the others are taken as they were kept
    compiled.clear()
    _process(demo, kept)  # the file was written again: the next process compiles nothing
    assert importlib.import_module("kcdemo.beta").VALUE == 40
    assert compiled == []


def test_an_unsettled_source_is_imported_the_normal_way_and_not_kept(demo: Path, tmp_path: Path) -> None:
    kept = _kept_file(demo, tmp_path)
    beta = demo / "beta.py"
    beta.write_text("VALUE = 7\n", encoding="utf-8")
    soon = time.time_ns() + 60_000_000_000
    os.utime(beta, ns=(soon, soon))  # changed "now" as far as settling goes, its folder untouched
    finder = _process(demo, kept)
    assert importlib.import_module("kcdemo.alpha").SEEN == 8
    assert _loader_of("kcdemo.beta") is not finder and _loader_of("kcdemo.alpha") is finder
    entries, _, _ = kept_code._read(str(kept))
    assert "kcdemo.beta" not in entries and "kcdemo.alpha" in entries


def test_a_package_folder_added_beside_a_module_is_imported_in_its_place(demo: Path, tmp_path: Path) -> None:
    kept = tmp_path / "kept" / "modules"
    _process(demo, kept)
    importlib.import_module("kcdemo.beta")
    time.sleep(0.01)
    (demo / "beta").mkdir()
    (demo / "beta" / "__init__.py").write_text("VALUE = 99\n", encoding="utf-8")
    finder = _process(demo, kept)
    beta = importlib.import_module("kcdemo.beta")
    assert beta.VALUE == 99 and beta.__file__ == str(demo / "beta" / "__init__.py")
    assert _loader_of("kcdemo.beta") is finder  # compiled as the package it now is


@pytest.mark.parametrize(
    "compiled", ["beta{suffix}", "beta/__init__{suffix}", "beta/__pycache__/"], ids=["module", "package", "a folder"]
)
def test_a_compiled_module_beside_a_source_is_not_served(demo: Path, compiled: str) -> None:
    """`importlib` would import an extension module, or a package folder whose `__init__` is one, in its place; a
    folder of the module's name becomes such a package when an `__init__` is put in it, which changes that folder's
    times but not the times of the folder the module is in."""
    path = demo / compiled.format(suffix=importlib.machinery.EXTENSION_SUFFIXES[0])
    path.parent.mkdir(exist_ok=True)
    if compiled.endswith("/"):
        path.mkdir()
    else:
        path.write_bytes(b"")
    entries, _ = kept_code_build.compiled(str(demo), "kcdemo", {}, {})
    assert "kcdemo.alpha" in entries and "kcdemo.beta" not in entries


def test_a_module_added_to_the_package_is_served_after_the_one_refresh(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _kept_file(demo, tmp_path)
    (demo / "gamma.py").write_text("G = 3\n", encoding="utf-8")
    refreshes: list[str] = []
    original = kept_code_build.compiled

    def counting(root: str, package: str, old: dict[str, Any], old_folders: dict[str, Any]) -> object:
        refreshes.append(package)
        return original(root, package, old, old_folders)

    monkeypatch.setattr(kept_code_build, "compiled", counting)
    finder = _process(demo, kept)
    assert importlib.import_module("kcdemo.gamma").G == 3 and _loader_of("kcdemo.gamma") is finder
    importlib.import_module("kcdemo.alpha")
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("kcdemo.delta")
    assert refreshes == ["kcdemo"]  # once per process, though `delta` was missed too


def test_a_source_that_does_not_compile_raises_where_it_is_imported(demo: Path, tmp_path: Path) -> None:
    (demo / "broken.py").write_text("def (:\n", encoding="utf-8")
    _process(demo, tmp_path / "kept" / "modules")
    assert importlib.import_module("kcdemo.alpha").SEEN == 42
    with pytest.raises(SyntaxError):
        importlib.import_module("kcdemo.broken")


def test_a_folder_is_looked_at_again_at_each_import(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As `importlib` does: a package folder added beside a module in a running process is imported in its place."""
    kept = _kept_file(demo, tmp_path)
    _process(demo, kept)
    importlib.import_module("kcdemo.sub.inner")
    time.sleep(0.01)
    (demo / "sub" / "late").mkdir()
    (demo / "sub" / "late" / "__init__.py").write_text("KIND = 'package'\n", encoding="utf-8")
    (demo / "sub" / "late.py").write_text("KIND = 'module'\n", encoding="utf-8")
    assert importlib.import_module("kcdemo.sub.late").KIND == "package"


def test_a_folder_is_looked_at_once_for_the_modules_loaded_ahead_in_one_go(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`alpha`'s leading import loads `beta` ahead of its body: the package's folder is looked at for `alpha` and not
    again for `beta`; a later import, outside that loading, looks at it again."""
    kept = _kept_file(demo, tmp_path)
    _process(demo, kept)
    importlib.import_module("kcdemo")
    looked: list[str] = []
    original = kept_code._stamp_of

    def counting(path: str) -> object:
        looked.append(path)
        return original(path)

    monkeypatch.setattr(kept_code, "_stamp_of", counting)
    importlib.import_module("kcdemo.alpha")
    assert _loader_of("kcdemo.beta") is _loader_of("kcdemo.alpha")  # both served
    assert looked.count(str(demo)) == 1
    assert sorted(looked) == sorted([str(demo), str(demo / "alpha.py"), str(demo / "beta.py")])
    importlib.import_module("kcdemo.sub")  # its body imports its own `inner`, which is not loaded ahead
    assert looked.count(str(demo)) == 1 and looked.count(str(demo / "sub")) == 2
    del sys.modules["kcdemo.beta"]
    importlib.import_module("kcdemo.beta")  # on its own: looked at again
    assert looked.count(str(demo)) == 2


def test_a_folder_that_has_not_settled_keeps_its_compiled_modules(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor that saves by renaming changes the folder at each save: its modules are not compiled all again."""
    kept = _kept_file(demo, tmp_path)
    time.sleep(0.01)
    (demo / ".swap").write_text("", encoding="utf-8")
    monkeypatch.setattr(stamps, "SETTLED_NS", 3_600_000_000_000)  # the folders changed "just now"
    finder = _process(demo, kept)
    assert importlib.import_module("kcdemo.alpha").SEEN == 42 and _loader_of("kcdemo.alpha") is not finder
    assert "kcdemo.alpha" in kept_code._read(str(kept))[0]  # still kept
    monkeypatch.setattr(stamps, "SETTLED_NS", 0)
    compiled = _compiles(monkeypatch)
    finder = _process(demo, kept)
    assert importlib.import_module("kcdemo.alpha").SEEN == 42 and _loader_of("kcdemo.alpha") is finder
    assert compiled == []


@pytest.mark.parametrize("blocked", ["a file for a folder", "a folder for the file"])
def test_a_kept_file_that_cannot_be_written_compiles_nothing(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blocked: str
) -> None:
    """Compiling the whole package in every process, for a file never written, would cost more than the normal
    import."""
    if blocked == "a file for a folder":
        (tmp_path / "kept").write_text("", encoding="utf-8")
    else:
        (tmp_path / "kept" / "modules").mkdir(parents=True)
    compiled = _compiles(monkeypatch)
    _process(demo, tmp_path / "kept" / "modules")
    assert importlib.import_module("kcdemo.alpha").SEEN == 42
    assert compiled == []


def test_another_copy_of_the_package_imported_later_is_not_served_this_ones_code(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The package removed from `sys.modules` and imported again from elsewhere: its submodules come from there."""
    kept = _kept_file(demo, tmp_path)
    finder = _process(demo, kept)
    other = tmp_path / "other" / "kcdemo"
    for name, text in SOURCES.items():
        (other / name).parent.mkdir(parents=True, exist_ok=True)
        (other / name).write_text(text.replace("41", "1"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(other.parent))
    importlib.invalidate_caches()
    alpha = importlib.import_module("kcdemo.alpha")
    assert alpha.SEEN == 2 and alpha.__file__ == str(other / "alpha.py")
    assert _loader_of("kcdemo.alpha") is not finder


def test_install_replaces_an_earlier_finder_and_goes_before_importlibs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hooks put before `importlib`'s finders still see the package's modules first."""
    hook = SimpleNamespace(find_spec=lambda *arguments: None)
    standard = [finder for finder in sys.meta_path if finder in kept_code._standard_finders()]
    assert importlib.machinery.PathFinder in standard
    monkeypatch.setattr(sys, "meta_path", [hook, *standard])
    first, second = kept_code.install(), kept_code.install()
    assert first is not None and second is not None
    assert sys.meta_path == [hook, second, *standard]


def test_code_that_marshal_cannot_read_is_a_miss(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A damaged file can make `marshal.loads` raise anything (SystemError for a bad code object): a miss, compiled
    again."""
    kept = _kept_file(demo, tmp_path)

    def damaged(data: Any) -> object:
        loaded = marshal.loads(data)
        if isinstance(loaded, tuple) and loaded and isinstance(loaded[0], CodeType):  # a module, not the entries
            raise SystemError("bad argument to internal function")
        return loaded

    monkeypatch.setattr(kept_code, "marshal", SimpleNamespace(loads=damaged, dumps=marshal.dumps))
    finder = _process(demo, kept)
    assert importlib.import_module("kcdemo.alpha").SEEN == 42 and _loader_of("kcdemo.alpha") is not finder


def test_a_folder_put_first_in_the_parents_path_is_looked_in_first(demo: Path, tmp_path: Path) -> None:
    kept = _kept_file(demo, tmp_path)
    _process(demo, kept)
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "beta.py").write_text("VALUE = 0\n", encoding="utf-8")
    package = importlib.import_module("kcdemo")
    package.__path__.insert(0, str(overlay))
    importlib.invalidate_caches()
    assert importlib.import_module("kcdemo.beta").VALUE == 0


def test_a_pickled_spec_names_the_finder_of_the_process(demo: Path, tmp_path: Path) -> None:
    kept = _kept_file(demo, tmp_path)
    finder = _process(demo, kept)
    spec = importlib.import_module("kcdemo.beta").__spec__
    assert spec is not None and _same(spec.loader, finder)
    assert _same(pickle.loads(pickle.dumps(spec)).loader, finder)


def test_install_with_caching_off_removes_the_finder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The package removed from `sys.modules` and imported again after `HTTP_STATUS_NO_CACHE=1` was set."""
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    assert kept_code.install() is not None
    monkeypatch.setenv(NO_CACHE_VARIABLE, "1")
    monkeypatch.setattr(kept_code, "_kept", KeptFolder("code"))
    assert kept_code.install() is None
    assert not [finder for finder in sys.meta_path if isinstance(finder, KeptCode)]


def test_the_refresh_runs_without_the_finders_lock(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The refresh imports (`stamps`), and an import may wait for another thread's import, which may be waiting to
    claim the refresh: only the claim holds the lock. Asked from outside an import too (`get_code`, as `runpy`)."""
    finder = _process(demo, tmp_path / "kept" / "modules")
    original = KeptCode._refresh
    held: list[bool] = []

    def refresh(self: KeptCode) -> None:
        held.append(self._lock.locked())
        original(self)

    monkeypatch.setattr(KeptCode, "_refresh", refresh)
    assert finder.get_code("kcdemo.beta") is not None
    assert finder.get_code("kcdemo.alpha") is not None  # one refresh per process
    assert held == [False]


# A damaged or foreign file serves nothing wrong


def _with_header(header: Any) -> bytes:
    packed = marshal.dumps(header)
    return len(packed).to_bytes(4, "big") + packed


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: data[:3],
        lambda data: b"not marshal data",
        lambda data: (10**9).to_bytes(4, "big") + data[4:],
        lambda data: _with_header((99, {}, {})),
        lambda data: _with_header([1, {}, {}]),
        lambda data: _with_header((1, [], {})),
    ],
    ids=["code cut short", "header cut short", "garbage", "header too long", "other format", "a list", "no entries"],
)
def test_a_damaged_file_serves_nothing(demo: Path, tmp_path: Path, damage: Callable[[bytes], bytes]) -> None:
    kept = _kept_file(demo, tmp_path)
    kept.write_bytes(damage(kept.read_bytes()))
    kept.chmod(0o600)
    finder = _process(demo, kept)
    assert importlib.import_module("kcdemo.alpha").SEEN == 42  # compiled again and written again: served
    assert _loader_of("kcdemo.alpha") is finder
    assert "kcdemo.alpha" in kept_code._read(str(kept))[0]


def _damaged_entries(entries: dict[str, Any], demo: Path) -> list[Any]:
    beta = (*entries["kcdemo.beta"][:6],)
    alpha_code = entries["kcdemo.alpha"][6:]
    return [("beta.py",), None, (1, 2, 3, 4, 5, 6, 7, 8), (*beta, 0, 10**9), (*beta, *alpha_code)]


@pytest.mark.parametrize("which", range(5), ids=["short", "none", "wrong types", "past the end", "another's code"])
def test_a_malformed_entry_is_a_miss(demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, which: int) -> None:
    kept = _kept_file(demo, tmp_path)
    entries, folders, code = kept_code._read(str(kept))
    entry = _damaged_entries(entries, demo)[which]
    kept.write_bytes(_with_header((kept_code._FORMAT, {**entries, "kcdemo.beta": entry}, folders)) + bytes(code))
    compiled = _compiles(monkeypatch)
    finder = _process(demo, kept)
    assert importlib.import_module("kcdemo.alpha").SEEN == 42
    assert _loader_of("kcdemo.beta") is finder and compiled == ["beta.py"]  # after one refresh
    assert not hasattr(sys.modules["kcdemo.beta"], "double")


def test_a_file_others_can_write_is_not_read(demo: Path, tmp_path: Path) -> None:
    kept = _kept_file(demo, tmp_path)
    assert kept_code._read(str(kept))[0]
    kept.chmod(0o620)
    assert kept_code._read(str(kept))[:2] == ({}, {})


def test_a_missing_file_serves_nothing(tmp_path: Path) -> None:
    assert kept_code._read(str(tmp_path / "none"))[:2] == ({}, {})


# The real package, in fresh processes

FLASK_MODULE = (
    "from flask import Flask, abort, jsonify\n\napp = Flask(__name__)\n\n\n@app.post('/items')\n"
    "def create():\n    abort(404)\n    return jsonify(made=True), 200\n"
)


def _run(keys: Path, *, cache: bool = True) -> tuple[list[str], dict[str, int]]:
    """The findings of a fresh process on FLASK_MODULE, and how many of the package's modules each loader loaded."""
    found, loaders = fresh_run(FLASK_MODULE, keys, _LOADERS, cache=cache)
    return found, loaders


_LOADERS = (
    "collections.Counter(type(m.__spec__.loader).__name__ for n, m in list(sys.modules.items())"
    " if n.startswith('flake8_http_status'))"
)


def test_a_warm_run_is_served_and_finds_what_an_uncached_run_finds(tmp_path: Path) -> None:
    found, loaders = _run(tmp_path, cache=False)
    assert found and "KeptCode" not in loaders
    assert _run(tmp_path)[0] == found  # cold: compiled and kept
    warm, loaders = _run(tmp_path)
    assert warm == found
    # Served: all but the root package and what it imports to install the finder.
    assert loaders["KeptCode"] > 50 and sum(loaders.values()) - loaders["KeptCode"] == 3


def test_python_dash_m_runs_a_served_main(tmp_path: Path) -> None:
    environ = {**os.environ, KEY_DIR_VARIABLE: str(tmp_path), NO_CACHE_VARIABLE: ""}
    command = [sys.executable, "-m", "flake8_http_status", "explain", "404"]
    first = subprocess.run(command, capture_output=True, text=True, check=True, env=environ).stdout
    assert subprocess.run(command, capture_output=True, text=True, check=True, env=environ).stdout == first
    assert "404" in first
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import importlib.util as u; print(type(u.find_spec('flake8_http_status.__main__').loader).__name__)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=environ,
    ).stdout
    assert shown.strip() == "KeptCode"


def test_caching_off_installs_no_finder(tmp_path: Path) -> None:
    code = "import sys, flake8_http_status; print(sum(type(f).__name__ == 'KeptCode' for f in sys.meta_path))"
    environ = {**os.environ, KEY_DIR_VARIABLE: str(tmp_path), NO_CACHE_VARIABLE: "1"}
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environ)
    assert shown.stdout.strip() == "0"
    assert not (tmp_path / "code").exists()


def test_the_kept_file_is_per_build_and_per_copy_of_the_package() -> None:
    """What the compiled code depends on names the folder: another Python, `-O`, or another copy of the package
    (a second checkout on `PYTHONPATH`, whose run tests/test_kept_tables.py makes) keeps its own file."""
    assert os.path.abspath(os.path.dirname(flake8_http_status.__file__)) in kept_code._BUILD
    assert {sys.version, marshal.version, sys.flags.optimize, sys.implementation.name} <= set(kept_code._BUILD)
    assert kept_code._ROOT in kept_code._BUILD  # as written: `src/../src` gets a file of its own
    assert sys.pycache_prefix in kept_code._BUILD


# Leading imports loaded ahead

AHEAD = {
    "log.py": "RAN = []\n",
    "a.py": "from .log import RAN\n\nRAN.append('a')\n",
    "b.py": "from .log import RAN\nfrom . import a\n\nRAN.append('b')\n",
    "top.py": (
        '"""Imports the others."""\n\nfrom __future__ import annotations\n\nimport os\nfrom typing import TYPE_CHECKING\n\n'
        "from .log import RAN\n\nif TYPE_CHECKING:\n    from . import nowhere\nfrom . import b, a\n\nRAN.append('top')\n"
    ),
    # A package whose own leading import binds the name a later one takes: `importlib` imports no submodule then.
    "pk/__init__.py": "from .helpers import inner\nfrom . import inner\n",
    "pk/helpers.py": "inner = 'the helper'\n",
    "pk/inner.py": "from ..log import RAN\n\nRAN.append('pk.inner')\n",
    "c.py": "from .pk import inner\nfrom .log import RAN\n\nRAN.append('c')\n",
}


@pytest.fixture
def ahead(demo: Path) -> Path:
    for name, text in AHEAD.items():
        (demo / name).parent.mkdir(parents=True, exist_ok=True)
        (demo / name).write_text(text, encoding="utf-8")
    return demo


def _loaded_ahead(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The modules the finder loads ahead (without `importlib`) from here on."""
    loaded: list[str] = []
    original = KeptCode._load

    def counting(self: KeptCode, name: str) -> ModuleType | None:
        done = original(self, name)
        if done is not None:
            loaded.append(name)
        return done

    monkeypatch.setattr(KeptCode, "_load", counting)
    return loaded


def _demo_modules() -> list[str]:
    return [name for name in sys.modules if name.startswith("kcdemo")]


@pytest.mark.parametrize("imported", ["kcdemo.top", "kcdemo.c"])
def test_leading_imports_are_loaded_ahead_in_the_order_and_with_the_attributes_of_a_normal_import(
    ahead: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, imported: str
) -> None:
    _unload()
    importlib.import_module(imported)
    ran, order = list(sys.modules["kcdemo.log"].RAN), _demo_modules()
    plain = {name: _attributes(sys.modules[name]) for name in order}
    kept = _kept_file(ahead, tmp_path)
    finder = _process(ahead, kept)
    loaded = _loaded_ahead(monkeypatch)
    importlib.import_module(imported)
    assert ran == sys.modules["kcdemo.log"].RAN and _demo_modules() == order
    assert {name: _attributes(sys.modules[name]) for name in order} == plain
    assert all(_loader_of(name) is finder for name in order if name != "kcdemo")
    # In the order they end; `pk`'s own submodules are left to its body, which binds `inner` before `from . import
    # inner`: `helpers` is imported by `importlib`, and `pk.inner` by no one.
    expected = {"kcdemo.top": ["kcdemo.log", "kcdemo.a", "kcdemo.b"], "kcdemo.c": ["kcdemo.pk", "kcdemo.log"]}
    assert loaded == expected[imported]
    assert "kcdemo.pk.inner" not in sys.modules


def test_nothing_is_loaded_ahead_while_another_thread_runs(
    ahead: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _kept_file(ahead, tmp_path)
    finder = _process(ahead, kept)
    loaded = _loaded_ahead(monkeypatch)
    release = threading.Event()
    waiting = threading.Thread(target=release.wait)
    waiting.start()
    try:
        top = importlib.import_module("kcdemo.top")
    finally:
        release.set()
        waiting.join()
    assert loaded == [] and top.RAN == ["a", "b", "top"]
    assert _loader_of("kcdemo.b") is finder  # served all the same, through `importlib`
    importlib.import_module("kcdemo.c")
    assert loaded == ["kcdemo.pk"]  # the thread has ended


def test_a_module_that_cannot_be_served_stops_the_loading_ahead(
    ahead: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`b` changed since the file was written and cannot be compiled again (the one refresh is spent): its body
    imports it the normal way, and `a`, which follows it in `top`'s leading imports, after it, as without a finder."""
    kept = _kept_file(ahead, tmp_path)
    finder = _process(ahead, kept)
    finder._refreshed = True
    (ahead / "b.py").write_text(AHEAD["b.py"] + "CHANGED = True\n", encoding="utf-8")
    loaded = _loaded_ahead(monkeypatch)
    top = importlib.import_module("kcdemo.top")
    assert top.RAN == ["a", "b", "top"] and sys.modules["kcdemo.b"].CHANGED
    assert loaded == ["kcdemo.log"] and _loader_of("kcdemo.b") is not finder
    assert _demo_modules()[-4:] == ["kcdemo.log", "kcdemo.a", "kcdemo.b", "kcdemo.top"]


def test_a_module_that_raises_while_loaded_ahead_is_not_left_in_sys_modules(
    ahead: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (ahead / "a.py").write_text("raise LookupError('a fails')\n", encoding="utf-8")
    kept = _kept_file(ahead, tmp_path)
    _process(ahead, kept)
    loaded = _loaded_ahead(monkeypatch)
    with pytest.raises(LookupError, match="a fails"):
        importlib.import_module("kcdemo.top")
    assert not {"kcdemo.a", "kcdemo.b", "kcdemo.top"} & set(sys.modules) and loaded == ["kcdemo.log"]


# Loading ahead against plain `importlib`, in fresh processes: scenarios of what the package itself never does

_SCENARIO = """
import builtins, importlib, json, os, sys, warnings
root, mode = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.dirname(root))
from flake8_http_status import kept_code, stamps
stamps.SETTLED_NS = 0
builtins.RAN = []
if mode != "plain":
    kept = os.path.join(os.path.dirname(os.path.dirname(root)), "kept", "modules")
    finder = kept_code.KeptCode(kept, *kept_code._read(kept), root=root, package="kcdemo")
    sys.meta_path.insert(0, finder)
error = None
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        exec(open(os.path.join(root, "run.py")).read(), {"__name__": "run"})
    except Exception as exception:
        error = [type(exception).__name__, str(exception)]
modules = [name for name in sys.modules if name.startswith("kcdemo")]
keys = {name: [key for key in vars(sys.modules[name]) if key != "__builtins__"] for name in modules if sys.modules[name]}
shown = [str(warning.message) for warning in caught if warning.category is ImportWarning]
print(json.dumps([builtins.RAN, modules, keys, error, shown]))
"""

_SCENARIOS = {
    "a star taken from a package": {
        "pk2/__init__.py": "__all__ = ['sm']\n",
        "pk2/sm.py": "RAN.append('pk2.sm')\n",
        "a.py": "RAN.append('a')\n",
        "top.py": "from .pk2 import *\nfrom . import a\n",
    },
    "a folder without an __init__": {
        "ns/m.py": "RAN.append('ns.m')\n",
        "a.py": "RAN.append('a')\n",
        "top.py": "from .ns import m\nfrom . import a\n",
    },
    "a module that is not there": {"a.py": "RAN.append('a')\n", "top.py": "from .missing import x\nfrom . import a\n"},
    "a name that is neither": {"a.py": "RAN.append('a')\n", "top.py": "from . import nothere\nfrom . import a\n"},
    "a package's own names first": {
        "sub/__init__.py": "import os\nfrom .x import helper\nfrom .m import q\n",
        "sub/x.py": "def helper():\n    pass\n",
        "sub/helper.py": "RAN.append('sub.helper')\n",
        "sub/m.py": "from . import helper\n\nq = helper\n",
        "top.py": "from .sub import q\nRAN.append(q.__name__)\n",
    },
    "a parent that refuses the attribute": {
        "pk/__init__.py": (
            "import sys, types\n\n\nclass Guarded(types.ModuleType):\n"
            "    def __setattr__(self, name, value):\n        if name == 'inner':\n"
            "            raise AttributeError('read-only')\n        super().__setattr__(name, value)\n\n\n"
            "sys.modules[__name__].__class__ = Guarded\n"
        ),
        "pk/inner.py": "RAN.append('pk.inner')\n",
        "top.py": "import kcdemo.pk.inner\n",
    },
    "None in sys.modules": {
        "a.py": "RAN.append('a')\n",
        "b.py": "RAN.append('b')\n",
        "top.py": "from . import a\nfrom . import b\n",
        "run.py": "import sys\nsys.modules['kcdemo.a'] = None\nimport kcdemo.top\n",
    },
}


def _scenario(tmp_path: Path, files: dict[str, str]) -> tuple[Path, Callable[[str], Any]]:
    """The package `kcdemo` of `files` (with an empty `__init__` and a `run.py` importing `kcdemo.top` unless
    given), and a runner of `_SCENARIO` on it in a fresh process: `plain` (no finder), `cold` or `ahead`."""
    root = tmp_path / "site" / "kcdemo"
    for name, text in {"__init__.py": "", "run.py": "import kcdemo.top\n", **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")

    def run(mode: str) -> Any:
        done = subprocess.run(
            [sys.executable, "-c", _SCENARIO, str(root), mode], capture_output=True, text=True, check=True
        )
        return json.loads(done.stdout)

    return root, run


@pytest.mark.parametrize("scenario", list(_SCENARIOS))
def test_loading_ahead_runs_what_importlib_runs(tmp_path: Path, scenario: str) -> None:
    """The modules run, their order in `sys.modules`, their names, the error and the warnings are those of a plain
    import, in scenarios where loading ahead has to stop or to decide as `importlib` does."""
    _root, run = _scenario(tmp_path, _SCENARIOS[scenario])
    plain = run("plain")
    run("cold")  # compiles and keeps
    assert run("ahead") == plain


def test_a_module_that_became_a_package_has_its_importers_leading_imports_read_again(tmp_path: Path) -> None:
    """`top.py` is unchanged, but `x.py` became the package `x/`: `from .x import y` now imports the submodule `x.y`
    before `a`, and the refresh reads `top`'s leading imports again to know it."""
    root, run = _scenario(
        tmp_path,
        {
            "x.py": "y = 'a name'\n",
            "a.py": "RAN.append('a')\n",
            "top.py": "from .x import y\nfrom . import a\n",
        },
    )
    run("cold")
    (root / "x.py").unlink()
    (root / "x").mkdir()
    (root / "x" / "__init__.py").write_text("", encoding="utf-8")
    (root / "x" / "y.py").write_text("RAN.append('x.y')\n", encoding="utf-8")
    plain = run("plain")
    assert plain[0] == ["x.y", "a"]
    assert run("ahead") == plain


def test_an_import_hook_before_the_finder_sees_the_modules_first(tmp_path: Path) -> None:
    """A finder put before this one is asked for each module loaded ahead, and imports the one it claims itself: the
    same modules run in the same order, from the same loaders. The one it claims it is asked for twice (loading ahead
    stops there, and the body's import asks again)."""
    _root, run = _scenario(
        tmp_path,
        {
            "a.py": "RAN.append('a')\n",
            "b.py": "RAN.append('b')\n",
            "top.py": "from . import a\nfrom . import b\n",
            "run.py": (
                "import importlib.machinery, sys\n\n\nclass Hook:\n    def find_spec(self, name, path, target=None):\n"
                "        RAN.append('asked ' + name)\n        if name == 'kcdemo.a':\n"
                "            spec = importlib.machinery.PathFinder.find_spec(name, path)\n"
                "            RAN.append(type(spec.loader).__name__)\n            return spec\n\n\n"
                "sys.meta_path.insert(0, Hook())\nimport kcdemo.top\n"
            ),
        },
    )
    plain = run("plain")
    expected = ["asked kcdemo", "asked kcdemo.top", "asked kcdemo.a", "SourceFileLoader", "a", "asked kcdemo.b", "b"]
    assert plain[0] == expected
    run("cold")
    ahead = run("ahead")
    assert ahead[0] == [*expected[:4], *expected[2:]] and ahead[1:] == plain[1:]
