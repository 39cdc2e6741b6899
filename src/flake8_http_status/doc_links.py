"""Where each rule and status page of the documentation site lives: one address per page, shared by the
finding URLs of `check` (JSON, SARIF), `explain` and the site's own configuration (`mkdocs.yml`'s
`site_url`, which a test keeps equal to `SITE`).

The site is built from `docs/` by MkDocs with directory URLs, so `docs/rules/HTS001.md` is served at
`<SITE>rules/HTS001/` and its Korean page, `docs/ko/rules/HTS001.md`, at `<SITE>ko/rules/HTS001/`.
"""

from __future__ import annotations

SITE = "https://flake8-http-status.readthedocs.io/en/latest/"


def rule_url(code: str, lang: str = "en") -> str:
    """The page of rule `code` (`HTS001`)."""
    return f"{SITE}{_prefix(lang)}rules/{code}/"


def status_url(status: int, lang: str = "en") -> str:
    """The page of status code `status` (404)."""
    return f"{SITE}{_prefix(lang)}status/{status}/"


def _prefix(lang: str) -> str:
    return "" if lang == "en" else f"{lang}/"
