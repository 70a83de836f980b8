"""The open database described in plain, picklable values, and opened again from them in another
process: a trainer's long job (a cohort's PDF report, a batch of certificates) runs in a worker
process so the window never waits for it, and that process needs the same database.

The description holds what peewee was given (a SQLite file and its pragmas, or a server's name and
connection parameters, password included): it goes to the worker over a pipe, never on a command
line or to disk. The worker opens no migration: the window's process has already migrated.
"""

from __future__ import annotations

import importlib
from typing import Any

from msgspec import Struct, field
from peewee import Database

from workbook.store.models import database


class ConnectionSpec(Struct, frozen=True):
    kind: str  # "module:Class" of the peewee database
    name: str  # the SQLite file (or URI) or the server database's name
    params: dict[str, Any] = field(default_factory=dict)
    pragmas: tuple[tuple[str, Any], ...] = ()


def connection_spec() -> ConnectionSpec:
    """How to open the database the store has open (raises RuntimeError when none is)."""
    db = database.obj
    if db is None:
        raise RuntimeError("no progress database is open")
    pragmas = getattr(db, "_pragmas", ())
    pragmas = tuple(pragmas.items()) if isinstance(pragmas, dict) else tuple(pragmas)
    return ConnectionSpec(f"{type(db).__module__}:{type(db).__qualname__}", db.database,
                          dict(db.connect_params), pragmas)


def reconnect(spec: ConnectionSpec) -> Database:
    """Open the database `spec` describes and bind the store's models to it."""
    module, name = spec.kind.split(":")
    kind = getattr(importlib.import_module(module), name)
    if not (isinstance(kind, type) and issubclass(kind, Database)):
        raise TypeError(f"{spec.kind} is not a peewee database")
    extra = {"pragmas": dict(spec.pragmas)} if spec.pragmas else {}
    db = kind(spec.name, **extra, **spec.params)
    db.connect()
    database.initialize(db)
    return db
