"""A refused fix never drops the other fixes of its file (issue 11, item 4).

The verifier's checks refuse with `FixError(FixFailure.UNVERIFIED, reason, line)`, the line of what they
object to, counted in the original module or in the rewritten one. Here a stand-in check refuses one
constant wherever it is written, with either kind of line, the way the verifier's checks do; the real
verifier and the real rewrite are exercised too, by making the rewrite put one fix in the wrong place.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from fixing import options, outcome

from flake8_http_status.cli import main
from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer import pipeline, transform
from flake8_http_status.fixer.errors import FixError, FixFailure, RefusedFix
from flake8_http_status.fixer.pipeline import fix_text
from flake8_http_status.fixer.selection import Chosen
from flake8_http_status.fixer.verify import check_equivalent

TWO_VIEWS = """\
from flask import abort


def show():
    abort(404)


def gone():
    abort(410)
    return "gone"
"""
REFUSED = "refusing HTTPStatus.GONE"


def refuse_written(name: str, *, lines: str = "rewritten") -> object:
    """A verifier check that refuses `HTTPStatus.<name>` wherever a rewrite writes it. It names the line
    of the written node (`lines="rewritten"`), of the original statement that holds it (`"original"`),
    of the function's last line (`"use"`: a check that objects to a use elsewhere in the function),
    or no line at all (`"none"`: a problem of the whole module)."""
    real = check_equivalent

    def check(
        original: str, code_lines: list[str], tree: ast.Module, rewritten: str, *rest: Any, **options: Any
    ) -> ast.Module:
        written = [
            node for node in ast.walk(ast.parse(rewritten)) if isinstance(node, ast.Attribute) and node.attr == name
        ]
        if written:
            gone = [s for s in tree.body if isinstance(s, ast.FunctionDef) and s.name == "gone"]
            line = {
                "rewritten": written[0].lineno,
                "original": gone[0].lineno if gone else None,
                "use": gone[0].end_lineno if gone else None,
                "none": None,
            }[lines]
            raise FixError(FixFailure.UNVERIFIED, REFUSED, line)
        return real(original, code_lines, tree, rewritten, *rest, **options)

    return check


@pytest.mark.parametrize("lines", ["rewritten", "original", "use"])
def test_a_refused_fix_keeps_the_files_other_fixes(monkeypatch: pytest.MonkeyPatch, lines: str) -> None:
    monkeypatch.setattr(pipeline, "check_equivalent", refuse_written("GONE", lines=lines))
    result = outcome(TWO_VIEWS)
    assert result.text == "from http import HTTPStatus\n\n" + TWO_VIEWS.replace("404", "HTTPStatus.NOT_FOUND")
    assert result.applied == {"HTS001": 1}
    # Its line in the text as fixed (two lines were added above it), with the check's one line.
    assert result.refused == (RefusedFix("HTS001", 11, 10, REFUSED, FixFailure.UNVERIFIED),)
    again = outcome(result.text)
    assert not again.changed and again.refused == result.refused


MANY_VIEWS = "from flask import abort\n" + "".join(
    f"\n\ndef view{number}():\n    abort({code})\n" for number, code in enumerate([404, 403, 410, 409, 500, 404, 401])
)


def count_attempts(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The pipeline's rewrite-and-verify attempts, one item each, as they are made."""
    calls: list[object] = []
    real = pipeline._attempt

    def counting(*args: Any) -> Any:
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(pipeline, "_attempt", counting)
    return calls


