"""Declared requirements as the releases they admit: PEP 508 strings (`pyproject.toml`, `requirements*.txt`)
and Poetry's tables, environment markers and Poetry's `python`/`markers` keys included.

Requirements of one package that apply together (no condition, or the same one) all hold at once: their
ranges meet. Requirements under different conditions are alternatives, one environment installing one and
another the other: their ranges are united (a hull), and so is the range of the environments where no
condition holds, which then get whatever the unconditioned requirements admit. A condition that holds on
none of the project's Pythons drops its requirement; one that holds on all of them is no condition.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .markers import ALWAYS, Condition, marker_condition, python_condition
from .records import NamedTuple
from .safe_read import Unread, discovered_bytes, universal_newlines
from .specifiers import covers, span_of
from .versions import ANY, Span, padded

_NAME = r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*"


class Requirement(NamedTuple):
    """One declared requirement: the package, what it admits, and where it applies."""

    name: str  # normalised (PEP 503)
    span: Span = ANY
    condition: Condition = ALWAYS
    key: str = ""  # the condition as written: requirements with the same key apply together


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pep508(text: object) -> Requirement | None:
    """A PEP 508 string (`starlette>=0.48; python_version >= "3.11"`); None when it names no package."""
    match = re.match(_NAME + r"(.*)$", text, re.DOTALL) if isinstance(text, str) else None
    if match is None:
        return None
    rest = match.group(2).strip()
    if rest.startswith("@"):  # a direct reference: the release it names is not known here
        parts = re.split(r"\s;", rest, maxsplit=1)  # a URL may hold ";": a marker follows a blank
        specifier, marker = "", parts[1] if len(parts) > 1 else ""
    else:
        specifier, _, marker = rest.partition(";")
        specifier = specifier.strip().removeprefix("(").removesuffix(")")
    span = (span_of(specifier) or ANY) if specifier.strip() else ANY
    marker = marker.strip()
    condition = marker_condition(marker) if marker else ALWAYS
    return Requirement(normalise(match.group(1)), span, condition, " ".join(marker.split()))


def pep508_list(requirements: object) -> Iterator[Requirement]:
    for text in requirements if isinstance(requirements, list) else ():
        requirement = pep508(text)
        if requirement is not None:
            yield requirement


def poetry(dependencies: dict[str, Any]) -> Iterator[Requirement]:
    """Poetry's `name = "^1.2"`, `name = {version = "^1.2", python = "<3.11", markers = "..."}`, and a list of
    those (alternatives, each under its own condition)."""
    for name, spec in dependencies.items():
        for entry in spec if isinstance(spec, list) else [spec]:
            yield _poetry_entry(normalise(name), entry)


def _poetry_entry(name: str, entry: object) -> Requirement:
    table = entry if isinstance(entry, dict) else {}
    version = table.get("version") if isinstance(entry, dict) else entry
    span = (span_of(version) or ANY) if isinstance(version, str) else ANY
    condition, key = ALWAYS, []
    python, markers = table.get("python"), table.get("markers")
    if isinstance(python, str):
        condition, key = condition.both(python_condition(python)), [f"python {python}"]
    if isinstance(markers, str):
        condition, key = condition.both(marker_condition(markers)), [*key, markers]
    return Requirement(name, span, condition, " ".join(" ".join(key).split()))


def requirements_file(path: Path) -> list[Requirement]:
    """The requirements of a pip requirements file. Options (`-r`, `-c`, `-e`, `--hash`, ...), paths and URLs
    say nothing this reader can trust about a release, so they are skipped."""
    try:
        data = discovered_bytes(path)  # None: absent, or skipped (a FIFO, a device, too large) with a warning
    except Unread:
        return []
    if data is None:
        return []
    text = universal_newlines(data.decode("utf-8", errors="replace"))
    found: list[Requirement] = []
    for raw in re.sub(r"\\\r?\n", " ", text).splitlines():
        uncommented = re.sub(r"(^|\s)#.*", "", raw).strip()
        line = re.split(r"\s+--?[A-Za-z]", uncommented, maxsplit=1)[0]  # per-line options: --hash=...
        if not line or line.startswith(("-", ".", "/", "~")) or re.match(r"[A-Za-z][\w+.-]*://", line):
            continue
        requirement = pep508(line)
        if requirement is not None:
            found.append(requirement)
    return found


def admitted(requirements: Iterable[Requirement], name: str, python: Span) -> Span | None:
    """What the requirements naming `name` admit on the project's Pythons; None when none applies."""
    live = [item for item in requirements if item.name == name and not item.condition.never(python)]
    if not live:
        return None
    everywhere = [item for item in live if not item.key or item.condition.always(python)]
    common = functools.reduce(Span.meet, (item.span for item in everywhere), ANY)
    groups: dict[str, list[Requirement]] = {}
    for item in live:
        if item not in everywhere:
            groups.setdefault(item.key, []).append(item)
    choices = [functools.reduce(Span.meet, (item.span for item in group), common) for group in groups.values()]
    held = [interval for group in groups.values() for interval in group[0].condition.must]
    low, high = padded(python.low or (0,)), None if python.high is None else padded(python.high)
    if not groups or not covers(held, low, high):  # some environment meets no condition
        choices.append(common)
    return functools.reduce(hull, choices)


def hull(left: Span, right: Span) -> Span:
    """The releases either admits (as one range)."""
    low = None if left.low is None or right.low is None else min(padded(left.low), padded(right.low))
    high = None if left.high is None or right.high is None else max(padded(left.high), padded(right.high))
    return Span(low, high)
