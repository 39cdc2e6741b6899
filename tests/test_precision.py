"""Numbers that are not statuses stay silent; a number counts only where an API says it is a status."""

from __future__ import annotations

import pytest
from conftest import codes
from fixing import fix

NOT_STATUSES = {
    "sleep": "import time\ntime.sleep(200)\n",
    "range": "for code in range(100, 600):\n    print(code)\n",
    "limit": "def page(items, limit=100):\n    return items[:limit]\n",
    "octal-mode": "import os\nos.chmod('x', 0o644)\n",
    "max-length": "from django.db import models\n\nclass Item(models.Model):\n    name = models.CharField(max_length=255)\n",
    "json-body": "from flask import jsonify\n\ndef v():\n    return jsonify({'status': 200, 'code': 404})\n",
    "jsonify-kwargs": "from flask import jsonify\n\ndef v():\n    return jsonify(status=200)\n",
    "json-response-body": "from django.http import JsonResponse\n\ndef v(r):\n    return JsonResponse({'status': 404})\n",
    "test-payload": "def test(client):\n    r = client.get('/')\n    assert r.json() == {'status': 200}\n",
    "exit-code": "import sys\nsys.exit(404)\n",
    "returncode": "def ok(proc):\n    return proc.returncode == 200\n",
    "smtp": "import smtplib\n\ndef ready(s):\n    code, _ = s.ehlo()\n    return code == 250\n",
    "port": "import http.server\nhttp.server.HTTPServer(('', 8080), None)\n",
    "vlan": "def tag(frame):\n    return frame.vlan_id == 404\n",
    "status-variable": "def v(code):\n    if code == 404:\n        return 'missing'\n",
    "ordering": "def ok(r):\n    return 200 <= r.status_code < 300 or r.status_code >= 500\n",
    "bare-abort-name": "def abort(code):\n    raise SystemExit(code)\n\nabort(404)\n",
    "unimported-jsonify-tuple": "def helper(items):\n    return items, 200\n",
    "websocket-close": "from fastapi import WebSocket\n\nasync def ws(websocket: WebSocket):\n    await websocket.close(code=1008)\n",
    "drf-error-code": "from rest_framework.exceptions import ValidationError\n\ndef v():\n    raise ValidationError('bad', code=400)\n",
    "falcon-app-error-code": "import falcon\n\ndef v():\n    raise falcon.HTTPBadRequest(title='bad', code=4001)\n",
    "generic-out-of-range": "def v():\n    return ErrorResponse(status=1)\n",
    "hex-literal": "from flask import abort\n\ndef v():\n    abort(0x194)\n",
    "model-status-field": "def v(Order):\n    return Order.objects.create(status=200)\n",
    "range-membership": "def ok(r):\n    return r.status_code in range(200, 300)\n",
    "set-status-elsewhere": "class Job:\n    def run(self):\n        self.set_status(500)\n",
    "status-attr-without-client": "def done(job):\n    return job.status == 200\n",
    "spectacular-text-keys": (
        "from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema\n\n"
        "S = extend_schema(responses={'4XX': None, '404': None, 'default': None, ('5XX', 'text/plain'): None}, "
        "request={'application/json': None}, parameters=[OpenApiParameter('X', response=True, enum=[100, 200])], "
        "examples=[OpenApiExample('e', value={'code': 404}, status_codes=['409'])])\n"
    ),
}


@pytest.mark.parametrize("source", NOT_STATUSES.values(), ids=NOT_STATUSES.keys())
def test_not_a_status(source: str) -> None:
    # A 4xx written only into a JSON body is not a status, but it is HTS911's sign of an error sent with 200.
    assert [code for code in codes(source) if code != "HTS911"] == []


def test_status_in_a_json_body_is_an_error_payload() -> None:
    assert codes(NOT_STATUSES["json-response-body"]) == ["HTS911"]


STATUSES = {
    "aliased-import": ("from flask import abort as stop\n\ndef v():\n    stop(404)\n", ["HTS001"]),
    "module-import": ("import flask\n\ndef v():\n    flask.abort(404)\n", ["HTS001"]),
    "submodule-import": (
        "import django.http\n\ndef v(r):\n    return django.http.HttpResponse(status=201)\n",
        ["HTS001"],
    ),
    "from-package-module": (
        "from aiohttp import web\n\nasync def v(r):\n    return web.Response(status=201)\n",
        ["HTS001"],
    ),
    "star-import": ("from bottle import *\n\ndef v():\n    abort(404)\n", ["HTS001"]),
    "generic-response-keyword": ("def v():\n    return ErrorResponse(status_code=409)\n", ["HTS001"]),
    "generic-house-exception": ("def v():\n    raise ApiError('gone', status_code=410)\n", ["HTS001"]),
    "status-code-assignment": ("def v(response):\n    response.status_code = 201\n", ["HTS001"]),
    "reversed-comparison": ("def ok(r):\n    return 200 == r.status_code\n", ["HTS002"]),
    "status-helper": ("def test(r):\n    assert_status(r, 201)\n", ["HTS002"]),
    # drf-spectacular 0.30.0: `response` is OpenApiParameter's 17th parameter, `status_codes` OpenApiExample's 10th.
    "spectacular-positional": (
        "from drf_spectacular.utils import OpenApiExample, OpenApiParameter\n\n"
        "P = OpenApiParameter('X', str, 'header', False, '', None, None, False, None, None, None, True, None, [], None, "
        "False, [429])\nE = OpenApiExample('e', {}, '', '', '', False, True, None, None, [409])\n",
        ["HTS001", "HTS001"],
    ),
}


