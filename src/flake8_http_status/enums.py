"""`enum.Enum`, as the type checker knows it, built at run time without `enum`'s costs.

Creating an `enum.Enum` class costs some 0.6 M instructions (its `_EnumDict`, a `_proto_member` per member,
the checks for every feature the package does not use); a one-file flake8 run created a dozen of them at
import. The package's enumerations are plain: named constants with a value, some with properties. Here an
enumeration is a class whose members are its instances, with the members `enum.Enum` gives them and the
package (or a caller) may read: `name`, `value`, `repr` and `str` as `enum.Enum` writes them, the hash of the
name (so that a set of members iterates in the same order), identity for equality, pickling and copying by
value; a member holds nothing else (its name and value sit in slots, which makes members cheaper to create). On
the class: `Cls(value)` (a member given back as it is), `Cls[name]`, iteration in definition order (aliases left
out), `len`, `in`, `__members__`, and no reassigning of a member. Anything else (`auto`,
`__new__`, mixed-in types, subclassing an enumeration with members) is refused rather than done differently.
`tests/test_enums.py` holds it against `enum.Enum`. Type checkers see `enum.Enum`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from enum import Enum as Enum
else:
    from types import MappingProxyType
    from typing import Any

    _UNSUPPORTED = frozenset({"__new__", "__init__", "_generate_next_value_", "_missing_"})

    def _check(typename: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> None:
        for base in bases:
            if getattr(base, "_member_names_", None):
                raise TypeError(f"{typename}: cannot extend {base!r}")
        if not _UNSUPPORTED.isdisjoint(namespace):
            unsupported = min(_UNSUPPORTED.intersection(namespace))
            raise TypeError(f"{typename}: {unsupported} is not supported (use enum.Enum)")

    class _EnumType(type):
        """Creates an enumeration and its members. An enumeration is created at import, so its cost is start-up:
        members keep their name and value in slots (no `__dict__` each), and the class gets its tables whole."""

        def __new__(mcs, typename: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
            _check(typename, bases, namespace)
            # Members: public names bound to plain values (functions, properties and other descriptors are not).
            values = [
                (name, value) for name, value in namespace.items() if name[0] != "_" and not hasattr(value, "__get__")
            ]
            namespace.setdefault("__slots__", ())
            cls = super().__new__(mcs, typename, bases, namespace)
            names: list[str] = []
            by_name: dict[str, Any] = {}
            by_value: dict[Any, Any] = {}
            new = object.__new__
            for name, value in values:
                member = by_value.get(value)
                if member is None:  # else an alias, as `enum.Enum` makes it
                    member = by_value[value] = new(cls)
                    member._name_ = name
                    member._value_ = value
                    names.append(name)
                by_name[name] = member
                type.__setattr__(cls, name, member)
            type.__setattr__(cls, "_member_names_", names)
            type.__setattr__(cls, "_member_map_", by_name)
            type.__setattr__(cls, "_value2member_map_", by_value)
            return cls

        def __call__(cls, value: Any) -> Any:
            """The member whose value is `value` (a member is its own value); ValueError for none."""
            if value.__class__ is cls:
                return value
            try:
                member = cls._value2member_map_.get(value)
            except TypeError:  # an unhashable value: no member has it
                member = None
            if member is None:
                raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
            return member

        def __getitem__(cls, name: str) -> Any:
            return cls._member_map_[name]

        def __iter__(cls) -> Any:
            return (cls._member_map_[name] for name in cls._member_names_)

        def __reversed__(cls) -> Any:
            return (cls._member_map_[name] for name in reversed(cls._member_names_))

        def __len__(cls) -> int:
            return len(cls._member_names_)

        def __contains__(cls, value: object) -> bool:
            """A member, or (as `enum.Enum` has it since Python 3.12) a member's value."""
            return isinstance(value, cls) or value in cls._value2member_map_  # TypeError for an unhashable value

        @property
        def __members__(cls) -> MappingProxyType[str, Any]:
            return MappingProxyType(cls._member_map_)

        def __setattr__(cls, name: str, value: object) -> None:
            if name in cls.__dict__.get("_member_map_", ()):
                raise AttributeError(f"cannot reassign member {name!r}")
            super().__setattr__(name, value)

        def __delattr__(cls, name: str) -> None:
            if name in cls.__dict__.get("_member_map_", ()):
                raise AttributeError(f"cannot delete member {name!r}")
            super().__delattr__(name)

        def __repr__(cls) -> str:
            return f"<enum {cls.__name__!r}>"

    class Enum(metaclass=_EnumType):
        """The base of an enumeration; its members are set up by `_EnumType`."""

        __slots__ = ("_name_", "_value_")
        _name_: str
        _value_: Any

        @property
        def name(self) -> str:
            return self._name_

        @property
        def value(self) -> Any:
            return self._value_

        def __repr__(self) -> str:
            return f"<{self.__class__.__name__}.{self._name_}: {self._value_!r}>"

        def __str__(self) -> str:
            return f"{self.__class__.__name__}.{self._name_}"

        def __format__(self, spec: str) -> str:
            return format(str(self), spec)

        def __hash__(self) -> int:
            return hash(self._name_)

        def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
            return self.__class__, (self._value_,)

        def __copy__(self) -> Any:
            return self

        def __deepcopy__(self, memo: Any) -> Any:
            return self
