"""Text composed at run time that is translated with the message it goes into.

It sits in the i18n layer, below the handlers and the rules that compose phrases, so that both can.
"""

from __future__ import annotations

from collections.abc import Mapping


class Phrase:
    """Message text a rule composes at run time (`lands in 'content_type'`), translated with the message.

    Its English `template` (a str.format template) is also the key its translations are filed under, so
    a rule writes `Phrase("lands in '{parameter}'", parameter=name)` where it would write an f-string.
    """

    __slots__ = ("template", "values")

    def __init__(self, template: str, /, **values: object) -> None:
        self.template = template
        self.values: Mapping[str, object] = values

    def __str__(self) -> str:
        return self.template.format(**self.values)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return f"Phrase({self.template!r}, **{dict(self.values)!r})"
