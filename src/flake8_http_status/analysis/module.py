"""One analysed module, as the layers above the analysis read it.

The rules' `Context` builds it and hands it to the handler model, so the handlers depend on the
analysis and the settings only, never on the rules that ask them questions.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..options import Settings
from .collect import Bindings, Candidates
from .imports import ImportMap
from .sites import Site

if TYPE_CHECKING:
    from .project_facts import ProjectFacts


class AnalysedModule:
    # A plain class: a generated dataclass costs millions of instructions at every start-up (see api.framework).
    __slots__ = ("bindings", "candidates", "filename", "imports", "lines", "project", "settings", "sites", "tree")

    def __init__(
        self,
        tree: ast.Module,
        lines: Sequence[str],
        filename: str,
        imports: ImportMap,
        candidates: Candidates,  # what the collector kept (calls, functions)
        bindings: Bindings,
        sites: Sequence[Site],
        settings: Settings,
        project: ProjectFacts | None = None,  # what the project index knows of the other modules
    ) -> None:
        self.project = project
        self.tree = tree
        self.lines = lines
        self.filename = filename
        self.imports = imports
        self.candidates = candidates
        self.bindings = bindings
        self.sites = sites
        self.settings = settings
