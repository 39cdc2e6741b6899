"""The catalogue of HTTP status codes: every code IANA registers in 100-599.

This module is data. Constant names per family live in `families`; rules and docs
read the phrase, class, reference, state and one-line reason from here.
"""

from __future__ import annotations

from functools import cache

from .enums import Enum
from .records import NamedTuple


class State(Enum):
    REGISTERED = "registered"
    TEMPORARY = "temporary"  # an IANA temporary registration (expires unless renewed)
    UNUSED = "unused"  # reserved by the registry, never to be assigned (306, 418)
    DEPRECATED = "deprecated"  # still listed, but its use is discouraged (102, 305)
    OBSOLETED = "obsoleted"  # marked obsoleted in the registry (510)


class StatusClass(Enum):
    INFORMATIONAL = 1
    SUCCESSFUL = 2
    REDIRECTION = 3
    CLIENT_ERROR = 4
    SERVER_ERROR = 5


class Status(NamedTuple):
    code: int
    phrase: str
    reference: str
    state: State
    reason: str
    # Phrases older specifications or libraries used for the same code.
    former_phrases: tuple[str, ...] = ()

    @property
    def status_class(self) -> StatusClass:
        return StatusClass(self.code // 100)

    @property
    def is_interim(self) -> bool:
        return self.code < 200

    @property
    def phrases(self) -> tuple[str, ...]:
        return (self.phrase, *self.former_phrases)


_R = State.REGISTERED

STATUSES: tuple[Status, ...] = (
    Status(100, "Continue", "RFC 9110 §15.2.1", _R, "the client may send the request body"),
    Status(
        101, "Switching Protocols", "RFC 9110 §15.2.2", _R, "the connection switches to the protocol named in Upgrade"
    ),
    Status(102, "Processing", "RFC 2518 §10.1", State.DEPRECATED, "a WebDAV interim answer that RFC 4918 dropped"),
    Status(103, "Early Hints", "RFC 8297 §2", _R, "headers sent ahead of the final response"),
    Status(
        104,
        "Upload Resumption Supported",
        "draft-ietf-httpbis-resumable-upload",
        State.TEMPORARY,
        "the server can resume this upload",
    ),
    Status(200, "OK", "RFC 9110 §15.3.1", _R, "the request succeeded"),
    Status(201, "Created", "RFC 9110 §15.3.2", _R, "a new resource was created"),
    Status(202, "Accepted", "RFC 9110 §15.3.3", _R, "the request was accepted but is not yet processed"),
    Status(
        203,
        "Non-Authoritative Information",
        "RFC 9110 §15.3.4",
        _R,
        "a transforming proxy changed the origin's content",
    ),
    Status(204, "No Content", "RFC 9110 §15.3.5", _R, "the request succeeded and there is no content to send"),
    Status(205, "Reset Content", "RFC 9110 §15.3.6", _R, "the client should reset the document view"),
    Status(206, "Partial Content", "RFC 9110 §15.3.7", _R, "only the requested ranges are sent"),
    Status(207, "Multi-Status", "RFC 4918 §11.1", _R, "the body reports several independent statuses"),
    Status(208, "Already Reported", "RFC 5842 §7.1", _R, "these members were listed earlier in the reply"),
    Status(226, "IM Used", "RFC 3229 §10.4.1", _R, "instance manipulations were applied to the result"),
    Status(300, "Multiple Choices", "RFC 9110 §15.4.1", _R, "several representations exist to choose from"),
    Status(301, "Moved Permanently", "RFC 9110 §15.4.2", _R, "the resource has a new permanent URI"),
    Status(302, "Found", "RFC 9110 §15.4.3", _R, "the resource is temporarily at another URI"),
    Status(303, "See Other", "RFC 9110 §15.4.4", _R, "fetch the result from another URI with GET"),
    Status(304, "Not Modified", "RFC 9110 §15.4.5", _R, "the cached copy is still valid"),
    Status(305, "Use Proxy", "RFC 9110 §15.4.6", State.DEPRECATED, "deprecated for security reasons"),
    Status(306, "(Unused)", "RFC 9110 §15.4.7", State.UNUSED, "reserved and no longer used"),
    Status(307, "Temporary Redirect", "RFC 9110 §15.4.8", _R, "repeat the same request at another URI for now"),
    Status(308, "Permanent Redirect", "RFC 9110 §15.4.9", _R, "repeat the same request at a new permanent URI"),
    Status(400, "Bad Request", "RFC 9110 §15.5.1", _R, "the request is malformed"),
    Status(401, "Unauthorized", "RFC 9110 §15.5.2", _R, "valid authentication credentials are missing"),
    Status(402, "Payment Required", "RFC 9110 §15.5.3", _R, "reserved for future use"),
    Status(403, "Forbidden", "RFC 9110 §15.5.4", _R, "the client is known but not allowed"),
    Status(404, "Not Found", "RFC 9110 §15.5.5", _R, "the resource does not exist"),
    Status(405, "Method Not Allowed", "RFC 9110 §15.5.6", _R, "this resource does not support the method"),
    Status(406, "Not Acceptable", "RFC 9110 §15.5.7", _R, "no representation matches the Accept headers"),
    Status(
        407,
        "Proxy Authentication Required",
        "RFC 9110 §15.5.8",
        _R,
        "the client must authenticate with the proxy",
    ),
    Status(408, "Request Timeout", "RFC 9110 §15.5.9", _R, "the client took too long to send its request"),
    Status(409, "Conflict", "RFC 9110 §15.5.10", _R, "the request conflicts with the resource's current state"),
    Status(410, "Gone", "RFC 9110 §15.5.11", _R, "the resource was removed for good"),
    Status(411, "Length Required", "RFC 9110 §15.5.12", _R, "the request needs a Content-Length"),
    Status(412, "Precondition Failed", "RFC 9110 §15.5.13", _R, "a conditional header evaluated to false"),
    Status(
        413,
        "Content Too Large",
        "RFC 9110 §15.5.14",
        _R,
        "the request content is too large",
        ("Request Entity Too Large", "Payload Too Large"),
    ),
    Status(
        414,
        "URI Too Long",
        "RFC 9110 §15.5.15",
        _R,
        "the request target is too long",
        ("Request-URI Too Long", "Request-URI Too Large", "Request URI Too Long"),
    ),
    Status(415, "Unsupported Media Type", "RFC 9110 §15.5.16", _R, "the content's format is not supported"),
    Status(
        416,
        "Range Not Satisfiable",
        "RFC 9110 §15.5.17",
        _R,
        "the requested range cannot be served",
        ("Requested Range Not Satisfiable",),
    ),
    Status(417, "Expectation Failed", "RFC 9110 §15.5.18", _R, "the Expect header cannot be met"),
    Status(
        418,
        "(Unused)",
        "RFC 9110 §15.5.19",
        State.UNUSED,
        "reserved because of an April Fools' joke",
        ("I'm a Teapot", "I'm a teapot", "I Am A Teapot"),
    ),
    Status(421, "Misdirected Request", "RFC 9110 §15.5.20", _R, "this server cannot answer for the target URI"),
    Status(
        422,
        "Unprocessable Content",
        "RFC 9110 §15.5.21",
        _R,
        "the content is well-formed but semantically invalid",
        ("Unprocessable Entity",),
    ),
    Status(423, "Locked", "RFC 4918 §11.3", _R, "the resource is locked"),
    Status(424, "Failed Dependency", "RFC 4918 §11.4", _R, "an action this one depended on failed"),
    Status(425, "Too Early", "RFC 8470 §5.2", _R, "the request might be replayed early data"),
    Status(426, "Upgrade Required", "RFC 9110 §15.5.22", _R, "the client must switch to the protocol named in Upgrade"),
    Status(428, "Precondition Required", "RFC 6585 §3", _R, "the request must be conditional"),
    Status(429, "Too Many Requests", "RFC 6585 §4", _R, "the client is being rate limited"),
    Status(
        431,
        "Request Header Fields Too Large",
        "RFC 6585 §5",
        _R,
        "the request's header fields are too large",
    ),
    Status(
        451,
        "Unavailable For Legal Reasons",
        "RFC 7725 §3",
        _R,
        "a legal demand blocks access to the resource",
    ),
    Status(500, "Internal Server Error", "RFC 9110 §15.6.1", _R, "the server failed unexpectedly"),
    Status(501, "Not Implemented", "RFC 9110 §15.6.2", _R, "the server does not recognise the request method at all"),
    Status(502, "Bad Gateway", "RFC 9110 §15.6.3", _R, "the upstream server sent an invalid response"),
    Status(503, "Service Unavailable", "RFC 9110 §15.6.4", _R, "the server is overloaded or down for maintenance"),
    Status(504, "Gateway Timeout", "RFC 9110 §15.6.5", _R, "the upstream server did not answer in time"),
    Status(
        505,
        "HTTP Version Not Supported",
        "RFC 9110 §15.6.6",
        _R,
        "the server refuses this HTTP major version",
    ),
    Status(506, "Variant Also Negotiates", "RFC 2295 §8.1", _R, "content negotiation is misconfigured"),
    Status(507, "Insufficient Storage", "RFC 4918 §11.5", _R, "the server cannot store what the request needs"),
    Status(508, "Loop Detected", "RFC 5842 §7.2", _R, "the server found an infinite loop"),
    Status(510, "Not Extended", "RFC 2774 §7", State.OBSOLETED, "an HTTP extension the server requires is missing"),
    Status(
        511,
        "Network Authentication Required",
        "RFC 6585 §6",
        _R,
        "the client must log in to the network first",
    ),
)

BY_CODE: dict[int, Status] = {status.code: status for status in STATUSES}

# A status is anything in 100-599 (RFC 9110 §15); everything else is not one.
STATUS_RANGE = range(100, 600)


def lookup(code: int) -> Status | None:
    return BY_CODE.get(code)


def is_known(code: int) -> bool:
    """True for a code the registry assigns (temporary and deprecated included)."""
    status = BY_CODE.get(code)
    return status is not None and status.state is not State.UNUSED


def code_for_phrase(phrase: str) -> int | None:
    """The code whose reason phrase (current or former) is `phrase`, ignoring case."""
    return _phrases().get(_normalise_phrase(phrase))


def _normalise_phrase(phrase: str) -> str:
    return " ".join(phrase.replace("-", " ").split()).casefold()


@cache
def _phrases() -> dict[str, int]:
    """Built when HTS003 first reads a status line, not at import: most runs read none."""
    return {
        _normalise_phrase(phrase): status.code
        for status in STATUSES
        if status.state is not State.UNUSED or status.code == 418
        for phrase in status.phrases
        if not phrase.startswith("(")
    }
