"""Flask and its common REST extensions."""

from __future__ import annotations

from .common import WERKZEUG_ABORTABLE
from .model import Api, CallRow, MethodRow, Receiver, ReturnRow, Role, Slot, Text
from .werkzeug import RESPONSE_CLASSES

APPS = (
    "flask.Flask", "flask.app.Flask", "flask.sansio.app.App", "flask.Blueprint", "flask.blueprints.Blueprint",
    "flask.sansio.blueprints.Blueprint",
)
ROUTE_OWNERS = (*APPS, "flask_restx.Namespace", "flask_smorest.Blueprint", "apiflask.APIFlask", "apiflask.APIBlueprint")
VIEW_BASES = (
    "flask.views.MethodView", "flask.views.View", "flask_restful.Resource", "flask_restx.Resource",
    "flask_smorest.MethodView",
)
_NO_HANDLER_WHY = "Flask raises ValueError when the handler is registered"

CALLS = (
    CallRow(
        ("flask.abort", "flask.helpers.abort"),
        Api(
            "flask", "flask.abort", Role.RAISE, (Slot(0, "code"),),
            accepts=WERKZEUG_ABORTABLE, rejects_why="it raises LookupError, so the client gets a 500",
        ),
    ),
    CallRow(("flask.redirect", "flask.helpers.redirect"), Api("flask", "flask.redirect", Role.REDIRECT, (Slot(1, "code"),), default=302)),
    CallRow(
        ("flask.make_response", "flask.helpers.make_response"),
        Api("flask", "make_response", Role.SET, (Slot(1),), default=200, text=Text.LINE_OR_CODE),
    ),
    CallRow(
        ("flask.Response", "flask.wrappers.Response"),
        Api("flask", "flask.Response", Role.SET, (Slot(1, "status"),), default=200, text=Text.LINE_OR_CODE),
    ),
)

METHODS = (
    MethodRow(
        ("errorhandler", "app_errorhandler", "register_error_handler"),
        Receiver(owners=APPS, gate=("flask",)),
        Api(
            "flask", "errorhandler", Role.HANDLE, (Slot(0),),
            accepts=WERKZEUG_ABORTABLE, rejects_why=_NO_HANDLER_WHY,
        ),
    ),
    MethodRow(
        ("redirect",),
        Receiver(owners=APPS, names=("app", "current_app")),
        Api("flask", "Flask.redirect", Role.REDIRECT, (Slot(1, "code"),), default=302),
    ),
)

BODY_CALLS = (
    "flask.jsonify", "flask.json.jsonify", "flask.render_template", "flask.render_template_string",
    "flask.make_response", "flask.send_file", "flask.send_from_directory", "flask.stream_template",
    "flask.templating.render_template", *RESPONSE_CLASSES, "flask.Response",
)

RETURNS = (
    ReturnRow(
        "flask", ROUTE_OWNERS, VIEW_BASES, BODY_CALLS, ("flask", "flask_restful", "flask_restx", "flask_smorest", "apiflask"),
        Api("flask", "a Flask view's return tuple", Role.SET, default=200, text=Text.LINE_OR_CODE),
    ),
)
