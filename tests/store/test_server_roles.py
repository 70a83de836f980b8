"""The roles the README's "Central server" section creates, run on a real PostgreSQL server: its SQL
is read from the README itself, so the documented grants are the tested ones.

A learner PC's role adds profiles and activity (the totals still follow, through the owner's
trigger functions) but cannot change or remove activity, nor read activity, notes or the trainer
settings; a trainer's role reads everything the trainer views need; the owner runs the migrations.
"""

from __future__ import annotations

import random
import re

import peewee
import pytest
from conftest import REPO_ROOT

from workbook.cli import main
from workbook.core.attempt import draw_attempt
from workbook.store import quiz_attempts
from workbook.store.activity import record_section_read
from workbook.store.cohorts import create_cohort, enrol
from workbook.store.connection import open_database_url
from workbook.store.dashboard import cohort_dashboard
from workbook.store.learners import create_learner
from workbook.store.models import database


def _readme_sql() -> list[str]:
    text = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Central server", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.S)


def _run(connection, script: str) -> None:
    for statement in re.sub(r"--[^\n]*", "", script).split(";"):
        if statement.strip():
            connection.execute(statement)


@pytest.fixture(scope="module")
def server(pg_cluster):
    """The README's setup on the test cluster: roles, database, `workbook migrate`, grants."""
    superuser, owner, *later = _readme_sql()  # later: direct-writing PCs, sync; also given by the owner
    _run(pg_cluster.admin, superuser)
    url = pg_cluster.url("workbook", user="workbook_owner", password="owner-secret")
    assert main(["migrate", "--database", url]) == 0
    with pg_cluster.connect("workbook") as admin:
        admin.execute("SET ROLE workbook_owner")
        for script in (owner, *later):
            _run(admin, script)
    return pg_cluster


def test_the_base_grants_let_a_learner_role_write_nothing_only_the_direct_block_does():
    """Where PCs sync, the server takes progress only through signed batches: the README's base grants
    give the learner role no INSERT at all; the block for PCs running on the server adds it."""
    superuser, owner, direct, *sync = _readme_sql()
    def learner_inserts(block: str) -> list[str]:
        return [line for line in block.splitlines()
                if line.startswith("GRANT INSERT") and line.rstrip(";").endswith("TO workbook_learner")]

    assert learner_inserts(owner) == []
    assert learner_inserts(direct) == [
        "GRANT INSERT ON learner, activity, quiz_question TO workbook_learner;"]
    assert [line for block in sync for line in learner_inserts(block)] == [
        "GRANT INSERT ON sync_inbox TO workbook_learner;"]  # signed batches only


def test_a_learner_role_adds_activity_but_cannot_change_it_or_read_others(server, data_dir, library):
    db = open_database_url(server.url("workbook", user="workbook_learner", password="learner-secret"))
    try:
        learner = create_learner("Room 2 learner")
        record_section_read(learner.id, "active-listening", "the-listening-loop")
        plan = draw_attempt(library.module("empathy").quiz, "empathy", random.Random(1))
        quiz_attempts.start_attempt(learner.id, plan)  # its questions are kept once (v9)
        refused = {
            "update": "UPDATE activity SET verb = 'x'",
            "delete": "DELETE FROM activity",
            "truncate": "TRUNCATE activity",
            "read activity": "SELECT payload FROM activity",
            "read settings": "SELECT value FROM setting",
            "read notes": "SELECT body FROM note",
            "read totals": "SELECT * FROM learner_quiz_best",
            "change a profile": "UPDATE learner SET display_name = 'x'",
            "change the schema": "CREATE TABLE intruder (id INTEGER)",
        }
        for what, sql in refused.items():
            with pytest.raises(peewee.ProgrammingError, match="permission denied"), database.atomic():
                database.execute_sql(sql)
                pytest.fail(f"a learner role could {what}")
    finally:
        db.close()
    trainer = open_database_url(server.url("workbook", user="workbook_trainer", password="trainer-secret"))
    try:
        cohort = create_cohort("Room 2")
        enrol(cohort.id, [learner.id])
        row = cohort_dashboard(library, cohort.id).learners[0]
        assert (row.name, sum(row.sections_read.values())) == ("Room 2 learner", 1)  # the totals followed
        with pytest.raises(peewee.ProgrammingError, match="permission denied"), database.atomic():
            database.execute_sql("DELETE FROM activity")
    finally:
        trainer.close()
    import psycopg

    with server.connect("workbook") as owner:  # the owner may do anything, but the triggers refuse
        owner.execute("SET ROLE workbook_owner")
        with pytest.raises(psycopg.errors.IntegrityConstraintViolation, match="append-only"):
            owner.execute("UPDATE activity SET verb = 'x'")
