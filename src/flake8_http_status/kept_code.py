"""The package's own compiled modules, kept from one run to the next in one file, and the finder that imports them
from it.

A one-file flake8 run imports some eighty of the package's modules. For each, CPython's import system looks the
module up in its folder, stats the source, opens and checks the `.pyc` beside it, then unmarshals and runs it:
the looking up and the checking are Python code of `importlib`, paid again by every process an editor starts. Here
the first run that misses compiles every module of the package from its source into
`<user_cache.user_folder()>/code/<build>/modules`, and later runs read that one file and serve each module from it:
a dictionary look-up and an `os.stat` of the source and of its folder, in place of the search and the `.pyc`, and
only the imported modules' code is unmarshalled (sliced from the file, not copied). On the benchmark
(`benchmarks/startup.py`) the plugin adds 8.7 million instructions less to a one-file run and 11.5 million less to
Django's 40 files. `HTTP_STATUS_NO_CACHE=1` turns it off, and the normal import runs.

Why a served module runs the code its source gives:

- Its code is compiled here from the source file's bytes, as `importlib` compiles a source (never taken from a
  `.pyc`, which CPython trusts on a modification time in whole seconds and a size), and kept with the stamp of
  the open file that was read (`stamps.py`: size, modification time, inode-change time, inode), only when that
  file had settled (`stamps.SETTLED_NS`) before it was read. The code must name that file (`co_filename`).
- It is served only while `os.stat` of the source gives that stamp, and while the folder holding it has the stamp
  it had when the file was written, looked at on each import as `importlib` looks (once for the modules loaded
  ahead of one module's body, in one go, while only the package's module bodies run): adding, removing or renaming a
  file in a folder (a compiled module beside a source, which `importlib` would import in its place) changes the
  folder's times. A module beside a folder of its name is left to `importlib`, since putting an `__init__` in that
  folder makes it the package `importlib` imports, and changes only that folder's times.
- It is served only where its parent package looks for it first (the parent's `__path__`): a parent imported from
  another copy of the package, or a folder put before this one, is not served this copy's code.
- The build (the Python build, the marshal format, the optimisation level, the `.pyc` folder prefix, this module's
  format, and the folder the package is loaded from, as written and as an absolute path) names the folder the file
  is in, so that another Python or another copy of the package keeps its own.
- A module that cannot be served (new, changed, unsettled, or a miss of any kind) is looked for again once per
  process, by compiling what changed and writing the file again, when the file can be written; what still cannot be
  served is imported by `importlib` as it would be without this finder.

The file is read only when this user owns it and no one else can write it (`user_cache.read_private`), and it is
replaced atomically. Like a `.pyc`, it holds marshalled code with no checksum: a CRC-32 of the file costs some 9
million instructions, more than the finder saves on a one-file run. Anything unreadable in it is a miss; a
same-length change of bytes inside the code is served, as a `.pyc`'s would be.
"""

from __future__ import annotations

import _thread
import builtins
import marshal
import os
import sys
from types import CodeType, ModuleType
from typing import TYPE_CHECKING, Any, Final

from .user_cache import KeptFolder, read_private

if TYPE_CHECKING:  # `stamps` itself is imported by a refresh only (`_stamp_of` says why)
    from .kept_code_build import Compiled, Entry
    from .leading_imports import Leading
    from .stamps import Stamp

_FORMAT: Final = 2
# The module that compiles the file, which this finder imports on a miss.
_BUILDER: Final = f"{__name__}_build"
_MAX_BYTES: Final = 64 << 20  # the package's code marshals to some 2.3 MB
_PACKAGE: Final = __name__.rpartition(".")[0]
# As `importlib` names the package's files: from the folder its `__init__` was loaded from, as given.
_ROOT: Final = os.path.dirname(__file__)
_SOURCE: Final = ".py"
_INIT: Final = "__init__"
_BUILD: Final = [
    sys.implementation.name,
    sys.version,
    marshal.version,
    sys.flags.optimize,
    sys.pycache_prefix,
    _FORMAT,
    # The entries name the files as `importlib` spells them, from the folder as written (`src/../src` is another
    # spelling of the same files: it gets its own file rather than recompiling the other's on every switch).
    _ROOT,
    os.path.abspath(_ROOT),
]
_ModuleSpec: Final[Any] = type(__spec__)
# How `importlib.util.cache_from_source` names a module's `.pyc` (its `__cached__`) when no prefix moves it.
_TAG: Final = sys.implementation.cache_tag
_CACHED: Final = f".{_TAG}{f'.opt-{sys.flags.optimize}' if sys.flags.optimize else ''}.pyc"

