"""The flake8 entry point: options, and a tree checker that reuses the tree flake8 already parsed."""

from __future__ import annotations

import argparse
import ast
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from . import __version__, pyproject_config
from .options import OPTIONS, OptionError, Settings, settings_from
from .prefilter import call_words, may_have_sites
from .rules.checkers import OFF_BY_DEFAULT
from .safe_read import shown_path

if TYPE_CHECKING:
    from .per_file_ignores import PerFileIgnores
    from .pyproject_tables import Table


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


class _TableSelection:
    """`[tool.http-status]`'s selection, applied to the plugin's findings before flake8 applies its own:
    `select` and `per-file-ignores` where flake8's configuration names none of this plugin's codes (flake8's
    wins, as for `fix`), `ignore` and `extend-ignore` always (ignores add up)."""

    def __init__(self, select: tuple[str, ...], ignore: tuple[str, ...], per_file: PerFileIgnores) -> None:
        self.select, self.ignore, self.per_file = select, ignore, per_file

    def for_file(self, filename: str) -> Callable[[str], bool] | None:
        """Whether a code is kept in `filename`; None when the table keeps every code."""
        select, ignore = self.select, self.ignore
        if self.per_file:
            from .per_file_ignores import codes_for  # only with the table's per-file-ignores

            ignore = (*ignore, *codes_for(filename, self.per_file))
        if not select and not ignore:
            return None
        return lambda code: pyproject_config.decides(code, select, ignore)


class HttpStatusChecker:
    name = "flake8-http-status"
    version = __version__
    settings: ClassVar[Settings] = Settings()
    shown: ClassVar[_Flake8Selection | None] = None  # the codes flake8 reports; None: those on by default
    table: ClassVar[_TableSelection | None] = None  # `[tool.http-status]`'s selection, when it makes one

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
                # No default here: an option flake8 was not given (on the command line or in its file) is
                # None, and then `[tool.http-status]` may set it; `settings_from` supplies the defaults.
                default=None,
                parse_from_config=True,
                comma_separated_list=spec.listed,
                help=spec.help,
                metavar=spec.metavar,
                **extra,
            )
        # Rules off by default that the table selects are left out of flake8's default ignore list. The
        # options are not parsed yet: `--config` and `--isolated` are read from the command line.
        found = _found_tables(again=False)
        table = found.table if isinstance(found, pyproject_config.Pyproject) else None  # an error: said later
        chosen = (*table.select, *table.extend_select) if table is not None else ()
        manager.extend_default_ignore([code for code in OFF_BY_DEFAULT if not code.startswith(chosen or ("-",))])

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        try:
            # flake8 takes `--config` and `--isolated` out of the arguments before parsing the rest: the
            # namespace does not hold them (see `config.flake8_source`). `add_options` has just looked.
            found = _found_tables(again=True)
            if isinstance(found, OptionError):
                raise found
            table = found.table if found is not None else None
            values = vars(options)
            taken = {}
            if table is not None:
                taken = {dest: value for dest, value in table.values.items() if values.get(dest) is None}
            try:
                cls.settings = settings_from({**values, **taken})
            except OptionError as error:
                dest = f"http_status_{(error.option or '').replace('-', '_')}"
                if table is None or dest not in taken:
                    raise
                raise OptionError(f"{shown_path(table.path)}: {error}") from None
        except OptionError as error:
            # One line and flake8's usage-error status, as argparse gives for its own options. Raised
            # out of here, the error would show as two chained tracebacks (flake8 first calls this with
            # the three-argument signature and retries with one when that raises TypeError).
            print(f"flake8: error: {_located(error, options)}", file=sys.stderr)
            raise SystemExit(2) from None
        for warning in table.warnings() if table is not None else ():
            print(f"flake8-http-status: warning: {warning}", file=sys.stderr)
        cls.shown = _selected_by(options)
        cls.table = _table_selection(table, options) if table is not None else None

    def run(self) -> Iterator[tuple[int, int, str, type[Any]]]:
        # The engine's own first step, taken before importing it: a file with no status site (most files)
        # never loads the framework table, the analysis or the rules.
        if not may_have_sites("".join(self.lines), call_words(self.settings.extra_calls)):
            return
        from .engine import analyse_module

        keeps = self.table.for_file(self.filename) if self.table is not None else None
        shown: Callable[[str], bool] | None = self.shown
        if keeps is not None:
            flake8 = self.shown

            def shown(code: str) -> bool:  # HTS001 gives way only to a finding both selections keep
                return keeps(code) and (flake8(code) if flake8 is not None else code not in OFF_BY_DEFAULT)

        analysis = analyse_module(  # flake8 shows messages only: no fix is worked out
            self.tree,
            self.lines,
            self.filename,
            self.settings,
            prefilter=False,
            shown=shown,
            hidden_skipped=True,
            fixes=False,
        )
        for finding in analysis.findings:
            if keeps is None or keeps(finding.code):
                yield finding.start.line, finding.start.column, finding.text, type(self)


# What `add_options` found, for `parse_options` of the same run (flake8 calls the two in a row): one search for
# pyproject.toml per run, not two. Keyed by what decides the search, so that no other run is answered from it.
_found: dict[tuple[str | None, bool, str], pyproject_config.Pyproject | OptionError | None] = {}


def _found_tables(*, again: bool) -> pyproject_config.Pyproject | OptionError | None:
    """The pyproject.toml flake8's `--config` and `--isolated` pair with (`pyproject_config.for_flake8`), or the
    error reading it. `again`: what `add_options` found in this run, if it looked (it is then forgotten)."""
    config, isolated = _config_arguments(sys.argv[1:])
    key = (config, isolated, os.getcwd())
    if again and key in _found:
        return _found.pop(key)
    try:
        found: pyproject_config.Pyproject | OptionError | None = pyproject_config.for_flake8(config, isolated)
    except OptionError as error:
        found = error
    _found.clear()
    if not again:
        _found[key] = found
    return found


def _config_arguments(argv: Sequence[str]) -> tuple[str | None, bool]:
    """flake8's `--config` and `--isolated`, as its first stage reads them from the command line."""
    config, isolated = None, False
    for index, arg in enumerate(argv):
        if arg == "--isolated":
            isolated = True
        elif arg == "--config" and index + 1 < len(argv):
            config = argv[index + 1]
        elif arg.startswith("--config="):
            config = arg.partition("=")[2]
    return config, isolated


def _table_selection(table: Table, options: argparse.Namespace) -> _TableSelection | None:
    select = table.select if not _names_plugin_codes(getattr(options, "select", None) or ()) else ()
    per_file = table.per_file_ignores
    if per_file and _names_plugin_codes(_per_file_codes(getattr(options, "per_file_ignores", "") or "")):
        per_file = ()
    if not (select or table.ignore or per_file):
        return None
    return _TableSelection(select, table.ignore, per_file)


def _names_plugin_codes(entries: Sequence[str]) -> bool:
    return any(entry and (entry.startswith("HTS") or "HTS".startswith(entry)) for entry in entries)


def _per_file_codes(text: str) -> list[str]:
    from .per_file_ignores import parse

    try:
        return [code for _, codes in parse(text) for code in codes]
    except OptionError:  # flake8's own error, when it reads the value
        return []


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
