"""drf-spectacular: the statuses a DRF API documents in its OpenAPI schema.

A module of its own rather than rows in `api.drf`: drf-spectacular is a separate distribution with its
own import root, and a schema module may import `drf_spectacular` without `rest_framework` yet should
still be spelled with DRF's constants. Its rows only document: handlers, routes and what surrounds a
status stay DRF's idioms (`api.drf`), so the declaration has no handler idioms of its own.

Checked against drf-spectacular 0.30.0 (`openapi.py`, `utils.py`):
* `extend_schema(responses=...)`: for a dict, every key is turned into text with `str()`, or for a tuple
  key `str(key[0])` with the remaining elements as media types. Ints and strings both work ("404",
  "4XX", "default" go into the document as written); before Python 3.11 `str()` of an `HTTPStatus`
  member is its name, so only plain-int constants (`rest_framework.status`) keep the document unchanged.
* `OpenApiExample(status_codes=[...])` and `OpenApiParameter(response=[...])` (a response header) are
  matched against those keys after `str()` of each element.
* `extend_schema_view(...)`, `extend_schema_serializer(examples=...)`, `OpenApiCallback` and
  `OpenApiWebhook` take `extend_schema(...)` calls and `OpenApiExample`s, which are matched where they are
  written. `OpenApiResponse` and `extend_schema_field` take no status.
"""

from __future__ import annotations

from ..families import FAMILIES
from .framework import Framework
from .rows import Api, CallRow, Role, Slot, Text

_UTILS = "drf_spectacular.utils"

# `converts` is False on every row (checked on drf-spectacular 0.30): `responses=` keys and example codes
# are kept for the schema.
CALLS = (
    CallRow(
        (f"{_UTILS}.extend_schema",),
        # A status line ("404 Not Found") would be written into the document as an invalid response key.
        Api(
            "spectacular",
            "extend_schema",
            Role.DOCUMENT,
            keys_of="responses",
            tuple_keys=True,
            stringified=True,
            text=Text.CODE_ONLY,
        ),
    ),
    CallRow(
        (f"{_UTILS}.OpenApiExample",),
        Api(
            "spectacular",
            "OpenApiExample",
            Role.DOCUMENT,
            (Slot(9, "status_codes"),),
            many=True,
            stringified=True,
            text=Text.CODE_ONLY,
        ),
    ),
    CallRow(
        (f"{_UTILS}.OpenApiParameter",),
        # `response=True` documents the header on every response; only a list names statuses.
        Api(
            "spectacular",
            "OpenApiParameter",
            Role.DOCUMENT,
            (Slot(16, "response"),),
            many=True,
            stringified=True,
            text=Text.CODE_ONLY,
        ),
    ),
)

FRAMEWORK = Framework(
    "spectacular",
    roots=("drf_spectacular",),
    family=FAMILIES["drf"],
    builds_on=("drf",),
    calls=CALLS,
)
