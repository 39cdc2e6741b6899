"""Where a module's top-level imports run (`analysis.import_order`), built only when the speller asks."""

from __future__ import annotations

import ast

from flake8_http_status.analysis.import_order import Placed
from flake8_http_status.analysis.imports import collect_imports
from flake8_http_status.engine import build_context
from flake8_http_status.options import Settings

SOURCE = '''"""Doc."""
import os.path
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from http import HTTPStatus
try:
    import ujson as json
except ImportError:
    import json
from .models import *
from flask import abort
@decorated
def view():
    abort(404)
'''


def test_the_order_of_the_imports() -> None:
    tree = ast.parse(SOURCE)
    order = collect_imports(tree).order
    assert order.head == 3
    assert order.placed == {
        "os": Placed(1, True, "os.path"),
        "TYPE_CHECKING": Placed(2, True, ""),
        "json": Placed(4, False, ""),
        "abort": Placed(6, True, ""),
    }
    assert order.star_indices == [5]
    assert order.unconditional_modules == {"os", "os.path", "typing", "flask"}
    assert order.first_import == {"os": 1, "typing": 2, "flask": 6}
    decorator = tree.body[7].decorator_list[0]  # type: ignore[attr-defined]
    assert order.index_of(decorator) == 7


def test_a_module_with_nothing_to_spell_never_places_its_imports() -> None:
    source = "from django.http import HttpResponse\n\n\ndef view(request):\n    return HttpResponse('ok')\n"
    context = build_context(ast.parse(source), source.splitlines(True), "views.py", Settings())
    assert context.imports._order is None
