"""Languages. English is the source text everywhere (rules, `statuses`, the catalogue); the others translate it.

Each translation lives in a subpackage named for its language (`ko/`): `messages` (rule message
templates and the fragments rules put into them), `statuses` (names and one-line reasons of the codes)
and `rules` (rule pages). The catalogue's long texts are in `catalogue/`.
`phrase` holds the `Phrase` that rules and handlers compose messages with; apart from it and this
list of languages, nothing here is imported while messages are in English, so the plugin pays nothing.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("en", "ko")
DEFAULT_LANGUAGE: Final = "en"
