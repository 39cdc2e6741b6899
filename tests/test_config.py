"""One configuration for flake8 and the fixer: the same file is found, and the same keys are read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from flake8.options import config as flake8_config

from flake8_http_status.config import find_config, load
from flake8_http_status.options import OptionError, settings_from

LAYOUTS = {
    "setup-cfg-first": {"setup.cfg": "[flake8]\n", "tox.ini": "[flake8]\n", ".flake8": "[flake8]\n"},
    "tox-without-section": {"tox.ini": "[tox]\n", ".flake8": "[flake8]\n"},
    "local-plugins-section": {"setup.cfg": "[flake8:local-plugins]\n"},
    "parent-directory": {"../setup.cfg": "[flake8]\n"},
    "unparsable-skipped": {"setup.cfg": "not an ini file\n", ".flake8": "[flake8]\n"},
    "none": {"setup.cfg": "[metadata]\n"},
    "above-home-not-read": {"../../setup.cfg": "[flake8]\n"},
}


@pytest.mark.parametrize("layout", LAYOUTS, ids=list(LAYOUTS))
def test_the_same_file_as_flake8_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: str) -> None:
    home = tmp_path / "home"
    cwd = home / "project" / "src"
    cwd.mkdir(parents=True)
    for name, text in LAYOUTS[layout].items():
        (cwd / name).resolve().write_text(text)
    monkeypatch.setenv("HOME", str(home / "project"))
    monkeypatch.chdir(cwd)
    expected = flake8_config._find_config_file(os.path.abspath("."))
    actual = find_config()
    assert (str(actual) if actual else None) == expected


def test_plugin_keys_are_read_with_dashes_or_underscores(tmp_path: Path) -> None:
    (tmp_path / "tox.ini").write_text(
        "[flake8]\nmax-line-length = 100\nhttp-status-style = drf\n"
        "http_status_ignore_values = 200, 204\nhttp-status-extra-codes =\n    499=CLIENT_CLOSED_REQUEST\n    599=NETWORK_TIMEOUT\n"
        "exclude = migrations,docs/build\nextend-exclude = legacy\n"
    )
    config = load(start=tmp_path)
    settings = settings_from(config.values)
    assert settings.style == "drf"
    assert settings.ignore_values == frozenset({200, 204})
    assert sorted(settings.extra_codes) == [499, 599]
    assert config.exclude == ("migrations", str(tmp_path / "docs" / "build"))
    assert config.extend_exclude == ("legacy",)


def test_isolated_reads_nothing_and_an_explicit_file_must_exist(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text("[flake8]\nhttp-status-style = drf\n")
    assert load(isolated=True, start=tmp_path).values == {}
    assert load(tmp_path / "setup.cfg").values == {"http_status_style": "drf"}
    with pytest.raises(OptionError, match="does not exist"):
        load(tmp_path / "missing.cfg")


def test_a_wrong_value_is_an_option_error(tmp_path: Path) -> None:
    (tmp_path / ".flake8").write_text("[flake8]\nhttp-status-style = camelcase\n")
    with pytest.raises(OptionError, match="http-status-style"):
        settings_from(load(start=tmp_path).values)