_kept = KeptFolder("code")
_IMPORT: Final = builtins.__import__  # the built-in one, unless replaced before the package was imported
# Imports are being watched: `python -v` prints each, `-X importtime` times each, and only `importlib` does either.
_WATCHED: Final = bool(
    sys.flags.verbose
    or "importtime" in sys._xoptions
    or (os.environ.get("PYTHONPROFILEIMPORTTIME") and not sys.flags.ignore_environment)
)


class KeptCode:
    """The meta-path finder and loader of the submodules of the package at `root` (named `package`), serving them
    from the kept file at `path`, whose contents `_read` gives: `entries` by module name, `folders` the stamps of the
    folders holding them, `code` the marshalled code the entries point into."""

    def __init__(
        self,
        path: str,
        entries: dict[str, Entry],
        folders: dict[str, Stamp],
        code: memoryview,
        root: str = _ROOT,
        package: str = _PACKAGE,
    ) -> None:
        self._path = path
        self._root = root
        self._package = package
        self._prefix = package + "."
        # One attribute, replaced whole by a refresh: another thread reads the entries with the code they point into.
        self._kept = entries, folders, code
        # The code of the modules `find_spec` found, by name, with their leading imports (from the same entry) and the
        # folder it found unchanged.
        self._found: dict[str, tuple[CodeType, tuple[Leading, ...], str]] = {}
        self._lock = _thread.allocate_lock()  # held only to claim the refresh
        self._refreshed = False
        # The folders found unchanged while modules are loaded ahead (`_load_ahead`), None at other times.
        self._looked_at: set[str] | None = None

    # The finder

    def find_spec(self, name: str, path: Any = None, target: object = None) -> Any:
        found = self._served_code(name, path)
        if found is None:
            return None
        served, loaded = found
        self._found[name] = (*loaded, served[1])  # for `exec_module`, not in the spec: a spec pickles, code does not
        return self._spec(name, *served[:2])

    def _served_code(
        self, name: str, path: Any, *, anywhere: bool = False
    ) -> tuple[tuple[str, str, memoryview], tuple[CodeType, tuple[Leading, ...]]] | None:
        """What `_served_in` serves of module `name` (`_served` when `anywhere`), with its code and leading imports
        (`_loaded`); damaged code is looked for again, once, as a changed module is."""
        for again in (False, True):
            served = self._served(name, again=again) if anywhere else self._served_in(name, path, again=again)
            if served is None:
                return None
            loaded = _loaded(*served)
            if loaded is not None:
                return served, loaded
        return None

    def _served_in(self, name: str, path: Any, *, again: bool = False) -> tuple[str, str, memoryview] | None:
        """Module `name`'s source file, its folder and its kept code (marshalled) when it is served where `importlib`
        looks for it in the parent's `__path__` (`path`); `again`: looked for again (`_served`)."""
        served = self._served(name, again=again) if name.startswith(self._prefix) else None
        if served is None:
            return None
        origin, folder, _code = served
        package = origin.endswith(_INIT + _SOURCE)  # a folder's own module: `importlib` would name no other so
        # Where the parent package looks for it first: a module's folder, or the folder holding a package's own. Not
        # there, the parent is not the package at `root` (another copy of it, imported after this one was removed), or
        # a folder put before it in the parent's `__path__` may hold the module.
        if path is None or next(iter(path), None) != (folder.rpartition(os.sep)[0] if package else folder):
            return None
        return served

    def _spec(self, name: str, origin: str, folder: str) -> Any:
        package = origin.endswith(_INIT + _SOURCE)
        spec = _ModuleSpec(name, self, origin=origin)
        spec.has_location = True
        spec.cached = _cached(folder, _INIT if package else name.rpartition(".")[2], origin)
        if package:  # where its submodules are looked for, as `importlib` sets it: the folder of its `__init__`
            spec.submodule_search_locations = [folder]
        return spec

    def __reduce__(self) -> tuple[Any, ...]:  # a pickled module spec names the finder of the unpickling process
        return _finder_of, (self._package,)

    def __copy__(self) -> KeptCode:  # one finder per copy of the package: a copied module spec shares it
        return self

    def __deepcopy__(self, memo: object) -> KeptCode:
        return self

    # The loader

    def create_module(self, spec: Any) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        found = self._found.pop(module.__name__, None)  # what `find_spec` found
        if found is None:  # a spec made elsewhere (`importlib.util.spec_from_loader`)
            exec(self.get_code(module.__name__), module.__dict__)
            return
        code, leading, folder = found
        if self._looked_at is not None:  # within another module's loading ahead
            self._load_ahead(module.__name__, leading)
        else:
            self._looked_at = {folder}  # as `find_spec` found it, in this import
            try:
                self._load_ahead(module.__name__, leading)
            finally:
                self._looked_at = None
        exec(code, module.__dict__)

    # Loading a served module's leading imports ahead of its body, without `importlib`

    def _load_ahead(self, name: str, leading: tuple[Leading, ...]) -> None:
        """Load the package's modules that module `name`'s leading imports load (`leading_imports.py`), in their
        order, before its body runs, as `importlib` would load them but without its module locks, its search and its
        per-module bookkeeping in Python (some 75 thousand instructions a module). The body's imports then find them
        in `sys.modules`.

        The same modules run in the same order, with the same attributes: the package has no import cycle
        (`tests/test_layers.py`), a package's own submodules are left to its body (which may bind their names
        first), and what runs before a module's leading imports (its docstring, `from __future__`, the standard
        library's imports, `if TYPE_CHECKING:`) changes nothing they can see; only those standard-library modules
        may now be imported after the package's. A name taken from a package is a submodule only where the package
        has no attribute of that name, as `importlib` decides. Loading stops at the first module that cannot be
        loaded ahead (not served, claimed by a finder before this one, `None` in `sys.modules`, a name of a package
        that is neither an attribute nor a served module, or a `*` taken from a package); the body imports it and
        those after it through `importlib`, and raises where it would have. Nothing is loaded ahead while another
        thread runs (`importlib`'s module locks are not taken), while imports are watched (`python -v`,
        `-X importtime`), or while `__import__` is not the built-in one. Audit hooks see the same events in another order (a module's
        leading imports before its own `exec`), and a finder before this one that claims a module is asked for it
        twice (here, and by the body's import)."""
        if not leading or not _alone():
            return
        for item in leading:
            try:
                target, names = item
            except (TypeError, ValueError):
                return  # damage (`_loaded` checked the rest of what was served)
            if type(target) is not str or type(names) is not tuple:
                return
            module = sys.modules.get(target)
            if module is None:
                module = self._load(target)  # None too for a None in `sys.modules`: `importlib` raises there
                if module is None:
                    return
            if names and not self._take(module, names):
                return

    def _take(self, module: ModuleType, names: tuple[str, ...]) -> bool:
        """Load the submodules of `module` that `from module import *names` imports, as `importlib` decides
        (`_handle_fromlist`): a package's names it has no attribute for; False where loading ahead must stop."""
        if not hasattr(module, "__path__"):
            return True  # a module's names are its attributes
        for taken in names:
            if type(taken) is not str or taken == "*":
                return False
            if not hasattr(module, taken) and self._load(f"{module.__name__}.{taken}") is None:
                return False
        return True

    def _load(self, name: str) -> ModuleType | None:
        """Module `name`, loaded as `importlib` would load it (`_find_and_load_unlocked`, `_load_unlocked`) when it
        is served here and no finder before this one claims it; None, with nothing done, when not."""
        if name in sys.modules or not _alone():
            return None
        parent_name, _, child = name.rpartition(".")
        audited = parent_name not in sys.modules
        if audited:  # as `importlib` does: the module's audit event, then its package imported
            if not parent_name.startswith(self._prefix):
                return None
            _audit(name)
            if self._load(parent_name) is None or name in sys.modules:
                return None  # the body imports it (its event again, where the package could not be loaded ahead)
        parent = sys.modules[parent_name]
        path = getattr(parent, "__path__", None)
        served = self._served_in(name, path) if path is not None else None
        if served is None or not self._first_for(name, path):
            return None
        if not audited:
            _audit(name)
        loaded = _loaded(*served)
        if loaded is None:
            return None
        code, leading = loaded
        spec = self._spec(name, *served[:2])
        module = ModuleType(name)  # with the attributes `importlib.util.module_from_spec` gives, in its order
        attributes: dict[str, Any] = module.__dict__
        attributes["__loader__"] = self
        attributes["__package__"] = spec.parent
        attributes["__spec__"] = spec
        if spec.submodule_search_locations is not None:
            attributes["__path__"] = spec.submodule_search_locations
        attributes["__file__"] = spec.origin
        if spec.cached is not None:
            attributes["__cached__"] = spec.cached
        waiting = getattr(getattr(parent, "__spec__", None), "_uninitialized_submodules", None)  # Python 3.12 on
        if waiting is not None:  # for the message of an import that meets it half run
            waiting.append(child)
        try:
            spec._initializing = True
            try:
                sys.modules[name] = module
                try:
                    self._load_ahead(name, leading)
                    exec(code, module.__dict__)
                except BaseException:
                    sys.modules.pop(name, None)
                    raise
                module = sys.modules.pop(name)  # last, as `importlib` leaves it: the module may have replaced itself
                sys.modules[name] = module
            finally:
                spec._initializing = False
        finally:
            if waiting is not None:
                waiting.pop()
        try:
            setattr(sys.modules[parent_name], child, module)
        except AttributeError:
            import warnings  # loaded by the interpreter at start-up

            message = f"Cannot set an attribute on {parent_name!r} for child module {child!r}"
            warnings.warn(message, ImportWarning, stacklevel=1)  # as `importlib` warns
        return module

    def _first_for(self, name: str, path: Any) -> bool:
        """No finder before this one on `sys.meta_path` finds module `name` (an import hook that instruments modules
        sees each, as `importlib` would ask it), and this one is there."""
        for finder in sys.meta_path:
            if finder is self:
                return True
            find_spec = getattr(finder, "find_spec", None)
            if find_spec is not None and find_spec(name, path, None) is not None:
                return False
        return False

    # What `importlib`'s source loader answers too, for `runpy`, `pkgutil`, `importlib.resources`, debuggers: from
    # the served code where there is one, from the source file as it is otherwise.

    def get_code(self, name: str) -> CodeType:
        found = self._served_code(name, None, anywhere=True)
        if found is not None:
            return found[1][0]
        origin = self.get_filename(name)
        return compile(self.get_data(origin), origin, "exec", dont_inherit=True)

    def get_source(self, name: str) -> str:
        import importlib.util  # loaded by flake8 already; only a traceback's or a debugger's look-up gets here

        return importlib.util.decode_source(self.get_data(self.get_filename(name)))

    def is_package(self, name: str) -> bool:
        return self.get_filename(name).endswith(_INIT + _SOURCE)

    def get_filename(self, name: str) -> str:
        from .kept_code_build import source_of  # a module that is not served: the file, if there is one

        origin = source_of(self._root, name.removeprefix(self._prefix)) if name.startswith(self._prefix) else None
        if origin is None:
            raise ImportError(f"{name} is not a module of {self._root}", name=name)
        return origin

    def get_data(self, path: str) -> bytes:
        with open(path, "rb") as file:
            return file.read()

    def get_resource_reader(self, name: str) -> Any:
        """The files of package `name`'s folder, as `importlib` reads them for a source package."""
        from importlib.readers import FileReader  # loaded by `importlib.resources` when it asks
        from types import SimpleNamespace

        return FileReader(SimpleNamespace(path=self.get_filename(name)))  # type: ignore[arg-type]  # reads `.path`

    # Checking and refreshing

    def _served(self, name: str, *, again: bool = False) -> tuple[str, str, memoryview] | None:
        """The source file, its folder and the kept code (marshalled, with the leading imports: `_loaded`) of module
        `name` when its entry's source and folder still have their stamps; looked for again once per process
        (`_refresh`) when not, or when its code is damaged (`again`)."""
        served = None if again else self._unchanged(name)
        if served is not None:
            return served
        if self._refreshed or name == _BUILDER:  # another miss, or the refresh's own module, imported the normal way
            return None  # (looking it up here would ask this finder for it again)
        from .kept_code_build import source_of

        if source_of(self._root, name.removeprefix(self._prefix)) is None:
            return None  # a module the package does not have
        with self._lock:  # one refresh per process: a thread that finds it claimed imports the normal way
            claimed, self._refreshed = not self._refreshed, True
        if not claimed:
            return None
        # Without the lock: the refresh imports (`stamps`, through this finder, which then finds the refresh claimed),
        # and an import may wait for another thread's import, which may be waiting for this finder.
        self._refresh()
        return self._unchanged(name)

    def _unchanged(self, name: str) -> tuple[str, str, memoryview] | None:
        try:
            entries, folders, kept_code = self._kept
            source, relative, size, modified, changed, inode, start, end = entries[name]
            # The folder is looked at for each import, as `importlib` does: a file added to it (a package folder or a
            # compiled module of the same name) would be imported in the module's place. The modules loaded ahead
            # of one module's body are loaded in one go, while only the package's module bodies run: a folder is
            # looked at once for them (some 5 thousand instructions a module on a one-file run).
            folder = self._root + os.sep + relative if relative else self._root
            looked_at = self._looked_at
            if looked_at is None or folder not in looked_at:
                if _stamp_of(folder) != folders[relative]:
                    return None
                if looked_at is not None:  # the modules loaded ahead in one go share the look
                    looked_at.add(folder)
            origin = self._root + os.sep + source
            if _stamp_of(origin) != (size, modified, changed, inode) or not 0 <= start < end <= len(kept_code):
                return None
        except Exception:  # no entry, or a damaged one: a miss
            return None
        return origin, folder, kept_code[start:end]

    def _refresh(self) -> None:
        """Compile the package's modules whose sources changed since the file was written, and write it again when
        anything changed (`kept_code_build.compiled` says what is kept); nothing when the file cannot be written."""
        if not _writable(self._path):  # compiled for nothing, in every process: the normal import instead
            return
        entries, old_folders, code = self._kept
        from .kept_code_build import compiled, kept_modules

        old = kept_modules(self._root, entries, code)
        modules, folders = compiled(self._root, self._package, old, old_folders)
        if modules == old and folders == old_folders:
            return
        packed = _packed(modules, folders)
        self._kept = _unpacked(packed)
        _kept.store(self._path, packed)


