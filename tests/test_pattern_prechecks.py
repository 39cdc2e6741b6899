"""String tests tried before a pattern (analysis/telemetry.py, analysis/namespace.py): each must pass for every
text the pattern matches, so the answers are the pattern's, and on the texts most modules hold they spare
compiling it."""

from __future__ import annotations

import ast
import itertools
import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from flake8_http_status.analysis import namespace, telemetry

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "fixtures" / "flask" / "restful_api.py"
# `_NAMED` as it was written before its words became a tuple (`metrics?` is now `metric|metrics`).
_NAMED_BEFORE = (
    r"(?i)_*(?:\w+_)?(?:get_?)?(?:log|logger|logging|metrics?|statsd|dogstatsd|statsd_client|stats|meter|sentry|sentry_sdk"
    r"|span|tracer|tracker|telemetry|counter|histogram|gauge|apm|newrelic)\Z"
)


@cache
def fixture_names() -> list[str]:
    """Every name and attribute in the fixture apps: what real modules call their receivers and methods."""
    names: set[str] = set()
    for path in sorted((ROOT / "fixtures").rglob("*.py")):
        try:
            tree = ast.parse(path.read_bytes())
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Name):
                names.add(node.id)
            elif isinstance(node, ast.Attribute):
                names.add(node.attr)
    return sorted(names)


def variants(words: tuple[str, ...]) -> list[str]:
    """The words in several cases, with the prefixes and suffixes that the patterns treat apart, and with the
    letters that `(?i)` folds from outside ASCII (the long s for `s`, the Kelvin sign for `k`, the dotless i for `i`)."""
    shapes = ("{}", "_{}", "get_{}", "get{}", "app_{}", "x{}", "{}_x", "{}_", "{}x", "__{}", "a_b_{}", "{}s")
    found = []
    for word, shape in itertools.product(words, shapes):
        for text in (word, word.upper(), word.title(), word[:-1]):
            found.append(shape.format(text))
            found.append(shape.format(text).replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131"))
    return found


def test_the_telemetry_name_test_answers_as_the_pattern() -> None:
    texts = [*variants(telemetry._TELEMETRY_NAMES), *fixture_names(), "", "_", "log\n", "\u212aapm"]
    named = re.compile(telemetry._NAMED.pattern)
    answers = [(text, telemetry.is_telemetry_name(text)) for text in texts]
    assert answers == [(text, named.match(text) is not None) for text in texts]
    assert sum(answer for _, answer in answers) > 100  # the texts do reach the pattern's both answers
    assert telemetry.is_telemetry_name("\u017ftats")  # `(?i)` folds the long s to `s`, which `lower()` does not


def test_the_telemetry_names_are_the_words_the_pattern_had() -> None:
    texts = [*variants(telemetry._TELEMETRY_NAMES), *variants(("metricss", "metrix")), *fixture_names()]
    before = re.compile(_NAMED_BEFORE)
    assert [telemetry._NAMED.match(text) is not None for text in texts] == [
        before.match(text) is not None for text in texts
    ]


def test_the_recording_name_test_answers_as_the_pattern() -> None:
    texts = [*variants(telemetry._RECORDING_VERBS), *fixture_names(), "record_", "record_x\n", "Record_x"]
    recording = re.compile(telemetry._RECORDING.pattern)
    answers = [(text, telemetry.is_recording_name(text)) for text in texts]
    assert answers == [(text, recording.match(text) is not None) for text in texts]
    assert sum(answer for _, answer in answers) > 10


def test_the_namespace_test_answers_as_the_pattern() -> None:
    lines = [
        line
        for path in sorted((ROOT / "fixtures").rglob("*.py"))[:400]
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    texts = [*variants(namespace._MENTIONS), *lines, "x = globals()", "sys.modules[__name__]", "evaluate(x)"]
    words = re.compile(namespace._WORDS.pattern)
    answers = [namespace.mentions_namespace(text) for text in texts]
    assert answers == [words.search(text) is not None for text in texts]
    assert 0 < sum(answers) < len(texts)


@pytest.mark.parametrize("text", ["import os\n", "x = 1  # evaluated later\n"])
def test_a_module_without_the_words_does_not_write_its_namespace(text: str) -> None:
    assert not namespace.writes_own_namespace(ast.parse(text), text)


def test_a_flake8_run_on_a_flask_module_compiles_none_of_the_three_patterns() -> None:
    code = (
        "import sys; from flake8.main.cli import main\n"
        "try: main(['-j1', '--select=HTS', sys.argv[1]])\n"
        "except SystemExit: pass\n"
        "from flake8_http_status.analysis import namespace, telemetry\n"
        "patterns = (telemetry._NAMED, telemetry._RECORDING, namespace._WORDS)\n"
        "print(json.dumps([p._compiled is not None for p in patterns]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import json\n{code}", str(FIXTURE)],
        env={**os.environ, "HTTP_STATUS_NO_CACHE": "1"},
        capture_output=True,
        text=True,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert any("HTS001" in line for line in lines)  # the module was analysed
    assert json.loads(lines[-1]) == [False, False, False]
