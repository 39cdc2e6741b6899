"""Whether a module may write its own global namespace by a name no statement shows.

`globals()["status"] = ...`, `globals().update(...)`, `vars()[...] = ...`, `exec("status = 1")`,
`eval("(status := 1)")` and `setattr(sys.modules[__name__], "status", ...)` bind names that neither
the imports nor the assignments show, like a star import. A name a fix adds or reuses there may be
rebound by them, so such a fix is not safe (the speller) and a safe one is refused (the verifier).

Any mention counts, a read too (`ns = globals(); ns["status"] = 1` writes through another name), and
anywhere in the module: a function may write the module's globals the same way.
"""

from __future__ import annotations

import ast

from ..lazy_pattern import LazyPattern

_CALLS = frozenset({"globals", "vars", "locals", "exec", "eval"})
_MENTIONS = ("globals", "vars", "locals", "exec", "eval", "modules")
_WORDS = LazyPattern(rf"\b(?:{'|'.join(_MENTIONS)})\b")


def writes_own_namespace(tree: ast.Module, text: str | None = None) -> bool:
    """True when `tree` (whose source is `text`, when known: a cheap look first) may bind globals dynamically."""
    if text is not None and not mentions_namespace(text):
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in _CALLS:
            return True
        if isinstance(node, ast.Attribute) and node.attr == "modules" and isinstance(node.value, ast.Name):
            return True  # `sys.modules[__name__]`, however `sys` is imported
    return False


def mentions_namespace(text: str) -> bool:
    """`_WORDS` finds a word in `text`. Every match holds one of the words, so a text without any is answered
    without the pattern, which most modules then never compile."""
    return any(word in text for word in _MENTIONS) and _WORDS.search(text) is not None
