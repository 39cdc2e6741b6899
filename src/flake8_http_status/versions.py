"""Version facts: which constant names exist, and which warn when read, on which release of their package.

How these were verified (2026-08, by the issue-11 `versions` helper; re-run the probe before changing a row):
every name of each style family (`families.Family.all_names`) was read with `getattr` under
`warnings.catch_warnings(record=True)` and `simplefilter("always")`, once per installed release:

- `starlette.status` on Starlette 0.13.8, 0.14.0, 0.14.1, 0.14.2, 0.16.0, 0.19.1, 0.20.4, 0.27.0, 0.35.1,
  0.40.0, 0.47.3, 0.48.0, 0.49.3, 0.50.0, 0.52.1, 1.0.0, 1.3.0, 1.3.1 and 1.10.0 (`pip install --no-deps`,
  CPython 3.12). `fastapi.status` is the same module: `fastapi/__init__.py` does `from starlette import status`.
- `rest_framework.status` on DRF 3.12.4, 3.13.1, 3.14.0, 3.15.2, 3.16.1 and 3.18.3 (the file loaded alone).
  No release has the RFC 9110 names; none warns.
- `litestar.status_codes` on Litestar 2.0.0, 2.12.1 and 2.25.0: every name on each, no RFC 9110 names, no warning.
- `http.HTTPStatus` on CPython 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1 and 3.13.0: the RFC 9110 names appear in
  3.13 as aliases of the same members; the old names stay and do not warn there (also checked with `-W error`);
  EARLY_HINTS, IM_A_TEAPOT and TOO_EARLY appear in 3.9.

Older releases were read later (2026-12, the issue-11 second review), from the sdists' status files:
DRF 3.0.0, 3.7.0 and 3.10.0, Starlette 0.9.7 and 0.13.2; and CPython's documented 3.7 and 3.8 additions
(MISDIRECTED_REQUEST, UNAVAILABLE_FOR_LEGAL_REASONS), each seen missing on the release before.

Every value read was the int its name says. FastAPI's Starlette requirements come from `pyproject.toml` at
each FastAPI tag up to 0.141.1 (git history) and from the wheel METADATA of 0.152.0, 0.158.0, 0.162.0,
0.163.2, 0.164.0 and 0.165.0.

No floor is assumed where a project states no lower bound: such a range admits releases without the names
above (Starlette before 0.14.2, DRF before 3.14). FastAPI 0.65.0 is the first release asking for Starlette
0.14.2 (wheel METADATA: `starlette ==0.14.2`; 0.64.0 asks for `==0.13.6`), so `fastapi>=0.65` implies it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from .records import NamedTuple

Version = tuple[int, ...]


def padded(version: Version) -> tuple[int, int, int]:
    """`version` as (major, minor, micro), so that (0, 48) and (0, 48, 0) compare equal."""
    parts = (*version, 0, 0, 0)
    return parts[0], parts[1], parts[2]


def shown(version: Version) -> str:
    """How a message writes a version: 0.48, 3.14.0 (trailing zeros beyond the minor dropped)."""
    parts = list(padded(version))
    while len(parts) > 2 and parts[-1] == 0:
        parts.pop()
    return ".".join(map(str, parts))


class Span(NamedTuple):
    """The releases of one package a project admits: `low <= v < high`.

    `low` None: the project states no lower bound (or its range is not known), so every release back to the
    oldest is admitted. `high` None: no upper bound, so every future release is admitted too. A union such as
    `>=3.10,<3.12 || >=3.13` is held as its hull: that admits more, never less, so a check against it is safe.
    """

    low: Version | None = None
    high: Version | None = None

    def lowest(self, package: str) -> tuple[int, int, int]:
        # No stated lower bound admits the oldest releases: assuming a floor would write names they lack.
        return padded(self.low if self.low is not None else (0,))

    def all_from(self, package: str, version: Version) -> bool:
        """Every admitted release is `version` or later."""
        return self.lowest(package) >= padded(version)

    def all_before(self, version: Version) -> bool:
        """Every admitted release is older than `version`."""
        return self.high is not None and padded(self.high) <= padded(version)

    def meet(self, other: Span) -> Span:
        """The releases both admit (as a hull)."""
        lows = [padded(v) for v in (self.low, other.low) if v is not None]
        highs = [padded(v) for v in (self.high, other.high) if v is not None]
        return Span(max(lows) if lows else None, min(highs) if highs else None)


ANY: Final = Span()


class NameFact(NamedTuple):
    """When one constant name exists and when reading it warns, on releases of `package`."""

    package: str  # "python", "starlette" or "djangorestframework"
    since: Version | None = None  # first release with the name; None: every release considered
    warns_since: Version | None = None  # first release whose module warns when the name is read
    warning: str = ""  # the warning class, newest first where it changed


_STARLETTE_WARNING = "DeprecationWarning (0.48-1.3.0), StarletteDeprecationWarning, a UserWarning (1.3.1 and later)"
_STARLETTE_OLD = (
    "HTTP_413_REQUEST_ENTITY_TOO_LARGE",
    "HTTP_414_REQUEST_URI_TOO_LONG",
    "HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE",
    "HTTP_422_UNPROCESSABLE_ENTITY",
)
_STARLETTE_NEW = (
    "HTTP_413_CONTENT_TOO_LARGE",
    "HTTP_414_URI_TOO_LONG",
    "HTTP_416_RANGE_NOT_SATISFIABLE",
    "HTTP_422_UNPROCESSABLE_CONTENT",
)
# Missing from Starlette 0.13.8, 0.14.0 and 0.14.1; present from 0.14.2.
_STARLETTE_SINCE_0_14_2 = (
    "HTTP_102_PROCESSING",
    "HTTP_103_EARLY_HINTS",
    "HTTP_208_ALREADY_REPORTED",
    "HTTP_226_IM_USED",
    "HTTP_308_PERMANENT_REDIRECT",
    "HTTP_418_IM_A_TEAPOT",
    "HTTP_421_MISDIRECTED_REQUEST",
    "HTTP_426_UPGRADE_REQUIRED",
    "HTTP_506_VARIANT_ALSO_NEGOTIATES",
    "HTTP_508_LOOP_DETECTED",
    "HTTP_510_NOT_EXTENDED",
)
# Read from the sdists' rest_framework/status.py (issue-11 review, 2026-12): missing from 3.0.0, present in
# 3.7.0; missing from 3.7.0, present in 3.10.0; missing from 3.10.0, present in 3.12.4. The release between
# that first added each is not pinned down, so the later release of each pair is the one held as its first.
_DRF_SINCE_3_7 = (
    "HTTP_207_MULTI_STATUS",
    "HTTP_422_UNPROCESSABLE_ENTITY",
    "HTTP_423_LOCKED",
    "HTTP_424_FAILED_DEPENDENCY",
    "HTTP_451_UNAVAILABLE_FOR_LEGAL_REASONS",
    "HTTP_507_INSUFFICIENT_STORAGE",
)
_DRF_SINCE_3_10 = (
    "HTTP_208_ALREADY_REPORTED",
    "HTTP_226_IM_USED",
    "HTTP_308_PERMANENT_REDIRECT",
    "HTTP_426_UPGRADE_REQUIRED",
    "HTTP_506_VARIANT_ALSO_NEGOTIATES",
    "HTTP_508_LOOP_DETECTED",
    "HTTP_509_BANDWIDTH_LIMIT_EXCEEDED",
    "HTTP_510_NOT_EXTENDED",
)
_DRF_SINCE_3_12_4 = ("HTTP_418_IM_A_TEAPOT",)
_DRF_SINCE_3_14 = ("HTTP_102_PROCESSING", "HTTP_103_EARLY_HINTS", "HTTP_421_MISDIRECTED_REQUEST", "HTTP_425_TOO_EARLY")
_PYTHON_NEW = ("CONTENT_TOO_LARGE", "URI_TOO_LONG", "RANGE_NOT_SATISFIABLE", "UNPROCESSABLE_CONTENT")
_PYTHON_SINCE_3_9 = ("EARLY_HINTS", "IM_A_TEAPOT", "TOO_EARLY")
# From CPython's http module documentation ("Changed in version 3.7/3.8"), and seen as AttributeError on 3.6/3.7.
_PYTHON_SINCE_3_7 = ("MISDIRECTED_REQUEST",)
_PYTHON_SINCE_3_8 = ("UNAVAILABLE_FOR_LEGAL_REASONS",)
STARLETTE_RENAMES: Final = (0, 48, 0)


def _starlette_facts() -> dict[str, NameFact]:
    """`starlette.status`'s names, which `fastapi.status` re-exports."""
    facts: dict[str, NameFact] = {}
    for name in _STARLETTE_OLD:
        facts[name] = NameFact("starlette", None, STARLETTE_RENAMES, _STARLETTE_WARNING)
    for name in _STARLETTE_NEW:
        facts[name] = NameFact("starlette", STARLETTE_RENAMES)
    for name in _STARLETTE_SINCE_0_14_2:
        facts[name] = NameFact("starlette", (0, 14, 2))
    # Missing from Starlette 0.9.7, present in 0.13.2 (sdists read in the issue-11 review).
    facts["HTTP_425_TOO_EARLY"] = NameFact("starlette", (0, 13, 2))
    return facts


