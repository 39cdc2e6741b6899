"""HTS004: one module, one way of spelling statuses."""

from __future__ import annotations

from collections.abc import Iterator

from ..analysis.family_types import family_type
from ..findings import Finding, FixSafety
from .context import Context
from .rule import Example, Rule, RuleDoc

MIXED_CONSTANTS = Rule(
    code="HTS004",
    slug="mixed-status-constants",
    message="use {constant} instead of {found} (this module spells statuses with {family})",
    summary="A module spells statuses with more than one constant family, or not with the configured one.",
    fix=FixSafety.SAFE,
    doc=RuleDoc(
        what=(
            "Reports status constants from a family other than the module's own: when one module mixes "
            "`http.HTTPStatus`, `fastapi.status`, `starlette.status`, `rest_framework.status` or "
            "`litestar.status_codes`, or when `http-status-style` names a family and the module uses another. "
            "With the default `auto` style the module's family is the one it uses most, ties going to its "
            "framework's own family."
        ),
        why=(
            "Two spellings of the same status in one file make readers wonder whether they differ, and make "
            "searches miss half the uses. Every constant equals its number, so one family can replace another "
            "wherever the value is only compared or given to a framework that turns it into an int."
        ),
        examples=(
            Example(
                bad=(
                    "from http import HTTPStatus\n\nfrom rest_framework import status\nfrom rest_framework.response "
                    "import Response\n\n\ndef create(request):\n    return Response({}, status=status.HTTP_201_CREATED)\n\n\n"
                    "def delete(request):\n    return Response(status=HTTPStatus.NO_CONTENT)\n\n\n"
                    "def update(request):\n    return Response({}, status=status.HTTP_200_OK)\n"
                ),
                good=(
                    "from rest_framework import status\nfrom rest_framework.response import Response\n\n\n"
                    "def create(request):\n    return Response({}, status=status.HTTP_201_CREATED)\n\n\n"
                    "def delete(request):\n    return Response(status=status.HTTP_204_NO_CONTENT)\n\n\n"
                    "def update(request):\n    return Response({}, status=status.HTTP_200_OK)\n"
                ),
            ),
            Example(
                bad="from http import HTTPStatus\n\n\ndef ok(response):\n    return response.status_code == HTTPStatus.OK\n",
                good=(
                    "from fastapi import status\n\n\ndef ok(response):\n"
                    "    return response.status_code == status.HTTP_200_OK\n"
                ),
                options=("--http-status-style=fastapi",),
            ),
        ),
        fix_safety=(
            "Safe where the value is only compared or given to a framework that turns it into an int at once, and "
            "between two families of plain ints. Unsafe when an `http.HTTPStatus` member would become a plain int "
            "or the reverse anywhere else: an attribute read (`HTTPStatus.OK.phrase`), `isinstance`, `is`, "
            "`Literal[...]`, formatting, a variable or a key the framework keeps (an OpenAPI `responses=` key). "
            "There `str()` and `%s` differ on Python 3.10, `repr()` on every version. An import the fix leaves unused is "
            "removed, when nothing else can see it: not in a package's `__init__.py`, not a name in `__all__` or in "
            "a string, and not in a module that reads its own namespace (`globals()`, `__getattr__`); otherwise it "
            "stays and flake8's F401 points it out."
        ),
        not_reported=(
            "Client-side tables (`requests.codes`, `httpx.codes`) and Falcon's string constants: they are not "
            "families the tool writes, and Falcon's differ in type.",
            "A constant with no equivalent in the module's family (DRF's `HTTP_509_BANDWIDTH_LIMIT_EXCEEDED`).",
            "With `auto`, a constant of the int family of a framework the module imports, where the module's "
            "`HTTPStatus` would change what the program shows: HTS001 writes that family there itself.",
        ),
        references=("Python docs: http.HTTPStatus",),
        options=("`http-status-style`: the family every module should use, or `auto`.",),
    ),
)

RULES = (MIXED_CONSTANTS,)


def check(context: Context) -> Iterator[Finding]:
    used = context.used_constants
    families = {constant.family for _, constant in used}
    if context.settings.style == "auto" and len(families) < 2:
        return
    for node, constant in used:
        before, dotted = family_type(constant.family), id(node) in context.pattern_values
        # Where the module's HTTPStatus would show its type, its framework's int family is the module's family.
        target = context.speller_at(node, before, constant.code, dotted=dotted)
        if constant.family == target.family.style or context.renames_in_text(node, target.family):
            continue
        spelled = target.spell(constant.code, dotted=dotted, at=node)
        if spelled is None:
            continue
        fix = context.replacement(node, spelled, context.fix_safety(node, before, target.family))
        yield context.finding(
            MIXED_CONSTANTS,
            node,
            fix,
            constant=spelled.text,
            found=context.source(node),
            family=target.family.namespace,
        )
