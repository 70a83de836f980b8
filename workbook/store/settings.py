"""Small per-installation preferences kept in the database (last profile, zoom, device id)."""

from __future__ import annotations

from workbook.store import dialect
from workbook.store.clock import new_id
from workbook.store.models import SettingRecord, database

LAST_LEARNER = "last_learner_id"
READER_ZOOM = "reader_zoom"
DEVICE_ID = "device_id"


# Fixed statements rather than peewee queries: an ingest reads and writes a few settings per batch.
_TABLE = SettingRecord._meta.table_name
_GET = f'SELECT "value" FROM "{_TABLE}" WHERE "key" = {{p}}'
_SET = (f'INSERT INTO "{_TABLE}" ("key", "value") VALUES ({{p}}, {{p}}) '
        'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"')


def get_setting(key: str, default: str | None = None) -> str | None:
    row = database.execute_sql(_GET.format(p=database.param), (key,)).fetchone()
    return row[0] if row is not None else default


def set_setting(key: str, value: str) -> None:
    database.execute_sql(_SET.format(p=database.param), (key, value))


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
