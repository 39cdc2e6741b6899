"""Settings shared by the flake8 plugin and the `http-status` CLI, and their parsing from option text."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .families import STYLES
from .i18n import LANGUAGES
from .project import lower_bound
from .records import NamedTuple

# Patterns, not compiled ones: `re` compiles them when an option that needs one is given, not at import.
_IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_]*"
_DOTTED = rf"{_IDENTIFIER}(?:\.{_IDENTIFIER})*"
_EXTRA_CODE = rf"\s*(\d{{3}})\s*=\s*(?:({_DOTTED})\s*:\s*)?({_IDENTIFIER})\s*\Z"
_DOTTED_NAME = rf"{_DOTTED}\Z"
_EXTRA_CALL = rf"\s*({_DOTTED})\s*(?::\s*(\d+))?\s*(?::\s*({_IDENTIFIER}))?\s*\Z"


class OptionError(ValueError):
    """A setting that cannot be understood; the message says which and why."""


class ExtraCode(NamedTuple):
    """A project-defined status, such as 499=CLIENT_CLOSED_REQUEST."""

    code: int
    name: str
    module: str | None = None  # where `name` can be imported from, so a fix can use it


class ExtraCall(NamedTuple):
    """A project helper that takes a status: `myapp.http.error:1:status`."""

    name: str
    position: int | None
    keyword: str | None


@dataclass(frozen=True)
class Settings:
    style: str = "auto"
    target_python: tuple[int, int] | None = None  # None: read requires-python from the nearest pyproject.toml
    starlette_renamed: bool | None = None  # None: read the project's dependencies
    extra_codes: Mapping[int, ExtraCode] = field(default_factory=dict)
    ignore_values: frozenset[int] = frozenset()
    extra_calls: tuple[ExtraCall, ...] = ()
    lang: str = "en"  # language of messages (and of `explain`)
    # Project idioms for the HTS9xx handler model (dotted names, matched through imports or by name).
    auth_decorators: tuple[str, ...] = ()
    auth_dependencies: tuple[str, ...] = ()
    creation_calls: tuple[str, ...] = ()


class OptionSpec(NamedTuple):
    """One setting. flake8 spells it `--http-status-<name>` (and so do config files); the CLI `--<name>`."""

    name: str
    help: str
    listed: bool = False  # a comma-separated list
    choices: tuple[str, ...] | None = None
    default: str = ""

    @property
    def flake8_flag(self) -> str:
        return f"--http-status-{self.name}"

    @property
    def dest(self) -> str:
        return f"http_status_{self.name.replace('-', '_')}"


OPTIONS: tuple[OptionSpec, ...] = (
    OptionSpec(
        "style",
        "Constant family to suggest: auto, httpstatus, fastapi, starlette, drf, litestar.",
        choices=STYLES,
        default="auto",
    ),
    OptionSpec(
        "target-python",
        "Oldest Python the project supports, e.g. 3.10 (default: requires-python of the nearest pyproject.toml).",
    ),
    OptionSpec(
        "extra-codes",
        "Project-defined statuses: 499=CLIENT_CLOSED_REQUEST or 499=myapp.http:CLIENT_CLOSED_REQUEST.",
        listed=True,
    ),
    OptionSpec("ignore-values", "Literal values never to report, e.g. 200,204.", listed=True),
    OptionSpec(
        "extra-calls",
        "Project helpers that take a status: NAME:POSITION, NAME:KEYWORD or NAME:POSITION:KEYWORD.",
        listed=True,
    ),
    OptionSpec("lang", "Language of messages and explanations: en or ko.", choices=LANGUAGES, default="en"),
    OptionSpec(
        "auth-decorators",
        "Project decorators that admit only authenticated users, e.g. myapp.auth.login_required or token_required.",
        listed=True,
    ),
    OptionSpec(
        "auth-dependencies",
        "Project FastAPI dependencies that resolve the current user or refuse the request, e.g. myapp.deps.get_user.",
        listed=True,
    ),
    OptionSpec(
        "creation-calls",
        "Project calls that create a resource, e.g. myapp.orders.place_order or orders_service.open.",
        listed=True,
    ),
)


def settings_from(values: Mapping[str, object]) -> Settings:
    """Settings from raw option values keyed by `OptionSpec.dest` (missing keys take defaults)."""

    def text(name: str) -> str:
        value = values.get(name)
        if value is None:
            return ""
        return ",".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)

    return Settings(
        style=parse_style(text("http_status_style") or "auto"),
        target_python=parse_target_python(text("http_status_target_python")),
        extra_codes=parse_extra_codes(text("http_status_extra_codes")),
        ignore_values=parse_ignore_values(text("http_status_ignore_values")),
        extra_calls=parse_extra_calls(text("http_status_extra_calls")),
        lang=parse_lang(text("http_status_lang") or "en"),
        auth_decorators=parse_names("auth-decorators", text("http_status_auth_decorators")),
        auth_dependencies=parse_names("auth-dependencies", text("http_status_auth_dependencies")),
        creation_calls=parse_names("creation-calls", text("http_status_creation_calls")),
    )


def parse_style(text: str) -> str:
    return _one_of("http-status-style", text, STYLES)


def parse_lang(text: str) -> str:
    return _one_of("http-status-lang", text, LANGUAGES)


def _one_of(option: str, text: str, choices: Sequence[str]) -> str:
    """`text` as one of `choices` (case and surrounding blanks ignored); OptionError otherwise."""
    choice = text.strip().lower()
    if choice not in choices:
        raise OptionError(f"{option} must be one of {', '.join(choices)}, not {text!r}")
    return choice


def parse_target_python(text: str | None) -> tuple[int, int] | None:
    if not text or not text.strip():
        return None
    bound = lower_bound(text if any(op in text for op in "<>=~^") else f">={text.strip()}")
    if bound is None or bound[0] != 3:
        raise OptionError(f"http-status-target-python must look like 3.10 or >=3.10, not {text!r}")
    return bound


def parse_extra_codes(items: Iterable[str]) -> dict[int, ExtraCode]:
    codes: dict[int, ExtraCode] = {}
    for item in _items(items):
        match = re.match(_EXTRA_CODE, item)
        if not match:
            raise OptionError(f"http-status-extra-codes: expected CODE=NAME or CODE=module:NAME, not {item!r}")
        code = int(match.group(1))
        if not 100 <= code <= 599:
            raise OptionError(f"http-status-extra-codes: {code} is outside 100-599")
        codes[code] = ExtraCode(code, match.group(3), match.group(2))
    return codes


def parse_ignore_values(items: Iterable[str]) -> frozenset[int]:
    values = set()
    for item in _items(items):
        if not item.isdigit():
            raise OptionError(f"http-status-ignore-values: expected integers, not {item!r}")
        values.add(int(item))
    return frozenset(values)


def parse_extra_calls(items: Iterable[str]) -> tuple[ExtraCall, ...]:
    calls = []
    for item in _items(items):
        match = re.match(_EXTRA_CALL, item)
        if not match or (match.group(2) is None and match.group(3) is None):
            raise OptionError(
                f"http-status-extra-calls: expected NAME:POSITION, NAME:KEYWORD or NAME:POSITION:KEYWORD, not {item!r}"
            )
        position = int(match.group(2)) if match.group(2) is not None else None
        calls.append(ExtraCall(match.group(1), position, match.group(3)))
    return tuple(calls)


def parse_names(option: str, items: Iterable[str]) -> tuple[str, ...]:
    """Dotted names (`pkg.module.name`, or a bare `name`), in the order given, without duplicates."""
    names: list[str] = []
    for item in _items(items):
        if not re.match(_DOTTED_NAME, item):
            raise OptionError(f"http-status-{option}: expected a dotted name such as pkg.module.name, not {item!r}")
        if item not in names:
            names.append(item)
    return tuple(names)


def _items(items: Iterable[str]) -> list[str]:
    """Accept a list, or text separated by commas or newlines (as config files write it)."""
    if isinstance(items, str):
        items = [items]
    return [part.strip() for item in items for part in re.split(r"[,\n]", item) if part.strip()]


def settings_from_args(args: Iterable[str]) -> Settings:
    """Settings from flake8-style flags, e.g. ["--http-status-style=drf"] (fixture headers, doc examples)."""
    parser = argparse.ArgumentParser(add_help=False)
    for spec in OPTIONS:
        parser.add_argument(spec.flake8_flag, dest=spec.dest, default=spec.default)
    namespace, unknown = parser.parse_known_args(list(args))
    if unknown:
        raise OptionError(f"unknown options: {' '.join(unknown)}")
    return settings_from(vars(namespace))
