"""Compiling the package's modules for the kept file (`kept_code`): what a refresh does when a module cannot be
served, once per process. Apart from the finder, so that the runs that find every module they import in the file,
nearly all of them, do not load this code (some 0.3 million instructions on a one-file flake8 run)."""

from __future__ import annotations

import marshal
import os
from types import CodeType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ast
    from collections.abc import Callable

    from .stamps import Stamp

    # A module's entry in the kept file: its source file and the folder holding it, both relative to the package's
    # folder (the package's own folder is ""), the source's stamp (size, modification time, inode-change time,
    # inode), and where it is in the file (from, to): its code and its leading imports (`leading_imports.py`),
    # marshalled together, so that only the imported modules' are read.
    Entry = tuple[str, str, int, int, int, int, int, int]
    # What a refresh compiles or keeps of a module: its source and folder as in an entry, its stamp, and its code
    # and leading imports, marshalled.
    Compiled = tuple[str, str, Stamp, bytes]

_SOURCE = ".py"
_INIT = "__init__"


def kept_modules(root: str, entries: dict[str, Entry], code: memoryview) -> dict[str, Compiled]:
    """The modules the entries hold, as a refresh compiles them: those whose entry is well formed and points at code
    compiled from its source file (the check a module gets when it is served)."""
    kept: dict[str, Compiled] = {}
    for name, entry in entries.items():
        if type(entry) is tuple and len(entry) == 8 and all(type(field) is str for field in entry[:2]):
            source, folder, *numbers = entry
            if all(type(number) is int for number in numbers) and 0 <= numbers[4] < numbers[5] <= len(code):
                size, modified, changed, inode, start, end = numbers
                blob = bytes(code[start:end])
                if _compiled_from(blob, root + os.sep + source):
                    kept[name] = (source, folder, (size, modified, changed, inode), blob)
    return kept


def _compiled_from(blob: bytes, origin: str) -> bool:
    try:
        code, leading = marshal.loads(blob)
    except Exception:  # damaged: marshal may raise anything, SystemError too
        return False
    return type(code) is CodeType and code.co_filename == origin and _well_formed(leading)


def source_of(root: str, relative: str) -> str | None:
    """The source file `importlib` would import for the module named `relative` to the package at `root`, when it
    exists: a package's `__init__.py` before a module's file, as `importlib` looks for them."""
    base = os.path.join(root, *relative.split("."))
    for candidate in (os.path.join(base, _INIT + _SOURCE), base + _SOURCE):
        if os.path.isfile(candidate):
            return candidate
    return None


def compiled(
    root: str, package: str, old: dict[str, Compiled], old_folders: dict[str, Stamp]
) -> tuple[dict[str, Compiled], dict[str, Stamp]]:
    """Every submodule of the package that can be served, and the stamps of its folders: a module of `old` whose
    source has its stamp still is taken as it is; others are compiled, and left out when their source has not
    settled (imported the normal way). A folder that has not settled keeps its old modules and stamp: they are not
    served until a later refresh finds it settled, but are not compiled again then unless their sources changed (an
    editor that saves by renaming changes the folder at each save)."""
    import time  # loaded by the interpreter at start-up

    from .stamps import settled_stamp, unchanged

    now = time.time_ns()
    modules: dict[str, Compiled] = {}
    folders: dict[str, Stamp] = {}
    by_source = {module[0]: module for module in old.values()}
    for folder, dotted in _folders(root, package):
        stamp = settled_stamp(folder, now)
        relative = os.path.relpath(folder, root) if folder != root else ""
        if stamp is None:
            if relative in old_folders:
                folders[relative] = old_folders[relative]
                modules.update((name, module) for name, module in old.items() if module[1] == relative)
            continue
        for name, origin in _modules_in(folder, dotted, dotted != package):
            source = os.path.relpath(origin, root)
            module = by_source.get(source)
            if module is None or module[1] != relative or not unchanged(origin, module[2]):
                module = _compile(origin, source, relative, name, root, package)
            if module is not None:
                modules[name] = module
                folders[relative] = stamp
    if {name: module[0] for name, module in modules.items()} != {name: module[0] for name, module in old.items()}:
        # What is a module or a package changed: every module's leading imports are read again (`leading_imports`).
        kept = ((name, _with_leading(root, package, name, module)) for name, module in modules.items())
        modules = {name: module for name, module in kept if module is not None}
    return modules, folders


