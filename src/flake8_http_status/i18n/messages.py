"""Messages in a language other than English: the rule's translated template, with translated values.

A value is translated when it is a `Phrase` (text a rule composes), or a str that is a status's one-line
reason or an API's `rejects_why`: fixed English text with a translation filed under it. Everything else
(codes, constant names, source text, API labels) is the same in every language.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache

from ..records import NamedTuple
from ..statuses import BY_CODE
from .phrase import Phrase


class MessageCatalog(NamedTuple):
    templates: Mapping[str, str]  # rule code -> message template
    phrases: Mapping[str, str]  # English text (or Phrase template) -> translation

    def translate(self, value: object) -> object:
        if isinstance(value, Phrase):
            template = self.phrases.get(value.template, value.template)
            return template.format(**{name: self.translate(part) for name, part in value.values.items()})
        if isinstance(value, str):
            return self.phrases.get(value, value)
        return value


@cache
def message_catalog(lang: str) -> MessageCatalog:
    messages = importlib.import_module(f"{__package__}.{lang}.messages")
    statuses = importlib.import_module(f"{__package__}.{lang}.statuses")
    reasons: dict[int, str] = statuses.REASONS
    by_reason = {BY_CODE[code].reason: text for code, text in reasons.items()}
    return MessageCatalog(messages.MESSAGES, {**by_reason, **messages.PHRASES})


def localized_message(code: str, message: str, lang: str, values: Mapping[str, object]) -> str:
    """The message of rule `code` in `lang`; English `message` where a translation is missing (a test keeps
    none missing). The rule is known by code only: translations sit below the rules."""
    catalog = message_catalog(lang)
    template = catalog.templates.get(code, message)
    return template.format(**{name: catalog.translate(value) for name, value in values.items()})