def install() -> KeptCode | None:
    """Put the finder on `sys.meta_path`, with the entries of the kept file (none when it is missing or unreadable),
    just before `importlib`'s own finders: hooks put before those (an import hook that instruments modules) still
    see the package's modules first. A finder an earlier import of the package installed (the package removed from
    `sys.modules` and imported again) is replaced. Nothing when caching is off or the user has no cache folder."""
    finders = [
        other for other in sys.meta_path if not (type(other).__name__ == KeptCode.__name__ and _of(other, _PACKAGE))
    ]
    folder = _kept.path(_BUILD)
    finder = None
    if folder is not None:
        path = os.path.join(folder, "modules")
        finder = KeptCode(path, *_read(path))
        standard = [index for index, other in enumerate(finders) if other in _standard_finders()]
        finders.insert(standard[0] if standard else len(finders), finder)
    sys.meta_path[:] = finders
    return finder


def _standard_finders() -> tuple[object, ...]:
    """`importlib`'s own finders (built-in, frozen, path). The package's modules are none of the first two's, so the
    finder goes before them all: one finder call less per module than after them, and hooks a program put first
    stay first."""
    bootstrap, external = sys.modules.get("_frozen_importlib"), sys.modules.get("_frozen_importlib_external")
    names = ((bootstrap, "BuiltinImporter"), (bootstrap, "FrozenImporter"), (external, "PathFinder"))
    return tuple(getattr(module, name) for module, name in names if hasattr(module, name))


