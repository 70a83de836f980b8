"""A colleague with the server's learner role writes batches into the inbox under a PC's batch ids
ahead of it (red team 3, A5): the PC must never count a push the server does not hold as sent, and
ingest must quarantine and name those rows without holding up the PC's genuine batches."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from db_kit import opened
from sync_kit import PC_KEY, make_pc, make_server, make_trainer, readme_learner_url

from workbook.cli import main
from workbook.keys import KEY_FILE, fingerprint, key_id
from workbook.paths import database_path
from workbook.store.bundles import ACTIVITIES, MANIFEST, MERGES, SIGNATURE
from workbook.store.server import connect_server, server_sql
from workbook.store.settings import device_id, set_setting

ROOT = Path(__file__).resolve().parents[2]
_INSERT = ("INSERT INTO sync_inbox (batch_id, key_id, device_id, row_count, pushed_at, manifest, activities, "
           "merges, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")


def sync(pc: Path, url: str) -> int:
    return main(["sync", "--server", url, "--data-dir", str(pc)])


def ingest(trainer: Path, url: str, *extra: str) -> int:
    return main(["sync", "--ingest", "--server", url, "--data-dir", str(trainer), *extra])


def on_server(url: str, sql: str, parameters: tuple = (), many: list[tuple] | None = None) -> list[tuple]:
    """Rows of a query run on the server with the URL's role (a change commits)."""
    db = connect_server(url)
    try:
        if many is not None:
            with db.atomic():
                db.cursor().executemany(server_sql(db, sql), many)
            return []
        cursor = db.execute_sql(server_sql(db, sql), parameters)
        return cursor.fetchall() if cursor.description else []
    finally:
        db.close()


def server_activity(url: str) -> list[str]:
    return [row[0] for row in on_server(url, "SELECT id FROM activity ORDER BY id")]


def pc_activity(pc: Path) -> list[str]:
    with opened(pc) as db:
        return [row[0] for row in db.execute_sql("SELECT id FROM activity ORDER BY id")]


def exported(pc: Path, learner_id: str, out: Path) -> dict[str, str]:
    """The entries of a bundle the PC once exported (a trainer's USB stick): what a colleague can
    learn of it (device, key, learner), and a genuine older batch to put under a squatted id."""
    assert main(["export-progress", "--learner", learner_id, "--out", str(out), "--data-dir", str(pc)]) == 0
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name).decode("utf-8")
                for name in (MANIFEST, ACTIVITIES, MERGES, SIGNATURE)}


def junk(batch_id: str, key: str, device: str) -> tuple:
    return (batch_id, key, device, 0, "2026-12-04T00:00:00Z", "{}", "", "", "{}")


@pytest.fixture(params=["sqlite", "postgres"])
def roles(request, tmp_path) -> tuple[str, str]:
    """(the trainer's URL, a learner PC's URL): on PostgreSQL the learner role has exactly the
    README's grants; a SQLite server has no roles."""
    if request.param == "sqlite":
        url = make_server(tmp_path / "server")
        return url, url
    pg_cluster, pg_url = request.getfixturevalue("pg_cluster"), request.getfixturevalue("fresh_pg_url")
    return pg_url, readme_learner_url(pg_cluster, pg_url, (ROOT / "README.md").read_text(encoding="utf-8"))