def _with_leading(root: str, package: str, name: str, module: Compiled) -> Compiled | None:
    """The compiled module with its leading imports read again from its source (unchanged since it was compiled);
    None when the source cannot be read or parsed any more (imported the normal way)."""
    import ast  # loaded by flake8 and by the analysis; only a refresh gets here

    source, folder, stamp, blob = module
    origin = root + os.sep + source
    try:
        code, _old = marshal.loads(blob)
        with open(origin, "rb") as file:
            tree = ast.parse(file.read(), origin)
    except Exception:  # a source changed or gone since, or damage (marshal may raise anything): not kept
        return None
    return source, folder, stamp, _packed_code(code, tree, name, origin, root, package)


def _packed_code(code: CodeType, tree: ast.Module, name: str, origin: str, root: str, package: str) -> bytes:
    """Module `name`'s code and its leading imports (read from its syntax tree `tree`), marshalled together."""
    from .leading_imports import leading_imports

    leading = leading_imports(tree, name, origin.endswith(_INIT + _SOURCE), package, _kind_in(root, package))
    return marshal.dumps((code, leading))


def _folders(root: str, package: str) -> list[tuple[str, str]]:
    """The package's folders that are packages (with an `__init__.py`), with their module names."""
    found = [(root, package)]
    for folder, package in found:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for child in names:
            path = os.path.join(folder, child)
            if child.isidentifier() and os.path.isfile(os.path.join(path, _INIT + _SOURCE)):
                found.append((path, f"{package}.{child}"))
    return found


def _modules_in(folder: str, package: str, served_init: bool) -> list[tuple[str, str]]:
    """(name, source) of each module of the folder that `importlib` would import from its source: not one beside a
    compiled module (an extension) or a package folder of the same name, which `importlib` imports in its place.
    The folder's own `__init__` is among them when `served_init` (a subpackage's)."""
    import importlib.machinery  # loaded by flake8 already; only a refresh gets here

    names = sorted(os.listdir(folder))
    shadowing = {
        name.removesuffix(suffix)
        for name in names
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        if name.endswith(suffix)
    }
    # A folder of the module's name: a package `importlib` imports in its place once it holds an `__init__` (which
    # changes that folder's times, not this one's), so the module is left to `importlib` while the folder is there.
    shadowing.update(name for name in names if os.path.isdir(os.path.join(folder, name)))
    found = []
    if served_init and _INIT not in shadowing:
        found.append((package, os.path.join(folder, _INIT + _SOURCE)))
    for name in names:
        stem = name.removesuffix(_SOURCE)
        if name.endswith(_SOURCE) and stem.isidentifier() and stem != _INIT and stem not in shadowing:
            found.append((f"{package}.{stem}", os.path.join(folder, name)))
    return found


def _compile(origin: str, source: str, folder: str, name: str, root: str, package: str) -> Compiled | None:
    """Module `name`, whose source is at `origin` (`source` and `folder` relative to the package at `root`),
    compiled as `importlib` compiles a source, with its leading imports; None when the file has not settled, cannot
    be read, or does not compile (`importlib` then raises the error where the module is imported)."""
    import ast  # loaded by flake8 and by the analysis; only a refresh gets here

    from .stamps import read_stamped

    try:
        text, stamp = read_stamped(origin)
        if stamp is None:
            return None
        code = compile(text, origin, "exec", dont_inherit=True)
        tree = ast.parse(text, origin)  # apart from the code: that is compiled from the source, as `importlib` does
    except (OSError, SyntaxError, ValueError):
        return None
    return source, folder, stamp, _packed_code(code, tree, name, origin, root, package)


def _kind_in(root: str, package: str) -> Callable[[str], str | None]:
    """Whether a name of the package `package` at `root` is a `"package"`, a `"module"` or neither (None), as the
    files say (`source_of`)."""

    def kind(name: str) -> str | None:
        origin = source_of(root, name.removeprefix(package + "."))
        return None if origin is None else "package" if origin.endswith(_INIT + _SOURCE) else "module"

    return kind


def _well_formed(leading: object) -> bool:
    return type(leading) is tuple and all(
        type(item) is tuple
        and len(item) == 2
        and type(item[0]) is str
        and type(item[1]) is tuple
        and all(type(taken) is str for taken in item[1])
        for item in leading
    )
