"""Constant families: the named spellings of status codes, their imports and their names per version.

A *style* family is one the tool can write (`httpstatus`, `fastapi`, `starlette`, `drf`, `litestar`).
Foreign spellings (`requests.codes`, `httpx.codes`, `http.client`, Falcon's strings) are only read,
so that rules can reason about the value whatever its spelling.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Final

from .records import NamedTuple
from .statuses import BY_CODE
from .versions import ANY, STARLETTE_RENAMES, Span, Version, problem

# `http.HTTPStatus` member names on Python 3.10-3.12 (3.9 already had all of them).
PYTHON_NAMES: Final[dict[int, str]] = {
    100: "CONTINUE",
    101: "SWITCHING_PROTOCOLS",
    102: "PROCESSING",
    103: "EARLY_HINTS",
    200: "OK",
    201: "CREATED",
    202: "ACCEPTED",
    203: "NON_AUTHORITATIVE_INFORMATION",
    204: "NO_CONTENT",
    205: "RESET_CONTENT",
    206: "PARTIAL_CONTENT",
    207: "MULTI_STATUS",
    208: "ALREADY_REPORTED",
    226: "IM_USED",
    300: "MULTIPLE_CHOICES",
    301: "MOVED_PERMANENTLY",
    302: "FOUND",
    303: "SEE_OTHER",
    304: "NOT_MODIFIED",
    305: "USE_PROXY",
    307: "TEMPORARY_REDIRECT",
    308: "PERMANENT_REDIRECT",
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    402: "PAYMENT_REQUIRED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    407: "PROXY_AUTHENTICATION_REQUIRED",
    408: "REQUEST_TIMEOUT",
    409: "CONFLICT",
    410: "GONE",
    411: "LENGTH_REQUIRED",
    412: "PRECONDITION_FAILED",
    413: "REQUEST_ENTITY_TOO_LARGE",
    414: "REQUEST_URI_TOO_LONG",
    415: "UNSUPPORTED_MEDIA_TYPE",
    416: "REQUESTED_RANGE_NOT_SATISFIABLE",
    417: "EXPECTATION_FAILED",
    418: "IM_A_TEAPOT",
    421: "MISDIRECTED_REQUEST",
    422: "UNPROCESSABLE_ENTITY",
    423: "LOCKED",
    424: "FAILED_DEPENDENCY",
    425: "TOO_EARLY",
    426: "UPGRADE_REQUIRED",
    428: "PRECONDITION_REQUIRED",
    429: "TOO_MANY_REQUESTS",
    431: "REQUEST_HEADER_FIELDS_TOO_LARGE",
    451: "UNAVAILABLE_FOR_LEGAL_REASONS",
    500: "INTERNAL_SERVER_ERROR",
    501: "NOT_IMPLEMENTED",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
    505: "HTTP_VERSION_NOT_SUPPORTED",
    506: "VARIANT_ALSO_NEGOTIATES",
    507: "INSUFFICIENT_STORAGE",
    508: "LOOP_DETECTED",
    510: "NOT_EXTENDED",
    511: "NETWORK_AUTHENTICATION_REQUIRED",
}

# RFC 9110 names adopted by Python 3.13 and Starlette 0.48; the old names stay as aliases there.
RFC9110_RENAMES: Final[dict[int, str]] = {
    413: "CONTENT_TOO_LARGE",
    414: "URI_TOO_LONG",
    416: "RANGE_NOT_SATISFIABLE",
    422: "UNPROCESSABLE_CONTENT",
}

# Codes the int-constant modules of Starlette, DRF and Litestar add beyond `HTTPStatus`.
_RESERVED_306 = {306: "RESERVED"}
_DRF_EXTRA = {**_RESERVED_306, 509: "BANDWIDTH_LIMIT_EXCEEDED"}

# Members Python 3.9 added (`versions.name_fact` says when each name appeared).
PYTHON_39_ADDITIONS: Final = frozenset({103, 418, 425})

# The first Starlette with the RFC 9110 names, and the first FastAPI that requires it (versions.py has the facts).
STARLETTE_RENAMES_SINCE: Final = STARLETTE_RENAMES[:2]
FASTAPI_REQUIRING_RENAMED_STARLETTE: Final = (0, 164)

_OLD_STARLETTE: Final = Span(None, STARLETTE_RENAMES)
_NEW_STARLETTE: Final = Span(STARLETTE_RENAMES, None)


class Target(NamedTuple):
    """The releases the analysed project admits: decides which constant names are safe to write.

    `python` is the lowest admitted Python and `python_max` the highest (None: no upper bound). `starlette`
    and `drf` are the admitted releases of those packages (`versions.Span`); `starlette` None falls back to
    `starlette_renamed` (True: 0.48 and later only; False: before 0.48 only), which is what a test or an
    explicit setting says.
    """

    python: tuple[int, int] = (3, 10)
    starlette_renamed: bool = False
    python_max: tuple[int, int] | None = None
    starlette: Span | None = None
    drf: Span = ANY

    def span(self, package: str) -> Span:
        """The admitted releases of `package` ("python", "starlette" or "djangorestframework")."""
        if package == "python":
            high: Version | None = None if self.python_max is None else (self.python_max[0], self.python_max[1] + 1)
            return Span(self.python, high)
        if package == "starlette":
            if self.starlette is not None:
                return self.starlette
            return _NEW_STARLETTE if self.starlette_renamed else _OLD_STARLETTE
        if package == "djangorestframework":
            return self.drf
        return ANY

    def problem(self, qualified: str) -> tuple[str, Version] | None:
        """Why the constant `qualified` is unsafe on some admitted release (see `versions.problem`)."""
        return problem(qualified, self.span)


class DeferredTarget:
    """A `Target` worked out only when a name's safety depends on the releases the project admits: finding the
    project's root and reading its pyproject.toml (`target_for`) is left out where every name the speller looks at
    is safe on every release, as `HTTPStatus.NOT_FOUND` is (`versions.name_fact` has no fact for it)."""

    __slots__ = ("_target_for",)

    def __init__(self, target_for: Callable[[], Target]) -> None:
        self._target_for = target_for

    def problem(self, qualified: str) -> tuple[str, Version] | None:
        """What `Target.problem` says, asking for the target only where `qualified` has a release fact."""
        return problem(qualified, self._span)

    def _span(self, package: str) -> Span:
        return self._target_for().span(package)


class Family(NamedTuple):
    style: str
    namespace: str  # qualified name of the object holding the constants
    import_from: str  # `from <import_from> import <import_name>`
    import_name: str
    alias: str  # the alias used when `import_name` is taken in the module
    import_constants: bool = False  # the usual spelling imports each constant by name

    def constant(self, code: int, target: Target | DeferredTarget) -> str | None:
        """The attribute name for `code` that exists, and reads without a warning, on every release `target`
        admits: the RFC 9110 name where that is safe, else the old one; None when neither is."""
        for name in self.names(code):
            if target.problem(f"{self.namespace}.{name}") is None:
                return name
        return None

    def names(self, code: int) -> list[str]:
        """Every name this family has had for `code`, the preferred (RFC 9110) one first."""
        old = PYTHON_NAMES.get(code)
        if self.style == "httpstatus":
            return [name for name in (RFC9110_RENAMES.get(code), old) if name]
        extra = _DRF_EXTRA if self.style == "drf" else _RESERVED_306
        names = [old or extra.get(code)]
        if self.style in {"fastapi", "starlette"}:
            names.insert(0, RFC9110_RENAMES.get(code))
        return [f"HTTP_{code}_{name}" for name in names if name]

    def all_names(self) -> dict[str, int]:
        """Every attribute name this family has had, mapped to its code."""
        if self.style == "httpstatus":
            return {**_invert(PYTHON_NAMES), **_invert(RFC9110_RENAMES)}
        extra = _DRF_EXTRA if self.style == "drf" else _RESERVED_306
        names = {**PYTHON_NAMES, **extra}
        prefixed = {f"HTTP_{code}_{name}": code for code, name in names.items()}
        if self.style in {"fastapi", "starlette"}:
            prefixed.update({f"HTTP_{code}_{name}": code for code, name in RFC9110_RENAMES.items()})
        return prefixed


def _invert(names: dict[int, str]) -> dict[str, int]:
    return {name: code for code, name in names.items()}


FAMILIES: Final[dict[str, Family]] = {
    "httpstatus": Family("httpstatus", "http.HTTPStatus", "http", "HTTPStatus", "HTTPStatusCode"),
    "fastapi": Family("fastapi", "fastapi.status", "fastapi", "status", "http_status"),
    "starlette": Family("starlette", "starlette.status", "starlette", "status", "http_status"),
    "drf": Family("drf", "rest_framework.status", "rest_framework", "status", "http_status"),
    "litestar": Family(
        "litestar", "litestar.status_codes", "litestar", "status_codes", "http_status_codes", import_constants=True
    ),
}

STYLES: Final = ("auto", *FAMILIES)


class Constant(NamedTuple):
    code: int
    family: str  # a style key, or "requests", "httpx", "http.client", "falcon"
    name: str

    @property
    def is_style_family(self) -> bool:
        return self.family in FAMILIES


def _build_index() -> dict[str, Constant]:
    index: dict[str, Constant] = {}
    for family in FAMILIES.values():
        for name, code in family.all_names().items():
            index[f"{family.namespace}.{name}"] = Constant(code, family.style, name)
    for name, code in FAMILIES["httpstatus"].all_names().items():
        index[f"http.client.HTTPStatus.{name}"] = Constant(code, "httpstatus", name)
        index[f"http.client.{name}"] = Constant(code, "http.client", name)
        index[f"httpx.codes.{name}"] = Constant(code, "httpx", name)
        index[f"httpx.codes.{name.lower()}"] = Constant(code, "httpx", name.lower())
        index[f"falcon.HTTP_{name}"] = Constant(code, "falcon", f"HTTP_{name}")
    for name, code in _REQUESTS_CODES.items():
        for spelled in (name, name.upper()):
            index[f"requests.codes.{spelled}"] = Constant(code, "requests", spelled)
    for code in BY_CODE:
        index[f"falcon.HTTP_{code}"] = Constant(code, "falcon", f"HTTP_{code}")
    for key in list(index):
        if key.startswith("falcon."):
            index["falcon.status_codes." + key.removeprefix("falcon.")] = index[key]
    return index


# `requests.codes` names for registered codes; where two codes share a name the later one wins,
# as it does in requests itself (`precondition` is 428, `uri_too_long` is 414).
_REQUESTS_CODES: Final[dict[str, int]] = {
    "continue": 100,
    "switching_protocols": 101,
    "processing": 102,
    "checkpoint": 103,
    "ok": 200,
    "okay": 200,
    "all_ok": 200,
    "all_okay": 200,
    "all_good": 200,
    "created": 201,
    "accepted": 202,
    "non_authoritative_info": 203,
    "non_authoritative_information": 203,
    "no_content": 204,
    "reset_content": 205,
    "reset": 205,
    "partial_content": 206,
    "partial": 206,
    "multi_status": 207,
    "multiple_status": 207,
    "multi_stati": 207,
    "multiple_stati": 207,
    "already_reported": 208,
    "im_used": 226,
    "multiple_choices": 300,
    "moved_permanently": 301,
    "moved": 301,
    "found": 302,
    "see_other": 303,
    "other": 303,
    "not_modified": 304,
    "use_proxy": 305,
    "switch_proxy": 306,
    "temporary_redirect": 307,
    "temporary_moved": 307,
    "temporary": 307,
    "permanent_redirect": 308,
    "resume_incomplete": 308,
    "resume": 308,
    "bad_request": 400,
    "bad": 400,
    "unauthorized": 401,
    "payment_required": 402,
    "payment": 402,
    "forbidden": 403,
    "not_found": 404,
    "method_not_allowed": 405,
    "not_allowed": 405,
    "not_acceptable": 406,
    "proxy_authentication_required": 407,
    "proxy_auth": 407,
    "proxy_authentication": 407,
    "request_timeout": 408,
    "timeout": 408,
    "conflict": 409,
    "gone": 410,
    "length_required": 411,
    "precondition_failed": 412,
    "request_entity_too_large": 413,
    "content_too_large": 413,
    "request_uri_too_large": 414,
    "uri_too_long": 414,
    "request_uri_too_long": 122,
    "unsupported_media_type": 415,
    "unsupported_media": 415,
    "media_type": 415,
    "requested_range_not_satisfiable": 416,
    "requested_range": 416,
    "range_not_satisfiable": 416,
    "expectation_failed": 417,
    "im_a_teapot": 418,
    "teapot": 418,
    "i_am_a_teapot": 418,
    "misdirected_request": 421,
    "unprocessable_entity": 422,
    "unprocessable": 422,
    "unprocessable_content": 422,
    "locked": 423,
    "failed_dependency": 424,
    "dependency": 424,
    "unordered_collection": 425,
    "unordered": 425,
    "too_early": 425,
    "upgrade_required": 426,
    "upgrade": 426,
    "precondition_required": 428,
    "precondition": 428,
    "too_many_requests": 429,
    "too_many": 429,
    "header_fields_too_large": 431,
    "fields_too_large": 431,
    "unavailable_for_legal_reasons": 451,
    "legal_reasons": 451,
    "internal_server_error": 500,
    "server_error": 500,
    "not_implemented": 501,
    "bad_gateway": 502,
    "service_unavailable": 503,
    "unavailable": 503,
    "gateway_timeout": 504,
    "http_version_not_supported": 505,
    "http_version": 505,
    "variant_also_negotiates": 506,
    "insufficient_storage": 507,
    "bandwidth_limit_exceeded": 509,
    "bandwidth": 509,
    "not_extended": 510,
    "network_authentication_required": 511,
    "network_auth": 511,
    "network_authentication": 511,
}


@lru_cache(maxsize=1)
def constants() -> dict[str, Constant]:
    """Every constant by fully qualified name (for `explain` and the tests). The analysis looks names up with
    `constant_for`, which indexes only the namespace a name is in: the whole index is some 2,000 records."""
    return _build_index()


def _namespace_index(namespace: str) -> dict[str, Constant]:
    """The constants of one namespace by attribute name: the entries of `_build_index` under `namespace.`."""
    index: dict[str, Constant] = {}
    if namespace in _FAMILY_NAMESPACES:
        family = FAMILIES[_FAMILY_NAMESPACES[namespace]]
        for name, code in family.all_names().items():
            index[name] = Constant(code, family.style, name)
        return index
    httpstatus = FAMILIES["httpstatus"].all_names()
    if namespace in ("http.client.HTTPStatus", "http.client"):
        family_key = "httpstatus" if namespace == "http.client.HTTPStatus" else "http.client"
        for name, code in httpstatus.items():
            index[name] = Constant(code, family_key, name)
    elif namespace == "httpx.codes":
        for name, code in httpstatus.items():
            index[name] = Constant(code, "httpx", name)
            index[name.lower()] = Constant(code, "httpx", name.lower())
    elif namespace in ("falcon", "falcon.status_codes"):
        for name, code in httpstatus.items():
            index[f"HTTP_{name}"] = Constant(code, "falcon", f"HTTP_{name}")
        for code in BY_CODE:
            index[f"HTTP_{code}"] = Constant(code, "falcon", f"HTTP_{code}")
    elif namespace == "requests.codes":
        for name, code in _REQUESTS_CODES.items():
            for spelled in (name, name.upper()):
                index[spelled] = Constant(code, "requests", spelled)
    return index


_FAMILY_NAMESPACES: Final[dict[str, str]] = {family.namespace: key for key, family in FAMILIES.items()}
# Namespaces that hold constants; `tests/test_constant_lookup.py` checks them against `_build_index`.
NAMESPACES: Final[frozenset[str]] = frozenset(
    {*_FAMILY_NAMESPACES, "http.client.HTTPStatus", "http.client", "httpx.codes", "falcon", "falcon.status_codes"}
    | {"requests.codes"}
)
_INDEXES: dict[str, dict[str, Constant]] = {}


# Attribute names that can spell a constant of a style family (what HTS004 looks at): every name a style family has
# had (the names under `http.client.HTTPStatus` are `http.HTTPStatus`'s). Written out: the collector reads them in every
# process that analyses a module, and building them from the families (`Family.all_names`) costs some 1 million
# instructions. `tests/test_constant_lookup.py` checks them against the families.
STYLE_ATTRIBUTES: Final = frozenset(
    {
        "ACCEPTED",
        "ALREADY_REPORTED",
        "BAD_GATEWAY",
        "BAD_REQUEST",
        "CONFLICT",
        "CONTENT_TOO_LARGE",
        "CONTINUE",
        "CREATED",
        "EARLY_HINTS",
        "EXPECTATION_FAILED",
        "FAILED_DEPENDENCY",
        "FORBIDDEN",
        "FOUND",
        "GATEWAY_TIMEOUT",
        "GONE",
        "HTTP_100_CONTINUE",
        "HTTP_101_SWITCHING_PROTOCOLS",
        "HTTP_102_PROCESSING",
        "HTTP_103_EARLY_HINTS",
        "HTTP_200_OK",
        "HTTP_201_CREATED",
        "HTTP_202_ACCEPTED",
        "HTTP_203_NON_AUTHORITATIVE_INFORMATION",
        "HTTP_204_NO_CONTENT",
        "HTTP_205_RESET_CONTENT",
        "HTTP_206_PARTIAL_CONTENT",
        "HTTP_207_MULTI_STATUS",
        "HTTP_208_ALREADY_REPORTED",
        "HTTP_226_IM_USED",
        "HTTP_300_MULTIPLE_CHOICES",
        "HTTP_301_MOVED_PERMANENTLY",
        "HTTP_302_FOUND",
        "HTTP_303_SEE_OTHER",
        "HTTP_304_NOT_MODIFIED",
        "HTTP_305_USE_PROXY",
        "HTTP_306_RESERVED",
        "HTTP_307_TEMPORARY_REDIRECT",
        "HTTP_308_PERMANENT_REDIRECT",
        "HTTP_400_BAD_REQUEST",
        "HTTP_401_UNAUTHORIZED",
        "HTTP_402_PAYMENT_REQUIRED",
        "HTTP_403_FORBIDDEN",
        "HTTP_404_NOT_FOUND",
        "HTTP_405_METHOD_NOT_ALLOWED",
        "HTTP_406_NOT_ACCEPTABLE",
        "HTTP_407_PROXY_AUTHENTICATION_REQUIRED",
        "HTTP_408_REQUEST_TIMEOUT",
        "HTTP_409_CONFLICT",
        "HTTP_410_GONE",
        "HTTP_411_LENGTH_REQUIRED",
        "HTTP_412_PRECONDITION_FAILED",
        "HTTP_413_CONTENT_TOO_LARGE",
        "HTTP_413_REQUEST_ENTITY_TOO_LARGE",
        "HTTP_414_REQUEST_URI_TOO_LONG",
        "HTTP_414_URI_TOO_LONG",
        "HTTP_415_UNSUPPORTED_MEDIA_TYPE",
        "HTTP_416_RANGE_NOT_SATISFIABLE",
        "HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE",
        "HTTP_417_EXPECTATION_FAILED",
        "HTTP_418_IM_A_TEAPOT",
        "HTTP_421_MISDIRECTED_REQUEST",
        "HTTP_422_UNPROCESSABLE_CONTENT",
        "HTTP_422_UNPROCESSABLE_ENTITY",
        "HTTP_423_LOCKED",
        "HTTP_424_FAILED_DEPENDENCY",
        "HTTP_425_TOO_EARLY",
        "HTTP_426_UPGRADE_REQUIRED",
        "HTTP_428_PRECONDITION_REQUIRED",
        "HTTP_429_TOO_MANY_REQUESTS",
        "HTTP_431_REQUEST_HEADER_FIELDS_TOO_LARGE",
        "HTTP_451_UNAVAILABLE_FOR_LEGAL_REASONS",
        "HTTP_500_INTERNAL_SERVER_ERROR",
        "HTTP_501_NOT_IMPLEMENTED",
        "HTTP_502_BAD_GATEWAY",
        "HTTP_503_SERVICE_UNAVAILABLE",
        "HTTP_504_GATEWAY_TIMEOUT",
        "HTTP_505_HTTP_VERSION_NOT_SUPPORTED",
        "HTTP_506_VARIANT_ALSO_NEGOTIATES",
        "HTTP_507_INSUFFICIENT_STORAGE",
        "HTTP_508_LOOP_DETECTED",
        "HTTP_509_BANDWIDTH_LIMIT_EXCEEDED",
        "HTTP_510_NOT_EXTENDED",
        "HTTP_511_NETWORK_AUTHENTICATION_REQUIRED",
        "HTTP_VERSION_NOT_SUPPORTED",
        "IM_A_TEAPOT",
        "IM_USED",
        "INSUFFICIENT_STORAGE",
        "INTERNAL_SERVER_ERROR",
        "LENGTH_REQUIRED",
        "LOCKED",
        "LOOP_DETECTED",
        "METHOD_NOT_ALLOWED",
        "MISDIRECTED_REQUEST",
        "MOVED_PERMANENTLY",
        "MULTIPLE_CHOICES",
        "MULTI_STATUS",
        "NETWORK_AUTHENTICATION_REQUIRED",
        "NON_AUTHORITATIVE_INFORMATION",
        "NOT_ACCEPTABLE",
        "NOT_EXTENDED",
        "NOT_FOUND",
        "NOT_IMPLEMENTED",
        "NOT_MODIFIED",
        "NO_CONTENT",
        "OK",
        "PARTIAL_CONTENT",
        "PAYMENT_REQUIRED",
        "PERMANENT_REDIRECT",
        "PRECONDITION_FAILED",
        "PRECONDITION_REQUIRED",
        "PROCESSING",
        "PROXY_AUTHENTICATION_REQUIRED",
        "RANGE_NOT_SATISFIABLE",
        "REQUESTED_RANGE_NOT_SATISFIABLE",
        "REQUEST_ENTITY_TOO_LARGE",
        "REQUEST_HEADER_FIELDS_TOO_LARGE",
        "REQUEST_TIMEOUT",
        "REQUEST_URI_TOO_LONG",
        "RESET_CONTENT",
        "SEE_OTHER",
        "SERVICE_UNAVAILABLE",
        "SWITCHING_PROTOCOLS",
        "TEMPORARY_REDIRECT",
        "TOO_EARLY",
        "TOO_MANY_REQUESTS",
        "UNAUTHORIZED",
        "UNAVAILABLE_FOR_LEGAL_REASONS",
        "UNPROCESSABLE_CONTENT",
        "UNPROCESSABLE_ENTITY",
        "UNSUPPORTED_MEDIA_TYPE",
        "UPGRADE_REQUIRED",
        "URI_TOO_LONG",
        "USE_PROXY",
        "VARIANT_ALSO_NEGOTIATES",
    }
)


def constant_for(qualified_name: str) -> Constant | None:
    """The status constant a fully qualified name denotes, if any."""
    namespace, _, name = qualified_name.rpartition(".")
    if namespace not in NAMESPACES:
        return None
    index = _INDEXES.get(namespace)
    if index is None:
        index = _INDEXES[namespace] = _namespace_index(namespace)
    return index.get(name)
