"""Mutated real modules through the plugin and the fixer (see fuzzing.py for the long run by hand).

The fixtures are realistic apps for every framework, so small mutations of them land right on the
status sites: a number swapped, a line cut or moved, an import lost. With HTTP_STATUS_FUZZ_CORPUS
set, files from that tree are mutated as well.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fixing import options
from fuzzing import EXAMPLES, FUZZ, check_fixer, check_plugin
from hypothesis import given, settings
from hypothesis import strategies as st
from mutations import mutants, python_files

pytestmark = pytest.mark.slow  # fuzzing


ROOT = Path(__file__).resolve().parent.parent
SOURCES = python_files(ROOT / "fixtures")
if os.environ.get("HTTP_STATUS_FUZZ_CORPUS"):
    SOURCES += python_files(Path(os.environ["HTTP_STATUS_FUZZ_CORPUS"]))


def test_there_is_something_to_mutate() -> None:
    assert len(SOURCES) >= 15, SOURCES


@settings(FUZZ, max_examples=4 * EXAMPLES)  # cheap examples: a larger share of the budget
@given(mutants(SOURCES), st.booleans())
def test_mutated_modules_never_break_the_plugin_or_the_fixer(source: str, unsafe: bool) -> None:
    check_plugin(source)
    check_fixer(source, options(unsafe=unsafe))