def _of(finder: object, package: str) -> bool:
    return getattr(finder, "_package", None) == package


def _finder_of(package: str) -> object:
    """The finder of `package` on `sys.meta_path`, None when there is none (caching off)."""
    return next((finder for finder in sys.meta_path if isinstance(finder, KeptCode) and _of(finder, package)), None)


def _loaded(origin: str, folder: str, blob: memoryview) -> tuple[CodeType, tuple[Leading, ...]] | None:
    """The code and the leading imports a module's kept entry holds (`blob`), when they are code compiled from its
    source at `origin`; None for damage (marshal may raise anything, SystemError too), which is a miss."""
    try:
        code, leading = marshal.loads(blob)
    except Exception:
        return None
    if type(code) is not CodeType or code.co_filename != origin or type(leading) is not tuple:
        return None  # another module's code: damage (`_load_ahead` checks each leading import)
    return code, leading


def _audit(name: str) -> None:
    """The audit event `import` raises for module `name`, with the arguments `importlib` gives it."""
    sys.audit("import", name, None, sys.path, sys.meta_path, sys.path_hooks)


def _alone() -> bool:
    """Modules may be loaded ahead: no other thread has been started (`_thread._count()` counts the threads started
    from Python, but the main one, that still run), imports are not watched, and `__import__` is the built-in one
    (a program that replaces it sees each import)."""
    return not _WATCHED and _thread._count() == 0 and builtins.__import__ is _IMPORT


