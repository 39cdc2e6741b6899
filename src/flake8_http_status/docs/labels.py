"""Every word the generated docs and `explain` print around the content, per language."""

from __future__ import annotations

from ..catalogue.entry import Level
from ..findings import FixSafety
from ..records import NamedTuple
from ..statuses import State, StatusClass


class Labels(NamedTuple):
    # A record, not a dataclass: generating the initialiser of some sixty fields cost `explain` a tenth of its run.
    # rule pages
    what: str
    why: str
    example: str
    use_instead: str
    fix_safety: str
    options: str
    not_reported: str
    references: str
    none: str
    with_options: str  # before an example that needs options; {options}
    on_by_default: str
    off_by_default: str  # {code}
    fix: str
    fixes: dict[FixSafety, str]
    message: str
    # rule tables
    code: str
    slug: str
    default: str
    summary: str
    on: str
    off: str
    # status catalogue
    catalogue_title: str
    catalogue_intro: str
    phrase: str
    local_name: str  # the column of names in this language (unused in English)
    status_class: str
    reference: str
    state: str
    use_it: str
    not_for: str
    headers: str
    no_headers: str
    no_content: str  # {reference}
    notes: str
    constants: str
    family: str
    constant: str
    import_: str
    no_constant: str
    python_313: str  # {name}
    starlette_048: str  # {name}
    levels: dict[Level, str]
    classes: dict[StatusClass, str]
    states: dict[State, str]
    # explain
    unknown_target: str  # {target}
    unregistered_code: str  # {code} {fallback}
    not_a_status: str  # {code}
    nothing_to_explain: str
    other_language: str  # link text to the other language's page
    untranslated: str  # on a rule page whose text is not translated yet
    online: str  # before the address of the page `explain` printed
    # the site's navigation (mkdocs.yml)
    rules_title: str


EN = Labels(
    what="What it does",
    why="Why is this bad?",
    example="Example",
    use_instead="Use instead",
    fix_safety="Fix safety",
    options="Options",
    not_reported="Not reported",
    references="References",
    none="None.",
    with_options="With {options}:",
    on_by_default="On by default",
    off_by_default="Off by default (enable with `--extend-select={code}`)",
    fix="Fix",
    fixes={FixSafety.SAFE: "safe", FixSafety.UNSAFE: "unsafe", FixSafety.NONE: "none"},
    message="Message",
    code="Code",
    slug="Slug",
    default="Default",
    summary="What it reports",
    on="on",
    off="off",
    catalogue_title="HTTP status codes",
    catalogue_intro=(
        "Every code in the IANA HTTP status code registry: what it means, when to send it, when another code "
        "fits better, the headers that go with it, where it is specified, and its named constant in each "
        "family this tool can write. Each code has its own page, linked from the tables below. The constants "
        "shown exist on every Python and Starlette version the tool supports. Generated from "
        "`flake8_http_status.catalogue`; `http-status explain <code>` prints one page in a terminal."
    ),
    phrase="Phrase",
    local_name="",
    status_class="Class",
    reference="Specification",
    state="Registry status",
    use_it="When to use it",
    not_for="Use another code when",
    headers="Headers",
    no_headers="none specific to this code.",
    no_content="Content: none; the response ends with its header section ({reference}).",
    notes="Notes",
    constants="Constants",
    family="Family",
    constant="Constant",
    import_="Import",
    no_constant="none",
    python_313="`{name}` on Python ≥ 3.13",
    starlette_048="`{name}` with Starlette ≥ 0.48, where the old name warns",
    levels={
        Level.MUST: "must send",
        Level.SHOULD: "should send",
        Level.MAY: "may send",
        Level.MUST_NOT: "must not send",
    },
    classes={
        StatusClass.INFORMATIONAL: "1xx Informational",
        StatusClass.SUCCESSFUL: "2xx Successful",
        StatusClass.REDIRECTION: "3xx Redirection",
        StatusClass.CLIENT_ERROR: "4xx Client Error",
        StatusClass.SERVER_ERROR: "5xx Server Error",
    },
    states={
        State.REGISTERED: "registered",
        State.TEMPORARY: "temporary registration",
        State.UNUSED: "reserved, unused",
        State.DEPRECATED: "deprecated",
        State.OBSOLETED: "obsoleted",
    },
    unknown_target="unknown rule or status code {target!r} (see: http-status explain --list)",
    unregistered_code="{code} is not a registered HTTP status code; clients treat it as {fallback}",
    not_a_status="{code} is not an HTTP status code: status codes run from 100 to 599",
    nothing_to_explain="name a rule (HTS001), a rule slug or a status code (404), or use --list",
    other_language="한국어",
    untranslated="",
    online="Online",
    rules_title="Rules",
)

