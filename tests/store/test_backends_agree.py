"""The same progress, loaded into SQLite and into PostgreSQL, reads back the same: the trainer views
row for row, the totals the triggers keep table for table, and the CSV report and xAPI export byte
for byte (issue 20, item 3).

The data is made once through the real store on SQLite (quizzes with timed answers, calls, a
merged profile, a damaged payload), then its rows are copied into a PostgreSQL database in the
order SQLite holds them, so PostgreSQL's triggers build their totals from the same inserts.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dashboard_queries import query_rows

from workbook.core.attempt import draw_attempt, grade
from workbook.reports import xapi
from workbook.reports.cohort_report import write_csv
from workbook.store import dialect, migrations, quiz_attempts
from workbook.store.cohorts import create_cohort, enrol, members
from workbook.store.connection import open_database_url
from workbook.store.dashboard import cohort_dashboard
from workbook.store.learner_progress import learner_record
from workbook.store.learners import create_learner, trainer_listing
from workbook.store.merges import merge_learners
from workbook.store.models import (
    ActivityRecord,
    AliasRecord,
    CohortMemberRecord,
    CohortRecord,
    LearnerRecord,
    MergeRecord,
    QuizQuestionRecord,
    database,
)
from workbook.store.pace import learner_attempt_pace
from workbook.store.practice_calls import call_records

T0 = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
SOURCE_TABLES = (LearnerRecord, CohortRecord, CohortMemberRecord, MergeRecord, AliasRecord,
                 QuizQuestionRecord)  # v9: the question bodies attempt starts refer to
DERIVED = (*migrations.SUMMARY_TABLES, *migrations.PACE_TABLES)


def _timed_quiz(library, learner_id: str, module_index: int, wrong, right_share: float,
                start: datetime) -> None:
    """A quiz taken answer by answer, a few seconds apart, some answers wrong."""
    from workbook.core.scoring import right_response

    module = [m for m in library.modules if m.quiz is not None][module_index]
    chooser = random.Random(module_index)
    plan = draw_attempt(module.quiz, module.id, chooser)
    attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan, now=start))
    moment = start
    for presented in plan.questions:
        moment += timedelta(seconds=chooser.choice([1.25, 3.5, 7.0, 12.125, 40.0]))
        good = chooser.random() < right_share
        answer = right_response(presented.question) if good else wrong(presented.question)
        quiz_attempts.record_answer(attempt, presented.id, answer, now=moment)
    quiz_attempts.submit_attempt(attempt, grade(plan, attempt.responses), now=moment + timedelta(seconds=2))


def _make_progress(library, complete_everything, wrong) -> dict[str, str]:
    done = create_learner("Анна Петрова", "E-1")
    complete_everything(library, done.id)
    partial = create_learner("李小龙", "E-2")
    for number in range(3):
        _timed_quiz(library, partial.id, number, wrong, 0.6, T0 + timedelta(hours=number))
    twin = create_learner("Zoë Martin")  # the same person as `partial`, merged below
    _timed_quiz(library, twin.id, 0, wrong, 0.9, T0 + timedelta(days=1))
    idle = create_learner("Not Yet Started", "E-3")
    cohort = create_cohort("Evening shift")
    enrol(cohort.id, [done.id, partial.id, twin.id, idle.id])
    merge_learners(twin.id, partial.id)
    ActivityRecord.create(id="damaged-row", learner=idle.id, verb="call-ended", module_id=None,
                          object_id="call/whatever", attempt_id=None, payload="{not json",
                          occurred_at="2026-05-05T10:00:00.000000Z", device_id="elsewhere")
    return {"cohort": cohort.id, "done": done.id, "partial": partial.id, "idle": idle.id}


def _rows_of(model) -> list[dict]:
    order = [dialect.INSERTION_ORDER] if model is ActivityRecord else model._meta.sorted_fields
    return list(model.select().order_by(*order).dicts())


def _derived() -> dict[str, list[tuple]]:
    found = {}
    for table in DERIVED:
        rows = database.execute_sql(f"SELECT * FROM {table}").fetchall()
        found[table] = sorted(tuple(round(v, 6) if isinstance(v, float) else v for v in row) for row in rows)
    return found


def _views(library, ids: dict[str, str], out: Path) -> dict:
    """Everything a trainer reads, as plain data, plus the bytes of the exports."""
    dashboard = cohort_dashboard(library, ids["cohort"], now=NOW)
    write_csv(dashboard, out / "cohort.csv", library.skill_label)
    rows = query_rows(library, ids["cohort"])
    # each member's dashboard document (JSON text) as parsed data: the two write it differently spaced
    rows["members"] = [(*row[:-1], json.loads(row[-1]) if row[-1] else None) for row in rows["members"]]
    bare = {name: sorted((tuple(float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
                                for v in row) for row in found), key=repr)
            for name, found in rows.items()}
    people = [ids["done"], ids["partial"], ids["idle"]]
    return {
        "dashboard": dashboard,
        "bare": bare,
        "members": members(ids["cohort"], include_archived=True),
        "listing": trainer_listing(),
        "pace": {learner: learner_attempt_pace(learner) for learner in people},
        # The idle learner's damaged call-ended payload counts as a call with no known ending.
        "records": {learner: learner_record(library, learner) for learner in people},
        "scores": {learner: quiz_attempts.quiz_scores(learner) for learner in people},
        "calls": {learner: call_records(learner) for learner in people},
        "derived": _derived(),
        "csv": (out / "cohort.csv").read_bytes(),
        "xapi": xapi.to_json(xapi.statements(library)).encode("utf-8"),
        "xapi_of_one": xapi.to_json(xapi.statements(library, [ids["partial"]])).encode("utf-8"),
    }


def test_sqlite_and_postgresql_give_the_same_views_and_exports(database, library, complete_everything,
                                                                wrong_response, pg_url, tmp_path):
    ids = _make_progress(library, complete_everything, wrong_response)
    copied = {model: _rows_of(model) for model in (*SOURCE_TABLES, ActivityRecord)}
    (tmp_path / "sqlite").mkdir()
    on_sqlite = _views(library, ids, tmp_path / "sqlite")
    database.close()

    server = open_database_url(pg_url)
    try:
        assert dialect.is_server()
        with database.atomic():
            for model in SOURCE_TABLES:
                if copied[model]:
                    model.insert_many(copied[model]).execute()
            for row in copied[ActivityRecord]:  # one statement per row, as the app inserts them
                ActivityRecord.insert(row).execute()
        (tmp_path / "postgres").mkdir()
        on_postgres = _views(library, ids, tmp_path / "postgres")
    finally:
        server.close()

    assert on_sqlite["dashboard"].learners, "the data made no dashboard rows: nothing was compared"
    assert len(on_sqlite["xapi"]) > 10_000 and on_sqlite["derived"]["learner_pace"]
    for name in on_sqlite:
        assert on_postgres[name] == on_sqlite[name], name


@pytest.mark.parametrize("backend", ["postgres"], indirect=True)
def test_a_rebuild_on_postgresql_gives_what_its_triggers_kept(database, library, complete_everything,
                                                              wrong_response):
    """The PostgreSQL rebuild statements (after a merge, or a repair) agree with its triggers."""
    from workbook.store.dashboard import rebuild_totals

    _make_progress(library, complete_everything, wrong_response)
    kept = _derived()
    rebuild_totals()
    assert _derived() == kept
    assert kept["learner_quiz_best"] and kept["learner_pace_median"]
