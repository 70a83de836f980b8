"""The daily review queue: missed questions and key phrases scheduled with FSRS in the activity log."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from workbook.core.attempt import draw_attempt, grade
from workbook.core.review_cards import phrase_cards, question_card_id, say_bullets, split_phrase
from workbook.core.scoring import right_response
from workbook.paths import database_path
from workbook.store import quiz_attempts, review
from workbook.store.activity import record_section_read
from workbook.store.connection import open_database
from workbook.store.learners import create_learner
from workbook.store.models import ActivityRecord

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

MODULE = "empathy"
T0 = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
AGAIN, GOOD = 1, 3


@pytest.fixture
def quiz_missing_first(wrong_response):
    def take(library, learner_id: str, at: datetime = T0) -> str:
        """A real attempt, submitted, with every answer right except the first question's."""
        plan = draw_attempt(library.module(MODULE).quiz, MODULE, random.Random(1))
        attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner_id, plan, now=at))
        for index, presented in enumerate(plan.questions):
            question = presented.question
            response = wrong_response(question) if index == 0 else right_response(question)
            answered = at + timedelta(seconds=index + 1)
            quiz_attempts.record_answer(attempt, presented.id, response, now=answered)
        quiz_attempts.submit_attempt(attempt, grade(plan, attempt.responses), now=at + timedelta(minutes=5))
        return question_card_id(MODULE, plan.questions[0].id)

    return take


def test_a_missed_question_is_due_at_once(database, library, quiz_missing_first):
    learner = create_learner("Review Test")
    card_id = quiz_missing_first(library, learner.id)
    now = T0 + timedelta(minutes=10)
    due = review.due_cards(library, learner.id, now)
    assert [card.id for card in due] == [card_id]
    assert due[0].is_new and due[0].presented is not None and due[0].presented.id in card_id
    assert review.due_count(library, learner.id, now) == 1


def test_good_moves_the_due_date_out_and_again_brings_it_back_within_the_day(
        database, library, quiz_missing_first):
    learner = create_learner("Review Test")
    card_id = quiz_missing_first(library, learner.id)
    now = T0 + timedelta(minutes=10)
    due = review.review(learner.id, card_id, GOOD, now)
    assert due > now
    assert review.due_cards(library, learner.id, now + timedelta(minutes=1)) == []

    due = review.review(learner.id, card_id, GOOD, due)  # graduates: days away
    assert due - now > timedelta(days=1)
    assert review.due_count(library, learner.id, due - timedelta(minutes=1)) == 0
    assert [c.id for c in review.due_cards(library, learner.id, due)] == [card_id]  # it comes back

    back = review.review(learner.id, card_id, AGAIN, due)
    assert due < back <= due + timedelta(hours=1)


def test_due_dates_grow_with_repeated_good(database, library, quiz_missing_first):
    learner = create_learner("Review Test")
    card_id = quiz_missing_first(library, learner.id)
    moment, intervals = T0 + timedelta(minutes=10), []
    for _ in range(5):
        due = review.review(learner.id, card_id, GOOD, moment)
        intervals.append(due - moment)
        moment = due
    assert intervals == sorted(intervals) and intervals[-1] > intervals[0] * 10


def test_missing_the_question_again_after_a_review_brings_it_back(database, library, quiz_missing_first):
    learner = create_learner("Review Test")
    card_id = quiz_missing_first(library, learner.id)
    review.review(learner.id, card_id, GOOD, T0 + timedelta(minutes=10))
    review.review(learner.id, card_id, GOOD, T0 + timedelta(minutes=30))
    quiz_missing_first(library, learner.id, at=T0 + timedelta(hours=2))
    assert card_id in [c.id for c in review.due_cards(library, learner.id, T0 + timedelta(hours=3))]


def test_say_bullets_become_phrase_cards_with_their_reasons(library):
    bullets = say_bullets(':::say\n- "That sounds hard." It names the feeling.\n:::\n:::avoid\n- "No."\n:::')
    assert bullets == ['"That sounds hard." It names the feeling.']
    assert split_phrase(bullets[0]) == ('"That sounds hard."', "It names the feeling.")
    cards = phrase_cards(library)
    assert cards and len({card.id for card in cards}) == len(cards)
    assert phrase_cards(library) == cards  # stable ids


def test_phrase_cards_only_for_read_sections_and_ten_new_a_day(database, library):
    learner = create_learner("Review Test")
    assert review.due_cards(library, learner.id, T0) == []
    module = library.module(MODULE)
    for section in module.sections:
        record_section_read(learner.id, MODULE, section.id, now=T0 - timedelta(hours=1))
    available = [card for card in phrase_cards(library) if card.module_id == MODULE]
    assert len(available) > 4

    due = review.due_cards(library, learner.id, T0, new_per_day=4)
    assert len(due) == 4 and {card.module_id for card in due} == {MODULE}
    assert all(card.kind == "phrase" and card.phrase is not None for card in due)
    for card, rating in zip(due[:3], (AGAIN, GOOD, GOOD), strict=True):
        review.review(learner.id, card.id, rating, T0)
    later = T0 + timedelta(minutes=1)
    left = review.due_cards(library, learner.id, later, new_per_day=4)
    assert [card.is_new for card in left] == [False, True]  # 3 used today: 1 new left, after the Again
    assert review.due_cards(library, learner.id, T0 + timedelta(days=1), new_per_day=4)[-1].is_new


@pytest.mark.sqlite_only  # reopens the file
def test_state_survives_reopening_and_a_merged_duplicate_row_counts_once(
        database, library, data_dir, quiz_missing_first):
    learner = create_learner("Review Test")
    card_id = quiz_missing_first(library, learner.id)
    now = T0 + timedelta(minutes=10)
    due = review.review(learner.id, card_id, GOOD, now)
    row = ActivityRecord.get(ActivityRecord.object_id == review.card_object_id(card_id))
    ActivityRecord.create(id="copy-from-another-machine", learner=learner.id, verb=row.verb,
                          module_id=row.module_id, object_id=row.object_id, attempt_id=None,
                          payload=row.payload, occurred_at=row.occurred_at, device_id="other")
    database.close()
    reopened = open_database(database_path(data_dir))
    try:
        assert review.due_cards(library, learner.id, due - timedelta(seconds=1)) == []
        assert [c.id for c in review.due_cards(library, learner.id, due)] == [card_id]
        assert review.review(learner.id, card_id, GOOD, due) - due > timedelta(days=1)  # one step, not two
    finally:
        reopened.close()
