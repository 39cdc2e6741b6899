"""The flake8 entry point: options, and a tree checker that reuses the tree flake8 already parsed."""

from __future__ import annotations

import argparse
import ast
import sys
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from . import __version__
from .options import OPTIONS, OptionError, Settings, settings_from
from .prefilter import call_words, may_have_sites
from .rules.checkers import OFF_BY_DEFAULT


class _Flake8Selection:
    """Whether flake8 reports a code, as its own selection decides (select, ignore and their extensions, the
    default ignore list): HTS001 gives way only to a finding that is shown (`rules.one_answer`). The engine
    also reads `# noqa` on the finding's line; per-file ignores are not seen here, so a literal whose other
    finding a per-file ignore hides keeps no answer. (An object, not a function: as a class attribute, a
    function would be bound as a method.)"""

    def __init__(self, engine: Any) -> None:
        from flake8.style_guide import Decision

        self._engine = engine
        self._selected = Decision.Selected

    def __call__(self, code: str) -> bool:
        return bool(self._engine.decision_for(code) is self._selected)


class HttpStatusChecker:
    name = "flake8-http-status"
    version = __version__
    settings: ClassVar[Settings] = Settings()
    shown: ClassVar[_Flake8Selection | None] = None  # the codes flake8 reports; None: those on by default

    def __init__(self, tree: ast.Module, lines: Sequence[str], filename: str) -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename

    @staticmethod
    def add_options(manager: Any) -> None:
        for spec in OPTIONS:
            extra: dict[str, Any] = {"choices": spec.choices} if spec.choices else {}
            manager.add_option(
                spec.flake8_flag,
                default=spec.default,
                parse_from_config=True,
                comma_separated_list=spec.listed,
                help=spec.help,
                **extra,
            )
        manager.extend_default_ignore(list(OFF_BY_DEFAULT))

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        try:
            cls.settings = settings_from(vars(options))
        except OptionError as error:
            # One line and flake8's usage-error status, as argparse gives for its own options. Raised
            # out of here, the error would show as two chained tracebacks (flake8 first calls this with
            # the three-argument signature and retries with one when that raises TypeError).
            print(f"flake8: error: {_located(error, options)}", file=sys.stderr)
            raise SystemExit(2) from None
        cls.shown = _selected_by(options)

    def run(self) -> Iterator[tuple[int, int, str, type[Any]]]:
        # The engine's own first step, taken before importing it: a file with no status site (most files)
        # never loads the framework table, the analysis or the rules.
        if not may_have_sites("".join(self.lines), call_words(self.settings.extra_calls)):
            return
        from .engine import analyse_module

        analysis = analyse_module(
            self.tree, self.lines, self.filename, self.settings, prefilter=False, shown=self.shown, hidden_skipped=True
        )
        for finding in analysis.findings:
            yield finding.start.line, finding.start.column, finding.text, type(self)


def _selected_by(options: argparse.Namespace) -> _Flake8Selection | None:
    """flake8's selection; None where the options are not flake8's full set (a caller that passes only this
    plugin's options): then the rules on by default count as shown."""
    from flake8.style_guide import DecisionEngine

    try:
        return _Flake8Selection(DecisionEngine(options))
    except AttributeError:
        return None


def _located(error: OptionError, options: argparse.Namespace) -> OptionError:
    """The error, naming the configuration file when the bad value was read from one."""
    if error.option is None:
        return error
    from .config import flake8_source, in_file  # only on this error path: start-up stays lean

    value = getattr(options, f"http_status_{error.option.replace('-', '_')}", None)
    source = flake8_source(error.option, value, sys.argv[1:])
    return error if source is None else in_file(source, error)
