"""The `http-status` command. Each subcommand lives in its own module, imported only when it runs."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from . import __version__

# Modules under flake8_http_status that provide a subcommand (see `Command`).
COMMANDS: tuple[tuple[str, str, str], ...] = (  # (name, module, one-line help)
    ("check", "check.command", "Report the plugin's findings without flake8 (text, JSON, SARIF, GitHub, GitLab)."),
    ("explain", "explain", "Explain a rule (HTS001) or a status code (404), or list the rules."),
    ("fix", "fixer.command", "Rewrite bare status numbers as named constants (safe fixes; --unsafe-fixes for more)."),
)


class Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


class _Version(argparse.Action):
    """`--version`: the versions a bug report needs. Read when asked, not when the parser is built, and from
    the installed packages' metadata: importing LibCST to ask it would cost every run of `--version`."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(version_text(parser.prog))
        parser.exit()


def version_text(prog: str = "http-status") -> str:
    """`http-status 0.1.0 (flake8 7.1.1, LibCST 1.5.0, Python 3.12.1)`."""
    import platform
    from importlib import metadata

    def installed(distribution: str) -> str:
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            return "not installed"

    return (
        f"{prog} {__version__} (flake8 {installed('flake8')}, LibCST {installed('libcst')}, "
        f"{platform.python_implementation()} {platform.python_version()})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="http-status", description="Find, explain and fix HTTP status codes in Python web code."
    )
    parser.add_argument("--version", action=_Version, help="show the versions of this tool, flake8, LibCST and Python")
    subcommands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen = next((arg for arg in arguments if not arg.startswith("-")), None)
    for name, module_name, help_text in COMMANDS:
        subparser = subcommands.add_parser(name, help=help_text, description=help_text)
        if name == chosen:  # import only the command that runs: `explain` must not pay for LibCST
            module = cast(Command, importlib.import_module(f"{__package__}.{module_name}"))
            module.add_arguments(subparser)
            subparser.set_defaults(run=module.run)
    args = parser.parse_args(arguments)
    return int(args.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
