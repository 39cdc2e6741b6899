"""The status catalogue and the constant families, checked against the real modules they describe."""

from __future__ import annotations

import http
import importlib
import sys
import warnings
from importlib.metadata import version

import pytest

from flake8_http_status.families import FAMILIES, PYTHON_39_ADDITIONS, Target, constant_for
from flake8_http_status.statuses import BY_CODE, STATUSES, State, code_for_phrase

RUNNING = sys.version_info[:2]
# Registered codes that http.HTTPStatus does not define.
NOT_IN_HTTPSTATUS = {104, 306}


def test_codes_are_unique_and_in_range() -> None:
    codes = [status.code for status in STATUSES]
    assert len(codes) == len(set(codes))
    assert all(100 <= code <= 599 for code in codes)


def test_every_httpstatus_member_is_catalogued_with_its_phrase() -> None:
    for member in http.HTTPStatus:
        status = BY_CODE[member.value]
        assert code_for_phrase(member.phrase) == member.value, member
        assert member.phrase.casefold() in {phrase.casefold() for phrase in status.phrases}, member


def test_catalogue_has_nothing_httpstatus_lacks_except_known_codes() -> None:
    assert set(BY_CODE) - {member.value for member in http.HTTPStatus} == NOT_IN_HTTPSTATUS


@pytest.mark.parametrize(
    ("code", "state"),
    [
        (306, State.UNUSED),
        (418, State.UNUSED),
        (102, State.DEPRECATED),
        (305, State.DEPRECATED),
        (510, State.OBSOLETED),
        (104, State.TEMPORARY),
        (404, State.REGISTERED),
    ],
)
def test_registry_states(code: int, state: State) -> None:
    assert BY_CODE[code].state is state


@pytest.mark.parametrize("target", [(3, 8), (3, 9), (3, 10), (3, 11), (3, 12), (3, 13)])
def test_httpstatus_names_exist_on_every_admitted_python(target: tuple[int, int]) -> None:
    """A name written for a target must exist on every Python from the target up; this checks the running one."""
    if target > RUNNING:
        pytest.skip(f"Python {RUNNING} is older than the target {target}")
    family = FAMILIES["httpstatus"]
    for status in STATUSES:
        name = family.constant(status.code, Target(python=target))
        if name is None:
            assert status.code in NOT_IN_HTTPSTATUS or (target < (3, 9) and status.code in PYTHON_39_ADDITIONS)
            continue
        assert http.HTTPStatus[name] == status.code


def test_rfc9110_names_only_from_313() -> None:
    family = FAMILIES["httpstatus"]
    assert family.constant(422, Target(python=(3, 12))) == "UNPROCESSABLE_ENTITY"
    assert family.constant(422, Target(python=(3, 13))) == "UNPROCESSABLE_CONTENT"
    assert family.constant(103, Target(python=(3, 8))) is None


def test_every_httpstatus_name_reads_back() -> None:
    for name, member in http.HTTPStatus.__members__.items():
        constant = constant_for(f"http.HTTPStatus.{name}")
        assert constant is not None and constant.code == member.value


def _module_constants(module_name: str) -> dict[str, int]:
    module = importlib.import_module(module_name)
    return {name: value for name, value in vars(module).items() if name.startswith("HTTP_") and isinstance(value, int)}


def _starlette_renamed() -> bool:
    major, minor = (int(part) for part in version("starlette").split(".")[:2])
    return (major, minor) >= (0, 48)


@pytest.mark.parametrize(
    ("style", "module_name"),
    [
        ("drf", "rest_framework.status"),
        ("starlette", "starlette.status"),
        ("fastapi", "starlette.status"),
        ("litestar", "litestar.status_codes"),
    ],
)
def test_int_families_match_the_installed_modules(style: str, module_name: str) -> None:
    actual = _module_constants(module_name)
    family = FAMILIES[style]
    target = Target(python=RUNNING, starlette_renamed=style in ("starlette", "fastapi") and _starlette_renamed())
    written = {name for code in BY_CODE if (name := family.constant(code, target)) is not None}
    assert written <= set(actual), sorted(written - set(actual))
    for name, code in actual.items():
        assert constant_for(f"{family.namespace}.{name}") is not None, name
        assert constant_for(f"{family.namespace}.{name}").code == code  # type: ignore[union-attr]


def test_old_starlette_names_stay_readable() -> None:
    module = importlib.import_module("starlette.status")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        old = module.HTTP_422_UNPROCESSABLE_ENTITY
    assert constant_for("starlette.status.HTTP_422_UNPROCESSABLE_ENTITY").code == old  # type: ignore[union-attr]


def test_requests_codes_read_back_like_requests() -> None:
    from requests import codes

    for name in ("ok", "created", "not_found", "precondition", "uri_too_long", "too_early", "IM_A_TEAPOT", "teapot"):
        assert constant_for(f"requests.codes.{name}").code == getattr(codes, name), name  # type: ignore[union-attr]


def test_httpx_codes_read_back() -> None:
    import httpx

    for member in httpx.codes:
        assert constant_for(f"httpx.codes.{member.name}").code == member.value  # type: ignore[union-attr]
