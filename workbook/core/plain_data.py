"""The content's records (msgspec Structs) as plain JSON-ready data, as pydantic's
`model_dump(mode="json")` wrote them when they were pydantic models: fields in their order, enums as
their values, tuples as lists.
Quiz attempts store their questions this way, and GIFT and YAML exports write them."""

from __future__ import annotations

from enum import Enum
from typing import Any

from msgspec import NODEFAULT, Struct


def as_data(value: Any, *, exclude_none: bool = False, exclude_defaults: bool = False) -> Any:
    """`value` (a content record, or lists and dicts of them) as plain data; `exclude_none` leaves
    out fields that are None, `exclude_defaults` fields equal to their default, at every level."""
    if isinstance(value, Struct):
        data = {}
        names = value.__struct_fields__
        defaults = (NODEFAULT,) * (len(names) - len(value.__struct_defaults__)) + value.__struct_defaults__
        for name, default in zip(names, defaults, strict=True):
            item = getattr(value, name)
            if exclude_none and item is None:
                continue
            if exclude_defaults and _is_default(default, item):
                continue
            data[name] = as_data(item, exclude_none=exclude_none, exclude_defaults=exclude_defaults)
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [as_data(item, exclude_none=exclude_none, exclude_defaults=exclude_defaults) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item, exclude_none=exclude_none, exclude_defaults=exclude_defaults)
                for key, item in value.items()}
    return value


def _is_default(default: Any, value: Any) -> bool:
    """`default` as a Struct class holds it: a value, a factory (`msgspec.field(default_factory=...)`)
    or NODEFAULT for a required field. (The class's own lists are read, not `msgspec.structs.fields`,
    which resolves every annotation and cannot see names imported only for type checking.)"""
    if default is NODEFAULT:
        return False
    factory = getattr(default, "factory", None) if type(default).__name__ == "Factory" else None
    return value == (factory() if factory is not None else default)
