"""Flask and its common REST extensions."""

from __future__ import annotations

from .common import WERKZEUG_ABORTABLE
from .framework import Framework
from .idioms import (
    Auth,
    AuthCall,
    AuthCheck,
    AuthDecorator,
    Bodiless,
    BodyArgument,
    BodyPolicy,
    HeaderArgument,
    PermissionSetting,
    PlainReturn,
    Registration,
    RouteDecorator,
    ViewClass,
)
from .rows import Api, CallRow, MethodRow, Misplaced, Receiver, ReturnRow, Role, Slot, Text
from .werkzeug import RESPONSE_CLASSES

APPS = (
    "flask.Flask",
    "flask.app.Flask",
    "flask.sansio.app.App",
    "flask.Blueprint",
    "flask.blueprints.Blueprint",
    "flask.sansio.blueprints.Blueprint",
)
ROUTE_OWNERS = (*APPS, "flask_restx.Namespace", "flask_smorest.Blueprint", "apiflask.APIFlask", "apiflask.APIBlueprint")
VIEW_BASES = (
    "flask.views.MethodView",
    "flask.views.View",
    "flask_restful.Resource",
    "flask_restx.Resource",
    "flask_smorest.MethodView",
)
RESTX_ABORTERS = (
    "flask_restx.Namespace",
    "flask_restx.namespace.Namespace",
    "flask_restx.Api",
    "flask_restx.api.Api",
)
# A receiver the module does not type counts only in a decorator: `@api.response(404, ...)`, never `x.doc(...)`.
_RESTX_DOCUMENTS = Receiver(owners=RESTX_ABORTERS, gate=("flask_restx",), untyped_only_in_decorators=True)
SMOREST_BLUEPRINTS = ("flask_smorest.Blueprint", "flask_smorest.blueprint.Blueprint")
_NO_HANDLER_WHY = "Flask raises ValueError when the handler is registered"

# `converts` (checked on Flask 3.1.3, flask-restful 0.3.10, flask-restx 1.3.2, flask-smorest 0.47): the responses,
# redirects and a view's return tuple go through Werkzeug's status setter (`int()`); every abort() helper ends in
# Werkzeug's Aborter, whose exception class carries its own int; errorhandler() keys the handler by the exception
# class's int `code`. The flask-restx and flask-smorest documentation decorators keep the object (OpenAPI keys).
# Kept True with override hooks in view (Flask 3.1.3, Werkzeug 3.1.9): a view's tuple and flask.make_response go
# through `app.make_response(rv)`, and abort() through `current_app.aborter(code)` (`aborter_class`); a Flask
# subclass or aborter the project writes receives the object. Both are replacements of Flask's conversion path,
# whose built-in versions (and Werkzeug's Aborter, which only looks the code up in its int-keyed mapping) keep
# nothing; unlike http.server's log_request they are not a logging hook. Known limit: such an override, in this
# module or another, is not looked for.
CALLS = (
    CallRow(
        ("flask.abort", "flask.helpers.abort"),
        Api(
            "flask",
            "flask.abort",
            Role.RAISE,
            (Slot(0, "code"),),
            accepts=WERKZEUG_ABORTABLE,
            rejects_why="it raises LookupError, so the client gets a 500",
            converts=True,
        ),
    ),
    # The REST extensions' abort helpers call flask.abort(code) and attach their keywords to the HTTPException;
    # Werkzeug's LookupError for a code it has no exception for goes through (flask-restful 0.3.10, flask-restx
    # 1.3.2, flask-smorest 0.47.0, whose abort is webargs 8.7.1's).
    CallRow(
        ("flask_restful.abort",),
        Api(
            "flask",
            "flask_restful.abort",
            Role.RAISE,
            (Slot(0, "http_status_code"),),
            accepts=WERKZEUG_ABORTABLE,
            rejects_why="it raises LookupError, so the client gets a 500",
            converts=True,
        ),
    ),
    CallRow(
        ("flask_smorest.abort", "webargs.flaskparser.abort"),
        Api(
            "flask",
            "flask_smorest.abort",
            Role.RAISE,
            (Slot(0, "http_status_code"),),
            accepts=WERKZEUG_ABORTABLE,
            rejects_why="it raises LookupError, so the client gets a 500",
            converts=True,
        ),
    ),
    CallRow(
        ("flask_restx.abort", "flask_restx.errors.abort"),
        Api(
            "flask",
            "flask_restx.abort",
            Role.RAISE,
            (Slot(0, "code"),),
            default=500,
            accepts=WERKZEUG_ABORTABLE,
            rejects_why="it raises LookupError, so the client gets a 500",
            converts=True,
        ),
    ),
    CallRow(
        ("flask.redirect", "flask.helpers.redirect"),
        Api("flask", "flask.redirect", Role.REDIRECT, (Slot(1, "code"),), default=302, converts=True),
    ),
    CallRow(
        ("flask.make_response", "flask.helpers.make_response"),
        Api("flask", "make_response", Role.SET, (Slot(1),), default=200, text=Text.LINE_OR_CODE, converts=True),
    ),
    CallRow(
        ("flask.Response", "flask.wrappers.Response"),
        Api(
            "flask",
            "flask.Response",
            Role.SET,
            (Slot(1, "status"),),
            default=200,
            text=Text.LINE_OR_CODE,
            converts=True,
        ),
    ),
)

