"""Exceptions that say who is at fault: invalid client input, an upstream timeout, a uniqueness conflict, a
rejected token.

Only idiom rows live here. `except` clauses catching these decide what status a branch should send
(HTS909, HTS912, HTS914, HTS918), given the evidence the row asks for in the guarded code.
"""

from __future__ import annotations

from .framework import Framework
from .idioms import Evidence, ExceptionRow, Fault, Outgoing

EXCEPTIONS = (
    ExceptionRow(
        Fault.CLIENT_INPUT,
        (
            "json.JSONDecodeError",
            "json.decoder.JSONDecodeError",
            "simplejson.JSONDecodeError",
            "simplejson.errors.JSONDecodeError",
            "pydantic.ValidationError",
            "pydantic_core.ValidationError",
            "pydantic.error_wrappers.ValidationError",
            "marshmallow.ValidationError",
            "marshmallow.exceptions.ValidationError",
            "django.core.exceptions.ValidationError",
            "django.forms.ValidationError",
            "rest_framework.exceptions.ValidationError",
            "rest_framework.serializers.ValidationError",
            "jsonschema.ValidationError",
            "jsonschema.exceptions.ValidationError",
            "werkzeug.exceptions.BadRequest",
            "wtforms.validators.ValidationError",
            "fastapi.exceptions.RequestValidationError",
        ),
        # A validation error may come from the server's own data too: only code reading the request counts.
        builtins=("ValueError", "KeyError", "UnicodeDecodeError"),
        evidence=Evidence.READS_REQUEST,
    ),
    # HTTP clients' own timeouts: always a server the handler called.
    ExceptionRow(
        Fault.UPSTREAM_TIMEOUT,
        (
            "requests.Timeout",
            "requests.ReadTimeout",
            "requests.ConnectTimeout",
            "requests.exceptions.Timeout",
            "requests.exceptions.ReadTimeout",
            "requests.exceptions.ConnectTimeout",
            "httpx.TimeoutException",
            "httpx.ReadTimeout",
            "httpx.ConnectTimeout",
            "httpx.WriteTimeout",
            "httpx.PoolTimeout",
            "aiohttp.ServerTimeoutError",
            "aiohttp.client_exceptions.ServerTimeoutError",
            "urllib3.exceptions.TimeoutError",
            "urllib3.exceptions.ReadTimeoutError",
        ),
    ),
    # Generic timeouts: also raised while waiting for the client's own body (Quart's request.get_data), where
    # 408 is right. They count only around a call to an HTTP client.
    ExceptionRow(
        Fault.UPSTREAM_TIMEOUT,
        (
            "asyncio.TimeoutError",
            "asyncio.exceptions.TimeoutError",
            "concurrent.futures.TimeoutError",
            "socket.timeout",
        ),
        builtins=("TimeoutError",),
        evidence=Evidence.CALLS_OUT,
    ),
    ExceptionRow(
        Fault.CONFLICT,
        (
            "django.db.IntegrityError",
            "django.db.utils.IntegrityError",
            "sqlalchemy.exc.IntegrityError",
            "psycopg2.IntegrityError",
            "psycopg2.errors.UniqueViolation",
            "psycopg.errors.UniqueViolation",
            "asyncpg.UniqueViolationError",
            "asyncpg.exceptions.UniqueViolationError",
            "pymongo.errors.DuplicateKeyError",
            "sqlite3.IntegrityError",
            "peewee.IntegrityError",
            "tortoise.exceptions.IntegrityError",
            "pymysql.err.IntegrityError",
            "MySQLdb.IntegrityError",
        ),
    ),
    # A token that failed to decode or verify. Signed tokens also serve password-reset and confirmation links,
    # where 400 may be right: HTS918 counts them only when the guarded code reads a credential of the request.
    ExceptionRow(
        Fault.CREDENTIALS,
        (
            "jwt.InvalidTokenError",
            "jwt.ExpiredSignatureError",
            "jwt.DecodeError",
            "jwt.InvalidSignatureError",
            "jwt.PyJWTError",
            "jwt.exceptions.InvalidTokenError",
            "jwt.exceptions.ExpiredSignatureError",
            "jwt.exceptions.DecodeError",
            "jwt.exceptions.InvalidSignatureError",
            "jwt.exceptions.PyJWTError",
            "jose.JWTError",
            "jose.ExpiredSignatureError",
            "jose.exceptions.JWTError",
            "jose.exceptions.ExpiredSignatureError",
            "jose.jwt.JWTError",
            "itsdangerous.BadSignature",
            "itsdangerous.BadData",
            "itsdangerous.SignatureExpired",
            "itsdangerous.BadTimeSignature",
            "itsdangerous.exc.BadSignature",
            "itsdangerous.exc.SignatureExpired",
            "django.core.signing.BadSignature",
            "django.core.signing.SignatureExpired",
        ),
        evidence=Evidence.READS_CREDENTIALS,
    ),
)

# Calls that reach another server: a generic timeout around them is an upstream timeout, and a module that
# makes them may be a proxy (HTS905).
OUTGOING = (
    Outgoing(
        "HTTP clients",
        (
            "requests",
            "httpx",
            "urllib3",
            "urllib.request",
            "http.client",
            "aiohttp.ClientSession",
            "aiohttp.request",
            "aiohttp.client",
            "tornado.httpclient",
        ),
    ),
)

FRAMEWORK = Framework(
    "errors",
    exceptions=EXCEPTIONS,
    outgoing=OUTGOING,
)
