"""Helpers for fixer tests: fix a module's text the way `http-status fix` does, and check convergence."""

from __future__ import annotations

from expectations import split_options

from flake8_http_status.fixer.pipeline import FixOptions, Outcome, fix_text
from flake8_http_status.fixer.selection import Selection
from flake8_http_status.options import Settings, settings_from_args


def options(
    *flags: str,
    unsafe: bool = False,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    starlette_renamed: bool = False,
    disable_noqa: bool = False,
) -> FixOptions:
    """Fix options from flake8-style flags (`--extend-select=` turns rules on); the target defaults to
    Python 3.10 and old Starlette names, so that no test depends on the pyproject.toml above it."""
    plugin_flags, enabled = split_options(flags)
    settings = settings_from_args(plugin_flags) if plugin_flags else Settings()
    settings = settings.replace(target_python=settings.target_python or (3, 10), starlette_renamed=starlette_renamed)
    return FixOptions(
        settings,
        Selection(
            select=select, ignore=ignore, unsafe=unsafe, disable_noqa=disable_noqa, enable=tuple(sorted(enabled))
        ),
    )


def outcome(source: str, *flags: str, filename: str = "example.py", **choice: object) -> Outcome:
    return fix_text(source, filename, options(*flags, **choice))  # type: ignore[arg-type]


def fix(source: str, *flags: str, filename: str = "example.py", **choice: object) -> str:
    """The fixed text, after checking that fixing it again changes nothing."""
    fixed = outcome(source, *flags, filename=filename, **choice).text
    again = outcome(fixed, *flags, filename=filename, **choice)
    assert not again.changed, f"a second run changed the code again:\n{again.text}"
    return fixed
