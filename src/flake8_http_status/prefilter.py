"""A text check that skips modules in which no row of the framework table could match.

Every row needs some identifier in the source (a callee, method, attribute, keyword or framework
name), so a module that contains none of them has no status site. The regex runs in C and costs a
fraction of a tree walk.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .api import TABLE
from .families import STYLE_ATTRIBUTES


@lru_cache(maxsize=8)
def pattern(extra_words: frozenset[str] = frozenset()) -> re.Pattern[str]:
    words = TABLE.words() | {"HTTPStatus", "status_codes"} | extra_words
    # Constant names such as HTTP_404_NOT_FOUND are covered by the `HTTP_` prefix below.
    words = {word for word in words if word not in STYLE_ATTRIBUTES or not word.startswith("HTTP_")}
    alternatives = "|".join(sorted((re.escape(word) for word in words), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b|HTTP_\d|\bassert\w*[Ss]tatus")


def may_have_sites(source: str, extra_words: frozenset[str] = frozenset()) -> bool:
    return pattern(extra_words).search(source) is not None
