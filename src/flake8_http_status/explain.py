"""`http-status explain`: a rule's page, a status code's catalogue entry, or the list of rules.

Reads only the registry and the docs data (no LibCST, no analysis of any file), so it answers at once.
"""

from __future__ import annotations

import argparse
import configparser
import os
import sys
from pathlib import Path

from . import pyproject_config
from .doc_links import rule_url, status_url
from .docs.labels import LABELS, Labels
from .docs.rule_page import rule_page, summary
from .docs.status_page import status_entry
from .families import constants
from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .options import OptionError, parse_lang
from .rules.registry import BY_CODE as RULES_BY_CODE
from .rules.registry import RULES
from .rules.rule import Rule
from .safe_read import Unread, discovered_text, shown_path
from .statuses import BY_CODE as STATUSES_BY_CODE
from .statuses import STATUS_RANGE
from .terminal import Style, render, style_for, visible_width, write

PROG = "http-status explain"
_CONFIG_FILES = ("setup.cfg", "tox.ini", ".flake8")  # flake8's own search order


class UnknownTarget(LookupError):
    """What the user asked about is neither a rule nor a registered status; the message says which."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "targets",
        nargs="*",
        metavar="CODE",
        help="a rule code (HTS001) or slug (magic-status-code), a status code (404) or a constant (HTTP_404_NOT_FOUND)",
    )
    parser.add_argument("--list", action="store_true", help="list every rule with its slug, default and fix safety")
    parser.add_argument(
        "--lang", choices=LANGUAGES, help="language (default: http-status-lang from the flake8 config, else en)"
    )
    parser.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="style the output (default: auto)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        lang = args.lang or configured_lang(Path.cwd()) or DEFAULT_LANGUAGE
    except OptionError as error:
        return _fail(str(error))
    labels = LABELS[lang]
    style = style_for(sys.stdout, args.color)
    if args.list:
        return _print(rule_list(lang, style))
    if not args.targets:
        return _fail(labels.nothing_to_explain)
    try:
        resolved = [resolve(target, labels) for target in args.targets]
    except UnknownTarget as error:
        return _fail(str(error))
    pages = [_page(target, lang) for target in resolved]
    return _print("\n".join(render(page, style) for page in pages))


def resolve(target: str, labels: Labels) -> Rule | int:
    """The rule or registered status code `target` names."""
    text = target.strip()
    rule = RULES_BY_CODE.get(text.upper()) or next((r for r in RULES if r.slug == text.lower()), None)
    if rule is not None:
        return rule
    code = int(text) if text.isdigit() else _constant_code(text)
    if code is None:
        raise UnknownTarget(labels.unknown_target.format(target=target))
    if code in STATUSES_BY_CODE:
        return code
    if code in STATUS_RANGE:
        fallback = STATUSES_BY_CODE[code // 100 * 100]
        raise UnknownTarget(labels.unregistered_code.format(code=code, fallback=f"{fallback.code} {fallback.phrase}"))
    raise UnknownTarget(labels.not_a_status.format(code=code))


def _constant_code(text: str) -> int | None:
    """The code a constant's name denotes (`HTTPStatus.NOT_FOUND`, `HTTP_404_NOT_FOUND`), if exactly one."""
    codes = {
        constant.code
        for name, constant in constants().items()
        if name.endswith("." + text) and constant.family != "requests"
    }
    return codes.pop() if len(codes) == 1 else None


def _page(target: Rule | int, lang: str) -> str:
    """The page for the terminal, ending with the address of the same page on the documentation site."""
    if isinstance(target, int):
        page, url = status_entry(target, lang), status_url(target, lang)
    else:
        page, url = rule_page(target, lang), rule_url(target.code, lang)
    return f"{page}\n{LABELS[lang].online}: {url}\n"


def rule_list(lang: str, style: Style | None) -> str:
    labels = LABELS[lang]
    header = [labels.code, labels.slug, labels.default, labels.fix, labels.summary]
    rows = [header] + [
        [rule.code, rule.slug, labels.on if rule.default else labels.off, labels.fixes[rule.fix], summary(rule, lang)]
        for rule in RULES
    ]
    widths = [max(visible_width(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = []
    for row in rows:
        cells = [
            cell + " " * (width - visible_width(cell)) for cell, width in zip(row, widths, strict=False)
        ]  # the last cell is not padded
        lines.append("  ".join([*cells, row[-1]]))
    if style is not None:
        lines[0] = f"\x1b[1m{lines[0]}\x1b[0m"
    return "\n".join(lines) + "\n"


def configured_lang(start: Path) -> str | None:
    """`http-status-lang` from the flake8 config that applies in `start`, found the way flake8 finds it.

    Without one there, `[tool.flake8]` and `[tool.http-status]` of the nearest pyproject.toml holding them.
    """
    for folder in (start, *start.parents):
        for name in _CONFIG_FILES:
            path = folder / name
            parser = configparser.RawConfigParser()
            try:
                text = discovered_text(path)  # None: absent, or skipped (a FIFO, a device, too large) with a warning
                if text is None:
                    continue
                parser.read_string(text, source=str(path))
            except Unread as unread:
                raise OptionError(f"{path}: cannot read it ({unread.message})") from None
            except configparser.Error as error:
                from .config import ini_error  # only on this error path: `config` brings dataclasses

                raise OptionError(ini_error(path, error)) from None
            if parser.has_section("flake8"):
                value = parser.get("flake8", "http-status-lang", fallback=None)
                value = value if value is not None else parser.get("flake8", "http_status_lang", fallback=None)
                return parse_lang(value) if value else _table_lang(start)
    return _table_lang(start)


def _table_lang(start: Path) -> str | None:
    """`lang` of `[tool.http-status]` (or `http-status-lang` of `[tool.flake8]`), which a flake8 file overrides."""
    found = pyproject_config.find(start)
    tables = pyproject_config.read(found) if found is not None else None
    if tables is None:
        return None
    value = (tables.flake8 or {}).get("http-status-lang") or (tables.table.values if tables.table else {}).get(
        "http_status_lang"
    )
    try:
        return parse_lang(str(value)) if value else None
    except OptionError as error:
        raise OptionError(f"{shown_path(tables.path)}: {error}") from None


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 2


def _print(text: str) -> int:
    try:
        write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `explain --list | head`: the reader has what it wanted
        # Python flushes stdout again at exit; point it at /dev/null so that flush cannot fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
