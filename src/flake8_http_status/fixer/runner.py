"""Many files, in worker processes when there are enough of them; results come back in file order.

LibCST's own parallel runner parses every file with LibCST before a codemod sees it; here each
worker parses with `ast` first and only the files that get a fix reach LibCST, so the runner is
a process pool over `files.process`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence

from .discovery import Found
from .files import FileResult, RunOptions, process
from .pipeline import warm_up

_MIN_FILES_PER_WORKER = 8  # below this, starting processes costs more than it saves
_options: RunOptions | None = None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run(files: Sequence[Found], options: RunOptions, jobs: int) -> Iterator[FileResult]:
    workers = min(jobs, len(files) // _MIN_FILES_PER_WORKER)
    if workers <= 1:
        yield from (process(found, options) for found in files)
        return
    chunk = max(1, min(32, len(files) // (workers * 8)))
    warm_up(options.fix)
    # Imported here: `concurrent.futures` brings multiprocessing, logging, pickle and socket, a fifth of a
    # one-file `http-status fix` run that never starts a worker.
    from concurrent.futures import ProcessPoolExecutor

    import libcst  # noqa: F401  (once here, not once per forked worker that meets a fix)

    with ProcessPoolExecutor(workers, initializer=_initialise, initargs=(options,)) as pool:
        yield from pool.map(_process_in_worker, files, chunksize=chunk)


def _initialise(options: RunOptions) -> None:
    global _options  # noqa: PLW0603  (set once in each worker process by the pool's initializer)
    _options = options


def _process_in_worker(found: Found) -> FileResult:
    assert _options is not None
    return process(found, _options)
