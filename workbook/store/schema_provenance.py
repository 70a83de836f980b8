"""Schema version 11: which signed bundle first brought each activity row, and the rows refused.

`activity_source` names the key (and the PC, as it signed) that first delivered a row to this
database; rows recorded here have none. It decides who may still speak for a row: a row id taken
by one PC cannot be taken over by another, and a certificate record enters the register of the key
it names only when that key delivered it (`store/row_provenance.py`). `activity_refused` keeps
every row an import did not take, with the PC that sent it and why, so nothing sent is dropped
unseen and a trainer can see who tried what. Plain SQL that SQLite and PostgreSQL both run
(`migrations_pg` translates the text columns); both tables only grow.
"""

from __future__ import annotations

SCHEMA_V11 = [
    """CREATE TABLE activity_source (
        activity_id TEXT PRIMARY KEY NOT NULL,
        key_id TEXT NOT NULL,
        installation TEXT NOT NULL,
        delivered_at TEXT NOT NULL
    )""",
    """CREATE TABLE activity_refused (
        activity_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        row_sha256 TEXT NOT NULL,
        learner_id TEXT NOT NULL,
        installation TEXT NOT NULL,
        reason TEXT NOT NULL,
        row_json TEXT NOT NULL,
        refused_at TEXT NOT NULL,
        PRIMARY KEY (activity_id, key_id, row_sha256)
    )""",
    "CREATE INDEX activity_refused_learner ON activity_refused (learner_id)",
]
