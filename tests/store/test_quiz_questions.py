"""Schema v9: an attempt's questions are stored once each, not copied into every attempt-start row,
and everything that reads the rows (attempts, reviews, bundles, xAPI) still sees them as written in
full; rows written before v9 read back exactly as before."""

from __future__ import annotations

import json
import random
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from db_kit import opened

from workbook.core.activity import Verb
from workbook.core.attempt import draw_attempt
from workbook.keys import key_id
from workbook.paths import database_path
from workbook.store import quiz_attempts
from workbook.store.activity import activity_rows
from workbook.store.bundle_merge import import_bundles
from workbook.store.bundle_reading import read_bundle
from workbook.store.bundles import export_bundle
from workbook.store.clock import new_id
from workbook.store.learners import create_learner
from workbook.store.models import ActivityRecord, QuizQuestionRecord

MODULE = "empathy"
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
TRUSTED = {key_id(KEY.public_key()): KEY.public_key()}


def _full_text(plan) -> str:
    return json.dumps(plan.to_payload(), sort_keys=True, ensure_ascii=False)


def _stored_payloads(folder: Path) -> list[str]:
    connection = sqlite3.connect(database_path(folder))
    try:
        return [row[0] for row in connection.execute(
            "SELECT payload FROM activity WHERE verb = 'attempt-started' ORDER BY rowid")]
    finally:
        connection.close()


def _attempts(library, learner_id: str, seeds: range) -> list:
    plans = [draw_attempt(library.module(MODULE).quiz, MODULE, random.Random(seed)) for seed in seeds]
    return [(plan, quiz_attempts.start_attempt(learner_id, plan, now=T0)) for plan in plans]


def test_each_question_is_stored_once_and_attempts_read_back_as_shown(library, data_dir):
    with opened(data_dir):
        learner = create_learner("Many Attempts")
        started = _attempts(library, learner.id, range(6))
        for plan, attempt_id in started:
            assert quiz_attempts.load_attempt(attempt_id).plan == plan
        shown = {p.question.id for plan, _ in started for p in plan.questions}
        assert QuizQuestionRecord.select().count() == len(shown)
        rows = [row for row in activity_rows([learner.id]) if row.verb == str(Verb.ATTEMPT_STARTED)]
        assert [row.payload for row in rows] == [_full_text(plan) for plan, _ in started]
    stored = _stored_payloads(data_dir)
    assert all('"question_ref"' in text and '"question":' not in text for text in stored)
    assert sum(map(len, stored)) * 5 < sum(len(_full_text(plan)) for plan, _ in started)


def test_a_row_written_in_full_before_v9_reads_back_exactly(library, data_dir):
    with opened(data_dir):
        learner = create_learner("Old Attempt")
        plan = draw_attempt(library.module(MODULE).quiz, MODULE, random.Random(3))
        attempt_id = new_id()
        ActivityRecord.create(id=new_id(), learner=learner.id, verb=str(Verb.ATTEMPT_STARTED),
                              module_id=MODULE, object_id=f"{MODULE}/quiz", attempt_id=attempt_id,
                              payload=_full_text(plan), occurred_at="2026-01-01T00:00:00.000000Z",
                              device_id="old-pc")
        assert quiz_attempts.load_attempt(attempt_id).plan == plan
        assert activity_rows([learner.id])[0].payload == _full_text(plan)
        assert QuizQuestionRecord.select().count() == 0


def test_bundles_carry_full_rows_and_a_reimport_finds_nothing_new(library, tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    with opened(source):
        learner = create_learner("Bundled")
        started = _attempts(library, learner.id, range(3))
        bundle = export_bundle(learner.id, tmp_path / "bundle.zip", KEY).path
        again = import_bundles([bundle], TRUSTED)[0].merged  # its own rows: nothing to add, no conflict
        assert (again.added, again.already_present) == (0, 3)
    written = [row for row in read_bundle(bundle).activities if row["verb"] == str(Verb.ATTEMPT_STARTED)]
    assert [row["payload"] for row in written] == [_full_text(plan) for plan, _ in started]
    with opened(target):
        merged = import_bundles([bundle], TRUSTED)[0].merged
        assert merged.added == 3
        for plan, attempt_id in started:
            assert quiz_attempts.load_attempt(attempt_id).plan == plan
        assert import_bundles([bundle], TRUSTED)[0].merged.added == 0
    assert all('"question_ref"' in text for text in _stored_payloads(target))
