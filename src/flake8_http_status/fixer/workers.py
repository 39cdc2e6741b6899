"""Work on many files in worker processes when there are enough of them; results come back in input order.

Shared by `http-status fix` (`runner.py`) and `http-status check`: each worker gets the run's options once,
through the pool's initializer, and then one file at a time.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar, cast

Item = TypeVar("Item")
Options = TypeVar("Options")
Result = TypeVar("Result")

_MIN_FILES_PER_WORKER = 8  # below this, starting processes costs more than it saves
_job: tuple[Callable[[Any, Any], Any], Any] | None = None  # (work, options), set once in each worker


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(count: int, jobs: int) -> int:
    """How many processes `count` files are worth; 1 or less means none."""
    return min(jobs, count // _MIN_FILES_PER_WORKER)


def spread(
    work: Callable[[Options, Item], Result],
    options: Options,
    items: Sequence[Item],
    jobs: int,
    warm_up: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """`work(options, item)` for each item, in order. `work` must be a module-level function (it is pickled);
    `warm_up` runs once in this process before the workers fork, so that they inherit what it loads."""
    workers = workers_for(len(items), jobs)
    if workers <= 1:
        yield from (work(options, item) for item in items)
        return
    chunk = max(1, min(32, len(items) // (workers * 8)))
    if warm_up is not None:
        warm_up()
    # Imported here: `concurrent.futures` brings multiprocessing, logging, pickle and socket, a fifth of a
    # one-file run that never starts a worker.
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, initializer=_initialise, initargs=(work, options)) as pool:
        yield from cast("Iterator[Result]", pool.map(_in_worker, items, chunksize=chunk))


def _initialise(work: Callable[[Any, Any], Any], options: object) -> None:
    global _job  # noqa: PLW0603  (set once in each worker process by the pool's initializer)
    _job = (work, options)


def _in_worker(item: object) -> object:
    assert _job is not None
    work, options = _job
    return work(options, item)
