"""`leading_imports.py`: which of the package's modules a module imports before anything else in its body runs, and
the real package loaded ahead by `kept_code` in the order of a normal import."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import flake8_http_status
from flake8_http_status import kept_code_build
from flake8_http_status.leading_imports import leading_imports
from flake8_http_status.user_cache import KEY_DIR_VARIABLE, NO_CACHE_VARIABLE

PACKAGES = {"pkg", "pkg.sub", "pkg.sub.deep"}
MODULES = {"pkg.a", "pkg.b", "pkg.sub.c", "pkg.sub.d", "pkg.sub.m", "pkg.sub.deep.e", "pkg.m", "pkg.sub.inner"}


def _kind(name: str) -> str | None:
    return "package" if name in PACKAGES else "module" if name in MODULES else None


def _leading(source: str, name: str = "pkg.sub.m", *, is_package: bool = False) -> list[tuple[str, tuple[str, ...]]]:
    return list(leading_imports(ast.parse(source), name, is_package, "pkg", _kind))


def test_the_package_modules_of_the_leading_imports_in_order_with_the_names_taken() -> None:
    source = (
        '"""A docstring."""\n'
        "from __future__ import annotations\n"
        "import os\n"
        "from typing import TYPE_CHECKING\n"
        "from pkg.sub.deep import e\n"
        "from . import d, not_a_module\n"
        "if TYPE_CHECKING:\n"
        "    from pkg import b\n"
        "from ..a import thing\n"
        "import pkg.b, json\n"
        "from .deep import e\n"
    )
    assert _leading(source) == [  # names are kept for a package only: a module's are its attributes
        ("pkg.sub.deep", ("e",)),
        ("pkg.sub", ("d", "not_a_module")),
        ("pkg.a", ()),
        ("pkg.b", ()),
    ]


@pytest.mark.parametrize(
    "first",
    [
        "X = 1\n",
        "try:\n    import tomllib\nexcept ImportError:\n    tomllib = None\n",
        "if sys.version_info >= (3, 11):\n    import tomllib\n",
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    pass\nelse:\n    import json\n",
        "if TYPE_CHECKING:\n    pass\n",
        "print('a docstring is first only')\n",
        "import flask\n",
        "from libcst import Module\n",
        "from ....above import x\n",
        "from .missing import x\n",
        "from .deep.nothing import x\n",
    ],
    ids=[
        "assignment",
        "try",
        "another if",
        "if TYPE_CHECKING with else",
        "TYPE_CHECKING not bound",
        "a call",
        "another package",
        "another package's module",
        "above the top-level package",
        "no module of the package",
        "no module of the package, in a package",
    ],
)
def test_any_other_statement_ends_them(first: str) -> None:
    assert _leading("import pkg.a\n" + first + "import pkg.b\n") == [("pkg.a", ())]


def test_relative_imports_from_a_package_and_from_a_module() -> None:
    assert _leading("from .. import a\nfrom .deep import e\n", "pkg.sub", is_package=True) == [("pkg", ("a",))]
    assert _leading("from . import a\nfrom .sub import c\nimport typing\nfrom .a import f\n", "pkg.m") == [
        ("pkg", ("a",)),
        ("pkg.sub", ("c",)),
        ("pkg.a", ()),
    ]


def test_the_module_and_its_packages_are_left_out_and_its_own_submodules_end_them() -> None:
    """Its packages are loaded before it runs; a package's own submodules are left to its body, which may bind the
    names first (`from .helpers import inner` then `from . import inner`)."""
    source = "import pkg.sub\nfrom .. import sub\nfrom . import inner\nimport pkg.a\n"
    assert _leading(source, "pkg.sub", is_package=True) == [("pkg", ("sub",))]
    assert _leading("import pkg.sub.m\nfrom .m.x import y\nimport pkg.a\n", "pkg.sub.m", is_package=True) == []
    assert _leading("from pkg import *\nfrom pkg.sub import c\n") == [("pkg", ("*",)), ("pkg.sub", ("c",))]


def test_every_module_of_the_package_lists_only_modules_it_imports_at_its_top() -> None:
    """On the package itself: each leading import is of the package, by a statement before the body's first
    statement of another kind (the check reads the statements on its own)."""
    root = Path(flake8_http_status.__file__).parent
    kind = kept_code_build._kind_in(str(root), "flake8_http_status")
    listed = 0
    for path in sorted(root.rglob("*.py")):
        name = ".".join(("flake8_http_status", *path.relative_to(root).with_suffix("").parts)).removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        leading = leading_imports(tree, name, path.name == "__init__.py", "flake8_http_status", kind)
        top = " ".join(ast.unparse(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom))
        for module, names in leading:
            assert module.startswith("flake8_http_status"), (name, module)
            assert all(taken in top for taken in names), (name, module)
            holds = (name + ".").startswith(module + ".")  # `from . import x`, `from .. import y`
            assert holds or module.rpartition(".")[2] in top, (name, module)
        listed += len(leading)
    assert listed > 300


# The real package in fresh processes: with another thread running, nothing is loaded ahead.

_RUN = """
import json, sys, threading
from flake8_http_status import kept_code
loaded = []
original = kept_code.KeptCode._load
def counting(self, name, *arguments):
    done = original(self, name, *arguments)
    loaded.append(name) if done else None
    return done
