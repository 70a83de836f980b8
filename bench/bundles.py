"""Import of a 100k-row progress bundle, against an independent bare baseline in the same run.

Baseline: unzip, parse every JSON line and executemany the rows into a fresh database with the
app's schema (its indexes and the triggers that keep per-learner totals), with plain sqlite3: no
checks, no signature, no merge. The difference is what the import's checks cost.
Goals (issue 18): first import <= 1.2x the baseline; re-importing the same file <= 10% of the first.
Usage: python bench/bundles.py [ROWS]
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from workbook.keys import key_id  # noqa: E402
from workbook.store import bundle_merge, bundles  # noqa: E402
from workbook.store.connection import open_database  # noqa: E402
from workbook.store.learners import create_learner  # noqa: E402
from workbook.store.settings import device_id  # noqa: E402


def insert_activity(db, learner_ids: list[str], rows: int, device: str = "bench-device") -> list[tuple]:
    """`rows` section-read rows spread over the learners, written in one executemany; returns them.
    `device`: the PC the rows say recorded them (an import takes a PC's rows only from that PC)."""
    values = [(uuid.uuid4().hex, learner_ids[i % len(learner_ids)], "section-read", "empathy",
               f"empathy/s{i}", None, json.dumps({"i": i, "note": "x" * 200}),
               f"2026-03-02T09:{(i // 60) % 60:02d}:{i % 60:02d}.{i:06d}Z", device)
              for i in range(rows)]
    columns = ", ".join(bundles.COLUMNS)
    with db.atomic():
        db.connection().executemany(f"INSERT INTO activity ({columns}) VALUES ({', '.join('?' * 9)})", values)
    return values


def make_bundle(folder: Path, rows: int, key: Ed25519PrivateKey) -> Path:
    db = open_database(folder / "source.sqlite")
    learner = create_learner("Bench Learner")
    insert_activity(db, [learner.id], rows, device_id())  # this PC's own rows, as an export sends them
    out = folder / "bundle.zip"
    bundles.export_bundle(learner.id, out, key)
    db.close()
    return out


def bare_import(bundle: Path, target: Path) -> float:
    open_database(target).close()  # the app's schema, made before the clock starts
    setup = 0.0
    started = time.perf_counter()
    with zipfile.ZipFile(bundle) as archive:
        lines = archive.read(bundles.ACTIVITIES).decode("utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    connection = sqlite3.connect(target)
    with connection:
        learner = rows[0]["learner_id"]
        connection.execute("INSERT INTO learner (id, display_name, created_at) VALUES (?, 'x', "
                           "'2026-01-01T00:00:00.000000Z')", (learner,))
        connection.executemany(f"INSERT INTO activity ({', '.join(bundles.COLUMNS)}) VALUES "
                               f"({', '.join('?' * 9)})", [tuple(row[name] for name in bundles.COLUMNS)
                                                           for row in rows])
    connection.close()
    return time.perf_counter() - started - setup


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    key = Ed25519PrivateKey.generate()
    trusted = {key_id(key.public_key()): key.public_key()}
    folder = Path(tempfile.mkdtemp(prefix="bench-bundles-"))
    bundle = make_bundle(folder, rows, key)
    bare = bare_import(bundle, folder / "bare.sqlite")
    db = open_database(folder / "target.sqlite")
    started = time.perf_counter()
    (first,) = bundle_merge.import_bundles([bundle], trusted)
    first_time = time.perf_counter() - started
    started = time.perf_counter()
    (again,) = bundle_merge.import_bundles([bundle], trusted)
    again_time = time.perf_counter() - started
    db.close()
    assert first.merged is not None and first.merged.added == rows and again.merged.added == 0
    print(f"rows: {rows:,}")
    print(f"bare zip+json+executemany: {bare:.2f} s")
    print(f"import-progress (first):   {first_time:.2f} s  ratio {first_time / bare:.2f}x  goal <= 1.2x: "
          f"{'met' if first_time <= 1.2 * bare else 'NOT met'}")
    print(f"re-import (nothing to add): {again_time:.2f} s  {again_time / first_time:.0%} of first  "
          f"goal <= 10%: {'met' if again_time <= 0.1 * first_time else 'NOT met'}")


if __name__ == "__main__":
    main()
