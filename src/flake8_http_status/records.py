"""`NamedTuple`, as the type checker knows it, built at run time without `typing`'s costs.

`typing.NamedTuple` checks every field's annotation; under `from __future__ import annotations` each
is a string, which becomes a `ForwardRef` whose text is compiled, and `collections.namedtuple` then
compiles the class's `__new__` from source. With some seventy record types in the package that was a
large share of the plugin's start-up, paid on every one-file flake8 run. Here a record class is a
tuple subclass with the same members (`_fields`, `_field_defaults`, `_make`, `_replace`, `_asdict`,
`__match_args__`, a `__new__` taking the fields by position or name, with their defaults) whose
`__new__` reuses one compiled template per number of fields. Type checkers see `typing.NamedTuple`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from operator import itemgetter

    try:  # the descriptor `collections.namedtuple` itself uses for its fields (CPython)
        from collections import _tuplegetter
    except ImportError:  # another implementation: a property does the same, a little slower

        def _tuplegetter(index: int, doc: str) -> Any:
            return property(itemgetter(index), doc=doc)

    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace"}
        | {"_asdict", "_source"}
    )
    from .record_new import TEMPLATES

    _TEMPLATES: dict[int, Any] = {}

    def _template(count: int) -> Any:
        """The code of `__new__` for `count` fields, its parameters named `_cls, _0, _1, ...`.

        The templates of the package's records (`record_new`) come from a .pyc: compiling one costs 0.2-1 M
        instructions, and a one-file run meets eleven field counts. Another record compiles its own, once per count."""
        template = TEMPLATES.get(count)
        if template is not None:
            return template.__code__
        code = _TEMPLATES.get(count)
        if code is None:
            names = ", ".join(f"_{index}" for index in range(count))
            source = f"def __new__(_cls, {names}): return _tuple_new(_cls, ({names}{',' if count == 1 else ''}))"
            scope: dict[str, Any] = {}
            exec(compile(source, "<record>", "exec"), {"_tuple_new": tuple.__new__}, scope)
            code = _TEMPLATES[count] = scope["__new__"].__code__
        return code

    def _make_new(typename: str, fields: tuple[str, ...], defaults: tuple[object, ...]) -> Callable[..., Any]:
        names: dict[str, Any] = {"co_varnames": ("_cls", *fields), "co_name": "__new__"}
        if sys.version_info >= (3, 11):  # code objects have a qualified name since 3.11
            names["co_qualname"] = f"{typename}.__new__"
        code = _template(len(fields)).replace(**names)
        function = type(_make_new)(code, {"_tuple_new": tuple.__new__, "__builtins__": {}}, "__new__", defaults or None)
        function.__doc__ = f"Create new instance of {typename}({', '.join(fields)})"
        return function

    class _Record(tuple):
        """The members every record shares; each record class adds its fields, `__new__` and `_fields`."""

        __slots__ = ()
        _fields: tuple[str, ...] = ()

        @classmethod
        def _make(cls, iterable: Any) -> Any:
            result = tuple.__new__(cls, iterable)
            if len(result) != len(cls._fields):
                raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
            return result

        def _replace(self, /, **changes: Any) -> Any:
            result = self._make(map(changes.pop, self._fields, self))
            if changes:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
            return result

        def __repr__(self) -> str:
            values = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self, strict=True))
            return f"{self.__class__.__name__}({values})"

        def _asdict(self) -> dict[str, Any]:
            return dict(zip(self._fields, self, strict=True))

        def __getnewargs__(self) -> tuple[Any, ...]:
            return tuple(self)

    # A field's descriptor depends only on its position, so records share them (namedtuple makes one per class).
    _GETTERS: list[Any] = []

    def _getters(count: int) -> list[Any]:
        while len(_GETTERS) < count:
            _GETTERS.append(_tuplegetter(len(_GETTERS), f"Alias for field number {len(_GETTERS)}"))
        return _GETTERS[:count]

    class _RecordMeta(type):
        def __new__(cls, typename: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
            if not bases:  # NamedTuple itself
                return super().__new__(cls, typename, bases, namespace)
            annotations: dict[str, Any] = namespace.get("__annotations__", {})
            fields = tuple(annotations)  # identifiers from the source: interned already
            defaulted = [name for name in fields if name in namespace]
            if defaulted != list(fields[len(fields) - len(defaulted) :]):
                raise TypeError(f"{typename}: a field without a default follows one with a default")
            defaults = tuple(namespace[name] for name in defaulted)
            members: dict[str, Any] = {
                "__doc__": f"{typename}({', '.join(fields)})",
                "__slots__": (),
                "_fields": fields,
                "_field_defaults": dict(zip(defaulted, defaults, strict=True)),
                "__new__": _make_new(typename, fields, defaults),
                "__match_args__": fields,
            }
            for key, value in namespace.items():
                if key in annotations or key == "__annotations__":
                    continue
                if key in _PROHIBITED:
                    raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
                members[key] = value
            members.update(zip(fields, _getters(len(fields)), strict=True))
            record = type(typename, (_Record,), members)
            record.__annotations__ = dict(annotations)
            return record

    class NamedTuple(metaclass=_RecordMeta):
        pass
