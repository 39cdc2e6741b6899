"""`records.NamedTuple` behaves as `typing.NamedTuple` does for every member the package's records use."""

from __future__ import annotations

import pickle
import typing

import pytest

from flake8_http_status import records


class Fast(records.NamedTuple):
    name: str
    code: int = 404
    tags: tuple[str, ...] = ()

    def label(self) -> str:
        return f"{self.name}:{self.code}"


class Slow(typing.NamedTuple):
    name: str
    code: int = 404
    tags: tuple[str, ...] = ()


def test_construction_by_position_keyword_and_default() -> None:
    assert tuple(Fast("a")) == tuple(Slow("a")) == ("a", 404, ())
    assert tuple(Fast("a", 410, ("x",))) == tuple(Slow("a", 410, ("x",)))
    assert tuple(Fast(code=201, name="b")) == tuple(Slow(code=201, name="b"))
    assert Fast("a").code == 404 and Fast("a").name == "a"


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), (("a", 1, (), "extra"), {}), (("a",), {"nope": 1}), (("a",), {"name": "b"})],
)
def test_wrong_arguments_fail_as_they_do_for_typing(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    with pytest.raises(TypeError):
        Slow(*args, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Fast(*args, **kwargs)  # type: ignore[arg-type]


def test_class_members() -> None:
    assert Fast._fields == Slow._fields == ("name", "code", "tags")
    assert Fast._field_defaults == Slow._field_defaults
    assert Fast.__match_args__ == Slow.__match_args__
    assert Fast("a").label() == "a:404"


def test_instance_members() -> None:
    fast, slow = Fast("a", 410), Slow("a", 410)
    assert tuple(fast._replace(code=201)) == tuple(slow._replace(code=201))
    assert fast._asdict() == slow._asdict()
    assert tuple(Fast._make(["b", 1, ()])) == tuple(Slow._make(["b", 1, ()]))
    assert repr(fast) == "Fast(name='a', code=410, tags=())"
    with pytest.raises(ValueError, match="unexpected field"):
        fast._replace(nope=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fast._make(["too", "few"])


def test_equality_hash_and_immutability_are_a_tuples() -> None:
    assert Fast("a") == ("a", 404, ()) and hash(Fast("a")) == hash(("a", 404, ()))
    with pytest.raises(AttributeError):
        Fast("a").code = 1  # type: ignore[misc]


def test_pattern_matching_and_pickling() -> None:
    match Fast("a", 410):
        case Fast(name, code):
            assert (name, code) == ("a", 410)
        case _:
            pytest.fail("the record did not match its class pattern")
    assert pickle.loads(pickle.dumps(Fast("a", 410))) == Fast("a", 410)


def test_reserved_names_cannot_be_overwritten() -> None:
    with pytest.raises(AttributeError):

        class Bad(records.NamedTuple):
            name: str

            def _replace(self) -> None: ...  # type: ignore[misc]


def test_a_field_without_default_cannot_follow_one_with() -> None:
    with pytest.raises(TypeError):

        class Bad(records.NamedTuple):
            code: int = 1
            name: str  # type: ignore[misc]


class Documented(records.NamedTuple):
    """Says what it is."""

    name: str


class DocumentedSlow(typing.NamedTuple):
    """Says what it is."""

    name: str


def test_docstrings_and_annotations_are_typings() -> None:
    assert Documented.__doc__ == DocumentedSlow.__doc__ == "Says what it is."
    assert (Fast.__doc__, Slow.__doc__) == ("Fast(name, code, tags)", "Slow(name, code, tags)")
    assert Fast.__annotations__ == {"name": "str", "code": "int", "tags": "tuple[str, ...]"}
    assert Fast.__new__.__doc__ == "Create new instance of Fast(name, code, tags)"
    assert Fast.__new__.__code__.co_varnames == ("_cls", "name", "code", "tags")


def test_a_record_with_a_field_count_no_template_has() -> None:
    class One(records.NamedTuple):
        only: int = 7

    assert tuple(One()) == (7,) and One(only=1).only == 1 and One._field_defaults == {"only": 7}
