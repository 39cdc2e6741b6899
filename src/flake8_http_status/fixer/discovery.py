"""Which files to fix: Python files under the given paths, minus excluded ones, never outside the tree.

Patterns match a file's or directory's name, or its whole path (`fnmatch`, as flake8's `exclude`
does). Directories that hold a virtual environment (a `pyvenv.cfg`) are skipped whatever their
name. Symlinks are followed only to targets inside one of the given paths, and each real file
is visited once.
"""

from __future__ import annotations

import errno
import fnmatch
import functools
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".git",
    ".hg",
    ".svn",
    ".bzr",
    "CVS",
    "_darcs",
    ".jj",
    ".venv",
    "venv",
    "__pypackages__",
    "site-packages",
    ".tox",
    ".nox",
    ".eggs",
    "*.egg",
    "*.egg-info",
    "__pycache__",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
    "build",
    "dist",
    "_build",
    "buck-out",
    "node_modules",
)
DEFAULT_INCLUDES: tuple[str, ...] = ("*.py",)


@dataclass(frozen=True)
class Found:
    """A file to fix (`path` is where it was found, `real` what to read and write), or one to report."""

    path: Path
    real: Path | None
    skipped: str | None = None  # why it is not fixed, when it is reported instead


@dataclass(frozen=True)
class Filters:
    excludes: tuple[str, ...] = DEFAULT_EXCLUDES
    includes: tuple[str, ...] = DEFAULT_INCLUDES

    def excluded(self, path: Path | str) -> bool:
        return _matches(str(path), _pattern(self.excludes))

    def included(self, path: Path | str) -> bool:
        return _matches(str(path), _pattern(self.includes))


@functools.lru_cache(maxsize=16)
def _pattern(globs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fnmatch.translate(glob)})" for glob in globs) or "(?!)")


def _matches(path: str, pattern: re.Pattern[str]) -> bool:  # for single paths; `_walk` inlines it
    """flake8's test: the name matches, or the absolute path does."""
    return pattern.match(os.path.basename(path)) is not None or pattern.match(os.path.abspath(path)) is not None


def discover(paths: Sequence[Path], filters: Filters) -> Iterator[Found]:
    """Files in a stable order. Explicitly named files are taken whatever their extension."""
    roots = [Path(os.path.realpath(path)) for path in paths]  # unlike resolve(), never raises on a loop
    seen: set[Path] = set()
    for path in paths:
        for found in _under(path, filters, roots):
            if found.real is not None:
                if found.real in seen:
                    continue
                seen.add(found.real)
            yield found


def _under(path: Path, filters: Filters, roots: Sequence[Path]) -> Iterator[Found]:
    if path.is_dir():
        if not filters.excluded(path) or path in (Path("."), Path("..")):
            yield from _walk(path, filters, roots)
    elif filters.excluded(path):
        return
    elif path.is_symlink() and not path.exists():
        yield _symlinked(path, roots)
    else:
        yield Found(path, path.resolve())


def _walk(top: Path, filters: Filters, roots: Sequence[Path]) -> Iterator[Found]:
    """Depth-first, sorted; symlinked directories are not entered, so a plain file's real path is
    its directory's real path plus its name."""
    stack = [(str(top), str(top.resolve()))]
    includes, excludes = _pattern(filters.includes), _pattern(filters.excludes)
    while stack:
        directory, real_directory = stack.pop()
        absolute = os.path.abspath(directory)
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            continue
        subdirectories = []
        for entry in entries:
            whole = os.path.join(absolute, entry.name)
            excluded = excludes.match(entry.name) is not None or excludes.match(whole) is not None
            if excluded:
                continue
            if entry.is_dir(follow_symlinks=False):
                if not os.path.isfile(os.path.join(entry.path, "pyvenv.cfg")):
                    subdirectories.append((entry.path, os.path.join(real_directory, entry.name)))
            elif entry.is_symlink() and _is_directory(entry):
                # Not entered: one inside the tree is walked where it really is; one outside is said.
                if not _inside(Path(os.path.realpath(entry.path)), roots):
                    yield Found(Path(entry.path), None, "symlink to a directory outside the tree, not followed")
            elif includes.match(entry.name) is not None or includes.match(whole) is not None:
                path = Path(entry.path)
                if entry.is_symlink():
                    yield _symlinked(path, roots)
                else:
                    yield Found(path, Path(real_directory, entry.name))
        stack.extend(reversed(subdirectories))


def _is_directory(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # a symlink loop raises here, where a dangling link says False
        return False


def _symlinked(path: Path, roots: Sequence[Path]) -> Found:
    try:
        real = path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        return Found(path, None, "symlink loop, not followed")
    except OSError as error:
        return Found(path, None, "symlink loop, not followed" if error.errno == errno.ELOOP else "broken symlink")
    if not _inside(real, roots):
        return Found(path, None, "symlink to a file outside the tree, not followed")
    return Found(path, real)


def _inside(real: Path, roots: Sequence[Path]) -> bool:
    return any(real == root or root in real.parents for root in roots)
