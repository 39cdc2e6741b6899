"""Issue 11, second review: names bound where no statement of the file shows it.

* In a package's `__init__.py`, a submodule beside it (`status.py`, `status/`) is bound as a global by
  any import of it anywhere: `from .routes import router`, where `routes.py` does `from .status import
  health`, turned an added `from fastapi import status` into the module `api.status` (AttributeError).
  The fixer reads the directory's names (never imports anything) and writes another spelling; the
  verifier reads them too and refuses the bare name.
* A module that writes its own namespace (`globals()[...] = ...`, `exec`, `vars()`, `sys.modules`)
  may bind any name, as a star import may: a fix that writes a global import's name there is unsafe,
  and the verifier refuses it as a safe fix.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from fixing import fix, outcome

from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer.errors import FixError, FixFailure
from flake8_http_status.fixer.siblings import sibling_modules
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent

INIT = (
    "from fastapi import FastAPI\n\nfrom .routes import router\n\napp = FastAPI()\napp.include_router(router)\n\n\n"
    '@app.post("/items", status_code=201)\ndef create():\n    return {}\n'
)


def package(tmp_path: Path, *siblings: str) -> str:
    """A package directory holding `__init__.py` and the given entries (a name ending in `/` is a directory)."""
    root = tmp_path / "api"
    root.mkdir()
    (root / "__init__.py").write_text(INIT)
    for name in siblings:
        (root / name.rstrip("/")).mkdir() if name.endswith("/") else (root / name).write_text("")
    return str(root / "__init__.py")


@pytest.mark.parametrize("sibling", ["status.py", "status/", "status.cpython-312-x86_64-linux-gnu.so"])
def test_a_package_init_never_writes_a_sibling_submodules_name(tmp_path: Path, sibling: str) -> None:
    filename = package(tmp_path, sibling, "routes.py")
    fixed = fix(INIT, filename=filename)
    assert "status_code=http_status.HTTP_201_CREATED" in fixed
    assert "from fastapi import status as http_status\n" in fixed and "import FastAPI, status" not in fixed


def test_a_package_init_without_such_a_sibling_still_writes_status(tmp_path: Path) -> None:
    fixed = fix(INIT, filename=package(tmp_path, "routes.py", "statuses.py"))
    assert "from fastapi import FastAPI, status\n" in fixed and "status_code=status.HTTP_201_CREATED" in fixed


def test_a_sibling_is_not_reused_either(tmp_path: Path) -> None:
    source = INIT.replace("import FastAPI\n", "import FastAPI, status\n")
    fixed = fix(source, filename=package(tmp_path, "status.py"))
    assert "status_code=status." not in fixed and "status_code=http_status.HTTP_201_CREATED" in fixed


def test_only_a_package_init_has_siblings(tmp_path: Path) -> None:
    filename = package(tmp_path, "status.py")
    assert sibling_modules(filename) == {"status"}
    assert sibling_modules(str(Path(filename).with_name("routes.py"))) == frozenset()


def safe(line: int, start: int, end: int, text: str, *imports: NewImport, unsafe: bool = False) -> Finding:
    change = Edit(Position(line, start), Position(line, end), text)
    safety = FixSafety.UNSAFE if unsafe else FixSafety.SAFE
    return Finding("HTS001", "test", change.start, change.end, Fix((change,), safety, imports))


def verify(original: str, rewritten: str, finding: Finding, filename: str = "") -> None:
    check_equivalent(original, split_lines(original), ast.parse(original), rewritten, [finding], filename=filename)


WRITTEN = INIT.replace("import FastAPI\n", "import FastAPI, status\n").replace(
    "status_code=201", "status_code=status.HTTP_201_CREATED"
)
CREATED = safe(9, 30, 33, "status.HTTP_201_CREATED", NewImport("fastapi", "status"))


def test_the_verifier_refuses_a_sibling_submodules_name_in_a_package_init(tmp_path: Path) -> None:
    filename = package(tmp_path, "status.py", "routes.py")
    with pytest.raises(FixError) as caught:
        verify(INIT, WRITTEN, CREATED, filename)
    assert caught.value.cause is FixFailure.UNVERIFIED and "submodule" in str(caught.value)
    verify(INIT, WRITTEN, CREATED, str(tmp_path / "api" / "views.py"))  # a module beside it may


# -- modules that write their own namespace -------------------------------------------------------------

DYNAMIC = (
    "import sys\n\nfrom fastapi import APIRouter\n\nrouter = APIRouter()\n{write}\n\n\n"
    '@router.post("/a", status_code=201)\ndef a():\n    return {{}}\n'
)
WRITES = [
    pytest.param('globals()["status"] = "ready"', id="globals-item"),
    pytest.param('globals().update(status="ready")', id="globals-update"),
    pytest.param("exec(\"status = 'ready'\")", id="exec"),
    pytest.param('vars()["status"] = "ready"', id="vars"),
    pytest.param('setattr(sys.modules[__name__], "status", "ready")', id="sys-modules"),
    pytest.param('def setup():\n    globals()["status"] = "ready"', id="from-a-function"),
]


@pytest.mark.parametrize("write", WRITES)
def test_a_fix_in_a_module_that_writes_its_namespace_is_unsafe(write: str) -> None:
    source = DYNAMIC.format(write=write)
    held = outcome(source)
    assert not held.changed and held.held_back == 1
    assert "status_code=status.HTTP_201_CREATED" in fix(source, unsafe=True)


def test_a_module_that_only_assigns_plainly_is_still_fixed() -> None:
    fixed = fix(DYNAMIC.format(write='STATE = {"status": "ready"}'))
    assert "from fastapi import APIRouter, status\n" in fixed and "status_code=status.HTTP_201_CREATED" in fixed


@pytest.mark.parametrize("write", WRITES)
def test_the_verifier_refuses_a_safe_fix_the_namespace_writes_may_rebind(write: str) -> None:
    original = DYNAMIC.format(write=write)
    rewritten = original.replace("import APIRouter", "import APIRouter, status").replace(
        "status_code=201", "status_code=status.HTTP_201_CREATED"
    )
    line = original.splitlines().index('@router.post("/a", status_code=201)') + 1
    column = original.splitlines()[line - 1].index("201")
    finding = safe(line, column, column + 3, "status.HTTP_201_CREATED", NewImport("fastapi", "status"))
    with pytest.raises(FixError) as caught:
        verify(original, rewritten, finding)
    assert "writes its own namespace" in str(caught.value)
    verify(original, rewritten, finding._replace(fix=finding.fix._replace(safety=FixSafety.UNSAFE)))  # type: ignore[union-attr]
