"""Schema versions as ordered steps; each runs with its version bump in one transaction.

Shipped steps are never edited: a change to the schema is a new step at the end. A new database
climbs through every step, so there is one definition of the schema, not two.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import Database

from workbook.store import dialect
from workbook.store.schema_dashboard import (  # noqa: F401 (read as migrations.X too)
    DASHBOARD_REBUILD,
    DASHBOARD_SUMMARY,
    SCHEMA_V10,
    SUMMARY_REBUILD_V10,
)
from workbook.store.schema_provenance import SCHEMA_V11
from workbook.store.schema_sqlite import (  # noqa: F401 (the store and tests read these as migrations.X)
    PACE_CAP_SECONDS,
    PACE_REBUILD,
    PACE_REBUILD_V7,
    PACE_TABLES,
    SCHEMA_V1,
    SCHEMA_V2,
    SCHEMA_V3,
    SCHEMA_V4,
    SCHEMA_V5,
    SCHEMA_V6,
    SCHEMA_V7,
    SCHEMA_V8,
    SCHEMA_V9,
    SUMMARY_REBUILD,
    SUMMARY_REBUILD_V7,
    SUMMARY_TABLES,
)


def _schema_v8(db: Database) -> None:
    """The tables, and this database's own id: a PC keeps how far it has pushed per server id, so a
    server replaced by a fresh one gets everything again."""
    import uuid

    for statement in SCHEMA_V8:
        db.execute_sql(statement)
    db.execute_sql(f"INSERT INTO sync_server (id) VALUES ({db.param})", (uuid.uuid4().hex,))


def _run(statements: list[str]) -> Callable[[Database], None]:
    def step(db: Database) -> None:
        for statement in statements:
            db.execute_sql(statement)

    return step


# SQLite's steps. PostgreSQL has its own list of the same versions (`migrations_pg.STEPS`): a new
# schema version adds a step to both, with the same number (a test checks they agree).
STEPS: list[tuple[int, Callable[[Database], None]]] = [
    (1, _run(SCHEMA_V1)),
    (2, _run(SCHEMA_V2)),
    (3, _run(SCHEMA_V3)),
    (4, _run(SCHEMA_V4)),
    (5, _run(SCHEMA_V5)),
    (6, _run(SCHEMA_V6)),
    (7, _run(SCHEMA_V7)),
    (8, _schema_v8),
    (9, _run(SCHEMA_V9)),
    (10, _run(SCHEMA_V10)),
    (11, _run(SCHEMA_V11)),  # row provenance and refused rows
]
CURRENT_VERSION = STEPS[-1][0]


class NewerSchemaError(Exception):
    """The database was written by a newer workbook; opening it here could damage it."""


def steps_for(db: Database) -> list[tuple[int, Callable[[Database], None]]]:
    if dialect.is_server(db):
        from workbook.store import migrations_pg

        return migrations_pg.STEPS
    return STEPS


def schema_version(db: Database) -> int:
    return dialect.schema_version(db)


def newer_schema_message(version: int) -> str:
    return (f"this database is at schema version {version}, but this workbook knows only up to "
            f"{CURRENT_VERSION}: update the workbook instead")


def pending_steps(db: Database) -> list[int]:
    version = schema_version(db)
    if version > CURRENT_VERSION:
        raise NewerSchemaError(newer_schema_message(version))
    return [number for number, _ in steps_for(db) if number > version]


def migrate(db: Database) -> list[int]:
    """Run every pending step in order; returns the versions applied."""
    applied = []
    for number, step in steps_for(db):
        if number not in pending_steps(db):
            continue
        with db.atomic():
            dialect.lock_for_migration(db)
            if number not in pending_steps(db):  # another PC migrated the server meanwhile
                continue
            step(db)
            dialect.set_schema_version(db, number)
        applied.append(number)
    return applied


def summary_rebuild(db: Database | None = None) -> list[str]:
    """The statements that recompute the v4 totals (through merges), with v10's strong scores, and
    then the v10 dashboard rows from them, on the bound database (the totals tables emptied first)."""
    if dialect.is_server(db):
        from workbook.store import migrations_pg

        return migrations_pg.SUMMARY_REBUILD_V10
    return SUMMARY_REBUILD_V10


def pace_rebuild(db: Database | None = None) -> list[str]:
    """The statements that recompute the v6 pace tables (through merges) on the bound database."""
    if dialect.is_server(db):
        from workbook.store import migrations_pg

        return migrations_pg.PACE_REBUILD_V7
    return PACE_REBUILD_V7
