"""`# noqa` means to the fixer exactly what it means to flake8: checked against flake8 itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fixing import outcome

from flake8_http_status.cli import main
from flake8_http_status.fixer.noqa import NoqaLines, skips_file
from flake8_http_status.fixer.source import split_lines

SOURCE = '''from flask import abort


def show():
    abort(400)  # noqa
    abort(401)  # NOQA
    abort(402)  # noqa:HTS001
    abort(403)  # noqa: HTS
    abort(404)  # noqa: hts001
    abort(405)  # noqa: E501,W291
    abort(406)  #noqa
    abort(407)  # noqa : HTS001
    abort(408); x = "# noqa"
    abort(
        409,
    )  # noqa
    abort(410,
          "text")  # noqa
    abort(411 if x else 411,)  # noqa: HTS001, E501
    y = """
    """; abort(412)  # noqa
    z = """
    # noqa"""; abort(413)
    abort(414) \\
        # noqa
    abort(415); abort(416)  # noqa: HTS001 E501
'''


def flake8_lines(path: Path) -> set[int]:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=HTS001", "--format=%(row)d", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return {int(line) for line in result.stdout.split()}


def fixed_lines(source: str) -> set[int]:
    fixed = outcome(source).text.splitlines()
    original = source.splitlines()
    offset = len(fixed) - len(original)  # the added import lines
    return {number for number, line in enumerate(original, 1) if fixed[number - 1 + offset] != line}


def test_the_fixer_changes_exactly_the_lines_flake8_reports(tmp_path: Path) -> None:
    path = tmp_path / "views.py"
    path.write_text(SOURCE)
    reported = flake8_lines(path)
    assert reported, "flake8 did not load the plugin"
    assert fixed_lines(SOURCE) == reported


def test_a_bare_noqa_covers_every_code_and_a_listed_one_covers_prefixes() -> None:
    lines = split_lines("a  # noqa\nb  # noqa: HTS0, E501\nc  # noqa: E501\nd\n")
    noqa = NoqaLines("".join(lines), lines)
    assert noqa.silences(1, "HTS001") and noqa.silences(2, "HTS004") and noqa.silences(2, "E501")
    assert not noqa.silences(2, "HTS604") and not noqa.silences(3, "HTS001") and not noqa.silences(4, "HTS001")


def test_flake8_noqa_on_its_own_line_skips_the_file() -> None:
    assert skips_file("import os\n# flake8: noqa\n")
    assert skips_file("  # FLAKE8= NOQA\n")
    assert not skips_file("#  flake8: noqa\n")  # flake8 wants exactly one space
    assert not skips_file("x = 1  # flake8: noqa\n")
    assert skips_file("x = 1\r# flake8: noqa\n")  # a lone \\r ends a line too


@pytest.mark.parametrize("head", ["# flake8:\nnoqa = 1\n", "# flake8=\n\nnoqa = 1\n", "# flake8: noqa\n"])
def test_flake8_noqa_is_read_line_by_line_as_flake8_does(head: str, tmp_path: Path) -> None:
    source = head + VIEWS
    path = tmp_path / "views.py"
    path.write_text(source)
    assert skips_file(source) == (not flake8_lines(path))


def test_disable_noqa_fixes_a_file_marked_flake8_noqa_as_flake8_then_reports_it() -> None:
    source = "# flake8: noqa\n" + VIEWS
    assert outcome(source).skipped and not outcome(source).changed
    assert outcome(source, disable_noqa=True).changed


VIEWS = "from flask import abort\n\n\ndef show(response):\n    assert response.status_code == 200\n    abort(404)\n"
CONFIGS = {
    "extend-ignore": "[flake8]\nextend-ignore = HTS002\n",
    "longer-select-wins": "[flake8]\nextend-ignore = HTS00\nextend-select = HTS001\n",
    "select": "[flake8]\nselect = HTS002\n",
    "per-file-longest-pattern": "[flake8]\nper-file-ignores =\n    views.py:HTS001\n    *.py:HTS002\n",
}


def changed_lines(before: str, after: str) -> set[int]:
    old, new = before.splitlines(), after.splitlines()
    offset = len(new) - len(old)
    return {number for number, line in enumerate(old, 1) if new[number - 1 + offset] != line}


@pytest.mark.parametrize("config", CONFIGS, ids=list(CONFIGS))
def test_flake8_selection_settings_mean_the_same_to_the_fixer(
    config: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "setup.cfg").write_text(CONFIGS[config])
    for name in ("views.py", "other.py"):
        (tmp_path / name).write_text(VIEWS)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--format=%(path)s:%(row)d:%(code)s", "views.py", "other.py"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    reported = {
        (path.removeprefix("./"), int(row))
        for path, row, code in (line.split(":") for line in result.stdout.split())
        if code.startswith("HTS")
    }
    assert main(["fix", "-q", "views.py", "other.py"]) in (0, 1)
    fixed = {
        (name, line)
        for name in ("views.py", "other.py")
        for line in changed_lines(VIEWS, (tmp_path / name).read_text())
    }
    assert fixed == reported


# Each line reports HTS001 and HTS603. A code list covers codes by prefix, compared as written;
# `#noqa`, `#  noqa` and `# noqa: hts001` silence nothing, while a list flake8 cannot read
# (`# noqa: HTS`, `# noqa : HTS001`, `# noqa:  HTS001`) makes the comment a bare `# noqa`.
COMMENTS = (
    "# noqa",
    "#noqa",
    "#  noqa",
    "# noqa: HTS001",
    "# noqa:HTS001",
    "# NOQA: HTS001",
    "# noqa: hts001",
    "# noqa: hello",
    "# noqa : HTS001",
    "# noqa:  HTS001",
    "# noqa: HTS",
    "# noqa: HTS0",
    "# noqa: HTS6",
    "# noqa: X1",
    "# noqa: HTS001 trailing words",
    "# noqa: E501,HTS603",
    "# noqa:HTS001,,HTS603",
    "# see: # noqa: HTS603",
    "# noqa: HTS001HTS603",
    "# noqa: HTS603x",
    "# noqa:E1 HTS603",
    "# Noqa: Hts603",
    "# noqa:\tHTS603",
    "# noqa;HTS603",
    "# noqa:HTS 603",
)


def test_the_noqa_parser_silences_exactly_the_codes_flake8_silences(tmp_path: Path) -> None:
    # 100 is an interim status (HTS603) that HTS001 still names: HTS605 would silence HTS001 (`rules.one_answer`).
    source = "from flask import Response\n\n\ndef show():\n" + "".join(
        f"    Response(status=100)  {comment}\n" for comment in COMMENTS
    )
    path = tmp_path / "views.py"
    path.write_text(source)
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=HTS", "--format=%(row)d %(code)s", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    reported = {(int(row), code) for row, code in (line.split() for line in result.stdout.splitlines())}
    lines = split_lines(source)
    noqa = NoqaLines(source, lines)
    found = {(line, code) for line in range(5, 5 + len(COMMENTS)) for code in ("HTS001", "HTS603")}
    assert {(line, code) for line, code in reported if code in ("HTS001", "HTS603")} <= found, "the lines moved"
    assert {(line, code) for line, code in found if not noqa.silences(line, code)} == reported
