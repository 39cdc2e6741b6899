"""A text check that skips modules in which no row of the framework table could match.

Every row needs some identifier in the source (a callee, method, attribute, keyword or framework
name), so a module that contains none of them has no status site. Identifiers are read with one
`\\w+` regex that runs in C and costs a fraction of a tree walk; the table's words are a set, so that
nothing as costly as compiling an alternation of some 260 words is paid at start-up.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .options import ExtraCall
from .words import WORDS

# Text is read in pieces that end at a line break, the first of about this many characters and each next
# one twice as long, up to `_LARGEST`: a module with a site usually names one in its first lines (its
# imports), and a huge module is never held as a list of all its identifiers at once.
_FIRST = 1 << 10
_LARGEST = 1 << 16


def call_words(extra_calls: tuple[ExtraCall, ...]) -> frozenset[str]:
    """The words the project's `extra-calls` add: the last name of each."""
    return frozenset(call.name.rpartition(".")[2] for call in extra_calls)


@lru_cache(maxsize=8)
def words(extra_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """Identifiers of which a module must contain one, as a whole word, to have a site (or see `_OTHERS`)."""
    # `WORDS` is the table's words, generated; constant names such as HTTP_404_NOT_FOUND are covered by
    # the `HTTP_` prefix in `_others`.
    if not extra_words:
        return WORDS
    from .families import STYLE_ATTRIBUTES  # the constant names load only for a project's extra calls

    return WORDS | {word for word in extra_words if word not in STYLE_ATTRIBUTES or not word.startswith("HTTP_")}


@lru_cache(maxsize=1)
def _others() -> re.Pattern[str]:
    return re.compile(r"HTTP_\d|\bassert\w*[Ss]tatus")


@lru_cache(maxsize=1)
def _identifier() -> re.Pattern[str]:
    # Not `regex_programs.compile_pattern`: a module with no site gets here too, and for so small a pattern
    # importing that module and reading a file costs more than compiling it.
    return re.compile(r"\w+")


def may_have_sites(source: str, extra_words: frozenset[str] = frozenset()) -> bool:
    wanted = words(extra_words)
    # A word that is not an identifier need not be a whole \w run: search for it as the regex did.
    odd = any(not word.isidentifier() for word in extra_words)
    if odd and re.search(r"\b(?:" + "|".join(re.escape(word) for word in extra_words) + r")\b", source):
        return True
    identifiers = _identifier().findall
    start, piece = 0, _FIRST
    while start < len(source):
        end = source.find("\n", start + piece)
        end = len(source) if end < 0 else end + 1
        if not wanted.isdisjoint(identifiers(source, start, end)):
            return True
        start, piece = end, min(piece * 2, _LARGEST)
    return _others().search(source) is not None
