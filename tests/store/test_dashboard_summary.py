"""The dashboard's row per learner (schema step 10) and "handled well" by the certificate's rule: the
dashboard read from the summary equals the figures worked out from the raw activity rows, on real
databases, after recording, a bundle import, a merge, a sync ingest and the migration itself."""

from __future__ import annotations

import csv
import json
import random
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from dashboard_oracle import assert_matches_raw_rows, assert_summary_equals_a_rebuild
from db_kit import opened
from msgspec.structs import replace
from peewee import SqliteDatabase
from sync_kit import make_pc, make_server, make_trainer

from workbook.cli import main
from workbook.core.activity import Verb
from workbook.core.call_engine import choose, current_ending, current_node, offered_replies, start_call
from workbook.core.cohort_metrics import summarise
from workbook.core.completion import calls_handled_well, skill_score
from workbook.core.debrief import debrief
from workbook.core.scenario import Rating
from workbook.keys import key_id
from workbook.reports.cohort_csv import write_csv
from workbook.store import cohorts, dialect, migrations, practice_calls
from workbook.store.activity import record_activity
from workbook.store.bundle_merge import import_bundles
from workbook.store.bundles import export_bundle
from workbook.store.connection import PRAGMAS, open_database, open_database_url
from workbook.store.dashboard import cohort_dashboard, skill_bar
from workbook.store.learner_progress import learner_record
from workbook.store.learners import create_learner
from workbook.store.merges import merge_learners

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

T0 = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 9, 30, 12, 0, tzinfo=UTC)
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(3, 35)))


def _path(scenario, wanted) -> list[int]:
    """Replies (seeded random walks through the real engine) whose ending and debrief `wanted` accepts."""
    for seed in range(3000):
        pick, state, path = random.Random(seed), start_call(scenario), []
        while (node := current_node(scenario, state)) is not None:
            offered = offered_replies(scenario, state)
            best = [i for i in offered if node.replies[i].rating == Rating.BEST]
            reply = pick.choice(offered) if pick.random() < 0.5 or not best else best[0]
            path.append(reply)
            state = choose(scenario, state, reply)
        ending = current_ending(scenario, state)
        if ending and wanted(ending.kind.strong, skill_score(debrief(scenario, state).skills)):
            return path
    raise AssertionError(f"no walk through {scenario.id} ends as wanted")


def _play(learner_id: str, scenario, path: list[int], at: datetime) -> None:
    """One finished call through the store, replying `path`."""
    call = practice_calls.start_call(learner_id, scenario.id, now=at)
    state = start_call(scenario)
    for reply in path:
        practice_calls.record_reply(call, state.at, reply, now=at)
        state = choose(scenario, state, reply)
    practice_calls.end_call(call, state.at, debrief(scenario, state), now=at + timedelta(minutes=3))


def _below_and_above(library):
    """A scenario with a walk that ends well under the course's bar, and another with one at or over it."""
    bar = skill_bar(library)
    assert bar > 0, "the bundled course sets a skill bar: this test needs one"
    for below in library.scenarios:
        try:
            low = _path(below, lambda strong, score: strong and score < bar)
        except AssertionError:
            continue
        above = next(s for s in library.scenarios if s.id != below.id)
        return below, low, above, _path(above, lambda strong, score: strong and score >= bar)
    raise AssertionError("no scenario can end well under the bar")


def _progress(library, learner_id: str, start: datetime = T0) -> tuple[str, str]:
    """A call that ended well under the bar, and one that ended well over it; their scenario ids."""
    below, low, above, high = _below_and_above(library)
    _play(learner_id, below, low, start)
    _play(learner_id, above, high, start + timedelta(hours=1))
    return below.id, above.id


