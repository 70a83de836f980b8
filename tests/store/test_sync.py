"""Sync between real database files: a learner PC pushes signed batches to a server's inbox, a trainer's
ingest merges them, the PC pulls rosters, cohorts and keys; idempotent, resumable, signed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from db_kit import opened
from sync_kit import (
    PC_KEY,
    TRAINER_KEY,
    add_rows,
    make_pc,
    make_server,
    make_trainer,
    readme_learner_url,
    rows_for,
)

from workbook.cli import main
from workbook.keys import CERTIFICATES, fingerprint, key_id, trust_key, trusted_keys
from workbook.paths import database_path
from workbook.store import cohorts, migrations
from workbook.store.connection import open_database_url
from workbook.store.learners import create_learner
from workbook.store.merges import merge_learners
from workbook.store.server import connect_server, server_sql, sqlite_path

ROOT = Path(__file__).resolve().parents[2]


def sync(pc: Path, url: str) -> int:
    return main(["sync", "--server", url, "--data-dir", str(pc)])


def ingest(trainer: Path, url: str, *extra: str) -> int:
    return main(["sync", "--ingest", "--server", url, "--data-dir", str(trainer), *extra])


def on_server(url: str, sql: str, parameters: tuple = ()) -> list[tuple]:
    """Rows of a query (or nothing, for a change) run on the server as its administrator."""
    db = connect_server(url)
    try:
        cursor = db.execute_sql(server_sql(db, sql), parameters)
        return cursor.fetchall() if cursor.description else []
    finally:
        db.close()


def activity_ids(where: Path | str) -> list[str]:
    """Activity ids of a PC's folder, or of a server's URL."""
    if isinstance(where, str):
        return [row[0] for row in on_server(where, "SELECT id FROM activity ORDER BY id")]
    connection = sqlite3.connect(database_path(where))
    try:
        return [row[0] for row in connection.execute("SELECT id FROM activity ORDER BY id")]
    finally:
        connection.close()


@contextmanager
def server_store(url: str) -> Iterator[None]:
    """The server bound as the store, as a trainer's tools open it."""
    db = open_database_url(url)
    try:
        yield
    finally:
        db.close()


def newer_server(url: str) -> None:
    """Mark the server as written by a newer workbook."""
    newer = migrations.CURRENT_VERSION + 1
    path = sqlite_path(url)
    if path is not None:
        connection = sqlite3.connect(path)
        connection.execute(f"PRAGMA user_version = {newer}")
        connection.close()
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"UPDATE workbook_schema SET version = {newer}")


@pytest.fixture(params=["sqlite", "postgres"])
def server_url(request, tmp_path) -> str:
    """A fresh server: a SQLite file, or a database on the session's throwaway PostgreSQL cluster."""
    if request.param == "postgres":
        return request.getfixturevalue("fresh_pg_url")
    return make_server(tmp_path / "server")


@pytest.fixture
def centre(tmp_path, server_url):
    """(pc folder, server URL, trainer folder), the PC trusted by the trainer, whose first ingest has
    published the trusted keys."""
    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    make_pc(pc)
    make_trainer(trainer)
    assert ingest(trainer, server_url) == 0
    return pc, server_url, trainer


def test_sync_pushes_every_row_and_a_second_sync_adds_nothing(centre, capsys):
    pc, url, trainer = centre
    assert sync(pc, url) == 0
    assert "300 activity records pushed (2 batches)" in capsys.readouterr().out
    assert ingest(trainer, url) == 0
    assert activity_ids(url) == activity_ids(pc)
    inbox = on_server(url, "SELECT count(*), sum(row_count) FROM sync_inbox")
    assert sync(pc, url) == 0
    assert "0 activity records pushed (0 batches)" in capsys.readouterr().out
    assert ingest(trainer, url) == 0
    assert "Ingested 0 batches" in capsys.readouterr().out
    assert on_server(url, "SELECT count(*), sum(row_count) FROM sync_inbox") == inbox
    assert activity_ids(url) == activity_ids(pc)


def test_new_rows_and_a_merge_travel_at_the_next_sync(centre):
    pc, url, trainer = centre
    assert sync(pc, url) == 0
    with opened(pc) as db:
        late = create_learner("Late Joiner")
        add_rows(db, rows_for(late.id, 20))
        (keeper,) = db.execute_sql("SELECT id FROM learner WHERE employee_id = 'E000'").fetchall()
        merge_learners(late.id, keeper[0])
    assert sync(pc, url) == 0 and ingest(trainer, url) == 0
    assert activity_ids(url) == activity_ids(pc)
    assert on_server(url, "SELECT from_learner_id FROM learner_merge") == [(late.id,)]


