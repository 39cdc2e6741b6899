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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
else:
    from operator import itemgetter

    from .record_new import TEMPLATES

    try:  # the descriptor `collections.namedtuple` itself uses for its fields (CPython)
        from collections import _tuplegetter
    except ImportError:  # another implementation: a property does the same, a little slower

        def _tuplegetter(index: int, doc: str) -> Any:
            return property(itemgetter(index), doc=doc)

    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace"}
        | {"_asdict", "_source"}
    )
    # The code of `__new__` by number of fields, its parameters named `_cls, _0, _1, ...`. The templates of the
    # package's records (`record_new`) come from a .pyc: compiling one costs 0.2-1 M instructions, and a one-file
    # run meets eleven field counts. Another record compiles its own, once per count.
    _TEMPLATES: dict[int, Any] = {count: template.__code__ for count, template in TEMPLATES.items()}

    def _compiled_template(count: int) -> Any:
        names = ", ".join(f"_{index}" for index in range(count))
        source = f"def __new__(_cls, {names}): return _tuple_new(_cls, ({names}{',' if count == 1 else ''}))"
        scope: dict[str, Any] = {}
        exec(compile(source, "<record>", "exec"), {"_tuple_new": tuple.__new__}, scope)
        code = _TEMPLATES[count] = scope["__new__"].__code__
        return code

    # Every record's `__new__` runs in these globals: the templates read `_tuple_new`, and nothing else.
    _NEW_GLOBALS: dict[str, Any] = {"_tuple_new": tuple.__new__, "__builtins__": {}}
    _function = type(_compiled_template)

    if sys.version_info >= (3, 11):  # code objects have a qualified name since 3.11

        def _renamed(code: Any, typename: str, fields: tuple[str, ...]) -> Any:
            return code.replace(co_varnames=("_cls", *fields), co_name="__new__", co_qualname=typename + ".__new__")

    else:

        def _renamed(code: Any, typename: str, fields: tuple[str, ...]) -> Any:
            return code.replace(co_varnames=("_cls", *fields), co_name="__new__")

    def _make_new(typename: str, signature: str, fields: tuple[str, ...], defaults: tuple[object, ...]) -> Any:
        """`__new__` for a record whose `signature` is `Name(field, ...)`: a template's code, renamed."""
        template = _TEMPLATES.get(len(fields)) or _compiled_template(len(fields))
        function = _function(_renamed(template, typename, fields), _NEW_GLOBALS, "__new__", defaults or None)
        function.__doc__ = "Create new instance of " + signature
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
        """At least `count` field descriptors, by position."""
        while len(_GETTERS) < count:
            _GETTERS.append(_tuplegetter(len(_GETTERS), f"Alias for field number {len(_GETTERS)}"))
        return _GETTERS

    def _defaults(typename: str, fields: tuple[str, ...], namespace: dict[str, Any]) -> dict[str, Any]:
        """The trailing fields the class body assigns, with their default values."""
        defaults = {name: namespace[name] for name in fields if name in namespace}
        if defaults and next(iter(defaults)) != fields[len(fields) - len(defaults)]:
            raise TypeError(f"{typename}: a field without a default follows one with a default")
        return defaults

    class _RecordMeta(type):
        """Turns the class body's namespace into the record's, in place: a record class is created at import, so
        its cost is start-up (79 of them on a one-file run): few Python calls, loops in C (`zip`, `dict.update`)."""

        def __new__(cls, typename: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> type:
            if not bases:  # NamedTuple itself
                return super().__new__(cls, typename, bases, namespace)
            if not _PROHIBITED.isdisjoint(namespace):
                raise AttributeError(
                    "Cannot overwrite NamedTuple attribute " + min(_PROHIBITED.intersection(namespace))
                )
            fields = tuple(namespace.get("__annotations__", ()))  # identifiers from the source: interned already
            defaults = _defaults(typename, fields, namespace)
            signature = f"{typename}({', '.join(fields)})"
            namespace.setdefault("__doc__", signature)
            namespace["__slots__"] = ()
            namespace["_fields"] = namespace["__match_args__"] = fields
            namespace["_field_defaults"] = defaults
            namespace["__new__"] = _make_new(typename, signature, fields, tuple(defaults.values()))
            namespace.update(zip(fields, _getters(len(fields)), strict=False))  # replacing the defaults
            return type(typename, (_Record,), namespace)

    class NamedTuple(metaclass=_RecordMeta):
        pass
