"""Tables of all rules: the README's, and the home pages of the docs in each language."""

from __future__ import annotations

from ..rules.rule import Rule
from .labels import LABELS
from .markdown import table
from .rule_page import summary


def rules_table(rules: tuple[Rule, ...], lang: str, page_dir: str) -> str:
    """One row per rule; each code links to its page under `page_dir`."""
    labels = LABELS[lang]
    header = [labels.code, labels.slug, labels.default, labels.fix, labels.summary]
    rows = [
        [
            f"[{rule.code}]({page_dir}/{rule.code}.md)",
            rule.slug,
            labels.on if rule.default else labels.off,
            labels.fixes[rule.fix],
            summary(rule, lang),
        ]
        for rule in rules
    ]
    return table(header, rows, aligned=False)


ENGLISH_INDEX_INTRO = """\
# flake8-http-status

[한국어](ko/README.md)

flake8-http-status finds bare HTTP status numbers and status choices that break the contract with clients in
Python web code, says which named constant to use and why, and fixes them. It runs as a flake8 plugin and as
the `http-status` command. Installation and configuration are described in the project's README.

- [HTTP status codes](status-codes.md): a page for every registered code, with what it means, when to send
  it, which code to send instead, its headers and its constants.
- Every rule has a page: follow its code in the table below. In a terminal: `http-status explain HTS001`.
- How it works and how well: [architecture](architecture.md), [behaviour of fixed projects](behaviour.md),
  [performance](performance.md) and [precision on real code](precision.md).

## Rules
"""

KOREAN_INDEX_INTRO = """\
# flake8-http-status 한국어 문서

[English](../index.md)

flake8-http-status는 파이썬 웹 코드에서 숫자 그대로 쓴 HTTP 상태 코드와, 클라이언트와의 약속을 깨는 상태
선택을 찾아내고, 어떤 상수를 써야 하는지와 그 이유를 알려 주며, 고쳐 줍니다.

메시지와 설명을 한국어로 보려면 flake8 옵션 `--http-status-lang=ko`, 설정 파일의 `http-status-lang = ko`,
또는 `http-status explain --lang ko`를 쓰세요.

- [HTTP 상태 코드 카탈로그](status-codes.md): 모든 등록 코드의 뜻, 쓰는 경우, 대신 쓸 코드, 헤더, 상수.
- 규칙별 문서는 아래 표의 코드를 누르세요. 터미널에서는 `http-status explain HTS001 --lang ko`.

## 규칙
"""


def english_index(rules: tuple[Rule, ...]) -> str:
    """`docs/index.md`, the site's home page."""
    return ENGLISH_INDEX_INTRO + "\n" + rules_table(rules, "en", "rules") + "\n"


def korean_index(rules: tuple[Rule, ...]) -> str:
    """`docs/ko/README.md`, the home page of the Korean docs."""
    return KOREAN_INDEX_INTRO + "\n" + rules_table(rules, "ko", "rules") + "\n"
