"""The plugin run in a fresh process, as flake8 runs it on one module: what the kept tables' and kept code's tests
compare with and without their caches."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from flake8_http_status.user_cache import KEY_DIR_VARIABLE, NO_CACHE_VARIABLE


def fresh_run(source: str, keys: Path, report: str, *, cache: bool = True, python_path: Path | None = None) -> Any:
    """The messages of the plugin's findings on `source`, and the value of the expression `report` (JSON) evaluated
    after the run in the same process: both in a new process whose user cache folder is `keys`."""
    code = (
        "import ast, collections, json, sys; from flake8_http_status.plugin import HttpStatusChecker as C;"
        f" s = {source!r}; found = [f[2] for f in C(ast.parse(s), s.splitlines(True), 'm.py').run()];"
        f" print(json.dumps([found, {report}]))"
    )
    environ = {**os.environ, KEY_DIR_VARIABLE: str(keys), NO_CACHE_VARIABLE: "" if cache else "1"}
    if python_path is not None:
        environ["PYTHONPATH"] = str(python_path)
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environ)
    return json.loads(output.stdout)
