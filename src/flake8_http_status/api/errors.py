"""Exceptions that say who is at fault: invalid client input, an upstream timeout or failure, a uniqueness
conflict, a rejected token.

Only idiom rows live here. `except` clauses catching these decide what status a branch should send
(HTS909, HTS912, HTS914, HTS918, HTS920), given the evidence the row asks for in the guarded code.
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
            "wtforms.ValidationError",
            "fastapi.exceptions.RequestValidationError",
            "pydantic.v1.ValidationError",
            "orjson.JSONDecodeError",
            "ujson.JSONDecodeError",
            "msgspec.ValidationError",
            "msgspec.DecodeError",
            "rest_framework.exceptions.ParseError",
            "werkzeug.exceptions.BadRequestKeyError",
            "django.http.multipartparser.MultiPartParserError",
            "binascii.Error",
            "dateutil.parser.ParserError",
            "voluptuous.Invalid",
            "voluptuous.MultipleInvalid",
            "voluptuous.error.Invalid",
            "voluptuous.error.MultipleInvalid",
            "fastjsonschema.JsonSchemaException",
            "fastjsonschema.JsonSchemaValueException",
            "email_validator.EmailNotValidError",
            "tornado.web.MissingArgumentError",
        ),
        # A validation error may come from the server's own data too: only code reading the request counts.
        # `TypeError` is what `Model(**payload)` and `int(None)` raise on a payload of the wrong shape.
        builtins=("ValueError", "KeyError", "UnicodeDecodeError", "TypeError"),
        evidence=Evidence.READS_REQUEST,
    ),
    # A catch-all blames the client only where the guarded code does nothing but read and validate what the
    # client sent: no query, no call to another server, no project code that could fail on its own.
    ExceptionRow(Fault.CLIENT_INPUT, (), builtins=("Exception", "BaseException"), evidence=Evidence.ONLY_PARSES),
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
            "aiohttp.ConnectionTimeoutError",
            "aiohttp.SocketTimeoutError",
            "aiohttp.client_exceptions.ServerTimeoutError",
            "aiohttp.client_exceptions.ConnectionTimeoutError",
            "aiohttp.client_exceptions.SocketTimeoutError",
            "urllib3.exceptions.TimeoutError",
            "urllib3.exceptions.ReadTimeoutError",
            "urllib3.exceptions.ConnectTimeoutError",
            "tornado.simple_httpclient.HTTPTimeoutError",
            "botocore.exceptions.ConnectTimeoutError",
            "botocore.exceptions.ReadTimeoutError",
            "redis.TimeoutError",
            "redis.exceptions.TimeoutError",
            "pymongo.errors.ServerSelectionTimeoutError",
            "pymongo.errors.NetworkTimeout",
            "elasticsearch.ConnectionTimeout",
            "elasticsearch.exceptions.ConnectionTimeout",
            "sqlalchemy.exc.TimeoutError",
            "celery.exceptions.TimeoutError",
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
    # Another server failed or could not be reached: an HTTP service, a database, a broker. Classes whose
    # subclasses cover the client's own mistakes (`DatabaseError` holds `IntegrityError` and `DataError`,
    # botocore's `ClientError` holds `NoSuchKey`) are left out.
    ExceptionRow(
        Fault.UPSTREAM,
        (
            "requests.ConnectionError",
            "requests.TooManyRedirects",
            "requests.exceptions.ConnectionError",
            "requests.exceptions.SSLError",
            "requests.exceptions.ProxyError",
            "requests.exceptions.RetryError",
            "requests.exceptions.TooManyRedirects",
            "requests.exceptions.ChunkedEncodingError",
            "httpx.RequestError",
            "httpx.TransportError",
            "httpx.NetworkError",
            "httpx.ConnectError",
            "httpx.RemoteProtocolError",
            "aiohttp.ClientConnectionError",
            "aiohttp.ClientConnectorError",
            "aiohttp.ServerDisconnectedError",
            "aiohttp.client_exceptions.ClientConnectionError",
            "aiohttp.client_exceptions.ClientConnectorError",
            "urllib3.exceptions.HTTPError",
            "urllib3.exceptions.MaxRetryError",
            "urllib3.exceptions.NewConnectionError",
            "urllib3.exceptions.ProtocolError",
            "http.client.HTTPException",
            "socket.gaierror",
            "botocore.exceptions.EndpointConnectionError",
            "botocore.exceptions.ConnectionError",
            "django.db.OperationalError",
            "django.db.InterfaceError",
            "django.db.utils.OperationalError",
            "django.db.utils.InterfaceError",
            "sqlalchemy.exc.OperationalError",
            "sqlalchemy.exc.InterfaceError",
            "sqlalchemy.exc.DisconnectionError",
            "psycopg2.OperationalError",
            "psycopg2.InterfaceError",
            "psycopg2.errors.OperationalError",
            "psycopg.OperationalError",
            "psycopg.InterfaceError",
            "asyncpg.PostgresConnectionError",
            "asyncpg.exceptions.PostgresConnectionError",
            "asyncpg.exceptions.ConnectionDoesNotExistError",
            "asyncpg.exceptions.CannotConnectNowError",
            "pymysql.err.OperationalError",
            "pymysql.OperationalError",
            "MySQLdb.OperationalError",
            "sqlite3.OperationalError",
            "peewee.OperationalError",
            "peewee.InterfaceError",
            "tortoise.exceptions.DBConnectionError",
            "pymongo.errors.ConnectionFailure",
            "pymongo.errors.AutoReconnect",
            "redis.RedisError",
            "redis.ConnectionError",
            "redis.exceptions.RedisError",
            "redis.exceptions.ConnectionError",
            "kombu.exceptions.OperationalError",
            "kombu.exceptions.ConnectionError",
            "amqp.exceptions.ConnectionError",
            "pika.exceptions.AMQPError",
            "pika.exceptions.AMQPConnectionError",
            "elasticsearch.ConnectionError",
            "elasticsearch.exceptions.ConnectionError",
        ),
    ),
    # The server's own faults: SQLAlchemy refusing what the code asked of it (a session left in a failed
    # transaction, a closed result, a detached instance). `StaleDataError` is left out: with optimistic locking it
    # is another client's concurrent change, and 409 is right.
    ExceptionRow(
        Fault.SERVER,
        (
            "sqlalchemy.exc.ResourceClosedError",
            "sqlalchemy.exc.PendingRollbackError",
            "sqlalchemy.orm.exc.DetachedInstanceError",
        ),
    ),
    ExceptionRow(Fault.SERVER, ("sqlalchemy.exc.InvalidRequestError",), evidence=Evidence.NO_ROW_LOOKUP),
    # The operating system refusing the server's own files: a file the client did not name, no other server.
    # `FileNotFoundError` is left out: a missing file may be the resource the client asked for.
    ExceptionRow(
        Fault.SERVER,
        (),
        builtins=("PermissionError", "OSError", "IOError", "EnvironmentError"),
        evidence=Evidence.SERVER_ONLY,
    ),
    # These also carry the status the other server answered (or cover a class that does): a 4xx sent from their
    # branch may pass on that server's own verdict, such as a 404 from a lookup.
    ExceptionRow(
        Fault.UPSTREAM,
        (
            "requests.RequestException",
            "requests.HTTPError",
            "requests.exceptions.RequestException",
            "requests.exceptions.HTTPError",
            "httpx.HTTPError",
            "httpx.HTTPStatusError",
            "aiohttp.ClientError",
            "aiohttp.ClientResponseError",
            "aiohttp.client_exceptions.ClientError",
            "aiohttp.client_exceptions.ClientResponseError",
            "urllib.error.URLError",
            "urllib.error.HTTPError",
            "tornado.httpclient.HTTPClientError",
            "tornado.httpclient.HTTPError",
        ),
        evidence=Evidence.OWN_STATUS,
    ),
    # The builtin connection errors also come from a client that hangs up while sending its body: they count
    # only around a call to another server.
    ExceptionRow(
        Fault.UPSTREAM,
        (),
        builtins=("ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "ConnectionAbortedError"),
        evidence=Evidence.CALLS_OUT,
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
