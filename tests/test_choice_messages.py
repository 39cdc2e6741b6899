"""HTS9xx messages are one short line, in every language: the detail is in `http-status explain`.

Every HTS9xx finding on every fixture (the single-file apps and the fixture projects) is formatted with the
values the checkers really pass, so long placeholders (constants, phrases naming a cause) count too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

import pytest
from expectations import FIXTURES, fixture_files, read, split_options

from flake8_http_status.engine import analyse
from flake8_http_status.i18n.ko import messages as ko_messages
from flake8_http_status.options import settings_from_args
from flake8_http_status.rules.registry import RULES

# Characters, not display columns: a Korean syllable counts as one, like a Latin letter.
MAX_LENGTH = 100


def choice_messages(lang: str) -> Iterator[tuple[str, str]]:
    """(where, text) of every HTS9xx finding on the fixtures, as flake8 prints it after the position."""
    for path in fixture_files():
        options, _ = split_options(read(path).options)
        settings = settings_from_args([*options, f"--http-status-lang={lang}"])
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines(keepends=True)
        for finding in analyse(ast.parse(source), lines, str(path), settings):
            if finding.code.startswith("HTS9"):
                yield f"{path.relative_to(FIXTURES)}:{finding.start.line}", finding.text


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_choice_message_is_one_short_line(lang: str) -> None:
    messages = list(choice_messages(lang))
    assert len({text.split()[0] for _, text in messages}) >= 15  # nearly every HTS9xx rule fires on a fixture
    too_long = [
        f"{where}: {len(text)}: {text}"
        for where, text in messages
        if len(text) > MAX_LENGTH or "\n" in text or "http-status explain" in text
    ]
    assert not too_long, "\n".join(too_long)


def test_no_choice_template_points_to_explain() -> None:
    """The convention for every HTS9xx rule, also those no fixture triggers: no `(see http-status explain ...)`."""
    templates = [
        (rule.code, text)
        for rule in RULES
        if rule.code.startswith("HTS9")
        for text in (rule.message, ko_messages.MESSAGES[rule.code])
    ]
    assert len(templates) >= 30
    assert [code for code, text in templates if "http-status explain" in text or "\n" in text] == []
