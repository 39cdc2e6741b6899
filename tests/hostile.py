"""Hostile inputs, shared by the plugin's and the CLI's tests, and the ways the tests run the two tools.

Each generator is sized so that the case is real (10 MB, deeper than the recursion limit, 20,000
files) and still cheap enough for every CI run.
"""

from __future__ import annotations

import ast
import ctypes
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import flake8

FLAKE8_MAJOR = int(flake8.__version__.split(".")[0])
HERE = Path(__file__).resolve().parent

# A view with one fix, and what `http-status fix` makes of it.
VIEW = "from flask import abort\n\n\ndef show():\n    abort(404)\n"
FIXED = "from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef show():\n    abort(HTTPStatus.NOT_FOUND)\n"
FINDING = "HTS001 use HTTPStatus.NOT_FOUND instead of 404 (the resource does not exist)"


def huge_module(min_bytes: int = 10_000_000) -> tuple[str, int]:
    """A generated module of at least `min_bytes`: Flask handlers between long generated data lines,
    and the number of findings it holds. Long lines keep flake8's own tokenizing cheap; the
    `200` in each data line's comment and string is never a status."""
    handler = "@app.post('/items/{n}')\ndef item_{n}():\n    if {n} % 2:\n        abort(404)\n    return jsonify(n={n}), 201\n\n\n"
    data = "TABLE_{n}_{k} = '" + "200 " * 250 + "'  # status 200\n"
    parts = ["from flask import Flask, abort, jsonify\n\napp = Flask(__name__)\n\n\n"]
    size, handlers = len(parts[0]), 0
    while size < min_bytes:
        chunk = handler.format(n=handlers) + "".join(data.format(n=handlers, k=k) for k in range(50))
        parts.append(chunk)
        size += len(chunk)
        handlers += 1
    return "".join(parts), 2 * handlers


CHAINS = {
    "calls": "{}()",  # f()()()...
    "value-chain": "{}.value",  # attribute chains the value resolver reads
    "attribute-chain": "{}.status_code",
    "subscripts": "{}[0]",
    "binop": "{} + 1",  # long left-recursive binary operations
}


def deep(template: str, depth: int) -> str:
    text = "x"
    for _ in range(depth):
        text = template.format(text)
    return text


def deepest(template: str) -> str:
    """The deepest chain this Python's parser accepts: deeper than the default recursion limit."""
    for depth in (5000, 2000, 1500):
        try:
            ast.parse(f"abort({deep(template, depth)})")
        except (RecursionError, SyntaxError, MemoryError):
            continue
        return deep(template, depth)
    raise AssertionError("the parser accepts no chain deeper than the recursion limit")


def small_files(root: Path, count: int, special: dict[str, bytes]) -> None:
    """`count` tiny modules in `root` (a few hundred per directory), then the `special` ones."""
    for number in range(count):
        directory = root / f"pkg{number // 500:03d}"
        if number % 500 == 0:
            directory.mkdir(parents=True, exist_ok=True)
        (directory / f"m{number:05d}.py").write_bytes(b"VALUE = %d\n" % number)
    for name, data in special.items():
        (root / name).write_bytes(data)


def flake8_run(
    paths: Sequence[Path | str],
    *options: str,
    cwd: Path,
    only_this_plugin: bool = False,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """flake8 (one process), as a user runs it; `only_this_plugin` leaves out pyflakes, pycodestyle
    and mccabe, whose cost on the heaviest inputs would dominate: flake8 still finds, reads,
    decodes and parses every file and hands it to the plugin as usual."""
    runner = [str(HERE / "flake8_only_this_plugin.py")] if only_this_plugin else ["-m", "flake8"]
    command = [
        sys.executable,
        *runner,
        "-j1",
        "--select=HTS,E9",
        "--format=%(path)s:%(row)d:%(col)d: %(code)s %(text)s",
        *options,
    ]
    return subprocess.run(
        [*command, *map(str, paths)], capture_output=True, text=True, cwd=cwd, check=False, preexec_fn=preexec_fn
    )


def fix_run(*args: str, cwd: Path, preexec_fn: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """`http-status fix` in its own process, with no configuration file read."""
    command = [sys.executable, "-m", "flake8_http_status.cli", "fix", "--isolated", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, check=False, preexec_fn=preexec_fn)


def permissions_enforced() -> Callable[[], None] | None:
    """A `preexec_fn` under which file permissions bind a child process even when the tests run as
    root (who reads anything): the capabilities that override them leave the bounding set, so the
    program the child runs never gets them. None when nothing is needed (not root)."""
    if os.geteuid() != 0:
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    capability_bounding_set_drop, override, read_search = 24, 1, 2  # PR_CAPBSET_DROP, CAP_DAC_*

    def drop() -> None:
        for capability in (override, read_search):
            if libc.prctl(capability_bounding_set_drop, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")

    return drop


def leftovers(root: Path) -> list[str]:
    """Files a writer may leave behind when interrupted: temporary and backup files."""
    return sorted(
        str(path.relative_to(root)) for path in root.rglob("*") if path.name.endswith((".tmp", "~", ".bak", ".orig"))
    )