kept_code.KeptCode._load = counting
release = threading.Event()
if sys.argv[2] == "thread":
    threading.Thread(target=release.wait).start()
from flake8.main.cli import main
try:
    main(["-j1", "--exit-zero", "--select=HTS", sys.argv[1]])
except SystemExit:
    pass
release.set()
print(json.dumps([[n for n in sys.modules if n.startswith("flake8_http_status")], len(loaded)]), file=sys.stderr)
"""


def _fresh(path: Path, keys: Path, mode: str) -> tuple[str, list[str], int]:
    environ = {**os.environ, KEY_DIR_VARIABLE: str(keys), NO_CACHE_VARIABLE: ""}
    done = subprocess.run(
        [sys.executable, "-c", _RUN, str(path), mode], capture_output=True, text=True, check=True, env=environ
    )
    modules, loaded = json.loads(done.stderr.strip().splitlines()[-1])
    return done.stdout, modules, loaded


@pytest.mark.parametrize(
    "fixture",
    ["flask/restful_api.py", "django/shop_views.py", "fastapi/exception_classes.py", "projects/fastapi_todo"],
)
def test_the_real_package_loads_the_same_modules_in_the_same_order_and_finds_the_same(
    tmp_path: Path, fixture: str
) -> None:
    path = Path(__file__).parent.parent / "fixtures" / fixture
    if path.is_dir():  # a project: copied, so that its index cache is written beside the copy
        path = Path(shutil.copytree(path, tmp_path / "project")) / "todo" / "routers" / "todos.py"
    keys = tmp_path / "keys"
    _fresh(path, keys, "alone")  # cold: compiles and keeps
    found, modules, loaded = _fresh(path, keys, "alone")
    threaded = _fresh(path, keys, "thread")
    assert loaded > 30 and threaded[2] == 0
    assert (found, modules) == threaded[:2] and found


def test_imports_watched_by_x_importtime_all_go_through_importlib(tmp_path: Path) -> None:
    """`-X importtime` times each import `importlib` makes: with it, no module is loaded ahead, and the plugin's
    leading imports are timed as without the kept code."""
    environ = {**os.environ, KEY_DIR_VARIABLE: str(tmp_path), NO_CACHE_VARIABLE: ""}
    command = [sys.executable, "-X", "importtime", "-c", "import flake8_http_status.plugin"]
    subprocess.run(command, capture_output=True, check=True, env=environ)  # cold: compiles and keeps
    timed = subprocess.run(command, capture_output=True, text=True, check=True, env=environ).stderr
    assert " flake8_http_status.options\n" in timed and " flake8_http_status.rules.checkers\n" in timed
    served = "import sys, flake8_http_status.plugin; print(type(sys.modules['flake8_http_status.options'].__loader__))"
    shown = subprocess.run([sys.executable, "-c", served], capture_output=True, text=True, check=True, env=environ)
    assert "KeptCode" in shown.stdout  # served, and loaded ahead when imports are not watched
