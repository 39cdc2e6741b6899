"""The status flow on modules built to break it: long chains of names, helpers and returns, and recursion.

A chain of assignments is followed by walking from one name to the next, so its length must not reach
Python's recursion limit. Whatever the flow decides there, it must answer, and precision holds either way.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

import pytest

from flake8_http_status.engine import analyse
from flake8_http_status.options import settings_from_args

LINKS = 2000


def codes(source: str) -> list[tuple[int, str]]:
    settings = settings_from_args(("--http-status-target-python=3.10",))
    findings = analyse(ast.parse(source), source.splitlines(keepends=True), "<chain>", settings)
    return [(finding.start.line, finding.code) for finding in findings]


def local_chain() -> str:
    links = [f"    v{i} = v{i - 1}" for i in range(1, LINKS)]
    return "\n".join(["from flask import abort", "def view():", "    v0 = 404", *links, f"    abort(v{LINKS - 1})"])


def module_chain() -> str:
    links = [f"C{i} = C{i - 1}" for i in range(1, LINKS)]
    return "\n".join(["from flask import abort", "C0 = 404", *links, "def view():", f"    abort(C{LINKS - 1})"])


def conditional_chain() -> str:
    links = [f"    v{i} = v{i - 1} if x else 400" for i in range(1, LINKS)]
    return "\n".join(["from flask import abort", "def view(x):", "    v0 = 404", *links, f"    abort(v{LINKS - 1})"])


def helper_chain() -> str:
    helpers = [f"def h{i}(s):\n    h{i - 1}(s)" for i in range(1, LINKS)]
    return "\n".join(
        ["from flask import abort", "def h0(s):\n    abort(s)", *helpers, f"def view():\n    h{LINKS - 1}(404)"]
    )


def return_chain() -> str:
    returns = [f"def r{i}():\n    return r{i - 1}()" for i in range(1, LINKS)]
    return "\n".join(
        ["from flask import abort", "def r0():\n    return 404", *returns, f"def view():\n    abort(r{LINKS - 1}())"]
    )


@pytest.mark.parametrize("build", [local_chain, module_chain, conditional_chain, helper_chain, return_chain])
def test_a_long_chain_is_answered_without_recursion_error(build: Callable[[], str]) -> None:
    found = codes(build())
    assert all(code == "HTS001" for _, code in found)


MUTUAL = """
from flask import abort

def ping(status, n):
    return pong(status, n - 1) if n else abort(status)

def pong(status, n):
    return ping(status, n)

def loop():
    return loop()

def a():
    return b()

def b():
    return a()

def view():
    ping(404, 3)
    abort(a())
    abort(loop())
"""


def test_recursion_and_mutual_recursion_settle() -> None:
    assert all(code == "HTS001" for _, code in codes(MUTUAL))
