"""Sync between real database files: a learner PC pushes signed batches to a server's inbox, a trainer's
ingest merges them, the PC pulls rosters, cohorts and keys; idempotent, resumable, signed."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from db_kit import opened
from sync_kit import PC_KEY, TRAINER_KEY, add_rows, make_pc, make_server, make_trainer, rows_for

from workbook.cli import main
from workbook.keys import fingerprint, key_id, trusted_keys
from workbook.paths import database_path
from workbook.store import cohorts, migrations
from workbook.store.learners import create_learner
from workbook.store.merges import merge_learners

ROOT = Path(__file__).resolve().parents[2]


def sync(pc: Path, url: str) -> int:
    return main(["sync", "--server", url, "--data-dir", str(pc)])


def ingest(trainer: Path, url: str, *extra: str) -> int:
    return main(["sync", "--ingest", "--server", url, "--data-dir", str(trainer), *extra])


def activity_ids(folder: Path) -> list[str]:
    connection = sqlite3.connect(database_path(folder))
    try:
        return [row[0] for row in connection.execute("SELECT id FROM activity ORDER BY id")]
    finally:
        connection.close()


def server_rows(folder: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(database_path(folder))
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture
def centre(tmp_path):
    """(pc folder, server folder, server URL, trainer folder), the PC trusted by the trainer, whose
    first ingest has published the trusted keys."""
    pc, server, trainer = tmp_path / "pc", tmp_path / "server", tmp_path / "trainer"
    make_pc(pc)
    url = make_server(server)
    make_trainer(trainer)
    assert ingest(trainer, url) == 0
    return pc, server, url, trainer


def test_sync_pushes_every_row_and_a_second_sync_adds_nothing(centre, capsys):
    pc, server, url, trainer = centre
    assert sync(pc, url) == 0
    assert "300 activity records pushed (2 batches)" in capsys.readouterr().out
    assert ingest(trainer, url) == 0
    assert activity_ids(server) == activity_ids(pc)
    inbox = server_rows(server, "SELECT count(*), sum(row_count) FROM sync_inbox")
    assert sync(pc, url) == 0
    assert "0 activity records pushed (0 batches)" in capsys.readouterr().out
    assert ingest(trainer, url) == 0
    assert "Ingested 0 batches" in capsys.readouterr().out
    assert server_rows(server, "SELECT count(*), sum(row_count) FROM sync_inbox") == inbox
    assert activity_ids(server) == activity_ids(pc)


def test_new_rows_and_a_merge_travel_at_the_next_sync(centre):
    pc, server, url, trainer = centre
    assert sync(pc, url) == 0
    with opened(pc) as db:
        late = create_learner("Late Joiner")
        add_rows(db, rows_for(late.id, 20, device="pc-device"))
        first = server_rows(server, "SELECT 1")  # the server file is untouched meanwhile
        merge_learners(late.id, [row for row in db.execute_sql("SELECT id FROM learner WHERE "
                                                                "employee_id = 'E000'")][0][0])
    assert first == [(1,)]
    assert sync(pc, url) == 0 and ingest(trainer, url) == 0
    assert activity_ids(server) == activity_ids(pc)
    assert server_rows(server, "SELECT from_learner_id FROM learner_merge") == [(late.id,)]


def test_pull_brings_rosters_cohorts_and_trusted_keys(centre, capsys):
    pc, server, url, trainer = centre
    with opened(server):
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
    with opened(server):
        cohorts.rename_cohort(cohort.id, "November intake A")
    assert sync(pc, url) == 0
    assert "pulled 0 profiles, 1 cohort, 0 enrolments, 0 trusted keys" in capsys.readouterr().out
    assert sync(pc, url) == 0
    assert "pulled 0 profiles, 0 cohorts, 0 enrolments, 0 trusted keys" in capsys.readouterr().out


def test_an_untrusted_pc_waits_in_quarantine_until_a_trainer_trusts_it(tmp_path, capsys):
    pc, server, trainer = tmp_path / "pc", tmp_path / "server", tmp_path / "trainer"
    make_pc(pc)
    url = make_server(server)
    make_trainer(trainer, trusts_pc=False)
    assert ingest(trainer, url) == 0
    shown = fingerprint(key_id(PC_KEY.public_key()))
    assert sync(pc, url) == 5
    assert "not trusted by the server yet" in capsys.readouterr().err
    assert ingest(trainer, url) == 2
    err = capsys.readouterr().err
    assert err.count("quarantined:") == 2 and "not trusted" in err and shown in err
    assert activity_ids(server) == []
    assert ingest(trainer, url, "--trust", shown) == 0
    assert "Trusted the PC" in capsys.readouterr().out
    assert activity_ids(server) == activity_ids(pc)
    assert sync(pc, url) == 0  # the server now lists this PC's key


def test_a_tampered_batch_is_rejected_and_nothing_of_it_is_merged(centre, capsys):
    pc, server, url, trainer = centre
    assert sync(pc, url) == 0
    connection = sqlite3.connect(database_path(server))
    with connection:
        batch, text = connection.execute("SELECT batch_id, activities FROM sync_inbox ORDER BY batch_id"
                                         ).fetchone()
        connection.execute("UPDATE sync_inbox SET activities = ? WHERE batch_id = ?",
                           (text.replace('empathy/s1"', 'empathy/s9"', 1), batch))
    connection.close()
    assert ingest(trainer, url) == 2
    assert "checksum mismatch" in capsys.readouterr().err
    assert len(activity_ids(server)) == 150  # the other learner's batch merged
    assert server_rows(server, "SELECT status FROM sync_ingest WHERE batch_id = "
                               f"'{batch}'") == [("rejected",)]
    assert ingest(trainer, url) == 2  # still quarantined, still not merged
    assert len(activity_ids(server)) == 150


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
    pc, server, url, trainer = centre
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", _KILLER, url, str(pc), point, "3"], env=env,
                            capture_output=True, text=True, timeout=60)
    assert killed.returncode == 9, killed.stderr
    assert server_rows(server, "SELECT count(*) FROM sync_inbox")[0][0] > 0
    assert sync(pc, url) == 0
    assert ingest(trainer, url) == 0
    assert activity_ids(server) == activity_ids(pc)
    (pushed,) = server_rows(server, "SELECT sum(row_count) FROM sync_inbox")[0]
    assert pushed == 300  # no chunk reached the inbox twice


def test_errors_name_the_server_without_its_password_and_exit_distinctly(centre, tmp_path, capsys):
    pc, server, url, trainer = centre
    missing = f"sqlite:///{tmp_path / 'nowhere' / 'workbook.sqlite'}"
    assert sync(pc, missing) == 3
    err = capsys.readouterr().err
    assert "cannot reach the server" in err and "nowhere" in err and "Traceback" not in err
    connection = sqlite3.connect(database_path(server))
    connection.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    connection.close()
    assert sync(pc, url) == 4
    err = capsys.readouterr().err
    assert "newer than this workbook" in err and "update the workbook" in err
    assert main(["sync", "--data-dir", str(pc)]) == 1
    assert "No server to sync with" in capsys.readouterr().err


def test_redact_hides_the_password():
    from workbook.store.server import redact

    assert redact("postgresql://learner:s3cret@db.example:5432/workbook") == \
        "postgresql://learner:***@db.example:5432/workbook"
    assert redact("sqlite:////srv/workbook.sqlite") == "sqlite:////srv/workbook.sqlite"
