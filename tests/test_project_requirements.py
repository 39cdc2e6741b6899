"""What a project admits, read from markers, Poetry's constraint lists, setup.cfg/setup.py and pip requirements
files; and what is assumed when nothing is declared (issue 11, item 1e, second review)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flake8_http_status.engine import analyse
from flake8_http_status.fixer.pipeline import FixOptions, fix_text
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.markers import marker_condition
from flake8_http_status.options import Settings
from flake8_http_status.project import _named_like, pyproject_for
from flake8_http_status.versions import Span

FASTAPI = (
    "from fastapi import FastAPI, HTTPException\n\napp = FastAPI()\n\n\n"
    '@app.get("/")\ndef view(flag: bool):\n    if flag:\n        raise HTTPException(status_code=422)\n'
    "    raise HTTPException(status_code=404)\n"
)
DRF = "from rest_framework.response import Response\n\n\ndef view(request):\n    return Response(status=425)\n"
FLASK = (
    'from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route("/early")\ndef early():\n    return "x", 425\n'
)


def write(directory: Path, name: str, text: str) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(text, encoding="utf-8")
    return directory / "app.py"


def fixed(source: str, path: Path) -> str:
    """`source` fixed as `http-status fix` would beside `path`; a second run changes nothing."""
    first = fix_text(source, str(path), FixOptions(Settings()))
    assert not fix_text(first.text, str(path), FixOptions(Settings())).changed
    return first.text


def message(source: str, path: Path, code: str) -> str:
    (finding,) = [
        f for f in analyse(ast.parse(source), split_lines(source), str(path), Settings()) if code in f.message
    ]
    assert finding.fix is None
    return finding.message


def pyproject(directory: Path, dependencies: str, requires: str = ">=3.10") -> Path:
    text = f'[project]\nname = "x"\nrequires-python = "{requires}"\ndependencies = {dependencies}\n'
    return write(directory, "pyproject.toml", text)


# Environment markers: requirements under different markers are alternatives.

SPLIT = """["starlette==0.47.3; python_version<'3.11'", "starlette>=0.48; python_version>='3.11'", "fastapi"]"""


def test_requirements_under_different_markers_unite(tmp_path: Path) -> None:
    path = pyproject(tmp_path, SPLIT)
    assert pyproject_for(path).starlette == Span((0, 47, 3), None)  # the markers cover 3.10 and later
    text = fixed(FASTAPI, path)
    assert "status_code=422" in text and "status.HTTP_404_NOT_FOUND" in text
    assert "HTTP_422_UNPROCESSABLE_CONTENT is missing before Starlette 0.48" in message(FASTAPI, path, "422")


@pytest.mark.parametrize(
    ("dependencies", "span"),
    [
        # A marker that holds on every admitted Python is no condition: it meets the others.
        ("""["starlette>=0.48; python_version>='3.8'", "starlette<2"]""", Span((0, 48, 0), (2, 0, 0))),
        # One that holds on none of them is dropped.
        ("""["starlette<0.48; python_version<'3.10'", "starlette>=0.48"]""", Span((0, 48, 0), None)),
        # The same marker twice: both apply together.
        ("""["starlette>=0.48; sys_platform=='linux'", "starlette<1; sys_platform == 'linux'"]""", Span()),
        # Markers that do not cover every Python leave an environment that asks for no Starlette.
        ("""["starlette>=0.48; python_version>='3.11'"]""", Span()),
        ("""["starlette>=0.48; python_version>='3.11'", "starlette>=0.40"]""", Span((0, 40, 0), None)),
    ],
)
def test_markers_decided_by_the_admitted_pythons(tmp_path: Path, dependencies: str, span: Span) -> None:
    assert pyproject_for(pyproject(tmp_path, dependencies)).starlette == span


def test_a_marker_that_always_holds_still_gets_the_new_name(tmp_path: Path) -> None:
    path = pyproject(tmp_path, """["starlette>=0.48; python_version>='3.8'", "fastapi"]""")
    assert "status.HTTP_422_UNPROCESSABLE_CONTENT" in fixed(FASTAPI, path)


@pytest.mark.parametrize(
    ("marker", "never", "always"),
    [
        ("python_version < '3.11'", False, False),
        ('python_version >= "3.8"', False, True),
        ("python_version <= '3.9'", True, False),
        ("python_full_version < '3.10.0'", True, False),
        ("'3.10' <= python_version", False, True),
        ("python_version < '3.10' and sys_platform == 'win32'", True, False),
        ("python_version < '3.11' or python_version >= '3.11'", False, True),
        ("(python_version == '3.9' or extra == 'x')", False, False),
        ("sys_platform == 'win32'", False, False),
        ("python_version in '3.8 3.9'", False, False),
        ("python_version <", False, False),  # unreadable: may hold anywhere, holds nowhere for certain
    ],
)
def test_marker_conditions(marker: str, never: bool, always: bool) -> None:
    condition = marker_condition(marker)
    assert (condition.never(Span((3, 10))), condition.always(Span((3, 10)))) == (never, always)


def test_poetry_constraint_lists_and_python_keys(tmp_path: Path) -> None:
    listed = (
        '[tool.poetry.dependencies]\npython = ">=3.10"\nfastapi = "*"\nstarlette = [\n'
        '  {version = "0.47.3", python = "<3.11"},\n  {version = ">=0.48", python = ">=3.11"},\n]\n'
    )
    keyed = '[tool.poetry.dependencies]\npython = ">=3.10"\nstarlette = {version = "<0.48", python = "<3.11"}\n'
    dropped = (
        '[tool.poetry.dependencies]\npython = ">=3.10"\nstarlette = [{version = "<0.48", python = "<3.10"}, ">=0.48"]\n'
    )
    assert pyproject_for(write(tmp_path / "a", "pyproject.toml", listed)).starlette == Span((0, 47, 3), None)
    # Starlette asked for on 3.10 only: on 3.11 any release may come, so the old names may warn.
    assert pyproject_for(write(tmp_path / "b", "pyproject.toml", keyed)).starlette == Span()
    assert pyproject_for(write(tmp_path / "c", "pyproject.toml", dropped)).starlette == Span((0, 48, 0), None)
    assert "status_code=422" in fixed(FASTAPI, tmp_path / "a" / "app.py")


# The Python floor from setup.cfg and setup.py.


def test_setup_cfg_python_requires_sets_the_floor(tmp_path: Path) -> None:
    path = write(tmp_path, "setup.cfg", "[metadata]\nname = x\n\n[options]\npython_requires = >=3.8\n")
    assert pyproject_for(path).python == (3, 8)
    assert fixed(FLASK, path) == FLASK  # HTTPStatus.TOO_EARLY arrived in Python 3.9
    assert "missing before Python 3.9" in message(FLASK, path, "425")
    newer = write(tmp_path / "new", "setup.cfg", "[options]\npython_requires = >=3.9\n")
    assert "HTTPStatus.TOO_EARLY" in fixed(FLASK, newer)


def test_setup_py_python_requires_is_read_without_running_it(tmp_path: Path) -> None:
    literal = 'import setuptools\nsetuptools.setup(name="x", python_requires=">=3.8")\nraise SystemExit(1)\n'
    computed = 'from setuptools import setup\nsetup(name="x", python_requires=">=3." + "8")\n'
    assert pyproject_for(write(tmp_path / "a", "setup.py", literal)).python == (3, 8)
    assert pyproject_for(write(tmp_path / "b", "setup.py", computed)).python == (3, 10)  # unknown: the default


def test_precedence_and_the_nearest_root(tmp_path: Path) -> None:
    for directory in ("a", "b", "c"):
        write(tmp_path / directory, "setup.cfg", "[options]\npython_requires = >=3.8\n")
        write(tmp_path / directory, "setup.py", 'setup(python_requires=">=3.7")\n')
    write(tmp_path / "a", "pyproject.toml", '[project]\nname = "x"\nrequires-python = ">=3.11"\n')
    write(tmp_path / "b", "pyproject.toml", "[tool.black]\nline-length = 100\n")
    (tmp_path / "c" / "setup.cfg").write_text("[metadata]\nname = x\n", encoding="utf-8")
    assert pyproject_for(tmp_path / "a" / "m.py").python == (3, 11)
    assert pyproject_for(tmp_path / "b" / "m.py").python == (3, 8)
    assert pyproject_for(tmp_path / "c" / "m.py").python == (3, 7)
    # A setup.cfg holding only tool settings does not make a root: the project above still speaks.
    inner = write(tmp_path / "b" / "pkg", "setup.cfg", "[flake8]\nmax-line-length = 100\n")
    assert pyproject_for(inner).python == (3, 8)


# Requirements files, and what an unknown range admits.


def test_requirements_txt_pins_drf(tmp_path: Path) -> None:
    path = write(tmp_path, "requirements.txt", "django==4.2.*\ndjangorestframework==3.13.1\n")
    assert fixed(DRF, path) == DRF
    assert "HTTP_425_TOO_EARLY is missing before DRF 3.14" in message(DRF, path, "425")
    newer = write(tmp_path / "new", "requirements.txt", "djangorestframework>=3.14  # api\n")
    assert "status.HTTP_425_TOO_EARLY" in fixed(DRF, newer)


def test_requirements_files_are_alternatives_and_their_options_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "requirements.txt", "-r requirements/base.txt\n--index-url https://example.org/simple\n")
    write(tmp_path / "requirements", "base.txt", "djangorestframework==3.15.2 \\\n    --hash=sha256:00\n")
    write(tmp_path / "requirements", "legacy.txt", "-e .\nhttps://example.org/x.whl\ndjangorestframework>=3.13,<3.14\n")
    assert pyproject_for(tmp_path / "app.py").drf == Span((3, 13, 0), (3, 15, 3))
    assert "status.HTTP_425_TOO_EARLY" in fixed(
        DRF, write(tmp_path / "b", "requirements-dev.txt", "djangorestframework~=3.15.0\n")
    )


def test_pyproject_dependencies_win_over_requirements_files(tmp_path: Path) -> None:
    path = pyproject(tmp_path, '["djangorestframework>=3.14"]')
    write(tmp_path, "requirements.txt", "djangorestframework==3.13.1\n")
    assert pyproject_for(path).drf == Span((3, 14, 0), None)


@pytest.mark.parametrize(
    ("source", "code", "why"),
    [
        (DRF, "425", "HTTP_425_TOO_EARLY is missing before DRF 3.14"),
        (
            'from starlette.responses import RedirectResponse\n\n\ndef f():\n    return RedirectResponse("/", status_code=308)\n',
            "308",
            "HTTP_308_PERMANENT_REDIRECT is missing before Starlette 0.14.2",
        ),
    ],
)
def test_an_undeclared_range_admits_releases_without_the_name(tmp_path: Path, source: str, code: str, why: str) -> None:
    path = pyproject(tmp_path, "[]")
    assert fixed(source, path) == source
    assert why in message(source, path, code)


# Older releases (second review of issue 11): names that arrived before the releases first probed.


def _view(code: int, family: str) -> str:
    if family == "drf":
        return f"from rest_framework.response import Response\n\n\ndef view(request):\n    return Response(status={code})\n"
    if family == "starlette":
        return f"from starlette.exceptions import HTTPException\n\n\ndef view():\n    raise HTTPException(status_code={code})\n"
    return f"def test_view(client):\n    assert client.get('/').status_code == {code}\n"


@pytest.mark.parametrize(
    ("dependencies", "requires", "family", "code", "first"),
    [
        ('["djangorestframework>=3.0"]', ">=3.10", "drf", 423, "DRF 3.7"),
        ('["djangorestframework>=3.7"]', ">=3.10", "drf", 426, "DRF 3.10"),
        ('["starlette"]', ">=3.10", "starlette", 425, "Starlette 0.13.2"),
        ("[]", ">=3.6", "python", 421, "Python 3.7"),
        ("[]", ">=3.7", "python", 451, "Python 3.8"),
    ],
)
def test_names_older_releases_lack_get_no_fix(
    tmp_path: Path, dependencies: str, requires: str, family: str, code: int, first: str
) -> None:
    path = pyproject(tmp_path, dependencies, requires)
    source = _view(code, family)
    assert fixed(source, path) == source
    assert f"is missing before {first}" in message(source, path, str(code))


@pytest.mark.parametrize(
    ("dependencies", "requires", "family", "code", "written"),
    [
        ('["djangorestframework>=3.7"]', ">=3.10", "drf", 423, "status.HTTP_423_LOCKED"),
        ('["djangorestframework>=3.10"]', ">=3.10", "drf", 426, "status.HTTP_426_UPGRADE_REQUIRED"),
        ('["starlette>=0.13.2"]', ">=3.10", "starlette", 425, "status.HTTP_425_TOO_EARLY"),
        ("[]", ">=3.8", "python", 451, "HTTPStatus.UNAVAILABLE_FOR_LEGAL_REASONS"),
    ],
)
def test_names_get_a_fix_once_the_floor_has_them(
    tmp_path: Path, dependencies: str, requires: str, family: str, code: int, written: str
) -> None:
    assert written in fixed(_view(code, family), pyproject(tmp_path, dependencies, requires))


NAMES = [
    "requirements.txt",
    "requirements-dev.txt",
    "requirements_test.txt",
    "Requirements.txt",
    "requirements.TXT",
    "requirementstxt",
    "requirements.txt.bak",
    "requirements.in",
    "old-requirements.txt",
    "requirements\n.txt",
    ".txt",
    "a.txt",
    "z.txt",
]


@pytest.mark.parametrize(("where", "prefix"), [(".", "requirements"), ("requirements", "")])
def test_requirement_files_are_listed_as_a_glob_finds_them(tmp_path: Path, where: str, prefix: str) -> None:
    """`_named_like` lists and compares names in place of `Path.glob`, which costs more in a large folder: the same
    paths, in the same order, folders among them (`_requirement_files` keeps the files)."""
    folder = tmp_path / where
    folder.mkdir(exist_ok=True)
    for name in NAMES:
        (folder / name).write_text("flask\n", encoding="utf-8")
    (folder / "requirements-docs.txt").mkdir()
    assert _named_like(folder, prefix, ".txt") == sorted(folder.glob(prefix + "*.txt"))
    assert _named_like(tmp_path / "missing", prefix, ".txt") == []
