"""Build the handler model for a snippet and find its functions and sites by name."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from flake8_http_status.analysis.sites import FunctionNode, Site
from flake8_http_status.engine import build_context
from flake8_http_status.handlers.handler_model import HandlerModel
from flake8_http_status.options import Settings
from flake8_http_status.rules.context import Context


@dataclass
class Module:
    context: Context

    @property
    def model(self) -> HandlerModel:
        return self.context.handlers

    def function(self, name: str) -> FunctionNode:
        for function, _ in self.context.candidates.functions:
            if function.name == name:
                return function
        raise KeyError(name)

    def site(self, function: str, code: int) -> Site:
        node = self.function(function)
        for site in self.context.sites:
            if site.scope.function is node and site.code == code:
                return site
        raise KeyError((function, code))

    def node(self, function: str, text: str) -> ast.AST:
        """The first statement or expression in `function` whose source is `text`."""
        for node in ast.walk(self.function(function)):
            if isinstance(node, (ast.stmt, ast.expr)) and ast.unparse(node) == text:
                return node
        raise KeyError(text)


def module(source: str, settings: Settings = Settings(), filename: str = "app.py") -> Module:
    tree = ast.parse(source)
    return Module(build_context(tree, source.splitlines(keepends=True), filename, settings))
