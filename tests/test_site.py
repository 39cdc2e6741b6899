"""The documentation site: its configuration agrees with doc_links, every address has a page, and the strict
MkDocs build passes and puts each page where doc_links says it is."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from flake8_http_status.doc_links import SITE, rule_url, status_url
from flake8_http_status.i18n import LANGUAGES
from flake8_http_status.rules.registry import RULES
from flake8_http_status.statuses import STATUSES

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def config() -> MkDocsConfig:
    """mkdocs.yml as MkDocs itself reads and validates it."""
    return load_config(str(ROOT / "mkdocs.yml"))


def source_of(url: str) -> str:
    """The file under docs/ that MkDocs (with directory URLs) serves at `url`."""
    assert url.startswith(SITE) and url.endswith("/"), url
    return url.removeprefix(SITE).rstrip("/") + ".md"


def nav_pages(items: list[Any]) -> list[str]:
    pages: list[str] = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        pages.extend(nav_pages(value) if isinstance(value, list) else [value])
    return pages


def every_address() -> list[str]:
    return [rule_url(rule.code, lang) for lang in LANGUAGES for rule in RULES] + [
        status_url(status.code, lang) for lang in LANGUAGES for status in STATUSES
    ]


def test_site_url_is_the_one_doc_links_spells() -> None:
    loaded = config()
    assert loaded["site_url"] == SITE
    assert f"\nsite_url: {SITE}\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")  # as written, too
    assert loaded["use_directory_urls"] is True  # rules/HTS001.md -> rules/HTS001/, the form doc_links gives
    assert Path(loaded["docs_dir"]) == DOCS


def test_every_rule_and_status_has_a_page_at_its_address() -> None:
    missing = [url for url in every_address() if not (DOCS / source_of(url)).is_file()]
    assert missing == []
    assert source_of(status_url(404)) == "status/404.md"
    assert source_of(rule_url("HTS001", "ko")) == "ko/rules/HTS001.md"


def test_every_page_is_in_the_nav_and_every_nav_entry_is_a_page() -> None:
    listed = nav_pages(config()["nav"])
    on_disk = sorted(str(path.relative_to(DOCS).as_posix()) for path in DOCS.rglob("*.md"))
    assert sorted(listed) == on_disk
    assert len(listed) == len(set(listed))
    assert {source_of(url) for url in every_address()} <= set(listed)


@pytest.mark.slow
def test_strict_build_puts_each_page_where_doc_links_says(tmp_path: Path) -> None:
    site = tmp_path / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    for url in (rule_url("HTS001"), status_url(404), rule_url("HTS923", "ko"), status_url(451, "ko")):
        built = site / url.removeprefix(SITE) / "index.html"
        assert built.is_file(), url
    page = (site / status_url(404).removeprefix(SITE) / "index.html").read_text(encoding="utf-8")
    assert "404 Not Found" in page and 'href="../410/"' in page  # a link to another code's page, as served
