"""HTS9xx 규칙(상태 선택)의 한국어 메시지, 조각, 규칙 문서. `messages.py`와 `rules.py`가 합쳐 씁니다.

메시지 템플릿은 영어와 같은 자리 표시자를 쓰고, 자리 표시자 바로 뒤에 조사가 오지 않도록 문장을 짰습니다.
"""

from __future__ import annotations

from typing import Final

from ..texts import RuleText

MESSAGES: Final[dict[str, str]] = {
    "HTS901": "{value} 대신 {better} 사용: 사용자가 이미 로그인한 상태임 ({why})",
    "HTS902": "{value} 대신 {better} 사용: 사용자가 로그인하지 않은 상태임 ({why})",
    "HTS903": "WWW-Authenticate 챌린지가 없는 응답: {value}; 자격 증명이 유효하다면 {better} 사용",
    "HTS904": "{value} 대신 {better} 사용: 리소스를 생성하는 호출 {creation} (줄 {line})",
    "HTS905": "{value} 대신 {better} 사용: 203은 원 서버의 콘텐츠를 변형한 프록시가 쓰는 코드임",
    "HTS906": "콘텐츠를 담을 수 없는 상태: {value} ({why}); 콘텐츠를 빼거나 {better} 사용",
    "HTS907": "Allow 헤더가 없는 응답: {value}; 허용하는 메서드를 나열하세요. 예: 'GET, HEAD'",
    "HTS908": "{method} 뒤에는 {value} 대신 {better} 사용: 301은 캐시에 남고 GET으로 바뀔 수 있음",
    "HTS909": "{value} 대신 {better} 사용: 이 분기는 클라이언트 잘못({cause})을 처리함",
    "HTS910": "{value} 대신 {better} 사용: 표준 메서드({method})지만 여기서 허용하지 않을 뿐임",
    "HTS911": "오류 본문({shape})인데 상태는 {value}; 오류 상태를 쓰세요. 예: {better}",
    "HTS912": "{value} 대신 {better} 사용: 서버가 호출한 대상의 시간 초과임 ({exception})",
    "HTS913": "Location 헤더가 없는 리다이렉트: {value}; Location을 설정하거나 오류 상태 사용. 예: {better}",
    "HTS914": "{value} 대신 {better} 사용: 이 분기는 리소스 상태와의 충돌({cause})을 처리함",
    "HTS915": "Location 헤더가 없는 생성 응답: {value}; 클라이언트가 가져올 수 있게 새 리소스의 URI를 알려 주세요",
    "HTS916": "Retry-After 헤더가 없는 응답: {value}; 언제 다시 시도하면 되는지 알려 주세요 (초 또는 날짜)",
    "HTS917": "여기서 발생시키지만 responses=에 선언되지 않은 상태: {value}; 다음을 추가하세요: {better}",
    "HTS918": "{value} 대신 {better} 사용: 이 분기가 거절하는 것은 {cause}",
    "HTS919": "{value} 대신 {better} 사용: 이 분기가 거절하는 것은 {cause}",
    "HTS922": "{value} 대신 {better} 사용: 이 {kind} 핸들러는 아무것도 생성하지 않음",
    "HTS920": "{fault}({exception})에 {value} 응답: 다음 상태 사용: {better}",
    "HTS921": "{value} 상태가 사라짐: 줄 {line}의 `{clause}` 절이 잡아서 {answer} 응답을 보냄",
    "HTS923": "{method} 뒤에는 {value} 대신 {better} 사용 (302는 GET으로 바뀔 수도 안 바뀔 수도 있음)",
}

PHRASES: Final[dict[str, str]] = {
    # How a message names the status the code sends now
    "{api} ({code})": "{api} ({code})",
    "the default {code} of {api}": "{api} 기본 상태 {code}",
    "the default {code}": "기본 상태 {code}",
    # HTS9xx advice where the route must declare the status first (Django Ninja's `response=`)
    "{constant} (add it to `{keyword}=`)": "{constant} (`{keyword}=`에 선언 필요)",
    # HTS901, HTS902: the evidence about the user
    "checked on line {line}": "줄 {line} 검사",
    "rights checked on line {line}": "줄 {line} 권한 검사",
    # HTS921: the status a helper raises
    "{code} from {helper}": "{helper}의 {code}",
    "{decorator} on the class": "클래스에 붙은 {decorator}",
    "the view's {attribute}": "뷰 설정 {attribute}",
    "{argument} on {owner}": "{owner}에 준 {argument}",
    "{call} on line {line}": "{call} 호출 (줄 {line})",
    # HTS906: what the framework does with the content
    "{framework} sends it anyway": "{framework}: 그대로 보냄",
    "{framework} then answers 500": "{framework}: 500으로 응답함",
    "{framework} refuses to start": "{framework}: 앱 시작을 거부함",
    # HTS909, HTS911, HTS914: what the branch handles, how the content reads
    "bad input ({exception})": "잘못된 입력({exception})",
    "invalid input": "잘못된 입력",
    "{key} key": "키 {key}",
    "{exception} around parsing": "해석 코드를 둘러싼 {exception}",
    "an existence check": "존재 여부 검사",
    'an "already exists" message': '"이미 존재함" 메시지',
    "missing input ({name})": "보내지 않은 입력({name})",
    "invalid input ({name})": "허용되지 않는 입력({name})",
    # HTS920: whose fault the branch handles
    "an upstream fault": "업스트림 장애",
    "a server fault": "서버 자체의 장애",
    # HTS918, HTS919: what the branch refuses
    # HTS918, HTS919: what the branch refuses
    "missing credentials": "보내지 않은 자격 증명",
    "a rejected token": "검증에 실패한 토큰",
    "an unknown credential": "알 수 없는 자격 증명",
    "a wrong credential": "맞지 않는 자격 증명",
    "a missing role": "없는 역할",
    "a missing permission": "없는 권한",
    "a non-owner": "소유자가 아닌 사용자",
}

_AUTH_DECORATORS = (
    "`http-status-auth-decorators`: 로그인한 사용자만 들여보내는 프로젝트 데코레이터 "
    "(`myapp.auth.login_required`, 또는 이름만)."
)
_AUTH_DEPENDENCIES = (
    "`http-status-auth-dependencies`: 사용자를 확인하는 프로젝트의 FastAPI 의존성 (`myapp.deps.get_user`)."
)
_REDIRECT_FIX_SAFETY = (
    "안전하지 않음: 클라이언트는 303을 받습니다. 수정은 상태를 바꾸거나, 상태를 받는 헬퍼에 넣거나(Flask, Quart, "
    "Werkzeug의 `code=`, Sanic과 Tornado의 `status=`, Litestar의 `status_code=`), 클래스를 303 짝으로 바꿉니다"
    "(aiohttp, Falcon, Pyramid의 `HTTPSeeOther`). Django의 `redirect()`, `HttpResponseRedirect`, "
    "`HttpResponsePermanentRedirect`에는 303 형태가 없어 수정 없이 보고합니다."
)
_REDIRECT_ONLY_UNSAFE = (
    "GET이나 HEAD 요청도 도달하는 핸들러, `request.method` 검사가 없는 Django 함수 뷰 포함: GET 뒤의 리다이렉트는 "
    "괜찮습니다."
)
_REDIRECT_PRESERVED = (
    "직접 적었거나 플래그(Django의 `preserve_request=True`)로 만든 307과 308: 메서드를 유지하며, POST를 받는 "
    "엔드포인트가 옮겨졌을 때 필요한 것이 바로 그것입니다."
)
_CONTRADICTION = "서로 어긋나는 근거 뒤의 코드 (로그인이 필요한 뷰 안의 익명 사용자 검사)."

