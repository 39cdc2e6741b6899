"""`[tool.http-status]` and `[tool.flake8]` in pyproject.toml: one configuration for flake8, `fix` and `check`.

The table holds the options without their `http-status-` prefix, in TOML types; the flake8 configuration
(setup.cfg, tox.ini, .flake8, and `[tool.flake8]` for `fix`) wins where both set an option.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_http_status import per_file_ignores, pyproject_config
from flake8_http_status.cli import main
from flake8_http_status.config import load
from flake8_http_status.options import OptionError, settings_from

VIEW = "from flask import abort\n\n\ndef show():\n    abort(404)\n"
REDIRECT = (  # HTS923, off by default
    "from flask import Flask, redirect, url_for\n\napp = Flask(__name__)\n\n\n"
    '@app.post("/comments")\ndef comment():\n    return redirect(url_for("thread"))\n'
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))  # no configuration above the project is read
    (tmp_path / "views.py").write_text(VIEW)
    return tmp_path


def fix(*args: str) -> int:
    return main(["fix", *args])


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# The table in TOML types


def test_the_table_holds_the_options_in_toml_types(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[project]\nname = "app"\n\n[tool.http-status]\nstyle = "drf"\nignore-values = [200, 204]\n'
        'extra-codes = ["499=CLIENT_CLOSED_REQUEST"]\ntarget-python = "3.11"\nproject-index = false\n'
        'auth-decorators = ["myapp.auth.login_required"]\nlang = "ko"\n',
    )
    config = load()
    settings = settings_from(config.values)
    assert settings.style == "drf" and settings.lang == "ko"
    assert settings.ignore_values == frozenset({200, 204})
    assert sorted(settings.extra_codes) == [499]
    assert settings.target_python == (3, 11)
    assert settings.project_index is False
    assert settings.auth_decorators == ("myapp.auth.login_required",)
    assert config.pyproject == project / "pyproject.toml"


def test_the_nearest_pyproject_with_a_table_is_read(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "pyproject.toml", '[tool.http-status]\nstyle = "drf"\n')
    write(project / "sub" / "pyproject.toml", '[project]\nname = "sub"\n')  # no table: the search goes on
    write(project / "sub" / "deeper" / "pyproject.toml", '[tool.http-status]\nstyle = "fastapi"\n')
    monkeypatch.setenv("HOME", str(project / "home"))  # the search stops below the home directory, as flake8's
    monkeypatch.chdir(project / "sub")
    assert settings_from(load().values).style == "drf"
    monkeypatch.chdir(project / "sub" / "deeper")
    assert settings_from(load().values).style == "fastapi"
    assert load(isolated=True).values == {}


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("style = 1", "style"),
        ('ignore-values = "200"', "ignore-values"),
        ("ignore-values = [200, true]", "ignore-values"),
        ("extra-codes = [499]", "extra-codes"),
        ("target-python = 3.10", "target-python"),  # a float: 3.1
        ('project-index = ["on"]', "project-index"),
        ('select = "HTS"', "select"),
        ('select = ["E501"]', "select"),
        ('per-file-ignores = {"tests/*" = "HTS001"}', "per-file-ignores"),
        ("per-file-ignores = 3", "per-file-ignores"),
        ("exclude = [1]", "exclude"),
    ],
)
def test_a_wrong_toml_type_is_one_line_naming_the_file_and_the_key(
    project: Path, capsys: pytest.CaptureFixture[str], line: str, key: str
) -> None:
    write(project / "pyproject.toml", f"[tool.http-status]\n{line}\n")
    with pytest.raises(OptionError) as raised:
        load()
    message = str(raised.value)
    assert message.startswith(f"pyproject.toml: [tool.http-status] {key}: ") and "\n" not in message, message
    assert fix("--check", ".") == 2
    assert capsys.readouterr().err == f"http-status fix: error: {message}\n"


def test_a_bad_value_in_the_table_names_the_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "pyproject.toml", '[tool.http-status]\nstyle = "camel"\n')
    assert fix("--check", ".") == 2
    assert capsys.readouterr().err.startswith(
        "http-status fix: error: pyproject.toml: http-status-style must be one of"
    )
    assert fix("--check", "--style", "drf", ".") == 1  # a flag overrides the file


def test_a_bad_value_in_tool_flake8_names_the_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "pyproject.toml", '[tool.flake8]\nhttp-status-ignore-values = ["2xx"]\n')
    assert fix("--check", ".") == 2
    assert capsys.readouterr().err == (
        "http-status fix: error: pyproject.toml: http-status-ignore-values: expected integers, not '2xx'\n"
    )


def test_the_file_is_parsed_once_per_process(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(project / "pyproject.toml", '[tool.http-status]\nstyle = "drf"\n')
    parsed: list[str] = []
    parse = pyproject_config._toml

    def counted(text: str) -> dict[str, object]:
        parsed.append(text)
        return parse(text)

    monkeypatch.setattr(pyproject_config, "_toml", counted)
    for _ in range(3):
        assert settings_from(load().values).style == "drf"
    assert len(parsed) == 1
    write(project / "pyproject.toml", '[tool.http-status]\nstyle = "fastapi"\n')  # changed: read again
    assert settings_from(load().values).style == "fastapi"


def test_an_unknown_key_is_a_warning_with_the_closest_name(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "pyproject.toml", '[tool.http-status]\nstlye = "drf"\n\n[tool.flake8]\nhttp-status-lagn = "ko"\n')
    assert fix("--check", ".") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:2] == [
        "http-status fix: warning: pyproject.toml: unknown key http-status-lagn, ignored; did you mean http-status-lang?",
        "http-status fix: warning: pyproject.toml: unknown key stlye in [tool.http-status], ignored; did you mean style?",
    ]


# Precedence


def test_the_flake8_file_wins_where_both_set_an_option(project: Path) -> None:
    write(project / "setup.cfg", "[flake8]\nhttp-status-style = drf\n")
    write(
        project / "pyproject.toml",
        '[tool.http-status]\nstyle = "fastapi"\nlang = "ko"\nignore-values = [204]\n\n'
        '[tool.flake8]\nhttp-status-style = "starlette"\nhttp-status-ignore-values = ["200", "201"]\n',
    )
    config = load()
    settings = settings_from(config.values)
    assert settings.style == "drf"  # setup.cfg over [tool.flake8] over [tool.http-status]
    assert settings.ignore_values == frozenset({200, 201})  # [tool.flake8] over [tool.http-status]
    assert settings.lang == "ko"  # only the table sets it
    assert config.path == project / "setup.cfg"
    assert config.source("lang") == project / "pyproject.toml"
    assert config.source("style") == project / "setup.cfg"


def test_selection_keys_in_the_table(project: Path) -> None:
    write(
        project / "pyproject.toml",
        '[tool.http-status]\nselect = ["HTS0"]\nignore = ["HTS002"]\nextend-select = ["HTS923"]\n'
        'extend-ignore = ["HTS003"]\nper-file-ignores = {"tests/*" = ["HTS001"], "conftest.py" = ["HTS"]}\n'
        'exclude = ["migrations"]\nextend-exclude = ["legacy/*"]\n',
    )
    config = load()
    assert (config.select, config.ignore, config.extend_select) == (("HTS0",), ("HTS002", "HTS003"), ("HTS923",))
    assert per_file_ignores.codes_for(str(project / "tests" / "test_views.py"), config.per_file_ignores) == ("HTS001",)
    assert per_file_ignores.codes_for("conftest.py", config.per_file_ignores) == ("HTS",)
    assert config.exclude == ("migrations",)
    assert config.extend_exclude == (str(project / "legacy" / "*"),)


def test_per_file_ignores_in_flake8_string_form(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.http-status]\nper-file-ignores = "tests/*: HTS001,HTS002"\n')
    codes = per_file_ignores.codes_for(str(project / "tests" / "a.py"), load().per_file_ignores)
    assert codes == ("HTS001", "HTS002")


def test_selection_from_both_files(project: Path) -> None:
    write(project / "setup.cfg", "[flake8]\nselect = E,W,HTS6\nextend-ignore = E203,HTS601\n")
    write(project / "pyproject.toml", '[tool.http-status]\nselect = ["HTS0"]\nignore = ["HTS002"]\n')
    config = load()
    assert config.select == ("HTS6",)  # the flake8 file names this plugin's codes: it wins
    assert set(config.ignore) == {"HTS601", "HTS002"}  # ignores add up: neither file's is lost


# `fix` honours what pyproject.toml tells flake8


@pytest.mark.parametrize(
    "text",
    [
        '[tool.flake8]\nextend-ignore = ["HTS001"]\n',
        '[tool.flake8]\nextend-ignore = "E203, HTS001"\n',
        '[tool.flake8]\nper-file-ignores = ["views.py:HTS001"]\n',
        '[tool.flake8]\nper-file-ignores = """\n    views.py: HTS001\n"""\n',
        '[tool.flake8]\nexclude = ["views.py"]\n',
        '[tool.flake8]\nselect = ["E", "HTS9"]\n',
        '[tool.http-status]\nignore = ["HTS001"]\n',
        '[tool.http-status]\nper-file-ignores = {"views.py" = ["HTS001"]}\n',
        '[tool.http-status]\nextend-exclude = ["views.py"]\n',
    ],
)
def test_fix_leaves_alone_what_pyproject_tells_flake8_to_ignore(
    project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    assert fix("--check", ".") == 1  # without the configuration there is a fix
    write(project / "pyproject.toml", text)
    assert fix(".") == 0
    assert (project / "views.py").read_text() == VIEW, capsys.readouterr().err


def test_fix_takes_plugin_options_from_tool_flake8(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "pyproject.toml", '[tool.flake8]\nhttp-status-style = "starlette"\nmax-line-length = 100\n')
    assert fix("--diff", ".") == 1
    assert "status.HTTP_404_NOT_FOUND" in capsys.readouterr().out


# --config


@pytest.mark.parametrize(
    ("name", "text", "why"),
    [
        ("my.cfg", "[metadata]\nname = app\n", "has no settings in a [flake8] section"),
        ("my.cfg", "[flake8]\n", "has no settings in a [flake8] section"),  # an empty one says nothing either
        ("my.cfg", "", "has no settings in a [flake8] section"),
        (
            "pyproject.toml",
            '[project]\nname = "app"\n',
            "has no settings in a [tool.http-status] or [tool.flake8] table",
        ),
        ("my.toml", "[tool.http-status]\n", "has no settings in a [tool.http-status] or [tool.flake8] table"),
    ],
)
def test_a_config_file_without_settings_is_an_error(
    project: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, why: str
) -> None:
    write(project / "conf" / name, text)
    assert fix("--check", "--config", f"conf/{name}", ".") == 2
    assert capsys.readouterr().err == f"http-status fix: error: the config file conf/{name} {why}\n"


def test_a_config_file_that_is_not_toml_is_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "conf" / "pyproject.toml", "[tool.http-status]\nstyle = \n")
    assert fix("--check", "--config", "conf/pyproject.toml", ".") == 2
    err = capsys.readouterr().err
    assert err.startswith("http-status fix: error: the config file conf/pyproject.toml: not valid TOML: ")
    assert err.count("\n") == 1 and "line 2" in err


def test_a_found_pyproject_that_names_the_table_and_is_not_toml_is_an_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The project's own settings would otherwise be dropped unseen, and rules it turned off would report."""
    write(project / "pyproject.toml", "[tool.http-status]\nstyle = \n")
    write(project / "views.py", VIEW)
    assert fix("--check", ".") == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "http-status fix: error: pyproject.toml: not valid TOML, so [tool.http-status] cannot be read"
    )
    assert err.count("\n") == 1


