"""One answer per literal: a status that another rule says cannot work, or should be another status, is not
also told to become the named constant of its current value (HTS001). Checked through flake8 and the fixer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fixing import fix

from flake8_http_status.findings import Finding, FixSafety, Position
from flake8_http_status.rules.one_answer import advises_another_status, one_answer_per_literal
from flake8_http_status.rules.registry import RULES

APP = "from flask import Flask, abort, redirect\n\napp = Flask(__name__)\n\n"
PERMANENT = APP + '\n@app.post("/a")\ndef a():\n    return redirect("/", 301)\n'
FOUND = APP + '\n@app.post("/a")\ndef a():\n    return redirect("/", 302)\n'
REJECTED = APP + '\n@app.get("/c")\ndef c():\n    abort(402)\n'
SAME_STATUS = APP + '\n@app.get("/e")\ndef e():\n    return "", 405\n'


def flake8(source: str, tmp_path: Path, *args: str) -> list[str]:
    """The plugin's findings as `code message`, with flake8's own selection (`args`)."""
    (tmp_path / "app.py").write_text(source)
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--format=%(code)s %(text)s", *args, "app.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith("HTS")]


def codes(lines: list[str]) -> list[str]:
    return [line.split(" ", 1)[0] for line in lines]


def test_a_status_the_api_rejects_is_not_also_named(tmp_path: Path) -> None:
    assert codes(flake8(REJECTED, tmp_path, "--select=HTS")) == ["HTS605"]


def test_a_permanent_redirect_after_post_gets_only_the_advice_to_change_it(tmp_path: Path) -> None:
    (line,) = flake8(PERMANENT, tmp_path, "--select=HTS")
    assert line.startswith("HTS908 ") and "HTTPStatus.SEE_OTHER" in line
    assert "MOVED_PERMANENTLY" not in line


def test_a_found_after_post_gets_one_answer_with_the_off_rule_selected(tmp_path: Path) -> None:
    (line,) = flake8(FOUND, tmp_path, "--extend-select=HTS923")
    assert line.startswith("HTS923 ") and "HTTPStatus.SEE_OTHER" in line


def test_a_found_after_post_is_still_named_while_the_off_rule_is_off(tmp_path: Path) -> None:
    # HTS923 is off by default: dropping HTS001 for a finding nobody sees would leave the literal unreported.
    (line,) = flake8(FOUND, tmp_path)
    assert line.startswith("HTS001 ") and "HTTPStatus.FOUND" in line


def test_an_ignored_rule_does_not_silence_hts001(tmp_path: Path) -> None:
    assert codes(flake8(REJECTED, tmp_path, "--select=HTS", "--extend-ignore=HTS605")) == ["HTS001"]


def test_advice_that_keeps_the_status_leaves_hts001_alone(tmp_path: Path) -> None:
    # HTS907 wants an Allow header on the 405, not another status: the literal still gets its name.
    assert sorted(codes(flake8(SAME_STATUS, tmp_path, "--select=HTS"))) == ["HTS001", "HTS907"]


def test_the_fixer_does_not_name_a_status_another_rule_says_to_change() -> None:
    assert fix(PERMANENT) == PERMANENT  # HTS908's fix is unsafe: held back, and no safe FOUND fix instead
    assert 'redirect("/", HTTPStatus.SEE_OTHER)' in fix(PERMANENT, unsafe=True)


def test_the_fixer_names_the_status_when_the_rule_that_would_change_it_is_off() -> None:
    assert 'redirect("/", HTTPStatus.FOUND)' in fix(FOUND)
    assert fix(FOUND, "--extend-select=HTS923") == FOUND
    assert 'redirect("/", HTTPStatus.SEE_OTHER)' in fix(FOUND, "--extend-select=HTS923", unsafe=True)


def test_every_status_changing_rule_silences_hts001() -> None:
    # Each unsafe HTS9xx fix changes the status ("unsafe -> 303"): a new one is covered without a list to update.
    for rule in RULES:
        if rule.code.startswith("HTS9") and rule.fix is FixSafety.UNSAFE:
            assert advises_another_status(rule.code), rule.code
    assert not advises_another_status("HTS907")  # wants an Allow header, not another status
    assert not advises_another_status("HTS604")  # moves the status to its keyword, keeps it


def test_the_rules_without_a_fix_that_name_another_status_say_so_in_their_message() -> None:
    for rule in RULES:
        if advises_another_status(rule.code) and rule.fix is FixSafety.NONE:
            assert "better" in rule.placeholders, rule.code


def test_only_shown_findings_take_the_answer() -> None:
    named = Finding("HTS001", "use FOUND", Position(1, 0), Position(1, 3))
    changed = Finding("HTS923", "use SEE_OTHER", Position(1, 0), Position(1, 3))
    elsewhere = Finding("HTS923", "use SEE_OTHER", Position(2, 0), Position(2, 3))
    assert one_answer_per_literal([named, changed], lambda code: True) == [changed]
    assert one_answer_per_literal([named, changed]) == [named, changed]  # HTS923 is off by default
    assert one_answer_per_literal([named, elsewhere], lambda code: True) == [named, elsewhere]


def test_a_noqa_for_the_other_rule_leaves_the_literal_its_name(tmp_path: Path) -> None:
    # `# noqa: HTS908` hides the advice to change the status; the literal still gets HTS001's constant.
    source = PERMANENT.replace('redirect("/", 301)', 'redirect("/", 301)  # noqa: HTS908')
    (line,) = flake8(source, tmp_path, "--select=HTS")
    assert line.startswith("HTS001 ") and "MOVED_PERMANENTLY" in line


def test_a_noqa_for_the_other_rule_leaves_the_fixer_its_safe_fix(tmp_path: Path) -> None:
    source = PERMANENT.replace('redirect("/", 301)', 'redirect("/", 301)  # noqa: HTS908')
    assert "HTTPStatus.MOVED_PERMANENTLY" in fix(source)
