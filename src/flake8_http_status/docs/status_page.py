"""The status catalogue: one entry (and one page of the site) per registered code, and the index of them all."""

from __future__ import annotations

from ..catalogue import entries
from ..catalogue.entry import BODILESS, Entry
from ..families import FAMILIES, RFC9110_RENAMES, Family, Target
from ..i18n.texts import status_name
from ..statuses import BY_CODE, STATUSES, State, Status, StatusClass
from ..versions import Span
from .labels import LABELS, Labels
from .markdown import bullets, link_references, table

# Python 3.10, Starlette 0.14.2 up to 0.48 and DRF 3.14 on: the names the page lists first (older releases lack
# some, see versions.py). A project whose Starlette range spans 0.48 gets neither name for 413, 414, 416 and
# 422; the page shows both.
_PORTABLE = Target(python=(3, 10), starlette=Span((0, 14, 2), (0, 48)), drf=Span((3, 14)))


def title(status: Status, lang: str) -> str:
    name = status_name(status, lang)
    suffix = f" ({name})" if name != status.phrase else ""
    return f"{status.code} {status.phrase}{suffix}"


def status_entry(code: int, lang: str, level: int = 1, links: bool = False) -> str:
    """The catalogue entry for `code`, its title a heading of `level`; `links` makes the other codes it names
    links to their pages, which sit beside this one (`status/404.md` links `410.md`)."""
    status, labels = BY_CODE[code], LABELS[lang]
    entry = entries(lang)[code]
    parts = [f"{'#' * level} {title(status, lang)}", entry.meaning, f"**{labels.use_it}:** {entry.use}"]
    insteads = [_instead(instead.when, instead.code, lang, links) for instead in entry.instead]
    parts.append(f"**{labels.not_for}:**\n\n" + bullets(insteads))
    parts.append(_headers(code, entry, labels))
    if entry.notes:
        parts.append(f"**{labels.notes}:**\n\n" + bullets(entry.notes))
    parts.append(_specification(status, labels))
    parts.append(f"**{labels.constants}:**\n\n" + _constants(code, labels))
    return "\n\n".join(parts) + "\n"


def status_page(code: int, lang: str) -> str:
    """The page of `code` on the site (`docs/status/404.md`)."""
    return status_entry(code, lang, links=True)


def status_catalogue(lang: str) -> str:
    """The index of the status pages (`docs/status-codes.md`): one table per class, each code linking to its page.

    The entries themselves live on their own pages so that each has a stable address (doc_links.status_url),
    and so that no link depends on how GitHub or MkDocs spell a heading's anchor (they differ for Hangul).
    """
    labels = LABELS[lang]
    parts = [f"# {labels.catalogue_title}", labels.catalogue_intro]
    for status_class in StatusClass:
        parts.append(f"## {labels.classes[status_class]}")
        parts.append(_overview([status for status in STATUSES if status.status_class is status_class], lang, labels))
    return "\n\n".join(parts) + "\n"


def page_path(code: int) -> str:
    """Where the page of `code` is, relative to a language's docs folder."""
    return f"status/{code}.md"


def _instead(when: str, code: int, lang: str, links: bool) -> str:
    other = BY_CODE[code]
    target = f"**{other.code} {other.phrase}**"
    if links:
        target = f"[{target}]({other.code}.md)"
    name = status_name(other, lang)
    if name != other.phrase:
        target += f" ({name})"
    return f"{when[0].upper()}{when[1:]} → {target}"


def _headers(code: int, entry: Entry, labels: Labels) -> str:
    lines = [f"`{header.name}` ({labels.levels[header.level]}): {header.note}" for header in entry.headers]
    if code in BODILESS:
        lines.append(labels.no_content.format(reference=BODILESS[code]))
    if not lines:
        return f"**{labels.headers}:** {labels.no_headers}"
    return f"**{labels.headers}:**\n\n" + bullets(lines)


def _specification(status: Status, labels: Labels) -> str:
    line = f"**{labels.reference}:** {link_references(status.reference)}"
    if status.state is not State.REGISTERED:
        line += f" · **{labels.state}:** {labels.states[status.state]}"
    return line


def _constants(code: int, labels: Labels) -> str:
    rows = [
        [f"`{family.style}`", _constant(family, code, labels), _import(family, code)] for family in FAMILIES.values()
    ]
    return table([labels.family, labels.constant, labels.import_], rows)


def _constant(family: Family, code: int, labels: Labels) -> str:
    name = family.constant(code, _PORTABLE)
    if name is None:
        return labels.no_constant
    spelled = f"`{_spelling(family, name)}`"
    if code in RFC9110_RENAMES:
        if family.style == "httpstatus":
            spelled += f" ({labels.python_313.format(name=_spelling(family, RFC9110_RENAMES[code]))})"
        elif family.style in ("fastapi", "starlette"):
            renamed = family.constant(code, Target(_PORTABLE.python, starlette=Span((0, 48))))
            spelled += f" ({labels.starlette_048.format(name=_spelling(family, renamed or name))})"
    return spelled


def _spelling(family: Family, name: str) -> str:
    return name if family.import_constants else f"{family.import_name}.{name}"


def _import(family: Family, code: int) -> str:
    name = family.constant(code, _PORTABLE)
    if name is None:
        return ""
    imported = name if family.import_constants else family.import_name
    module = family.namespace if family.import_constants else family.import_from
    return f"`from {module} import {imported}`"


def _overview(statuses: list[Status], lang: str, labels: Labels) -> str:
    header = [labels.code, labels.phrase]
    if lang != "en":
        header.append(labels.local_name)
    header += [labels.reference, labels.state]
    rows = []
    for status in statuses:
        row = [f"[{status.code}]({page_path(status.code)})", status.phrase]
        if lang != "en":
            row.append(status_name(status, lang))
        row += [status.reference, labels.states[status.state]]
        rows.append(row)
    return table(header, rows, aligned=False)