METHODS = (
    MethodRow(
        ("errorhandler", "app_errorhandler", "register_error_handler"),
        Receiver(owners=APPS, gate=("flask",)),
        Api(
            "flask",
            "errorhandler",
            Role.ERROR_HANDLER,
            (Slot(0),),
            accepts=WERKZEUG_ABORTABLE,
            rejects_why=_NO_HANDLER_WHY,
            converts=True,
        ),
    ),
    # flask-restx: Namespace.abort(*args, **kwargs) passes everything to flask_restx.abort(code=500, message=None),
    # and Api.abort reaches its default namespace's through Api.__getattr__ (1.3.2).
    MethodRow(
        ("abort",),
        Receiver(owners=RESTX_ABORTERS, gate=("flask_restx",), names=("api", "ns", "namespace")),
        Api(
            "flask",
            "Namespace.abort",
            Role.RAISE,
            (Slot(0, "code"),),
            default=500,
            accepts=WERKZEUG_ABORTABLE,
            rejects_why="it raises LookupError, so the client gets a 500",
            converts=True,
        ),
    ),
    # flask-restx 1.3.2 documentation decorators (Api reaches them on its default namespace through __getattr__).
    # They only document: `Namespace.marshal_with` keeps `code` for the OpenAPI document and passes the rest to
    # flask_restx.marshal_with, so a plain return still goes out with 200. Swagger writes every code as str(code).
    # `response(code, description, model=None, **kwargs)`.
    MethodRow(
        ("response",),
        _RESTX_DOCUMENTS,
        Api("flask", "Namespace.response", Role.DOCUMENT, (Slot(0, "code"),), stringified=True),
    ),
    # `doc(shortcut=None, **kwargs)`: `responses={404: "Not found"}` (or a (description, model) tuple) per code.
    MethodRow(
        ("doc",),
        _RESTX_DOCUMENTS,
        Api("flask", "Namespace.doc", Role.DOCUMENT, keys_of="responses", stringified=True),
    ),
    # `marshal_with(fields, as_list=False, code=HTTPStatus.OK, description=None, **kwargs)`: a code in second place
    # lands in as_list, and the response is documented as 200.
    MethodRow(
        ("marshal_with",),
        _RESTX_DOCUMENTS,
        Api(
            "flask",
            "Namespace.marshal_with",
            Role.DOCUMENT,
            (Slot(2, "code"),),
            misplaced=(Misplaced(1, "as_list"),),
            fix_keyword="code",
            stringified=True,
        ),
    ),
    # `marshal_list_with(fields, **kwargs)` is `marshal_with(fields, True, **kwargs)`: `code` only by keyword.
    MethodRow(
        ("marshal_list_with",),
        _RESTX_DOCUMENTS,
        Api(
            "flask",
            "Namespace.marshal_list_with",
            Role.DOCUMENT,
            (Slot(None, "code"),),
            misplaced=(Misplaced(1, None),),
            fix_keyword="code",
            stringified=True,
        ),
    ),
    # flask-smorest 0.47.0: `@blp.response(status_code, schema=None, ...)` sets the status a view's plain return goes
    # out with and documents it; `@blp.alt_response(status_code, ...)` only documents. apispec 6.10.1 turns the
    # codes into OpenAPI keys with str(int(code)), so HTTPStatus members are safe there.
    MethodRow(
        ("response",),
        Receiver(owners=SMOREST_BLUEPRINTS, gate=("flask_smorest",), untyped_only_in_decorators=True),
        Api("flask", "Blueprint.response", Role.ROUTE, (Slot(0, "status_code"),)),
    ),
    MethodRow(
        ("alt_response",),
        Receiver(owners=SMOREST_BLUEPRINTS, gate=("flask_smorest",), untyped_only_in_decorators=True),
        Api("flask", "Blueprint.alt_response", Role.DOCUMENT, (Slot(0, "status_code"),)),
    ),
    MethodRow(
        ("redirect",),
        Receiver(owners=APPS, names=("app", "current_app")),
        Api("flask", "Flask.redirect", Role.REDIRECT, (Slot(1, "code"),), default=302, converts=True),
    ),
)

