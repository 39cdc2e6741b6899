"""Korean message templates (keyed by rule code) and the fragments rules put into them.

Templates keep the English placeholders. Korean particles after a placeholder depend on how the
value is read aloud, so templates are phrased to need none after one.
`PHRASES` is keyed by the English text: a `Phrase` template, an API's `rejects_why`, or an API label
that is a description rather than a name.
"""

from __future__ import annotations

from typing import Final

from . import choices

MESSAGES: Final[dict[str, str]] = {
    "HTS001": "{value} 대신 {constant} 사용 ({reason})",
    "HTS002": "비교할 때 {value} 대신 {constant} 사용 ({reason})",
    "HTS003": "{text}: {problem}; 대신 {suggestion} 사용",
    "HTS004": "{found} 대신 {constant} 사용 (이 모듈은 {family} 상수를 씀)",
    "HTS601": "{value}: HTTP 상태 코드가 아님 (상태 코드는 100~599)",
    "HTS602": "{value}: {problem}; 프로젝트 전용 코드는 http-status-extra-codes에 선언하세요",
    "HTS603": "{value} {phrase}: 1xx 중간 응답이라 핸들러의 최종 상태가 될 수 없음",
    "HTS604": "{api}에 위치 인자로 넘긴 {value}: {consequence}; {advice}",
    "HTS605": "{api}에 쓸 수 없는 상태 {value}: {why}",
    "HTS606": "{value} {phrase}: 더는 쓰지 않는(deprecated) 상태 코드; {why}",
}

PHRASES: Final[dict[str, str]] = {
    # HTS003
    "pairs {code} with the reason phrase of {other}": "{code}에 {other}의 사유 구문(reason phrase)을 붙임",
    "is a status line, which {api} cannot take": "{api}에서 받을 수 없는 상태 줄(status line)",
    "is a bare number, which {api} rejects": "{api}에서 거부하는 숫자만 있는 문자열",
    "is a str, which {api} cannot send": "{api}에서 보낼 수 없는 str 값",
    # HTS602
    "not a registered HTTP status": "등록되지 않은 HTTP 상태 코드",
    "reserved by IANA as unused": "IANA가 쓰지 않기로 예약해 둔 코드",
    # HTS001/HTS002 without a fix: no name is safe on every release the project admits (rules/held_back.py)
    "{reason}; {why}": "{reason}; {why}",
    "no fix: {reason}; require {requirement} to get one": (
        "자동 수정 없음: {reason}; 수정을 받으려면 {requirement}를 요구하도록 지정하세요"
    ),
    "{first}, and {second}": "{first}, 그리고 {second}",
    "{name} is missing before {package} {version}": "{package} {version} 이전에는 {name}이(가) 없음",
    "{name} warns on {package} {version} and later": "{package} {version} 이상에서는 {name}을(를) 읽으면 경고가 남",
    # HTS604
    "lands in '{parameter}'": "'{parameter}' 매개변수로 들어감",
    "raises TypeError": "TypeError 발생",
    "pass it as {keyword}={value}": "{keyword}={value} 키워드 인자로 넘기세요",
    "{api} always sends {fixed}": "{api}의 상태는 항상 {fixed}",
    # HTS605: what each API does with a code it rejects (`Api.rejects_why`)
    "it raises LookupError, so the client gets a 500": "LookupError가 발생해 클라이언트는 500을 받음",
    "it raises KeyError": "KeyError 발생",
    "it raises ImproperlyConfiguredException": "ImproperlyConfiguredException 발생",
    "it fails an assertion, so the client gets a 500": "assert가 실패해 클라이언트는 500을 받음",
    "Flask raises ValueError when the handler is registered": "핸들러를 등록할 때 Flask가 ValueError를 일으킴",
    "Quart raises ValueError when the handler is registered": "핸들러를 등록할 때 Quart가 ValueError를 일으킴",
    "Sanic raises RuntimeError when it sends the response": "응답을 보낼 때 Sanic이 RuntimeError를 일으킴",
    "the route's response= does not list it, so Ninja raises ConfigError and the client gets a 500": (
        "라우트의 response=에 없는 상태라 Ninja가 ConfigError를 일으켜 클라이언트는 500을 받음"
    ),
    # API labels that describe rather than name the API (`Api.label`, in HTS003, HTS604 and HTS605 messages)
    "a Flask view's return tuple": "Flask 뷰의 반환 튜플",
    "a Connexion handler's return tuple": "Connexion 핸들러의 반환 튜플",
    "a Quart view's return tuple": "Quart 뷰의 반환 튜플",
    "a Django Ninja view's return tuple": "Django Ninja 뷰의 반환 튜플",
    "response helper default": "응답 헬퍼의 기본값",
    "route decorator": "라우트 데코레이터",
    "status assertion": "상태 단언",
    "status comparison": "상태 비교",
    # HTS606
    "RFC 9110 §15.4.6 retired it because a response must not choose the client's proxy": (
        "응답이 클라이언트의 프록시를 정하게 두면 안 되므로 RFC 9110 §15.4.6에서 폐기됨"
    ),
    "RFC 4918 dropped it; send 202 Accepted with a way to poll, or 103 Early Hints for headers": (
        "RFC 4918에서 빠짐; 진행 상황을 조회할 방법과 함께 202 Accepted를 보내거나, 헤더를 먼저 보내려면 103 Early Hints 사용"
    ),
}

# HTS9xx (status choices) keep their texts in `choices`.
MESSAGES.update(choices.MESSAGES)
PHRASES.update(choices.PHRASES)
