"""Many files, in worker processes when there are enough of them; results come back in file order.

LibCST's own parallel runner parses every file with LibCST before a codemod sees it; here each
worker parses with `ast` first and only the files that get a fix reach LibCST, so the runner is
a process pool (`workers.py`) over `files.process`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .discovery import Found
from .files import FileResult, RunOptions, process
from .pipeline import warm_up
from .workers import default_jobs, spread

__all__ = ["default_jobs", "run"]


def run(files: Sequence[Found], options: RunOptions, jobs: int) -> Iterator[FileResult]:
    def prepare() -> None:
        warm_up(options.fix)
        import libcst  # noqa: F401  (once here, not once per forked worker that meets a fix)

    yield from spread(_process, options, files, jobs, prepare)


def _process(options: RunOptions, found: Found) -> FileResult:
    return process(found, options)
