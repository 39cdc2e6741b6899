"""Which calls create a resource, and which creations run on every way to a point."""

from __future__ import annotations

import pytest
from conftest import codes
from handler_helpers import module

from flake8_http_status.handlers.creation import answers_with, records_event
from flake8_http_status.options import settings_from_args


def created(body: str, *options: str, header: str = "def view(request, session, db, repo):\n") -> list[str]:
    source = (
        "from sqlalchemy import insert\n"
        + header
        + "".join(f"    {line}\n" for line in body.splitlines())
        + "    return done\n"
    )
    found = module(source, settings_from_args(options))
    function = found.function("view")
    return [item.row.label for item in found.model.created_before(function, found.node("view", "return done"))]


@pytest.mark.parametrize(
    ("body", "label"),
    [
        ("Note.objects.create(title='x')", "Model.objects.create"),
        ("Note.objects.bulk_create(notes)", "Model.objects.create"),
        ("session.add(Item(name='x'))", "session.add(Model(...))"),
        ("item = Item.model_validate(data)\ndb.add(item)", "session.add(Model(...))"),
        ("session.execute(insert(Item).values(name='x'))", "insert(Model)"),
        ("request.app.db.items.insert_one({})", "collection.insert_one"),
        ("repo.create(data)", "repository.create"),
        ("crud.create_user(session=session, user_create=data)", "repository.create"),
        ("s = ItemSerializer(data=request.data)\ns.is_valid(raise_exception=True)\ns.save()", "serializer.save()"),
        ("item = Item(name='x')\nitem.save()", "Model(...).save()"),
        ("with transaction.atomic():\n    Note.objects.create(title='x')", "Model.objects.create"),
        ("User.insert(name='x').execute()", "Model.insert"),
        ("models.Item.create(name='x')", "Model.create"),
        ("crud.user.create(db, obj_in=data)", "repository.create"),
        ("repo.save(Item(name='x'))", "repository.save(Model(...))"),
        ("notes_table.insert()", "table.insert"),
        ("db.insert('items', {'name': 'x'})", "table.insert"),
    ],
)
def test_creations(body: str, label: str) -> None:
    assert created(body) == [label]


@pytest.mark.parametrize(
    "body",
    [
        "Note.objects.get_or_create(title='x')",
        "item = session.get(Item, 1)\nsession.add(item)",
        "s = ItemSerializer(instance, data=request.data)\ns.save()",
        "s = ItemSerializer(instance=item, data=request.data)\ns.save()",
        "form = PasswordResetForm(request.POST)\nform.save()",
        "wb = Workbook()\nwb.save(buffer)",
        "if request.GET:\n    Note.objects.create(title='x')",
        "for title in titles:\n    Note.objects.create(title=title)",
        "try:\n    Note.objects.create(title='x')\nexcept Exception:\n    pass",
        "cache.create(key)",
        "User.insert(name='x').on_conflict_replace().execute()",
        "session.execute(insert(Item).values(name='x').on_conflict_do_nothing())",
        "request.app.db.items.insert_one({}, upsert=True)",
        "db.insert(0, row)",
        "repo.save(item)",
        "stripe.Customer.create(email='x')",
    ],
)
def test_not_creations_on_every_way(body: str) -> None:
    assert created(body) == []


def test_creation_inside_a_try_whose_handlers_leave() -> None:
    assert created("try:\n    Note.objects.create(title='x')\nexcept Exception:\n    return 'no'") == [
        "Model.objects.create"
    ]


def test_project_creation_calls() -> None:
    body = "orders.place_order(cart)"
    assert created(body) == []
    assert created(body, "--http-status-creation-calls=myapp.orders.place_order") == ["myapp.orders.place_order"]


def test_fastapi_body_parameters_are_new_objects() -> None:
    header = (
        "from fastapi import FastAPI\napp = FastAPI()\n@app.post('/heroes')\ndef view(hero: Hero, session: Session):\n"
    )
    assert created("session.add(hero)\nsession.commit()", header=header) == ["session.add(Model(...))"]
    updating = (
        "from fastapi import FastAPI\napp = FastAPI()\n@app.put('/heroes')\ndef view(hero_id: int, session: Session):\n"
    )
    assert created("hero = session.get(Hero, hero_id)\nsession.add(hero)", header=updating) == []


def _answer_carries(body: str, answer: str) -> bool:
    source = "def view(request, session, db, repo):\n" + "".join(f"    {line}\n" for line in body.splitlines())
    source += f"    return {answer}\n"
    found = module(source, settings_from_args(()))
    function = found.function("view")
    model = found.model
    index = model.body_index(function)
    ret = index.returns[-1]
    assert ret.value is not None
    creations = model.creations_in(function)
    assert creations
    return any(answers_with(c, index, ret.value) for c in creations)


@pytest.mark.parametrize(
    ("body", "answer", "carries"),
    [
        ("item = Item(name='x')\nsession.add(item)", "{'id': item.id}", True),
        ("item = repo.create(data)\nout = schema.dump(item)", "out", True),
        ("user_id = User.insert(name='x').execute()", "{'id': user_id}", True),
        ("session.add(Thing(name='x'))", "{'created': True}", True),
        ("", "repo.create(data)", True),
        ("run = repo.create(data)", "{'status': 'started'}", False),
        ("item = Item(name='x')\nsession.add(item)", "{'ok': True}", False),
        # An answer that reads other data may describe what was made (Tandoor's bulk meal plans).
        ("plan = Plan.objects.create(day=1)", "serializer.data", True),
        ("recipe = Recipe.objects.create(name=1)", "Out(context=ctx).to_representation(response)", True),
        ("run = repo.create(data)", "jsonify(status='started')", False),
    ],
)
def test_the_answer_carries_what_was_made(body: str, answer: str, carries: bool) -> None:
    assert _answer_carries(body, answer) is carries


@pytest.mark.parametrize(
    ("body", "event"),
    [
        ("session.add(AuditLog(action='x'))", True),
        ("entry = History(msg='x')\nentry.save()", True),
        ("AuditEntry.objects.create(action='x')", True),
        ("Blog.objects.create(title='x')", False),
        ("session.add(Catalog(name='x'))", False),
    ],
)
def test_log_rows_are_records_of_the_request(body: str, event: bool) -> None:
    source = "def view(request, session):\n" + "".join(f"    {line}\n" for line in body.splitlines())
    found = module(source, settings_from_args(()))
    function = found.function("view")
    index = found.model.body_index(function)
    creations = found.model.creations_in(function)
    assert creations
    assert all(records_event(c, index) is event for c in creations)


def test_a_helper_told_a_status_is_not_the_default() -> None:
    # Timesketch's resources answer `self.to_json(obj, status_code=HTTP_STATUS_CODE_CREATED)`: the helper sends
    # the status it is given, so the view does not answer the framework's default 200.
    source = (
        "from flask_restful import Resource\n\nfrom app import db\n\n\nclass Items(Resource):\n"
        "    def post(self):\n        item = Item(name='x')\n        db.session.add(item)\n        db.session.commit()\n"
        "        return self.to_json(item, status_code=CREATED)\n"
    )
    assert "HTS904" not in codes(source)
    assert "HTS904" in codes(source.replace(", status_code=CREATED", ""))