def test_a_call_that_ended_well_below_the_skill_bar_is_not_handled_well(database, library, tmp_path):
    """Resolved but under the course's skill bar: played, not handled well, on the dashboard, in the
    cohort report's figures and CSV, exactly as the certificate counts it; with no bar it counts."""
    learner = create_learner("Low Bar")
    below, above = _progress(library, learner.id)
    made = cohorts.create_cohort("Bar check")
    cohorts.enrol(made.id, [learner.id])

    board = cohort_dashboard(library, made.id, NOW)
    (row,) = board.learners
    assert (row.calls_played, row.calls_strong) == (2, 1)
    record = learner_record(library, learner.id)
    assert all(outcome.strong for outcome in record.calls[below])  # it did end well ...
    assert calls_handled_well(record.calls, skill_bar(library)) == {above}  # ... and does not count
    assert_matches_raw_rows(library, board)
    assert summarise(board, NOW).calls_handled_well == round(100 / len(library.scenarios))
    write_csv(board, tmp_path / "cohort.csv")
    with (tmp_path / "cohort.csv").open(encoding="utf-8-sig") as handle:
        (line,) = csv.DictReader(handle)
    assert line[f"Calls handled well (of {len(library.scenarios)})"] == "1" and line["Calls played"] == "2"

    # The bar is the course's, read when the dashboard is: no bar, and both calls count (no rebuild).
    calls = replace(library.course.requires.calls, min_skill_score=0)
    no_bar = replace(library, course=replace(library.course, requires=replace(library.course.requires,
                                                                              calls=calls)))
    assert cohort_dashboard(no_bar, made.id, NOW).learners[0].calls_strong == 2


@pytest.mark.parametrize("skills, kind", [
    ({"a": 59, "b": 60}, "resolved"),  # 59.5: half to even, 60
    ({"a": 60, "b": 61}, "resolved"),  # 60.5: 60
    ({"a": 61, "b": 62}, "escalated-appropriately"),  # 61.5: 62
    ({"a": 58.5}, "resolved-with-follow-up"),  # 58
    ({"a": 100, "b": 0, "c": 1}, "resolved"),  # 33.67: 34
    ({"a": "high", "b": 70}, "resolved"),  # only numbers count: 70
    ({}, "resolved"),  # no skills: 0
    ({"a": 90}, "hung-up"),  # did not end well: no strong score
])
def test_the_stored_strong_score_is_the_certificates_skill_score(database, library, skills, kind):
    """The SQL keeping each call's score rounds as `core.completion.skill_score` does."""
    learner = create_learner("Rounding")
    record_activity(learner.id, Verb.CALL_ENDED, "call/abusive-caller", attempt_id="c1",
                    payload={"kind": kind, "skills": skills}, now=T0)
    (stored,) = database.execute_sql("SELECT strong_score FROM learner_call_best").fetchall()
    strong = kind in ("resolved", "resolved-with-follow-up", "escalated-appropriately")
    assert stored[0] == (skill_score(skills) if strong else -1)
    assert_summary_equals_a_rebuild()


def test_after_a_merge_the_survivors_row_holds_both_profiles(database, library):
    """A merge re-keys the totals (a rebuild): the survivor's row counts a scenario handled well by
    either profile once, and a row recorded later for the merged-away profile joins it."""
    first, second = create_learner("Two Profiles"), create_learner("Two Profiles")
    below, above = _progress(library, first.id)
    _progress(library, second.id, T0 + timedelta(days=1))
    made = cohorts.create_cohort("Merged")
    cohorts.enrol(made.id, [first.id, second.id])
    merge_learners(first.id, second.id)
    (row,) = cohort_dashboard(library, made.id, NOW).learners
    assert (row.learner_id, row.calls_played, row.calls_strong) == (second.id, 2, 1)
    scenario = library.scenario(below)
    well = _path(scenario, lambda strong, score: strong and score >= skill_bar(library))
    _play(first.id, scenario, well, T0 + timedelta(days=2))  # from a PC not told of the merge yet
    board = cohort_dashboard(library, made.id, NOW)
    assert board.learners[0].calls_strong == 2
    assert_matches_raw_rows(library, board)
    assert_summary_equals_a_rebuild()


@pytest.mark.sqlite_only  # bundles move between SQLite files
def test_after_a_bundle_import_the_dashboard_matches_the_raw_rows(tmp_path, library, complete_everything):
    source, target, out = tmp_path / "source", tmp_path / "target", tmp_path / "bundle.zip"
    with opened(source):
        learner = create_learner("Imported Learner", "E-9")
        complete_everything(library, learner.id)
        _progress(library, learner.id)
        export_bundle(learner.id, out, KEY)
    with opened(target):
        (result,) = import_bundles([out], {key_id(KEY.public_key()): KEY.public_key()})
        assert not result.refused, result.reason
        made = cohorts.create_cohort("Imported")
        cohorts.enrol(made.id, [learner.id])
        board = cohort_dashboard(library, made.id, NOW)
        assert board.learners[0].calls_played == len(library.scenarios)
        assert_matches_raw_rows(library, board)
        assert_summary_equals_a_rebuild()


