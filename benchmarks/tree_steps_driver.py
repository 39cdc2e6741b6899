"""Run the engine's steps on a tree's files, `passes` times: what `tree_steps.py` counts under callgrind.

    python tree_steps_driver.py TREE FILES STEP PASSES

It runs in the plugin's environment, so the package it imports is the one installed there. The files are every n-th
of the tree's modules, as `run.py --callgrind` picks them. They are read and parsed once, before any pass, as flake8
hands the plugin a parsed tree and its lines. A STEP runs every step before it too (see `tree_steps.STEPS`).
"""

from __future__ import annotations

import ast
import sys
import warnings
from pathlib import Path

from flake8_http_status import engine
from flake8_http_status.analysis.collect import collect
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.api import MODULES, table_of
from flake8_http_status.index.reach import imports_project
from flake8_http_status.index.session import forget
from flake8_http_status.options import Settings
from flake8_http_status.prefilter import may_have_sites
from flake8_http_status.rules.one_answer import on_by_default

_ORDER = ("prefilter", "imports", "reach", "facts", "collect", "sites", "rules")


def main() -> int:
    tree, files, step, passes = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    every = sorted(tree.rglob("*.py"))
    paths = [str(path) for path in every[:: max(1, len(every) // files)][:files]]
    sources = {path: Path(path).read_text(encoding="utf-8") for path in paths}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        trees = {path: ast.parse(source) for path, source in sources.items()}
    lines = {path: source.splitlines(keepends=True) for path, source in sources.items()}  # flake8 hands these too
    depth = _ORDER.index(step)
    settings = Settings()
    for _ in range(passes):
        forget()  # a new process: the index reads its summaries from the disk cache again
        for path in paths:
            if may_have_sites(sources[path]) and depth > 0:
                _analyse(trees[path], lines[path], path, settings, depth)
    return 0


def _analyse(tree: ast.Module, lines: list[str], path: str, settings: Settings, depth: int) -> None:
    if depth >= _ORDER.index("sites"):
        if depth == _ORDER.index("sites"):
            engine.build_context(tree, lines, path, settings)
        else:
            engine.analyse_module(  # as the flake8 plugin asks: no fix is worked out
                tree, lines, path, settings, prefilter=False, shown=on_by_default, hidden_skipped=True, fixes=False
            )
        return
    imports = collect_imports(tree)
    if depth == _ORDER.index("reach"):
        imports_project(imports, path)
        return
    project = engine.project_facts(path, imports, settings) if depth >= _ORDER.index("facts") else None
    if depth >= _ORDER.index("collect"):
        # The table `engine.build_context` walks with: every framework's with project facts, else the module's own.
        table = table_of(MODULES) if project is not None else engine.module_table(imports, settings.extra_calls)
        collect(tree, imports, table, project.call_roots() if project is not None else frozenset())


if __name__ == "__main__":
    raise SystemExit(main())
