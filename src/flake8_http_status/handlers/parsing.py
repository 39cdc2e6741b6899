"""Code that does nothing but read and validate what the client sent.

HTS909 blames the client for a catch-all (`except Exception`) only around such code: parsing JSON, converting
query arguments, loading a schema or building a model from the payload. Any other call (a query, a call to
another server, a project function) could fail on the server's side, and then a 5xx is right.
"""

from __future__ import annotations

import ast
from collections.abc import Callable

from ..analysis.receivers import last_name
from .flow import walk_statement

# Functions that parse or convert a value and touch nothing else.
_PARSERS = frozenset(
    {
        "json.loads",
        "json.load",
        "simplejson.loads",
        "orjson.loads",
        "ujson.loads",
        "tornado.escape.json_decode",
        "yaml.safe_load",
        "uuid.UUID",
        "decimal.Decimal",
        "datetime.datetime",
        "datetime.date",
        "datetime.datetime.strptime",
        "datetime.datetime.fromisoformat",
        "datetime.date.fromisoformat",
        "dateutil.parser.parse",
        "dateutil.parser.isoparse",
        "base64.b64decode",
        "base64.urlsafe_b64decode",
        "ipaddress.ip_address",
        "ipaddress.ip_network",
        "urllib.parse.urlparse",
        "urllib.parse.parse_qs",
        "urllib.parse.unquote",
        "jsonschema.validate",
        "email_validator.validate_email",
        "pydantic.parse_obj_as",
        "pydantic.TypeAdapter",
    }
)
_BUILTINS = frozenset(
    {
        "int",
        "float",
        "str",
        "bool",
        "bytes",
        "dict",
        "list",
        "tuple",
        "set",
        "frozenset",
        "len",
        "isinstance",
        "min",
        "max",
        "abs",
        "round",
        "sorted",
        "any",
        "all",
    }
)
# Methods that read what the client sent, called on the request or on data taken from it.
_READERS = frozenset(
    {
        "get",
        "getlist",
        "getone",
        "getall",
        "get_json",
        "json",
        "body",
        "text",
        "read",
        "post",
        "get_data",
        "get_media",
        "get_argument",
        "get_arguments",
        "get_body_argument",
        "get_body_arguments",
        "get_query_argument",
        "get_query_arguments",
        "keys",
        "values",
        "items",
        "copy",
        "to_dict",
        "dict",
    }
)
# String methods: harmless on any receiver.
_TEXT = frozenset(
    {
        "decode",
        "encode",
        "strip",
        "lstrip",
        "rstrip",
        "lower",
        "upper",
        "casefold",
        "split",
        "rsplit",
        "splitlines",
        "startswith",
        "endswith",
        "isdigit",
        "isnumeric",
        "replace",
        "format",
        "join",
    }
)
# Validation that runs on the data alone: Django forms, DRF serializers.
_CHECKS = frozenset({"is_valid", "full_clean"})
# Validation methods of schemas and models; also common names of project services, so the receiver must
# look like a schema (`schema.load`, `Item.model_validate`, `ItemSchema().load`).
_VALIDATORS = frozenset(
    {
        "load",
        "loads",
        "validate",
        "parse_obj",
        "parse_raw",
        "model_validate",
        "model_validate_json",
        "validate_python",
        "validate_json",
    }
)
_SCHEMA_WORDS = ("schema", "serializer", "form", "validator", "adapter", "model")
# Constructors of these packages connect to something.
_CONNECTING = frozenset(
    {
        "requests",
        "httpx",
        "aiohttp",
        "urllib3",
        "boto3",
        "botocore",
        "redis",
        "pymongo",
        "motor",
        "psycopg2",
        "psycopg",
        "asyncpg",
        "sqlalchemy",
        "elasticsearch",
        "kombu",
        "pika",
        "celery",
        "smtplib",
        "socket",
    }
)
_RAISED = frozenset({"ValueError", "TypeError", "KeyError"})
_STATEMENTS = (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Expr, ast.Return, ast.If, ast.For, ast.Pass, ast.Assert)


class Parsing:
    """Decides whether statements only read and validate the request.

    `reads` tells whether an expression reads the request, `qualify` names an imported callable, and
    `rebound` whether the module binds a builtin's name itself.
    """

    def __init__(
        self,
        reads: Callable[[ast.AST], bool],
        qualify: Callable[[ast.expr], str | None],
        rebound: Callable[[str], bool],
    ) -> None:
        self.reads = reads
        self.qualify = qualify
        self.rebound = rebound

    def only_parses(self, statements: list[ast.stmt]) -> bool:
        if not statements or not any(self.reads(stmt) for stmt in statements):
            return False
        for stmt in statements:
            for node in walk_statement(stmt):
                if isinstance(node, ast.stmt) and not self._statement(node):
                    return False
                if isinstance(node, ast.Call) and not self._call(node):
                    return False
                if isinstance(node, (ast.Yield, ast.YieldFrom, ast.NamedExpr)):
                    return False
        return True

    def _statement(self, stmt: ast.stmt) -> bool:
        if isinstance(stmt, ast.Raise):
            raised = stmt.exc.func if isinstance(stmt.exc, ast.Call) else stmt.exc
            return isinstance(raised, ast.Name) and raised.id in _RAISED and not self.rebound(raised.id)
        return isinstance(stmt, _STATEMENTS) and not (isinstance(stmt, ast.For) and stmt.orelse)

    def _call(self, call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in _READERS and self.reads(func):
            return True  # `request.get_json()`, also where `request` is an import (Flask's)
        qualified = self.qualify(func)
        if qualified is not None:
            return qualified in _PARSERS or (_constructor(func) and qualified.partition(".")[0] not in _CONNECTING)
        if isinstance(func, ast.Name):
            if func.id in _BUILTINS:
                return not self.rebound(func.id)
            return _constructor(func)
        if not isinstance(func, ast.Attribute):
            return False
        method = func.attr
        if method in _TEXT or method in _CHECKS:
            return True
        if method in _VALIDATORS:
            return _schema_like(func.value)
        return _constructor(func)


def _constructor(func: ast.expr) -> bool:
    """A class being instantiated (`Item(**payload)`, `forms.NoteForm(request.POST)`), by its spelling."""
    name = last_name(func)
    return bool(name) and name[0].isupper() and not name.isupper()


def _schema_like(receiver: ast.expr) -> bool:
    name = last_name(receiver)
    return _constructor(receiver) or any(word in name.lower() for word in _SCHEMA_WORDS)
