from __future__ import annotations

import ast
import os
import tempfile
from pathlib import Path

# The project index's disk cache and its key, and the package's kept code and tables, go to a new folder of this
# test session: never into the repository (the fixture projects are project roots) or the user's home, and never
# read from an older build's run. Set before the package is imported, since importing it reads its kept code.
# Subprocesses (flake8, the CLI) inherit the variables.
_CACHE_HOME = tempfile.mkdtemp(prefix="http-status-tests-")
os.environ.setdefault("HTTP_STATUS_CACHE_DIR", os.path.join(_CACHE_HOME, "cache"))
os.environ.setdefault("HTTP_STATUS_KEY_DIR", os.path.join(_CACHE_HOME, "key"))

import pytest  # noqa: E402
from expectations import showing, shown, split_options  # noqa: E402

from flake8_http_status import stamps  # noqa: E402
from flake8_http_status.engine import analyse  # noqa: E402
from flake8_http_status.findings import Finding  # noqa: E402
from flake8_http_status.options import Settings, settings_from_args  # noqa: E402


def run(source: str, *options: str, filename: str = "example.py") -> list[Finding]:
    """Findings for `source` checked with flake8-style `options`, as flake8 shows them: rules that are
    off by default only when `--extend-select=HTS914,...` is among the options."""
    plugin_options, enabled = split_options(options)
    settings = (
        settings_from_args(plugin_options)
        if plugin_options
        else Settings(target_python=(3, 10), starlette_renamed=False)
    )
    if plugin_options and settings.target_python is None:
        settings = Settings(**{**settings.__dict__, "target_python": (3, 10), "starlette_renamed": False})
    tree = ast.parse(source)
    return shown(analyse(tree, source.splitlines(keepends=True), filename, settings, showing(enabled)), enabled)


def codes(source: str, *options: str) -> list[str]:
    return [finding.code for finding in run(source, *options)]


@pytest.fixture
def settled_now(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as settled as soon as they are written (`stamps.py`; a test cannot wait two seconds)."""
    monkeypatch.setattr(stamps, "SETTLED_NS", 0)


@pytest.fixture
def tmp_project(tmp_path: Path) -> Path:
    return tmp_path
