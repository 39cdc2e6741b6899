"""How content says it is an error (HTS911), and how it says it failed (HTS904 must not ask for 201 then).

Only a payload whose every key is read counts: a key that may carry a result (`"results"`, `"data"` with
a value, GraphQL's `"data"`, a job's fields) makes the payload a success that mentions failures, and 200
is right there. A dict built in a variable first is read when the function binds the variable once and
never changes it afterwards. A list written out whole counts when every item in it is an error payload
(a page's flash messages); a list built item by item is a batch's per-item results.
"""

from __future__ import annotations

import ast

from ...analysis.receivers import last_name
from ...handlers.body_index import BodyIndex
from ...i18n.phrase import Phrase
from ...records import NamedTuple
from ...statuses import is_known


class Body(NamedTuple):
    """What `error_payload` reads of the function the content is in, to follow a variable to its dict."""

    found: BodyIndex  # the walk over the function's body
    parameters: frozenset[str]


class Payload(NamedTuple):
    shape: str | Phrase  # how the content says it is an error: `success: False`, `"error" key`
    status: int | None  # the 4xx/5xx the content writes into its own body (`{"code": 404}`), if any


_ERROR_KEYS = frozenset({"error", "errors"})
_FAILURE_FLAGS = frozenset({"success", "ok"})
# Keys whose string value names the outcome (`{"status": "error"}`, JSend's "fail", `{"result": "error"}`).
_OUTCOME_KEYS = frozenset({"status", "result"})
_FAILURE_WORDS = frozenset({"error", "fail", "failed", "failure"})
# Flash-style messages (`jsonify(type="danger", message=...)`): a page shows the message in the colour the key
# names, and only the error colours say the request failed ("warning", "info" and "success" do not).
_FLASH_KEYS = frozenset({"type", "category", "level"})
_FLASH_WORDS = frozenset({"danger", "error"})
# The text a flash message or a false `status` must come with: alone, `{"type": "error"}` names a kind of
# thing and `{"status": False}` a switch's state.
_MESSAGE_KEYS = frozenset({"message", "msg"})
# Keys that may carry an HTTP status written into the body instead of the status line.
_STATUS_KEYS = frozenset({"status", "code", "status_code", "statusCode", "http_status", "httpStatus", "http_code"})
# Keys that describe an error; anything else with a value suggests a result with partial failures.
_DETAIL_KEYS = frozenset(
    {
        *_ERROR_KEYS,
        *_FAILURE_FLAGS,
        *_STATUS_KEYS,
        "message",
        "messages",
        "msg",
        "err",
        "errmsg",
        "detail",
        "details",
        "error_code",
        "errorcode",
        "errorCode",
        "description",
        "reason",
        "error_description",
        "error_message",
        "errorMessage",
        "title",
        "type",
        "category",
        "level",
        "location",  # where the page sends the user after showing the message
        "field",
        "fields",
        "hint",
    }
)
_JSON_CALLS = frozenset(
    {
        "dict",
        "jsonify",
        "json_response",
        "JSONResponse",
        "JsonResponse",
        "Response",
        "json",
        "dumps",
        "make_response",
        "ORJSONResponse",
        "UJSONResponse",
        "HTTPResponse",
    }
)
_KEYWORD_CALLS = frozenset({"dict", "jsonify"})


def error_payload(node: ast.expr, body: Body | None = None) -> Payload | None:
    """How `node` says it is an error, or None. `body`: the function `node` is in, to read a dict built in a
    variable first."""
    listed = _listed(node)
    if listed is not None:
        # A list written out whole, every item an error: a batch is built item by item instead, and a list
        # with one success in it reports a partial failure.
        payloads = [error_payload(item) for item in listed]
        return payloads[0] if payloads and all(payloads) else None
    items = _items(node, body)
    if items is None or not all(
        key in _DETAIL_KEYS or _outcome(key, value) or _empty(value) for key, value in items.items()
    ):
        return None  # other keys carry results (partial failures, GraphQL, JSON-RPC, job states)
    for key in sorted(_STATUS_KEYS & items.keys()):
        code = _error_status(items[key])
        if code is not None:
            return Payload(f"{key}: {code}", code)
    for key in sorted(_FAILURE_FLAGS & items.keys()):
        if _false(items[key]):
            return Payload(f"{key}: False", None)
    for key in sorted(_OUTCOME_KEYS & items.keys()):
        word = _outcome(key, items[key])
        if word is not None:
            return Payload(f'{key}: "{word}"', None)
    if _MESSAGE_KEYS & items.keys():
        flash = _flash(items)
        if flash is not None:
            return Payload(flash, None)
        if _false(items.get("status")):
            return Payload("status: False", None)
    errors = sorted(key for key in _ERROR_KEYS & items.keys() if not _empty(items[key]))
    return Payload(Phrase("{key} key", key=f'"{errors[0]}"'), None) if errors else None


