"""Every generated file, its expected content, and the checks for files that drifted from the code."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from ..i18n import LANGUAGES
from ..rules.registry import RULES
from ..statuses import STATUSES
from .labels import LABELS
from .rule_page import rule_page
from .rule_tables import english_index, korean_index, rules_table
from .site_nav import config_with_nav
from .status_page import page_path, status_catalogue, status_page

README_START = "<!-- rules:start -->"
README_END = "<!-- rules:end -->"
_README_TABLE = re.compile(re.escape(README_START) + r"\n.*?" + re.escape(README_END), re.DOTALL)

# Where each language's docs live, relative to docs/.
_FOLDERS = {"en": "", "ko": "ko/"}


class MissingMarkers(ValueError):
    """The README has no rule-table markers to write between."""


def _language_link(lang: str, relative: str) -> str:
    """A line linking to the same page in the other language (for the files; `explain` leaves it out)."""
    other = "ko" if lang == "en" else "en"
    here = _FOLDERS[lang] + relative
    target = posixpath.relpath(_FOLDERS[other] + relative, posixpath.dirname(here) or ".")
    return f"[{LABELS[lang].other_language}]({target})"


def pages() -> dict[str, str]:
    """Generated files under docs/, by path relative to docs/."""
    files: dict[str, str] = {}
    for lang in LANGUAGES:
        folder = _FOLDERS[lang]
        for rule in RULES:
            relative = f"rules/{rule.code}.md"
            files[folder + relative] = _with_link(rule_page(rule, lang), lang, relative)
        for status in STATUSES:
            relative = page_path(status.code)
            files[folder + relative] = _with_link(status_page(status.code, lang), lang, relative)
        files[folder + "status-codes.md"] = _with_link(status_catalogue(lang), lang, "status-codes.md")
    files["index.md"] = english_index(RULES)
    files["ko/README.md"] = korean_index(RULES)
    return files


def _with_link(page: str, lang: str, relative: str) -> str:
    title, _, rest = page.partition("\n\n")
    return f"{title}\n\n{_language_link(lang, relative)}\n\n{rest}"


def readme_with_table(readme: str) -> str:
    if not _README_TABLE.search(readme):
        raise MissingMarkers(f"README.md has no {README_START} ... {README_END} block")
    block = f"{README_START}\n{rules_table(RULES, 'en', 'docs/rules')}\n{README_END}"
    return _README_TABLE.sub(lambda _: block, readme, count=1)


# The package's long description (pyproject.toml's `readme`): the README up to this heading, then `_PYPI_CLOSING`.
# flake8 reads the metadata of every plugin it loads, on every run, with an e-mail parser that goes through the
# whole description: the whole README (some 40 KB) would cost each run some 3.5 million instructions.
PYPI_END = "\n## What it reports\n"
_PYPI_CLOSING = (
    "\n## Documentation\n\n"
    "The project's README.md describes every rule, the configuration, `http-status fix`, `http-status check`,\n"
    "pre-commit, ruff, editors and CI. `http-status explain CODE` prints a rule's or a status code's page in the\n"
    "terminal, and docs/ holds the same pages in English and Korean.\n"
)


def pypi_description(readme: str) -> str:
    head, found, _ = readme.partition(PYPI_END)
    if not found:
        raise MissingMarkers(f"README.md has no {PYPI_END.strip()!r} heading to end the package's description at")
    return head.rstrip("\n") + "\n" + _PYPI_CLOSING


def expected(root: Path) -> dict[Path, str]:
    """Every generated file under `root` (a checkout) with the content it should have."""
    files = {root / "docs" / relative: content for relative, content in pages().items()}
    readme = root / "README.md"
    files[readme] = readme_with_table(readme.read_text(encoding="utf-8"))
    files[root / "PYPI.md"] = pypi_description(files[readme])
    config = root / "mkdocs.yml"
    files[config] = config_with_nav(config.read_text(encoding="utf-8"), RULES, STATUSES, LANGUAGES)
    return files


def generated_folders(root: Path) -> list[Path]:
    """Folders that hold generated pages only: a page there that the code no longer makes is a leftover."""
    return [root / "docs" / _FOLDERS[lang] / kind for lang in LANGUAGES for kind in ("rules", "status")]


def stale(root: Path) -> list[Path]:
    """Generated files that are missing or differ, and pages left behind by rules that no longer exist."""
    files = expected(root)
    drifted = [path for path, content in files.items() if _read(path) != content]
    leftovers = [
        page
        for folder in generated_folders(root)
        if folder.is_dir()
        for page in sorted(folder.glob("*.md"))
        if page not in files
    ]
    return sorted(drifted + leftovers)


def write(root: Path) -> list[Path]:
    """Brings every generated file up to date; returns the ones it changed or removed."""
    changed = stale(root)
    files = expected(root)
    for path in changed:
        if path in files:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(files[path], encoding="utf-8", newline="\n")
        else:
            path.unlink()
    return changed


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
