"""규칙 문서 (한국어), 규칙 코드별. 각 필드는 영어판과 같은 코드 조각(`...`)을 담고, 튜플은 영어판과 같은
순서·개수를 지킨다 (tests/test_translations.py가 확인한다). 예제 코드는 두 언어가 공유한다."""

from __future__ import annotations

from typing import Final

from ..texts import RuleText
from . import choices

_STYLE_OPTION = "`http-status-style`: 제안할 상수 계열 (기본값 `auto`)."
_IGNORE_OPTION = "`http-status-ignore-values`: 보고하지 않을 리터럴 값."
_TARGET_OPTION = "`http-status-target-python`: 프로젝트가 지원하는 가장 낮은 파이썬 버전 (`requires-python`에서 읽음)."
_NOT_FOR_CLIENTS = "비교, 테스트 기대값, 테스트 더블: 클라이언트는 서버가 보내는 어떤 코드든 정당하게 받을 수 있습니다."

RULES: Final[dict[str, RuleText]] = {
    "HTS001": RuleText(
        summary="HTTP 상태를 설정, 예외 발생, 리다이렉트, 선언, 등록하는 자리에 상수 대신 정수 리터럴을 씁니다.",
        what=(
            "웹 프레임워크가 HTTP 상태로 쓰는 정수 리터럴을 보고합니다: 응답의 상태, `abort()`와 HTTP 예외, "
            "리다이렉트 코드, 라우트의 `status_code=`, `response.status_code = …`, 오류 핸들러 키, OpenAPI "
            "`responses` 키, 예외 클래스의 `status_code` 속성. 모듈의 import로 찾은 프레임워크 API가 상태를 받는 "
            "자리에 있을 때만 숫자를 상태로 보며, 그 자리에 있는 조건 표현식의 각 갈래도 셉니다"
            "(`abort(404 if missing else 400)`). 모듈의 이름을 거쳐 그런 자리에 닿는 리터럴은 쓰인 곳에서 상태로 "
            "셉니다: 지역 변수나 모듈 상수(`code = 404 if missing else 400; abort(code)`), 키로 읽는 표"
            "(`code, message = ERRORS[key]`), 매개변수가 그 자리로 가는 모듈 헬퍼의 인자"
            "(`error_response('gone', 410)`), 헬퍼의 반환값, 상태를 실어 나르는 모듈의 예외 클래스"
            "(`raise ApiError('conflict', 409)`). 그 이름의 다른 쓰임도 모두 상태로 쓰일 때만 셉니다: 로그에 "
            "남기거나 문자열로 만드는 값은 그대로 둡니다. 프로젝트의 다른 모듈에 걸쳐서도 마찬가지입니다"
            "(`--http-status-project-index`): 다른 모듈이 정의한 헬퍼나 예외 클래스, 그곳에 있는 기반 클래스의 헬퍼 "
            "메서드(`self.error(403)`), 앱 객체나 프레임워크 기반 클래스가 그곳에서 만들어진 뷰"
            "(`return body, 201`). 다른 모듈을 읽을 수 없거나 import 순환이 되돌아오면 아무것도 보고하지 않습니다."
        ),
        why=(
            "`409`나 `422`가 무슨 뜻인지는 읽는 사람이 기억해야 하지만, `HTTPStatus.CONFLICT`는 스스로 말해 줍니다. "
            "이름 붙은 상수를 쓰면 잘못 적은 상태가 리뷰에서 눈에 띄고, 검색도 쉽습니다. 이름 붙은 상수는 자기 "
            "숫자와 같으므로, 프레임워크가 상태를 int로 바꾸는 곳에서는 프로그램이 전과 똑같이 동작합니다."
        ),
        fix_safety=(
            "안전: 리터럴을 같은 정수 값의 상수로 바꾸고 import는 한 번만 추가합니다. 모듈에 이미 있는 import를 "
            "다시 쓰며, `status`라는 매개변수처럼 상수 이름을 가리는 이름이 있으면 별칭을 붙입니다. 상수가 "
            "`http.HTTPStatus` 멤버이고 프레임워크가 값을 곧바로 int로 바꾸지 않고 객체를 그대로 간직하는 자리"
            "(Django Ninja의 `Status(...)`, `HttpError`, `response=` 키, Connexion의 problem, 예외, "
            "`(body, status, headers)` 반환, Starlette, Tornado, Sanic, Bottle, Falcon, 클래스 속성, 매개변수 "
            "기본값, 함수가 직접 만든 Werkzeug, Flask, Quart, WebOb 응답에 하는 것을 뺀 대입, 테스트 대역)에서는 "
            "안전하지 않습니다: Python 3.10에서 `str()`과 `%s`는 'HTTPStatus.NOT_FOUND'가 되고, `repr()`은 모든 "
            "버전에서 달라지며(로그, 예외의 repr, structlog) `yaml.safe_dump`는 이를 거부하므로, 그런 자리는 "
            "`--unsafe-fixes`일 때만 고칩니다. `auto`가 골라서 계열이 `HTTPStatus`인 모듈이 맨 위에서 FastAPI, "
            "Starlette, DRF, Litestar를 import하면, 그 자리에는 대신 그 프레임워크의 정수 상수"
            "(`status.HTTP_404_NOT_FOUND`)를 씁니다. 타입이 그대로이므로 안전합니다. "
            "프로젝트가 허용하는 "
            "모든 릴리스에서 존재하고 경고 없이 읽히는 이름이 없으면(허용 범위가 Starlette 0.48에 걸칠 때의 413, 414, "
            "416, 422) 수정하지 않고, 메시지가 그 이유와 수정을 받으려면 요구할 버전을 알려 줍니다."
        ),
        not_reported=(
            "프레임워크 API상 상태가 아닌 숫자: `time.sleep(200)`, `range(100, 600)`, `limit=100`, "
            "`max_length=255`, 포트, 종료 코드, JSON 본문 안의 숫자.",
            "8진수, 16진수, 밑줄을 넣어 쓴 리터럴. 실제로 상태인 경우가 없습니다.",
            "위치 인자 자리를 잘못 잡은 상태: HTS604가 보고하며, 이름만 붙이면 버그가 가려집니다.",
            "API가 거부하는 상태(HTS605), 또는 같은 리터럴에서 상태 선택 규칙이 바꾸라고 하는 상태(POST 뒤 HTS908의 "
            "`redirect(url, 301)`): 그 규칙이 선택되어 있는 한 다른 발견 하나만 답이 됩니다.",
            "선택한 계열에 상수가 없는 코드 (등록되지 않은 코드는 HTS602가 다룹니다).",
            "키워드만으로 찾은 값(응답처럼 보이는 호출의 `status=`, `status_code=`) 중 100-599 밖의 값.",
        ),
        references=("RFC 9110 §15 (상태 코드)", "파이썬 문서: http.HTTPStatus"),
        options=(
            _STYLE_OPTION,
            _IGNORE_OPTION,
            "`http-status-extra-codes`: 프로젝트에서 정의한 코드의 이름. 예: `499=CLIENT_CLOSED_REQUEST`.",
            _TARGET_OPTION,
        ),
    ),
    "HTS002": RuleText(
        summary="응답 상태와 비교하거나 테스트 단언의 기대값으로 상수 대신 정수 리터럴을 씁니다.",
        what=(
            "응답 상태와 비교하는 정수 리터럴을 보고합니다: `==`, `!=`, 리터럴 튜플·리스트·집합에 대한 `in`, "
            "`match`/`case`, 인자 순서와 상관없이 `assertEqual(resp.status_code, 200)`, Django의 "
            "`assertContains(..., status_code=200)`와 `assertRedirects(..., status_code=302)`, WebTest의 "
            "`status=404`(테스트 모듈에서는 다른 곳의 기반 클래스나 픽스처가 만드는 앱에 대한 "
            "`self.app.get(url, status=404)`도), 그리고 이름으로 보아 상태를 확인하는 헬퍼. "
            "상태를 먼저 지역 변수에 읽어 두어도 됩니다(`status = resp.status_code; if status == 404`). 이름을 "
            "거쳐 그런 비교에 닿는 리터럴은 쓰인 곳에서 셉니다: `pytest.mark.parametrize`의 행, 반복문이 도는 표, "
            "픽스처의 `params`, 모듈 자체 테스트 헬퍼의 인자(`self.check(resp, 404)`). 그 이름의 다른 쓰임도 "
            "모두 상태로 쓰일 때만 셉니다."
        ),
        why=(
            "기대하는 상태에 이름이 있으면 테스트와 클라이언트 코드가 잘 읽힙니다. `201`은 해독해야 하지만 "
            "`HTTPStatus.CREATED`는 테스트가 생성을 기대한다는 것을 바로 알려 줍니다."
        ),
        fix_safety=(
            "안전: 상수가 리터럴과 같으므로 비교 결과도 같습니다. 리터럴이 비교가 아니라 프로젝트의 도우미 함수로 "
            "가고 상수가 `str()`과 `repr()`이 숫자와 다른 `http.HTTPStatus` 멤버라면, 그리고 모듈에서 타입이 "
            "드러나지 않는 앱에 WebTest의 `status=`를 줄 때는 안전하지 않습니다."
        ),
        not_reported=(
            "`status_code >= 400` 같은 대소 비교: 상태 하나가 아니라 상태 분류를 확인하는 것입니다.",
            "상태를 담는다고 알 수 없는 변수의 비교 (`if code == 404:`).",
            "응답의 `status`가 int인 클라이언트(aiohttp, urllib, urllib3, Sanic 테스트 클라이언트, WebTest)를 "
            "쓰지 않는 모듈의 `.status` 비교.",
            "테스트 모듈 밖에서 타입을 알 수 없는 객체에 준 `status=` (`client.get(url, status=404)`), 그리고 "
            "테스트 모듈에서 레지스트리가 배정하지 않은 코드나 변수.",
        ),
        references=("RFC 9110 §15 (상태 코드)",),
        options=(_STYLE_OPTION, _IGNORE_OPTION, _TARGET_OPTION),
    ),
    "HTS003": RuleText(
        summary="상태 문자열의 코드와 사유 구문이 서로 맞지 않거나, API가 받을 수 없는 형태입니다.",
        what=(
            '말과 뜻이 맞지 않는 문자열 상태를 보고합니다: 사유 구문이 다른 코드의 것인 상태 줄(`"200 Created"`), '
            'API가 int나 완전한 상태 줄을 요구하는데 숫자만 있는 문자열(Bottle의 `response.status = "201"`, '
            'Sanic의 `status="201"`), API가 `int()`로 변환하는데 넘긴 완전한 상태 줄(Quart의 반환 튜플).'
        ),
        why=(
            '클라이언트는 숫자대로 동작하고 사유 구문은 무시하므로, `"200 Created"`는 읽는 사람과 클라이언트에게 '
            '서로 다른 말을 합니다. 프레임워크마다 받는 문자열도 다릅니다. Bottle은 `"201"`을, Quart는 '
            '`"201 Created"`를 ValueError로 거부하고, Sanic은 응답을 보낼 때 str이면 무엇이든 거부합니다.'
        ),
        fix_safety=(
            "안전하지 않음: 사유 구문을 고치거나 상태가 제대로 동작하게 되면 클라이언트가 받는 내용이 달라집니다. "
            "사유 구문이 맞지 않으면 숫자(클라이언트가 따르는 것)를 유지하고 그 숫자에 등록된 사유 구문을 씁니다. "
            "숫자가 의도한 값인지 확인하세요."
        ),
        not_reported=(
            '어떤 등록 코드에도 속하지 않는 사용자 정의 사유 구문(`"299 Whatever"`): Werkzeug와 WebOb는 받아 줍니다.',
            '세 자리 숫자로 시작하지 않는 문자열. 예: WebTest의 `status="2*"` 패턴.',
        ),
        references=("RFC 9110 §15 (상태 코드)", "RFC 9112 §4 (상태 줄)"),
    ),
    "HTS004": RuleText(
        summary="한 모듈이 상태 상수를 둘 이상의 계열로 쓰거나, 설정한 계열이 아닌 것으로 씁니다.",
        what=(
            "모듈 자신의 계열이 아닌 상태 상수를 보고합니다: 한 모듈이 `http.HTTPStatus`, `fastapi.status`, "
            "`starlette.status`, `rest_framework.status`, `litestar.status_codes`를 섞어 쓰거나, "
            "`http-status-style`로 계열을 정했는데 모듈이 다른 계열을 쓸 때입니다. 기본 스타일 `auto`에서는 모듈이 "
            "가장 많이 쓰는 계열이 그 모듈의 계열이며, 동률이면 모듈이 쓰는 프레임워크의 계열을 고릅니다."
        ),
        why=(
            "한 파일에 같은 상태를 두 가지로 쓰면 읽는 사람은 둘이 다른지 의심하게 되고, 검색하면 절반을 놓칩니다. "
            "모든 상수는 자기 숫자와 같으므로, 값을 비교만 하거나 곧바로 int로 바꾸는 프레임워크에 넘기는 곳에서는 "
            "한 계열을 다른 계열로 바꿔 쓸 수 있습니다."
        ),
        fix_safety=(
            "값을 비교만 하거나 곧바로 int로 바꾸는 프레임워크에 넘기는 곳, 그리고 평범한 정수 계열끼리는 "
            "안전합니다. 그 밖의 곳에서 `http.HTTPStatus` 멤버가 평범한 정수가 되거나 그 반대가 되면 안전하지 "
            "않습니다: 속성 읽기(`HTTPStatus.OK.phrase`), `isinstance`, `is`, `Literal[...]`, 포매팅, 변수, "
            "프레임워크가 간직하는 키(OpenAPI `responses=` 키). 그런 곳에서는 Python 3.10의 `str()`과 `%s`, 모든 "
            "버전의 `repr()`이 달라집니다. 수정 후 쓰이지 않게 된 import는, 다른 무엇도 "
            "그것을 볼 수 없을 때 지웁니다: 패키지의 `__init__.py`가 아니고, `__all__`이나 문자열에 든 이름이 아니며, "
            "자기 이름공간을 읽는 모듈(`globals()`, `__getattr__`)이 아닐 때입니다. 그렇지 않으면 남겨 두고 flake8의 "
            "F401이 알려 줍니다."
        ),
        not_reported=(
            "클라이언트 쪽 표(`requests.codes`, `httpx.codes`)와 Falcon의 문자열 상수: 이 도구가 쓰는 계열이 "
            "아니며, Falcon의 것은 타입도 다릅니다.",
            "모듈의 계열에 대응하는 것이 없는 상수 (DRF의 `HTTP_509_BANDWIDTH_LIMIT_EXCEEDED`).",
            "`auto`에서, 모듈의 `HTTPStatus`로 바꾸면 프로그램이 보여 주는 것이 달라지는 자리에 있는, 모듈이 "
            "import하는 프레임워크의 정수 계열 상수: HTS001이 그 자리에 직접 그 계열을 씁니다.",
        ),
        references=("파이썬 문서: http.HTTPStatus",),
        options=("`http-status-style`: 모든 모듈이 써야 할 계열, 또는 `auto`.",),
    ),
    "HTS601": RuleText(
        summary="100-599 밖의 상태.",
        what="프레임워크 API가 상태를 받는 자리에 있는 100-599 밖의 숫자를 보고합니다.",
        why=(
            "RFC 9110은 상태 코드를 100부터 599까지의 세 자리 숫자로 정의합니다. 프레임워크는 다른 값을 실행 "
            "시점에 거부하거나(Django는 ValueError) 클라이언트가 해석할 수 없는 응답을 보냅니다."
        ),
        fix_safety="수정 없음: 어떤 상태를 뜻했는지는 작성자만 압니다.",
        not_reported=(
            _NOT_FOR_CLIENTS,
            "알 수 없는 API에서 키워드만으로 찾은 값(`SomeResponse(status=0)`): 상태인지 이 도구가 알 수 없습니다.",
        ),
        references=("RFC 9110 §15",),
    ),
    "HTS602": RuleText(
        summary="IANA가 등록하지 않았거나 사용 안 함으로 예약한(306, 418) 100-599 안의 코드.",
        what=(
            "100-599 안에 있지만 IANA 레지스트리가 배정하지 않았거나 사용 안 함으로 표시한(306과 418) 상태를 "
            "보고합니다. 프로젝트가 일부러 정의한 코드는 설정에 선언할 수 있습니다."
        ),
        why=(
            "클라이언트는 모르는 코드를 그 분류의 `x00`으로 처리하므로(RFC 9110 §15), 자체 정의한 `499`는 범용 "
            "클라이언트, 캐시, 프록시 모두에게 평범한 `400`으로 읽힙니다. 306과 418은 예약되어 있습니다. 418은 "
            "RFC 2324의 농담이며, 누구도 기대지 않도록 레지스트리가 배정하지 않고 남겨 둡니다."
        ),
        fix_safety="수정 없음, 제안하는 상수도 없음: 알맞은 상태는 그 코드가 무엇을 뜻했는지에 달려 있습니다.",
        not_reported=(_NOT_FOR_CLIENTS, "`http-status-extra-codes`로 선언한 코드."),
        references=(
            "RFC 9110 §15",
            "RFC 9110 §15.4.7 (306)",
            "RFC 9110 §15.5.19 (418)",
            "IANA HTTP 상태 코드 레지스트리",
        ),
        options=("`http-status-extra-codes`: 프로젝트 코드 선언. 예: `499=CLIENT_CLOSED_REQUEST`.",),
    ),
    "HTS603": RuleText(
        summary="1xx 코드를 핸들러의 최종 상태로 씁니다.",
        what=(
            "응답의 최종 상태로 설정, 발생 또는 선언한 1xx 코드(100, 102, 103, 104)를 보고합니다. 101도 같은 "
            "코드가 `Upgrade` 헤더를 보내지 않으면 보고합니다."
        ),
        why=(
            "1xx 응답은 중간 응답이라, 서버는 그 뒤에 최종 응답을 보내야 합니다(RFC 9110 §15.2). 1xx로 끝나는 "
            "핸들러는 클라이언트를 기다리게 하고, 프레임워크는 그 응답을 버리거나 실패합니다."
        ),
        fix_safety="수정 없음: 대개 202 Accepted를 뜻했겠지만 작성자만 압니다.",
        not_reported=(
            _NOT_FOR_CLIENTS,
            "응답이 `Upgrade` 헤더도 설정하는 101 Switching Protocols.",
            "API가 스스로 거부하는 코드 (Sanic은 200 미만을 거부): HTS605가 보고합니다.",
        ),
        references=("RFC 9110 §15.2", "RFC 8297 (103 Early Hints)"),
    ),
    "HTS604": RuleText(
        summary="상태를 위치 인자로 넘겼는데 그 자리가 상태 자리가 아닙니다.",
        what=(
            "상태가 아닌 매개변수 자리에 위치 인자로 넘긴 상태를 보고합니다: Django의 "
            "`HttpResponse(content, 201)`(content_type)와 `JsonResponse(data, 201)`(encoder), Sanic의 "
            "`redirect(to, 301)`(headers), Tornado의 `self.redirect(url, 302)`(permanent), Litestar의 "
            "`HTTPException(404)`(detail이라 클라이언트는 500을 받음), Django의 `HttpResponseRedirect(url, 301)` "
            "(Django 5.2 이상에서 preserve_request), 그리고 FastAPI·Litestar 라우트 데코레이터나 aiohttp의 "
            "`web.Response`처럼 키워드 전용 API에 위치 인자로 넘긴 상태."
        ),
        why=(
            '호출은 작성자가 고르지 않은 상태로 실행되거나 실패합니다: `HttpResponse("x", 201)`은 '
            "`Content-Type: 201`을 단 200으로 답하고, `JsonResponse(data, 201)`은 TypeError를 일으키며, Litestar의 "
            "`HTTPException(404)`는 500을 보냅니다."
        ),
        fix_safety=(
            "안전하지 않음: 수정하고 나면 응답이 실제로 그 상태를 담게 되어 클라이언트가 알아챕니다. 상태가 마지막 "
            "위치 인자이고 같은 키워드를 따로 주지 않았을 때만 수정을 제안합니다."
        ),
        not_reported=("그 자리에 있지만 상태처럼 보이지 않는 값 (변수, 100-599 밖의 int).",),
        references=("Django: HttpResponse, JsonResponse", "Litestar: HTTPException", "Sanic: response.redirect"),
    ),
    "HTS605": RuleText(
        summary="API가 실행 시점에 거부하는 코드. 예: Flask의 abort(402).",
        what=(
            "API가 실행 시점에 거부하는 상태를 보고합니다: 예외 클래스가 없는 코드(402, 2xx, 3xx…)를 넘긴 Flask·"
            "Quart·Werkzeug의 `abort()`, `@app.errorhandler(402)`, Tornado의 `redirect(status=200)`, Litestar의 "
            "`Redirect(status_code=200)`, 매핑되지 않은 코드를 넘긴 Pyramid의 `exception_response()`, 200 "
            "미만의 Sanic 상태, 그리고 라우트의 `response=`에 없는 상태를 담은 Django Ninja의 `Status(...)`나 "
            "반환 튜플 `(status, body)` (`response=`가 없으면 200만 허용)."
        ),
        why=(
            "이 호출들은 적어 둔 상태를 보내지 않습니다: `abort(402)`는 LookupError를 일으켜 클라이언트가 500을 "
            "받고, `errorhandler(402)`는 앱을 시작 단계에서 멈춥니다."
        ),
        fix_safety="수정 없음: 호출의 형태를 바꿔야 합니다 (응답을 직접 만들거나 다른 상태를 고르세요).",
        not_reported=(
            _NOT_FOR_CLIENTS,
            "`response=`를 통째로 읽을 수 없는 Django Ninja 라우트(`...` 키, `codes_4xx`, 다른 곳에서 만든 dict)와 "
            "라우트 함수 밖의 `Status(...)`.",
        ),
        references=("Werkzeug: werkzeug.exceptions.default_exceptions", "Tornado: RequestHandler.redirect"),
    ),
    "HTS606": RuleText(
        summary="305 Use Proxy 또는 102 Processing.",
        what="애플리케이션이 보내는 305 Use Proxy와 102 Processing을 보고합니다.",
        why=(
            "응답이 클라이언트의 프록시를 고르게 두는 것은 보안 구멍이라 RFC 9110이 305를 폐기했습니다. 102는 "
            "RFC 2518에서 나왔지만 RFC 4918이 WebDAV에서 뺐고, 클라이언트도 기대지 않습니다."
        ),
        fix_safety="수정 없음: 무엇으로 바꿀지는 그 응답이 무엇을 위한 것이었는지에 달려 있습니다.",
        not_reported=(_NOT_FOR_CLIENTS,),
        references=("RFC 9110 §15.4.6 (305)", "RFC 4918 §21.4 (102 제거)"),
    ),
}

# HTS9xx (status choices) keep their pages in `choices`.
RULES.update(choices.RULES)
