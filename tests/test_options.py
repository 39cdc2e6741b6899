"""Parsing of every setting, from flake8-style flags and from raw config values."""

from __future__ import annotations

import pytest

from flake8_http_status.options import (
    ExtraCall,
    ExtraCode,
    OptionError,
    parse_extra_calls,
    parse_extra_codes,
    parse_ignore_values,
    parse_target_python,
    settings_from,
    settings_from_args,
)


def test_defaults() -> None:
    settings = settings_from({})
    assert settings.style == "auto" and settings.target_python is None and not settings.extra_codes


def test_flags() -> None:
    settings = settings_from_args(
        [
            "--http-status-style=drf",
            "--http-status-target-python=3.12",
            "--http-status-extra-codes=499=CLIENT_CLOSED_REQUEST,599=myapp.http:NETWORK_TIMEOUT",
            "--http-status-ignore-values=200, 204",
            "--http-status-extra-calls=myapp.http.error:1:status",
        ]
    )
    assert settings.style == "drf"
    assert settings.target_python == (3, 12)
    assert settings.extra_codes == {
        499: ExtraCode(499, "CLIENT_CLOSED_REQUEST"),
        599: ExtraCode(599, "NETWORK_TIMEOUT", "myapp.http"),
    }
    assert settings.ignore_values == frozenset({200, 204})
    assert settings.extra_calls == (ExtraCall("myapp.http.error", 1, "status"),)


def test_config_lists_may_span_lines() -> None:
    assert parse_extra_codes(["499=A\n 599=B"]) == {499: ExtraCode(499, "A"), 599: ExtraCode(599, "B")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("499=myapp.http:class", "'class' in '499=myapp.http:class' is a Python keyword"),
        ("499=None", "'None' in '499=None' is a Python keyword"),
        ("499=True", "'True' in '499=True' is a Python keyword"),
        ("499=class.http:CLOSED", "'class' in '499=class.http:CLOSED' is a Python keyword"),
        ("499=__debug__", "'__debug__' in '499=__debug__' is reserved: Python never binds __debug__"),
        ("499=my-app:CLOSED", "'my-app' in '499=my-app:CLOSED' is not a Python identifier"),
        ("499=myapp..http:CLOSED", "'' in '499=myapp..http:CLOSED' is not a Python identifier"),
        ("499=\ufb01le", "'\ufb01le' in '499=\ufb01le' is read by Python as 'file'"),
        ("499=A, 499=B", "499 is given twice"),
        ("499=A, 498=A", "A is given for both 499 and 498"),
        ("499=a.http:A, 498=b.http:A", "A is given for both 499 and 498"),  # both would be imported as A
    ],
)
def test_extra_codes_must_be_names_python_can_import_once(text: str, message: str) -> None:
    with pytest.raises(OptionError) as raised:
        settings_from({"http_status_extra_codes": text})
    assert (str(raised.value), raised.value.option) == (f"http-status-extra-codes: {message}", "extra-codes")


def test_extra_codes_take_any_python_identifier() -> None:
    assert parse_extra_codes(["499=caf\u00e9.http:\u00c9CHEC, 498=match:case"]) == {
        499: ExtraCode(499, "\u00c9CHEC", "caf\u00e9.http"),
        498: ExtraCode(498, "case", "match"),  # soft keywords are names
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [("3.11", (3, 11)), (">=3.10", (3, 10)), (">=3.9,<4", (3, 9)), ("~=3.12", (3, 12)), ("", None)],
)
def test_target_python(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_target_python(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("api_fail:status", ExtraCall("api_fail", None, "status")), ("x.y:0", ExtraCall("x.y", 0, None))],
)
def test_extra_calls(text: str, expected: ExtraCall) -> None:
    assert parse_extra_calls([text]) == (expected,)


@pytest.mark.parametrize(
    ("parse", "value"),
    [
        (lambda v: settings_from_args([f"--http-status-style={v}"]), "pascal"),
        (parse_target_python, "2.7"),
        (lambda v: parse_extra_codes([v]), "99=TOO_LOW"),
        (lambda v: parse_extra_codes([v]), "499 CLIENT_CLOSED"),
        (parse_ignore_values, "two hundred"),
        (lambda v: parse_extra_calls([v]), "helper"),
        (lambda v: settings_from_args([v]), "--http-status-colour=red"),
    ],
)
def test_bad_values_raise_a_clear_error(parse: object, value: str) -> None:
    with pytest.raises(OptionError) as error:
        parse(value)  # type: ignore[operator]
    assert "http-status" in str(error.value) or "unknown options" in str(error.value)


@pytest.mark.parametrize(("flag", "value"), [("--http-status-style", "Django"), ("--http-status-lang", "fr")])
def test_a_choice_outside_its_list_names_the_option_and_the_choices(flag: str, value: str) -> None:
    with pytest.raises(OptionError, match=f"^{flag[2:]} must be one of .*, not '{value}'$"):
        settings_from_args([f"{flag}={value}"])


def test_choices_ignore_case_and_blanks() -> None:
    settings = settings_from_args(["--http-status-style= DRF ", "--http-status-lang=KO"])
    assert (settings.style, settings.lang) == ("drf", "ko")


@pytest.mark.parametrize(
    "text", ["3.x", "3", ">=3.x", "3.10;", "python3.11", "<3.12", "3.99999999", ">=3.10 and <4", "3.10 3.11", "~"]
)
def test_a_malformed_target_python_is_an_error_not_a_guess(text: str) -> None:
    with pytest.raises(OptionError, match=r"^http-status-target-python must look like 3\.10 or >=3\.10, not "):
        parse_target_python(text)


@pytest.mark.parametrize(("text", "expected"), [("3.10.4", (3, 10)), (" >= 3.11 , < 4 ", (3, 11)), ("^3.12", (3, 12))])
def test_versions_and_specifiers_as_projects_write_them(text: str, expected: tuple[int, int]) -> None:
    assert parse_target_python(text) == expected


@pytest.mark.parametrize(
    ("values", "option"),
    [
        ({"http_status_ignore_values": ["²"]}, "ignore-values"),  # str.isdigit() says yes, int() says no
        ({"http_status_extra_calls": "helper:" + "9" * 5000}, "extra-calls"),  # int() refuses 4300+ digits
        ({"http_status_extra_codes": ["٤٠٤=ARABIC_DIGITS"]}, "extra-codes"),
        ({"http_status_target_python": "3.x"}, "target-python"),
        ({"http_status_style": "camel"}, "style"),
    ],
)
def test_every_bad_value_is_an_option_error_that_names_its_option(values: dict[str, object], option: str) -> None:
    with pytest.raises(OptionError) as raised:
        settings_from(values)
    assert raised.value.option == option and "\n" not in str(raised.value) and len(str(raised.value)) < 200
