"""Small per-installation preferences kept in the database (last profile, zoom, device id)."""

from __future__ import annotations

from workbook.store import dialect
from workbook.store.clock import new_id
from workbook.store.models import SettingRecord

LAST_LEARNER = "last_learner_id"
READER_ZOOM = "reader_zoom"
DEVICE_ID = "device_id"


def get_setting(key: str, default: str | None = None) -> str | None:
    record = SettingRecord.get_or_none(SettingRecord.key == key)
    return record.value if record is not None else default


def set_setting(key: str, value: str) -> None:
    SettingRecord.insert(key=key, value=value).on_conflict(
        conflict_target=[SettingRecord.key], preserve=[SettingRecord.value]).execute()


def device_id() -> str:
    """This installation's id, made once; stamped on every activity row it records. On a server
    every PC shares the settings table (and a learner role may not read it), so there the id names
    the machine instead (`dialect.machine_id`)."""
    if dialect.is_server():
        return dialect.machine_id()
    existing = get_setting(DEVICE_ID)
    if existing:
        return existing
    made = new_id()
    set_setting(DEVICE_ID, made)
    return made