def _writable(path: str) -> bool:
    """The kept file can be written: its folder can be made and written to, and nothing but a file is in its place."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK) and (os.path.isfile(path) or not os.path.lexists(path))


def _cached(folder: str, stem: str, origin: str) -> str | None:
    """The module's `__cached__`, as `importlib.util.cache_from_source(origin)` gives it."""
    if sys.pycache_prefix is not None or _TAG is None:  # elsewhere, or none: the slower exact answer
        import importlib.util  # loaded by flake8 already

        try:
            return importlib.util.cache_from_source(origin)
        except NotImplementedError:
            return None
    return f"{folder}{os.sep}__pycache__{os.sep}{stem}{_CACHED}"


# The file: the length of its header (4 bytes), the header (`_FORMAT`, the entries, the folders' stamps, marshalled),
# then the modules' marshalled code, which a process slices without copying: only the modules it imports are read.
_HEADER_LENGTH: Final = 4


def _read(path: str) -> tuple[dict[str, Entry], dict[str, Stamp], memoryview]:
    """The contents of the kept file at `path`; nothing when it is missing, foreign or damaged."""
    try:
        raw = read_private(path, _MAX_BYTES)
        if raw is not None:
            return _unpacked(raw)
    except Exception:  # missing, unreadable, or damaged (marshal may raise anything): nothing is served
        pass
    return {}, {}, memoryview(b"")