BODY_CALLS = (
    "flask.jsonify",
    "flask.json.jsonify",
    "flask.render_template",
    "flask.render_template_string",
    "flask.make_response",
    "flask.send_file",
    "flask.send_from_directory",
    "flask.stream_template",
    "flask.templating.render_template",
    *RESPONSE_CLASSES,
    "flask.Response",
)

RETURNS = (
    ReturnRow(
        "flask",
        ROUTE_OWNERS,
        VIEW_BASES,
        BODY_CALLS,
        ("flask", "flask_restful", "flask_restx", "flask_smorest", "apiflask"),
        Api("flask", "a Flask view's return tuple", Role.SET, default=200, text=Text.LINE_OR_CODE, converts=True),
    ),
)

# Handler idioms -----------------------------------------------------------------------------------

_VERBS = ("get", "post", "put", "patch", "delete")
_GATE = ("flask", "flask_restful", "flask_restx", "flask_smorest", "apiflask")
# `@ns.route` (flask-restx) decorates Resource classes, whose methods are handlers of their own.
_FUNCTION_OWNERS = (*APPS, "flask_smorest.Blueprint", "apiflask.APIFlask", "apiflask.APIBlueprint")

ROUTE_DECORATORS = (
    RouteDecorator(
        "flask", None, attributes=("route",), owners=_FUNCTION_OWNERS, gate=_GATE, methods=Slot(None, "methods")
    ),
    *(
        RouteDecorator("flask", verb.upper(), attributes=(verb,), owners=_FUNCTION_OWNERS, gate=_GATE)
        for verb in _VERBS
    ),
    # Error handlers answer whatever request failed; what they return goes out with 200 unless they say.
    RouteDecorator(
        "flask",
        None,
        attributes=("errorhandler", "app_errorhandler"),
        owners=_FUNCTION_OWNERS,
        gate=_GATE,
        default_methods=None,
    ),
    # A `before_request` hook that returns something answers the request with it instead of the view, and
    # with 200 unless it says otherwise; returning None lets the view run.
    RouteDecorator(
        "flask",
        None,
        attributes=("before_request", "before_app_request"),
        owners=_FUNCTION_OWNERS,
        gate=_GATE,
        default_methods=None,
    ),
)

