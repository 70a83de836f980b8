"""Open the progress database safely: check it, set pragmas, migrate, and bind the models.

Runs before any window exists, so the UI never sees a damaged file or an old schema.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from peewee import Database, ImproperlyConfigured, PeeweeException, SqliteDatabase

from workbook.paths import SERVER_SCHEMES, resolve_database_url  # noqa: F401 (callers find them here)
from workbook.store import migrations
from workbook.store.drivers import need_postgres
from workbook.store.models import database

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 1,  # NORMAL: with WAL, a committed write survives an app crash.
    "busy_timeout": 5000,
}
_SIDE_FILES = ("-wal", "-shm")

StoreError = PeeweeException  # what a failed read or write raises, for callers outside the store


class DatabaseProblem(Exception):
    """The database cannot be used as it is; the message is written for the user."""


class CorruptDatabaseError(DatabaseProblem):
    """The file is not a readable SQLite database (damaged, truncated, empty or not a database).

    The message is for the user; `details` keeps SQLite's own words for the log."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


class DatabaseLockedError(DatabaseProblem):
    """Another program holds the database; nothing is wrong with the file."""


def describe_store_error(error: BaseException, folder: Path) -> str:
    """A failed write in the user's words, naming the real cause where it can be told: SQLite
    reports a full disk as "database or disk is full", and after it has rolled the transaction back
    itself the next rollback fails with "cannot rollback - no transaction is active", which hides
    the cause."""
    import shutil

    text = str(error)
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        free = None
    full = "disk is full" in text or "disk I/O error" in text or (free is not None and free < 1024 * 1024)
    if full or "cannot rollback" in text:
        if full:
            return f"the disk holding {folder} is full: free some space, then carry on"
        return f"the write to {folder} failed part-way and was undone (SQLite: {text})"
    if "readonly" in text or "read-only" in text:
        return f"the data folder {folder} is read-only for you"
    if is_locked(error):  # the workbook itself lets one window at a time use a data folder
        return (f"another program is using the database in {folder} (a database viewer, a backup or sync "
                "tool, or a workbook command still running)")
    return f"{text} (data folder {folder})"


def is_locked(error: BaseException) -> bool:
    """A write that waited for another program's lock on the file and gave up: nothing is wrong with
    the file or the disk, and trying again once that program lets go will work."""
    text = str(error)
    return "database is locked" in text or "database table is locked" in text or "busy" in text


def check_integrity(path: Path) -> None:
    """Raise CorruptDatabaseError unless SQLite's quick_check passes on `path`.

    An empty (0-byte) file is damaged too: a database that ever held progress is never empty, so
    an empty one means the file was truncated, and opening it would silently start from nothing."""
    if not path.exists():
        return
    if path.stat().st_size == 0:
        raise CorruptDatabaseError(f"{path} is empty (0 bytes): its contents were lost, perhaps when "
                                   "the disk filled up or the computer lost power")
    try:
        connection = sqlite3.connect(path, timeout=5)
    except sqlite3.Error as error:
        raise DatabaseProblem(f"cannot open {path}: {error}") from error
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise DatabaseLockedError(
                f"{path} is in use by another program (is the workbook already open?)"
            ) from error
        raise CorruptDatabaseError(f"{path} cannot be read: {error}") from error
    except sqlite3.DatabaseError as error:
        raise CorruptDatabaseError(f"{path} is not a readable database: {error}") from error
    finally:
        connection.close()
    verdict = "; ".join(str(row[0]) for row in rows[:3])
    if verdict != "ok":
        count = len(rows)
        raise CorruptDatabaseError(f"{path} is damaged: SQLite's check found {count} problem"
                                   f"{'' if count == 1 else 's'} inside the file", details=verdict)


SQLITE_HEADER = b"SQLite format 3\x00"


def check_header(path: Path) -> None:
    """The cheap check run at every start: the file is not empty and starts like a SQLite file."""
    if not path.exists():
        return
    if path.stat().st_size == 0:
        check_integrity(path)  # the same message as the full check
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise CorruptDatabaseError(f"{path} is not a workbook database (its first bytes are not a "
                                       "SQLite header): it was overwritten or damaged")