def _drf_facts() -> dict[str, NameFact]:
    facts: dict[str, NameFact] = {}
    drf: tuple[tuple[Version, tuple[str, ...]], ...] = (
        ((3, 7, 0), _DRF_SINCE_3_7),
        ((3, 10, 0), _DRF_SINCE_3_10),
        ((3, 12, 4), _DRF_SINCE_3_12_4),
        ((3, 14, 0), _DRF_SINCE_3_14),
    )
    for since, names in drf:
        for name in names:
            facts[name] = NameFact("djangorestframework", since)
    return facts


def _python_facts() -> dict[str, NameFact]:
    facts: dict[str, NameFact] = {}
    python: tuple[tuple[Version, tuple[str, ...]], ...] = (
        ((3, 13), _PYTHON_NEW),
        ((3, 7), _PYTHON_SINCE_3_7),
        ((3, 8), _PYTHON_SINCE_3_8),
        ((3, 9), _PYTHON_SINCE_3_9),
    )
    for since, names in python:
        for name in names:
            facts[name] = NameFact("python", since)
    return facts


# The facts of each namespace by constant name, built at the first question about one of its names: a run asks
# about the family its modules write (most often `http.HTTPStatus`), so the other tables are never built (they
# were, at import, on every run). Names not listed exist, and read without a warning, on every release considered.
_BUILDERS: Final[dict[str, Callable[[], dict[str, NameFact]]]] = {
    "starlette.status": _starlette_facts,
    "fastapi.status": _starlette_facts,  # `fastapi/__init__.py` does `from starlette import status`
    "rest_framework.status": _drf_facts,
    "http.HTTPStatus": _python_facts,
}
_BUILT: dict[str, dict[str, NameFact]] = {}