REGISTRATIONS = (
    Registration(
        "flask",
        None,
        attributes=("add_url_rule",),
        gate=_GATE,
        handler=Slot(2, "view_func"),
        methods=Slot(None, "methods"),
    ),
)

VIEW_CLASSES = (ViewClass("flask", VIEW_BASES),)

_HTTP_AUTH = (
    "flask_httpauth.HTTPBasicAuth",
    "flask_httpauth.HTTPTokenAuth",
    "flask_httpauth.HTTPDigestAuth",
    "flask_httpauth.MultiAuth",
)

AUTH_DECORATORS = (
    AuthDecorator(
        "flask",
        names=(
            "flask_login.login_required",
            "flask_login.utils.login_required",
            "flask_login.fresh_login_required",
            "flask_login.utils.fresh_login_required",
            "flask_security.login_required",
            "flask_security.auth_required",
            "flask_security.decorators.auth_required",
        ),
    ),
    # Flask-HTTPAuth: `@auth.login_required`, `@auth.login_required(role=...)`; optional=True admits anyone.
    AuthDecorator("flask", attributes=("login_required",), owners=_HTTP_AUTH, optional="optional"),
    AuthDecorator(
        "flask",
        names=("flask_jwt_extended.jwt_required", "flask_jwt_extended.view_decorators.jwt_required"),
        optional="optional",
    ),
)

AUTH_CALLS = (
    AuthCall(
        "flask",
        ("flask_jwt_extended.verify_jwt_in_request", "flask_jwt_extended.view_decorators.verify_jwt_in_request"),
        optional="optional",
    ),
)

# The Flask tutorial's convention: a `before_request` loader sets `g.user`, None for an anonymous request.
AUTH_CHECKS = (AuthCheck("flask", "user", Auth.AUTHENTICATED, receivers=("g",), none_means_anonymous=True),)

PERMISSION_SETTINGS = (PermissionSetting("flask", decorators_attribute="decorators"),)

HEADER_ARGUMENTS = (
    # flask.abort passes keywords on to the Werkzeug exception it raises.
    HeaderArgument("flask", ("flask.abort",), "WWW-Authenticate", Slot(None, "www_authenticate")),
    HeaderArgument("flask", ("flask.abort",), "Allow", Slot(None, "valid_methods")),
    HeaderArgument("flask", ("flask.abort",), "Retry-After", Slot(None, "retry_after")),
)

# `make_response(rv)` with one argument answers what a view returning `rv` would (HTS911 reads it).
BODY_ARGUMENTS = (BodyArgument("flask", ("make_response",), Slot(0)),)

FRAMEWORK = Framework(
    "flask",
    roots=("flask", "flask_restful", "flask_restx", "flask_smorest", "apiflask"),
    builds_on=("werkzeug",),
    path_parameters=(r"<[^>]*>",),
    calls=CALLS,
    methods=METHODS,
    returns=RETURNS,
    route_decorators=ROUTE_DECORATORS,
    registrations=REGISTRATIONS,
    view_classes=VIEW_CLASSES,
    auth_decorators=AUTH_DECORATORS,
    auth_calls=AUTH_CALLS,
    auth_checks=AUTH_CHECKS,
    permission_settings=PERMISSION_SETTINGS,
    header_arguments=HEADER_ARGUMENTS,
    body_arguments=BODY_ARGUMENTS,
    plain_return=PlainReturn(
        "flask",
        200,
        _GATE,
        body_calls=(
            "flask.jsonify",
            "flask.json.jsonify",
            "flask.render_template",
            "flask.render_template_string",
            "flask.templating.render_template",
            "flask.stream_template",
            "json.dumps",  # a string of JSON goes out as HTML with the default 200
        ),
    ),
    bodiless=Bodiless("flask", BodyPolicy.DROPPED, "Flask"),
)
