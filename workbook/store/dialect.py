"""What differs between SQLite (a PC's own file) and PostgreSQL (a training centre's server), in one
place: the schema version, parameter markers, raw queries written for SQLite, insertion order, and
what a server leaves to its administrator (integrity checks and backups are pg_dump's job there).

Every other store module writes one SQL text (SQLite's) or uses peewee; where that cannot run on
PostgreSQL as it is, it asks this module. The PostgreSQL schema itself is in `migrations_pg.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

from peewee import SQL, Database, PostgresqlDatabase
from peewee import __exception_wrapper__ as _driver_errors  # psycopg errors as peewee's

from workbook.store.models import database

SQLITE = "sqlite"
POSTGRES = "postgres"

# The order rows went in, to break ties in `occurred_at`: SQLite's implicit rowid; on PostgreSQL
# the migrations give `activity` an identity column of the same name (`migrations_pg.py`), so the
# same ORDER BY runs on both.
INSERTION_ORDER = SQL("rowid")

# Shown where a SQLite file would be copied, checked or restored.
SERVER_BACKUPS = ("the progress database is on a PostgreSQL server: backups and integrity checks are "
                  "the server's job (pg_dump, the server's own monitoring), not the workbook's")


def name_of(db: Database | None = None) -> str:
    """SQLITE or POSTGRES for `db` (default: the database the models are bound to)."""
    target = db if db is not None else database.obj
    return POSTGRES if isinstance(target, PostgresqlDatabase) else SQLITE


def is_server(db: Database | None = None) -> bool:
    return name_of(db) == POSTGRES


def param() -> str:
    """The positional parameter marker of the bound database ('?' or '%s'), for hand-written SQL."""
    return "%s" if is_server() else "?"


def run_raw(sql: str, parameters: Mapping[str, Any] | Sequence[Any] = ()) -> list[tuple]:
    """Run a query written for SQLite (named `:name` or `?` parameters, `json_each` over a bound
    JSON array) on the bound database's own connection and return its rows. On SQLite the text runs
    unchanged; on PostgreSQL it is translated once (`postgres_sql`)."""
    if not is_server():
        return database.connection().execute(sql, parameters).fetchall()
    with _driver_errors:
        return database.connection().execute(postgres_sql(sql), parameters).fetchall()


def execute_many(sql: str, rows: Iterable[Sequence[Any]]) -> None:
    """One prepared statement (written with `?` markers) for many rows, on the raw connection."""
    if not is_server():
        database.connection().executemany(sql, rows)
        return
    with _driver_errors, database.connection().cursor() as cursor:
        cursor.executemany(postgres_sql(sql), list(rows))


def execute(sql: str, parameters: Mapping[str, Any]) -> None:
    """Run a statement written for SQLite (as `run_raw` takes it) that returns no rows."""
    if not is_server():
        database.connection().execute(sql, parameters)
        return
    with _driver_errors, database.connection().cursor() as cursor:
        cursor.execute(postgres_sql(sql), parameters)


BULK_CACHE_KIB = 64 * 1024  # SQLite's page cache during a bulk merge (its default is 2 MB)


@contextmanager
def bulk_writes() -> Iterator[None]:
    """Around a long run of merges on SQLite (a sync ingest of 100k rows): the connection keeps up
    to BULK_CACHE_KIB of pages instead of re-reading the indexes it is growing, and the WAL is
    copied into the file once at the end (a PASSIVE checkpoint) instead of after every commit, which
    rewrote the same index pages each time. Every transaction still commits as it did; only a power
    cut (not a crash or a kill) before the end may take back commits made since the start, whole,
    as it may any commit under synchronous=NORMAL. Nothing changes on PostgreSQL."""
    if is_server():
        yield
        return
    connection = database.connection()
    cache = int(connection.execute("PRAGMA cache_size").fetchone()[0])
    pages = int(connection.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
    connection.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
    connection.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        yield
    finally:
        connection.execute(f"PRAGMA wal_autocheckpoint = {pages}")
        connection.execute(f"PRAGMA cache_size = {cache}")
        if not connection.in_transaction:
            connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def json_array_values(name: str) -> str:
    """A FROM item giving one row, in a column `value`, per element of the JSON array of text bound
    as `:name`: thousands of values in one statement, without binding each on its own."""
    if not is_server():
        return f"json_each(:{name})"
    return f"jsonb_array_elements_text(CAST(:{name} AS jsonb)) AS value"


_JSON_ARRAY = re.compile(r"\(SELECT value FROM json_each\(:(\w+)\)\)")
_NULL_TEST = re.compile(r":(\w+) IS NULL")
_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=128)
def postgres_sql(sql: str) -> str:
    """SQLite query text as PostgreSQL runs it: `:name` and `?` parameters become psycopg's,
    `IN (SELECT value FROM json_each(:list))` reads the JSON array with `jsonb_array_elements_text`,
    and SQLite's `CROSS JOIN ... ON` (a join-order hint) becomes a plain JOIN."""
    text = _JSON_ARRAY.sub(r"(SELECT jsonb_array_elements_text(CAST(:\1 AS jsonb)))", sql)
    text = _NULL_TEST.sub(r"CAST(:\1 AS text) IS NULL", text)
    text = text.replace("CROSS JOIN", "JOIN").replace("%", "%%")
    text = _NAMED.sub(r"%(\1)s", text)
    return text.replace("?", "%s")


@lru_cache(maxsize=1)
def machine_id() -> str:
    """A stable id for this computer (its host name and network card), for the activity rows it
    writes to a server, where the settings table is shared by every PC."""
    import socket
    import uuid

    return uuid.uuid5(uuid.NAMESPACE_DNS, f"{socket.gethostname()}/{uuid.getnode():012x}").hex


# --- schema version ----------------------------------------------------------------------------

VERSION_TABLE = "workbook_schema"  # PostgreSQL: one row; SQLite keeps it in PRAGMA user_version


def schema_version(db: Database) -> int:
    if not is_server(db):
        return db.execute_sql("PRAGMA user_version").fetchone()[0]
    exists = db.execute_sql("SELECT to_regclass(%s) IS NOT NULL", (VERSION_TABLE,)).fetchone()[0]
    if not exists:
        return 0
    row = db.execute_sql(f"SELECT max(version) FROM {VERSION_TABLE}").fetchone()
    return row[0] or 0


def set_schema_version(db: Database, version: int) -> None:
    if not is_server(db):
        db.execute_sql(f"PRAGMA user_version = {int(version)}")
        return
    db.execute_sql(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
    db.execute_sql(f"DELETE FROM {VERSION_TABLE}")
    db.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", (int(version),))


def lock_for_migration(db: Database) -> None:
    """Inside the migration's transaction: on a server, two PCs starting at once must not both
    migrate (the second waits, then finds nothing to do). SQLite's write lock already does this."""
    if is_server(db):
        db.execute_sql("SELECT pg_advisory_xact_lock(7426001)")