@pytest.mark.parametrize(("source", "expected"), STATUSES.values(), ids=STATUSES.keys())
def test_a_status(source: str, expected: list[str]) -> None:
    assert codes(source) == expected


# Logging and metrics calls record a status; they are never a status site (issue 11, item 6). Each is
# paired with a real status site that has the same keyword and value, which is still found.
TELEMETRY_HEAD = (
    "import logging\nimport structlog\nimport sentry_sdk\nfrom loguru import logger as loguru_logger\n"
    "from datadog import statsd\nfrom prometheus_client import Counter\nfrom flask import abort, current_app\n"
    "from fastapi.responses import JSONResponse\nimport metrics\n\nlog = logging.getLogger(__name__)\n"
    "LOGGER = structlog.get_logger()\nerrors = Counter('errors', 'errors')\n\n\ndef view(content):\n"
)
TELEMETRY_CALLS = {
    "logger-error": "log.error('upstream failed', status_code=502)",
    "metrics-record-error": "metrics.record_error(status_code=503)",
    "logging-module": "logging.error('failed', status_code=500)",
    "get-logger-chain": "logging.getLogger(__name__).exception('failed', status_code=500)",
    "structlog-chain": "structlog.get_logger().error('failed', status_code=500)",
    "structlog-bound": "LOGGER.error('failed', status_code=500)",
    "loguru": "loguru_logger.error('failed', status_code=500)",
    "self-logger": "self.logger.error('failed', status_code=500)",
    "current-app-logger": "current_app.logger.error('failed', status_code=500)",
    "app-logger": "app.logger.exception('failed', status_code=500)",
    "underscore-log": "_log.error('failed', status_code=500)",
    "level-method-on-anything": "audit.error('failed', status_code=500)",
    "critical": "events.critical('failed', status_code=500)",
    "datadog-statsd": "statsd.increment_error(status_code=503)",
    "sentry": "sentry_sdk.capture_error(status_code=500)",
    "prometheus-counter": "errors.labels(status_code=500).record_error(status_code=500)",
    # Tracing, error reporting and metrics named by what they do: each was reported before.
    "otel-span-record-exception": "span.record_exception(error, status_code=500)",
    "otel-current-span": "current_span.record_error(status_code=500)",
    "tracer": "tracer.trace_error(status_code=500)",
    "tracker-verb": "tracker.track_error('failed', status_code=500)",
    "sentry-hub-capture": "hub.capture_exception(status_code=500)",
    "capture-verb": "reporter.capture_error(status_code=500)",
    "counter": "counter.count_error(status_code=500)",
    "error-counter": "error_counter.increment_error(status_code=500)",
    "histogram-observe": "histogram.observe_response(status=200)",
    "record-response": "latency.record_response(status_code=200)",
    "telemetry": "telemetry.record_error(status_code=503)",
    "new-relic-notice": "newrelic_agent.notice_error(status_code=500)",
    "apm": "apm.notice_error(status_code=500)",
}


@pytest.mark.parametrize("call", TELEMETRY_CALLS.values(), ids=TELEMETRY_CALLS.keys())
def test_a_logging_or_metrics_call_is_not_a_status_site(call: str) -> None:
    assert codes(f"{TELEMETRY_HEAD}    {call}\n") == []


REAL_SITES_BESIDE_TELEMETRY = {
    "json-response": "return JSONResponse(content, status_code=502)",
    "abort": "abort(503)",
    "house-exception": "raise ApiError('upstream failed', status_code=502)",
    "error-response-helper": "return error_response('bad', status=400)",
    "report-error-helper": "return report_error('bad', status_code=400)",
    "own-response-helper": "return self.error_response('bad', status=400)",
    "handle-error": "return handler.handle_error('bad', status_code=400)",
}


@pytest.mark.parametrize("site", REAL_SITES_BESIDE_TELEMETRY.values(), ids=REAL_SITES_BESIDE_TELEMETRY.keys())
def test_a_status_site_beside_telemetry_is_still_found(site: str) -> None:
    source = f"{TELEMETRY_HEAD}    log.error('upstream failed', status_code=502)\n    {site}\n"
    assert codes(source) == ["HTS001"]


def test_a_class_s_own_error_method_is_still_a_status_site() -> None:
    """`self.error(...)` where the class defines `error`: the project's response helper, not a logger."""
    source = (
        "from fastapi.responses import JSONResponse\n\n\nclass Views:\n"
        "    def error(self, message, status_code=400):\n"
        "        return JSONResponse({'message': message}, status_code=status_code)\n\n"
        "    def show(self):\n        return self.error('bad', status_code=404)\n"
    )
    assert codes(source) == ["HTS001", "HTS001"]


def test_the_fixer_leaves_logging_and_metrics_calls_alone() -> None:
    source = (
        "import logging\n\nimport metrics\nfrom fastapi.responses import JSONResponse\n\n"
        "log = logging.getLogger(__name__)\n\n\ndef view(content):\n"
        "    log.error('upstream failed', status_code=502)\n    metrics.record_error(status_code=503)\n"
        "    return JSONResponse(content, status_code=502)\n"
    )
    fixed = fix(source)
    assert fixed == source.replace(
        "content, status_code=502", "content, status_code=status.HTTP_502_BAD_GATEWAY"
    ).replace("import metrics\n", "import metrics\nfrom fastapi import status\n")