def test_pull_brings_rosters_cohorts_and_trusted_keys(centre, capsys):
    pc, url, trainer = centre
    with server_store(url):
        cohort = cohorts.create_cohort("November intake")
        enrolled = [create_learner("Roster Person", "R001"), create_learner("Another Person")]
        cohorts.enrol(cohort.id, [learner.id for learner in enrolled])
    assert sync(pc, url) == 0
    assert "pulled 2 profiles, 1 cohort, 2 enrolments, 1 trusted key" in capsys.readouterr().out
    with opened(pc):
        (here,) = cohorts.list_cohorts()
        assert here.name == "November intake"
        assert sorted(m.display_name for m in cohorts.members(here.id)) == ["Another Person", "Roster Person"]
    assert key_id(TRAINER_KEY.public_key()) in trusted_keys(pc)
    assert key_id(TRAINER_KEY.public_key()) not in trusted_keys(pc, CERTIFICATES)  # sync trusts progress only
    with server_store(url):
        cohorts.rename_cohort(cohort.id, "November intake A")
    assert sync(pc, url) == 0
    assert "pulled 0 profiles, 1 cohort, 0 enrolments, 0 trusted keys" in capsys.readouterr().out
    assert sync(pc, url) == 0
    assert "pulled 0 profiles, 0 cohorts, 0 enrolments, 0 trusted keys" in capsys.readouterr().out


def test_an_untrusted_pc_waits_in_quarantine_until_a_trainer_trusts_it(tmp_path, server_url, capsys):
    pc, trainer, url = tmp_path / "pc", tmp_path / "trainer", server_url
    make_pc(pc)
    make_trainer(trainer, trusts_pc=False)
    assert ingest(trainer, url) == 0
    shown = fingerprint(key_id(PC_KEY.public_key()))
    assert sync(pc, url) == 7
    assert "not trusted by the server yet" in capsys.readouterr().err
    assert ingest(trainer, url) == 7
    err = capsys.readouterr().err
    assert err.count("quarantined: 2 batches") == 1 and "not trusted" in err and shown in err  # one line
    assert activity_ids(url) == []
    assert ingest(trainer, url, "--trust", shown) == 0
    assert "Trusted the PC" in capsys.readouterr().out
    assert activity_ids(url) == activity_ids(pc)
    assert sync(pc, url) == 0  # the server now lists this PC's key
    assert key_id(PC_KEY.public_key()) not in trusted_keys(trainer, CERTIFICATES)  # trusted for progress only


def test_a_key_trusted_only_as_a_certificate_issuer_is_not_published_for_progress(centre, capsys):
    """The server's list is what PCs and ingests trust for progress: an issuer-only key stays off it."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    pc, url, trainer = centre
    issuer_only = Ed25519PrivateKey.generate().public_key()
    trust_key(issuer_only, trainer, "Head office", purposes=(CERTIFICATES,))
    assert ingest(trainer, url) == 0
    listed = {row[0] for row in on_server(url, "SELECT key_id FROM sync_trusted_key")}
    assert key_id(PC_KEY.public_key()) in listed and key_id(issuer_only) not in listed


def test_a_tampered_batch_is_rejected_and_nothing_of_it_is_merged(centre, capsys):
    pc, url, trainer = centre
    assert sync(pc, url) == 0
    batch, text = on_server(url, "SELECT batch_id, activities FROM sync_inbox ORDER BY batch_id")[0]
    on_server(url, "UPDATE sync_inbox SET activities = ? WHERE batch_id = ?",
              (text.replace('empathy/s1"', 'empathy/s9"', 1), batch))
    assert ingest(trainer, url) == 7
    assert "checksum mismatch" in capsys.readouterr().err
    assert len(activity_ids(url)) == 150  # the other learner's batch merged
    assert on_server(url, "SELECT status FROM sync_ingest WHERE batch_id = ?", (batch,)) == [("rejected",)]
    assert ingest(trainer, url) == 7  # still quarantined, still not merged
    assert len(activity_ids(url)) == 150


def test_a_batch_refused_after_adding_its_profile_leaves_nothing_and_the_others_merge(centre, capsys):
    """A new profile whose employee ID an active server profile holds is refused: the batch leaves
    nothing (neither its profile nor its rows), in the middle of an ingest transaction whose other
    batches merge."""
    pc, url, trainer = centre
    with server_store(url):
        other = create_learner("Someone Else", "E000")
    assert sync(pc, url) == 0
    assert ingest(trainer, url) == 7
    assert "employee ID E000" in capsys.readouterr().err
    assert len(activity_ids(url)) == 150  # Learner 1's batch merged
    assert on_server(url, "SELECT id FROM learner WHERE employee_id = 'E000'") == [(other.id,)]
    assert on_server(url, "SELECT status FROM sync_ingest ORDER BY status") == [("merged",), ("rejected",)]


_KILLER = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from workbook.store import sync
    point, chunk = sys.argv[3], int(sys.argv[4])
    sync.PUSH_ROWS = 40
    calls = {"n": 0}
    if point == "before-commit":  # the chunk is written down locally, the server has not committed
        real = sync._chunk_batches
        def chunk_batches(*args):
            calls["n"] += 1
            if calls["n"] == chunk:
                os._exit(9)
            return real(*args)
        sync._chunk_batches = chunk_batches
    else:  # the server has committed the chunk, the PC has not moved its mark
        real = sync.set_setting
        def set_setting(key, value):
            if key.endswith("/activity_rowid"):
                calls["n"] += 1
                if calls["n"] == chunk:
                    os._exit(9)
            return real(key, value)
        sync.set_setting = set_setting
    from workbook.cli import main
    sys.exit(main(["sync", "--server", sys.argv[1], "--data-dir", sys.argv[2]]))
""")


