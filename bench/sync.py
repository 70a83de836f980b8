"""Sync of 100k activity rows from one PC to a central server, and a no-op sync, against an
independent bare baseline measured in the same run on the same backend.

Baseline: the same rows (and their learners) inserted by executemany into the server's own tables
(its indexes and running-total triggers included), in transactions of the size ingest commits,
each rolled back afterwards: no signing, no JSON, no inbox, no checks. A full sync is the PC's
push (signed batches into the inbox) plus the trainer's ingest (each batch checked and merged like a bundle).
Goals: full sync <= 2x the baseline; a no-op sync (push and ingest, nothing new) <= 10% of it.
Usage: python bench/sync.py [ROWS] [--server URL]   (default: a temporary SQLite file as the server;
a PostgreSQL URL must name an empty database the workbook may set up)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bundles import insert_activity  # noqa: E402  (bench/bundles.py)
from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from workbook.keys import KEY_FILE, trust_key  # noqa: E402
from workbook.store import bundles  # noqa: E402
from workbook.store.connection import open_database  # noqa: E402
from workbook.store.learners import create_learner  # noqa: E402
from workbook.store.server import connect_server, redact, server_sql, sqlite_path  # noqa: E402
from workbook.store.settings import device_id  # noqa: E402
from workbook.store.sync import sync_with_server  # noqa: E402
from workbook.store.sync_ingest import INGEST_ROWS, ingest  # noqa: E402

LEARNERS = 50


def write_key(folder: Path, key: Ed25519PrivateKey) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    (folder / KEY_FILE).write_bytes(pem)


def make_pc(folder: Path, rows: int) -> tuple[list[tuple], list[tuple]]:
    """A PC with `rows` activity rows over LEARNERS profiles; returns (learner rows, activity rows)."""
    db = open_database(folder / "workbook.sqlite")
    learners = [create_learner(f"Bench Learner {n}", f"B{n:04d}") for n in range(LEARNERS)]
    # This PC's own rows (its device id): a server takes a PC's rows only from that PC.
    values = insert_activity(db, [learner.id for learner in learners], rows, device_id())
    people = [(learner.id, learner.display_name, learner.employee_id, learner.created_at)
              for learner in learners]
    db.close()
    return people, values


def open_server_store(url: str):
    """The server as the bound store (migrated): what a trainer's ingest runs on."""
    path = sqlite_path(url)
    if path is not None:
        return open_database(path)
    from workbook.store.connection import open_database_url

    return open_database_url(url)


def bare_baseline(url: str, people: list[tuple], values: list[tuple]) -> float:
    """Seconds to executemany the rows in transactions of INGEST_ROWS (as ingest commits them), each
    rolled back: one huge transaction would be unfair to PostgreSQL, whose running-total triggers
    update the same few rows again and again, and those versions pile up until the commit."""
    server = connect_server(url)
    columns = ", ".join(bundles.COLUMNS)
    learners = server_sql(server, "INSERT INTO learner (id, display_name, employee_id, created_at) "
                                  "VALUES (?, ?, ?, ?)")
    activity = server_sql(server, f"INSERT INTO activity ({columns}) VALUES ({', '.join('?' * 9)})")
    values = sorted(values, key=lambda row: row[1])  # one learner's rows together, as batches hold them
    elapsed = 0.0
    for start in range(0, len(values), INGEST_ROWS):
        started = time.perf_counter()
        with server.atomic() as transaction:
            cursor = server.cursor()
            cursor.executemany(learners, people)
            cursor.executemany(activity, values[start:start + INGEST_ROWS])
            elapsed += time.perf_counter() - started
            transaction.rollback()
    server.close()
    return elapsed


def timed_sync(url: str, pc: Path, trainer: Path, key: Ed25519PrivateKey) -> tuple[float, float, int, int]:
    """(push seconds, ingest seconds, rows pushed, rows added)."""
    db = open_database(pc / "workbook.sqlite")
    started = time.perf_counter()
    pushed = sync_with_server(url, pc, key)
    push = time.perf_counter() - started
    db.close()
    db = open_server_store(url)
    started = time.perf_counter()
    merged = ingest(trainer)
    ingested = time.perf_counter() - started
    db.close()
    assert not merged.quarantined, merged.quarantined[0]
    return push, ingested, pushed.rows_pushed, merged.rows_added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", nargs="?", type=int, default=100_000)
    parser.add_argument("--server", metavar="URL")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    url = args.server or f"sqlite:///{folder / 'server.sqlite'}"
    open_server_store(url).close()  # the server's schema, made before any clock starts
    key, trainer_key = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    pc, trainer = folder / "pc", folder / "trainer"
    write_key(pc, key)
    write_key(trainer, trainer_key)
    trust_key(key.public_key(), trainer, "bench-pc")
    people, values = make_pc(pc, args.rows)
    bare = bare_baseline(url, people, values)
    push, ingested, pushed, added = timed_sync(url, pc, trainer, key)
    assert pushed == args.rows and added == args.rows, (pushed, added)
    again_push, again_ingest, pushed_again, added_again = timed_sync(url, pc, trainer, key)
    assert pushed_again == 0 and added_again == 0
    full, noop = push + ingested, again_push + again_ingest
    print(f"server: {redact(url)}")
    print(f"rows: {args.rows:,} from one PC ({LEARNERS} learners)")
    print(f"bare executemany into the server's tables ({INGEST_ROWS:,} rows a transaction, rolled back): "
          f"{bare:.2f} s")
    print(f"sync, push (PC -> inbox):     {push:.2f} s")
    print(f"sync, ingest (inbox -> rows): {ingested:.2f} s")
    print(f"full sync: {full:.2f} s  ratio {full / bare:.2f}x  goal <= 2x: "
          f"{'met' if full <= 2 * bare else 'NOT met'}")
    print(f"no-op sync: {noop:.3f} s (push {again_push:.3f} s, ingest {again_ingest:.3f} s)  "
          f"{noop / full:.1%} of the full sync  goal <= 10%: {'met' if noop <= 0.1 * full else 'NOT met'}")


if __name__ == "__main__":
    main()
