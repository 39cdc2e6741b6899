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
from .noqa import skips_file
from .pipeline import FixOptions, fix_text
from .source import split_lines


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
        text = tree.code
        if skips_file(split_lines(text)):
            raise SkipFile("`# flake8: noqa` in the file")
        try:
            outcome = fix_text(text, self.context.filename or "<stdin>", self.options, module=tree)
        except FixError as error:
            where = f"line {error.line}: " if error.line else ""
            raise SkipFile(f"{where}{error.message}") from None
        if outcome.module is None:
            return tree
        # The fixer works on text, so carry over what LibCST read from the bytes.
        return outcome.module.with_changes(encoding=tree.encoding)
