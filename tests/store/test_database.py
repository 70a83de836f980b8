"""The progress database on a real SQLite file: schema, pragmas, append-only activity, migrations."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbook.paths import database_path
from workbook.store import migrations
from workbook.store.activity import activity_count, read_sections, reading_positions, record_section_read
from workbook.store.connection import DatabaseProblem, StoreError, open_database
from workbook.store.learners import (
    ProfileError,
    active_learners,
    archive_learner,
    create_learner,
    get_learner,
    unarchive_learner,
)
from workbook.store.models import ALL_RECORDS, ActivityRecord, LearnerRecord

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

FIXTURES = Path(__file__).resolve().parent / "fixtures"
V1_LEARNER = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def schema_of(path: Path) -> dict[str, list[tuple]]:
    """Every table's (column, type, not null, default), plus the names of indexes and triggers."""
    connection = sqlite3.connect(path)
    try:
        names = connection.execute(
            "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).fetchall()
        schema = {"objects": names}
        for kind, name in names:
            if kind == "table":
                info = connection.execute(f"PRAGMA table_info({name})").fetchall()
                schema[name] = sorted((row[1], row[2], row[3], row[4]) for row in info)
        return schema
    finally:
        connection.close()


@pytest.mark.sqlite_only
def test_new_database_is_current_wal_with_foreign_keys(database):
    """A new database is at the current schema version, in WAL mode, with foreign keys enforced."""
    assert migrations.schema_version(database) == migrations.CURRENT_VERSION
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_models_match_tables(database):
    """Every model's columns and nullability equal its table's, and no table lacks a model (on
    PostgreSQL, besides the schema version's table and activity's explicit rowid)."""
    tables = set(database.get_tables()) - {"workbook_schema"}
    assert tables == {model._meta.table_name for model in ALL_RECORDS}
    for model in ALL_RECORDS:
        table = {column.name: column.null for column in database.get_columns(model._meta.table_name)
                 if column.name != "rowid"}
        fields = {name: field.null for name, field in model._meta.columns.items()}
        assert fields == table, model.__name__


def test_activity_for_unknown_learner_is_refused(database):
    """An activity row naming a learner that does not exist is rejected by the foreign key."""
    with pytest.raises(StoreError, match="(?i)foreign key"):
        record_section_read("no-such-learner", "active-listening", "the-listening-loop")
    assert activity_count() == 0


def test_activity_rows_cannot_be_updated_or_deleted(database):
    """The append-only triggers refuse to change or delete an activity row."""
    learner = create_learner("Ana")
    row = record_section_read(learner.id, "empathy", "apologizing-well")
    with pytest.raises(StoreError, match="append-only"):
        ActivityRecord.update(object_id="empathy/other").where(ActivityRecord.id == row.id).execute()
    with pytest.raises(StoreError, match="append-only"):
        ActivityRecord.delete().where(ActivityRecord.id == row.id).execute()
    with pytest.raises(StoreError, match="append-only"):
        ActivityRecord.get_by_id(row.id).delete_instance()
    assert ActivityRecord.get_by_id(row.id).object_id == "empathy/apologizing-well"
    assert activity_count(learner.id) == 1


@pytest.mark.sqlite_only
def test_section_read_is_committed_at_once(database, data_dir):
    """A recorded section read is visible at once from a second, independent connection."""
    learner = create_learner("Ana")
    record_section_read(learner.id, "empathy", "apologizing-well")
    other = sqlite3.connect(database_path(data_dir))
    try:
        rows = other.execute("SELECT learner_id, verb, object_id FROM activity").fetchall()
    finally:
        other.close()
    assert rows == [(learner.id, "section-read", "empathy/apologizing-well")]


def test_read_sections_and_positions(database):
    """Read sections are grouped per module; positions come newest first, for one learner only."""
    ana, ben = create_learner("Ana"), create_learner("Ben")
    record_section_read(ana.id, "empathy", "one", now=T0)
    record_section_read(ana.id, "de-escalation", "two", now=T0 + timedelta(minutes=5))
    record_section_read(ana.id, "empathy", "one", now=T0 + timedelta(minutes=9))
    record_section_read(ben.id, "empathy", "three", now=T0 + timedelta(minutes=20))
    assert read_sections(ana.id) == {"empathy": {"one"}, "de-escalation": {"two"}}
    assert reading_positions(ana.id) == [("empathy", "one"), ("de-escalation", "two"), ("empathy", "one")]
    assert reading_positions(ana.id, limit=1) == [("empathy", "one")]
    assert read_sections("nobody") == {}


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_learner_name_must_be_usable(database, name):
    """An empty, blank or over-long display name is refused with a ProfileError."""
    with pytest.raises(ProfileError):
        create_learner(name)
    assert active_learners() == []


def test_learner_name_is_tidied(database):
    """Whitespace in a display name is collapsed, and a blank employee id is stored as none."""
    learner = create_learner("  Ana   María ", "  ")
    assert (learner.display_name, learner.employee_id) == ("Ana María", None)


def test_duplicate_employee_id_is_refused(database):
    """A second active profile with the same employee id is refused."""
    create_learner("Ana", "E-7")
    with pytest.raises(ProfileError, match="E-7"):
        create_learner("Another Ana", " E-7 ")
    assert [learner.display_name for learner in active_learners()] == ["Ana"]


def test_archive_hides_learner_but_keeps_activity(database):
    """Archiving hides a profile from the active list; its record and activity stay."""
    ana, ben = create_learner("ana"), create_learner("Ben")
    record_section_read(ana.id, "empathy", "one")
    archive_learner(ana.id)
    assert [learner.id for learner in active_learners()] == [ben.id]
    assert get_learner(ana.id).archived_at is not None
    assert read_sections(ana.id) == {"empathy": {"one"}}
    unarchive_learner(ana.id)
    assert [learner.display_name for learner in active_learners()] == ["ana", "Ben"]


def test_v1_database_is_migrated_with_rows_intact(tmp_path):
    """A first-release database climbs to the current version, keeps its rows, and is copied first."""
    fresh_path = tmp_path / "fresh.sqlite"
    open_database(fresh_path).close()
    old_path = tmp_path / "data" / "workbook.sqlite"
    old_path.parent.mkdir()
    shutil.copy(FIXTURES / "schema_v1.sqlite", old_path)
    backups = tmp_path / "backups"

    db = open_database(old_path, pre_migration_dir=backups)
    try:
        assert migrations.schema_version(db) == migrations.CURRENT_VERSION
        learner = LearnerRecord.get_by_id(V1_LEARNER)
        assert (learner.display_name, learner.employee_id, learner.archived_at) == (
            "Dana Reyes", "E-1001", None)
        assert [learner.id for learner in active_learners()] == [V1_LEARNER]
        assert read_sections(V1_LEARNER) == {
            "active-listening": {"why-listening-first", "the-listening-loop"}}
    finally:
        db.close()

    copies = list(backups.iterdir())
    assert [copy.name.startswith("pre-migration-v1-") for copy in copies] == [True]
    assert schema_of(copies[0]) == schema_of(FIXTURES / "schema_v1.sqlite")
    assert schema_of(old_path) == schema_of(fresh_path)


def test_newer_database_is_refused_and_left_unchanged(data_dir):
    """A database written by a newer workbook is refused, and its file keeps the same bytes."""
    path = database_path(data_dir)
    db = open_database(path)
    create_learner("Ana")
    db.execute_sql(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem, match="update the workbook"):
        open_database(path, pre_migration_dir=data_dir / "backups")
    assert path.read_bytes() == before
    assert not (data_dir / "backups").exists()


def test_newer_rollback_journal_database_is_left_unchanged(data_dir):
    """A newer database in rollback-journal mode is refused without a single byte changing."""
    path = database_path(data_dir)
    connection = sqlite3.connect(path)
    for statement in migrations.SCHEMA_V1 + migrations.SCHEMA_V2:
        connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {migrations.CURRENT_VERSION + 1}")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem):
        open_database(path)
    assert path.read_bytes() == before


def test_a_killed_process_loses_nothing_it_reported_saved(tmp_path):
    """Every write is committed when it returns: SIGKILL right after it leaves the data intact."""
    import signal
    import subprocess
    import sys

    path = tmp_path / "workbook.sqlite"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from workbook.store.connection import open_database\n"
        "from workbook.store.learners import create_learner\n"
        "from workbook.store.activity import record_section_read\n"
        "open_database(Path(sys.argv[1]))\n"
        "learner = create_learner('Killed Mid-Session')\n"
        "for n in range(3):\n"
        "    record_section_read(learner.id, 'empathy', f'section-{n}')\n"
        "print(learner.id, flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, text=True)
    learner_id = child.stdout.readline().strip()
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    db = open_database(path)
    try:
        assert read_sections(learner_id) == {"empathy": {"section-0", "section-1", "section-2"}}
    finally:
        db.close()
