"""Issue 11, second review: an import a fix adds runs no earlier than the code the module runs before its own.

`import pytest; pytest.importorskip("fastapi"); from fastapi import FastAPI` is skipped without FastAPI;
an added `from fastapi import status` right after `import pytest` made it a collection error. A
`sys.path.insert(...)` before `from fastapi import FastAPI` makes the package importable; an added import
above it failed with ModuleNotFoundError. So a new import of a package other than the standard library
goes into the module's first unconditional import of that package, or right after it, and the speller
writes it only where that import has run. The verifier holds every rewrite to the same on its own.

The rewritten modules are run here against a throwaway `fastapi` package written by the test (a module
with a `status` attribute), never against analysed code.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fixing import fix

from flake8_http_status.findings import Edit, Finding, Fix, FixSafety, NewImport, Position
from flake8_http_status.fixer.errors import FixError, FixFailure
from flake8_http_status.fixer.source import split_lines
from flake8_http_status.fixer.verify import check_equivalent

SKIPPED = textwrap.dedent(
    """\
    import pytest

    pytest.importorskip("fastapi")
    from fastapi import FastAPI


    def test_root(client):
        response = client.get("/")
        assert response.status_code == 200
    """
)

SYS_PATH = textwrap.dedent(
    """\
    import os
    import sys

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "libs"))
    from fastapi import FastAPI

    app = FastAPI()


    @app.post("/items", status_code=201)
    def create():
        return {}
    """
)

FASTAPI_STUB = """
class _Status:
    HTTP_200_OK = 200
    HTTP_201_CREATED = 201


status = _Status()


class FastAPI:
    def post(self, path, status_code=200):
        return lambda function: function

    def get(self, path):
        return 200
"""


def runs(source: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Import `source` with a stand-in `fastapi` only under `libs/`, where the module's own code finds it."""
    (tmp_path / "libs" / "fastapi").mkdir(parents=True)
    (tmp_path / "libs" / "fastapi" / "__init__.py").write_text(FASTAPI_STUB)
    (tmp_path / "snippet.py").write_text(source)
    return subprocess.run(
        [sys.executable, "-c", "import snippet"], cwd=tmp_path, capture_output=True, text=True, check=False
    )


def test_an_added_import_goes_into_the_import_after_importorskip() -> None:
    fixed = fix(SKIPPED)
    assert fixed.startswith('import pytest\n\npytest.importorskip("fastapi")\nfrom fastapi import FastAPI, status\n')
    assert "response.status_code == status.HTTP_200_OK" in fixed


def test_an_added_import_goes_after_sys_path_setup(tmp_path: Path) -> None:
    fixed = fix(SYS_PATH)
    assert "from fastapi import FastAPI, status\n" in fixed and "status_code=status.HTTP_201_CREATED" in fixed
    assert runs(fixed, tmp_path).returncode == 0, runs(fixed, tmp_path / "again").stderr


def test_a_new_statement_goes_right_after_the_packages_first_import() -> None:
    source = SYS_PATH.replace("from fastapi import FastAPI", "from fastapi.applications import FastAPI")
    fixed = fix(source)
    assert "from fastapi.applications import FastAPI\nfrom fastapi import status\n\napp = FastAPI()" in fixed


def test_the_packages_own_import_in_the_head_still_takes_the_name() -> None:
    source = SYS_PATH.replace('sys.path.insert(0, os.path.join(os.path.dirname(__file__), "libs"))\n', "")
    assert "from fastapi import FastAPI, status\n" in fix(source)


def test_in_the_import_block_the_new_import_goes_after_whatever_precedes_the_packages() -> None:
    """`import setup_paths` may put the package on `sys.path`; isort's place right above the package's own
    import is as late, since no code runs between the two."""
    source = (
        "import setup_paths\nfrom fastapi.responses import JSONResponse\n\n\n"
        "def view():\n    return JSONResponse({}, status_code=201)\n"
    )
    fixed = fix(source)
    assert fixed.startswith(
        "import setup_paths\nfrom fastapi import status\nfrom fastapi.responses import JSONResponse\n"
    )


def test_the_standard_librarys_http_still_goes_to_the_head() -> None:
    source = 'import sys\n\nsys.path.insert(0, "libs")\nfrom flask import abort\n\n\ndef view():\n    abort(404)\n'
    fixed = fix(source)
    assert fixed.startswith("import sys\nfrom http import HTTPStatus\n") and "abort(HTTPStatus.NOT_FOUND)" in fixed


def test_a_use_before_the_packages_import_is_left_alone() -> None:
    """A function defined above the package's import may run before it: no fix writes the package there."""
    source = (
        "import sys\n\n\ndef early():\n    raise HTTPException(404)\n\n\n"
        'sys.path.insert(0, "libs")\nfrom fastapi import HTTPException\n\n\ndef late():\n    raise HTTPException(410)\n'
    )
    fixed = fix(source)
    assert "raise HTTPException(404)" in fixed and "raise HTTPException(status.HTTP_410_GONE)" in fixed
    assert fixed.startswith("import sys\n\n\ndef early():")


# -- the verifier, on its own ---------------------------------------------------------------------------


def finding(line: int, start: int, end: int, text: str, new: NewImport) -> Finding:
    change = Edit(Position(line, start), Position(line, end), text)
    return Finding("HTS001", "test", change.start, change.end, Fix((change,), FixSafety.SAFE, (new,)))


def verify(original: str, rewritten: str, *findings: Finding) -> None:
    check_equivalent(original, split_lines(original), ast.parse(original), rewritten, findings)


STATUS = NewImport("fastapi", "status")
CREATED = finding(10, 30, 33, "status.HTTP_201_CREATED", STATUS)


def test_the_verifier_refuses_an_added_import_above_the_packages_own() -> None:
    rewritten = SYS_PATH.replace("import sys\n", "import sys\n\nfrom fastapi import status\n").replace(
        "status_code=201", "status_code=status.HTTP_201_CREATED"
    )
    with pytest.raises(FixError) as caught:
        verify(SYS_PATH, rewritten, CREATED)
    assert caught.value.cause is FixFailure.UNVERIFIED and "before the module's own import of `fastapi`" in str(
        caught.value
    )


@pytest.mark.parametrize(
    "placed",
    [
        "from fastapi import FastAPI, status\n",
        "from fastapi import FastAPI\nfrom fastapi import status\n",
        "from fastapi import status\nfrom fastapi import FastAPI\n",  # right before it: nothing runs in between
    ],
)
def test_the_verifier_accepts_an_added_import_after_the_packages_own(placed: str) -> None:
    rewritten = SYS_PATH.replace("from fastapi import FastAPI\n", placed).replace(
        "status_code=201", "status_code=status.HTTP_201_CREATED"
    )
    verify(SYS_PATH, rewritten, CREATED)
