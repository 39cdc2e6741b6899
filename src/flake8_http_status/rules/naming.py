"""HTS001 and HTS002: a bare number where a named status constant says what is meant."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.family_types import INT
from ..analysis.sites import Site
from ..analysis.spelling import Spelled
from ..analysis.values import Spelling, is_decimal_literal
from ..findings import Finding, Fix, FixSafety, NewImport
from ..i18n.phrase import Phrase
from ..statuses import State, lookup
from .context import Context
from .rule import Example, Rule, RuleDoc

_STYLE_OPTION = "`http-status-style`: which constant family to suggest (`auto` by default)."
_IGNORE_OPTION = "`http-status-ignore-values`: literal values never to report."
_CODES_OPTION = "`http-status-extra-codes`: names for project-defined codes, such as `499=CLIENT_CLOSED_REQUEST`."
_TARGET_OPTION = "`http-status-target-python`: the oldest Python the project supports (read from `requires-python`)."

MAGIC_STATUS = Rule(
    code="HTS001",
    slug="magic-status-code",
    message="use {constant} instead of {value} ({reason})",
    summary="A bare integer sets, raises, redirects with, declares or registers an HTTP status.",
    fix=FixSafety.SAFE,
    doc=RuleDoc(
        what=(
            "Reports an integer literal that a web framework uses as an HTTP status: a response's status, "
            "`abort()` and HTTP exceptions, redirect codes, a route's `status_code=`, `response.status_code = …`, "
            "error-handler keys, OpenAPI `responses` keys and `status_code` attributes of exception classes. "
            "A number counts only where the framework API, found through the module's imports, takes a status; "
            "each branch of a conditional expression there counts too (`abort(404 if missing else 400)`). "
            "A literal that reaches such a place through the module's names counts where it is written: a local "
            "or module constant (`code = 404 if missing else 400; abort(code)`), a table read by key "
            "(`code, message = ERRORS[key]`), an argument of the module's helper whose parameter goes there "
            "(`error_response('gone', 410)`), a helper's return, or an exception class of the module that carries "
            "it (`raise ApiError('conflict', 409)`). It counts only when every other use of that name is a status "
            "use too: a value that is also logged or formatted is left alone. The same holds across the project's "
            "modules (`--http-status-project-index`): a helper or exception class that another module defines, "
            "a helper method of a base class there (`self.error(403)`), and a view whose app object or framework "
            "base class is made there (`return body, 201`). Where another module cannot be read or an import cycle "
            "leads back, nothing is reported."
        ),
        why=(
            "A reader has to remember what `409` or `422` means; `HTTPStatus.CONFLICT` says it. Named constants "
            "also make a mistyped status impossible to miss in review, and they are searchable. "
            "Every named constant equals its number, so where the framework turns the status into an int the "
            "program behaves exactly as before."
        ),
        examples=(
            Example(
                bad=(
                    "from flask import Flask, abort\n\napp = Flask(__name__)\n\n\n"
                    '@app.get("/items/<int:item_id>")\ndef show(item_id):\n    abort(404)\n'
                ),
                good=(
                    "from http import HTTPStatus\n\nfrom flask import Flask, abort\n\napp = Flask(__name__)\n\n\n"
                    '@app.get("/items/<int:item_id>")\ndef show(item_id):\n    abort(HTTPStatus.NOT_FOUND)\n'
                ),
            ),
            Example(
                bad=(
                    "from fastapi import APIRouter\n\nrouter = APIRouter()\n\n\n"
                    '@router.post("/items", status_code=201)\nasync def create_item(item: dict) -> dict:\n    return item\n'
                ),
                good=(
                    "from fastapi import APIRouter, status\n\nrouter = APIRouter()\n\n\n"
                    '@router.post("/items", status_code=status.HTTP_201_CREATED)\n'
                    "async def create_item(item: dict) -> dict:\n    return item\n"
                ),
            ),
        ),
        fix_safety=(
            "Safe: the literal becomes a constant with the same integer value, and the import is added once. "
            "The fixer reuses an import the module already has, and picks an alias when a name such as a "
            "parameter called `status` would capture the constant. Unsafe where the constant is an "
            "`http.HTTPStatus` member and the framework keeps the object instead of turning it into an int at "
            "once (Django Ninja's `Status(...)`, `HttpError` and `response=` keys, Connexion's problems, exceptions "
            "and `(body, status, headers)` returns, Starlette, Tornado, Sanic, Bottle, Falcon, a class attribute, "
            "a parameter default, an assignment other than to a Werkzeug, Flask, Quart or WebOb response the "
            "function itself creates, a test double): its `str()` and `%s` read 'HTTPStatus.NOT_FOUND' on Python "
            "3.10, its `repr()` differs on every version (logs, exception reprs, structlog) and `yaml.safe_dump` "
            "refuses it, so only `--unsafe-fixes` writes it there. A module whose family is `HTTPStatus` only by "
            "`auto`'s choice and that imports FastAPI, Starlette, DRF or Litestar at its top level gets that "
            "framework's int constant there instead (`status.HTTP_404_NOT_FOUND`), which keeps the type and is safe. "
            "Where no name exists, and reads without a "
            "warning, on every release the project admits (Starlette's 413, 414, 416 and 422 when its range spans "
            "0.48), there is no fix, and the message says why and which requirement would give one."
        ),
        not_reported=(
            "Numbers that are not statuses by the framework's own API: `time.sleep(200)`, `range(100, 600)`, "
            "`limit=100`, `max_length=255`, ports, exit codes, and numbers inside a JSON body.",
            "Literals written in octal, hex or with underscores, which are never statuses in practice.",
            "A status passed in the wrong positional slot: HTS604 reports it, and naming it would hide the bug.",
            "A status the API refuses (HTS605), or one that a status-choice rule on the same literal says to change "
            "(HTS908's `redirect(url, 301)` after a POST): the other finding is the one answer, as long as its "
            "rule is selected.",
            "Codes with no constant in the chosen family (unregistered ones are HTS602's business).",
            "Names matched by keyword only (`status=`, `status_code=` on a response-like call) outside 100-599.",
        ),
        references=("RFC 9110 §15 (status codes)", "Python docs: http.HTTPStatus"),
        options=(_STYLE_OPTION, _IGNORE_OPTION, _CODES_OPTION, _TARGET_OPTION),
    ),
)

MAGIC_COMPARISON = Rule(
    code="HTS002",
    slug="magic-status-comparison",
    message="compare with {constant} instead of {value} ({reason})",
    summary="A bare integer is compared with a response's status, or expected by a test assertion.",
    fix=FixSafety.SAFE,
    doc=RuleDoc(
        what=(
            "Reports an integer literal compared with a response's status: `==`, `!=`, `in` a literal "
            "tuple, list or set, `match`/`case`, `assertEqual(resp.status_code, 200)` either way round, "
            "Django's `assertContains(..., status_code=200)` and `assertRedirects(..., status_code=302)`, "
            "WebTest's `status=404` (in a test module also on an app that a base class or fixture elsewhere builds, "
            "`self.app.get(url, status=404)`), and helpers whose name says they check a status. "
            "The status may be read into a local first (`status = resp.status_code; if status == 404`). A literal "
            "that reaches such a comparison through a name counts where it is written: a `pytest.mark.parametrize` "
            "row, a loop table, a fixture's `params`, or the argument of the module's own test helper "
            "(`self.check(resp, 404)`), when every other use of that name is a status use too."
        ),
        why=(
            "Tests and clients read better when the expected status is named: `HTTPStatus.CREATED` tells the "
            "reader that the test expects a creation, where `201` must be decoded."
        ),
        examples=(
            Example(
                bad='def test_home(client):\n    response = client.get("/")\n    assert response.status_code == 200\n',
                good=(
                    'from http import HTTPStatus\n\n\ndef test_home(client):\n    response = client.get("/")\n'
                    "    assert response.status_code == HTTPStatus.OK\n"
                ),
            ),
        ),
        fix_safety=(
            "Safe: the constant equals the literal, so the comparison gives the same result. Unsafe when the "
            "literal goes to a project helper rather than a comparison and the constant is an `http.HTTPStatus` "
            "member, whose `str()` and `repr()` differ from the number's, and for WebTest's `status=` on an app "
            "whose type the module does not show."
        ),
        not_reported=(
            "Ordering comparisons such as `status_code >= 400`: they test a class of statuses, not one status.",
            "Comparisons of variables that are not known to hold a status (`if code == 404:`).",
            "`.status` comparisons unless the module uses a client whose responses have an int `status` "
            "(aiohttp, urllib, urllib3, Sanic's test client, WebTest).",
            "`status=` on an object of unknown type outside test modules (`client.get(url, status=404)`), and in "
            "test modules a code the registry does not assign, or a variable.",
        ),
        references=("RFC 9110 §15 (status codes)",),
        options=(_STYLE_OPTION, _IGNORE_OPTION, _TARGET_OPTION),
    ),
)

RULES = (MAGIC_STATUS, MAGIC_COMPARISON)


def check(context: Context) -> Iterator[Finding]:
    for site in context.sites:
        if _is_magic(site, context):
            finding = _finding(site, context)
            if finding is not None:
                yield finding


def _is_magic(site: Site, context: Context) -> bool:
    if site.value.spelling is not Spelling.LITERAL or site.misplaced is not None or site.node is None:
        return False
    code = site.code
    if code is None or not 100 <= code <= 599 or code in context.settings.ignore_values:
        return False
    return is_decimal_literal(site.node, context.lines)


def _finding(site: Site, context: Context) -> Finding | None:
    assert site.node is not None and site.code is not None
    rule = MAGIC_COMPARISON if site.role.is_comparison else MAGIC_STATUS
    extra = context.settings.extra_codes.get(site.code)
    if extra is not None:
        fix = _extra_code_fix(site, context) if extra.module else None
        return context.finding(
            rule, site.node, fix, constant=extra.name, value=site.code, reason="project-defined status"
        )
    status = lookup(site.code)
    speller = context.speller_at(site.node, INT, site.code, dotted=site.in_pattern)
    # Where the framework makes text of the value (OpenAPI keys), an enum constant would change that text before
    # Python 3.11: no advice. A test table's row is still a status; only its test id would change, so the fix is
    # unsafe instead.
    renames = context.renames_in_text(site.node, speller.family)
    if status is None or status.state is State.UNUSED or (renames and site.via is None):
        return None
    spelled = speller.spell(site.code, dotted=site.in_pattern, at=site.node)
    if spelled is None:
        from .held_back import held_back  # rare: most constants have a spelling, and an import here is start-up

        named = held_back(context, site.code)
        if named is None:
            return None
        reason = Phrase("{reason}; {why}", reason=status.reason, why=named[1])
        return context.finding(rule, site.node, None, constant=named[0], value=site.code, reason=reason)
    safety = FixSafety.UNSAFE if renames else context.fix_safety(site.node, INT, speller.family)
    fix = context.replacement(site.node, spelled, safety)
    return context.finding(rule, site.node, fix, constant=spelled.text, value=site.code, reason=status.reason)


def _extra_code_fix(site: Site, context: Context) -> Fix | None:
    assert site.node is not None and site.code is not None
    extra = context.settings.extra_codes[site.code]
    assert extra.module is not None
    bound = context.imports.module_level.get(extra.name)
    if bound == f"{extra.module}.{extra.name}":
        return context.replacement(site.node, Spelled(extra.name))
    if bound is not None or context.speller.bound_names()[extra.name]:
        return None  # the name means something else here
    return context.replacement(site.node, Spelled(extra.name, NewImport(extra.module, extra.name)))