def refuse_newer_schema(path: Path) -> None:
    """Raise before anything writes to a database made by a newer workbook (even the WAL switch)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    connection = sqlite3.connect(path, timeout=5)
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()
    if version > migrations.CURRENT_VERSION:
        raise DatabaseProblem(migrations.newer_schema_message(version))


def aside_path(path: Path, reason: str = "corrupt", now: datetime | None = None) -> Path:
    """A free name beside `path` for keeping a file out of the way, e.g. `x.sqlite.corrupt-DATE`."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{counter}")
    return target


def move_aside(path: Path, reason: str = "corrupt", now: datetime | None = None,
               target: Path | None = None) -> Path:
    """Rename the database (and its WAL files) out of the way; never deletes anything."""
    target = target or aside_path(path, reason, now)
    for suffix in _SIDE_FILES:
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, f"{target}{suffix}")
    os.replace(path, target)
    return target


def open_database(path: Path, pre_migration_dir: Path | None = None,
                  full_check: bool = True) -> SqliteDatabase:
    """Check, open, migrate and bind the database at `path`; raises DatabaseProblem.

    An empty file with no backups beside it held nothing (a first start cut short): it is opened
    as a new database. With backups, an empty file is damage and the user is offered them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if (path.exists() and path.stat().st_size == 0 and pre_migration_dir is not None
            and not any(pre_migration_dir.glob("*.sqlite"))):
        path.unlink()
    if full_check:
        check_integrity(path)
    else:
        check_header(path)
    refuse_newer_schema(path)
    db = SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        db.connect()
        pending = migrations.pending_steps(db)
        if pending and migrations.schema_version(db) > 0 and pre_migration_dir is not None:
            copy_database(db, pre_migration_dir / _stamped(f"pre-migration-v{pending[0] - 1}"))
        migrations.migrate(db)
    except migrations.NewerSchemaError as error:
        db.close()
        raise DatabaseProblem(str(error)) from error
    except sqlite3.OperationalError as error:
        db.close()
        if "locked" in str(error):
            raise DatabaseLockedError(f"{path} is in use by another program") from error
        raise DatabaseProblem(f"cannot open {path}: {error}") from error
    except sqlite3.DatabaseError as error:
        db.close()
        raise CorruptDatabaseError(f"{path} is not a readable database: {error}") from error
    database.initialize(db)
    return db


def open_database_read_only(path: Path) -> SqliteDatabase:
    """Open the database for reading only, for exports and reports from a folder nobody can write to
    (a read-only share, a locked-down PC). SQLite is told the file cannot change (`immutable`), so
    it needs no lock or shared-memory file beside it. An old schema cannot be migrated here and is
    refused with its reason."""
    if not path.exists():
        raise DatabaseProblem(f"{path} does not exist: there is no progress to read in this folder")
    check_header(path)
    db = SqliteDatabase(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        db.connect()
        version = migrations.schema_version(db)
    except sqlite3.DatabaseError as error:
        db.close()
        raise CorruptDatabaseError(f"{path} is not a readable database: {error}") from error
    if version != migrations.CURRENT_VERSION:
        db.close()
        raise DatabaseProblem(f"{path} is at schema version {version}, this workbook needs "
                              f"{migrations.CURRENT_VERSION}; it cannot be updated in a read-only folder: "
                              "open it once where it can be written")
    database.initialize(db)
    return db


def copy_database(db: SqliteDatabase, target: Path) -> Path:
    """Copy a live database with SQLite's backup API (safe under WAL), via a temporary name."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    destination = sqlite3.connect(partial)
    try:
        db.connection().backup(destination)
    finally:
        destination.close()
    os.replace(partial, target)
    return target


def _stamped(prefix: str) -> str:
    return f"{prefix}-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S-%f')}.sqlite"


# --- a server database --------------------------------------------------------------------------

CONNECT_TIMEOUT_SECONDS = 10


