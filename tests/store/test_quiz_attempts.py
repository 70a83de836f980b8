"""Quiz attempts kept as append-only activity rows in a real SQLite file."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from workbook.core.attempt import draw_attempt, grade
from workbook.core.scoring import right_response
from workbook.store import quiz_attempts
from workbook.store.learners import create_learner

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

MODULE = "empathy"
T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _start(library, learner_id: str, seed: int = 1, at: datetime = T0) -> quiz_attempts.StoredAttempt:
    plan = draw_attempt(library.module(MODULE).quiz, MODULE, random.Random(seed))
    return quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan, now=at))


def test_attempt_reads_back_as_it_was_shown_with_the_latest_answers(database, library):
    learner = create_learner("Store Test")
    attempt = _start(library, learner.id)
    first, second = attempt.plan.questions[:2]
    quiz_attempts.record_answer(attempt, first.id, [0], now=T0 + timedelta(seconds=5))
    quiz_attempts.record_answer(attempt, first.id, [1], checked=True, now=T0 + timedelta(seconds=9))
    quiz_attempts.record_answer(attempt, second.id, [2], now=T0 + timedelta(seconds=12))

    again = quiz_attempts.load_attempt(attempt.id)
    assert again.plan == attempt.plan  # order shown, settings and question copies
    assert again.responses == {first.id: (1,), second.id: (2,)}  # a later answer replaces
    assert again.checked == {first.id}
    assert again.started_at == T0
    assert again.first_unanswered() == 2
    assert quiz_attempts.open_attempt(learner.id, MODULE).id == attempt.id
    assert quiz_attempts.unfinished_quiz_modules(learner.id) == {MODULE}


def test_submitted_attempts_give_best_and_latest_scores(database, library):
    learner = create_learner("Scores")
    percents = []
    for number, answer_right in enumerate([True, False]):
        attempt = _start(library, learner.id, seed=number, at=T0 + timedelta(hours=number))
        for presented in attempt.plan.questions:
            response = right_response(presented.question) if answer_right else [99]
            quiz_attempts.record_answer(attempt, presented.id, response,
                                        now=T0 + timedelta(hours=number, seconds=1))
        result = grade(attempt.plan, attempt.responses)
        quiz_attempts.submit_attempt(attempt, result, now=T0 + timedelta(hours=number, minutes=5))
        percents.append(result.percent)

    assert percents == [100, 0]
    score = quiz_attempts.quiz_scores(learner.id)[MODULE]
    assert (score.best, score.latest, score.ever_passed, score.latest_passed, score.attempts) == (
        100, 0, True, False, 2)
    assert quiz_attempts.open_attempt(learner.id, MODULE) is None
    assert quiz_attempts.unfinished_quiz_modules(learner.id) == set()
    history = quiz_attempts.finished_attempts(learner.id, MODULE)
    assert [a.percent for a in history] == [100, 0]
    assert all(a.finished for a in history)


def test_attempts_of_one_learner_stay_theirs(database, library):
    alice, bob = create_learner("Alice"), create_learner("Bob")
    _start(library, alice.id)
    assert quiz_attempts.open_attempt(bob.id, MODULE) is None
    assert quiz_attempts.quiz_scores(bob.id) == {}
