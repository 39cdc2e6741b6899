"""Creations that do not belong to one web framework: ORMs, document stores and service layers.

Only idiom rows live here (no status rows). Rows marked heuristic are recognised by naming
conventions, not through imports. Every creation row matches by a method's name and its receiver's text,
with no import (a Django model imported from the project still has `objects`), so they all live here: this
declaration is loaded for every module the handler model reads (`reach.IDIOMS_ALWAYS`), and the web
frameworks' own, loaded only for the modules that import them, hold none.
"""

from __future__ import annotations

from .framework import Framework
from .idioms import Creation
from .rows import Slot

_SESSION = r"(?i)(session|db|database)\Z"  # session, db.session, DBSession, self.db
_MODEL_CLASS = r"\A(models?\.)?[A-Z][A-Za-z0-9]*\Z"  # `Item`, `models.Item`; not `stripe.Customer`
_LAYER = r"(?i)(^|\.|_)(repo|repository|repositories|service|services|crud|store|dao)(\.[a-z]\w*)?\Z"

CREATIONS = (
    # Django's ORM (first, as when Django's declaration held it): a manager's `create`, on `Model.objects`.
    Creation(
        "Model.objects.create",
        attributes=("create", "acreate", "bulk_create", "abulk_create"),
        receiver=r"(^|\.)objects\Z",
    ),
    # DRF: save() calls create() on a serializer built without an instance, update() on one built with it.
    Creation("serializer.save()", attributes=("save",), unbound=r"Serializer\Z", unbound_instance=Slot(0, "instance")),
    # SQLAlchemy, Flask-SQLAlchemy, SQLModel: `session.add(Model(...))`, or an object built earlier in the handler.
    Creation("session.add(Model(...))", attributes=("add",), receiver=_SESSION, fresh_argument=True),
    Creation("insert(Model)", names=("sqlalchemy.insert", "sqlalchemy.sql.expression.insert", "sqlalchemy.sql.insert")),
    # MongoDB (PyMongo, Motor, Beanie): the method names say it.
    Creation("collection.insert_one", attributes=("insert_one", "insert_many")),
    # Tortoise, Peewee, Beanie, Ormar: `await Model.create(...)` on a class (or on `models.Model`).
    Creation("Model.create", attributes=("create",), receiver=_MODEL_CLASS, heuristic=True),
    # Peewee: `Model.insert(...).execute()` on a class; an upsert (`.on_conflict(...)`) is not (`handlers.creation`).
    Creation("Model.insert", attributes=("insert",), receiver=_MODEL_CLASS, heuristic=True),
    # Repository and service layers, the FastAPI tutorial's `crud.create_user(db, user)`, and the older
    # full-stack template's `crud.user.create(db, obj_in=...)`.
    Creation(
        "repository.create",
        attributes=("create", "create_*", "add", "insert"),
        receiver=_LAYER,
        heuristic=True,
    ),
    # `repo.save(Item(...))`: a repository's save of an object built here (of a loaded one it is an update).
    Creation("repository.save(Model(...))", attributes=("save", "persist"), receiver=_LAYER, fresh_argument=True),
    # TinyDB `db.insert(doc)`, SQLAlchemy Core `notes.insert()` on a `Table`, `db.table("x").insert(...)`.
    Creation("table.insert", attributes=("insert",), receiver=r"(?i)(^|\.|_)(db|database|table)\Z", heuristic=True),
    # `obj = Model(...); obj.save()` (Django, MongoEngine), `doc.insert()` (Beanie): a new object saved.
    Creation(
        "Model(...).save()",
        attributes=("save", "asave", "insert"),
        unbound=r"\A(?!.*(Form|Serializer|Schema)\Z)[A-Z]\w*\Z",
        heuristic=True,
    ),
)

FRAMEWORK = Framework(
    "storage",
    injected_types=("Session", "AsyncSession", "Connection"),
    creations=CREATIONS,
)
