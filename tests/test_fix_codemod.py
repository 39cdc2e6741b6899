"""The LibCST codemod command behaves like `http-status fix`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import libcst as cst
import pytest
from libcst.codemod import CodemodContext, SkipFile, TransformSkip, TransformSuccess, transform_module

from flake8_http_status.cli import main
from flake8_http_status.fixer import pipeline
from flake8_http_status.fixer.codemod import HttpStatusFix
from flake8_http_status.fixer.errors import FixError, FixFailure
from flake8_http_status.fixer.verify import check_equivalent

VIEW = "from flask import abort\n\n\ndef show():\n    abort(404)\n"
MOVED = "from django.http import HttpResponse\n\n\ndef made(request):\n    return HttpResponse('made', 201)\n"


def codemod(source: str, **options: object) -> str | None:
    result = transform_module(HttpStatusFix(CodemodContext(filename="views.py"), isolated=True, **options), source)
    if isinstance(result, TransformSuccess):
        return result.code
    assert isinstance(result, TransformSkip), getattr(result, "error", result)
    return None


def test_the_codemod_applies_the_same_fixes() -> None:
    assert (
        codemod(VIEW)
        == "from http import HTTPStatus\n\nfrom flask import abort\n\n\ndef show():\n    abort(HTTPStatus.NOT_FOUND)\n"
    )
    assert codemod(MOVED) == MOVED
    assert codemod(MOVED, unsafe_fixes=True) == MOVED.replace(
        "'made', 201", "'made', status=HTTPStatus.CREATED"
    ).replace("from django", "from http import HTTPStatus\n\nfrom django")
    assert "status.HTTP_404_NOT_FOUND" in (codemod(VIEW, http_status_style="starlette") or "")
    assert codemod(VIEW, ignore=["HTS001"]) == VIEW


def test_a_file_that_cannot_be_fixed_safely_is_skipped_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    assert codemod("# flake8: noqa\n" + VIEW) is None

    def refuse(*_: object, **__: object) -> None:  # a refusal about the module itself, not about a fix
        raise FixError(FixFailure.TOO_DEEP, "too deeply nested to verify")

    monkeypatch.setattr(pipeline, "check_equivalent", refuse)
    transform = HttpStatusFix(CodemodContext(filename="views.py"), isolated=True)
    with pytest.raises(SkipFile, match=r"^too deeply nested to verify"):
        transform.transform_module_impl(cst.parse_module(VIEW))


def test_a_refused_fix_is_a_warning_and_the_file_keeps_its_other_fixes(monkeypatch: pytest.MonkeyPatch) -> None:
    source = VIEW + "\n\ndef gone():\n    abort(410)\n"
    real = check_equivalent

    def refuse_gone(
        original: str, lines: list[str], tree: object, rewritten: str, *rest: Any, **options: Any
    ) -> object:
        if "HTTPStatus.GONE" in rewritten:
            raise FixError(FixFailure.UNVERIFIED, "the rewrite would change more than the fixes say", 9)
        return real(original, lines, tree, rewritten, *rest, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "check_equivalent", refuse_gone)
    context = CodemodContext(filename="views.py")
    result = transform_module(HttpStatusFix(context, isolated=True), source)
    assert isinstance(result, TransformSuccess)
    assert "abort(HTTPStatus.NOT_FOUND)" in result.code and "abort(410)" in result.code
    assert result.warning_messages == ["line 11: refused HTS001 fix: the rewrite would change more than the fixes say"]


@pytest.mark.slow
def test_libcst_tool_runs_it_and_agrees_with_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("by_tool", "by_cli"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "views.py").write_text(VIEW)
        (tmp_path / name / "legacy.py").write_bytes(b"\xef\xbb\xbf" + VIEW.replace("\n", "\r\n").encode())
    monkeypatch.chdir(tmp_path)
    tool = subprocess.run(
        [
            sys.executable,
            "-m",
            "libcst.tool",
            "codemod",
            "--no-format",
            "-x",
            "flake8_http_status.fixer.codemod.HttpStatusFix",
            "--isolated",
            "by_tool",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert tool.returncode == 0, tool.stderr
    assert main(["fix", "--isolated", "-q", "by_cli"]) == 0
    for name in ("views.py", "legacy.py"):
        assert (tmp_path / "by_tool" / name).read_bytes() == (tmp_path / "by_cli" / name).read_bytes()
    assert (tmp_path / "by_cli" / "legacy.py").read_bytes().startswith(b"\xef\xbb\xbffrom http import HTTPStatus\r\n")
