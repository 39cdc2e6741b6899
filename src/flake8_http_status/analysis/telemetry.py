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
_NAMED = LazyPattern(
    r"(?i)_*(?:\w+_)?(?:get_?)?(?:log|logger|logging|metrics?|statsd|dogstatsd|statsd_client|stats|meter|sentry|sentry_sdk"
    r"|span|tracer|tracker|telemetry|counter|histogram|gauge|apm|newrelic)\Z"
)
# Methods named for recording what happened (OpenTelemetry's `record_exception`, Sentry's `capture_exception`,
# New Relic's `notice_error`, `count_error`, `observe_response`): they report a status, never answer with one.
_RECORDING = LazyPattern(r"(?:record|track|capture|count|increment|incr|observe|notice|trace)_\w+\Z")


def is_telemetry_call(func: ast.expr, scope: Scope, imports: ImportMap, receivers: Receivers) -> bool:
    """`func` (a call's callee) logs, counts or reports rather than setting an HTTP status."""
    if _from_library(func, imports):
        return True
    if not isinstance(func, ast.Attribute):
        return False
    receiver = func.value
    if (func.attr in LOG_LEVELS or _RECORDING.match(func.attr)) and not _own_method(func, scope, receivers):
        return True
    if _from_library(receiver, imports) or _NAMED.match(last_name(receiver)):
        return True
    root = _root_name(receiver)  # `errors.labels(...).inc`, where `errors = Counter(...)`
    types = receivers.types_of(root, scope) if root is not None else None
    return types is not None and any(_root(name) in _LIBRARIES for name in types)


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