def redact_url(url: str) -> str:
    """The URL as it may be shown or logged: any password replaced by ***."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.rsplit("@", 1)
        user = netloc[0].split(":", 1)[0]
        return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))
    except ValueError:
        return "(an unreadable database URL)"


def open_database_url(url: str, data_dir: Path | None = None) -> Database:
    """Open, migrate and bind the database named by `url`: `sqlite:///PATH` (a file, as
    `open_database`) or `postgresql://USER:PASSWORD@HOST:PORT/NAME` (a training centre's server).
    Raises DatabaseProblem with a one-line message naming the URL (password hidden)."""
    from urllib.parse import parse_qs, urlsplit

    shown = redact_url(url)
    try:
        parts = urlsplit(url)
    except ValueError as error:
        raise DatabaseProblem(f"{shown} is not a database URL: {error}") from error
    if parts.scheme == "sqlite":
        if not parts.path or parts.path == "/":
            raise DatabaseProblem(f"{shown} names no file: write sqlite:///FOLDER/progress.sqlite")
        return open_database(Path(parts.path[1:]),  # sqlite:///relative, sqlite:////absolute
                             data_dir / "backups" if data_dir is not None else None)
    if parts.scheme not in SERVER_SCHEMES:
        raise DatabaseProblem(f"{shown}: the workbook opens sqlite:///FILE or postgresql://USER@HOST/NAME "
                              "URLs, not '" + (parts.scheme or "a plain path") + "'")
    if not parts.path.strip("/"):
        raise DatabaseProblem(f"{shown} names no database: add /NAME after the server")
    try:
        from playhouse.db_url import connect

        need_postgres()
        timeout = ({} if "connect_timeout" in parse_qs(parts.query)
                   else {"connect_timeout": CONNECT_TIMEOUT_SECONDS})
        db = connect(url, application_name="workbook", **timeout)
    except ImportError as error:
        raise DatabaseProblem(f"{shown}: PostgreSQL support needs the psycopg package "
                              f"(pip install 'psycopg[binary]'): {error}") from error
    except (ValueError, PeeweeException) as error:
        raise DatabaseProblem(f"{shown} cannot be used: {_first_line(error)}") from error
    try:
        db.connect()
    except ImproperlyConfigured as error:  # no driver: peewee finds neither psycopg 3 nor psycopg2
        raise DatabaseProblem(f"{shown}: PostgreSQL support needs the psycopg package "
                              "(pip install 'psycopg[binary]')") from error
    except PeeweeException as error:
        raise DatabaseProblem(f"cannot reach the progress database at {shown}: {_first_line(error)}"
                              ) from error
    try:
        migrations.migrate(db)
    except migrations.NewerSchemaError as error:
        db.close()
        raise DatabaseProblem(f"{shown}: {error}") from error
    except PeeweeException as error:
        db.close()
        hint = (" (its schema is older than this workbook's: run 'workbook migrate' as the database's owner)"
                if "permission denied" in str(error) else "")
        raise DatabaseProblem(f"the progress database at {shown} cannot be prepared: {_first_line(error)}"
                              f"{hint}") from error
    database.initialize(db)
    return db


def damage_behind(error: BaseException) -> str | None:
    """When a read or write of the open SQLite file failed for no reason the user can act on (not a
    lock, a full disk or a read-only folder), whether the file is damaged: SQLite's quick check,
    run on its own connection. The damage in the user's words, or None (another cause, a server, or
    a file that checks out)."""
    if not isinstance(error, (PeeweeException, sqlite3.DatabaseError)) or isinstance(error, DatabaseProblem):
        return None
    text = str(error)
    if any(word in text for word in ("locked", "busy", "disk is full", "readonly", "read-only")):
        return None
    bound = database.obj
    if not isinstance(bound, SqliteDatabase) or bound.database in ("", ":memory:"):
        return None
    try:
        check_integrity(Path(bound.database))
    except CorruptDatabaseError as damage:
        return str(damage)
    except DatabaseProblem:  # locked or cannot be opened now: not proof of damage
        return None
    return None


def opened_schema_version() -> int:
    """The schema version of the database the store has open."""
    return migrations.schema_version(database.obj)


def _first_line(error: BaseException) -> str:
    """The driver's message without its multi-line detail (and never a password)."""
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
