"""The content's dataclasses as plain JSON-ready data, as pydantic's `model_dump(mode="json")` wrote
them when they were pydantic models: fields in their order, enums as their values, tuples as lists.
Quiz attempts store their questions this way, and GIFT and YAML exports write them."""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from enum import Enum
from typing import Any


def as_data(value: Any, *, exclude_none: bool = False, exclude_defaults: bool = False) -> Any:
    """`value` (a content dataclass, or lists and dicts of them) as plain data; `exclude_none` leaves
    out fields that are None, `exclude_defaults` fields equal to their default, at every level."""
    if is_dataclass(value) and not isinstance(value, type):
        data = {}
        for spec in fields(value):
            item = getattr(value, spec.name)
            if exclude_none and item is None:
                continue
            if exclude_defaults and _is_default(spec, item):
                continue
            data[spec.name] = as_data(item, exclude_none=exclude_none, exclude_defaults=exclude_defaults)
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, list | tuple):
        return [as_data(item, exclude_none=exclude_none, exclude_defaults=exclude_defaults) for item in value]
    if isinstance(value, dict):
        return {key: as_data(item, exclude_none=exclude_none, exclude_defaults=exclude_defaults)
                for key, item in value.items()}
    return value


def _is_default(spec: Any, value: Any) -> bool:
    if spec.default is not MISSING:
        return value == spec.default
    if spec.default_factory is not MISSING:
        return value == spec.default_factory()
    return False
