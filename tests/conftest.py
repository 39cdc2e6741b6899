from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flake8_http_status.engine import analyse
from flake8_http_status.findings import Finding
from flake8_http_status.options import Settings, settings_from_args


def run(source: str, *options: str, filename: str = "example.py") -> list[Finding]:
    """Findings for `source` checked with flake8-style `options`."""
    settings = settings_from_args(options) if options else Settings(target_python=(3, 10), starlette_renamed=False)
    if options and settings.target_python is None:
        settings = Settings(**{**settings.__dict__, "target_python": (3, 10), "starlette_renamed": False})
    tree = ast.parse(source)
    return analyse(tree, source.splitlines(keepends=True), filename, settings)


def codes(source: str, *options: str) -> list[str]:
    return [finding.code for finding in run(source, *options)]


@pytest.fixture
def tmp_project(tmp_path: Path) -> Path:
    return tmp_path