KO = Labels(
    what="하는 일",
    why="왜 문제인가요?",
    example="예시",
    use_instead="대신 이렇게 쓰세요",
    fix_safety="수정 안전성",
    options="옵션",
    not_reported="보고하지 않는 경우",
    references="참고 자료",
    none="없음.",
    with_options="{options} 옵션을 줄 때:",
    on_by_default="기본으로 켜짐",
    off_by_default="기본으로 꺼짐 (`--extend-select={code}`로 켜기)",
    fix="수정",
    fixes={FixSafety.SAFE: "안전", FixSafety.UNSAFE: "안전하지 않음", FixSafety.NONE: "없음"},
    message="메시지",
    code="코드",
    slug="슬러그",
    default="기본값",
    summary="보고하는 것",
    on="켜짐",
    off="꺼짐",
    catalogue_title="HTTP 상태 코드",
    catalogue_intro=(
        "IANA HTTP 상태 코드 레지스트리에 있는 모든 코드를 정리했습니다. 코드마다 뜻, 보내야 할 때, 다른 코드가 "
        "더 맞는 경우, 함께 보내는 헤더, 명세 위치, 그리고 이 도구가 쓸 수 있는 계열별 상수 이름을 담았습니다. "
        "코드마다 페이지가 하나씩 있으며, 아래 표에서 코드를 누르면 열립니다. "
        "표시한 상수는 이 도구가 지원하는 모든 파이썬·Starlette 버전에 있습니다. "
        "`flake8_http_status.catalogue`에서 생성했으며, 터미널에서는 `http-status explain <코드> --lang ko`로 "
        "페이지 하나를 볼 수 있습니다."
    ),
    phrase="사유 구문",
    local_name="한국어 이름",
    status_class="분류",
    reference="명세",
    state="등록 상태",
    use_it="언제 쓰나요",
    not_for="이럴 때는 다른 코드를",
    headers="헤더",
    no_headers="이 코드에만 해당하는 요구 사항은 없습니다.",
    no_content="콘텐츠: 없음. 응답은 헤더 부분으로 끝납니다 ({reference}).",
    notes="참고",
    constants="상수",
    family="계열",
    constant="상수",
    import_="import",
    no_constant="없음",
    python_313="파이썬 3.13 이상은 `{name}`",
    starlette_048="Starlette 0.48 이상은 `{name}` (옛 이름은 경고가 남)",
    levels={Level.MUST: "필수", Level.SHOULD: "권장", Level.MAY: "선택", Level.MUST_NOT: "금지"},
    classes={
        StatusClass.INFORMATIONAL: "1xx 정보",
        StatusClass.SUCCESSFUL: "2xx 성공",
        StatusClass.REDIRECTION: "3xx 리다이렉션",
        StatusClass.CLIENT_ERROR: "4xx 클라이언트 오류",
        StatusClass.SERVER_ERROR: "5xx 서버 오류",
    },
    states={
        State.REGISTERED: "등록됨",
        State.TEMPORARY: "임시 등록",
        State.UNUSED: "예약됨, 사용 안 함",
        State.DEPRECATED: "더는 쓰지 않음(deprecated)",
        State.OBSOLETED: "폐기됨(obsoleted)",
    },
    unknown_target="알 수 없는 규칙 또는 상태 코드 {target!r} (참고: http-status explain --list)",
    unregistered_code="{code}은(는) 등록된 HTTP 상태 코드가 아님. 클라이언트는 {fallback}(으)로 처리함",
    not_a_status="{code}은(는) HTTP 상태 코드가 아님: 상태 코드는 100부터 599까지",
    nothing_to_explain="규칙(HTS001), 규칙 슬러그, 상태 코드(404) 중 하나를 주거나 --list를 쓰세요",
    other_language="English",
    untranslated="> 이 규칙의 설명은 아직 번역되지 않아 영어로 보여 드립니다.",
    online="온라인 문서",
    rules_title="규칙",
)

LABELS: dict[str, Labels] = {"en": EN, "ko": KO}