def _facts_of(namespace: str) -> dict[str, NameFact]:
    """`namespace`, one of `_BUILDERS`."""
    facts = _BUILT.get(namespace)
    if facts is None:
        facts = _BUILT[namespace] = _BUILDERS[namespace]()
    return facts


def name_fact(qualified: str) -> NameFact | None:
    """When the constant `qualified` (`starlette.status.HTTP_422_UNPROCESSABLE_ENTITY`) exists and warns; None for
    a name that exists, and reads without a warning, on every release considered."""
    namespace, _, name = qualified.rpartition(".")
    return _facts_of(namespace).get(name) if namespace in _BUILDERS else None


def name_facts() -> dict[str, NameFact]:
    """Every fact, by qualified name."""
    return {f"{namespace}.{name}": fact for namespace in _BUILDERS for name, fact in _facts_of(namespace).items()}


# FastAPI's own Starlette requirement, newest first: a row applies from its FastAPI release up to the next
# newer row. `==X` is held as X up to the next micro release, `<=X` likewise. Before 0.1.19 FastAPI asked for
# `starlette >=0.9.7`, with no upper bound. Each row is (FastAPI release, lowest Starlette, Starlette upper bound):
# plain tuples, one constant of the .pyc, rather than a `Span` each built at import for a question few runs ask.
FASTAPI_STARLETTE: Final[tuple[tuple[Version, Version, Version | None], ...]] = (
    ((0, 164, 0), (1, 6, 0), None),
    ((0, 134, 0), (0, 46, 0), None),
    ((0, 133, 0), (0, 40, 0), None),
    ((0, 128, 3), (0, 40, 0), (1, 0, 0)),
    ((0, 121, 3), (0, 40, 0), (0, 51, 0)),
    ((0, 120, 1), (0, 40, 0), (0, 50, 0)),
    ((0, 116, 2), (0, 40, 0), (0, 49, 0)),
    ((0, 116, 1), (0, 40, 0), (0, 48, 0)),
    ((0, 115, 10), (0, 40, 0), (0, 47, 0)),
    ((0, 115, 7), (0, 40, 0), (0, 46, 0)),
    ((0, 115, 3), (0, 40, 0), (0, 42, 0)),
    ((0, 115, 2), (0, 37, 2), (0, 41, 0)),
    ((0, 112, 1), (0, 37, 2), (0, 39, 0)),
    ((0, 110, 1), (0, 37, 2), (0, 38, 0)),
    ((0, 109, 2), (0, 36, 3), (0, 37, 0)),
    ((0, 109, 0), (0, 35, 0), (0, 36, 0)),
    ((0, 108, 0), (0, 29, 0), (0, 33, 0)),
    ((0, 107, 0), (0, 28, 0), (0, 29, 0)),
    ((0, 95, 2), (0, 27, 0), (0, 28, 0)),
    ((0, 94, 1), (0, 26, 1), (0, 27, 0)),
    ((0, 94, 0), (0, 26, 0), (0, 27, 0)),
    ((0, 92, 0), (0, 25, 0), (0, 26, 0)),
    ((0, 91, 0), (0, 24, 0), (0, 25, 0)),
    ((0, 90, 1), (0, 22, 0), (0, 24, 0)),
    ((0, 90, 0), (0, 22, 0), (0, 23, 1)),
    ((0, 88, 0), (0, 22, 0), (0, 22, 1)),
    ((0, 87, 0), (0, 21, 0), (0, 21, 1)),
    ((0, 85, 0), (0, 20, 4), (0, 20, 5)),
    ((0, 77, 1), (0, 19, 1), (0, 19, 2)),
    ((0, 77, 0), (0, 19, 0), (0, 19, 1)),
    ((0, 76, 0), (0, 18, 0), (0, 18, 1)),
    ((0, 71, 0), (0, 17, 1), (0, 17, 2)),
    ((0, 70, 0), (0, 16, 0), (0, 16, 1)),
    ((0, 69, 0), (0, 15, 0), (0, 15, 1)),
    ((0, 65, 0), (0, 14, 2), (0, 14, 3)),
    ((0, 60, 1), (0, 13, 6), (0, 13, 7)),
    ((0, 57, 0), (0, 13, 4), (0, 13, 5)),
    ((0, 50, 0), (0, 13, 2), (0, 13, 3)),
    ((0, 41, 0), (0, 12, 9), (0, 12, 10)),
    ((0, 38, 0), (0, 11, 1), (0, 12, 9)),
    ((0, 34, 0), (0, 11, 1), (0, 12, 8)),
    ((0, 23, 0), (0, 11, 1), (0, 12, 1)),
    ((0, 6, 0), (0, 11, 1), (0, 11, 2)),
    ((0, 1, 19), (0, 9, 11), (0, 10, 2)),
    ((0, 0, 0), (0, 9, 7), None),
)


