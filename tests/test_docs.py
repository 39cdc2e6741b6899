"""The generated docs: up to date with the code, complete, shaped as promised, and the staleness check can fail."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from flake8_http_status.docs.__main__ import main as docs_main
from flake8_http_status.docs.labels import LABELS
from flake8_http_status.docs.markdown import display_width, link_references, table
from flake8_http_status.docs.outputs import (
    PYPI_END,
    README_END,
    README_START,
    MissingMarkers,
    expected,
    pages,
    pypi_description,
    stale,
    write,
)
from flake8_http_status.docs.rule_page import rule_page
from flake8_http_status.docs.status_page import status_catalogue, status_page
from flake8_http_status.i18n import LANGUAGES
from flake8_http_status.rules.registry import RULES
from flake8_http_status.statuses import BY_CODE as STATUSES_BY_CODE
from flake8_http_status.statuses import STATUSES

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "python -m flake8_http_status.docs --write"


def test_generated_docs_are_up_to_date() -> None:
    out_of_date = [str(path.relative_to(ROOT)) for path in stale(ROOT)]
    assert out_of_date == [], f"out of date: {out_of_date}; run `{REGENERATE}`"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_rule_has_a_page_in_every_language(lang: str) -> None:
    folder = "" if lang == "en" else f"{lang}/"
    generated = pages()
    for rule in RULES:
        assert f"{folder}rules/{rule.code}.md" in generated
    for status in STATUSES:
        assert f"{folder}status/{status.code}.md" in generated
    assert f"{folder}status-codes.md" in generated


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.code)
def test_rule_page_has_the_sections_in_order(rule: object, lang: str) -> None:
    labels = LABELS[lang]
    page = rule_page(rule, lang)  # type: ignore[arg-type]
    headings = re.findall(r"^## (.+)$", page, flags=re.MULTILINE)
    assert headings == [
        labels.what,
        labels.why,
        labels.example,
        labels.use_instead,
        labels.fix_safety,
        labels.options,
        labels.not_reported,
        labels.references,
    ]
    assert page.startswith(f"# {rule.code}: {rule.slug}\n")  # type: ignore[attr-defined]
    assert page.count("```python") == 2 * len(rule.doc.examples)  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_links_every_registered_code_to_its_page(lang: str) -> None:
    catalogue = status_catalogue(lang)
    linked = re.findall(r"^\| \[(\d{3})\]\(status/(\d{3})\.md\) \|", catalogue, flags=re.MULTILINE)
    assert linked == [(str(status.code), str(status.code)) for status in STATUSES]
    assert catalogue.count("\n## ") == 5  # a table per class


@pytest.mark.parametrize("lang", LANGUAGES)
def test_status_page_is_the_entry_with_its_heading_first(lang: str) -> None:
    page = status_page(404, lang)
    assert page.startswith("# 404 Not Found")
    assert re.findall(r"^# ", page, flags=re.MULTILINE) == ["# "]  # one title, as the site's menu takes it


def test_status_pages_link_only_to_status_pages_that_exist() -> None:
    generated = pages()
    links = 0
    for lang in LANGUAGES:
        folder = "" if lang == "en" else f"{lang}/"
        for status in STATUSES:
            for target in re.findall(r"\]\((\d{3})\.md\)", status_page(status.code, lang)):
                links += 1
                assert int(target) in STATUSES_BY_CODE and f"{folder}status/{target}.md" in generated
            assert "](#" not in status_page(status.code, lang)  # anchors differ between GitHub and MkDocs
    assert links > 100


def test_readme_table_lists_every_rule_with_its_page() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(README_START, 1)[1].split(README_END, 1)[0]
    for rule in RULES:
        row = next(line for line in block.splitlines() if f"[{rule.code}]" in line)
        assert f"(docs/rules/{rule.code}.md)" in row and rule.slug in row
        assert (ROOT / "docs" / "rules" / f"{rule.code}.md").is_file()


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the parts of the repository the generator writes."""
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copy(ROOT / "PYPI.md", tmp_path / "PYPI.md")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def test_stale_reports_an_edited_page_a_leftover_page_and_a_drifted_readme(checkout: Path) -> None:
    assert stale(checkout) == []
    page = checkout / "docs" / "rules" / f"{RULES[0].code}.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")
    leftover = checkout / "docs" / "ko" / "rules" / "HTS999.md"
    leftover.write_text("# a rule that was removed\n", encoding="utf-8")
    readme = checkout / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8").replace(RULES[0].slug, "old-slug", 1), encoding="utf-8")
    removed_code = checkout / "docs" / "status" / "599.md"
    removed_code.write_text("# a code that left the registry\n", encoding="utf-8")
    missing = checkout / "docs" / "ko" / "status" / "404.md"
    missing.unlink()
    config = checkout / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("      - status/404.md\n", ""), encoding="utf-8")
    assert stale(checkout) == sorted([page, leftover, readme, removed_code, missing, config])
    assert docs_main(["--check", "--root", str(checkout)]) == 1
    assert docs_main(["--write", "--root", str(checkout)]) == 0
    assert not leftover.exists() and not removed_code.exists() and missing.is_file()
    assert stale(checkout) == []
    assert docs_main(["--check", "--root", str(checkout)]) == 0


