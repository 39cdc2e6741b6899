"""Project constants (`http-status-extra-codes = 599=myapp.http:NETWORK_TIMEOUT`) fix as the README says
(issue 11, item 4): the verifier reads the project's name back as the code the user declared for it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flake8_http_status.cli import main
from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer.errors import FixError
from flake8_http_status.fixer.pipeline import FixOptions, fix_text
from flake8_http_status.fixer.selection import Selection
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent
from flake8_http_status.options import ExtraCode, settings_from_args

# A response, not `abort(599)`: Flask's abort refuses 599 (HTS605), and then HTS001 names nothing.
SOURCE = """\
from flask import Response, abort


def timeout():
    return Response("upstream timed out", status=599)


def missing():
    abort(404)
"""
FIXED = """\
from http import HTTPStatus

from flask import Response, abort
from myapp.http import NETWORK_TIMEOUT


def timeout():
    return Response("upstream timed out", status=NETWORK_TIMEOUT)


def missing():
    abort(HTTPStatus.NOT_FOUND)
"""
CODES = "499=CLIENT_CLOSED_REQUEST, 599=myapp.http:NETWORK_TIMEOUT"


def fix_project(tmp_path: Path, flags: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = tmp_path / "views.py"
    status = main(["fix", *flags, str(path)])
    err = capsys.readouterr().err
    return status, err


def test_a_flake8_config_fixes_to_the_project_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "setup.cfg").write_text(f"[flake8]\nhttp-status-extra-codes = {CODES}\n")
    (tmp_path / "views.py").write_text(SOURCE)
    monkeypatch.chdir(tmp_path)
    status, err = fix_project(tmp_path, [], capsys)
    assert (status, (tmp_path / "views.py").read_text()) == (0, FIXED), err
    assert "2 HTS001" in err and "refused" not in err and "error" not in err
    status, err = fix_project(tmp_path, ["--check"], capsys)  # a second run changes nothing
    assert status == 0, err


def test_the_extra_codes_flag_fixes_to_the_project_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "views.py").write_text(SOURCE)
    status, err = fix_project(tmp_path, ["--isolated", "--extra-codes", CODES], capsys)
    assert (status, (tmp_path / "views.py").read_text()) == (0, FIXED), err


def test_a_name_without_a_module_is_only_suggested(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "views.py").write_text(SOURCE)
    status, _ = fix_project(tmp_path, ["--isolated", "--extra-codes", "599=NETWORK_TIMEOUT"], capsys)
    assert status == 0
    assert (tmp_path / "views.py").read_text() == FIXED.replace("NETWORK_TIMEOUT", "599").replace(
        "from myapp.http import 599\n", ""
    )


def verify(original: str, rewritten: str, text: str, constants: dict[str, int]) -> None:
    line = next(number for number, content in enumerate(original.splitlines(), 1) if "abort(" in content)
    column = original.splitlines()[line - 1].index("(") + 1
    edit = Edit(Position(line, column), Position(line, column + 3), text)
    fix = Fix((edit,), FixSafety.SAFE, (NewImport("myapp.http", text),))
    findings = [Finding("HTS001", "project", edit.start, edit.end, fix)]
    # The configuration that declares the names also says the project has `myapp.http` to import.
    declared = ",".join(
        f"{code}={name.rpartition('.')[0]}:{name.rpartition('.')[2]}" for name, code in constants.items()
    )
    settings = settings_from_args([f"--http-status-extra-codes={declared}"] if declared else [])
    check_equivalent(
        original,
        split_lines(original),
        ast.parse(original),
        rewritten,
        findings,
        project_constants=constants,
        settings=settings,
    )


def test_the_verifier_reads_a_project_name_as_its_declared_code_only() -> None:
    original = "from flask import abort\n\nabort(599)\n"
    rewritten = "from flask import abort\nfrom myapp.http import NETWORK_TIMEOUT\n\nabort(NETWORK_TIMEOUT)\n"
    verify(original, rewritten, "NETWORK_TIMEOUT", {"myapp.http.NETWORK_TIMEOUT": 599})
    with pytest.raises(FixError, match="change more than the fixes say"):  # declared as another code
        verify(original, rewritten, "NETWORK_TIMEOUT", {"myapp.http.NETWORK_TIMEOUT": 499})
    # Not declared at all: nothing says the project has `myapp.http` either, so the import is refused first.
    with pytest.raises(FixError, match=r"would import `myapp\.http`"):
        verify(original, rewritten, "NETWORK_TIMEOUT", {})
    other = rewritten.replace("from myapp.http", "from otherapp.http")  # the same name from elsewhere
    with pytest.raises(FixError):
        verify(original, other, "NETWORK_TIMEOUT", {"myapp.http.NETWORK_TIMEOUT": 599})


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        ("499=myapp.http:None", "'None' in '499=myapp.http:None' is a Python keyword"),
        ("499=__debug__", "'__debug__' in '499=__debug__' is reserved: Python never binds __debug__"),
        ("499=A,499=B", "499 is given twice"),
    ],
)
def test_a_bad_extra_code_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], codes: str, message: str
) -> None:
    (tmp_path / "views.py").write_text(SOURCE)
    status, err = fix_project(tmp_path, ["--isolated", f"--extra-codes={codes}"], capsys)
    assert (status, err) == (2, f"http-status fix: error: http-status-extra-codes: {message}\n")
    assert (tmp_path / "views.py").read_text() == SOURCE


def test_the_verifier_compiles_the_rewrite() -> None:
    # `from myapp import __debug__` parses but does not compile. The option refuses the name now; the
    # verifier must refuse it on its own too, so that a later bug elsewhere cannot write such a module.
    settings = settings_from_args(["--http-status-target-python=3.10"])
    settings = settings.replace(extra_codes={599: ExtraCode(599, "__debug__", "myapp")})
    result = fix_text(SOURCE, "views.py", FixOptions(settings, Selection()))
    assert "__debug__" not in result.text and "status=599" in result.text
    assert "abort(HTTPStatus.NOT_FOUND)" in result.text  # the file's other fix is kept
    assert [(fix.line, fix.reason) for fix in result.refused] == [
        (7, "the rewritten module does not compile (cannot assign to __debug__)")  # a line of the fixed text
    ]


def test_a_module_that_never_compiled_is_still_fixed() -> None:
    # The compiler's objection is the module's own (a duplicate argument): the rewrite adds none of its own.
    source = "from flask import abort\n\n\ndef view(x, x=1):\n    abort(404)\n"
    result = fix_text(
        source, "views.py", FixOptions(settings_from_args(["--http-status-target-python=3.10"]), Selection())
    )
    assert "abort(HTTPStatus.NOT_FOUND)" in result.text and not result.refused
