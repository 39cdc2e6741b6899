"""What marks an import as kept on purpose, though nothing in its module reads it: a re-export.

Another module may do `from common import HTTPStatus`, which one file cannot show. An import is taken
as deliberate, and never removed as unused, when

* a comment sits on its line (`# noqa`, `# noqa: F401`, `# re-exported for views`), or on the first or
  last line of its parenthesised statement, or on a comment line right above it there: whoever wrote
  it was told about the import, or told the linters to leave it;
* it uses the explicit re-export form of PEP 484 and the type checkers, `import X as X` or
  `from m import X as X`;
* the module builds `__all__` by anything but a literal list or tuple of strings (`[...] + [...]`,
  `"HTTP" + "Status"`, `__all__ += ...`, `__all__.extend(...)`, a call, any other mention): which names it holds cannot
  be read, so any import may be in it. A literal `__all__` is read word by word by the callers.
"""

from __future__ import annotations

import ast
import io
import tokenize

_ALL = "__all__"


def commented_lines(text: str) -> set[int] | None:
    """The lines of `text` that hold a comment; None when its tokens cannot be read (then any may)."""
    try:
        tokens = tokenize.generate_tokens(io.StringIO(text).readline)
        return {token.start[0] for token in tokens if token.type == tokenize.COMMENT}
    except (tokenize.TokenError, SyntaxError):
        return None


def has_comment(statement: ast.Import | ast.ImportFrom, alias: ast.alias, comments: set[int] | None) -> bool:
    """A comment that speaks for the name: on its own line, on the statement's first or last line (the
    whole statement's, in parentheses too), or on a comment line right above it inside the statement."""
    if comments is None:
        return True
    first, last = statement.lineno, statement.end_lineno or statement.lineno
    named = {other.lineno for other in statement.names}
    above = alias.lineno - 1
    return bool({alias.lineno, first, last} & comments or (first < above and above not in named and above in comments))


def explicit_reexport(alias: ast.alias) -> bool:
    """`import X as X` or `from m import X as X`."""
    return alias.asname is not None and alias.asname == alias.name


def dynamic_all(tree: ast.Module) -> bool:
    """`__all__` is written or changed by anything but a literal list or tuple of strings."""
    literal: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and _literal_names(node.value):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            literal.update(id(target) for target in targets if isinstance(target, ast.Name) and target.id == _ALL)
    # Any other mention, a read too: `names = __all__; names.append(...)` changes it through another name,
    # and `setattr(module, "__all__", ...)` by its spelling.
    return any(
        (isinstance(node, ast.Name) and node.id == _ALL and id(node) not in literal)
        or (isinstance(node, ast.Constant) and node.value == _ALL)
        for node in ast.walk(tree)
    )


def _literal_names(value: ast.expr | None) -> bool:
    return isinstance(value, (ast.List, ast.Tuple)) and all(
        isinstance(item, ast.Constant) and isinstance(item.value, str) for item in value.elts
    )