def test_a_found_pyproject_that_is_not_toml_and_holds_no_table_is_left_to_other_tools(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(project / "pyproject.toml", "[tool.black]\nline-length = \n")
    write(project / "views.py", VIEW)
    assert fix("--check", ".") == 1
    assert "error" not in capsys.readouterr().err


def test_config_names_a_pyproject(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(project / "setup.cfg", "[flake8]\nhttp-status-style = fastapi\n")  # not read: --config names the file
    write(project / "conf" / "pyproject.toml", '[tool.http-status]\nstyle = "drf"\n')
    assert fix("--diff", "--config", "conf/pyproject.toml", ".") == 1
    assert "status.HTTP_404_NOT_FOUND" in capsys.readouterr().out
    write(project / "conf" / "pyproject.toml", '[tool.flake8]\nextend-ignore = ["HTS001"]\n')
    assert fix("--check", "--config", "conf/pyproject.toml", ".") == 0


def test_a_found_pyproject_that_is_not_toml_is_skipped(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Another tool's file, found and not named: its own tools complain; the fix goes on.
    write(project / "pyproject.toml", "[project\n")
    assert fix("--check", ".") == 1


# The plugin under flake8


def flake8_run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """flake8 as a user runs it (only this plugin's findings shown), with no configuration above `cwd`."""
    environment = {**os.environ, "HOME": str(cwd)}
    command = [sys.executable, "-m", "flake8", "--format=%(path)s:%(row)d: %(code)s %(text)s", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=environment, timeout=120, check=False)


def hts(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode in (0, 1), result.stderr
    return [line for line in result.stdout.splitlines() if ": HTS" in line]


def test_flake8_takes_the_options_it_was_not_given_from_the_table(tmp_path: Path) -> None:
    write(tmp_path / "views.py", VIEW)
    write(tmp_path / "pyproject.toml", '[tool.http-status]\nstyle = "drf"\nlang = "en"\n')
    (line,) = hts(flake8_run("views.py", cwd=tmp_path))
    assert "use status.HTTP_404_NOT_FOUND instead of 404" in line
    (line,) = hts(flake8_run("--http-status-style=httpstatus", "views.py", cwd=tmp_path))
    assert "HTTPStatus.NOT_FOUND" in line  # the command line wins
    write(tmp_path / "setup.cfg", "[flake8]\nhttp-status-style = httpstatus\n")
    (line,) = hts(flake8_run("views.py", cwd=tmp_path))
    assert "HTTPStatus.NOT_FOUND" in line  # so does flake8's file
    (line,) = hts(flake8_run("--isolated", "views.py", cwd=tmp_path))
    assert "HTTPStatus.NOT_FOUND" in line  # no file at all: the default style, for Flask


def test_flake8_applies_the_tables_selection(tmp_path: Path) -> None:
    write(tmp_path / "views.py", VIEW)
    write(tmp_path / "tests" / "test_views.py", VIEW)
    write(tmp_path / "pyproject.toml", '[tool.http-status]\nper-file-ignores = {"tests/*" = ["HTS001"]}\n')
    assert [line.split(":")[0] for line in hts(flake8_run(".", cwd=tmp_path))] == ["./views.py"]
    write(tmp_path / "pyproject.toml", '[tool.http-status]\nignore = ["HTS0"]\n')
    assert hts(flake8_run(".", cwd=tmp_path)) == []
    write(tmp_path / "pyproject.toml", '[tool.http-status]\nselect = ["HTS9"]\n')
    assert hts(flake8_run(".", cwd=tmp_path)) == []
    assert len(hts(flake8_run("--select=HTS0", ".", cwd=tmp_path))) == 2  # flake8's own select wins


def test_the_tables_extend_select_turns_on_a_rule_that_is_off_by_default(tmp_path: Path) -> None:
    write(tmp_path / "views.py", REDIRECT)
    assert hts(flake8_run("views.py", cwd=tmp_path)) == []
    write(tmp_path / "pyproject.toml", '[tool.http-status]\nextend-select = ["HTS923"]\n')
    (line,) = hts(flake8_run("views.py", cwd=tmp_path))
    assert ": HTS923 " in line


def test_a_wrong_type_in_the_table_stops_flake8_with_one_line(tmp_path: Path) -> None:
    write(tmp_path / "views.py", VIEW)
    write(tmp_path / "pyproject.toml", "[tool.http-status]\nstyle = 1\n")
    result = flake8_run("views.py", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        "flake8: error: pyproject.toml: [tool.http-status] style: expected a string, not an integer"
    ]
    write(tmp_path / "pyproject.toml", '[tool.http-status]\nstyle = "camel"\n')
    result = flake8_run("views.py", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("flake8: error: pyproject.toml: http-status-style must be one of")
    assert flake8_run("--isolated", "views.py", cwd=tmp_path).returncode == 1


# `check` and flake8 agree under the table


@pytest.mark.parametrize(
    "text",
    [
        '[tool.http-status]\nstyle = "drf"\nextend-select = ["HTS923"]\nper-file-ignores = {"tests/*" = ["HTS001"]}\n',
        '[tool.http-status]\nselect = ["HTS9"]\n',
        '[tool.http-status]\nignore = ["HTS001"]\nextend-select = ["HTS9"]\n',
    ],
)
def test_check_and_flake8_agree_under_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    write(tmp_path / "views.py", VIEW)
    write(tmp_path / "tests" / "test_views.py", VIEW)
    write(tmp_path / "comments.py", REDIRECT)
    write(tmp_path / "pyproject.toml", text)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    result = flake8_run("--format=%(path)s:%(row)d:%(col)d: %(code)s %(text)s", ".", cwd=tmp_path)
    by_flake8 = sorted(line.removeprefix("./") for line in hts(result))
    checked = subprocess.run(
        [sys.executable, "-m", "flake8_http_status", "check", "."],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "HOME": str(tmp_path)},
        timeout=120,
        check=False,
    )
    assert checked.returncode in (0, 1), checked.stderr
    assert sorted(line for line in checked.stdout.splitlines() if ": HTS" in line) == by_flake8
    assert by_flake8  # each case reports something


def test_one_flake8_run_looks_for_the_file_once_and_the_next_run_again(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`add_options` finds the file, `parse_options` of the same run takes what it found (start-up, issue 16);
    a later run in the same process (an editor's long-lived flake8) looks again and sees a changed file."""
    from flake8.main.cli import main as flake8_main

    from flake8_http_status import plugin

    searches: list[tuple[str | None, bool]] = []
    search = pyproject_config.for_flake8

    def counted(config: str | None, isolated: bool) -> pyproject_config.Pyproject | None:
        searches.append((config, isolated))
        return search(config, isolated)

    monkeypatch.setattr(pyproject_config, "for_flake8", counted)
    monkeypatch.setattr(sys, "argv", ["flake8", "--select=HTS", "views.py"])

    def run() -> list[str]:
        capsys.readouterr()
        flake8_main(sys.argv[1:])
        return [line for line in capsys.readouterr().out.splitlines() if "HTS" in line]

    try:
        write(project / "pyproject.toml", '[tool.http-status]\nstyle = "drf"\n')
        (line,) = run()
        assert "status.HTTP_404_NOT_FOUND" in line
        assert searches == [(None, False)]
        write(project / "pyproject.toml", '[tool.http-status]\nstyle = "httpstatus"\n')
        (line,) = run()
        assert "HTTPStatus.NOT_FOUND" in line
        assert len(searches) == 2
        write(project / "pyproject.toml", '[tool.http-status]\nstyle = "nope"\n')
        with pytest.raises(SystemExit) as exit_status:
            run()
        assert exit_status.value.code == 2 and "style" in capsys.readouterr().err
        assert len(searches) == 3
    finally:
        plugin.HttpStatusChecker.settings = settings_from({})  # flake8 set the class's options
        plugin.HttpStatusChecker.shown = plugin.HttpStatusChecker.table = None
