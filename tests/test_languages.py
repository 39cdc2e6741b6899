"""The language setting: the flake8 option, the config key, and messages whose every part is in that language."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import run

from flake8_http_status.options import OPTIONS, OptionError, Settings, settings_from, settings_from_args

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# English prose: two plain lower-case words in a row, once code spans and quoted text are taken out.
ENGLISH_PROSE = re.compile(r"\b[a-z]{2,}\s+[a-z]{2,}\b")


def prose(message: str) -> str:
    """What is left of a message once code, quoted source, identifiers and option names are removed."""
    message = re.sub(r"`[^`]*`|\"[^\"]*\"|'[^']*'", " ", message)
    return re.sub(r"\S*[._=\-(]\S*", " ", message)


def test_english_is_the_default() -> None:
    assert Settings().lang == "en"
    assert settings_from({}).lang == "en"
    assert any(spec.name == "lang" and spec.choices == ("en", "ko") for spec in OPTIONS)


def test_lang_option_is_parsed_and_checked() -> None:
    assert settings_from_args(["--http-status-lang=ko"]).lang == "ko"
    assert settings_from({"http_status_lang": " KO "}).lang == "ko"
    with pytest.raises(OptionError, match="http-status-lang"):
        settings_from_args(["--http-status-lang=fr"])


KOREAN_CASES = {
    "quart tuple": (
        "import quart\napp = quart.Quart(__name__)\n\n@app.route('/')\nasync def f():\n    return '', '201 Created'\n",
        "HTS003 '201 Created': Quart 뷰의 반환 튜플에서 받을 수 없는 상태 줄(status line); 대신 HTTPStatus.CREATED 사용",
    ),
    "litestar detail": (
        "from litestar.exceptions import HTTPException\n\ndef f():\n    raise HTTPException(404)\n",
        "HTS604 litestar HTTPException에 위치 인자로 넘긴 404: 'detail' 매개변수로 들어감; status_code=404 키워드 인자로 넘기세요",
    ),
    "unregistered": (
        "from django.http import HttpResponse\n\ndef f(request):\n    return HttpResponse(status=499)\n",
        "HTS602 499: 등록되지 않은 HTTP 상태 코드; 프로젝트 전용 코드는 http-status-extra-codes에 선언하세요",
    ),
    "reason": (
        "from flask import abort\n\ndef f():\n    abort(409)\n",
        "HTS001 409 대신 HTTPStatus.CONFLICT 사용 (요청이 리소스의 현재 상태와 충돌함)",
    ),
}


@pytest.mark.parametrize(("source", "message"), KOREAN_CASES.values(), ids=list(KOREAN_CASES))
def test_korean_messages_translate_every_part(source: str, message: str) -> None:
    texts = [finding.text for finding in run(source, "--http-status-lang=ko")]
    assert message in texts
    for text in texts:
        assert HANGUL.search(text) and not ENGLISH_PROSE.search(prose(text)), text


def test_phrases_read_as_before_in_english() -> None:
    source, _ = KOREAN_CASES["litestar detail"]
    assert [finding.text for finding in run(source)] == [
        "HTS604 404 passed positionally to litestar HTTPException lands in 'detail'; pass it as status_code=404"
    ]


def test_the_prose_check_catches_english_left_in_a_korean_message() -> None:
    assert ENGLISH_PROSE.search(prose("HTS605 flask.abort에 쓸 수 없는 상태 402: it raises LookupError"))
    assert not ENGLISH_PROSE.search(prose("HTS001 404 대신 HTTPStatus.NOT_FOUND 사용 (리소스가 존재하지 않음)"))


SOURCE = "from flask import abort\n\n\ndef show():\n    abort(404)\n"


def flake8(tmp_path: Path, *args: str) -> str:
    (tmp_path / "app.py").write_text(SOURCE, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select=HTS", *args, "app.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 1, result.stderr
    return result.stdout


def test_flake8_option_selects_korean(tmp_path: Path) -> None:
    output = flake8(tmp_path, "--isolated", "--http-status-lang=ko")
    assert "HTS001 404 대신 HTTPStatus.NOT_FOUND 사용 (리소스가 존재하지 않음)" in output


@pytest.mark.slow
def test_flake8_config_key_selects_korean_and_english_stays_the_default(tmp_path: Path) -> None:
    assert "HTS001 use HTTPStatus.NOT_FOUND instead of 404" in flake8(tmp_path)
    (tmp_path / "setup.cfg").write_text("[flake8]\nhttp-status-lang = ko\n", encoding="utf-8")
    assert "404 대신 HTTPStatus.NOT_FOUND 사용" in flake8(tmp_path)
