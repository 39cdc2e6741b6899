"""Exceptions that say who is at fault: invalid client input, an upstream timeout, a uniqueness conflict.

Only idiom rows live here. `except` clauses catching these decide what status a branch should send
(HTS909, HTS912, HTS914).
"""

from __future__ import annotations

from .idioms import ExceptionRow, Fault

EXCEPTIONS = (
    ExceptionRow(
        Fault.CLIENT_INPUT,
        (
            "json.JSONDecodeError", "json.decoder.JSONDecodeError", "simplejson.JSONDecodeError",
            "simplejson.errors.JSONDecodeError", "pydantic.ValidationError", "pydantic_core.ValidationError",
            "pydantic.error_wrappers.ValidationError", "marshmallow.ValidationError",
            "marshmallow.exceptions.ValidationError", "django.core.exceptions.ValidationError",
            "django.forms.ValidationError", "rest_framework.exceptions.ValidationError",
            "rest_framework.serializers.ValidationError", "jsonschema.ValidationError",
            "jsonschema.exceptions.ValidationError", "werkzeug.exceptions.BadRequest",
            "wtforms.validators.ValidationError", "fastapi.exceptions.RequestValidationError",
        ),
        # ValueError and KeyError count only where the guarded code reads the request (the rule checks).
        builtins=("ValueError", "KeyError", "UnicodeDecodeError"),
    ),
    ExceptionRow(
        Fault.UPSTREAM_TIMEOUT,
        (
            "requests.Timeout", "requests.ReadTimeout", "requests.ConnectTimeout", "requests.exceptions.Timeout",
            "requests.exceptions.ReadTimeout", "requests.exceptions.ConnectTimeout", "httpx.TimeoutException",
            "httpx.ReadTimeout", "httpx.ConnectTimeout", "httpx.WriteTimeout", "httpx.PoolTimeout",
            "asyncio.TimeoutError", "asyncio.exceptions.TimeoutError", "concurrent.futures.TimeoutError",
            "aiohttp.ServerTimeoutError", "aiohttp.client_exceptions.ServerTimeoutError",
            "urllib3.exceptions.TimeoutError", "urllib3.exceptions.ReadTimeoutError", "socket.timeout",
        ),
        builtins=("TimeoutError",),
    ),
    ExceptionRow(
        Fault.CONFLICT,
        (
            "django.db.IntegrityError", "django.db.utils.IntegrityError", "sqlalchemy.exc.IntegrityError",
            "psycopg2.IntegrityError", "psycopg2.errors.UniqueViolation", "psycopg.errors.UniqueViolation",
            "asyncpg.UniqueViolationError", "asyncpg.exceptions.UniqueViolationError",
            "pymongo.errors.DuplicateKeyError", "sqlite3.IntegrityError", "peewee.IntegrityError",
            "tortoise.exceptions.IntegrityError", "pymysql.err.IntegrityError", "MySQLdb.IntegrityError",
        ),
    ),
)