@pytest.fixture(params=["sqlite", "postgres"])
def server_url(request, tmp_path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("fresh_pg_url")
    return make_server(tmp_path / "server")


@pytest.mark.sqlite_only  # the server is parametrized itself: a SQLite file, or PostgreSQL
def test_after_a_sync_ingest_the_servers_dashboard_matches_the_raw_rows(tmp_path, server_url, library,
                                                                         complete_everything):
    """A PC's progress (section reads of sections since removed among it) pushed and ingested: the
    server's own dashboard rows give the raw rows' figures."""
    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    ids = make_pc(pc)
    with opened(pc):
        complete_everything(library, ids[0])
        _progress(library, ids[1])
    make_trainer(trainer)
    assert main(["sync", "--ingest", "--server", server_url, "--data-dir", str(trainer)]) == 0
    assert main(["sync", "--server", server_url, "--data-dir", str(pc)]) == 0
    assert main(["sync", "--ingest", "--server", server_url, "--data-dir", str(trainer)]) == 0
    db = open_database_url(server_url)
    try:
        made = cohorts.create_cohort("Synced")
        cohorts.enrol(made.id, ids)
        board = cohort_dashboard(library, made.id, NOW)
        shown = {row.learner_id: row for row in board.learners}
        assert (shown[ids[1]].calls_played, shown[ids[1]].calls_strong) == (2, 1)
        assert_matches_raw_rows(library, board)
        assert_summary_equals_a_rebuild()
    finally:
        db.close()


@pytest.mark.sqlite_only  # a SQLite file written at schema 9
def test_step_10_fills_the_summary_from_the_rows_already_there(tmp_path, library):
    """A database written before step 10: the migration works out every call's strong score and every
    learner's dashboard row from its rows, as a rebuild would."""
    path = tmp_path / "workbook.sqlite"
    old = SqliteDatabase(str(path), pragmas=PRAGMAS)
    for number, step in migrations.STEPS:
        if number <= 9:
            with old.atomic():
                step(old)
                dialect.set_schema_version(old, number)
    learner_id = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
    old.execute_sql("INSERT INTO learner (id, display_name, created_at) VALUES (?, 'Before Ten', ?)",
                    (learner_id, "2026-09-01T08:00:00.000000Z"))
    rows = [("call-ended", "call/abusive-caller", {"kind": "resolved", "skills": {"a": 50, "b": 55}}),
            ("call-ended", "call/bereaved-caller", {"kind": "resolved", "skills": {"a": 80, "b": 85}}),
            ("call-ended", "call/bereaved-caller", {"kind": "hung-up", "skills": {"a": 95}}),
            ("attempt-submitted", "empathy/quiz",
             {"percent": 87.5, "passed": True, "by_skill": {"empathy": 87.5}}),
            ("section-read", "empathy/" + library.module("empathy").sections[0].id, {})]
    for number, (verb, object_id, payload) in enumerate(rows):
        old.execute_sql("INSERT INTO activity VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pc')",
                        (f"{number:032x}", learner_id, verb, "empathy" if verb != "call-ended" else None,
                         object_id, f"a{number}", json.dumps(payload), f"2026-09-01T09:0{number}:00.000000Z"))
    old.close()

    db = open_database(path)
    try:
        assert migrations.schema_version(db) == migrations.CURRENT_VERSION
        scores = dict(db.execute_sql("SELECT object_id, strong_score FROM learner_call_best").fetchall())
        assert scores == {"call/abusive-caller": 52, "call/bereaved-caller": 82}
        made = cohorts.create_cohort("Migrated")
        cohorts.enrol(made.id, [learner_id])
        board = cohort_dashboard(library, made.id, NOW)
        assert (board.learners[0].calls_played, board.learners[0].calls_strong) == (2, 1)
        assert board.learners[0].quiz_best == {"empathy": 87}
        assert_matches_raw_rows(library, board)
        assert_summary_equals_a_rebuild()
    finally:
        db.close()
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT_VERSION
