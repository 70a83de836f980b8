"""What a restore may put in place of the database, and what it keeps of the database it replaces.

A restore replaces the whole progress database, trainer passphrase included, so it accepts only a
real workbook backup: a sound SQLite file (`check_integrity`) whose schema is exactly the one this
workbook's own migration steps build at the file's schema version (tables, columns, indexes,
triggers and views, as SQLite stores them). Anything else (another program's database, a workbook
file with a trigger or table added) is refused with what differs. The trainer passphrase of the
database being replaced is read here too, so a restore can ask for it and carry it over.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from workbook.store.connection import DatabaseProblem, check_integrity
from workbook.store.trainer import HASH, PREFIX

_OBJECTS = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"


class NotAWorkbookBackup(DatabaseProblem):
    """A sound SQLite file that is not a workbook database (or one changed by hand)."""


def check_workbook_backup(path: Path) -> None:
    """Raise CorruptDatabaseError for a damaged file and NotAWorkbookBackup for a sound file that a
    workbook did not write as it stands; return quietly for a real backup."""
    check_integrity(path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        found = set(connection.execute(_OBJECTS).fetchall())
    except sqlite3.Error as error:
        raise NotAWorkbookBackup(f"{path} cannot be read as a workbook database: {error}") from error
    finally:
        connection.close()
    from workbook.store.migrations import CURRENT_VERSION

    if not 1 <= version <= CURRENT_VERSION:
        raise NotAWorkbookBackup(f"{path} is not a workbook backup: its schema version is {version}, and a "
                                 f"workbook database is at version 1 to {CURRENT_VERSION}")
    expected = _schema_at(version)
    extra = sorted(f"{kind} {name}" for kind, name, _, _ in found - expected)
    missing = sorted(f"{kind} {name}" for kind, name, _, _ in expected - found)
    if extra or missing:
        named = "; ".join(part for part in (
            f"not in a workbook database: {', '.join(extra[:4])}" if extra else "",
            f"missing or changed: {', '.join(missing[:4])}" if missing else "") if part)
        raise NotAWorkbookBackup(f"{path} is not a workbook backup: its schema differs from a workbook "
                                 f"database at version {version} ({named})")


@cache
def _schema_at(version: int) -> frozenset[tuple]:
    """The schema objects the workbook's own steps build up to `version`, in a database in memory."""
    from peewee import SqliteDatabase

    from workbook.store import dialect, migrations

    db = SqliteDatabase(":memory:")
    db.connect()
    try:
        for number, step in migrations.STEPS:
            if number > version:
                break
            with db.atomic():
                step(db)
                dialect.set_schema_version(db, number)
        return frozenset(db.execute_sql(_OBJECTS).fetchall())
    finally:
        db.close()


def trainer_hash_in(path: Path) -> str | None:
    """The trainer passphrase hash stored in the database file at `path`, read without opening it
    as the store (it may be damaged); None when there is none or it cannot be read."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        row = connection.execute("SELECT value FROM setting WHERE key = ?", (HASH,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return str(row[0]) if row and row[0] else None


def passphrase_guard(db_path: Path, backups: list[Path]) -> str | None:
    """The trainer passphrase hash a restore over `db_path` must be given: the database's own, or
    when it is too damaged to read, the newest of `backups` (newest first) that has one."""
    return trainer_hash_in(db_path) or next(filter(None, (trainer_hash_in(path) for path in backups)), None)


def carry_passphrase(path: Path, encoded: str) -> None:
    """Give the database at `path` (a staged restore) the trainer passphrase hash `encoded`, in place
    of whatever trainer settings it held: the restored database stays behind the passphrase the
    trainer has just given, even when the backup predates it."""
    connection = sqlite3.connect(path, timeout=5)
    try:
        with connection:
            connection.execute("DELETE FROM setting WHERE substr(key, 1, ?) = ?", (len(PREFIX), PREFIX))
            connection.execute("INSERT INTO setting (key, value) VALUES (?, ?)", (HASH, encoded))
    finally:
        connection.close()
