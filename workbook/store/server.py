"""A central server's database, reached by URL (`sqlite:///path` or `postgresql://...`), for sync.

A learner PC opens it beside its own store, never instead of it: the PC's models stay bound to its
SQLite file, and the server is read and written here with plain SQL that both backends accept. Every
failure becomes a `ServerError` whose message names the URL with the password hidden.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from peewee import Database, PeeweeException, SqliteDatabase

from workbook.store import migrations


class ServerError(Exception):
    """The server cannot be used now; `kind` is 'unreachable', 'schema' or 'setup'."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


def redact(url: str) -> str:
    """The URL with its password replaced by '***', for messages and logs."""
    from workbook.store.connection import redact_url

    return redact_url(url)


def sqlite_path(url: str) -> Path | None:
    """The file of a `sqlite:///relative` or `sqlite:////absolute` URL, or None for another kind of
    server."""
    parts = urlsplit(url)
    if parts.scheme != "sqlite":
        return None
    if not parts.path or parts.path == "/":
        raise ValueError("it names no file: write sqlite:///FOLDER/workbook.sqlite")
    return Path(unquote(parts.path[1:]))


def connect_server(url: str) -> Database:
    """An open connection to the server at `url`, its schema checked against this workbook's;
    raises ServerError (never creates a database that is not there)."""
    shown = redact(url)
    try:
        path = sqlite_path(url)
    except ValueError as error:
        raise ServerError(f"{shown} is not a server address ({error})", "setup") from error
    try:
        if path is not None:
            if not path.is_file():
                raise ServerError(f"cannot reach the server {shown}: there is no database at {path}",
                                  "unreachable")
            db: Database = SqliteDatabase(str(path), pragmas={"busy_timeout": 5000, "foreign_keys": 1})
        else:
            db = _connect_other(url, shown)
        db.connect(reuse_if_open=True)
    except ServerError:
        raise
    except (PeeweeException, OSError, Exception) as error:  # drivers raise their own error classes
        raise ServerError(f"cannot reach the server {shown}: {_first_line(error)}", "unreachable") from error
    try:
        check_server_schema(db, shown)
    except BaseException:
        db.close()
        raise
    return db


def _connect_other(url: str, shown: str) -> Database:
    from urllib.parse import parse_qs

    from playhouse.db_url import connect

    from workbook.store.connection import CONNECT_TIMEOUT_SECONDS, SERVER_SCHEMES
    from workbook.store.drivers import need_postgres

    parts = urlsplit(url)
    if parts.scheme not in SERVER_SCHEMES:
        raise ServerError(f"{shown}: a server address is postgresql://USER@HOST/NAME (or sqlite:///FILE)",
                          "setup")
    extra = {} if "connect_timeout" in parse_qs(parts.query) else {"connect_timeout": CONNECT_TIMEOUT_SECONDS}
    try:
        need_postgres()
        return connect(url, application_name="workbook-sync", **extra)
    except (RuntimeError, ValueError, ImportError) as error:
        raise ServerError(f"{shown}: not a server address this workbook can use ({_first_line(error)})",
                          "setup") from error


def check_server_schema(db: Database, shown: str) -> None:
    """The server must be at exactly this workbook's schema: a newer one may hold rows this version
    cannot check, and an older one lacks the sync tables (a trainer upgrades it by opening it)."""
    try:
        version = migrations.schema_version(db)
    except Exception as error:  # noqa: BLE001 - any driver error here means the same to the user
        raise ServerError(f"cannot read the schema version of the server {shown}: {_first_line(error)}",
                          "unreachable") from error
    if version > migrations.CURRENT_VERSION:
        raise ServerError(f"the server {shown} is at schema version {version}, newer than this workbook "
                          f"(which knows up to {migrations.CURRENT_VERSION}): update the workbook on this PC",
                          "schema")
    if version < migrations.CURRENT_VERSION:
        raise ServerError(f"the server {shown} is at schema version {version}, older than this workbook "
                          f"({migrations.CURRENT_VERSION}): a trainer opens it once with this version of the "
                          "workbook to upgrade it", "schema")


def server_sql(db: Database, statement: str) -> str:
    """`statement` written with '?' placeholders, in the server's own placeholder style."""
    return statement if db.param == "?" else statement.replace("?", db.param)


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