def starlette_for_fastapi(fastapi: Span) -> Span:
    """The Starlette releases some admitted FastAPI release accepts (a hull)."""
    low = padded(fastapi.low) if fastapi.low is not None else None
    high = padded(fastapi.high) if fastapi.high is not None else None
    lows: list[tuple[int, int, int]] = []
    highs: list[tuple[int, int, int] | None] = []
    newer: tuple[int, int, int] | None = None  # the release where the previous (newer) row begins
    for since, starlette_low, starlette_high in FASTAPI_STARLETTE:
        begins = padded(since)
        overlaps = (high is None or begins < high) and (low is None or newer is None or low < newer)
        if overlaps:
            lows.append(padded(starlette_low))
            highs.append(padded(starlette_high) if starlette_high is not None else None)
        newer = begins
    if not lows:
        return ANY
    if low is None:  # an unstated FastAPI lower bound says nothing about how old Starlette may be
        return Span(None, None if None in highs else max(h for h in highs if h is not None))
    return Span(min(lows), None if None in highs else max(h for h in highs if h is not None))


def problem(qualified: str, span_of: Callable[[str], Span]) -> tuple[str, Version] | None:
    """Why writing `qualified` is unsafe on some admitted release: ("missing", since) or ("warns", since)."""
    fact = name_fact(qualified)
    if fact is None:
        return None
    span = span_of(fact.package)
    if fact.since is not None and not span.all_from(fact.package, fact.since):
        return "missing", fact.since
    if fact.warns_since is not None and not span.all_before(fact.warns_since):
        return "warns", fact.warns_since
    return None


def packages(qualified_names: Iterable[str]) -> set[str]:
    """The packages whose releases decide whether these names are safe."""
    return {fact.package for name in qualified_names if (fact := name_fact(name)) is not None}
