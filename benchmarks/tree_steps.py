"""Where the plugin's work on a large tree goes, step by step, per pass over the files the prefilter lets through.

    python benchmarks/tree_steps.py --tree .bench-cache/src/Django-5.2.19/django-5.2.19/django [--files 40]

`startup.py --tree` gives the whole overhead on a large tree. This script splits that overhead into the steps of the
engine. It takes the same files (every n-th of the tree's modules, as `run.py --callgrind` picks them) and runs
`tree_steps_driver.py` in the plugin's environment, under callgrind. Each step's instructions are counted with one
pass and with three passes over the files, and the difference is halved: that is the cost of one pass without the
start-up. Before each pass the driver drops what the project index holds in memory, as a new flake8 process would
start. The index's disk cache stays warm: the first pass writes it, as a warm run would find it.

The steps are cumulative: each one runs the steps before it too. A step's own cost is its row minus the row above.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_plugin import environments
from measure import instructions

DRIVER = Path(__file__).resolve().parent / "tree_steps_driver.py"
STEPS = (
    ("prefilter", "the text prefilter"),
    ("imports", "the import map"),
    ("reach", "does the module import its project (index.reach)"),
    ("facts", "the project facts"),
    ("collect", "the collector's walk"),
    ("sites", "the sites, with the index's answers (engine.build_context)"),
    ("rules", "the rules, with flake8's default selection and no fixes (engine.analyse_module)"),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, required=True, help="a large tree, e.g. Django's package")
    parser.add_argument("--files", type=int, default=40, help="how many of the tree's files (default 40)")
    parser.add_argument("--plugin-environment", type=Path, help="a virtual environment holding the plugin")
    args = parser.parse_args(argv)
    plugin = args.plugin_environment.resolve() if args.plugin_environment else environments()[1]
    python = str(plugin / "bin" / "python")
    common = [python, str(DRIVER), str(args.tree.resolve()), str(args.files)]
    subprocess.run([*common, "rules", "1"], check=True)  # writes the .pyc files and the index's cache
    print("| Step (cumulative) | Instructions per pass | The step's own |")
    print("| --- | --- | --- |")
    previous = 0
    for step, label in STEPS:
        once = instructions([*common, step, "1"])
        thrice = instructions([*common, step, "3"])
        per_pass = (thrice - once) // 2
        print(f"| {label} | {per_pass:,} | {per_pass - previous:,} |", flush=True)
        previous = per_pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
