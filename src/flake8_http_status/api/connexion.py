"""Connexion: problem responses, ProblemException and its subclasses, and what handlers return.

Checked against connexion 3.3.0 and 2.15.1 (`problem.py`, `exceptions.py`, `lifecycle.py`, `datastructures.py`,
`decorators/response.py`).

Connexion handlers carry no decorator: an OpenAPI file names them by `operationId`, and this analysis reads no
such file. A returned tuple counts as a handler's only where the code itself proves it: its first item is
`NoContent`, which means something only to Connexion, or the module-level function that returns it also
returns `NoContent`, a `problem(...)` or a `ConnexionResponse(...)`. A `(body, 404)` tuple in a function that
shows none of these stays silent, even in a module that imports connexion.
"""

from __future__ import annotations

from .common import fixed
from .framework import Framework
from .idioms import MarkedHandler, PlainReturn
from .rows import Api, CallRow, ReturnRow, Role, Slot, TupleShape

NO_CONTENT = ("connexion.NoContent", "connexion.datastructures.NoContent", "connexion.decorators.produces.NoContent")
PROBLEM = ("connexion.problem", "connexion.problem.problem")
RESPONSE = ("connexion.lifecycle.ConnexionResponse",)

# `converts` is False on these rows (checked on Connexion 3.3): ConnexionResponse, problem() and ProblemException
# store the object (`status_code`, ProblemException's `status` and repr), and their status reaches the framework
# response as it is, which a Starlette response (AsyncApp) keeps; see the return tuples below.
CALLS = (
    # problem(status, title, detail, type=None, instance=None, headers=None, ext=None) builds a ConnexionResponse.
    CallRow(PROBLEM, Api("connexion", "connexion.problem", Role.SET, (Slot(0, "status"),))),
    CallRow(RESPONSE, Api("connexion", "ConnexionResponse", Role.SET, (Slot(0, "status_code"),), default=200)),
    # `status` is keyword-only in 3.x (default 500) and the first positional parameter in 2.x (default 400).
    CallRow(
        ("connexion.ProblemException", "connexion.exceptions.ProblemException"),
        Api("connexion", "ProblemException", Role.RAISE, (Slot(0, "status"),)),
    ),
    # 3.x: the 4xx and 5xx bases take the status first, positionally or by keyword.
    CallRow(
        ("connexion.exceptions.ClientProblem",),
        Api("connexion", "ClientProblem", Role.RAISE, (Slot(0, "status"),), default=400),
    ),
    CallRow(
        ("connexion.exceptions.ServerError",),
        Api("connexion", "ServerError", Role.RAISE, (Slot(0, "status"),), default=500),
    ),
    # 3.x: ResolverProblem(status=501, *, detail); 2.x: AuthenticationProblem(status, title, detail) and
    # ResolverProblem(status, title, detail).
    CallRow(
        ("connexion.exceptions.ResolverProblem",),
        Api("connexion", "ResolverProblem", Role.RAISE, (Slot(0, "status"),)),
    ),
    CallRow(
        ("connexion.exceptions.AuthenticationProblem",),
        Api("connexion", "AuthenticationProblem", Role.RAISE, (Slot(0, "status"),)),
    ),
    # Subclasses that always carry one status (2.x re-exports Werkzeug's Unauthorized and Forbidden under the
    # same names; 3.x defines its own).
    *fixed(
        "connexion",
        "connexion.exceptions",
        {
            "BadRequestProblem": 400,
            "ExtraParameterProblem": 400,
            "TypeValidationError": 400,
            "Unauthorized": 401,
            "OAuthProblem": 401,
            "OAuthResponseProblem": 401,
            "Forbidden": 403,
            "OAuthScopeProblem": 403,
            "UnsupportedMediaTypeProblem": 415,
            "InternalServerError": 500,
            "NonConformingResponse": 500,
            "NonConformingResponseBody": 500,
            "NonConformingResponseHeaders": 500,
        },
    ),
)

# A 2-tuple's status is converted and a 3-tuple's is not: connexion 3.3's `_unpack_handler_response` stores
# `int(status)` for `(body, status)` (its comment names HTTPStatus) but hands the third form's status on as it is,
# and its AsyncApp builds a Starlette Response with it, whose `status_code` keeps the object: the response
# validation middleware then looks the spec up by `str(message["status"])`, which reads 'HTTPStatus.NOT_FOUND'
# on Python 3.10. (2.14 turns both into `status.value` in `_prepare_body_and_status_code`.)
_RETURN_TUPLE = Api("connexion", "a Connexion handler's return tuple", Role.SET, default=200)

RETURNS = tuple(
    # `decorators/response.py` (3.3.0; `apis/abstract.py` in 2.15.1 agrees): a handler returns `body`, `(body,)`,
    # `(body, status)`, `(body, headers)` or `(body, status, headers)`; in a 2-tuple the second item is a status
    # only when it is an int (HTTPStatus included) or an Enum with an int value, and headers otherwise. With no
    # status, None and NoContent go out as 204 and anything else as 200.
    ReturnRow(
        "connexion",
        (),
        (),
        (),
        ("connexion",),
        _RETURN_TUPLE._replace(converts=length == 2),
        route_decorators=(),
        shape=TupleShape(status=1, body=0, lengths=(length,)),
        body_names=NO_CONTENT,
        marking_returns=(*NO_CONTENT, *PROBLEM, *RESPONSE),
    )
    for length in (2, 3)
)

# Handler idioms -----------------------------------------------------------------------------------

# No authentication idiom: the `user` and `token_info` parameters do not prove a logged-in user. With optional
# security (`security: [{}, {api_key: []}]`) `verify_none` lets anonymous requests through with `token_info={}` and
# `user=None` (3.3.0 `security.py`), and `user` may as well be an ordinary path or query parameter.

# The same evidence as the return tuples': only a handler returns NoContent; a function returning problem() or a
# ConnexionResponse hands a response to Connexion (or to a handler that passes it on).
MARKED_HANDLERS = (MarkedHandler("connexion", (*NO_CONTENT, *PROBLEM, *RESPONSE), ("connexion",)),)

FRAMEWORK = Framework(
    "connexion",
    roots=("connexion",),
    path_parameters=(r"\{[^}]*\}",),
    calls=CALLS,
    returns=RETURNS,
    marked_handlers=MARKED_HANDLERS,
    # Returned content without a status goes out with 200 (None and NoContent, which are not content, with 204).
    plain_return=PlainReturn("connexion", 200, ("connexion",)),
)
