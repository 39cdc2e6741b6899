"""What every fuzz test asks of a module it generated: the plugin and the fixer survive it.

The plugin must never raise. The fixer may refuse a module only for a reason that lies in the
module (it does not parse, is nested too deeply, uses what LibCST cannot read); a refusal because
its own rewrite failed its own checks is a bug, even though no file is harmed by it. Whatever it
returns must parse, and fixing that again must change nothing.

CI runs a bounded number of examples. For a long run by hand, raise the budget and, to mutate real
projects too, point the mutation tests at a tree of Python files (the benchmark corpus, say):

    HTTP_STATUS_FUZZ_EXAMPLES=5000 HTTP_STATUS_FUZZ_CORPUS=.bench-cache/src \\
        pytest -p no:cacheprovider tests/test_fuzz.py tests/test_fix_fuzz.py tests/test_fuzz_mutations.py
"""

from __future__ import annotations

import ast
import os
import warnings

from hypothesis import HealthCheck, settings

from flake8_http_status.fixer.errors import Fault, FixError
from flake8_http_status.fixer.pipeline import FixOptions, fix_text
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.plugin import HttpStatusChecker

EXAMPLES = int(os.environ.get("HTTP_STATUS_FUZZ_EXAMPLES", "25"))
# CI's bounded run draws the same examples every time, so that it cannot fail by luck; a run by hand
# with a budget of its own explores afresh.
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
    derandomize="HTTP_STATUS_FUZZ_EXAMPLES" not in os.environ,
)


def parsed(source: str) -> ast.Module | None:
    """The module as flake8 would parse it, or None when Python does not accept it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SyntaxWarning)
            return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def check_plugin(source: str, filename: str = "fuzz.py") -> None:
    """The plugin as flake8 calls it, on the tree flake8 would hand it; it must not raise."""
    tree = parsed(source)
    if tree is None:
        return  # flake8 reports E999 and never calls the plugin
    for line, column, text, _ in HttpStatusChecker(tree, split_lines(source), filename).run():
        assert line >= 1 and column >= 0 and text.startswith("HTS"), text


def check_fixer(source: str, options: FixOptions, filename: str = "fuzz.py") -> str:
    """The fixed text (or `source` when the fixer refused for a reason in the module)."""
    try:
        outcome = fix_text(source, filename, options)
    except FixError as error:
        # A helper called inside hypothesis tests: the refusal is checked here, not with pytest.raises.
        assert "\n" not in error.message  # noqa: PT017
        why = f"the fixer failed its own checks: {error.message} (line {error.line})"
        assert error.cause.fault is Fault.MODULE, why  # noqa: PT017
        return source
    # A refused fix keeps the file's other fixes, but it is the fixer failing its own checks all the same.
    refused = [
        f"line {fix.line}: {fix.code}: {fix.reason}" for fix in outcome.refused if fix.cause.fault is not Fault.MODULE
    ]
    assert not refused, f"the fixer failed its own checks: {refused}"
    if not outcome.changed:
        assert outcome.text == source
        return source
    assert parsed(outcome.text) is not None, "the fixer wrote a module that does not parse"
    again = fix_text(outcome.text, filename, options)
    assert not again.changed, f"a second run changed it again: {dict(again.applied)}"
    return outcome.text