def test_batch_ids_predicted_the_old_way_take_nothing_from_a_pc_and_do_not_block_trusting_it(
        tmp_path, roles, capsys):
    """The red team's attack: junk under every id the old hash scheme gave a first push of up to
    400 rows, for both learners, written with the learner role before the PC's first sync."""
    admin, learner = roles
    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    learners = make_pc(pc)
    make_trainer(trainer, trusts_pc=False)
    assert ingest(trainer, admin) == 0
    manifest = json.loads(exported(pc, learners[0], tmp_path / "kim.zip")[MANIFEST])
    device, key = manifest["device_id"], key_id(PC_KEY.public_key())
    (server_id,) = on_server(learner, "SELECT id FROM sync_server")[0]
    squat = [junk(hashlib.sha256("|".join(map(str, (server_id, key, device, 0, hi, 0, 0, someone))).encode())
                  .hexdigest()[:32], key, device) for hi in range(1, 401) for someone in learners]
    on_server(learner, _INSERT, many=squat)
    assert sync(pc, learner) == 7  # pushed, waiting for a trainer to trust the PC
    assert "300 activity records pushed (2 batches)" in capsys.readouterr().out
    shown = fingerprint(key)
    assert ingest(trainer, admin, "--trust", shown) == 7  # the junk stays quarantined
    captured = capsys.readouterr()
    assert "Trusted the PC" in captured.out
    assert "Ingested 2 batches: 300 activity records added" in captured.out
    assert ("quarantined: 800 batches" in captured.err and "not a batch of the PC it names" in captured.err
            and f"key {shown}" in captured.err and device[:12] in captured.err)
    assert server_activity(admin) == pc_activity(pc)


def test_a_batch_id_held_by_other_content_is_reported_and_the_rows_are_sent_again(tmp_path, roles, capsys):
    """Even with the PC's secret nonce known (here: written by the test), a taken id never passes for
    a push: one learner's id holds a genuine older bundle of theirs, the other's holds junk."""
    admin, learner = roles
    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    learners = make_pc(pc)
    make_trainer(trainer)
    assert ingest(trainer, admin) == 0
    older = exported(pc, learners[0], tmp_path / "older.zip")
    device, key = json.loads(older[MANIFEST])["device_id"], key_id(PC_KEY.public_key())
    (server_id,) = on_server(learner, "SELECT id FROM sync_server")[0]
    with opened(pc) as db:
        (last,) = db.execute_sql("SELECT max(rowid) FROM activity").fetchone()
        set_setting(f"sync/{server_id}/pending", json.dumps(
            {"lo": 0, "hi": last, "mlo": 0, "mhi": 0, "nonce": "known", "at": "2026-12-04T10:00:00Z"}))
    ids = [hashlib.sha256(f"{server_id}|known|{someone}".encode()).hexdigest()[:32] for someone in learners]
    on_server(learner, _INSERT, many=[
        (ids[0], key, device, 150, "2026-12-04T09:00:00Z", older[MANIFEST], older[ACTIVITIES], older[MERGES],
         older[SIGNATURE]), junk(ids[1], key, device)])
    assert sync(pc, learner) == 0
    captured = capsys.readouterr()
    assert "300 activity records pushed (2 batches)" in captured.out
    assert "already held other content under 2 batch ids" in captured.err
    assert ids[0][:12] in captured.err and ids[1][:12] in captured.err
    assert sync(pc, learner) == 0  # confirmed: nothing is sent twice
    assert "0 activity records pushed" in capsys.readouterr().out
    assert ingest(trainer, admin) == 7
    err = capsys.readouterr().err
    assert f"quarantined: batch {ids[1][:12]}" in err and "not a batch of the PC it names" in err
    assert server_activity(admin) == pc_activity(pc)
    held = {row[0] for row in on_server(admin, "SELECT batch_id FROM sync_inbox")}
    assert len(held) == 4 and set(ids) <= held  # the two taken ids and the two fresh ones


def test_fresh_batch_ids_differ_between_pcs_and_pushes(tmp_path, roles):
    """Ids come from a secret random nonce: two PCs with the same rows, key and learners share none."""
    admin, learner = roles
    first, second, trainer = tmp_path / "pc1", tmp_path / "pc2", tmp_path / "trainer"
    make_pc(first)
    make_trainer(trainer)
    assert ingest(trainer, admin) == 0
    with opened(first):
        device_id()  # made now, so the copy is the same installation: same device, key and rows
    second.mkdir()
    for name in (database_path(first).name, KEY_FILE):
        (second / name).write_bytes((first / name).read_bytes())
    assert sync(first, learner) == 0 and sync(second, learner) == 0
    held = on_server(admin, "SELECT batch_id, row_count FROM sync_inbox")
    assert len(held) == 4 and sum(count for _, count in held) == 600
