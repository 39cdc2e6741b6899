"""Which calls create a resource, and which creations run on every way to a point."""

from __future__ import annotations

import pytest
from handler_helpers import module

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
