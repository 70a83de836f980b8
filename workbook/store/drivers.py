"""peewee without the PostgreSQL driver until a PostgreSQL database is opened.

When peewee is first imported it imports every database driver it can find, and psycopg costs 0.1-0.3
s on its own: every start of the window and every command paid it, though a learner's database is a
SQLite file. The store package imports peewee through `import_peewee`, with psycopg hidden;
`need_postgres` hands psycopg to peewee before a PostgreSQL database is opened, doing what peewee's
own import does when it finds the driver.
"""

from __future__ import annotations

import sys


def import_peewee() -> None:
    """Import peewee with psycopg hidden (peewee then takes it as not installed), unless one of the two
    is imported already (then hiding it would save nothing)."""
    if "peewee" in sys.modules or "psycopg" in sys.modules:
        import peewee  # noqa: F401
        return
    sys.modules["psycopg"] = None  # type: ignore[assignment]  # `import psycopg` raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        if "psycopg" in sys.modules and sys.modules["psycopg"] is None:
            del sys.modules["psycopg"]


def need_postgres() -> None:
    """Give peewee psycopg, as its import would have, before a PostgreSQL database is opened. Nothing
    to do when peewee has it already; when psycopg is not installed peewee says that it found no
    driver, as it would have anyway."""
    import peewee

    if peewee.psycopg is not None:
        return
    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        return
    peewee.TransactionStatus, peewee.Json_pg3, peewee.Jsonb_pg3 = TransactionStatus, Json, Jsonb
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle = TransactionStatus.IDLE
    adapter.txn_inerror = TransactionStatus.INERROR
    adapter.txn_unknown = TransactionStatus.UNKNOWN
    peewee.psycopg = psycopg  # last: `PostgresqlDatabase` chooses its adapter by this one
