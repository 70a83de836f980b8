"""The cohort dashboard from real activity in a real SQLite file: matrix figures, skills, stalled
learners, the totals the insert triggers keep, and the bare queries the bench times."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dashboard_oracle import assert_matches_raw_rows, assert_summary_equals_a_rebuild
from dashboard_queries import query_rows

from workbook.core.activity import Verb
from workbook.core.attempt import draw_attempt, grade
from workbook.core.call_engine import choose, current_node, offered_replies, start_call
from workbook.core.completion import calls_handled_well
from workbook.core.debrief import debrief
from workbook.core.scenario import EndingKind, Rating
from workbook.core.scoring import right_response
from workbook.store import activity, cohorts, migrations, practice_calls, quiz_attempts
from workbook.store.clock import utc_now_text
from workbook.store.connection import open_database
from workbook.store.dashboard import (
    QUERIES,
    NoSuchCohort,
    cohort_dashboard,
    rebuild_totals,
    skill_bar,
)
from workbook.store.learner_progress import learner_record
from workbook.store.learners import archive_learner, create_learner
from workbook.store.models import ActivityRecord, LearnerRecord, database

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

T0 = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 10, 20, 12, 0, tzinfo=UTC)
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _quiz(library, learner_id: str, module_id: str, answered: float, at: datetime) -> int:
    """One submitted attempt with the first `answered` share of questions right; its percent."""
    plan = draw_attempt(library.module(module_id).quiz, module_id, random.Random(3))
    attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan, now=at))
    for presented in plan.questions[:int(len(plan.questions) * answered)]:
        quiz_attempts.record_answer(attempt, presented.id, right_response(presented.question), now=at)
    result = grade(plan, attempt.responses)
    quiz_attempts.submit_attempt(attempt, result, now=at + timedelta(minutes=5))
    return result.percent


def _call(library, learner_id: str, scenario_id: str, rating: Rating, at: datetime) -> None:
    """A finished call choosing replies of `rating` where offered."""
    scenario = library.scenario(scenario_id)
    call = practice_calls.start_call(learner_id, scenario_id, now=at)
    state = start_call(scenario)
    while (node := current_node(scenario, state)) is not None:
        offered = offered_replies(scenario, state)
        pick = next((i for i in offered if node.replies[i].rating == rating), offered[0])
        practice_calls.record_reply(call, state.at, pick, now=at)
        state = choose(scenario, state, pick)
    practice_calls.end_call(call, state.at, debrief(scenario, state), now=at + timedelta(minutes=4))


def _expected_skills(learner_id: str) -> dict[str, float]:
    """The oracle: every skill value of every submission and call ending, averaged in Python."""
    values: dict[str, list[float]] = defaultdict(list)
    for row in ActivityRecord.select().where(ActivityRecord.learner == learner_id):
        payload = json.loads(row.payload)
        if row.verb == Verb.ATTEMPT_SUBMITTED:
            found = payload["by_skill"]
        elif row.verb == Verb.CALL_ENDED:
            found = payload["skills"]
        else:
            continue
        for skill, value in found.items():
            values[skill].append(value)
    return {skill: sum(v) / len(v) for skill, v in values.items()}


def _totals() -> dict[str, list[tuple]]:
    return {table: database.execute_sql(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in migrations.SUMMARY_TABLES}


@pytest.fixture
def cohort(database, library, complete_everything):
    """Ana did everything (today); Ben dabbled three weeks ago; Cy never started; Dee is archived;
    Eve is not in the cohort."""
    ana = create_learner("Ana Lima", "E-1")
    LearnerRecord.update(email="ana@example.com").where(LearnerRecord.id == ana.id).execute()  # a roster
    ben, cy, dee, eve = (create_learner(name) for name in ("Ben Okafor", "Cy Young", "Dee Dee", "Eve Out"))
    complete_everything(library, ana.id)
    first = library.modules[0]
    activity.record_section_read(ben.id, first.id, first.sections[0].id, now=T0)
    activity.record_section_read(ben.id, first.id, first.sections[0].id, now=T0 + timedelta(minutes=1))
    activity.record_section_read(ben.id, first.id, first.sections[1].id, now=T0 + timedelta(minutes=2))
    activity.record_section_read(ben.id, first.id, "since-removed", now=T0 + timedelta(minutes=3))
    activity.record_section_read(ben.id, "retired-module", "old", now=T0 + timedelta(minutes=4))
    low = _quiz(library, ben.id, first.id, 0.3, T0 + timedelta(hours=1))
    high = _quiz(library, ben.id, first.id, 0.6, T0 + timedelta(hours=2))
    _call(library, ben.id, "abusive-caller", Rating.POOR, T0 + timedelta(hours=3))
    _call(library, ben.id, "abusive-caller", Rating.POOR, T0 + timedelta(hours=4))
    _call(library, ben.id, "healthcare-billing-error", Rating.BEST, T0 + timedelta(hours=5))
    activity.record_activity(ana.id, Verb.CERTIFICATE_ISSUED, "certificate/course", attempt_id="WB-OLD",
                             now=T0)
    activity.record_activity(ana.id, Verb.CERTIFICATE_ISSUED, "certificate/course", attempt_id="WB-NEW",
                             now=T0 + timedelta(days=2))
    activity.record_section_read(dee.id, first.id, first.sections[0].id, now=T0)
    activity.record_section_read(eve.id, first.id, first.sections[0].id, now=T0)
    archive_learner(dee.id)
    made = cohorts.create_cohort("October intake")
    joined = T0 - timedelta(days=1)  # profiles made and enrolled the day before the course began
    LearnerRecord.update(created_at=utc_now_text(joined)).execute()
    cohorts.enrol(made.id, [ana.id, ben.id, cy.id, dee.id], now=joined)
    return {"id": made.id, "ana": ana, "ben": ben, "cy": cy, "dee": dee, "eve": eve,
            "ben_quiz": max(low, high)}


def test_matrix_figures_match_the_learners_own_records(cohort, library):
    """Sections read, quiz best, calls and certificate agree with the per-learner store readers."""
    board = cohort_dashboard(library, cohort["id"], NOW)
    assert board.cohort_name == "October intake"
    # Dee is archived: still listed, marked (a learner cannot hide from the trainer); Eve is no member.
    assert [row.shown_name for row in board.learners] == ["Ana Lima", "Ben Okafor", "Cy Young",
                                                          "Dee Dee (archived)"]
    assert [m.module_id for m in board.modules] == [m.id for m in library.modules]
    assert board.scenarios_total == len(library.scenarios)
    ana, ben, cy, dee = board.learners
    assert dee.archived and not ana.archived

    assert (ana.employee_id, ana.email) == ("E-1", "ana@example.com")
    assert ana.sections_read == {m.id: len(m.sections) for m in library.modules}
    assert ana.quiz_best == {module: score.best
                             for module, score in quiz_attempts.quiz_scores(ana.learner_id).items()}
    assert set(ana.quiz_best.values()) == {100}
    records = practice_calls.call_records(ana.learner_id)
    assert ana.calls_played == len(records) == len(library.scenarios)
    assert ana.calls_strong == len(handled_well(library, ana.learner_id))  # the certificate's rule
    assert ana.certificate_id == "WB-NEW"  # the newest certificate issued

    first = library.modules[0]
    assert ben.sections_read == {first.id: 2}  # read twice counts once; removed sections do not count
    assert ben.quiz_best == {first.id: cohort["ben_quiz"]}
    ben_records = practice_calls.call_records(ben.learner_id)
    assert ben.calls_played == 2
    assert ben.calls_strong == len(handled_well(library, ben.learner_id)) == 1
    assert len(ben_records) == 2 and any(r.best_kind and not EndingKind(r.best_kind).strong
                                         for r in ben_records.values())
    assert ben.certificate_id is None
    assert ben.last_active == T0 + timedelta(hours=5, minutes=4)

    assert (cy.sections_read, cy.quiz_best, cy.calls_played, cy.skills) == ({}, {}, 0, {})
    assert cy.last_active is None


def test_skill_averages_and_weakest_skills(cohort, library):
    """Per learner: the mean of every quiz and call skill value; per cohort: the mean of those."""
    board = cohort_dashboard(library, cohort["id"], NOW)
    expected = {cohort[name].id: _expected_skills(cohort[name].id) for name in ("ana", "ben")}
    for row in board.learners[:2]:
        assert row.skills == {skill: int(mean + 0.5) for skill, mean in expected[row.learner_id].items()}
    pooled: dict[str, list[float]] = defaultdict(list)
    for means in expected.values():
        for skill, mean in means.items():
            pooled[skill].append(mean)
    assert board.skill_averages == {skill: int(sum(v) / len(v) + 0.5) for skill, v in pooled.items()}
    ranked = sorted(board.skill_averages.items(), key=lambda item: (item[1], item[0]))
    assert board.weakest_skills(3) == ranked[:3]
    ben = board.learners[1]
    assert ben.weakest_skills(2) == sorted(ben.skills.items(), key=lambda item: (item[1], item[0]))[:2]
    assert ben.weakest_skills(1)[0][1] < 100


def test_stalled_learners_with_a_fixed_now(cohort, library):
    """Ben (nearly 19 days idle) and Cy (never active) have stalled; Ana, active today, has not; Dee
    (archived) is listed too, marked."""
    board = cohort_dashboard(library, cohort["id"], NOW)
    ana = board.learners[0]
    assert ana.last_active == NOW  # rows stamped after `now` count as activity at `now`
    assert [row.shown_name for row in board.stalled(7, NOW)] == ["Cy Young", "Dee Dee (archived)",
                                                                 "Ben Okafor"]
    assert [row.name for row in board.stalled(20, NOW)] == ["Cy Young"]
    assert timedelta(days=18) < board.learners[1].inactive_for(NOW) < timedelta(days=19)


def test_a_learner_who_joined_less_than_the_period_ago_has_not_stalled(cohort, library):
    """Enrolled a minute ago (with or without older activity), created a minute ago, or enrolled a
    minute ago under a profile since merged into theirs: none of them is idle for a week yet."""
    from workbook.store.merges import merge_learners

    minute_ago = NOW - timedelta(minutes=1)
    old_hand, newcomer = create_learner("Old Hand"), create_learner("New Comer")
    moved, alias = create_learner("Moved Over"), create_learner("Moved Over")
    LearnerRecord.update(created_at=utc_now_text(T0 - timedelta(days=30))).where(
        LearnerRecord.id.in_([old_hand.id, moved.id, alias.id])).execute()
    LearnerRecord.update(created_at=utc_now_text(minute_ago)).where(LearnerRecord.id == newcomer.id).execute()
    activity.record_section_read(old_hand.id, library.modules[0].id, library.modules[0].sections[0].id,
                                 now=T0 - timedelta(days=25))
    cohorts.enrol(cohort["id"], [old_hand.id, cohort["eve"].id], now=minute_ago)
    cohorts.enrol(cohort["id"], [newcomer.id], now=T0 - timedelta(days=30))
    cohorts.enrol(cohort["id"], [alias.id], now=minute_ago)
    merge_learners(alias.id, moved.id)
    board = cohort_dashboard(library, cohort["id"], NOW)
    rows = {row.learner_id: row for row in board.learners}
    assert rows[old_hand.id].joined == minute_ago and rows[newcomer.id].joined == minute_ago
    assert rows[moved.id].joined == minute_ago  # enrolled through the profile merged into it
    assert [row.name for row in board.stalled(7, NOW)] == ["Cy Young", "Dee Dee", "Ben Okafor"]
    assert cohort["eve"].id in rows and rows[cohort["eve"].id] not in board.stalled(7, NOW)
    later = NOW + timedelta(days=8)
    assert {old_hand.id, newcomer.id, moved.id} <= {row.learner_id for row in board.stalled(7, later)}


def test_every_figure_matches_the_raw_rows(cohort, library):
    """The figures read from the per-learner summary equal those worked out from the activity rows
    by the learner's own readers and the certificate's rule."""
    assert_matches_raw_rows(library, cohort_dashboard(library, cohort["id"], NOW))
    bare = query_rows(library, cohort["id"])  # the dashboard's queries alone, as the bench times them
    assert set(bare) == set(QUERIES) and len(bare["members"]) == 4


@pytest.mark.sqlite_only  # counts statements with SQLite's trace callback
def test_the_dashboard_takes_the_same_few_queries_for_any_cohort_size(cohort, library, database):
    """Set-based: the statement count does not grow with learners or activity rows."""
    statements: list[str] = []
    database.connection().set_trace_callback(statements.append)
    try:
        cohort_dashboard(library, cohort["id"])
    finally:
        database.connection().set_trace_callback(None)
    assert len(statements) == len(QUERIES)


def test_triggers_keep_the_totals_a_rebuild_makes(cohort):
    """Totals kept row by row as activity was recorded equal a rebuild from the activity rows, and so
    do the per-learner dashboard rows kept from them (schema step 10)."""
    kept = _totals()
    assert all(kept.values())
    documents = assert_summary_equals_a_rebuild()
    assert _totals() == kept
    assert set(documents) == {cohort[name].id for name in ("ana", "ben", "dee", "eve")}
    assert documents[cohort["ana"].id]["calls"] and documents[cohort["ben"].id]["skills"]


def handled_well(library, learner_id: str) -> set[str]:
    """The scenarios the certificate counts as handled well for the learner."""
    return calls_handled_well(learner_record(library, learner_id).calls, skill_bar(library))


def test_unknown_cohort_is_refused(database, library):
    with pytest.raises(NoSuchCohort):
        cohort_dashboard(library, "no-such-cohort")


def test_a_damaged_payload_does_not_block_recording(database, library):
    """A result row whose payload is not JSON (a hand-edited bundle) is kept and counts as played."""
    learner = create_learner("Odd Rows")
    ActivityRecord.create(id="bad-call", learner=learner.id, verb=str(Verb.CALL_ENDED), module_id=None,
                          object_id="call/abusive-caller", attempt_id="c1", payload="not json",
                          occurred_at="2026-10-01T09:00:00.000000Z", device_id="d")
    ActivityRecord.create(id="bad-quiz", learner=learner.id, verb=str(Verb.ATTEMPT_SUBMITTED),
                          module_id="empathy", object_id="empathy/quiz", attempt_id="q1", payload="{oops",
                          occurred_at="2026-10-01T09:01:00.000000Z", device_id="d")
    made = cohorts.create_cohort("Odd")
    cohorts.enrol(made.id, [learner.id])
    row = cohort_dashboard(library, made.id).learners[0]
    assert (row.calls_played, row.calls_strong, row.quiz_best, row.skills) == (1, 0, {}, {})
    kept = _totals()
    rebuild_totals()
    assert _totals() == kept


def test_a_migrated_database_gets_its_totals_from_existing_activity(tmp_path):
    """Step 4 fills the totals from the rows already there (the v1 fixture read two sections)."""
    path = tmp_path / "workbook.sqlite"
    shutil.copy(FIXTURES / "schema_v1.sqlite", path)
    db = open_database(path)
    try:
        rows = db.execute_sql("SELECT learner_id, module_id, sections FROM learner_module_read").fetchall()
        assert rows == [("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "active-listening", 2)]
        last = db.execute_sql("SELECT last_at FROM learner_latest").fetchone()[0]
        assert last == "2025-01-06T09:12:00.000000Z"
    finally:
        db.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION


def test_a_certified_learner_has_finished_not_stalled(cohort, library):
    """Ben, idle for nearly 19 days, is stalled until he holds a certificate issued on his own PC
    back then (it came in his bundle): then he has finished, and neither the list nor the count has him."""
    from workbook.core.cohort_metrics import summarise

    ben = cohort["ben"]
    activity.record_activity(ben.id, Verb.CERTIFICATE_ISSUED, "certificate/course", attempt_id="WB-BEN",
                             payload={"certificate_id": "WB-BEN"}, now=T0 + timedelta(hours=5, minutes=5))
    board = cohort_dashboard(library, cohort["id"], NOW)
    assert [row.name for row in board.stalled(7, NOW)] == ["Cy Young", "Dee Dee"]
    assert summarise(board, NOW).stalled == 2
