"""상태 코드 카탈로그 (한국어): 코드마다 의미, 쓰는 경우, 대신 쓸 코드, 헤더, 프레임워크별 주의점.

영어판(`en.py`)과 같은 코드를 같은 순서의 `Instead`·`Header`로 담는다. 용어: 인증(authentication),
권한(authorization), 리소스, 메서드, 콘텐츠, 리다이렉트.
"""

from __future__ import annotations

from typing import Final

from .entry import Entry, Header, Instead, Level

MUST, SHOULD, MAY, MUST_NOT = Level.MUST, Level.SHOULD, Level.MAY, Level.MUST_NOT

_LOCATION_3XX = "이동할 대상 URI. 없으면 클라이언트는 갈 곳이 없습니다 (RFC 9110 §10.2.2)"

ENTRIES: Final[dict[int, Entry]] = {
    100: Entry(
        meaning=(
            "`Expect: 100-continue`로 본문을 보내겠다고 알린 요청에 대한 중간 응답입니다. 서버가 헤더를 읽었으니 "
            "클라이언트는 본문을 이어서 보내면 됩니다."
        ),
        use="애플리케이션 코드에서 보낼 일은 거의 없습니다. 핸들러가 본문을 읽기 전에 HTTP 서버가 대신 응답합니다.",
        instead=(
            Instead(417, "`Expect` 헤더가 요구하는 것을 서버가 들어줄 수 없을 때"),
            Instead(413, "보내겠다는 본문이 너무 크다는 것을 이미 알 때. 전송되기 전에 거절하세요"),
            Instead(202, '핸들러가 최종 응답으로 "받았고 처리 중"이라고 말하려 할 때'),
        ),
    ),
    101: Entry(
        meaning=(
            "클라이언트의 `Upgrade` 요청을 서버가 받아들였다는 뜻입니다. 이 응답이 끝나는 지점부터 연결은 다른 "
            "프로토콜(대개 WebSocket)로 통신합니다."
        ),
        use="프로토콜 업그레이드 핸드셰이크 안에서만 씁니다. 보통은 프레임워크나 서버의 WebSocket 지원이 알아서 처리합니다.",
        instead=(
            Instead(426, "이 리소스가 응답하려면 클라이언트가 먼저 프로토콜을 바꿔야 할 때"),
            Instead(400, "업그레이드나 WebSocket 핸드셰이크 요청 자체가 잘못되었을 때"),
        ),
        headers=(Header("Upgrade", MUST, "연결이 전환될 프로토콜 (RFC 9110 §15.2.2)"),),
        notes=(
            "HTTP/2와 HTTP/3에는 101이 없습니다. 그 위의 WebSocket은 확장 CONNECT 요청으로 시작합니다 "
            "(RFC 8441, RFC 9220).",
        ),
    ),
    102: Entry(
        meaning=(
            "오래 걸리는 요청을 아직 처리하고 있다고 알리는 WebDAV 중간 응답입니다. RFC 4918이 WebDAV에서 "
            "뺐지만 레지스트리에는 남아 있습니다."
        ),
        use="새 코드에서는 쓰지 마세요. 클라이언트가 이 응답에 기대지 않고, 대부분의 파이썬 서버는 핸들러에서 보낼 수도 없습니다.",
        instead=(
            Instead(202, "작업이 응답 뒤에 끝날 때. 클라이언트가 조회할 수 있는 URL과 함께 202로 답하세요"),
            Instead(103, "클라이언트가 일부 헤더를 미리 활용하게 하려는 것일 때"),
        ),
    ),
    103: Entry(
        meaning=(
            "최종 응답에 들어갈 가능성이 큰 헤더(주로 `Link` 프리로드 힌트)를 먼저 보내는 중간 응답입니다. "
            "서버가 아직 작업하는 동안 브라우저가 리소스를 미리 받아 올 수 있습니다. 클라이언트는 이 헤더를 "
            "최종 응답의 일부로 취급하면 안 됩니다."
        ),
        use="서버나 그 앞의 CDN이 핸들러가 끝나기 전에 힌트를 보낼 수 있을 때 씁니다. 최종 응답 전에 여러 번 보내도 됩니다.",
        instead=(Instead(200, "핸들러가 최종 응답을 보낼 때. 103은 최종 응답이 될 수 없습니다"),),
        headers=(Header("Link", MAY, "힌트 자체. 예: `rel=preload`, `rel=preconnect` (RFC 8297 §2)"),),
    ),
    104: Entry(
        meaning=(
            "IETF 재개 가능 업로드(resumable upload) 초안의 임시 등록 코드입니다. 연결이 끊겨도 시작한 업로드를 "
            "이어서 올릴 수 있다고 알리는 중간 응답입니다."
        ),
        use="그 초안 프로토콜을 구현한 서버에서만 씁니다.",
        instead=(Instead(201, "업로드가 끝나 리소스가 생성되었을 때 (최종 응답)"),),
        notes=("임시 등록은 갱신하지 않으면 만료됩니다. `http.HTTPStatus`에는 104가 없습니다.",),
    ),
    200: Entry(
        meaning=(
            "요청이 성공했습니다. 콘텐츠의 의미는 메서드에 따라 다릅니다. GET이면 리소스, POST면 작업 결과, "
            "DELETE면 처리 상태입니다."
        ),
        use="조회가 성공했을 때, 그리고 작업 결과를 응답에 담아 보낼 때 씁니다.",
        instead=(
            Instead(201, "POST(또는 PUT)로 새 리소스를 만들었을 때"),
            Instead(204, "돌려줄 것이 없을 때. 예: DELETE나 수정 후"),
            Instead(202, "작업을 큐에 넣었을 뿐 아직 처리하지 않았을 때"),
            Instead(206, "요청한 바이트 범위만 보낼 때"),
            Instead(
                400,
                '본문이 오류를 알릴 때(`{"error": …}`). 2xx로 보내면 클라이언트, 캐시, 모니터링이 '
                "실패를 알아채지 못하니, 오류를 설명하는 4xx나 5xx를 보내세요",
            ),
        ),
        headers=(Header("ETag", SHOULD, "GET과 HEAD에 대한 검증자. 버전을 구별할 수 있을 때 (RFC 9110 §8.8.3)"),),
        notes=(
            "거의 모든 프레임워크의 기본값이며 POST 핸들러도 마찬가지입니다(Flask, Django, FastAPI, Starlette). "
            "Litestar만 다릅니다. 따로 지정하지 않으면 `@post`는 201, `@delete`는 204로 답합니다.",
        ),
    ),
    201: Entry(
        meaning=(
            "요청으로 리소스가 하나 이상 생성되었습니다. `Location`이 대표 리소스를 가리키고, 없으면 요청 URI "
            "자체를 새 리소스로 봅니다."
        ),
        use=(
            "POST로 리소스를 만들었을 때(RFC 9110 §9.3.3 권고), 그리고 PUT으로 없던 리소스를 만들었을 때 "
            "(§9.3.4 필수) 씁니다."
        ),
        instead=(
            Instead(200, "PUT이나 PATCH로 기존 리소스를 바꾸고 그 결과를 돌려줄 때"),
            Instead(204, "기존 리소스를 수정하고 아무것도 돌려주지 않을 때"),
            Instead(202, "생성 작업을 큐에 넣었을 뿐 아직 만들지 않았을 때"),
            Instead(303, "HTML 폼으로 만들었고 브라우저가 다음 페이지를 불러와야 할 때 (POST/리다이렉트/GET)"),
        ),
        headers=(Header("Location", SHOULD, "생성된 리소스의 URI (RFC 9110 §9.3.3, §10.2.2)"),),
        notes=(
            "Flask, Django, FastAPI는 따로 지정하지 않으면 200으로 답합니다(FastAPI는 라우트에 "
            "`status_code=201`). DRF의 `CreateModelMixin`과 Litestar의 `@post`는 이미 201로 답합니다.",
        ),
    ),
    202: Entry(
        meaning=(
            "요청을 받아들였지만 처리는 끝나지 않았고, 아직 실패할 수도 있습니다. HTTP에는 나중에 결과를 "
            "알려 줄 방법이 없으니, 응답에서 진행 상황을 확인할 곳을 알려 주어야 합니다."
        ),
        use="작업을 큐나 백그라운드 잡에 넘겼을 때 씁니다.",
        instead=(
            Instead(201, "응답하는 시점에 리소스가 이미 만들어져 있을 때"),
            Instead(200, "작업이 끝났고 응답에 그 결과를 담을 때"),
        ),
        headers=(Header("Location", MAY, "흔히 작업 진행 상황을 알려 주는 리소스"),),
    ),
    203: Entry(
        meaning="200과 같지만, 중간의 변환 프록시가 원 서버가 보낸 콘텐츠를 바꾸었다는 뜻입니다 (RFC 9110 §7.7).",
        use="전달하는 응답을 수정하는 프록시에서만 씁니다.",
        instead=(
            Instead(200, "애플리케이션이 직접 응답할 때. 캐시나 외부 서비스에서 가져온 데이터라도 마찬가지입니다"),
        ),
    ),
    204: Entry(
        meaning=(
            "성공했고, 응답에 콘텐츠가 일부러 없습니다. 헤더는 여전히 대상 리소스를 설명하며, 브라우저는 현재 "
            "페이지에 머뭅니다."
        ),
        use="DELETE 후, 아무것도 돌려주지 않는 PUT·PATCH 후, 또는 클라이언트가 성공 여부만 알면 되는 작업에 씁니다.",
        instead=(
            Instead(200, "본문을 돌려줄 때. `{}`나 수정된 객체라도 마찬가지입니다"),
            Instead(201, "무언가를 만들었을 때"),
            Instead(205, "클라이언트가 제출한 폼도 비워야 할 때"),
        ),
        headers=(Header("Content-Length", MUST_NOT, "204에는 잴 콘텐츠가 없습니다 (RFC 9110 §8.6)"),),
        notes=(
            "204에 본문을 담으면 프레임워크마다 다르게 동작합니다. Flask와 Werkzeug는 버리고, Django와 "
            "Starlette는 그대로 보내며(클라이언트가 다음 응답의 시작으로 잘못 읽을 수 있습니다), Tornado는 "
            "AssertionError로 실패하고, Litestar는 반환 타입이 `None`이 아닌 204 핸들러를 시작 시점에 거부합니다.",
        ),
    ),
    205: Entry(
        meaning=(
            "성공했으니 클라이언트는 요청을 보낸 화면을 초기화하라는 뜻입니다. 예를 들어 사용자가 다음 항목을 "
            "입력하도록 폼을 비웁니다. 콘텐츠는 없습니다."
        ),
        use="드물게 씁니다. 제출할 때마다 입력값을 비우려는 데이터 입력 화면에 맞습니다.",
        instead=(
            Instead(204, "클라이언트 쪽에서 아무것도 바뀌지 않아야 할 때"),
            Instead(303, "브라우저가 다른 페이지로 넘어가야 할 때"),
        ),
    ),
    206: Entry(
        meaning="요청의 `Range` 헤더가 요구한 부분만 응답에 담았다는 뜻입니다.",
        use="충족할 수 있는 범위 요청에 응답할 때 씁니다. 예: 동영상 탐색, 다운로드 이어받기.",
        instead=(
            Instead(200, "요청에 `Range` 헤더가 없거나, 전체를 보내기로 했을 때"),
            Instead(416, "요청한 범위 중 리소스와 겹치는 것이 하나도 없을 때"),
        ),
        headers=(
            Header(
                "Content-Range",
                MUST,
                "단일 범위일 때 보낸 범위. 여러 범위는 `multipart/byteranges` 본문에 담고 각 부분에 "
                "`Content-Range`를 붙입니다 (RFC 9110 §15.3.7)",
            ),
            Header(
                "ETag",
                MUST,
                "`Cache-Control`, `Content-Location`, `Date`, `Expires`, `Vary`와 함께, 같은 요청에 200으로 "
                "답했다면 보냈을 헤더 모두 (RFC 9110 §15.3.7)",
            ),
        ),
    ),
    207: Entry(
        meaning="WebDAV: 본문(XML `multistatus` 문서)이 여러 리소스 각각의 상태를 따로 알려 줍니다.",
        use="WebDAV 서버, 그리고 일괄 처리에 이 형식을 일부러 채택한 API에서 씁니다.",
        instead=(Instead(200, "JSON 일괄 처리 API가 항목별 결과를 자체 형식으로 알려 줄 때"),),
    ),
    208: Entry(
        meaning=(
            "WebDAV 바인딩: 207 본문 안에서, 컬렉션의 멤버를 응답 앞부분에서 이미 나열했으므로 반복하지 않는다는 "
            "뜻입니다."
        ),
        use="RFC 5842를 구현한 서버의 207 응답 안에서만 씁니다.",
        instead=(Instead(200, "207 본문 안이 아닐 때. 실제 결과에 맞는 상태를 보내세요"),),
    ),
    226: Entry(
        meaning=(
            "델타 인코딩: 서버가 GET에 전체 표현 대신 인스턴스 조작 결과(예: 클라이언트가 가진 버전과의 차이)로 "
            "응답했다는 뜻입니다."
        ),
        use="RFC 3229 델타 인코딩을 구현한 서버에서, `A-IM`을 보낸 요청에만 씁니다.",
        instead=(
            Instead(200, "전체 표현을 보낼 때"),
            Instead(304, "클라이언트의 사본이 이미 최신일 때"),
        ),
        headers=(Header("ETag", MUST, "현재 인스턴스의 엔티티 태그 (RFC 3229 §10.4.1)"),),
    ),
    300: Entry(
        meaning="리소스에 표현(언어, 형식)이 여러 개 있고, 서버가 선택을 클라이언트에게 맡긴다는 뜻입니다.",
        use="드물게 씁니다. 본문에 선택지를 나열하는 반응형 협상(reactive negotiation)에 맞습니다.",
        instead=(
            Instead(200, "가장 알맞은 표현을 서버가 직접 골라 보낼 수 있을 때 (사전 협상)"),
            Instead(406, "요청의 `Accept` 헤더에 맞는 표현이 하나도 없을 때"),
        ),
        headers=(Header("Location", SHOULD, "서버가 선호하는 선택지가 있다면 그 URI (RFC 9110 §15.4.1)"),),
    ),
    301: Entry(
        meaning="리소스에 새 영구 URI가 생겼습니다. 클라이언트는 앞으로 새 URI를 써야 하고, 캐시는 이 리다이렉트를 저장해도 됩니다.",
        use="GET이나 HEAD로 접근하는 URL이 영구히 바뀌었을 때 씁니다. 예: 페이지 이름 변경, 도메인 이전.",
        instead=(
            Instead(
                308,
                "POST, PUT, DELETE 요청이 메서드와 본문을 유지해야 할 때. 301을 받은 브라우저는 "
                "POST를 GET으로 바꿀 수 있습니다",
            ),
            Instead(302, "잠시 옮긴 것일 때"),
            Instead(410, "옮긴 것이 아니라 없어졌을 때"),
        ),
        headers=(Header("Location", SHOULD, _LOCATION_3XX),),
        notes=(
            "301은 기본적으로 캐시할 수 있어서 브라우저가 기억합니다. 잘못 보낸 301은 되돌리기 어렵습니다. "
            "Django의 `redirect(..., permanent=True)`와 Tornado의 `redirect(url, permanent=True)`가 301을 보냅니다.",
        ),
    ),
    302: Entry(
        meaning="리소스가 잠시 다른 URI에 있다는 뜻입니다. 클라이언트는 원래 URI를 계속 씁니다.",
        use="GET 요청의 임시 리다이렉트에 씁니다. 예: 로그인 페이지로 보내기. 대부분의 프레임워크가 기본으로 보냅니다.",
        instead=(
            Instead(
                303,
                "폼 POST 다음에 결과 페이지를 GET으로 보여 줘야 할 때. 브라우저는 302를 받아도 어차피 "
                "POST를 GET으로 바꾸지만, 303은 그것이 의도임을 분명히 밝힙니다",
            ),
            Instead(307, "메서드와 본문을 유지해야 할 때"),
            Instead(301, "영구히 옮겼을 때"),
        ),
        headers=(Header("Location", SHOULD, _LOCATION_3XX),),
        notes=(
            "리다이렉트 기본 상태: Flask·Werkzeug `redirect` 302 (Werkzeug 3.2부터 303), Django `redirect` 302, "
            "Sanic·Litestar 302, Starlette·FastAPI `RedirectResponse` 307, Bottle `redirect`는 HTTP/1.1에서 303.",
        ),
    ),
    303: Entry(
        meaning=(
            "응답은 다른 URI에 있으니, 원래 메서드가 무엇이든 GET으로 가져가라는 뜻입니다. 대상은 옮겨 간 원래 "
            "리소스가 아니라 다른 리소스입니다."
        ),
        use=(
            "POST/리다이렉트/GET 패턴: 폼 POST 다음에 결과를 보여 주는 페이지로 브라우저를 보내서, 새로 고침해도 "
            "폼이 다시 제출되지 않게 합니다."
        ),
        instead=(
            Instead(302, "같은 리소스가 잠시 다른 URI에 있을 뿐일 때"),
            Instead(307, "클라이언트가 새 URI에서 같은 메서드로 다시 요청해야 할 때"),
            Instead(308, "리소스 자체가 영구히 옮겨 갔을 때"),
            Instead(201, "API 클라이언트가 리소스를 만들었고 응답에서 그 리소스나 URI를 기대할 때"),
        ),
        headers=(Header("Location", SHOULD, "GET으로 가져갈 URI (RFC 9110 §15.4.4)"),),
    ),
    304: Entry(
        meaning=(
            "조건부 GET·HEAD(`If-None-Match`, `If-Modified-Since`)에 대한 응답으로, 클라이언트의 캐시 사본이 "
            "아직 최신이니 콘텐츠를 보내지 않는다는 뜻입니다."
        ),
        use=(
            "조건을 따져 보니 바뀐 것이 없는 조건부 GET·HEAD에만 씁니다. 프레임워크 도구가 대신 보내 줍니다. "
            "Django의 `ConditionalGetMiddleware`와 `condition` 데코레이터, Werkzeug의 `make_conditional`."
        ),
        instead=(
            Instead(412, "PUT, POST, DELETE에서 `If-None-Match` 조건이 실패했을 때 (RFC 9110 §13.1.2)"),
            Instead(200, "조건부 요청이 아니었을 때"),
        ),
        headers=(
            Header(
                "ETag",
                MUST,
                "`Cache-Control`, `Content-Location`, `Date`, `Expires`, `Vary`와 함께, 200이었다면 보냈을 헤더 "
                "모두 (RFC 9110 §15.4.5)",
            ),
        ),
        notes=("Django의 `HttpResponseNotModified`는 콘텐츠를 받지 않습니다.",),
    ),
    305: Entry(
        meaning=(
            "예전에는 `Location`에 적은 프록시를 거쳐 다시 요청하라는 뜻이었습니다. 응답이 클라이언트의 프록시를 "
            "정하게 두는 것은 보안 구멍이라 폐기되었고, 클라이언트도 무시합니다."
        ),
        use="쓰지 마세요.",
        instead=(Instead(307, "클라이언트가 잠시 다른 곳으로 다시 요청해야 할 때"),),
    ),
    306: Entry(
        meaning='초기 초안에서 "Switch Proxy"로 쓰였고, 지금은 다시는 배정되지 않도록 예약만 되어 있습니다.',
        use="쓰지 마세요.",
        instead=(Instead(307, "의도한 것이 임시 리다이렉트일 때"),),
        notes=(
            "`http.HTTPStatus`에는 306이 없습니다. Starlette, DRF, Litestar는 `HTTP_306_RESERVED`라는 이름을 둡니다.",
        ),
    ),
    307: Entry(
        meaning="리소스가 잠시 다른 URI에 있으며, 클라이언트는 그곳에 같은 메서드와 본문으로 다시 요청해야 합니다.",
        use="POST, PUT, DELETE를 그대로 유지해야 하는 임시 리다이렉트, 그리고 메서드가 바뀌면 안 되는 모든 경우에 씁니다.",
        instead=(
            Instead(303, "폼 POST 다음에 브라우저가 결과 페이지를 GET으로 받아야 할 때"),
            Instead(302, "평범한 GET 요청일 때. 302도 똑같이 동작하고, 모든 클라이언트가 예전부터 이해합니다"),
            Instead(308, "영구히 옮겼을 때"),
        ),
        headers=(Header("Location", SHOULD, _LOCATION_3XX),),
        notes=(
            "Starlette와 FastAPI의 `RedirectResponse`는 기본값이 307입니다. 폼 POST 뒤에 리다이렉트하면 "
            "`status_code=303`을 주지 않는 한 대상에 폼을 다시 POST합니다.",
        ),
    ),
    308: Entry(
        meaning=(
            "리소스에 새 영구 URI가 생겼으며, 클라이언트는 그곳에 같은 메서드와 본문으로 다시 요청하고 링크도 "
            "고쳐야 합니다."
        ),
        use="POST, PUT, DELETE를 받는 엔드포인트를 영구히 옮길 때 씁니다. 예: API의 끝 슬래시 리다이렉트.",
        instead=(
            Instead(301, "GET으로만 접근하는 페이지이고, 308을 모르는 아주 오래된 클라이언트까지 챙겨야 할 때"),
            Instead(307, "잠시 옮긴 것일 때"),
        ),
        headers=(Header("Location", SHOULD, _LOCATION_3XX),),
        notes=("Werkzeug의 strict slashes 리다이렉트가 308을 씁니다.",),
    ),
    400: Entry(
        meaning=(
            "클라이언트가 무언가를 잘못 보내서 서버가 요청을 처리하지 않겠다는 뜻입니다. 예: 문법 오류, "
            "잘못된 메시지 구성, 파싱할 수 없는 콘텐츠."
        ),
        use="요청 자체가 망가졌을 때 씁니다. 예: 파싱되지 않는 JSON, 빠졌거나 형식이 틀린 매개변수, 쿼리의 잘못된 타입.",
        instead=(
            Instead(422, "콘텐츠가 파싱되고 형식도 지원되지만 값이 검증을 통과하지 못할 때"),
            Instead(409, "요청에는 문제가 없지만 리소스의 현재 상태와 부딪칠 때 (중복, 편집 충돌)"),
            Instead(415, "콘텐츠의 미디어 타입을 지원하지 않을 때"),
            Instead(401, "인증 정보가 없거나, 틀렸거나, 만료되었을 때"),
        ),
        notes=(
            "DRF의 `ValidationError`와 Litestar의 `ValidationException`은 400으로, FastAPI는 요청 검증 오류를 "
            "422로 답합니다.",
        ),
    ),
    401: Entry(
        meaning=(
            "요청에 유효한 인증 정보가 없다는 뜻입니다. 보내지 않았거나, 틀렸거나, 만료되었습니다. 이름은 "
            '"Unauthorized"이고 흔히 "권한 없음"으로 옮기지만, 실제로는 권한(인가)이 아니라 인증(당신이 누구인지)의 '
            "문제입니다."
        ),
        use="클라이언트가 인증되지 않았고 다시 로그인하면 성공할 수 있을 때 씁니다. 예: 토큰 없음, 세션 만료, 서명 불일치.",
        instead=(
            Instead(403, "클라이언트가 인증은 되었지만 권한이 없을 때. 같은 인증 정보로 다시 보내도 소용없습니다"),
            Instead(404, "리소스가 있다는 사실 자체를 숨기고 싶을 때"),
            Instead(407, "인증을 요구하는 쪽이 원 서버가 아니라 프록시일 때"),
        ),
        headers=(Header("WWW-Authenticate", MUST, '챌린지 하나 이상. 예: `Bearer realm="api"` (RFC 9110 §11.6.1)'),),
        notes=(
            "Flask의 `abort(401)`과 Starlette·FastAPI의 `HTTPException(401)`은 `WWW-Authenticate`를 보내지 "
            "않으니 직접 넣어야 합니다. FastAPI의 보안 클래스와 Flask-HTTPAuth는 넣어 줍니다.",
            "DRF는 첫 번째 인증 클래스가 챌린지를 제공할 때만 401을 보내고, 그렇지 않으면(세션 인증) 401을 "
            "403으로 바꿉니다.",
        ),
    ),
    402: Entry(
        meaning="나중을 위해 예약된 코드입니다. RFC 9110이 의미를 정하지 않았으므로 클라이언트가 표준적으로 대응할 방법이 없습니다.",
        use="일부 API가 요금제 소진이나 미결제 계정에 자체 규약으로 씁니다. 범용 클라이언트는 이해하지 못합니다.",
        instead=(
            Instead(403, "계정에 그 기능을 쓸 권한이 없을 때"),
            Instead(429, "사용량 한도나 요청 빈도 제한을 넘었을 때"),
        ),
        notes=(
            "Werkzeug에는 402용 예외 클래스가 없습니다. Flask와 Quart의 `abort(402)`는 LookupError를 일으키고 "
            "클라이언트는 500을 받습니다.",
        ),
    ),
    403: Entry(
        meaning=(
            "서버가 요청을 이해했지만 거절한다는 뜻입니다. 인증 정보를 보냈다면 그것으로는 권한이 부족하며, 같은 "
            "정보로 다시 보내도 소용없습니다."
        ),
        use="사용자가 누구인지는 알지만 작업에 필요한 권한, 역할, 소유권이 없을 때, 또는 모두에게 거절하는 작업일 때 씁니다.",
        instead=(
            Instead(401, "로그인한 사용자가 없거나 인증 정보가 틀렸거나 만료되었을 때. 클라이언트가 인증해야 합니다"),
            Instead(404, "리소스가 있다는 사실 자체를 숨기고 싶을 때"),
            Instead(451, "자체 정책이 아니라 법적 요구 때문에 거절할 때"),
        ),
        notes=("DRF는 인증 클래스가 챌린지를 제공하지 않으면(세션 인증) 인증되지 않은 요청에도 403으로 답합니다.",),
    ),
    404: Entry(
        meaning="대상 URI에 해당하는 현재 표현이 서버에 없거나, 있는지 없는지 밝히지 않겠다는 뜻입니다.",
        use="알 수 없는 URL이나 ID일 때, 그리고 존재를 알면 안 되는 클라이언트에게 리소스를 숨길 때 씁니다.",
        instead=(
            Instead(410, "있던 리소스를 일부러 지웠고 다시 생기지 않을 때"),
            Instead(405, "URI는 있지만 이 메서드를 지원하지 않을 때"),
            Instead(200, "검색이나 필터 결과가 없을 때. 빈 목록으로 답하세요"),
        ),
        notes=(
            "404는 기본적으로 캐시할 수 있습니다. Pyramid는 받아 주는 뷰가 없는 메서드에 405가 아니라 404로 답합니다.",
        ),
    ),
    405: Entry(
        meaning="서버가 그 메서드를 알지만 대상 리소스가 지원하지 않는다는 뜻입니다. 예: 읽기 전용 컬렉션에 DELETE.",
        use="URI가 존재하고 메서드도 표준이지만 이 리소스가 받지 않을 때 씁니다.",
        instead=(
            Instead(501, "서버가 그 메서드를 어떤 리소스에서도 알지 못할 때"),
            Instead(404, "리소스가 존재하지 않을 때"),
            Instead(403, "리소스는 그 메서드를 지원하지만 이 사용자에게 권한이 없을 때"),
        ),
        headers=(Header("Allow", MUST, "리소스가 지원하는 메서드. 비어 있어도 됩니다 (RFC 9110 §10.2.1)"),),
        notes=(
            "Flask, DRF, Starlette, FastAPI, Litestar, aiohttp, Sanic, Falcon, Bottle은 라우터가 메서드를 거절할 때 "
            "`Allow`를 직접 붙이고, Django의 `HttpResponseNotAllowed`(클래스 기반 뷰와 `require_http_methods`가 "
            "보냄)는 항상 이 헤더를 담습니다. 손으로 쓴 `abort(405)`나 `HTTPException(405)`는 붙이지 않으며, "
            "Tornado는 한 번도 붙이지 않습니다.",
        ),
    ),
    406: Entry(
        meaning="사전 협상에 실패했다는 뜻입니다. 서버가 만들 수 있는 어떤 표현도 요청의 `Accept` 헤더와 맞지 않습니다.",
        use="서버가 `Accept`를 엄격하게 따르는데 나열된 타입이나 언어 중 어느 것도 만들 수 없을 때 씁니다.",
        instead=(
            Instead(415, "형식이 틀린 쪽이 응답이 아니라 요청의 콘텐츠일 때"),
            Instead(200, "그래도 기본 형식으로 보내려 할 때. HTTP는 이를 허용합니다"),
        ),
    ),
    407: Entry(
        meaning="401과 같지만, 클라이언트에게 인증을 요구하는 쪽이 클라이언트와 서버 사이의 프록시입니다.",
        use="프록시에서만 씁니다.",
        instead=(Instead(401, "원 서버가 인증 정보를 요구할 때"),),
        headers=(Header("Proxy-Authenticate", MUST, "프록시의 챌린지 (RFC 9110 §11.7.1)"),),
    ),
    408: Entry(
        meaning="클라이언트가 요청을 다 보내기를 기다리다 서버가 포기했다는 뜻입니다. 클라이언트는 요청을 다시 보내도 됩니다.",
        use="HTTP 서버 계층에서, 연결한 클라이언트가 요청을 너무 느리게 보낼 때 씁니다. 애플리케이션에서 쓸 일은 드뭅니다.",
        instead=(
            Instead(504, "핸들러가 업스트림 서비스를 기다리다 시간 초과가 났을 때"),
            Instead(503, "서버가 과부하라 지금은 요청을 받을 수 없을 때"),
        ),
        headers=(Header("Connection", SHOULD, "`close`. 서버가 기다리는 대신 연결을 닫는다는 뜻 (RFC 9110 §15.5.9)"),),
    ),
    409: Entry(
        meaning="요청이 리소스의 현재 상태와 충돌한다는 뜻입니다. 클라이언트가 충돌을 해결하고 다시 시도할 수도 있습니다.",
        use="중복(이미 쓰는 사용자 이름), 버전 간 편집 충돌, 현재 상태에서 허용되지 않는 상태 전이에 씁니다.",
        instead=(
            Instead(412, "`If-Match` 같은 조건부 헤더로 충돌을 발견했을 때"),
            Instead(422, "현재 상태와 상관없이 값 자체가 틀렸을 때"),
            Instead(400, "요청 자체가 잘못되었을 때"),
        ),
    ),
    410: Entry(
        meaning="리소스가 여기 있었지만 일부러 지웠고, 아마 영영 돌아오지 않는다는 뜻입니다.",
        use="지원을 끝낸 API 버전, 클라이언트와 검색 엔진이 잊어야 할 삭제된 콘텐츠에 씁니다.",
        instead=(
            Instead(404, "영구적인지 알 수 없거나, 원래 없던 리소스일 때"),
            Instead(301, "리소스가 사라진 것이 아니라 옮겨 갔을 때"),
        ),
        notes=("410은 기본적으로 캐시할 수 있습니다.",),
    ),
    411: Entry(
        meaning="콘텐츠가 있는데 `Content-Length`가 없는 요청을 서버가 거절한다는 뜻입니다.",
        use="서버가 크기를 미리 알아야 할 때 씁니다. 예: 스트림을 받기 전에 크기 제한을 확인할 때.",
        instead=(
            Instead(413, "길이는 알지만 너무 클 때"),
            Instead(400, "요청이 다른 식으로 잘못되었을 때"),
        ),
    ),
    412: Entry(
        meaning=(
            "요청 헤더의 조건(`If-Match`, `If-Unmodified-Since`, 또는 GET·HEAD가 아닌 메서드의 `If-None-Match`)이 "
            "거짓이라 메서드를 적용하지 않았다는 뜻입니다."
        ),
        use="낙관적 동시성 제어: 클라이언트의 `If-Match`가 이미 최신이 아닌 버전을 가리킬 때 씁니다.",
        instead=(
            Instead(304, "GET이나 HEAD에서 `If-None-Match`나 `If-Modified-Since` 조건이 거짓일 때"),
            Instead(428, "요청에 조건이 없는데 서버가 조건을 요구할 때"),
            Instead(409, "조건부 헤더 없이 충돌을 발견했을 때"),
        ),
    ),
    413: Entry(
        meaning="요청 콘텐츠가 서버가 처리하려는 크기보다 크다는 뜻입니다. 예전 이름은 Payload Too Large, Request Entity Too Large입니다.",
        use="업로드나 본문 크기 제한에 씁니다.",
        instead=(
            Instead(431, "너무 큰 것이 헤더일 때"),
            Instead(414, "너무 긴 것이 URI일 때"),
            Instead(507, "서버의 저장 공간이 떨어졌을 때"),
        ),
        headers=(Header("Retry-After", SHOULD, "일시적인 상황일 때 (RFC 9110 §15.5.14)"),),
    ),
    414: Entry(
        meaning="대상 URI가 서버가 해석하려는 길이보다 길다는 뜻입니다.",
        use="아주 긴 쿼리 문자열에 씁니다. 대개 GET 대신 본문이 있는 POST를 썼어야 한다는 신호입니다.",
        instead=(
            Instead(431, "헤더가 너무 클 때"),
            Instead(413, "콘텐츠가 너무 클 때"),
        ),
        notes=("414는 기본적으로 캐시할 수 있습니다.",),
    ),
    415: Entry(
        meaning="요청 콘텐츠의 미디어 타입(`Content-Type`)이나 콘텐츠 코딩 때문에 서버가 요청을 거절한다는 뜻입니다.",
        use="JSON API에 XML이나 폼 데이터를 보냈을 때, 또는 서버가 지원하지 않는 방식으로 압축한 본문에 씁니다.",
        instead=(
            Instead(406, "만들 수 없는 것이 `Accept`로 요청한 응답 형식일 때"),
            Instead(400, "미디어 타입은 맞지만 콘텐츠가 망가졌을 때 (잘못된 JSON)"),
            Instead(422, "콘텐츠는 파싱되지만 검증을 통과하지 못할 때"),
        ),
        headers=(
            Header("Accept", MAY, "서버가 받는 미디어 타입 (RFC 9110 §15.5.16)"),
            Header("Accept-Encoding", MAY, "콘텐츠 코딩이 문제였을 때 서버가 받는 코딩 (RFC 9110 §12.5.3)"),
        ),
    ),
    416: Entry(
        meaning="요청의 `Range` 헤더에 있는 범위가 현재 표현과 하나도 겹치지 않는다는 뜻입니다. 예: 파일 끝을 넘는 바이트.",
        use="범위 요청을 전혀 충족할 수 없을 때 씁니다.",
        instead=(
            Instead(206, "요청한 범위 중 하나라도 보낼 수 있을 때"),
            Instead(200, "`Range` 헤더를 무시하고 전체를 보낼 때"),
        ),
        headers=(Header("Content-Range", SHOULD, "`bytes */<length>`. length는 표현의 현재 길이 (RFC 9110 §15.5.17)"),),
    ),
    417: Entry(
        meaning="요청의 `Expect` 헤더가 기대하는 것을 서버가 충족할 수 없다는 뜻입니다.",
        use="HTTP가 정의한 유일한 값인 `100-continue`가 아닌 `Expect` 값에 씁니다.",
        instead=(
            Instead(413, "보내겠다는 본문이 너무 커서 거절할 때"),
            Instead(401, "클라이언트가 인증되지 않아서 본문을 거절할 때"),
        ),
    ),
    418: Entry(
        meaning=(
            '예약된 코드입니다. 만우절에 나온 커피포트 제어 프로토콜 RFC 2324가 "I\'m a teapot"으로 썼는데, '
            "소프트웨어가 농담 삼아 이 코드를 구현해 두었기 때문에 레지스트리가 다른 용도로 배정하지 않도록 막아 두었습니다."
        ),
        use="실제 서비스에서는 쓰지 마세요. 클라이언트는 그냥 400으로 받아들입니다.",
        instead=(
            Instead(501, "그런 기능이 없을 때"),
            Instead(400, "요청을 거절할 때. 이유를 설명하는 4xx를 쓰세요"),
        ),
        notes=("`HTTPStatus.IM_A_TEAPOT`이 (파이썬 3.9부터) 있어서 실제보다 공식적인 코드처럼 보입니다.",),
    ),
    421: Entry(
        meaning=(
            "요청이 URI의 스킴과 authority에 대해 응답할 수 없는 서버에 도착했다는 뜻입니다. 예: 다른 호스트도 "
            "인증서에 포함되어 재사용된 HTTP/2 연결로 들어온 요청."
        ),
        use="연결 재사용을 다루는 서버와 게이트웨이에서 씁니다. 애플리케이션 코드에서 쓸 일은 드뭅니다. 프록시는 보내면 안 됩니다.",
        instead=(Instead(404, "호스트는 이 서버가 맡고 있지만 리소스를 모를 때"),),
    ),
    422: Entry(
        meaning=(
            "콘텐츠의 타입은 지원되고 파싱도 되지만, 담긴 지시를 처리할 수 없다는 뜻입니다. 대개 어떤 필드가 "
            "검증을 통과하지 못한 경우입니다."
        ),
        use="형식은 올바른 콘텐츠의 검증 오류에 씁니다. 예: 지난 날짜, 알 수 없는 enum 값, 빠진 필드.",
        instead=(
            Instead(400, "본문을 아예 파싱할 수 없을 때 (잘못된 JSON)"),
            Instead(409, "값 자체는 올바르지만 기존 상태와 부딪칠 때 (이미 가입된 이메일)"),
            Instead(415, "미디어 타입을 지원하지 않을 때"),
        ),
        notes=(
            "FastAPI는 요청 검증 오류에 422로 답합니다. 클라이언트 실수에 모두 400을 쓰는 API도 많지만, 422를 "
            "쓰면 클라이언트가 파싱 실패와 검증 실패를 구별할 수 있습니다.",
            "파이썬 3.13과 Starlette 0.48이 상수 이름을 `UNPROCESSABLE_CONTENT`로 바꾸었습니다. 예전 이름 "
            "`UNPROCESSABLE_ENTITY`는 모든 버전에서 동작합니다.",
        ),
    ),
    423: Entry(
        meaning="WebDAV: 리소스가 잠겨 있어서 메서드를 적용할 수 없다는 뜻입니다.",
        use="클라이언트가 확인하고 풀 수 있는 명시적인 잠금이 있는 리소스에 씁니다.",
        instead=(Instead(409, "리소스 상태와의 충돌에 잠금이 관련되지 않을 때"),),
    ),
    424: Entry(
        meaning="WebDAV: 이 메서드가 기대던 다른 작업(대개 같은 요청 안의 작업)이 실패해서 이 메서드도 실패했다는 뜻입니다.",
        use="207로 보고하는 여러 단계 작업에서, 앞 단계가 실패해 실행되지 않은 단계에 씁니다.",
        instead=(Instead(502, "핸들러가 호출한 업스트림 서비스가 실패했을 때"),),
    ),
    425: Entry(
        meaning="TLS 조기 데이터(early data)로 도착한 요청은 공격자가 재전송할 수 있으므로 서버가 처리하지 않겠다는 뜻입니다.",
        use=(
            "조기 데이터로 왔거나 프록시가 `Early-Data: 1`을 붙인 요청에만 씁니다. 클라이언트는 핸드셰이크가 "
            "끝난 뒤 다시 시도합니다."
        ),
        instead=(Instead(503, "부하 같은 평범한 이유로 요청을 받을 수 없을 때"),),
    ),
    426: Entry(
        meaning="서버가 현재 프로토콜로는 응답하지 않겠다며 클라이언트가 바꿔야 할 프로토콜을 알려 준다는 뜻입니다.",
        use="다른 프로토콜이 필요한 엔드포인트에 씁니다. 예: WebSocket 전용 엔드포인트에 평범한 HTTP 요청이 왔을 때.",
        instead=(
            Instead(308, "평범한 HTTP를 HTTPS로 옮기려 할 때. https URI로 리다이렉트하세요"),
            Instead(505, "지원하지 않는 것이 HTTP 버전 자체일 때"),
        ),
        headers=(Header("Upgrade", MUST, "클라이언트가 바꿔야 할 프로토콜 (RFC 9110 §15.5.22)"),),
    ),
    428: Entry(
        meaning="업데이트 유실을 막기 위해 서버가 조건부 요청(예: `If-Match` 포함)을 요구한다는 뜻입니다.",
        use="낙관적 동시성 제어를 강제하는 PUT·PATCH 엔드포인트에 씁니다.",
        instead=(
            Instead(412, "요청에 조건이 있었는데 거짓이었을 때"),
            Instead(409, "수정 내용이 다른 식으로 현재 상태와 부딪칠 때"),
        ),
        notes=("캐시는 428을 저장하면 안 됩니다. 본문에서 요청을 어떻게 다시 보내야 하는지 설명해야 합니다.",),
    ),
    429: Entry(
        meaning="클라이언트가 정해진 시간 안에 요청을 너무 많이 보냈다는 뜻입니다. 요청 빈도 제한(rate limit)에 걸렸습니다.",
        use="클라이언트별, API 키별 요청 빈도 제한에 씁니다.",
        instead=(
            Instead(503, "이 클라이언트만이 아니라 서비스 전체가 과부하일 때"),
            Instead(403, "아무리 천천히 요청해도 허용되지 않는 클라이언트일 때"),
        ),
        headers=(Header("Retry-After", MAY, "다시 시도하기 전에 기다릴 시간 (RFC 6585 §4)"),),
        notes=("캐시는 429를 저장하면 안 됩니다.",),
    ),
    431: Entry(
        meaning="요청의 헤더 부분 전체 또는 헤더 필드 하나가 너무 크다는 뜻입니다.",
        use="너무 큰 쿠키나 헤더에 씁니다. 본문에 어느 필드가 컸는지 알려 주어야 합니다.",
        instead=(
            Instead(413, "너무 큰 것이 콘텐츠일 때"),
            Instead(414, "너무 긴 것이 URI일 때"),
        ),
        notes=("캐시는 431을 저장하면 안 됩니다.",),
    ),
    451: Entry(
        meaning="서버 자체 정책이 아니라 법원 명령 같은 법적 요구 때문에 접근을 거절한다는 뜻입니다.",
        use="법적 요구로 일부 지역이나 모든 곳에서 콘텐츠를 막을 때 씁니다. 본문에서 사정을 설명해야 합니다.",
        instead=(
            Instead(403, "거절이 자체 정책일 때"),
            Instead(404, "리소스가 있다는 사실 자체를 숨기고 싶을 때"),
        ),
        headers=(Header("Link", SHOULD, '`rel="blocked-by"`. 리소스를 막은 주체 (RFC 7725 §4)'),),
    ),
    500: Entry(
        meaning="서버가 예상치 못한 상황을 만났다는 뜻입니다. 버그나 처리되지 않은 예외에 대한 일반적인 응답입니다.",
        use="처리되지 않은 예외에는 프레임워크가 보내게 두세요. 더 구체적인 코드가 없을 때만 직접 보내세요.",
        instead=(
            Instead(400, "클라이언트 입력 때문에 실패했을 때 (검증 실패, 요청 데이터에 빠진 키)"),
            Instead(502, "업스트림 서비스가 잘못된 응답을 보냈을 때"),
            Instead(503, "서비스가 잠시 응답할 수 없을 때 (점검, 과부하)"),
        ),
    ),
    501: Entry(
        meaning="요청에 필요한 기능을 서버가 지원하지 않는다는 뜻입니다. 특히 어떤 리소스에서도 그 요청 메서드를 알지 못할 때입니다.",
        use="서버 어디에도 구현되지 않은 메서드에 씁니다. 예: 알 수 없는 확장 메서드.",
        instead=(Instead(405, "표준 메서드이지만 이 리소스만 받지 않을 때"),),
        notes=("501은 기본적으로 캐시할 수 있어서 클라이언트와 캐시가 기억할 수 있습니다.",),
    ),
    502: Entry(
        meaning="게이트웨이나 프록시가 요청을 전달한 서버에게서 잘못된 응답을 받았다는 뜻입니다.",
        use="서비스가 게이트웨이 역할을 하는데 업스트림이 엉뚱한 응답을 보냈거나, 연결을 거부했거나, 일찍 끊었을 때 씁니다.",
        instead=(
            Instead(504, "업스트림이 제때 응답하지 않았을 때"),
            Instead(503, "과부하이거나 점검 중인 것이 자기 서비스일 때"),
            Instead(500, "자기 코드가 실패했을 때"),
        ),
    ),
    503: Entry(
        meaning="과부하나 점검 때문에 서버가 지금은 요청을 처리할 수 없고, 곧 회복할 것으로 본다는 뜻입니다.",
        use="점검 모드, 부하 차단(load shedding), 서비스 전체가 의존하는 구성 요소의 장애에 씁니다.",
        instead=(
            Instead(429, "클라이언트 하나가 자기 한도를 넘었을 때"),
            Instead(502, "업스트림 서비스가 잘못된 응답을 보냈을 때"),
            Instead(504, "업스트림 서비스가 제때 응답하지 않았을 때"),
            Instead(500, "원인이 일시적인 상황이 아니라 버그일 때"),
        ),
        headers=(Header("Retry-After", MAY, "서비스가 돌아올 것으로 예상하는 시점 (RFC 9110 §10.2.3)"),),
    ),
    504: Entry(
        meaning="게이트웨이나 프록시가 업스트림 서버에게서 제때 응답을 받지 못했다는 뜻입니다.",
        use="핸들러가 호출한 다른 서비스나 API가 시간 초과되었을 때 씁니다.",
        instead=(
            Instead(408, "느린 쪽이 업스트림이 아니라 자기 요청을 보내는 클라이언트일 때"),
            Instead(502, "업스트림이 응답은 했지만 잘못된 응답이었을 때"),
            Instead(503, "자기 서비스가 과부하이거나 점검 중일 때"),
        ),
    ),
    505: Entry(
        meaning="요청이 쓴 HTTP 주 버전을 서버가 지원하지 않거나 거부한다는 뜻입니다.",
        use="HTTP 서버 계층에서만 씁니다.",
        instead=(Instead(426, "서버가 알려 주는 다른 프로토콜로 클라이언트가 바꿔야 할 때"),),
    ),
    506: Entry(
        meaning="투명한 콘텐츠 협상 설정이 잘못되었다는 뜻입니다. 고른 변형(variant)이 다시 협상하도록 되어 있어 순환이 생깁니다.",
        use="RFC 2295를 구현한 서버에서만 씁니다.",
        instead=(Instead(500, "서버 설정이 다른 식으로 잘못되었을 때"),),
    ),
    507: Entry(
        meaning="WebDAV: 요청을 마치는 데 필요한 것을 서버가 저장할 수 없다는 뜻입니다.",
        use="업로드를 저장하는 중에 디스크나 저장 용량 한도가 찼을 때 씁니다.",
        instead=(Instead(413, "남은 공간과 상관없이 정책상 요청이 너무 클 때"),),
    ),
    508: Entry(
        meaning="WebDAV 바인딩: `Depth: infinity` 요청을 처리하다가 서버가 무한 루프를 발견했다는 뜻입니다.",
        use="바인딩을 지원하는 WebDAV 서버에서만 씁니다.",
        instead=(Instead(500, "서버가 다른 식으로 실패했을 때"),),
    ),
    510: Entry(
        meaning=(
            "실험적인 HTTP 확장 프레임워크에서 온 코드로, 서버가 요구하는 확장 선언이 요청에 없다는 뜻입니다. "
            "레지스트리는 폐기(obsoleted)로 표시합니다."
        ),
        use="새 코드에서는 쓰지 마세요.",
        instead=(Instead(400, "서버가 요구하는 무언가가 요청에 빠졌을 때"),),
    ),
    511: Entry(
        meaning=(
            "호텔 와이파이의 캡티브 포털 같은 가로채기 프록시가, 접속하려면 먼저 네트워크에 로그인해야 한다고 "
            "알리는 코드입니다."
        ),
        use="네트워크 장비만 씁니다. 원 서버는 보내지 않아야 합니다.",
        instead=(Instead(401, "애플리케이션이 사용자에게 인증을 요구할 때"),),
        notes=("캐시는 511을 저장하면 안 됩니다. 본문에 네트워크 로그인 페이지 링크를 넣어야 합니다.",),
    ),
}