def test_write_creates_missing_docs(checkout: Path) -> None:
    shutil.rmtree(checkout / "docs")
    written = write(checkout)
    up_to_date = {checkout / "README.md", checkout / "mkdocs.yml", checkout / "PYPI.md"}
    assert set(written) == set(expected(checkout)) - up_to_date
    assert stale(checkout) == []


def test_readme_without_markers_is_a_clear_error(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (checkout / "README.md").write_text("# no table here\n", encoding="utf-8")
    assert docs_main(["--check", "--root", str(checkout)]) == 2
    assert "rules:start" in capsys.readouterr().err


def test_mkdocs_yml_without_nav_markers_is_a_clear_error(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = checkout / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("# nav:ko:end", "# end"), encoding="utf-8")
    assert docs_main(["--check", "--root", str(checkout)]) == 2
    assert "nav:ko:start" in capsys.readouterr().err
    config.unlink()
    assert docs_main(["--check", "--root", str(checkout)]) == 2
    assert "no mkdocs.yml" in capsys.readouterr().err


def test_tables_line_up_with_wide_characters() -> None:
    text = table(["코드", "name"], [["가나다", "x"], ["a", "long value"]])
    widths = {display_width(line) for line in text.splitlines()}
    assert len(widths) == 1


def test_references_link_to_their_documents() -> None:
    assert link_references("RFC 9110 §15.5.2") == (
        "[RFC 9110 §15.5.2](https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2)"
    )
    linked = link_references("RFC 8297 (103 Early Hints) and RFC 9110 §15")
    assert "(https://www.rfc-editor.org/rfc/rfc8297.html)" in linked and "#section-15)" in linked
    assert link_references("Django: HttpResponse") == "Django: HttpResponse"


def test_a_rule_without_a_translation_still_gets_a_page() -> None:
    # What a newly added rule looks like until its Korean text is written (test_translations fails meanwhile).
    new_rule = RULES[0]._replace(code="HTS999", slug="brand-new-rule")
    page = rule_page(new_rule, "ko")
    assert page.startswith("# HTS999: brand-new-rule\n\n> ")
    assert LABELS["ko"].what in page and RULES[0].doc.what in page  # Korean headings, English text
    assert "\n> " not in rule_page(new_rule, "en")


def test_the_package_description_is_the_readmes_opening() -> None:
    """pyproject.toml's `readme` is PYPI.md, the README's opening: flake8 reads the whole description of every
    plugin on every run, so it is kept to a few kilobytes (the staleness test above keeps it current)."""
    assert re.search(r'^readme = "PYPI.md"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
    description = (ROOT / "PYPI.md").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    opening = readme[: readme.index(PYPI_END)].rstrip("\n")
    assert description.startswith(opening + "\n\n## Documentation\n")
    assert len(description.encode()) < 4096


def test_editing_the_readmes_opening_makes_the_package_description_stale(checkout: Path) -> None:
    readme = checkout / "README.md"
    readme.write_text(
        readme.read_text(encoding="utf-8").replace("## Install\n", "## Installing\n", 1), encoding="utf-8"
    )
    assert stale(checkout) == [checkout / "PYPI.md"]
    write(checkout)
    assert "## Installing\n" in (checkout / "PYPI.md").read_text(encoding="utf-8")


def test_a_readme_without_the_closing_heading_is_refused() -> None:
    with pytest.raises(MissingMarkers, match="What it reports"):
        pypi_description("# flake8-http-status\n\n## Install\n")
