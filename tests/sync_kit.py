"""Machines for sync tests: a learner PC with real rows, and a central server, as real database files.

The server is a workbook database reached by URL: `sqlite:///path` here, and a PostgreSQL URL where
the suite has a throwaway cluster. A trainer's data folder holds the keys the server's trainers trust.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from db_kit import opened
from peewee import SqliteDatabase

from workbook.keys import KEY_FILE, trust_key
from workbook.paths import database_path
from workbook.store import bundles, migrations
from workbook.store.connection import PRAGMAS
from workbook.store.learners import create_learner
from workbook.store.settings import set_setting

PC_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
TRAINER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(2, 34)))


def with_key(folder: Path, key: Ed25519PrivateKey) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / KEY_FILE).write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                      serialization.PrivateFormat.PKCS8,
                                                      serialization.NoEncryption()))
    return folder


def rows_for(learner_id: str, count: int, start: int = 0, device: str = "pc-device") -> list[tuple]:
    return [(uuid.uuid4().hex, learner_id, "section-read", "empathy", f"empathy/s{i}", None,
             json.dumps({"i": i}), f"2026-03-02T09:{(i // 60) % 60:02d}:{i % 60:02d}.{i:06d}Z", device)
            for i in range(start, start + count)]


def add_rows(db, values: list[tuple]) -> None:
    columns = ", ".join(bundles.COLUMNS)
    with db.atomic():
        db.connection().executemany(f"INSERT INTO activity ({columns}) VALUES ({', '.join('?' * 9)})",
                                    values)


def make_pc(folder: Path, learners: int = 2, rows_each: int = 150) -> list[str]:
    """A learner PC with its key and `learners` profiles of `rows_each` rows (recorded on it: its
    device is the rows' "pc-device"); returns their ids."""
    with_key(folder, PC_KEY)
    ids = []
    with opened(folder) as db:
        set_setting("device_id", "pc-device")
        for number in range(learners):
            learner = create_learner(f"Learner {number}", f"E{number:03d}")
            add_rows(db, rows_for(learner.id, rows_each))
            ids.append(learner.id)
    return ids


def make_server(folder: Path) -> str:
    """A fresh server database (the workbook's schema), made without binding the models to it (a
    test's app may be running on its own database); returns its URL."""
    folder.mkdir(parents=True, exist_ok=True)
    db = SqliteDatabase(str(database_path(folder)), pragmas=PRAGMAS)
    migrations.migrate(db)
    db.close()
    return f"sqlite:///{database_path(folder)}"


def make_trainer(folder: Path, trusts_pc: bool = True) -> Path:
    """A trainer's data folder: its own key, and the PC's key when `trusts_pc`."""
    with_key(folder, TRAINER_KEY)
    if trusts_pc:
        trust_key(PC_KEY.public_key(), folder, "training-pc-1")
    return folder


def readme_learner_url(pg_cluster, pg_url: str, readme: str) -> str:
    """A learner role on the database of `pg_url` with only the README's grants (connect, read the
    rosters, and the sync block), as a centre sets every PC up; returns its URL."""
    import psycopg

    documented = readme.split("```sql\n-- Learner PCs: add signed batches", 1)[1].split("```", 1)[0]
    name = pg_url.rsplit("/", 1)[1]
    role = f"learner_{name}"
    sql = (f"CREATE ROLE {role} LOGIN PASSWORD 'pc-secret'; CREATE ROLE trainer_{name};"
           f"GRANT CONNECT ON DATABASE {name} TO {role}; GRANT USAGE ON SCHEMA public TO {role};"
           f"GRANT SELECT ON workbook_schema, learner, cohort, cohort_member TO {role};"
           + documented.split("\n", 1)[1].replace("workbook_learner", role)
           .replace("workbook_trainer", f"trainer_{name}"))
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(sql)
    return pg_cluster.url(name, user=role, password="pc-secret")
