"""Pace from real activity rows in a real SQLite file: the seconds each answer took (kept by the
step-6 trigger), medians per learner, and attempts answered faster than their text can be read."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from workbook.core.attempt import draw_attempt, grade
from workbook.core.call_engine import choose, current_node, offered_replies, start_call
from workbook.core.pace import floor_seconds, question_words, turn_floor, turn_words
from workbook.core.scoring import right_response
from workbook.paths import database_path
from workbook.store import cohorts, migrations, practice_calls, quiz_attempts
from workbook.store.connection import open_database
from workbook.store.dashboard import cohort_dashboard, rebuild_totals
from workbook.store.learners import create_learner
from workbook.store.models import PaceRecord, database
from workbook.store.pace import learner_attempt_pace

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
MODULE = "empathy"
SCENARIO = "healthcare-billing-error"


def _quiz(library, learner_id: str, seconds_each: float, at: datetime) -> str:
    """An attempt answered right, one question every `seconds_each` seconds; the first question is
    also changed once a second later (a change of mind is not a new answer)."""
    plan = draw_attempt(library.module(MODULE).quiz, MODULE, random.Random(5))
    attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan, now=at))
    for number, presented in enumerate(plan.questions, 1):
        moment = at + timedelta(seconds=seconds_each * number)
        quiz_attempts.record_answer(attempt, presented.id, right_response(presented.question), now=moment)
        if number == 1:
            quiz_attempts.record_answer(attempt, presented.id, right_response(presented.question),
                                        checked=True, now=moment + timedelta(seconds=1))
    quiz_attempts.submit_attempt(attempt, grade(plan, attempt.responses),
                                 now=at + timedelta(seconds=seconds_each * (len(plan.questions) + 1)))
    return attempt.id


def _call(library, learner_id: str, seconds_each: float, at: datetime, prefix_from: str | None = None) -> str:
    scenario = library.scenario(SCENARIO)
    prefix = practice_calls.load_call(prefix_from).turns(2) if prefix_from else None
    call = practice_calls.start_call(learner_id, SCENARIO, prefix, replayed_from=prefix_from, now=at)
    state = start_call(scenario, call.seed)
    for _node, reply, typed in call.turns():
        state = choose(scenario, state, reply, typed)
    turn = 0
    while current_node(scenario, state) is not None:
        pick = offered_replies(scenario, state)[0]
        turn += 1
        practice_calls.record_reply(call, state.at, pick, now=at + timedelta(seconds=seconds_each * turn),
                                    floor=turn_floor(scenario.nodes[state.at]))  # as the call page does
        state = choose(scenario, state, pick)
    return call.id


def test_each_first_answer_and_each_chosen_turn_gets_its_seconds(database, library):
    learner = create_learner("Timed")
    attempt_id = _quiz(library, learner.id, 20, T0)
    call_id = _call(library, learner.id, 12, T0 + timedelta(hours=1))
    replay_id = _call(library, learner.id, 12, T0 + timedelta(hours=2), prefix_from=call_id)
    rows = list(PaceRecord.select().where(PaceRecord.attempt_id == attempt_id))
    plan = quiz_attempts.load_attempt(attempt_id).plan
    assert len(rows) == len(plan.questions)  # the changed first answer is not counted twice
    # seconds since the attempt's previous row: the second question follows the change of mind
    assert sorted(round(r.seconds, 3) for r in rows) == [19.0] + [20.0] * (len(rows) - 1)
    turns = list(PaceRecord.select().where(PaceRecord.attempt_id == call_id))
    assert turns and {round(r.seconds, 3) for r in turns} == {12.0} and {r.kind for r in turns} == {"turn"}
    copied = practice_calls.load_call(replay_id)
    timed = list(PaceRecord.select().where(PaceRecord.attempt_id == replay_id))
    assert len(timed) == len(copied.replies) - 2  # the two turns copied in by "replay from here" are not
    kept = {table: sorted(database.execute_sql(f"SELECT * FROM {table}").fetchall())
            for table in migrations.PACE_TABLES}
    rebuild_totals()
    assert {table: sorted(database.execute_sql(f"SELECT * FROM {table}").fetchall())
            for table in migrations.PACE_TABLES} == kept


def test_fast_attempts_are_flagged_and_the_dashboard_shows_the_medians(database, library):
    steady, rusher = create_learner("Steady Reader"), create_learner("Quick Clicker")
    _quiz(library, steady.id, 45, T0)
    _call(library, steady.id, 30, T0 + timedelta(hours=1))
    rushed_quiz = _quiz(library, rusher.id, 1, T0)
    slow_quiz = _quiz(library, rusher.id, 60, T0 + timedelta(hours=1))
    rushed_call = _call(library, rusher.id, 2, T0 + timedelta(hours=2))
    made = cohorts.create_cohort("Pace")
    cohorts.enrol(made.id, [steady.id, rusher.id])
    board = {row.name: row.pace for row in cohort_dashboard(library, made.id).learners}

    pace, attempts = learner_attempt_pace(rusher.id)
    assert attempts[rushed_quiz].rushed and attempts[rushed_call].rushed and not attempts[slow_quiz].rushed
    assert (pace.rushed_quizzes, pace.rushed_calls) == (1, 1)
    assert board["Quick Clicker"] == pace  # the dashboard's SQL and the drill-down agree
    seconds = sorted(int(r.seconds) for r in PaceRecord.select().where(PaceRecord.learner_id == rusher.id,
                                                                      PaceRecord.kind == "question"))
    assert pace.seconds_per_question == seconds[(len(seconds) - 1) // 2]  # the lower median, whole seconds
    assert pace.seconds_per_turn == 2
    assert attempts[rushed_call].median_seconds == 2 and attempts[slow_quiz].median_seconds == 60
    steady_pace = board["Steady Reader"]
    assert steady_pace.rushed == 0
    assert (steady_pace.seconds_per_question, steady_pace.seconds_per_turn) == (45, 30)


def test_each_answer_carries_the_reading_floor_of_its_text(database, library):
    learner = create_learner("Floors")
    attempt_id = _quiz(library, learner.id, 10, T0)
    call_id = _call(library, learner.id, 10, T0 + timedelta(hours=1))
    plan = quiz_attempts.load_attempt(attempt_id).plan
    floors = {r.object_id: r.floor for r in PaceRecord.select().where(PaceRecord.attempt_id == attempt_id)}
    assert floors == {f"{MODULE}/quiz/{p.id}": floor_seconds(question_words(p.question))
                      for p in plan.questions}
    scenario = library.scenario(SCENARIO)
    for row in PaceRecord.select().where(PaceRecord.attempt_id == call_id):
        assert row.floor == floor_seconds(turn_words(scenario.nodes[row.object_id.rsplit("/", 1)[1]]))
    assert floor_seconds(500) == 60.0 and floor_seconds(50) == 6.0  # 500 words a minute


def test_a_database_from_before_step_6_gets_the_pace_of_its_existing_rows(data_dir, library):
    path = database_path(data_dir)
    db = open_database(path)
    learner = create_learner("Old Timer")
    attempt_id = _quiz(library, learner.id, 30, T0)
    expected = sorted(PaceRecord.select().tuples())
    kept = {table: sorted(database.execute_sql(f"SELECT * FROM {table}").fetchall())
            for table in migrations.PACE_TABLES}
    for (name,) in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                        "AND name LIKE '%dashboard%'").fetchall():  # as before step 10
        database.execute_sql(f"DROP TRIGGER {name}")
    database.execute_sql("DROP TABLE learner_dashboard")
    database.execute_sql("DROP TRIGGER activity_totals_call")
    database.execute_sql(next(statement for statement in migrations.SCHEMA_V7
                              if statement.startswith("CREATE TRIGGER activity_totals_call")))
    database.execute_sql("ALTER TABLE learner_call_best DROP COLUMN strong_score")
    for table in migrations.PACE_TABLES:  # as a workbook before step 6 left it
        database.execute_sql(f"DROP TABLE {table}")
    database.execute_sql("DROP TRIGGER activity_pace")
    for statement in ("DROP TABLE learner_merge", "DROP TABLE learner_alias", "DROP VIEW activity_resolved",
                      "DROP VIEW cohort_member_resolved",  # and step 7 (merged profiles) not run yet
                      "DROP TABLE sync_server", "DROP TABLE sync_inbox", "DROP TABLE sync_ingest",
                      "DROP TABLE sync_trusted_key"):  # nor step 8 (sync)
        database.execute_sql(statement)
    database.execute_sql("DROP TABLE quiz_question")  # nor step 9 (the pace reads no question bodies)
    database.execute_sql("DROP TABLE activity_source")  # nor step 11 (row provenance)
    database.execute_sql("DROP TABLE activity_refused")
    database.execute_sql("PRAGMA user_version = 5")
    db.close()
    db = open_database(path)
    try:
        assert migrations.schema_version(db) == migrations.CURRENT_VERSION
        assert sorted(PaceRecord.select().tuples()) == expected
        assert {r.attempt_id for r in PaceRecord.select()} == {attempt_id}
        assert {table: sorted(db.execute_sql(f"SELECT * FROM {table}").fetchall())
                for table in migrations.PACE_TABLES} == kept
    finally:
        db.close()
