"""`enums.Enum` behaves as `enum.Enum` does for every member the package's enumerations use."""

from __future__ import annotations

import copy
import enum
import pickle
from typing import Any

import pytest

from flake8_http_status import enums


class Fast(enums.Enum):
    """A docstring."""

    SET = "sets"
    RAISE = "raises"
    SENDS = "sets"

    @property
    def loud(self) -> str:
        return str(self.value).upper()

    def is_set(self) -> bool:
        return self is Fast.SET


class Slow(enum.Enum):
    """A docstring."""

    SET = "sets"
    RAISE = "raises"
    SENDS = "sets"  # noqa: PIE796 - an alias, on purpose

    @property
    def loud(self) -> str:
        return str(self.value).upper()

    def is_set(self) -> bool:
        return self is Slow.SET


class Numbers(enums.Enum):
    ONE = 1
    TWO = 2


BOTH = pytest.mark.parametrize("kind", [Fast, Slow], ids=["twin", "enum"])


def _shown(text: str, kind: type[Any]) -> str:
    return text.replace(kind.__name__, "Kind")


@BOTH
def test_members_are_instances_with_a_name_and_a_value(kind: Any) -> None:
    member = kind.RAISE
    assert isinstance(member, kind)
    assert (member.name, member.value) == ("RAISE", "raises")
    assert member.loud == "RAISES"
    assert kind.SET.is_set() and not kind.RAISE.is_set()
    assert kind.SENDS is kind.SET  # an alias is the first member of its value
    assert kind.__doc__ == "A docstring."


@BOTH
def test_text_is_what_enum_writes(kind: Any) -> None:
    assert _shown(repr(kind.SET), kind) == "<Kind.SET: 'sets'>"
    assert _shown(str(kind.SET), kind) == "Kind.SET"
    assert _shown(f"{kind.SET}|{kind.SET:>10}", kind) == "Kind.SET|  Kind.SET"
    assert _shown(repr(kind), kind) == "<enum 'Kind'>"


def test_numbers_are_shown_as_enum_shows_them() -> None:
    class Slower(enum.Enum):
        ONE = 1
        TWO = 2

    assert repr(Numbers.TWO).replace("Numbers", "X") == repr(Slower.TWO).replace("Slower", "X")


@BOTH
def test_the_class_is_a_collection_of_its_members(kind: Any) -> None:
    assert list(kind) == [kind.SET, kind.RAISE]  # definition order, aliases left out
    assert list(reversed(kind)) == [kind.RAISE, kind.SET]
    assert len(kind) == 2
    assert kind.SET in kind and kind.RAISE in kind
    assert dict(kind.__members__) == {"SET": kind.SET, "RAISE": kind.RAISE, "SENDS": kind.SET}
    assert kind["RAISE"] is kind.RAISE


def test_a_value_is_in_the_class_as_python_3_12_has_it() -> None:
    # `enum.Enum` answers this by version (TypeError before 3.12, False for an unhashable value from 3.13):
    # the twin gives 3.12's answer on every version. The package never asks it with a value, only (if at all)
    # with members, which every version answers alike (the test above).
    fast: Any = Fast  # as `type[Fast]`, mypy rejects `in` with a value
    assert "raises" in fast and "other" not in fast
    with pytest.raises(TypeError):
        [] in fast  # noqa: B015


@BOTH
def test_looking_up_a_value(kind: Any) -> None:
    assert kind("raises") is kind.RAISE
    assert kind(kind.RAISE) is kind.RAISE
    with pytest.raises(ValueError, match=r"^'other' is not a valid "):
        kind("other")
    with pytest.raises(ValueError, match=r"^\[\] is not a valid "):
        kind([])
    with pytest.raises(KeyError):
        kind["OTHER"]


@BOTH
def test_equality_is_identity_and_the_hash_is_the_names(kind: Any) -> None:
    assert kind.SET == kind.SET and kind.SET != kind.RAISE and kind.SET != "sets"
    assert hash(kind.SET) == hash("SET")  # a set of members iterates in the same order as with enum.Enum
    with pytest.raises(TypeError):
        sorted([kind.SET, kind.RAISE])


@BOTH
def test_members_survive_pickling_and_copying(kind: Any) -> None:
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(kind.RAISE, protocol)) is kind.RAISE
    assert copy.copy(kind.RAISE) is kind.RAISE
    assert copy.deepcopy([kind.RAISE])[0] is kind.RAISE


@BOTH
def test_members_cannot_be_reassigned_or_renamed(kind: Any) -> None:
    with pytest.raises(AttributeError):
        kind.SET = "other"
    with pytest.raises(AttributeError):
        del kind.SET
    with pytest.raises(AttributeError):
        kind.SET.name = "OTHER"
    with pytest.raises(AttributeError):
        kind.SET.value = "other"
    assert kind.SET.value == "sets"


@BOTH
def test_an_enumeration_with_members_cannot_be_extended(kind: Any) -> None:
    with pytest.raises(TypeError):

        class More(kind):  # type: ignore[misc]
            OTHER = "other"


def test_what_the_twin_does_not_do_is_refused() -> None:
    metaclass: Any = type(enums.Enum)
    for member in ("__new__", "__init__", "_missing_", "_generate_next_value_"):
        with pytest.raises(TypeError, match=member):
            metaclass("Bad", (enums.Enum,), {member: lambda *args: None, "A": 1})


def test_a_twin_member_holds_its_name_and_value_only() -> None:
    # Slots rather than a `__dict__` per member: enumerations are made at import, on every run.
    with pytest.raises(AttributeError):
        Fast.SET.label = "x"  # type: ignore[attr-defined]
    assert not hasattr(Fast.SET, "__dict__") and not hasattr(Numbers.ONE, "__dict__")
