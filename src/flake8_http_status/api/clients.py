"""HTTP clients, test clients and test doubles: where code reads, expects or fakes a status."""

from __future__ import annotations

from .common import RESPONSE_NAMES
from .framework import Framework
from .rows import Api, CallRow, CompareRow, MethodRow, Receiver, Role, Slot

_MOCK_VERBS = ("get", "post", "put", "patch", "delete", "head", "options")


def _mock(label: str, keyword: str, position: int | None = None) -> Api:
    return Api("mock", label, Role.MOCK, (Slot(position, keyword),))


# `converts` is False on every row: a test double hands the status to the code under test as given (checked with
# httpx 0.29, responses 0.26 and requests-mock 1.12: the `status_code` the code under test reads is the
# HTTPStatus member itself), so its str(), repr() and `%s` are what that code logs or renders.
CALLS = (
    CallRow(("httpx.Response",), _mock("httpx.Response", "status_code", 0)),
    CallRow(
        tuple(f"responses.{verb}" for verb in (*_MOCK_VERBS, "add", "upsert", "replace", "Response")),
        _mock("responses", "status"),
    ),
    CallRow(
        ("types.SimpleNamespace",),
        Api("mock", "SimpleNamespace", Role.MOCK, (Slot(None, "status_code"),), generic=True),
    ),
    CallRow(
        tuple(
            f"{module}.{name}"
            for module in ("unittest.mock", "mock")
            for name in ("Mock", "MagicMock", "AsyncMock", "NonCallableMock")
        ),
        Api("mock", "Mock", Role.MOCK, (Slot(None, "status_code"), Slot(None, "status")), generic=True),
    ),
)

METHODS = (
    MethodRow(
        (*_MOCK_VERBS, "add", "upsert", "replace"),
        Receiver(owners=("responses.RequestsMock",), gate=("responses",)),
        _mock("responses", "status"),
    ),
    MethodRow((*_MOCK_VERBS, "register_uri"), Receiver(gate=("requests_mock",)), _mock("requests_mock", "status_code")),
    MethodRow(
        (*_MOCK_VERBS, "register_uri"), Receiver(names=("requests_mock",)), _mock("requests_mock", "status_code")
    ),
    MethodRow((*_MOCK_VERBS, "add"), Receiver(gate=("aioresponses",)), _mock("aioresponses", "status")),
    MethodRow(("respond",), Receiver(gate=("respx",)), _mock("respx", "status_code", 0)),
    MethodRow(
        ("Mock", "MagicMock", "AsyncMock"),
        Receiver(names=("mocker",)),
        Api("mock", "mocker.Mock", Role.MOCK, (Slot(None, "status_code"), Slot(None, "status")), generic=True),
    ),
)

# A response's status read back, for comparisons.
COMPARISONS = (
    CompareRow("status_code", Receiver(any_receiver=True)),
    CompareRow("status_int", Receiver(any_receiver=True)),
    CompareRow(
        "status",
        Receiver(gate=("aiohttp", "sanic", "sanic_testing", "webtest", "urllib.request", "http.client", "urllib3")),
    ),
    CompareRow("code", Receiver(gate=("tornado.httpclient", "tornado.testing", "urllib.request", "urllib.error"))),
    CompareRow("code", Receiver(gate=("tornado",), names=RESPONSE_NAMES)),
    CompareRow("getcode", Receiver(gate=("urllib.request", "urllib.error", "http.client")), call=True),
    # Variables whose name says they hold an HTTP status.
    *(
        CompareRow(name, Receiver(any_receiver=True), variable=True)
        for name in ("status_code", "http_status", "http_status_code", "response_status", "response_status_code")
    ),
)

FRAMEWORK = Framework(
    "clients",
    calls=CALLS,
    methods=METHODS,
    comparisons=COMPARISONS,
)
