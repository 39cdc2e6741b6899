"""The fixer as a LibCST codemod command, for projects that drive their codemods with LibCST's tool:

    python -m libcst.tool codemod --no-format -x flake8_http_status.fixer.codemod.HttpStatusFix PATH

It applies the same fixes, with the same verification, as `http-status fix`, reading the same
flake8 configuration and taking the same fix options (`--unsafe-fixes`, `--select`, `--style`, ...).
A file that cannot be fixed safely is reported as skipped, with the reason, and left untouched.
LibCST's runner parses every file with LibCST before the codemod sees it, so for large trees
`http-status fix` is much faster; use this when LibCST's tool is how the project runs codemods.
"""

from __future__ import annotations

import argparse
from typing import Any

import libcst as cst
from libcst.codemod import CodemodCommand, CodemodContext, SkipFile

from ..config import load
from .arguments import add_fix_arguments, fix_options
from .errors import FixError
from .pipeline import FixOptions, fix_text


class HttpStatusFix(CodemodCommand):
    DESCRIPTION = "Rewrite bare HTTP status numbers as named constants (flake8-http-status fixes)."

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        add_fix_arguments(arg_parser)

    def __init__(self, context: CodemodContext, **options: Any) -> None:
        super().__init__(context)
        parser = argparse.ArgumentParser(add_help=False)
        add_fix_arguments(parser)
        args = parser.parse_args([])  # defaults, for options not given
        for key, value in options.items():
            setattr(args, key, value)
        self.options: FixOptions = fix_options(args, load(args.config, isolated=args.isolated))

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        try:
            outcome = fix_text(tree.code, self.context.filename or "<stdin>", self.options)
        except FixError as error:
            where = f"line {error.line}: " if error.line else ""
            raise SkipFile(f"{where}{error.message}") from None
        if outcome.skipped:
            raise SkipFile(outcome.skipped)
        for refused in outcome.refused:  # the file's other fixes are applied; say which one is not, and why
            self.warn(f"line {refused.line}: refused {refused.code} fix: {refused.reason}")
        if not outcome.changed:
            return tree
        # The fixer works on text (and parses only the pieces it changes): give LibCST's runner a
        # module again, with the encoding LibCST read from the file's bytes.
        return cst.parse_module(outcome.text).with_changes(encoding=tree.encoding)