@pytest.mark.parametrize("source", [TWO_VIEWS, MANY_VIEWS])
def test_a_refusal_without_a_line_refuses_only_its_fix(monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    """The check names no line: bisection finds the one fix it is about, and the others are written."""
    monkeypatch.setattr(pipeline, "check_equivalent", refuse_written("GONE", lines="none"))
    result = outcome(source)
    found = len(ast.parse(source).body) - 1
    assert result.applied == {"HTS001": found - 1}
    assert "abort(410)" in result.text and "abort(HTTPStatus.NOT_FOUND)" in result.text
    assert [(fix.code, fix.reason, fix.cause) for fix in result.refused] == [("HTS001", REFUSED, FixFailure.UNVERIFIED)]
    assert result.text.splitlines()[result.refused[0].line - 1] == "    abort(410)"
    again = outcome(result.text)
    assert not again.changed and again.refused == result.refused


def test_a_refusal_at_a_line_without_fixes_is_pinned_on_its_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    """Line 1 (the imports) holds no fix: the refusal is pinned on the fix that causes it by bisection."""
    real = check_equivalent

    def check(original: str, code_lines: list[str], tree: ast.Module, rewritten: str, *rest: Any, **kw: Any) -> Any:
        if "GONE" in rewritten:
            raise FixError(FixFailure.UNVERIFIED, REFUSED, 1)
        return real(original, code_lines, tree, rewritten, *rest, **kw)

    monkeypatch.setattr(pipeline, "check_equivalent", check)
    result = outcome(MANY_VIEWS)
    assert result.applied == {"HTS001": 6} and "abort(410)" in result.text
    assert [fix.reason for fix in result.refused] == [REFUSED]


def test_a_check_that_refuses_everything_refuses_each_fix_and_writes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def check(*_: object, **__: object) -> ast.Module:
        raise FixError(FixFailure.UNVERIFIED, REFUSED)

    monkeypatch.setattr(pipeline, "check_equivalent", check)
    result = outcome(TWO_VIEWS)
    assert result.text == TWO_VIEWS and not result.changed
    assert [(fix.line, fix.reason) for fix in result.refused] == [(5, REFUSED), (9, REFUSED)]


def test_a_refusal_naming_its_fixes_drops_exactly_those(monkeypatch: pytest.MonkeyPatch) -> None:
    """A check that knows the fixes it is about names their edits, whatever line it gives."""
    real = check_equivalent

    def check(original: str, code_lines: list[str], tree: ast.Module, rewritten: str, *rest: Any, **kw: Any) -> Any:
        applied: list[Finding] = rest[0]
        gone = frozenset(e for f in applied if f.fix is not None for e in f.fix.edits if "GONE" in e.text)
        if gone:
            raise FixError(FixFailure.UNVERIFIED, REFUSED, 1, edits=gone)
        return real(original, code_lines, tree, rewritten, *rest, **kw)

    monkeypatch.setattr(pipeline, "check_equivalent", check)
    calls = count_attempts(monkeypatch)
    result = outcome(MANY_VIEWS)
    assert result.applied == {"HTS001": 6} and [fix.reason for fix in result.refused] == [REFUSED]
    assert len(calls) == 2  # refused, then accepted without it: no search


def test_refusals_past_the_probe_budget_refuse_the_untried_fixes_and_keep_the_verified(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every other fix is refused without a line: after MAX_PROBES attempts the fixes not yet verified are
    refused as untried; the file keeps those already verified, and the run ends."""
    source = "from flask import abort\n" + "".join(
        f"\n\ndef view{n}():\n    abort({410 if n % 2 else 404})\n" for n in range(80)
    )
    monkeypatch.setattr(pipeline, "check_equivalent", refuse_written("GONE", lines="none"))
    calls = count_attempts(monkeypatch)
    result = outcome(source)
    assert len(calls) <= pipeline.MAX_PROBES + 3
    reasons = {fix.reason for fix in result.refused}
    assert REFUSED in reasons and any("used up" in reason for reason in reasons)
    assert result.applied["HTS001"] + len(result.refused) == 80
    assert result.applied["HTS001"] > 0 and "abort(HTTPStatus.GONE)" not in result.text


def test_the_real_verifier_refuses_only_the_statement_it_objects_to(monkeypatch: pytest.MonkeyPatch) -> None:
    """The rewrite puts the 410 fix on the `return` beside it: the verifier refuses that function only."""
    source = TWO_VIEWS.replace('return "gone"', "return 500")
    real = transform.rewrite

    def misplacing(text: str, tree: ast.Module, edits: list[Edit], imports: list[NewImport], **style: Any) -> str:
        moved = [Edit(Position(10, 11), Position(10, 14), e.text) if "GONE" in e.text else e for e in edits]
        return real(text, tree, moved, imports, **style)

    monkeypatch.setattr(transform, "rewrite", misplacing)
    result = fix_text(source, "views.py", options())
    assert "abort(HTTPStatus.NOT_FOUND)" in result.text and "abort(410)" in result.text
    assert "return 500" in result.text
    assert [(fix.code, fix.line, fix.cause) for fix in result.refused] == [("HTS001", 11, FixFailure.UNVERIFIED)]
    assert result.refused[0].reason == "the rewrite would change more than the fixes say"


def test_a_fix_the_rewrite_cannot_place_is_refused_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fix whose text is no expression (a speller bug) fails in LibCST: only that fix is dropped."""
    real = pipeline._chosen

    def with_a_broken_fix(text: str, *args: object) -> tuple[Chosen, ast.Module]:
        chosen, tree = real(text, *args)  # type: ignore[arg-type]
        if "abort(410)" not in text:
            return chosen, tree
        line = text.splitlines().index("    abort(410)") + 1
        start, end = Position(line, 10), Position(line, 13)
        broken = Finding("HTS001", "broken", start, end, Fix((Edit(start, end, "def"),), FixSafety.SAFE))
        kept = [finding for finding in chosen.findings if finding.start.line != line]
        return Chosen([*kept, broken], chosen.held_back), tree

    monkeypatch.setattr(pipeline, "_chosen", with_a_broken_fix)
    rewrites: list[list[Edit]] = []
    real_rewrite = transform.rewrite

    def recording(text: str, tree: ast.Module, edits: list[Edit], *rest: Any, **style: Any) -> str:
        rewrites.append(edits)
        return real_rewrite(text, tree, edits, *rest, **style)

    monkeypatch.setattr(transform, "rewrite", recording)
    result = fix_text(TWO_VIEWS, "views.py", options())
    assert "abort(HTTPStatus.NOT_FOUND)" in result.text and "abort(410)" in result.text
    assert [(fix.line, fix.cause) for fix in result.refused] == [(11, FixFailure.MISPLACED)]
    assert "not an expression" in result.refused[0].reason
    # Found before the rewrite: the one rewrite made never held it.
    assert len(rewrites) == 1 and all(edit.text != "def" for edit in rewrites[0])


@pytest.mark.parametrize(
    ("start", "end", "text", "why"),
    [
        (Position(5, 10), Position(5, 13), "def", "not an expression"),
        (Position(5, 10), Position(5, 10), ",\n status=1", "spans lines"),
        (Position(5, 99), Position(5, 99), ", status=1", "past the end"),
        (Position(50, 0), Position(50, 1), "1", "past the end"),
        (Position(5, 13), Position(5, 10), "1", "ends before it starts"),
        (Position(5, 10), Position(5, 13), "HTTPStatus.NOT_FOUND", None),
        (Position(5, 13), Position(5, 13), ", status=1", None),
    ],
)
def test_unplaceable_edits_are_told_apart(start: Position, end: Position, text: str, why: str | None) -> None:
    found = transform.unplaceable(TWO_VIEWS.splitlines(keepends=True), Edit(start, end, text))
    assert (found is None) if why is None else (found is not None and why in found)


# The CLI: each refused fix on stderr as path:line:column with its reason; the exit status is the one the
# file's other fixes give (a refused fix leaves its finding for flake8, it is not a failed file).


def run_cli(tmp_path: Path, source: str, *flags: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    path = tmp_path / "views.py"
    path.write_text(source)
    status = main(["fix", "--isolated", *flags, str(path)])
    return status, capsys.readouterr().err


def test_the_cli_writes_the_other_fixes_and_names_the_refused_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pipeline, "check_equivalent", refuse_written("GONE"))
    status, err = run_cli(tmp_path, TWO_VIEWS, capsys=capsys)
    assert status == 0
    assert (tmp_path / "views.py").read_text().count("HTTPStatus.NOT_FOUND") == 1
    assert f"views.py:11:11: refused HTS001 fix: {REFUSED}" in err  # the line in the file as written
    assert err.rstrip().endswith("1 changed (1 fix), 0 skipped, 0 failed, 1 fix refused")


@pytest.mark.parametrize(("flag", "expected"), [("--check", 1), ("--diff", 1)])
def test_check_and_diff_name_the_line_on_disk(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flag: str,
    expected: int,
) -> None:
    monkeypatch.setattr(pipeline, "check_equivalent", refuse_written("GONE"))
    status, err = run_cli(tmp_path, TWO_VIEWS, flag, capsys=capsys)
    assert status == expected  # the other fix would change the file
    assert f"views.py:9:11: refused HTS001 fix: {REFUSED}" in err
    assert (tmp_path / "views.py").read_text() == TWO_VIEWS


def test_a_file_whose_only_fix_is_refused_is_unchanged_and_passes_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(pipeline, "check_equivalent", refuse_written("GONE"))
    source = TWO_VIEWS.replace("abort(404)", "pass")
    status, err = run_cli(tmp_path, source, "--check", "--quiet", capsys=capsys)
    assert status == 0
    assert err == f"{tmp_path / 'views.py'}:9:11: refused HTS001 fix: {REFUSED}\n"  # shown even with --quiet


def test_a_refusal_naming_the_written_node_keeps_the_other_fixes_of_its_function(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A check that objects to the constant in a decorator (it runs at import time) names that line: the
    fix in the function's body is kept."""
    source = (
        "from flask import Flask\n\napp = Flask(__name__)\n\n\n"
        "@app.errorhandler(404)\ndef missing(error):\n    return 'missing', 410\n"
    )
    real = check_equivalent

    def check(
        original: str, code_lines: list[str], tree: ast.Module, rewritten: str, *rest: Any, **options: Any
    ) -> ast.Module:
        for node in ast.walk(ast.parse(rewritten)):
            if isinstance(node, ast.FunctionDef):
                for decorator in node.decorator_list:
                    if isinstance(decorator, ast.Call) and isinstance(decorator.args[0], ast.Attribute):
                        raise FixError(FixFailure.UNVERIFIED, "bound too late", decorator.lineno)
        return real(original, code_lines, tree, rewritten, *rest, **options)

    monkeypatch.setattr(pipeline, "check_equivalent", check)
    result = outcome(source)
    assert "@app.errorhandler(404)" in result.text and "return 'missing', HTTPStatus.GONE" in result.text
    assert [(fix.line, fix.reason) for fix in result.refused] == [(8, "bound too late")]
