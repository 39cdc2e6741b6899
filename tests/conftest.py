from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest
from expectations import shown, split_options

from flake8_http_status.engine import analyse
from flake8_http_status.findings import Finding
from flake8_http_status.options import Settings, settings_from_args

# The project index's disk cache is keyed by the tool's version, not by the analysis code: a test run must not
# read summaries that an older build wrote, nor write a cache folder into the fixture projects. The cache's own
# tests (tests/test_index_cache.py) turn it back on in temporary folders. Subprocesses inherit this.
os.environ.setdefault("HTTP_STATUS_NO_CACHE", "1")


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
    return shown(analyse(tree, source.splitlines(keepends=True), filename, settings), enabled)


def codes(source: str, *options: str) -> list[str]:
    return [finding.code for finding in run(source, *options)]


@pytest.fixture
def tmp_project(tmp_path: Path) -> Path:
    return tmp_path
