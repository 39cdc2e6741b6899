"""The flake8 entry point: options, and a tree checker that reuses the tree flake8 already parsed."""

from __future__ import annotations

import argparse
import ast
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from . import __version__
from .engine import analyse
from .families import STYLES
from .options import (
    Settings, parse_extra_calls, parse_extra_codes, parse_ignore_values, parse_style, parse_target_python,
)
from .rules.registry import OFF_BY_DEFAULT


class HttpStatusChecker:
    name = "flake8-http-status"
    version = __version__
    settings: ClassVar[Settings] = Settings()

    def __init__(self, tree: ast.Module, lines: Sequence[str], filename: str) -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename

    @staticmethod
    def add_options(manager: Any) -> None:
        manager.add_option(
            "--http-status-style", default="auto", parse_from_config=True, choices=STYLES,
            help="Constant family to suggest: %(choices)s (default: %(default)s).",
        )
        manager.add_option(
            "--http-status-target-python", default="", parse_from_config=True,
            help="Oldest Python the project supports, e.g. 3.10 (default: requires-python of the nearest pyproject.toml).",
        )
        manager.add_option(
            "--http-status-extra-codes", default="", parse_from_config=True, comma_separated_list=True,
            help="Project-defined statuses, e.g. 499=CLIENT_CLOSED_REQUEST or 499=myapp.http:CLIENT_CLOSED_REQUEST.",
        )
        manager.add_option(
            "--http-status-ignore-values", default="", parse_from_config=True, comma_separated_list=True,
            help="Literal values never to report, e.g. 200,204.",
        )
        manager.add_option(
            "--http-status-extra-calls", default="", parse_from_config=True, comma_separated_list=True,
            help="Project helpers that take a status: NAME:POSITION, NAME:KEYWORD or NAME:POSITION:KEYWORD.",
        )
        manager.extend_default_ignore(list(OFF_BY_DEFAULT))

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        cls.settings = Settings(
            style=parse_style(options.http_status_style),
            target_python=parse_target_python(options.http_status_target_python),
            extra_codes=parse_extra_codes(options.http_status_extra_codes),
            ignore_values=parse_ignore_values(options.http_status_ignore_values),
            extra_calls=parse_extra_calls(options.http_status_extra_calls),
        )

    def run(self) -> Iterator[tuple[int, int, str, type[Any]]]:
        for finding in analyse(self.tree, self.lines, self.filename, self.settings):
            yield finding.start.line, finding.start.column, finding.text, type(self)
