"""`http-status explain`: rule pages, catalogue entries, the rule list, errors, languages and terminal output."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_http_status.cli import main
from flake8_http_status.doc_links import rule_url, status_url
from flake8_http_status.docs.labels import LABELS
from flake8_http_status.docs.rule_page import rule_page
from flake8_http_status.docs.status_page import status_entry
from flake8_http_status.rules.registry import RULES
from flake8_http_status.terminal import Style, render, style_for, visible_width

ANSI = re.compile(r"\x1b\[")


def explain(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["explain", *args])
    out, err = capsys.readouterr()
    return code, out, err


def online(page: str, url: str, lang: str = "en") -> str:
    """`page` as explain prints it: followed by the address of the same page on the site."""
    return f"{page}\n{LABELS[lang].online}: {url}\n"


@pytest.fixture(autouse=True)
def no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run each test where no flake8 config applies, unless the test writes one."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_explain_rule_prints_its_page(capsys: pytest.CaptureFixture[str], rule: object) -> None:
    code, out, err = explain(capsys, rule.code)  # type: ignore[attr-defined]
    assert (code, err) == (0, "")
    page = rule_page(rule, "en")  # type: ignore[arg-type]
    assert out == online(page, rule_url(rule.code))  # type: ignore[attr-defined]  # piped: the Markdown, unstyled


def test_explain_accepts_slugs_lower_case_and_several_targets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = explain(capsys, "hts001", "magic-status-comparison", "404")
    assert code == 0
    assert "# HTS001: magic-status-code" in out and "# HTS002: magic-status-comparison" in out
    assert "# 404 Not Found" in out


def test_explain_code_prints_its_catalogue_entry(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = explain(capsys, "401")
    assert code == 0 and out == online(status_entry(401, "en"), status_url(401))
    assert "403 Forbidden" in out and "WWW-Authenticate" in out and "RFC 9110 §15.5.2" in out
    assert "HTTPStatus.UNAUTHORIZED" in out and "status.HTTP_401_UNAUTHORIZED" in out


def test_explain_constant_name(capsys: pytest.CaptureFixture[str]) -> None:
    assert explain(capsys, "HTTP_422_UNPROCESSABLE_ENTITY")[1] == online(status_entry(422, "en"), status_url(422))
    assert explain(capsys, "HTTPStatus.CONFLICT")[1] == online(status_entry(409, "en"), status_url(409))


def test_explain_in_korean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = explain(capsys, "401", "--lang", "ko")
    assert code == 0 and out.startswith("# 401 Unauthorized (인증되지 않음)")
    assert out.endswith(f"온라인 문서: {status_url(401, 'ko')}\n") and "/ko/status/401/" in out
    korean = explain(capsys, "HTS001", "--lang", "ko")[1]
    assert korean == online(rule_page(RULES[0], "ko"), rule_url("HTS001", "ko"), "ko")
    assert korean.endswith("/ko/rules/HTS001/\n")


def test_each_page_ends_with_its_own_address(capsys: pytest.CaptureFixture[str]) -> None:
    out = explain(capsys, "HTS002", "404")[1]
    addresses = [line for line in out.splitlines() if line.startswith("Online: ")]
    assert addresses == [f"Online: {rule_url('HTS002')}", f"Online: {status_url(404)}"]


def test_explain_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = explain(capsys, "--list")
    lines = out.splitlines()
    assert code == 0 and lines[0].split()[:4] == ["Code", "Slug", "Default", "Fix"]
    assert len(lines) == len(RULES) + 1
    for rule, line in zip(RULES, lines[1:], strict=True):
        fields = line.split()
        assert fields[:4] == [rule.code, rule.slug, "on" if rule.default else "off", rule.fix.value]
    korean = explain(capsys, "--list", "--lang", "ko")[1]
    assert korean.splitlines()[0].split()[:2] == ["코드", "슬러그"] and "켜짐" in korean


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("HTS999", "unknown rule or status code 'HTS999'"),
        ("teapot-status", "unknown rule or status code 'teapot-status'"),
        ("499", "499 is not a registered HTTP status code; clients treat it as 400 Bad Request"),
        ("9999", "9999 is not an HTTP status code"),
    ],
)
def test_unknown_target_is_a_one_line_error(capsys: pytest.CaptureFixture[str], target: str, expected: str) -> None:
    code, out, err = explain(capsys, "HTS001", target)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("http-status explain: ") and expected in err


def test_nothing_to_explain_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = explain(capsys)
    assert code == 2 and out == "" and "--list" in err


def test_language_comes_from_the_flake8_config(capsys: pytest.CaptureFixture[str], no_config: Path) -> None:
    (no_config / "tox.ini").write_text("[tox]\n\n[flake8]\nhttp_status_lang = ko\n", encoding="utf-8")
    nested = no_config / "src" / "app"
    nested.mkdir(parents=True)
    os.chdir(nested)  # flake8 finds the config in a parent folder too
    assert explain(capsys, "404")[1].startswith("# 404 Not Found (찾을 수 없음)")
    assert explain(capsys, "404", "--lang", "en")[1].startswith("# 404 Not Found\n")


def test_language_comes_from_the_pyproject_table(capsys: pytest.CaptureFixture[str], no_config: Path) -> None:
    (no_config / "pyproject.toml").write_text('[tool.http-status]\nlang = "ko"\n', encoding="utf-8")
    assert explain(capsys, "404")[1].startswith("# 404 Not Found (찾을 수 없음)")
    (no_config / "setup.cfg").write_text("[flake8]\nhttp-status-lang = en\n", encoding="utf-8")
    assert explain(capsys, "404")[1].startswith("# 404 Not Found\n")  # the flake8 file wins


def test_a_bad_language_in_the_config_is_a_one_line_error(capsys: pytest.CaptureFixture[str], no_config: Path) -> None:
    (no_config / "setup.cfg").write_text("[flake8]\nhttp-status-lang = klingon\n", encoding="utf-8")
    code, out, err = explain(capsys, "404")
    assert code == 2 and out == "" and "http-status-lang must be one of en, ko" in err


def test_config_without_a_flake8_section_is_skipped(capsys: pytest.CaptureFixture[str], no_config: Path) -> None:
    (no_config / "setup.cfg").write_text("[metadata]\nname = x\n", encoding="utf-8")
    (no_config / ".flake8").write_text("[flake8]\nhttp-status-lang = ko\n", encoding="utf-8")
    assert "찾을 수 없음" in explain(capsys, "404")[1]


def test_color_always_styles_headings_and_code(capsys: pytest.CaptureFixture[str]) -> None:
    out = explain(capsys, "HTS001", "--color", "always")[1]
    assert ANSI.search(out)
    assert not re.search(r"^#", out, flags=re.MULTILINE)  # headings styled, not marked up
    assert "```" not in out and "    abort(404)" in out  # code blocks indented


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_style_follows_the_terminal_and_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    assert style_for(io.StringIO()) is None
    assert style_for(FakeTerminal()) is not None
    assert style_for(FakeTerminal(), "never") is None
    monkeypatch.setenv("NO_COLOR", "1")
    assert style_for(FakeTerminal()) is None
    assert style_for(io.StringIO(), "always") is not None


def test_wrapping_counts_hangul_as_two_columns() -> None:
    page = status_entry(401, "ko")
    for line in render(page, Style(color=True, width=60)).splitlines():
        if not line.startswith("    ") and "  " not in line.strip():  # prose, not code or table rows
            assert visible_width(line) <= 60, line


def test_explain_does_not_load_libcst_and_survives_a_closed_pipe() -> None:
    script = (
        "import sys\n"
        "from flake8_http_status.cli import main\n"
        "code = main(['explain', 'HTS001', '404'])\n"
        "sys.stderr.write(repr((code, 'libcst' in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.stderr == "(0, False)"
    head = subprocess.run(
        f"{sys.executable} -m flake8_http_status.cli explain --list | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert head.stdout.startswith("Code") and head.stderr == ""