def _unpacked(raw: bytes) -> tuple[dict[str, Entry], dict[str, Stamp], memoryview]:
    """The entries, the folders' stamps and the code of a kept file's bytes; ValueError when they are not one."""
    view = memoryview(raw)
    end = _HEADER_LENGTH + int.from_bytes(view[:_HEADER_LENGTH], "big")
    header = marshal.loads(view[_HEADER_LENGTH:end])
    if type(header) is not tuple or len(header) != 3 or header[0] != _FORMAT:
        raise ValueError("not a kept code file of this format")
    _format, entries, folders = header
    if type(entries) is not dict or type(folders) is not dict:
        raise ValueError("not a kept code file of this format")
    return entries, folders, view[end:]


def _packed(modules: dict[str, Compiled], folders: dict[str, Stamp]) -> bytes:
    entries: dict[str, Entry] = {}
    offset = 0
    for name, (source, folder, stamp, code) in modules.items():
        entries[name] = (source, folder, *stamp, offset, offset + len(code))
        offset += len(code)
    header = marshal.dumps((_FORMAT, entries, folders))
    return b"".join([len(header).to_bytes(_HEADER_LENGTH, "big"), header, *(module[3] for module in modules.values())])


def _stamp_of(path: str) -> Stamp | None:
    """The file's stamp, as `stamps` takes it: written out here so that serving a module does not import `stamps`,
    which costs some 2 million instructions on a run that loads few of the package's modules. A refresh imports it."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino
