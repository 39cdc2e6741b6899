"""`http-status check`: the same findings as flake8, its selection and noqa, exit statuses and output options."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import textwrap
from collections import defaultdict
from pathlib import Path

import pytest
from expectations import FIXTURES
from flake8.style_guide import Decision, DecisionEngine
from snapshots import FLAKE8_HEADING, ROOT, _at_root, options_of, relative, snapshot_path

from flake8_http_status.check.selection import Decisions
from flake8_http_status.cli import main
from flake8_http_status.rules.registry import OFF_BY_DEFAULT, RULES

HERE = Path(__file__).resolve().parent
VIEW = textwrap.dedent(
    """\
    from flask import Flask, abort

    app = Flask(__name__)


    @app.route("/a")
    def a():
        abort(404)
    """
)


def check(*argv: str, cwd: Path | None = None) -> tuple[int, str, str]:
    """`http-status check` run in this process: exit status, report, stderr."""
    command = [sys.executable, "-m", "flake8_http_status.cli", "check", *argv]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd)
    return done.returncode, done.stdout, done.stderr


def in_process(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(["check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def _snapshot_lines(fixture: Path) -> list[str]:
    """flake8's lines for the fixture, as its snapshot records them (tests/test_snapshots.py keeps them real)."""
    text = snapshot_path(fixture).read_text(encoding="utf-8")
    section = text.split(FLAKE8_HEADING, 1)[1].split("\n\n", 1)[0]
    lines = section.splitlines()[1:]
    return [] if lines == ["(nothing)"] else lines


def _as_check_options(options: tuple[str, ...]) -> list[str]:
    return [option.replace("--http-status-", "--", 1) for option in options]


# Agreement with flake8


def test_check_reports_what_flake8_reports_on_every_fixture(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    groups: dict[tuple[str, ...], list[Path]] = defaultdict(list)
    for snapshot in sorted(FIXTURES.rglob("*.py.snap")):
        fixture = snapshot.with_name(snapshot.name.removesuffix(".snap"))
        groups[options_of(fixture)].append(fixture)
    assert sum(map(len, groups.values())) > 100
    differ: list[tuple[str, list[str], list[str]]] = []
    for number, (options, fixtures) in enumerate(sorted(groups.items())):
        report = tmp_path / f"{number}.txt"
        argv = ["--isolated", "-j1", "--output-format=concise", "-o", str(report), *_as_check_options(options)]
        with _at_root():
            status, _, err = in_process([*argv, *map(relative, fixtures)], capsys)
        assert status in (0, 1), err
        got: dict[str, list[str]] = defaultdict(list)
        for line in report.read_text(encoding="utf-8").splitlines():
            got[line.split(":", 1)[0]].append(line)
        differ.extend(
            (relative(fixture), got[relative(fixture)], _snapshot_lines(fixture))
            for fixture in fixtures
            if got[relative(fixture)] != _snapshot_lines(fixture)
        )
    assert not differ


def _flake8_decides(**given: list[str] | None) -> dict[str, bool]:
    options = argparse.Namespace(
        select=given.get("select"),
        ignore=given.get("ignore"),
        extend_select=given.get("extend_select"),
        extend_ignore=given.get("extend_ignore"),
        extended_default_select=["C90", "E", "F", "W", "HTS"],
        extended_default_ignore=list(OFF_BY_DEFAULT),
    )
    engine = DecisionEngine(options)
    return {rule.code: engine.decision_for(rule.code) is Decision.Selected for rule in RULES}


SELECTIONS = [
    {},
    {"select": ["HTS"]},
    {"select": ["HTS0"]},
    {"select": ["HTS9"], "ignore": ["HTS91"]},
    {"ignore": ["HTS001"]},
    {"ignore": []},
    {"extend_select": ["HTS914", "HTS92"]},
    {"extend_ignore": ["HTS9"], "extend_select": ["HTS916"]},
    {"extend_ignore": ["HTS916"], "extend_select": ["HTS916"]},
    {"select": ["HTS", "HTS91"], "ignore": ["HTS9"]},
    {"select": ["HTS9"], "extend_ignore": ["HTS9"]},
    {"select": ["E"], "extend_select": ["HTS001"]},
]


@pytest.mark.parametrize("given", SELECTIONS, ids=str)
def test_selection_decides_as_flake8(given: dict[str, list[str]]) -> None:
    decisions = Decisions(
        select=tuple(given["select"]) if "select" in given else None,
        ignore=tuple(given["ignore"]) if "ignore" in given else None,
        extend_select=tuple(given.get("extend_select", ())),
        extend_ignore=tuple(given.get("extend_ignore", ())),
    )
    assert {rule.code: decisions(rule.code) for rule in RULES} == _flake8_decides(**given)


def test_per_file_ignores_are_explicit_ignores_as_in_flake8() -> None:
    decisions = Decisions(extend_select=("HTS914",)).ignoring(("HTS9",))
    flake8 = _flake8_decides(extend_select=["HTS914"], extend_ignore=["HTS9"])
    assert {rule.code: decisions(rule.code) for rule in RULES} == flake8
    # flake8 weighs "HTS914" in its default ignore list against the same code selected: ignoring wins the tie,
    # so a per-file "HTS9" hides the extended HTS914 too, while without it the file shows HTS914.
    assert not decisions("HTS914") and not decisions("HTS901") and decisions("HTS001")
    assert Decisions(extend_select=("HTS914",))("HTS914")


# Exit statuses and errors


def test_exit_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean.py"
    clean.write_text("from http import HTTPStatus\n", encoding="utf-8")
    found = tmp_path / "view.py"
    found.write_text(VIEW, encoding="utf-8")
    assert in_process(["--isolated", str(clean)], capsys)[0] == 0
    status, out, _ = in_process(["--isolated", str(found)], capsys)
    assert status == 1
    assert out.startswith(f"{found}:8:11: HTS001 use HTTPStatus.NOT_FOUND instead of 404")
    assert in_process(["--isolated", "--exit-zero", str(found)], capsys)[0] == 0
    status, _, err = in_process(["--isolated", "--select=E501", str(found)], capsys)
    assert status == 2
    assert err == "http-status check: error: --select: 'E501' is not a rule code or a prefix of one\n"
    assert in_process(["--isolated", str(tmp_path / "missing.py")], capsys)[0] == 2
    assert in_process(["--config", str(tmp_path / "nowhere.cfg"), str(found)], capsys)[0] == 2


def test_a_file_that_does_not_parse_is_an_error_line_and_the_others_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a_broken.py").write_text("from flask import abort\nabort(404\n", encoding="utf-8")
    (tmp_path / "b_latin.py").write_bytes(b"from flask import abort\nx = '\xe9'\nabort(404)\n")
    (tmp_path / "c_view.py").write_text(VIEW, encoding="utf-8")
    status, out, err = in_process(["--isolated", "-j1", "--exit-zero", str(tmp_path)], capsys)
    assert status == 2  # --exit-zero forgives findings, not files left unchecked
    errors = err.splitlines()
    assert errors[0].startswith(f"{tmp_path / 'a_broken.py'}:2:6: error: SyntaxError: ")
    assert errors[1].startswith(f"{tmp_path / 'b_latin.py'}:2:")
    assert "Traceback" not in err
    assert out.splitlines()[0].startswith(f"{tmp_path / 'c_view.py'}:8:11: HTS001")


def test_stdin_is_checked_under_its_stdin_filename(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Stdin:
        buffer = io.BytesIO(VIEW.encode())

    monkeypatch.setattr(sys, "stdin", Stdin)
    status, out, _ = in_process(["--isolated", "--stdin-filename=app/views.py", "--output-format=concise", "-"], capsys)
    assert (status, out) == (
        1,
        "app/views.py:8:11: HTS001 use HTTPStatus.NOT_FOUND instead of 404 (the resource does not exist)\n",
    )


# Output options


def test_output_file_holds_the_report_and_stdout_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "view.py").write_text(VIEW, encoding="utf-8")
    report = tmp_path / "report.json"
    status, out, _ = in_process(["--isolated", "--output-format=json", "-o", str(report), str(tmp_path)], capsys)
    assert (status, out) == (1, "")
    assert [item["code"] for item in json.loads(report.read_text(encoding="utf-8"))] == ["HTS001"]


def test_statistics_count_per_rule_most_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = VIEW + "\n\n@app.route('/b')\ndef b():\n    abort(418)\n    abort(402)\n    abort(410)\n"
    (tmp_path / "view.py").write_text(source, encoding="utf-8")
    status, out, _ = in_process(["--isolated", "--statistics", str(tmp_path)], capsys)
    assert status == 1
    assert (
        out
        == "2  HTS001  [*]  magic-status-code\n1  HTS602       unregistered-status\n1  HTS605       status-unsupported-by-api\n"
    )
    status, out, _ = in_process(["--isolated", "--statistics", "--output-format=json", str(tmp_path)], capsys)
    assert json.loads(out)[0] == {"code": "HTS001", "name": "magic-status-code", "count": 2, "fixable": True}


def test_show_fixes_marks_fixable_findings_in_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "view.py").write_text(VIEW, encoding="utf-8")
    _, out, _ = in_process(["--isolated", "--show-fixes", str(tmp_path)], capsys)
    first, summary = out.splitlines()
    assert first.endswith(" [*]")
    assert summary == "Found 1 finding in 1 file. [*] 1 fixable with `http-status fix`; 0 more with `--unsafe-fixes`."
    _, out, _ = in_process(["--isolated", "--show-fixes", "--output-format=concise", str(tmp_path)], capsys)
    assert out.count("\n") == 1 and "[*]" not in out


def test_check_does_not_import_libcst(tmp_path: Path) -> None:
    (tmp_path / "view.py").write_text(VIEW, encoding="utf-8")
    script = (
        "import sys\nfrom flake8_http_status.cli import main\n"
        f"status = main(['check', '--isolated', '-j1', '--output-format=json', {str(tmp_path)!r}])\n"
        "assert 'libcst' not in sys.modules and 'flake8' not in sys.modules, sorted(sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# Against real flake8, in subprocesses


def _flake8(*argv: str, cwd: Path) -> list[str]:
    command = [
        sys.executable,
        str(HERE / "flake8_only_this_plugin.py"),
        "--format=%(path)s:%(row)d:%(col)d: %(code)s %(text)s",
    ]
    done = subprocess.run([*command, *argv], capture_output=True, text=True, check=False, cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return sorted(done.stdout.splitlines())


def _checked(*argv: str, cwd: Path) -> list[str]:
    status, out, err = check("--output-format=concise", *argv, cwd=cwd)
    assert status in (0, 1), err
    # flake8 names a file found under `.` as `./name`; check, like ruff and `http-status fix`, as `name`.
    return sorted(f"./{line}" if argv[-1] == "." else line for line in out.splitlines())


@pytest.mark.slow
@pytest.mark.parametrize(
    "options",
    [
        ("--isolated", "--select=HTS"),
        ("--isolated",),
        ("--isolated", "--extend-select=HTS914,HTS916,HTS923"),
        ("--isolated", "--select=HTS9", "--extend-ignore=HTS903"),
    ],
    ids=" ".join,
)
def test_check_agrees_with_flake8_on_the_fixture_tree(options: tuple[str, ...]) -> None:
    target = ("--http-status-target-python=3.10",)
    flake8 = _flake8(*options, *target, "fixtures", cwd=ROOT)
    assert len(flake8) > 200
    assert _checked(*options, *_as_check_options(target), "fixtures", cwd=ROOT) == flake8


@pytest.mark.slow
def test_check_agrees_with_flake8_on_configuration_and_noqa(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text(
        "[flake8]\nextend-select = HTS914\nper-file-ignores =\n    tests/*:HTS001\n    views.py:HTS9\n",
        encoding="utf-8",
    )
    for name in ("views.py", "other.py", "tests/test_views.py", "quiet.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(VIEW, encoding="utf-8")
    noqa = VIEW.replace(
        "abort(404)", "abort(404)  # noqa: HTS001\n    abort(410)  # noqa\n    abort(403)  # noqa: E501"
    )
    (tmp_path / "noqa.py").write_text(noqa, encoding="utf-8")
    (tmp_path / "quiet.py").write_text("# flake8: noqa\n" + VIEW, encoding="utf-8")
    (tmp_path / "crlf.py").write_bytes(
        VIEW.replace("abort(404)", 'x = """a\nb"""; abort(404)').encode().replace(b"\n", b"\r\n")
    )
    (tmp_path / "bom.py").write_bytes(b"\xef\xbb\xbf" + VIEW.encode())
    (tmp_path / "latin.py").write_bytes(
        b"# -*- coding: latin-1 -*-\n" + VIEW.replace("abort(", "x = '\xe9'; abort(").encode("latin-1")
    )
    flake8 = _flake8(".", cwd=tmp_path)
    assert any("tests/test_views.py" not in line and "HTS001" in line for line in flake8)
    assert _checked(".", cwd=tmp_path) == flake8
    assert _checked("--disable-noqa", ".", cwd=tmp_path) == _flake8("--disable-noqa", ".", cwd=tmp_path)
    # An `ignore` key, whatever it names, drops flake8's default ignores: the rules off by default show.
    (tmp_path / "setup.cfg").write_text("[flake8]\nignore = E501\n", encoding="utf-8")
    assert _checked(".", cwd=tmp_path) == _flake8(".", cwd=tmp_path)
