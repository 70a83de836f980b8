"""Schema versions as ordered steps; each runs with its version bump in one transaction.

Shipped steps are never edited: a change to the schema is a new step at the end. A new database
climbs through every step, so there is one definition of the schema, not two.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

SCHEMA_V1 = [
    """CREATE TABLE learner (
        id TEXT PRIMARY KEY NOT NULL,
        display_name TEXT NOT NULL,
        employee_id TEXT,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE activity (
        id TEXT PRIMARY KEY NOT NULL,
        learner_id TEXT NOT NULL REFERENCES learner (id),
        verb TEXT NOT NULL,
        module_id TEXT,
        object_id TEXT NOT NULL,
        attempt_id TEXT,
        payload TEXT NOT NULL DEFAULT '{}',
        occurred_at TEXT NOT NULL,
        device_id TEXT NOT NULL
    )""",
    "CREATE INDEX activity_learner_verb ON activity (learner_id, verb, occurred_at)",
    """CREATE TRIGGER activity_is_append_only_update BEFORE UPDATE ON activity
       BEGIN SELECT RAISE(ABORT, 'activity rows are append-only'); END""",
    """CREATE TRIGGER activity_is_append_only_delete BEFORE DELETE ON activity
       BEGIN SELECT RAISE(ABORT, 'activity rows are append-only'); END""",
    "CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)",
]

# v2: profiles are archived (hidden), never deleted, so their history stays; cohort dashboards
# aggregate by module.
SCHEMA_V2 = [
    "ALTER TABLE learner ADD COLUMN archived_at TEXT",
    "CREATE INDEX activity_module_verb ON activity (module_id, verb)",
]

# v3: quiz attempts and practice calls read their events back by attempt.
SCHEMA_V3 = [
    "CREATE INDEX activity_attempt ON activity (attempt_id) WHERE attempt_id IS NOT NULL",
]


def _run(statements: list[str]) -> Callable[[SqliteDatabase], None]:
    def step(db: SqliteDatabase) -> None:
        for statement in statements:
            db.execute_sql(statement)

    return step


STEPS: list[tuple[int, Callable[[SqliteDatabase], None]]] = [
    (1, _run(SCHEMA_V1)),
    (2, _run(SCHEMA_V2)),
    (3, _run(SCHEMA_V3)),
]
CURRENT_VERSION = STEPS[-1][0]


class NewerSchemaError(Exception):
    """The database was written by a newer workbook; opening it here could damage it."""


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def newer_schema_message(version: int) -> str:
    return (f"this database is at schema version {version}, but this workbook knows only up to "
            f"{CURRENT_VERSION}: update the workbook instead")


def pending_steps(db: SqliteDatabase) -> list[int]:
    version = schema_version(db)
    if version > CURRENT_VERSION:
        raise NewerSchemaError(newer_schema_message(version))
    return [number for number, _ in STEPS if number > version]


def migrate(db: SqliteDatabase) -> list[int]:
    """Run every pending step in order; returns the versions applied."""
    applied = []
    for number, step in STEPS:
        if number not in pending_steps(db):
            continue
        with db.atomic():
            step(db)
            db.execute_sql(f"PRAGMA user_version = {int(number)}")
        applied.append(number)
    return applied