def reports_failure(node: ast.expr) -> bool:
    """Looser than `error_payload`: any error key, a false success flag, or a failure outcome beside any
    other keys (for HTS904, which must not ask for 201 on a failure)."""
    items = _items(node, None)
    if items is None:
        return False
    if any(not _empty(items[key]) for key in _ERROR_KEYS & items.keys()):
        return True
    flags = [items[key] for key in _FAILURE_FLAGS & items.keys()]
    if any(_false(flag) for flag in flags) or _false(items.get("status")) or _flash(items) is not None:
        return True
    return _outcome("status", items.get("status")) is not None


def _flash(items: dict[str, ast.expr]) -> str | None:
    """`type: "danger"` when a flash key holds an error colour, else None."""
    for key in sorted(_FLASH_KEYS & items.keys()):
        value = items[key]
        if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value.lower() in _FLASH_WORDS:
            return f'{key}: "{value.value.lower()}"'
    return None


def _false(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is False


def _listed(node: ast.expr) -> list[ast.expr] | None:
    """The items of a list literal, rendered as it is or by a JSON call (`jsonify([...])`); None when `node`
    is not one, or when an item is unpacked from elsewhere (`[*more]`)."""
    if isinstance(node, ast.Call) and last_name(node.func) in _JSON_CALLS and node.args:
        return _listed(node.args[0])
    if not isinstance(node, ast.List) or any(isinstance(item, ast.Starred) for item in node.elts):
        return None
    return node.elts


def _outcome(key: str, value: ast.expr | None) -> str | None:
    """The failure word a `status`/`result` key holds (`"error"`, `"failed"`), or None."""
    if key not in _OUTCOME_KEYS or not isinstance(value, ast.Constant) or not isinstance(value.value, str):
        return None
    word = value.value.lower()
    return word if word in _FAILURE_WORDS else None


def _error_status(node: ast.expr) -> int | None:
    """A registered 4xx or 5xx int literal (a bool is an int too, and never a status)."""
    if isinstance(node, ast.Constant) and type(node.value) is int and 400 <= node.value <= 599:
        return node.value if is_known(node.value) else None
    return None


def _items(node: ast.expr, body: Body | None) -> dict[str, ast.expr] | None:
    if isinstance(node, ast.Name) and body is not None:
        built = _built_once(node.id, body)
        return _items(built, None) if built is not None else None
    if isinstance(node, ast.Dict):
        if not all(isinstance(key, ast.Constant) and isinstance(key.value, str) for key in node.keys):
            return None  # `**other` or computed keys: the whole dict cannot be read
        return {key.value: value for key, value in zip(node.keys, node.values, strict=True)}  # type: ignore[union-attr]
    if isinstance(node, ast.Call) and last_name(node.func) in _JSON_CALLS:
        if node.args:
            return _items(node.args[0], body)
        if last_name(node.func) in _KEYWORD_CALLS and node.keywords and all(k.arg for k in node.keywords):
            return {keyword.arg: keyword.value for keyword in node.keywords if keyword.arg}
    return None


def _built_once(name: str, body: Body) -> ast.expr | None:
    """The dict (or `dict(...)`) `name` is bound to, when the function binds it once and never changes it:
    no `name[key] = ...`, no method call on it (`update`, `setdefault`, `pop`), no augmented assignment, and no call it is handed
    to other than the one that renders it."""
    index = body.found
    values = index.assigned.get(name, [])
    if len(values) != 1 or values[0] is None or name in body.parameters:
        return None
    value = values[0]
    if not (isinstance(value, ast.Dict) or (isinstance(value, ast.Call) and last_name(value.func) == "dict")):
        return None
    if any(isinstance(target.value, ast.Name) and target.value.id == name for target, _, _ in index.items):
        return None
    for call in index.calls:
        func = call.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == name:
            return None
        if last_name(func) not in _JSON_CALLS and any(_names(argument, name) for argument in _arguments(call)):
            return None  # handed to a call that may fill it in
    return value


def _arguments(call: ast.Call) -> list[ast.expr]:
    return [*call.args, *(keyword.value for keyword in call.keywords)]


def _names(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _empty(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value in (None, False, "", 0)
    return isinstance(node, (ast.List, ast.Tuple, ast.Dict, ast.Set)) and not (
        node.keys if isinstance(node, ast.Dict) else node.elts
    )