@pytest.mark.parametrize("point", ["before-commit", "after-commit"])
def test_a_sync_killed_mid_push_resumes_and_pushes_each_row_once(centre, point):
    pc, url, trainer = centre
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", _KILLER, url, str(pc), point, "3"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert killed.returncode == 9, killed.stderr
    assert on_server(url, "SELECT count(*) FROM sync_inbox")[0][0] > 0
    assert sync(pc, url) == 0
    assert ingest(trainer, url) == 0
    assert activity_ids(url) == activity_ids(pc)
    (pushed,) = on_server(url, "SELECT sum(row_count) FROM sync_inbox")[0]
    assert pushed == 300  # no chunk reached the inbox twice


def test_errors_name_the_server_without_its_password_and_exit_distinctly(centre, tmp_path, capsys):
    pc, url, trainer = centre
    missing = f"sqlite:///{tmp_path / 'nowhere' / 'workbook.sqlite'}"
    assert sync(pc, missing) == 5
    err = capsys.readouterr().err
    assert "cannot reach the server" in err and "nowhere" in err and "Traceback" not in err
    newer_server(url)
    assert sync(pc, url) == 5
    err = capsys.readouterr().err
    assert "newer than this workbook" in err and "update the workbook" in err
    assert main(["sync", "--data-dir", str(pc)]) == 1
    assert "No server to sync with" in capsys.readouterr().err


def test_redact_hides_the_password():
    from workbook.store.server import redact

    assert redact("postgresql://learner:s3cret@db.example:5432/workbook") == \
        "postgresql://learner:***@db.example:5432/workbook"
    assert redact("sqlite:////srv/workbook.sqlite") == "sqlite:////srv/workbook.sqlite"


def test_the_documented_learner_role_can_sync_and_do_nothing_more(tmp_path, pg_cluster, fresh_pg_url,
                                                                    capsys):
    """The README's sync grants, on a learner role that may otherwise only connect and read the
    rosters: enough to sync, not enough to write activity or read the inbox or the trainer's settings."""
    import psycopg

    pg_url = fresh_pg_url
    learner_url = readme_learner_url(pg_cluster, pg_url, (ROOT / "README.md").read_text(encoding="utf-8"))
    role = learner_url.split("//", 1)[1].split(":", 1)[0]
    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    make_pc(pc)
    make_trainer(trainer)
    assert ingest(trainer, pg_url) == 0
    assert sync(pc, learner_url) == 0
    assert "pc-secret" not in capsys.readouterr().out
    assert sync(pc, learner_url) == 0  # a repeated push is ignored, with no UPDATE on the inbox
    with psycopg.connect(learner_url, autocommit=True) as connection:
        for forbidden in ("INSERT INTO activity (id, learner_id, verb, object_id, payload, occurred_at, "
                          "device_id) VALUES ('x', 'y', 'v', 'o', '{}', 't', 'd')",
                          "SELECT * FROM setting", "SELECT * FROM sync_inbox", "DELETE FROM sync_inbox",
                          "SELECT activities FROM sync_inbox", "SELECT merges FROM sync_inbox",
                          "UPDATE sync_inbox SET manifest = ''"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                connection.execute(forbidden)
    assert ingest(trainer, pg_url) == 0
    assert activity_ids(pg_url) == activity_ids(pc)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f"REVOKE INSERT ON sync_inbox FROM {role}")
    with opened(pc) as db:
        add_rows(db, rows_for(db.execute_sql("SELECT id FROM learner").fetchone()[0], 5,
                              start=1000))
    capsys.readouterr()
    assert sync(pc, learner_url) == 1
    err = capsys.readouterr().err
    assert "refused this PC's database role" in err and "pc-secret" not in err and "Traceback" not in err


def test_a_workbook_open_on_the_server_itself_does_not_push_to_a_server(tmp_path, fresh_pg_url, capsys):
    url = make_server(tmp_path / "server")
    assert main(["sync", "--server", url, "--database", fresh_pg_url, "--data-dir", str(tmp_path / "t")]) == 1
    assert "only a PC's own file syncs" in capsys.readouterr().err
