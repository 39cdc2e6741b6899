"""`python -m flake8_http_status.docs [--write | --check] [--root DIR]`: regenerate or check the generated docs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .outputs import MissingMarkers, stale, write
from .site_nav import MissingNavMarkers


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flake8_http_status.docs", description=__doc__)
    action = parser.add_mutually_exclusive_group()
    action.add_argument("--write", action="store_true", help="rewrite the generated files that are out of date")
    action.add_argument(
        "--check", action="store_true", help="list out-of-date files and exit 1 if there are any (default)"
    )
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="the checkout to work on (default: current directory)"
    )
    args = parser.parse_args(argv)
    root: Path = args.root
    missing = [name for name in ("README.md", "mkdocs.yml") if not (root / name).is_file()]
    if missing:
        print(f"{parser.prog}: {root} has no {missing[0]}; run it in the repository or pass --root", file=sys.stderr)
        return 2
    try:
        changed = write(root) if args.write else stale(root)
    except (MissingMarkers, MissingNavMarkers) as error:
        print(f"{parser.prog}: {error}", file=sys.stderr)
        return 2
    for path in changed:
        print(path.relative_to(root) if path.is_relative_to(root) else path)
    if args.write:
        return 0
    if changed:
        print(f"{len(changed)} generated file(s) out of date: run `{parser.prog} --write`", file=sys.stderr)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