RULES: Final[dict[str, RuleText]] = {
    "HTS901": RuleText(
        summary="사용자가 이미 인증된 것으로 알려진 곳에서 보내는 401.",
        what=(
            "코드가 이미 사용자의 로그인을 알고 있는 곳에서 보내는 401을 보고합니다: 로그인 데코레이터"
            "(`@login_required`, `@auth.login_required`, `@jwt_required()`, `@authenticated`, "
            '`@requires("authenticated")`)가 지키는 뷰 안, `LoginRequiredMixin`이나 '
            "`permission_classes = [IsAuthenticated]`를 가진 클래스 기반 뷰, `get_current_user`에 의존하는 FastAPI "
            "라우트, `auth=`(라우트에 직접, 또는 그 `Router(auth=...)`나 `NinjaAPI(auth=...)`에 준 값)가 "
            "`django_auth`이거나 프로젝트가 `HttpBearer`, `HttpBasicAuth`, API 키 인증기를 상속해 만든 클래스의 "
            "인스턴스인 Django Ninja 라우트, 또는 `if not user.is_authenticated: return ...` 같은 검사 뒤. HTS919가 읽는 사용자 권한 검사"
            "(`if not current_user.is_admin:`, `if not user.has_perm(...)`, `if post.owner_id != user.id:`, "
            "`if not check_edit_permission(post):`)가 실패한 곳에서 보내는 401도 보고합니다: 역할이 없는 쪽은 이미 "
            "알려진 사용자입니다. 상태는 어떻게 적든 됩니다: `401`, "
            "`HTTPStatus.UNAUTHORIZED`, `abort(401)`, `web.HTTPUnauthorized`, `NotAuthenticated`."
        ),
        why=(
            "401은 클라이언트의 자격 증명이 없거나 틀렸다고 알리고 다시 인증하라고 권합니다(RFC 9110 §15.5.2). 로그인한 "
            "사용자가 허용되지 않은 일을 하려는 경우 다시 로그인해도 얻는 것이 없습니다: 403 Forbidden은 요청을 이해했지만 "
            "거부한다는 뜻입니다(§15.5.4). 401을 받으면 토큰을 갱신하거나 로그인 화면을 띄우는 클라이언트는 끝없이 "
            "반복합니다."
        ),
        fix_safety=(
            "안전하지 않음: 클라이언트는 401 대신 403을 받습니다. 수정은 리터럴이나 상수를 바꾸거나 프레임워크의 클래스를 "
            "바꿉니다(`web.HTTPUnauthorized` → `web.HTTPForbidden`). Django에는 401 클래스가 없어 그쪽은 바꾸지 않습니다."
        ),
        not_reported=(
            "의존성으로 쓴 FastAPI 보안 스킴(`OAuth2PasswordBearer`, `HTTPBasic`, API 키): 자격 증명을 보냈다는 것만 "
            "보장하므로, 그것을 거부하는 핸들러의 401은 옳습니다.",
            "이름이나 반환 타입으로 보아 사용자가 없을 수도 있는 의존성(`get_optional_user`, `-> User | None`).",
            "뷰의 첫 인증기가 챌린지를 보내지 않는 한 DRF의 `NotAuthenticated`와 `AuthenticationFailed`(Token, Basic, "
            "JWT는 보냄): 세션 인증이면 DRF가 이미 403으로 바꿉니다.",
            "모듈 밖에 있는 보장: URLconf 데코레이터, `LoginRequiredMiddleware`, DRF의 `DEFAULT_PERMISSION_CLASSES`, "
            "라우터를 포함하는 곳에서 붙인 의존성.",
            "`@user_passes_test`, Pyramid 권한, Litestar 가드: 익명 사용자도 들여보낼 수 있습니다.",
            "일반 함수나 `AuthBase` 하위 클래스를 준 Django Ninja의 `auth=`(IP 허용 목록은 로그인을 보장하지 않음), "
            "그리고 라우터의 `auth=`: 모듈이 그 라우터를 다른 값으로 마운트하거나(`add_router(..., auth=None)`) 그 "
            "이름을 두 번 이상 바인딩할 때.",
            _CONTRADICTION,
            "익명 사용자도 들여보내는 권한 검사(`if user is None or not user.is_admin:`): 401이 맞을 수 있습니다. "
            "사용자가 아닌 것에 대한 검사(`if not form.is_admin:`)도 보고하지 않습니다.",
        ),
        references=("RFC 9110 §15.5.2 (401)", "RFC 9110 §15.5.4 (403)", "RFC 9110 §11.6.1 (WWW-Authenticate)"),
        options=(_AUTH_DECORATORS, _AUTH_DEPENDENCIES),
    ),
    "HTS902": RuleText(
        summary="사용자가 인증되지 않은 것으로 알려진 곳에서 보내는 403.",
        what=(
            "코드가 방금 사용자가 로그인하지 않았음을 확인한 곳에서 보내는 403을 보고합니다: "
            "`if not request.user.is_authenticated:`, `if current_user.is_anonymous:`, `if not self.current_user:` "
            "(Tornado), `if request.authenticated_userid is None:` (Pyramid)의 본문, 또는 선택적인 FastAPI 사용자 "
            "의존성에 대한 `if user is None:`의 본문."
        ),
        why=(
            "403은 자격 증명이 무엇이든 요청한 쪽을 거부한다는 뜻입니다(RFC 9110 §15.5.4). 익명 요청에는 자격 증명이 "
            "없습니다: 401 Unauthorized는 자격 증명을 요구하므로(§15.5.2) 클라이언트가 로그인하고 다시 시도할 수 있습니다."
        ),
        fix_safety=(
            "안전하지 않음: 클라이언트는 403 대신 401을 받습니다. 401에는 `WWW-Authenticate` 헤더도 필요합니다(HTS903). "
            "Django에는 401 클래스가 없어 `PermissionDenied`와 `HttpResponseForbidden`은 수정 없이 보고합니다."
        ),
        not_reported=(
            "인증을 다른 조건과 섞은 분기(`if not user.is_authenticated or not user.is_staff`): 그 안의 사용자는 로그인했을 "
            "수도 있습니다.",
            "프레임워크 쪽에서 403으로 답하는 Tornado의 `@authenticated`, 그리고 앱의 forbidden 뷰를 거치는 Pyramid의 "
            "`HTTPForbidden`(익명 사용자에게는 흔히 401).",
            "로그인한 사용자를 다른 곳으로 보낸 검사 뒤의 403(가입·로그인 흐름): 로그인 여부가 아니라 잘못된 초대 토큰 같은 "
            "다른 것을 거부합니다.",
            _CONTRADICTION,
        ),
        references=("RFC 9110 §15.5.2 (401)", "RFC 9110 §15.5.4 (403)"),
    ),
    "HTS903": RuleText(
        summary="프레임워크가 붙여 주지 않는데 WWW-Authenticate 헤더 없이 만든 401.",
        what=(
            "`WWW-Authenticate` 헤더 없이 만든 401 응답이나 예외를 보고합니다: `abort(401)`, `headers=` 없는 "
            "`HTTPException(status_code=401)`, `HttpResponse(status=401)`, `web.HTTPUnauthorized()`, Litestar의 "
            "`NotAuthorizedException()`, `challenges=` 없는 Falcon의 `HTTPUnauthorized()`, `scheme=` 없는 Sanic의 "
            "`Unauthorized()`. 프로젝트의 예외 클래스가 프로젝트의 오류 핸들러로 실어 나르는 401도 보고합니다"
            "(`class Unauthorized(ApiError): status_code = 401`, `super().__init__(message, 401)`, "
            '`raise ApiError("...", 401)`). 핸들러의 응답에 헤더가 없을 때이며, 401이 쓰인 곳에서 한 번만 보고하고 '
            "클래스를 발생시키는 곳에서는 보고하지 않습니다. 프로젝트 인덱스로 클래스, 핸들러, 발생시키는 곳이 서로 다른 "
            "모듈에 있어도 찾습니다."
        ),
        why=(
            "RFC 9110 §11.6.1은 모든 401에 챌린지를 하나 이상 담으라고 요구합니다: 클라이언트는 그것으로 어떤 방식으로 "
            '인증할지 압니다. 챌린지가 없으면 범용 클라이언트는 복구하지 못합니다. `Bearer`나 `Basic realm="api"` 같은 챌린지를 '
            "추가하세요. 자격 증명은 유효한데 요청이 허용되지 않는 경우라면 맞는 상태는 챌린지가 필요 없는 403 Forbidden입니다."
        ),
        fix_safety="수정 없음: 인증 방식과 realm은 작성자만 압니다.",
        not_reported=(
            "DRF의 `NotAuthenticated`와 `AuthenticationFailed`: DRF가 첫 인증기의 챌린지를 붙이거나 대신 403을 보냅니다.",
            "챌린지를 스스로 보내는 Flask-HTTPAuth, Bottle의 `auth_basic`, FastAPI의 보안 클래스.",
            "헤더를 변수, `**kwargs`, 헬퍼에서 가져오는 응답, 다른 호출에 넘기는 응답(`raise Fault(HTTPUnauthorized())`), "
            "그리고 어디서든 `WWW-Authenticate`를 언급하는 모듈이나 함수(오류 핸들러나 미들웨어가 붙일 수 있음).",
            "프로젝트의 어떤 오류 핸들러도 보내는 것이 보이지 않는 예외 클래스의 `status_code = 401`, 그리고 클래스의 "
            "모듈이나 그 클래스가 상속하는 프로젝트 클래스의 모듈이 `WWW-Authenticate`를 언급하거나(핸들러가 붙일 수 "
            "있음) 인덱스가 그중 하나를 볼 수 없을 때 실어 나르는 401.",
            "프로젝트의 어느 모듈이든 401, `Unauthorized`, 모든 `HTTPException` 또는 `Exception`에 대해 "
            "`WWW-Authenticate`를 설정하는 오류 핸들러를 등록할 때 발생시키는 401(`abort(401)`, `raise Unauthorized()`, "
            "FastAPI의 `raise HTTPException(status_code=401)`). Flask와 Quart는 `@app.errorhandler`, "
            "`register_error_handler`, 블루프린트의 `app_errorhandler`, FastAPI와 Starlette는 `exception_handler`, "
            "`add_exception_handler`, `exception_handlers=`입니다. 프로젝트 인덱스가 필요합니다. 뷰가 직접 반환하는 응답"
            "(`Response(status=401)`, `return body, 401`)은 어떤 오류 핸들러도 거치지 않으므로 계속 보고합니다.",
        ),
        references=("RFC 9110 §11.6.1 (WWW-Authenticate)", "RFC 9110 §15.5.2 (401)"),
    ),
    "HTS904": RuleText(
        summary="리소스를 생성하고 200으로 답하는 POST(또는 생성하는 PUT) 핸들러.",
        what=(
            "답하기까지의 모든 경로에서 리소스를 생성하고 명시적으로든 프레임워크 기본값으로든 200으로 답하는 POST(또는 "
            "PUT) 핸들러를 보고합니다: `Model.objects.create(...)`, `session.add(Model(...))`, 인스턴스 없이 만든 "
            "시리얼라이저의 `serializer.save()`, `insert_one(...)`, `repo.create(...)`. 프레임워크 기본값을 따릅니다: "
            "`status_code=` 없는 FastAPI 라우트는 POST에도 200으로 답하고(보고함), Litestar의 `@post`와 DRF의 "
            "`CreateModelMixin`은 이미 201로 답합니다(보고하지 않음). `Response` 객체를 반환하는 FastAPI 핸들러는 그 "
            "객체의 상태로 판단합니다."
        ),
        why=(
            "RFC 9110 §9.3.3은 POST로 리소스를 만든 원 서버가 201 Created로 답해야 한다고 하고, §9.3.4는 생성하는 PUT에 "
            '201을 요구합니다. 클라이언트, SDK 생성기, 캐시는 201을 "새것이 생겼다"로 읽고 보통 `Location` URI에서 '
            "찾습니다. 200은 아무것도 만들어지지 않았다고 말합니다."
        ),
        fix_safety=(
            "안전하지 않음: 클라이언트는 200 대신 201을 받습니다. 수정은 명시한 상태를 바꾸거나, 프레임워크 기본값이 "
            "적용되던 곳에 상태 키워드를 넣거나(FastAPI 라우트 데코레이터의 `status_code=`, `JsonResponse`나 DRF "
            "`Response`의 `status=`), Flask 뷰의 반환값에 상태를 덧붙입니다."
        ),
        not_reported=(
            "`get_or_create`와 `update_or_create`: 무언가를 만들었는지는 실행마다 다릅니다.",
            "답까지의 일부 경로에서만 일어나는 생성(`if` 안, 반복문 안, 핸들러가 부르는 헬퍼 함수 안. 다만 프로젝트의 다른 "
            "모듈에 있고 모든 경로에서 생성하는 헬퍼는 예외), 그리고 핸들러에서 "
            "새로 만들지 않고 불러온 객체의 `save()`.",
            "메서드를 알 수 없는 핸들러(`request.method` 검사가 없는 Django 함수 뷰), 그리고 수정하는 PUT 핸들러"
            "(인스턴스와 함께 만든 시리얼라이저).",
            "Litestar의 `@post` 핸들러와 DRF의 `CreateModelMixin`: 이미 201로 답합니다.",
            "생성 후 리다이렉트하는 HTML 폼 핸들러(리다이렉트 상태는 HTS908이 판단함).",
            '만든 것을 답에 담지 않는 핸들러(`{"ok": True}`, 토큰), 로그·감사·이력 행(`AuditLog`, `History`)만 '
            "만드는 핸들러, 동작을 이름으로 하는 핸들러(`login`, `search`, `send`, `run`, `POST /jobs/<id>/run`), "
            "그리고 upsert(`.on_conflict_replace()`, `upsert=True`).",
        ),
        references=("RFC 9110 §9.3.3 (POST)", "RFC 9110 §9.3.4 (PUT)", "RFC 9110 §15.3.2 (201)"),
        options=(
            "`http-status-creation-calls`: 리소스를 생성하는 프로젝트 호출 (`myapp.orders.place_order`, "
            "`orders_service.open`).",
        ),
    ),
    "HTS905": RuleText(
        summary="애플리케이션 핸들러가 보내는 203; 203은 콘텐츠를 변형하는 프록시용입니다.",
        what="다른 서버에서 콘텐츠를 가져오지 않는 애플리케이션 코드가 보내는 203을 보고합니다.",
        why=(
            "203 Non-Authoritative Information은 중간자가 원 서버의 200 응답을 고쳤다고 클라이언트에 알립니다(RFC 9110 "
            "§15.3.4, §7.7). 자기 데이터를 일부든 캐시든 내보내는 원 서버는 200으로 답합니다. 그렇지 않으면 203을 따로 "
            "다루는 캐시와 클라이언트가 잘못 판단합니다."
        ),
        fix_safety="안전하지 않음: 클라이언트는 203 대신 200을 받습니다.",
        not_reported=(
            "HTTP 클라이언트(requests, httpx, urllib3, aiohttp 클라이언트, Tornado 클라이언트)를 쓰는 모듈: 콘텐츠를 "
            "변형하는 프록시일 수 있고, 그러면 203이 옳습니다.",
        ),
        references=("RFC 9110 §15.3.4 (203)", "RFC 9110 §7.7 (transformations)"),
    ),
    "HTS906": RuleText(
        summary="콘텐츠를 담아 만든 204/205/304(또는 1xx).",
        what=(
            "프레임워크가 콘텐츠를 보내거나 실패하는 곳에서 콘텐츠를 담아 만든 204, 205, 304, 1xx 응답을 보고합니다: "
            'Django와 DRF(`HttpResponse("done", status=204)`, `Response(serializer.data, status=204)`), Starlette와 '
            "FastAPI의 `Response` 객체(`JSONResponse`는 콘텐츠가 없어도 `null`을 만듦), Tornado(`set_status(204)` 뒤의 "
            "`write(...)`, 응답을 마칠 때 예외 발생), 그리고 상태에 본문이 없는데 반환 주석은 콘텐츠를 약속하는 Litestar "
            "라우트(앱이 시작되지 않음)."
        ),
        why=(
            "RFC 9110 §6.4.1은 1xx, 204, 304 응답이 헤더 뒤에서 끝난다고 하고, §15.3.6은 205에 콘텐츠를 금지합니다. 그래도 "
            "보낸 콘텐츠는 연결이 유지될 때 다음 응답의 시작으로 읽혀 그 응답을 망가뜨립니다. 프레임워크가 거부하는 곳에서는 "
            "클라이언트가 대신 500을 받습니다."
        ),
        fix_safety="수정 없음: 콘텐츠와 상태 중 하나가 틀렸고, 어느 쪽인지는 작성자만 압니다.",
        not_reported=(
            "콘텐츠를 스스로 버리는 프레임워크: Flask, Quart, Werkzeug, aiohttp, Sanic, Falcon, Bottle, 그리고 직렬화하는 "
            "반환값에 대한 FastAPI. 클라이언트는 그 콘텐츠를 보지 못합니다.",
            '빈 콘텐츠(`""`, `b""`, `None`)와 값을 알 수 없는 변수의 콘텐츠.',
            "처리 방식을 확인하지 못한 Pyramid/WebOb.",
        ),
        references=(
            "RFC 9110 §6.4.1",
            "RFC 9110 §15.3.5 (204)",
            "RFC 9110 §15.3.6 (205)",
            "RFC 9110 §15.4.5 (304)",
        ),
    ),
    "HTS907": RuleText(
        summary="프레임워크가 붙여 주지 않는데 Allow 헤더 없이 보내는 405.",
        what=(
            "코드가 직접 `Allow` 헤더 없이 보내는 405를 보고합니다: `valid_methods=` 없는 `abort(405)`, "
            "`HTTPException(status_code=405)`, `HttpResponse(status=405)`, Tornado의 `raise HTTPError(405)`, Litestar의 "
            "`MethodNotAllowedException()`, Pyramid의 `HTTPMethodNotAllowed()`."
        ),
        why=(
            "RFC 9110 §15.5.6은 원 서버가 모든 405에 `Allow`를 보내라고 요구합니다(§10.2.1): 클라이언트는 그것으로 대신 "
            "무엇을 할 수 있는지 압니다."
        ),
        fix_safety="수정 없음: 지원하는 메서드 목록은 작성자가 적어야 합니다.",
        not_reported=(
            "라우팅되지 않은 메서드에 라우터가 보내는 405(Flask, Starlette, FastAPI, aiohttp, Falcon, Sanic, Bottle은 거기에 "
            "`Allow`를 붙임), DRF(모든 APIView 응답에 `Allow`가 있음), Django의 `HttpResponseNotAllowed`, aiohttp와 "
            "Falcon의 `HTTPMethodNotAllowed`(메서드 목록이 필수).",
            "헤더를 변수나 헬퍼에서 가져오는 응답, 다른 호출에 넘기는 응답, 그리고 어디서든 `Allow`를 언급하는 함수나 모듈.",
        ),
        references=("RFC 9110 §15.5.6 (405)", "RFC 9110 §10.2.1 (Allow)"),
    ),
    "HTS908": RuleText(
        summary="POST/PUT/PATCH/DELETE에 답하는 301.",
        what=(
            "POST, PUT, PATCH, DELETE 요청만 도달하는 핸들러나 분기(POST 라우트, 클래스 기반 뷰의 `post()`, Django의 "
            '`form_valid()`, `request.method == "POST"` 분기)에서 보내는 301 Moved Permanently를 보고합니다. 직접 '
            "적었든(`redirect(url, 301)`), 플래그로 만들었든(Django와 Tornado의 `redirect(url, permanent=True)`), "
            "클래스로 만들었든(`HttpResponsePermanentRedirect`, `web.HTTPMovedPermanently`) 같습니다."
        ),
        why=(
            "RFC 9110 §15.4.2는 301에서 사용자 에이전트가 POST를 GET으로 바꾸는 것을 허용하고, PUT과 DELETE도 바꾸는 "
            "클라이언트가 있어 다음 동작은 클라이언트 마음입니다. 게다가 301은 영구적인 것으로 캐시되므로(§15.4.2) 다음 "
            "요청은 메서드가 바뀌었든 아니든 곧장 새 URI로 갑니다. 303 See Other(§15.4.4)는 모든 클라이언트에게 "
            '"결과는 GET으로 가져가라"고 말하고(post/redirect/get), 308 Permanent Redirect(§15.4.9)는 "앞으로 이 요청을 '
            '그곳에 다시 보내라"고 말합니다.'
        ),
        fix_safety=_REDIRECT_FIX_SAFETY,
        not_reported=(
            _REDIRECT_ONLY_UNSAFE,
            "302 Found(직접 적었든 헬퍼의 기본값이든): HTS923이 보고합니다(브라우저는 이미 303처럼 다루므로 기본으로 꺼짐).",
            _REDIRECT_PRESERVED,
        ),
        references=("RFC 9110 §15.4.2 (301)", "RFC 9110 §15.4.4 (303)", "RFC 9110 §15.4.9 (308)"),
    ),
    "HTS909": RuleText(
        summary="클라이언트의 잘못된 입력을 처리하는 분기에서 보내는 5xx.",
        what=(
            "클라이언트의 잘못된 입력을 처리하며 보내는 5xx를 보고합니다: `ValidationError`(pydantic, marshmallow, Django, "
            "DRF, jsonschema), `JSONDecodeError`, 또는 요청을 읽는 코드에서 난 `ValueError`/`KeyError`/`TypeError`/"
            "`UnicodeDecodeError`에 대한 `except` 절 안, 요청을 읽고 검증하기만 하는 코드를 둘러싼 포괄 절"
            "(`except Exception`, 예외를 지정하지 않은 `except:`) 안, 그리고 `form.is_valid()`나 `serializer.is_valid()`가 "
            "실패한 분기, 그리고 클라이언트가 보낸 값이 없거나 허용되지 않음을 확인한 `if`의 분기(`kind = "
            'request.form.get("kind")` 뒤의 `if kind is None:`, `if not kind:`, `if kind not in KINDS:`, '
            '`if "kind" not in payload:`, 또는 `if kind in KINDS:`의 `else`). '
            "응답은 `return ..., 500`, `abort(500)`, `raise InternalServerError` 등 5xx를 쓰는 어떤 방식이든 됩니다."
        ),
        why=(
            "5xx는 서버가 실패했다는 뜻입니다(RFC 9110 §15.6): 클라이언트는 재시도하고, 모니터링은 누군가를 호출하며, "
            "클라이언트는 요청을 고치라는 말을 듣지 못합니다. 잘못된 입력은 4xx입니다: 400 Bad Request(§15.5.1), 또는 형식은 "
            "맞지만 내용이 잘못된 데이터에는 422 Unprocessable Content(§15.5.21)."
        ),
        fix_safety="수정 없음: 400과 422 모두 타당하며 작성자가 고릅니다.",
        not_reported=(
            "요청이나 핸들러의 매개변수를 읽지 않는 코드 주변의 `ValueError`, `KeyError`, `UnicodeDecodeError`: 서버 자신의 "
            "버그일 수 있습니다.",
            "서버 쪽 예외도 잡는 `except` 절(`except (ValueError, DatabaseError)`), 그리고 지키는 코드가 다른 서버도 "
            "호출하는 절.",
            "예외를 지정하지 않았거나 넓은 절(`except Exception`): 지키는 코드가 요청을 읽고 검증하기만 할 때"
            "(`json.loads(request.body)`, `int(request.args['page'])`, `schema.load(request.json)`, "
            "`Item(**payload)`)는 예외. 쿼리, 나가는 호출, 프로젝트 함수는 서버 쪽에서 실패할 수 있습니다.",
            "요청에서 그대로 읽은 값이 아닌 것(서버 설정, 클라이언트가 보낸 것으로 한 조회나 변환, 핸들러의 매개변수, "
            "프록시가 넣을 수 있는 헤더)의 검사, 검사 전에 바뀐 값, 그리고 그 `if`의 분기 바로 안이 아닌 5xx(가드 뒤, "
            "또는 더 깊은 곳: 서버가 그 값에 대해 한 일에서 실패했을 수 있음).",
        ),
        references=("RFC 9110 §15.5.1 (400)", "RFC 9110 §15.5.21 (422)", "RFC 9110 §15.6 (5xx)"),
    ),
    "HTS910": RuleText(
        summary="이 리소스가 지원하지 않는 표준 메서드에 보내는 501.",
        what=(
            "다른 메서드를 처리하는 리소스에서 표준 메서드(GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS)에 대한 핸들러의 "
            "답 전체가 501인 경우를 보고합니다: 잘 동작하는 `get()` 옆 클래스 기반 뷰의 `put()`, 모듈의 다른 라우트가 같은 "
            '경로를 처리하는 라우트, 또는 `request.method == "PUT"` 분기의 첫 문장.'
        ),
        why=(
            "501 Not Implemented는 서버가 그 기능을 전혀 지원하지 않는다는 뜻으로, 어떤 리소스에서도 알아보지 못하는 메서드가 "
            "그 예입니다(RFC 9110 §15.6.2). 알려진 메서드를 이 리소스가 허용하지 않는 경우는 405 Method Not Allowed입니다"
            "(§15.5.6). 클라이언트는 이것에 대응할 수 있고, 캐시는 이를 서버 결함이 아니라 클라이언트 오류로 다룹니다."
        ),
        fix_safety=(
            "안전하지 않음: 클라이언트는 405를 받습니다. 수정은 리터럴이나 상수를 바꿉니다. 그러면 405에 `Allow` 헤더가 "
            "필요하며(HTS907), 메서드를 지워 프레임워크가 스스로 405로 답하게 하는 편이 나을 때가 많습니다."
        ),
        not_reported=(
            "핸들러가 다른 일을 한 뒤의 501: 서버에 없는 기능(내보내기 형식, 백엔드)에 관한 것이라 501이 옳을 수 있습니다.",
            "코드가 좁히지 않은 메서드에 대한 501(나머지를 모두 받는 분기): 서버가 모르는 메서드일 수 있고, 그러면 501이 "
            "옳습니다.",
            "유일한 핸들러가 501인 라우트(아직 만들지 않은 엔드포인트): 405는 리소스가 어떤 메서드도 지원하지 않는다고 주장하게 "
            "됩니다.",
        ),
        references=("RFC 9110 §15.6.2 (501)", "RFC 9110 §15.5.6 (405)"),
    ),
    "HTS911": RuleText(
        summary="본문이 오류 모양인데 2xx(명시 또는 기본값)로 나가는 응답.",
        what=(
            "오류 모양의 콘텐츠에 성공 상태를 명시하거나 프레임워크 기본값으로 붙인 경우를 보고합니다: "
            '`{"error": ...}`, 옆에 오류 정보만 있는 `{"errors": ...}`, `{"success": False}`, `{"ok": False}`, '
            '실패한 결과(`{"status": "error"}`, `"fail"`, `"failed"`, `"failure"`, `{"result": "error"}`), 그리고 '
            "상태 줄 대신 본문에 적은 HTTP 상태(`jsonify(status=404, message=...)`, "
            '`{"code": 400, "msg": ...}`, `{"status_code": 500}`)이며, 이때 메시지는 그 상태를 권합니다. '
            '색이 오류인 플래시 형식 메시지(`{"type": "danger", "message": ...}`, 또는 `type`, `category`, `level` 키의 '
            '`"error"`), 메시지 옆의 거짓 상태(`{"status": False, "msg": ...}`), 모든 항목이 이런 페이로드인 통째로 적은 '
            '목록(`jsonify([{"type": "danger", "message": ...}])`)도 셉니다. '
            '기본값이 적용되는 곳도 셉니다: `JsonResponse({"error": ...})`, DRF의 `Response({...})`, '
            "`JSONResponse`, aiohttp의 `web.json_response`, Sanic의 `json`, Flask의 `make_response(jsonify(...))`, "
            "`jsonify(error=...)`, `json.dumps(...)`나 dict를 반환하는 Flask·Quart 뷰, 오류 핸들러, `before_request` 훅, dict를 반환하는 FastAPI 라우트, "
            "앞에서 상태를 정하지 않은 Tornado의 `self.write`/`self.finish`와 Falcon의 `resp.media`. 변수에 먼저 만든 "
            "dict도 함수가 한 번만 바인딩하고 이후 바꾸지 않으면 읽습니다"
            '(`payload = {"error": msg}; return jsonify(payload)`). 뷰가 그대로 반환하는 같은 모듈의 응답 헬퍼'
            '(`def fail(msg): return jsonify(success=False, message=msg)`를 `return fail("bad")`로 호출)는 '
            "헬퍼 자신의 return에서 보고합니다."
        ),
        why=(
            "클라이언트, 프록시, 재시도, 캐시, 모니터링은 본문이 아니라 상태 줄을 읽습니다. 200으로 답한 오류는 정상 응답으로 "
            "캐시되고, 성공으로 집계되며, 재시도되지 않습니다. RFC 9110 §15는 요청이 성공했는지 말하는 일을 상태 코드에 "
            "맡깁니다."
        ),
        fix_safety="수정 없음: 어떤 오류 상태가 맞는지는 오류에 따라 다르고, 클라이언트가 본문의 코드를 읽을 수도 있습니다.",
        not_reported=(
            '오류 옆에 결과도 담은 페이로드(GraphQL처럼 `{"data": ..., "errors": [...]}`, 일부만 실패한 일괄 처리의 '
            '`{"created": 3, "errors": [...]}`)와 JSON-RPC 봉투: 거기서는 200이 옳습니다.',
            '비었거나 없는 오류(`{"error": None}`, `{"errors": []}`), 그리고 다른 곳에서 만든 콘텐츠: 두 번 이상 '
            '바인딩되거나(분기마다 `response = [...]`) 만든 뒤 바뀐(`data["status"] = "error"`) 변수, 다른 모듈.',
            '다른 색의 플래시 메시지(`"warning"`, `"info"`, `"success"`), 메시지 없는 `{"type": "error"}`나 '
            '`{"status": False}`, 성공과 오류가 섞였거나 항목별로 쌓아 만든 목록: 항목별 결과는 일부 실패를 알립니다.',
            "만든 뒤 상태를 바꾸는 응답(`response.status_code = 400`, `return response, 409`), 그리고 호출이 받지 않는 "
            "상태 키워드를 준 응답(DRF의 `Response(data, status_code=400)`): 호출이 실패하거나 상태가 사라지지만 200이 "
            "나간다고 확신할 수 없습니다.",
            '다른 데이터 옆의 플래그와 결과(`{"ready": True, "success": False}`, `{"status": "failed", "job": 3}`): '
            "요청이 아니라 작업의 상태를 나타냅니다.",
            "헬스·준비·상태 엔드포인트(함수 이름이나 라우트 경로로 판단: `health`, `healthz`, `ready`, `live`, "
            "`ping`, `status` 등): 의존 서비스의 상태를 200 응답 본문에 알리는 것은 흔히 의도된 것으로, 모니터가 "
            "인스턴스 자신의 잘못이 아닌 장애 때문에 재시작하거나 라우팅에서 빼지 않게 하려는 것입니다.",
            "웹훅 수신 핸들러(코드에 `stripe.Webhook.construct_event`처럼 웹훅이 나오는 핸들러): 보내는 쪽은 2xx가 "
            "아닌 응답을 모두 재시도하므로, 수신 측이 무시하는 이벤트도 200으로 확인합니다.",
            '4xx/5xx 상태가 아닌 본문의 숫자(`{"code": 2}`), 그리고 호출하는 쪽이 상태를 정하는 헬퍼'
            "(`def fail(msg, status): return jsonify(error=msg), status`).",
            "어떤 핸들러도 그대로 반환하지 않는 함수: 그런 dict를 만드는 모델이나 서비스 코드.",
        ),
        references=("RFC 9110 §15 (상태 코드)", "RFC 9110 §15.5 (4xx)", "RFC 9110 §15.6 (5xx)"),
    ),
    "HTS912": RuleText(
        summary="업스트림 시간 초과를 처리하는 분기에서 보내는 408.",
        what=(
            "나가는 호출의 시간 초과에 대한 `except` 절에서 보내는 408을 보고합니다: `requests.Timeout`"
            "(그리고 `requests.exceptions.ReadTimeout`, `ConnectTimeout`), `httpx.TimeoutException`과 그 하위 클래스, "
            "`aiohttp.ServerTimeoutError`, `urllib3`와 botocore의 시간 초과, Redis, MongoDB, Elasticsearch, SQLAlchemy "
            "커넥션 풀, Celery 결과의 시간 초과, 그리고 HTTP 클라이언트 호출(함수 앞부분에서 만든 세션이나 클라이언트, "
            "예를 들어 `ClientTimeout`을 준 `aiohttp.ClientSession`을 거친 호출도 포함)을 둘러싼 `asyncio.TimeoutError`, "
            "`socket.timeout`, `TimeoutError`."
        ),
        why=(
            "408 Request Timeout은 서버가 클라이언트의 요청을 기다리다 포기했다는 뜻이며(RFC 9110 §15.5.9), 클라이언트는 "
            "곧바로 다시 보낼 수 있습니다. 서버가 의존하는 서비스가 느린 경우에는 서버가 게이트웨이로서 실패한 것입니다: "
            "504 Gateway Timeout(§15.6.5)."
        ),
        fix_safety="안전하지 않음: 클라이언트는 408 대신 504를 받고 곧바로 재시도하지 않습니다.",
        not_reported=(
            "시간 초과에 대한 `except` 절 밖의 408: 서버가 정말로 클라이언트를 기다렸을 수 있습니다.",
            "HTTP 클라이언트를 부르지 않는 코드 주변의 일반 시간 초과(`TimeoutError`, `asyncio.TimeoutError`), 예를 들어 "
            "요청 본문을 기다리는 경우: 거기서는 408이 옳습니다.",
        ),
        references=("RFC 9110 §15.5.9 (408)", "RFC 9110 §15.6.5 (504)"),
    ),
    "HTS913": RuleText(
        summary="Location 없이 발생시키거나 반환하는 3xx(304 제외).",
        what=(
            "`Location` 헤더 없이 직접 만든 301, 302, 303, 307, 308을 보고합니다: `HTTPException(status_code=301)`, "
            '`HttpResponse(status=302)`, Flask의 `return "", 302`, Tornado의 `self.set_status(302)`. 리다이렉트 헬퍼와 '
            "클래스(`redirect(url)`, `HTTPFound(url)`)는 항상 Location을 설정하므로 보고하지 않습니다."
        ),
        why=(
            "리다이렉트는 클라이언트에게 다른 곳을 보라고 하고, `Location`이 그곳을 알려 줍니다(RFC 9110 §10.2.2, §15.4). "
            "Location이 없으면 브라우저는 빈 페이지를 보여 주고 API 클라이언트는 멈춥니다. 오류로 쓴 3xx는 4xx여야 합니다."
        ),
        fix_safety="수정 없음: 대상이나 뜻한 오류는 작성자만 압니다.",
        not_reported=(
            "300 Multiple Choices(거기서는 Location이 선택 사항)와 304 Not Modified(리다이렉트가 아님).",
            "헤더를 변수나 헬퍼에서 가져오는 응답, 다른 호출에 넘기는 응답, 그리고 어디서든 `Location`을 언급하는 함수나 "
            "모듈(미들웨어가 붙일 수 있음).",
            "API가 아예 거부하는 코드(`abort(302)`): HTS605가 보고합니다.",
        ),
        references=("RFC 9110 §10.2.2 (Location)", "RFC 9110 §15.4 (3xx)"),
    ),
    "HTS914": RuleText(
        summary="고유성 충돌을 처리하는 분기에서 보내는 400.",
        what=(
            "고유성 충돌을 처리하며 보내는 400을 보고합니다: `IntegrityError`(Django, SQLAlchemy, psycopg, sqlite3, peewee), "
            "`UniqueViolation`, `DuplicateKeyError`에 대한 `except` 절 안, `if ...filter(...).exists():` 검사의 분기, 또는 "
            "이미 존재한다고 말하는 메시지와 함께. 기본으로 꺼져 있습니다: `IntegrityError`는 단순히 잘못된 입력인 제약 위반도 "
            "포함합니다."
        ),
        why=(
            "400은 요청 자체가 잘못되었다는 뜻입니다(RFC 9110 §15.5.1): 나중에 다시 보내도 다시 실패합니다. 409 Conflict는 "
            "요청이 리소스의 현재 상태와 충돌한다는 뜻이므로(§15.5.10) 클라이언트는 다른 이름을 고르거나 기존 리소스를 "
            "가져올 수 있습니다."
        ),
        fix_safety="안전하지 않음: 클라이언트는 400 대신 409를 받습니다.",
        not_reported=(
            "다른 오류도 잡는 `except` 절, 그리고 핸들러의 다른 곳에 있는 400.",
            '핸들러 밖(시리얼라이저나 폼 검증)의 존재 여부 검사와 "already exists" 메시지: 거기서 필드 검증은 설계상 400으로 '
            "답하며 오류마다 상태를 고를 수 없습니다.",
        ),
        references=("RFC 9110 §15.5.1 (400)", "RFC 9110 §15.5.10 (409)"),
    ),
    "HTS915": RuleText(
        summary="Location 헤더 없는 201.",
        what=(
            "코드가 명시적으로 고른 201(리터럴, 상수, 라우트의 `status_code=201`, `web.HTTPCreated`)에 `Location` 헤더를 "
            "설정하지 않은 경우를, 방금 리소스 하나를 만든(`Model.objects.create`, `session.add(Model(...))`, 새 "
            "시리얼라이저의 `save()`, `repo.create`...) POST 핸들러에서 보고합니다. 기본으로 꺼져 있습니다."
        ),
        why=(
            "201은 만든 리소스를 `Location` 헤더로 알려 줍니다. 헤더가 없으면 클라이언트는 요청 URI가 그 리소스라고 가정해야 "
            "하는데(RFC 9110 §15.3.2), 컬렉션에 대한 POST에서는 거의 맞지 않습니다."
        ),
        fix_safety="수정 없음: 새 리소스의 URI는 작성자만 압니다.",
        not_reported=(
            "프레임워크 기본값(Litestar의 POST, `url` 필드로 `Location`을 붙이는 DRF의 `CreateModelMixin`): 작성자가 201을 "
            "고른 것이 아닙니다.",
            "헤더를 변수나 헬퍼에서 가져오는 응답, 다른 호출에 넘기는 응답, 그리고 어디서든 `Location`을 언급하는 함수나 모듈.",
            "PUT 핸들러와 경로가 매개변수로 끝나는 POST 라우트(`/teams/{name}`): 요청 URI가 새 리소스를 가리키며, "
            "`Location` 없는 201이 바로 그 뜻입니다. 여기에 경로가 적혀 있지 않은 클래스 기반 뷰와 라우트는 핸들러가 URL "
            "인자를 받으면(`def post(self, name)`) 같은 경우로 봅니다.",
            "앞에서 아무것도 만들지 않은 201(토큰 재발급, 이메일 발송): 거기서 문제는 헤더가 아니라 상태입니다. 플러그인이 "
            "볼 수 없는 생성(프로젝트의 `action.execute()`)은 없는 것으로 칩니다. `http-status-creation-calls`에 "
            "등록하세요.",
            "한 번에 만든 여러 리소스(`bulk_create`, 반복문 안의 생성): `Location` 하나로 모두 가리킬 수 없습니다.",
        ),
        references=("RFC 9110 §15.3.2 (201)", "RFC 9110 §10.2.2 (Location)"),
    ),
    "HTS916": RuleText(
        summary="Retry-After 없는 503이나 429.",
        what=(
            "`Retry-After` 헤더 없이 보내는 429나 503을 보고하며, 헤더를 붙이는 인자(DRF의 `Throttled(wait=...)`, Werkzeug의 "
            "`TooManyRequests(retry_after=...)`)도 셉니다. 기본으로 꺼져 있습니다: 이 헤더는 권장 사항이지 필수가 아닙니다."
        ),
        why=(
            "`Retry-After`가 없으면(RFC 9110 §10.2.3) 클라이언트는 언제 돌아올지 짐작해야 합니다. 너무 이르면 상태가 알리는 "
            "과부하를 더 키웁니다. RFC 6585 §4는 429에 이 헤더를 권합니다."
        ),
        fix_safety="수정 없음: 얼마나 기다려야 하는지는 작성자만 압니다.",
        not_reported=(
            "헤더를 변수나 헬퍼에서 가져오는 응답, 다른 호출에 넘기는 응답(헤더를 붙이거나 아예 보내지 않을 수 있음), "
            "그리고 어디서든 `Retry-After`를 언급하는 함수나 모듈.",
            '메시지나 `except` 절이 기능이 꺼져 있거나 설정되지 않았다고 말하는 503("disabled", "not configured", '
            '"not enabled", "not supported"): 기다려도 달라지지 않으므로 빠진 헤더가 아니라 상태 자체가 문제입니다.',
            "헬스 체크의 503(이름에 health가 들어간 함수, 클래스, 모듈): 프로브는 상태를 읽을 뿐이고 로드 밸런서는 자기 "
            "주기로 다시 묻습니다.",
        ),
        references=("RFC 9110 §10.2.3 (Retry-After)", "RFC 9110 §15.6.4 (503)", "RFC 6585 §4 (429)"),
    ),
    "HTS917": RuleText(
        summary="responses={...}를 선언한 FastAPI/Litestar 라우트가 선언하지 않은 상태를 발생시킵니다.",
        what=(
            "라우트가 `responses={...}`로 응답을 문서화했는데 그 상태도, 그 상태를 포함하는 범위도 적지 않은 경우에 FastAPI나 "
            "Litestar 핸들러가 발생시키는 상태(`raise HTTPException(status_code=404)`, `raise NotFoundException()`)를 "
            "보고합니다. 라우트 자신의 상태, 프레임워크가 스스로 문서화하는 상태(FastAPI의 422, Litestar의 400), 같은 모듈에서 "
            "만든 라우터에 선언한 응답, Litestar의 `raises=[...]`는 선언한 것으로 봅니다."
        ),
        why=(
            "`responses=`는 OpenAPI 문서로 공개되는 계약입니다: 생성된 클라이언트는 거기 적힌 상태만 처리하므로, 선언하지 않은 "
            "상태는 예상하지 못한 오류로 도착합니다."
        ),
        fix_safety="수정 없음: 응답에는 작성자만 쓸 수 있는 설명(과 흔히 모델)이 필요합니다.",
        not_reported=(
            '`responses=`가 없는 라우트, 그리고 키에 범위(`"4XX"`), `"default"`, 도구가 읽을 수 없는 이름이 있는 라우트.',
            "`responses=`에 이름에 묶인 딕셔너리를 넘기거나 `**`로 펼치는 라우트: 다른 곳의 코드가 그 딕셔너리에 키를 "
            "더할 수 있습니다.",
            "다른 모듈에서 만든 라우터의 라우트(라우터 수준의 `responses=`가 보이지 않음), 그리고 이 모듈에서 "
            "`responses=`와 함께 포함하는 라우터.",
            "핸들러 자체가 아니라 의존성, 헬퍼, 예외 핸들러에서 발생시키는 상태. 생성자가 상태를 받는 프로젝트의 다른 "
            "모듈의 예외 클래스(`raise TodoError(409, ...)`)는 그 상태를 발생시키는 것으로 본다.",
        ),
        references=(
            "FastAPI: Additional Responses in OpenAPI",
            "Litestar: OpenAPI response specs",
            "OpenAPI 3.1 Responses Object",
        ),
    ),
    "HTS918": RuleText(
        summary="없거나 잘못된 자격 증명에 답하는 400 또는 404.",
        what=(
            "요청의 자격 증명이 실패한 곳에서 보내는 400이나 404를 보고합니다: `Authorization` 헤더, API 키 헤더"
            "(`X-API-Key`), `api_key` 쿼리 매개변수가 없는 분기(`if not token:`, "
            '`token = request.headers.get("Authorization")` 뒤; FastAPI의 `Header()` 매개변수나 `fastapi.security` '
            "스킴으로 받은 것도), 값이 맞지 않는 분기(`if key != settings.API_KEY:`, "
            "`if not hmac.compare_digest(key, expected):`), 그 값으로 찾은 것이 없는 분기(`if user is None:`, "
            "`User.query.filter_by(api_key=key).first()` 뒤), 그리고 그런 자격 증명을 읽는 코드를 감싼 `except` 절 중 "
            "검증에 실패한 토큰을 잡는 것(`jwt.InvalidTokenError`, `jwt.ExpiredSignatureError`, python-jose의 "
            "`JWTError`, itsdangerous의 `BadSignature`와 `SignatureExpired`). 실제 애플리케이션에서 정밀도를 잴 때까지 "
            "기본으로 꺼져 있습니다."
        ),
        why=(
            "401 Unauthorized는 클라이언트에게 자격 증명이 없거나 틀렸으니 인증하고 다시 시도하라고 알립니다(RFC 9110 "
            "§15.5.2). 클라이언트는 이를 보고 토큰을 갱신하거나 로그인 폼을 보여 줍니다. 400은 요청이 잘못되었다는 뜻이고"
            "(§15.5.1) 404는 리소스가 없다는 뜻이라(§15.5.5) 어느 쪽도 인증하라고 말하지 않으므로, 클라이언트는 "
            "포기하거나 같은 요청을 되풀이합니다."
        ),
        fix_safety="안전하지 않음: 클라이언트는 400이나 404 대신 401을 받습니다. 401에는 `WWW-Authenticate` 헤더도 "
        "필요합니다(HTS903).",
        not_reported=(
            "본문, 경로, `token` 쿼리 매개변수에서 읽은 토큰: 비밀번호 재설정, 확인, 초대 토큰도 그리로 오며, 잘못된 "
            "것에는 400이나 404가 맞을 수 있습니다.",
            '형식이 잘못된 헤더(`if not auth.startswith("Bearer "):`, `if scheme != "Bearer":`): RFC 6750은 '
            "`invalid_request`에 400으로 답합니다.",
            "id로 리소스를 찾은 뒤의 404, 그리고 잘못된 요청 본문에 대한 400.",
            "자격 증명을 다른 조건과 섞은 분기(`if not token or not payload:`), 그리고 다른 오류도 잡는 `except` 절.",
        ),
        references=("RFC 9110 §15.5.2 (401)", "RFC 9110 §15.5.1 (400)", "RFC 6750 §3.1 (Bearer 토큰 오류)"),
    ),
    "HTS919": RuleText(
        summary="역할, 소유권, 권한이 없는 인증된 사용자에게 답하는 400.",
        what=(
            "사용자의 권한 검사가 실패한 곳에서 보내는 400을 보고합니다: `if not user.is_admin:`, "
            "`if not request.user.is_superuser:`, `if not current_user.has_role(...)`, `if not current_user.role_edit_shelfs():`, "
            '`if not request.user.has_perm(...)`, `if user.role != "admin":`, `if post.owner != request.user:`, '
            "`if note.user_id != current_user.id:`, 또는 사용자 권한을 검사한다는 이름의 함수가 거짓을 돌려준 곳"
            "(`if not check_shelf_edit_permissions(shelf):`, `has_edit_permission`). 실제 애플리케이션에서 정밀도를 잴 때까지 기본으로 꺼져 있습니다."
        ),
        why=(
            "400은 요청이 잘못되었다는 뜻입니다(RFC 9110 §15.5.1): 클라이언트가 요청을 고쳐야 합니다. 무언가를 할 수 "
            "없는 사용자는 올바른 요청을 보낸 것입니다. 403 Forbidden은 서버가 요청을 이해했지만 거절한다는 뜻이므로"
            "(§15.5.4) 클라이언트는 재시도를 멈추고 이유를 보여 줄 수 있습니다."
        ),
        fix_safety="안전하지 않음: 클라이언트는 400 대신 403을 받습니다.",
        not_reported=(
            "사용자가 익명일 수 있는 분기(`if user is None or not user.is_admin:`): 401을 뜻했을 수 있습니다.",
            "사용자가 아닌 것에 대한 검사(`if not form.is_admin:`), 그리고 리소스가 있다는 사실을 숨길 수 있는 404.",
        ),
        references=("RFC 9110 §15.5.1 (400)", "RFC 9110 §15.5.4 (403)"),
    ),
    "HTS922": RuleText(
        summary="경로에서 아무것도 생성하지 않는 201.",
        what=(
            "읽기만 하는 핸들러의 명시적인 201(리터럴, 상수, 라우트의 `status_code=201`)을 보고합니다: GET이나 HEAD "
            "핸들러, 또는 조회를 이름으로 하는 POST 핸들러(`search`, `lookup`, `filter`, `preview`, `validate`...) "
            "중에서, 플러그인이 모든 호출의 속을 볼 수 있고 그중 어느 것도 생성하지 않는 경우입니다. 기본으로 꺼져 "
            "있습니다."
        ),
        why=(
            "201 Created는 요청이 새 리소스를 만들었다고 클라이언트에게 알립니다(RFC 9110 §15.3.2). 보통 `Location`이 "
            "그 이름을 알려 줍니다. 이를 믿는 클라이언트, SDK 생성기, 캐시는 존재하지 않는 리소스를 기록하며, GET은 애초에 "
            "아무것도 만들면 안 됩니다(RFC 9110 §9.2.1). 읽기에 대한 답은 200 OK입니다."
        ),
        fix_safety="안전하지 않음: 클라이언트는 201 대신 200을 받습니다. 수정은 코드가 고른 상태를 다시 씁니다.",
        not_reported=(
            "플러그인이 속을 볼 수 없는 호출을 하는 핸들러: 프로젝트 헬퍼, 서비스나 저장소의 메서드, 뷰 자신의 메서드, "
            "`select`가 아닌 것의 `session.execute(...)`. 어느 것이든 생성할 수 있습니다.",
            "조회를 이름으로 하지 않는 POST, PUT, PATCH 핸들러: 생성이 그들이 할 수 있는 일이며, HTS904와 HTS915가 "
            "판단합니다.",
            "메서드를 알 수 없는 핸들러(`request.method` 검사가 없는 Django 함수 뷰)와 프레임워크 기본값(Litestar의 "
            "POST).",
        ),
        references=("RFC 9110 §15.3.2 (201)", "RFC 9110 §15.3.1 (200)", "RFC 9110 §9.2.1 (safe methods)"),
    ),
    "HTS920": RuleText(
        summary="업스트림이나 서버 쪽 장애를 처리하는 분기에서 보내는 4xx.",
        what=(
            "핸들러가 의존하는 다른 서버의 실패에 대한 `except` 절에서 보내는 4xx를 보고합니다: "
            "`requests.RequestException`, `ConnectionError`, `HTTPError`, `httpx.HTTPError`, `RequestError`, "
            "`aiohttp.ClientError`, `urllib.error.URLError`, 데이터베이스가 실패했다는 뜻의 오류(Django, SQLAlchemy, "
            "psycopg, sqlite3, MySQL의 `OperationalError`, `InterfaceError`), 브로커나 캐시 오류"
            "(`redis.ConnectionError`, kombu와 pika의 연결 오류), 그리고 500이 맞는 서버 자체의 장애: SQLAlchemy의 "
            "`InvalidRequestError`, `ResourceClosedError`, `PendingRollbackError`, `DetachedInstanceError`, 요청을 "
            "전혀 읽지 않는 코드(서버 자신의 파일) 주변의 `PermissionError`나 `OSError`. 기본으로 켜져 있습니다: "
            "실제 애플리케이션에서 읽은 결과 8개 중 8개가 맞았습니다(docs/precision.md)."
        ),
        why=(
            "4xx는 클라이언트의 요청이 잘못되어 다시 보내도 소용없다는 뜻입니다(RFC 9110 §15.5). 핸들러가 의존하는 서버가 "
            "실패했다면 클라이언트는 잘못한 것이 없습니다: 잘못된 응답에는 502 Bad Gateway(§15.6.3), 내려간 데이터베이스나 "
            "브로커에는 503 Service Unavailable(§15.6.4), 너무 느린 서버에는 504 Gateway Timeout(§15.6.5). 그래야 "
            "모니터링도 그 실패를 서버의 것으로 셉니다."
        ),
        fix_safety="수정 없음: 502, 503, 504는 뜻이 다르며 작성자가 고릅니다.",
        not_reported=(
            "다른 서버의 응답을 담은 예외(`HTTPError`, `RequestException`, `ClientError`)에 대한 404, 또는 실패의 "
            "상태나 코드를 읽는 분기(`e.response.status_code`): 핸들러가 아무것도 찾지 못한 조회처럼 그 서버의 판정을 "
            "그대로 전할 수 있습니다.",
            "다른 서버의 응답을 담은 예외에서, 지키는 호출이 클라이언트가 보낸 것을 그 서버에 넘기는 경우: 그 서버가 "
            "클라이언트의 데이터를 거절했을 수 있습니다.",
            "주소를 요청에서 가져오는 호출(`requests.get(request.args['url'])`): 클라이언트가 고른 주소에 닿지 못한 것은 "
            "클라이언트의 실수입니다.",
            "`DatabaseError`, `DBAPIError`, botocore의 `ClientError`: 클라이언트 자신의 실수도 포함합니다"
            "(`IntegrityError`, `DataError`, `NoSuchKey`).",
            "HTTP 클라이언트를 부르지 않는 코드 주변의 내장 `ConnectionError`(클라이언트가 연결을 끊어도 남), 그리고 "
            "시간 초과만 처리하는 408(HTS912가 보고함).",
            "한 행만 찾는 쿼리(`.one()`, `.scalar_one()`) 주변의 `InvalidRequestError`: `NoResultFound`도 포함합니다. "
            "이것이나 `OSError`에 대한 404(없는 파일이 요청한 리소스일 수 있음), 그리고 `FileNotFoundError` 자체.",
            "`StaleDataError`: 낙관적 잠금에서는 다른 클라이언트의 동시 변경이며 409가 맞습니다. 요청에서 온 경로나 "
            "다른 서버 호출 주변의 `OSError`.",
        ),
        references=(
            "RFC 9110 §15.5 (4xx)",
            "RFC 9110 §15.6.3 (502)",
            "RFC 9110 §15.6.4 (503)",
            "RFC 9110 §15.6.5 (504)",
        ),
    ),
    "HTS921": RuleText(
        summary="넓은 `except`가 500이나 다른 상태로 응답하는 `try` 안에서 발생시킨 HTTP 오류.",
        what=(
            "`try` 문 안에서 발생시킨 HTTP 오류(`abort(404)`, `raise NotFound()`, "
            "`raise HTTPException(status_code=403)`, `raise Http404`, `raise web.HTTPNotFound()`, Tornado의 "
            "`raise HTTPError(400)`)를 보고합니다. 그 `try`에 500이나 다른 오류 상태(발생시킨 403 대신 404 등)로 응답하는 포괄 절"
            "(`except Exception`, `except BaseException`, 예외를 지정하지 않은 `except:`)이 있고, 그 앞에 HTTP 오류를 "
            "잡을 수 있는 절이 없는 경우입니다(내장 예외와 `DoesNotExist`, `NoResultFound` 같은 행 없음 ORM 예외는 잡지 "
            "않습니다). 그런 `try` 안에서 스스로 4xx를 발생시키는 헬퍼를 부르는 곳도 보고합니다"
            "(403을 발생시키는 `await require_camera_access(camera)`): 같은 모듈의 함수, 또는 프로젝트 색인을 통해 다른 "
            "모듈의 함수. 실제 애플리케이션에서 정밀도를 잴 때까지 기본으로 꺼져 있습니다."
        ),
        why=(
            "Flask, Werkzeug, Django, FastAPI, Starlette, aiohttp, Tornado, DRF의 HTTP 오류는 `Exception`의 하위 "
            "클래스입니다: 포괄 절은 다른 실패처럼 이것도 잡습니다. 클라이언트는 코드가 고른 4xx(RFC 9110 §15.5) 대신 500이나 다른 "
            '상태를 받습니다: 거부된 사용자는 "찾을 수 없음"을 읽고, 클라이언트는 성공할 수 없는 요청을 재시도하며, 오류는 서버의 것으로 기록되고 호출됩니다.'
        ),
        fix_safety="수정 없음: HTTP 오류를 통과시키거나(먼저 `except HTTPException: raise`), `try` 밖에서 발생시키세요.",
        not_reported=(
            "HTTP 오류를 잡을 수 있는 앞선 절이 있는 `try`(`except HTTPException: raise`, `except NotFound`, 프로젝트 "
            "예외 클래스): HTTP 오류가 아니라고 알려진 것은 내장 예외와 라이브러리 예외뿐입니다.",
            "다시 발생시키거나(어디든 `raise`만 있는 문), 예외의 타입을 검사하거나(`isinstance`), 상태를 읽는"
            "(`exc.code`) 포괄 절, 스스로 오류 상태를 보내지 않는 포괄 절, 발생시킨 상태와 같은 상태로 응답하는 포괄 절.",
            "자기 `try` 안에서만 발생시키거나 매개변수가 정하는 상태를 발생시키는 헬퍼.",
            "발생시키지 않고 반환하는 오류(`return web.HTTPNotFound()`)와 아무것도 발생시키지 않는 `send_error(404)`.",
        ),
        references=("RFC 9110 §15.5 (4xx)", "RFC 9110 §15.6.1 (500)", "Python: built-in exception hierarchy"),
    ),
    "HTS923": RuleText(
        summary="POST/PUT/PATCH/DELETE에 답하는 302(직접 적었거나 redirect()의 기본값).",
        what=(
            "POST, PUT, PATCH, DELETE 요청만 도달하는 핸들러나 분기에서 보내는 302 Found를 보고합니다: 직접 적었든"
            "(`redirect(url, 302)`, `HTTPFound`) 리다이렉트 헬퍼의 기본값이든(Flask, Quart, Werkzeug, Django, Sanic, "
            "Tornado, Litestar의 `redirect(url)`; Django의 `HttpResponseRedirect`) 같습니다. 기본으로 꺼져 있습니다."
        ),
        why=(
            "RFC 9110 §15.4.3은 302에서 사용자 에이전트가 POST를 GET으로 바꾸는 것을 허용하고 나머지는 클라이언트에게 "
            "맡깁니다. 브라우저는 GET으로 바꾸므로 302로 하는 post/redirect/get도 동작하지만, 상태가 말하는 것이 적습니다: "
            '303 See Other(§15.4.4)는 브라우저와 API 클라이언트 모두에게 정확히 "결과는 GET으로 가져가라"는 뜻이고, '
            '307(§15.4.8)은 "이 요청을 그곳에 다시 보내라"는 뜻입니다. 브라우저에서는 잘못되는 것이 없어 기본으로 꺼져 '
            "있습니다; 메서드를 유지할 수 있는 클라이언트를 둔 API에서 켜세요."
        ),
        fix_safety=_REDIRECT_FIX_SAFETY,
        not_reported=(
            _REDIRECT_ONLY_UNSAFE,
            "기본값이 이미 303이나 307인 헬퍼(HTTP/1.1의 Bottle, Starlette과 FastAPI의 `RedirectResponse`, Starlette의 "
            "`@requires(redirect=...)`).",
            "301: HTS908이 보고합니다(기본으로 켜짐).",
            _REDIRECT_PRESERVED,
            "Flask 3.2(303)가 프로젝트가 지원하는 가장 오래된 릴리스가 된 뒤의 Flask와 Werkzeug `redirect()` 기본값: 이 "
            "규칙은 릴리스된 기본값 302를 읽습니다.",
        ),
        references=("RFC 9110 §15.4.3 (302)", "RFC 9110 §15.4.4 (303)", "RFC 9110 §15.4.8 (307)"),
    ),
}
