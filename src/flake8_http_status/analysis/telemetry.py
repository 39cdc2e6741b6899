"""Logging and metrics calls: they record a status, they never set, raise or expect one.

`log.error("upstream failed", status_code=502)` and `metrics.record_error(status_code=503)` have the
words the name-only rows look for (an `error` callee, a `status_code` keyword), and rewriting their
numbers is no fix of an HTTP status at all. A call counts as logging or metrics when its receiver is a
logging or metrics library, a logger or metrics client that one of them returned, or is named like one
(`log`, `logger`, `self.logger`, `app.logger`, `metrics`, `statsd`, a tracing `span` or `tracer`, a
`counter` or `histogram`), or when its method is a logging level (`x.error(...)`, `x.exception(...)`) or
says it records rather than answers (`span.record_exception`, `hub.capture_exception`, New Relic's
`notice_error`, `tracker.track_error`, `histogram.observe_response`), unless the class it is called on
defines that method itself.
"""

from __future__ import annotations

import ast

from ..lazy_pattern import LazyPattern
from .imports import ImportMap
from .receivers import Receivers, last_name
from .sites import Scope

# Packages whose calls only log, count or report: anything reached through them is telemetry.
_LIBRARIES = frozenset(
    {
        "logging",
        "structlog",
        "loguru",
        "logbook",
        "statsd",
        "datadog",
        "ddtrace",
        "prometheus_client",
        "aioprometheus",
        "opentelemetry",
        "sentry_sdk",
        "raven",
        "newrelic",
        "rollbar",
        "bugsnag",
        "honeybadger",
    }
)
# The methods of a logger that write a record (stdlib, structlog, loguru, Twisted's `log.msg`).
LOG_LEVELS = frozenset(
    {"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log", "msg", "trace", "success"}
)
# Names that say "this is a logger / a metrics client": `log`, `_logger`, `audit_log`, `LOGGER`,
# `get_logger()`, `getLogger()`, `metrics`, `app_metrics`, `statsd`, `dogstatsd`, `stats`, `meter`.
_TELEMETRY_NAMES = (
    *("log", "logger", "logging", "metric", "metrics", "statsd", "dogstatsd", "statsd_client", "stats", "meter"),
    *("sentry", "sentry_sdk", "span", "tracer", "tracker", "telemetry", "counter", "histogram", "gauge", "apm"),
    "newrelic",
)
_NAMED = LazyPattern(rf"(?i)_*(?:\w+_)?(?:get_?)?(?:{'|'.join(_TELEMETRY_NAMES)})\Z")
# Methods named for recording what happened (OpenTelemetry's `record_exception`, Sentry's `capture_exception`,
# New Relic's `notice_error`, `count_error`, `observe_response`): they report a status, never answer with one.
_RECORDING_VERBS = ("record", "track", "capture", "count", "increment", "incr", "observe", "notice", "trace")
_RECORDING = LazyPattern(rf"(?:{'|'.join(_RECORDING_VERBS)})_\w+\Z")
_RECORDING_PREFIXES = tuple(f"{verb}_" for verb in _RECORDING_VERBS)


def is_telemetry_call(func: ast.expr, scope: Scope, imports: ImportMap, receivers: Receivers) -> bool:
    """`func` (a call's callee) logs, counts or reports rather than setting an HTTP status."""
    if _from_library(func, imports):
        return True
    if not isinstance(func, ast.Attribute):
        return False
    receiver = func.value
    if (func.attr in LOG_LEVELS or is_recording_name(func.attr)) and not _own_method(func, scope, receivers):
        return True
    if _from_library(receiver, imports) or is_telemetry_name(last_name(receiver)):
        return True
    root = _root_name(receiver)  # `errors.labels(...).inc`, where `errors = Counter(...)`
    types = receivers.types_of(root, scope) if root is not None else None
    return types is not None and any(_root(name) in _LIBRARIES for name in types)


# Each pattern is tried only when a string test that every match passes does: most names pass neither,
# and the patterns, the longest of the package, are then not even compiled (a one-file run pays for each).


def is_recording_name(name: str) -> bool:
    """`record_error`, `capture_exception`: `_RECORDING` matches only at a verb followed by `_`."""
    return name.startswith(_RECORDING_PREFIXES) and _RECORDING.match(name) is not None


def is_telemetry_name(name: str) -> bool:
    """`audit_log`, `get_logger`, `LOGGER`: `_NAMED` matches only names ending in one of the words. Compared
    in lower case for ASCII names only: `(?i)` also folds some other letters (the long s to `s`, the Kelvin sign to `k`)."""
    if name.isascii() and not name.lower().endswith(_TELEMETRY_NAMES):
        return False
    return _NAMED.match(name) is not None


def _root_name(node: ast.expr) -> ast.Name | None:
    while isinstance(node, (ast.Call, ast.Attribute)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node if isinstance(node, ast.Name) else None


def _from_library(node: ast.expr, imports: ImportMap) -> bool:
    """`logging.warning`, `structlog.get_logger().info`, `from datadog import statsd; statsd`..."""
    while isinstance(node, ast.Call):
        node = node.func
    qualified = imports.qualify(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
    return qualified is not None and _root(qualified) in _LIBRARIES


def _own_method(func: ast.Attribute, scope: Scope, receivers: Receivers) -> bool:
    """`self.error(...)` in a class that defines `error`: the project's own helper, perhaps a response."""
    receiver = func.value
    return (
        isinstance(receiver, ast.Name)
        and receiver.id in ("self", "cls")
        and scope.cls is not None
        and receivers.defines(scope.cls, func.attr)
    )


def _root(qualified: str) -> str:
    return qualified.partition(".")[0]
