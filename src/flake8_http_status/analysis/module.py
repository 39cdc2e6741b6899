"""One analysed module, as the layers above the analysis read it.

The rules' `Context` builds it and hands it to the handler model, so the handlers depend on the
analysis and the settings only, never on the rules that ask them questions.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import dataclass

from ..options import Settings
from .collect import Bindings, Candidates
from .imports import ImportMap
from .sites import Site


@dataclass(frozen=True)
class AnalysedModule:
    tree: ast.Module
    lines: Sequence[str]
    filename: str
    imports: ImportMap
    candidates: Candidates  # what the collector kept (calls, functions)
    bindings: Bindings
    sites: Sequence[Site]
    settings: Settings
