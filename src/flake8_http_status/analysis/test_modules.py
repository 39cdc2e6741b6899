"""Which modules are tests: by file name and folder, never by content, so that every layer agrees."""

from __future__ import annotations

_TEST_DIRECTORIES = frozenset({"tests", "test", "testing"})


def is_test_module(filename: str) -> bool:
    """`test_*.py`, `*_test.py`, `*_tests.py`, `conftest.py`, or any module under a `tests`, `test` or `testing`
    folder."""
    *directories, name = _parts(filename)
    return (
        name.startswith("test_")
        or name.endswith(("_test.py", "_tests.py"))
        or is_conftest(filename)
        or not _TEST_DIRECTORIES.isdisjoint(directories)
    )


def is_conftest(filename: str) -> bool:
    """A `conftest.py`: its fixtures serve the tests of other modules too."""
    return _parts(filename)[-1] == "conftest.py"


def _parts(filename: str) -> list[str]:
    return filename.replace("\\", "/").split("/")
