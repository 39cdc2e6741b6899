"""What a response carries besides its status: its content and its headers.

Both answers lean to silence: a header is taken as present when the code might set it (a headers
variable, `**kwargs`, the header's name anywhere in the function or module), and content counts as
present only when it certainly renders to bytes.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from ..analysis.match import argument
from ..analysis.sites import Site
from ..api.idioms import BodyArgument, Rendering
from ..records import NamedTuple
from .body_index import BodyIndex
from .table import Idioms

# Response attributes (Werkzeug, Falcon, WebOb) and keywords that set a header without naming it.
_HEADER_ATTRIBUTES: dict[str, frozenset[str]] = {
    "www-authenticate": frozenset({"www_authenticate"}),
    "allow": frozenset({"allow", "allowed_methods", "valid_methods"}),
    "location": frozenset({"location"}),
    "retry-after": frozenset({"retry_after"}),
}
_HEADER_CONTAINERS = frozenset({"headers", "headerlist", "more_headers", "extra_headers"})


class Content(NamedTuple):
    node: ast.expr | None  # the content argument (None: not given)
    present: bool | None  # True: bytes go out; False: nothing; None: cannot tell


class Headers:
    def __init__(self, idioms: Idioms, module_provides: Callable[[str], bool]) -> None:
        self.idioms = idioms
        self._module_provides = module_provides

    def has(self, site: Site, header: str, index: BodyIndex | None) -> bool:
        """Whether the response built at `site` may carry `header` (True when unsure)."""
        name = header.lower()
        if self._automatic(site, name) or self._module_provides(name):
            return True
        if index is not None and self._function_sets(index, name):
            return True
        anchor = site.anchor
        if isinstance(anchor, ast.Call):
            return self._call_sets(anchor, site, name)
        if isinstance(anchor, ast.Return) and isinstance(anchor.value, ast.Tuple) and len(anchor.value.elts) == 3:
            return _mapping_may_hold(anchor.value.elts[2], name)
        return False

    def _automatic(self, site: Site, name: str) -> bool:
        for row in self.idioms.auto_headers:
            if row.framework != site.api.framework or row.header.lower() != name:
                continue
            if (not row.labels or site.api.label in row.labels) and (row.codes is None or site.code in row.codes):
                return True
        return False

    def automatic_why(self, site: Site, header: str) -> str | None:
        for row in self.idioms.auto_headers:
            same_header = row.framework == site.api.framework and row.header.lower() == header.lower()
            if same_header and (not row.labels or site.api.label in row.labels):
                return row.why
        return None

    def _function_sets(self, index: BodyIndex, name: str) -> bool:
        if name in index.strings or index.opaque_headers:
            return True
        return not _HEADER_ATTRIBUTES.get(name, frozenset()).isdisjoint(index.attributes)

    def _call_sets(self, call: ast.Call, site: Site, name: str) -> bool:
        if any(keyword.arg is None for keyword in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
            return True  # **kwargs or *args: anything may be in there
        for row in self.idioms.header_arguments.get((site.api.framework, site.api.label), ()):
            given = argument(call, row.slot)
            if row.header.lower() == name and given is not None and not _is_none(given):
                return True
        for keyword in call.keywords:
            assert keyword.arg is not None
            if keyword.arg.lower().replace("_", "-") == name:  # Bottle: HTTPError(405, Allow="GET")
                return True
            if keyword.arg in _HEADER_CONTAINERS and _mapping_may_hold(keyword.value, name):
                return True
        return any(_positional_headers(arg, name) for arg in call.args)


def _mapping_may_hold(node: ast.expr, name: str) -> bool:
    """A headers argument that holds `name`, or that we cannot read (a variable, a call)."""
    if isinstance(node, ast.Dict):
        return any(key is None or not _is_string(key) or _text(key).lower() == name for key in node.keys)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_pair_may_hold(element, name) for element in node.elts)
    return not _is_none(node)


def _pair_may_hold(node: ast.expr, name: str) -> bool:
    if isinstance(node, ast.Tuple) and node.elts and _is_string(node.elts[0]):
        return _text(node.elts[0]).lower() == name
    return True


def _positional_headers(node: ast.expr, name: str) -> bool:
    if isinstance(node, ast.Dict):
        return _mapping_may_hold(node, name)
    return isinstance(node, ast.Name) and "header" in node.id.lower()


def content_of(site: Site, idioms: Idioms) -> Content | None:
    """The content a response call renders, or None when the table does not say where it goes."""
    anchor = site.anchor
    if isinstance(anchor, ast.Return) and isinstance(anchor.value, ast.Tuple) and anchor.value.elts:
        return Content(anchor.value.elts[0], presence(anchor.value.elts[0], Rendering.RAW))
    if not isinstance(anchor, ast.Call):
        return None
    rows = idioms.body_arguments.get((site.api.framework, site.api.label), ())
    if not rows:
        return None
    found: list[tuple[BodyArgument, ast.expr]] = [
        (row, node) for row in rows if (node := argument(anchor, row.slot)) is not None
    ]
    if not found:
        always = any(row.rendering is Rendering.ALWAYS for row in rows)
        return Content(None, always)
    row, node = found[0]
    return Content(node, presence(node, row.rendering))


def presence(node: ast.expr, rendering: Rendering) -> bool | None:
    """Whether content `node` certainly renders bytes (True), certainly none (False), or cannot tell."""
    if rendering is Rendering.ALWAYS:
        return True
    if _is_none(node):
        return False
    if rendering is Rendering.SERIALIZED:
        return None if isinstance(node, ast.Name) else True
    if isinstance(node, ast.Constant):
        return bool(node.value) if isinstance(node.value, (str, bytes)) else None
    if isinstance(node, ast.JoinedStr):
        return any(not (isinstance(v, ast.Constant) and v.value == "") for v in node.values)
    if isinstance(node, (ast.Dict, ast.Call, ast.BinOp)):
        return True
    return None


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _is_string(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _text(node: ast.expr) -> str:
    assert isinstance(node, ast.Constant) and isinstance(node.value, str)
    return node.value
