"""One project index per project root and configuration, for the life of the process.

flake8 checks the files of one run in one process (or in `-j` worker processes, each with its own indexes): the
summaries one file needed are there for the next. A file outside any project root (stdin, a lone script) gets no
project facts, and is analysed exactly as before the index existed.
"""

from __future__ import annotations

import contextlib
import functools
import os
from pathlib import Path

from .. import __version__
from ..analysis.imports import ImportMap
from ..api import Table
from ..options import ExtraCall
from .layout import forget_layouts
from .project_index import ModuleFacts, ProjectIndex
from .reach import forget as forget_reach
from .roots import root_at
from .summary import Judge

SUMMARY_FORMAT = 6  # bumped whenever what a summary holds, or how it is computed, changes
_INDEXES: dict[tuple[Path, str], ProjectIndex] = {}


def facts_for_file(
    filename: str, imports: ImportMap, table: Table, extra_calls: tuple[ExtraCall, ...], judge: Judge | None = None
) -> ModuleFacts | None:
    """The project facts for the checked file `filename`, or None outside a project (or for stdin). `judge` decides
    the roles of the project's functions (auth decorators and dependencies, creation helpers)."""
    if filename in ("", "-", "stdin") or not filename.endswith((".py", ".pyi")):
        return None
    absolute = os.path.abspath(filename)  # no symlink resolution: a syscall per component for every file
    root = root_at(os.path.dirname(absolute))
    if root is None:
        return None
    return index_for(root, table, extra_calls, judge).facts_for(absolute, imports)


def index_for(root: Path, table: Table, extra_calls: tuple[ExtraCall, ...], judge: Judge | None = None) -> ProjectIndex:
    salt = settings_salt(extra_calls, judged=judge is not None)
    index = _INDEXES.get((root, salt))
    if index is None:
        from .cache import SummaryCache  # json and the key file: loaded with the first index, not with the plugin

        index = _INDEXES[(root, salt)] = ProjectIndex(root, table, salt, SummaryCache(root, salt), judge)
    return index


@functools.lru_cache(maxsize=16)  # asked for every checked file
def settings_salt(extra_calls: tuple[ExtraCall, ...], *, judged: bool = True) -> str:
    """What a summary depends on beside the analysed code: this tool (its version, and when its own source files
    last changed, for a checkout installed in development mode), the project's own status calls, and whether the
    summaries hold the roles of functions (`judged`)."""
    text = repr((__version__, SUMMARY_FORMAT, _build_stamp(), extra_calls, judged))
    from .cache import digest

    return digest(text.encode())[:32]


@functools.lru_cache(maxsize=1)
def _build_stamp() -> int:
    """The latest modification time of this package's modules: a changed analysis never reads old summaries."""
    package = Path(__file__).resolve().parent.parent
    if package.parent.name in ("site-packages", "dist-packages"):
        return 0  # an installed release: its version says it all, and a one-file run need not stat ~300 files
    latest = 0
    for folder, _, names in os.walk(package):
        for name in names:
            if name.endswith(".py"):
                with contextlib.suppress(OSError):
                    latest = max(latest, os.stat(os.path.join(folder, name)).st_mtime_ns)
    return latest


def forget() -> None:
    """Drop every index and layout this process holds (tests that change files between two analyses)."""
    _INDEXES.clear()
    forget_reach()
    forget_layouts()
