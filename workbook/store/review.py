"""The daily review queue, kept in the activity log rather than a table of its own.

Every rating is one `card-reviewed` row (object "card/<card id>") carrying the card's new FSRS
state; a card's state is its newest row by (occurred_at, rowid). Rows are append-only with their
own ids, so reviews made on two machines merge by union and the newest one wins, and a row copied
twice changes nothing. Missed questions come from submitted attempts (their stored plans keep the
question as it was asked); phrase cards come from the `:::say` callouts of sections already read.
"""

from __future__ import annotations

import json
from datetime import datetime, time
from typing import Any

from msgspec import Struct

from workbook.core.activity import Verb
from workbook.core.attempt import PresentedQuestion
from workbook.core.content import Library
from workbook.core.quiz import stored_question
from workbook.core.review_cards import (
    PHRASE_KIND,
    QUESTION_KIND,
    PhraseCard,
    card_kind,
    card_module_id,
    due_at,
    phrase_cards,
    question_card_id,
    schedule,
    utc,
)
from workbook.core.scoring import score
from workbook.store.activity import read_sections, record_activity
from workbook.store.clock import parse_utc_text, utc_now_text
from workbook.store.dialect import INSERTION_ORDER
from workbook.store.merges import of_person
from workbook.store.models import ActivityRecord
from workbook.store.quiz_questions import expand_payload

NEW_PHRASES_PER_DAY = 10
_CARD_PREFIX = "card/"


class DueCard(Struct, frozen=True):
    """A card to show now: a missed question (with the question as it was asked) or a phrase."""

    id: str
    kind: str  # "question" or "phrase"
    module_id: str
    due: datetime
    is_new: bool  # never rated yet
    presented: PresentedQuestion | None = None  # question cards
    phrase: PhraseCard | None = None  # phrase cards
    state: dict | None = None  # its FSRS state (None for a new card), to preview each rating


class _State(Struct, frozen=True):
    card: dict[str, Any]
    first_at: str  # occurred_at of the card's first review row
    last_at: str  # occurred_at of its newest


def card_object_id(card_id: str) -> str:
    return f"{_CARD_PREFIX}{card_id}"


def review(learner_id: str, card_id: str, rating: int, now: datetime | None = None) -> datetime:
    """Record one rating at once (so a session can stop any time); returns when the card is due next."""
    moment = utc(now) if now is not None else utc(datetime.now().astimezone())
    previous = _card_states(learner_id, card_id).get(card_id)
    state = schedule(previous.card if previous else None, card_id, int(rating), moment)
    record_activity(learner_id, Verb.CARD_REVIEWED, card_object_id(card_id),
                    module_id=card_module_id(card_id) or None,
                    payload={"card": state, "rating": int(rating), "kind": card_kind(card_id)}, now=moment)
    return due_at(state)


def due_cards(library: Library, learner_id: str, now: datetime,
              new_per_day: int = NEW_PHRASES_PER_DAY) -> list[DueCard]:
    """Cards due at `now`: reviewed cards first (most overdue first), then new missed questions,
    then up to the rest of today's allowance of new phrases, in course order."""
    now = utc(now)
    states = _card_states(learner_id)
    cards: list[DueCard] = []
    for card_id, (presented, module_id, missed_at) in _missed_questions(learner_id).items():
        state = states.get(card_id)
        if state is None:
            cards.append(DueCard(card_id, QUESTION_KIND, module_id, _parse(missed_at), True, presented))
            continue
        due = due_at(state.card)
        if missed_at > state.last_at:  # missed again after the last rating: it comes back at once
            due = min(due, _parse(missed_at))
        cards.append(DueCard(card_id, QUESTION_KIND, module_id, due, False, presented, state=state.card))

    read = read_sections(learner_id)
    day_start = utc(datetime.combine(now.astimezone().date(), time(), tzinfo=now.astimezone().tzinfo))
    day_start_text = utc_now_text(day_start)
    new_today = sum(1 for card_id, state in states.items()
                    if card_kind(card_id) == PHRASE_KIND and state.first_at >= day_start_text)
    allowance = max(0, new_per_day - new_today)
    for phrase in phrase_cards(library):
        if phrase.section_id not in read.get(phrase.module_id, ()):
            continue
        state = states.get(phrase.id)
        if state is not None:
            cards.append(DueCard(phrase.id, PHRASE_KIND, phrase.module_id, due_at(state.card), False,
                                 phrase=phrase, state=state.card))
        elif allowance > 0:
            allowance -= 1
            cards.append(DueCard(phrase.id, PHRASE_KIND, phrase.module_id, now, True, phrase=phrase))

    due = [card for card in cards if card.due <= now]
    rank = {card.id: index for index, card in enumerate(due)}
    due.sort(key=lambda card: (card.is_new, card.kind == PHRASE_KIND if card.is_new else False,
                               card.due if not card.is_new else now, rank[card.id]))
    return due


def due_count(library: Library, learner_id: str, now: datetime,
              new_per_day: int = NEW_PHRASES_PER_DAY) -> int:
    """How many cards are due, for the home screen (five indexed queries, no per-card lookups)."""
    return len(due_cards(library, learner_id, now, new_per_day))


def _card_states(learner_id: str, card_id: str | None = None) -> dict[str, _State]:
    """Each card's newest review row (ties broken by rowid); duplicates of a row change nothing."""
    query = (ActivityRecord.select(ActivityRecord.object_id, ActivityRecord.payload,
                                   ActivityRecord.occurred_at)
             .where(of_person(learner_id),
                    ActivityRecord.verb == str(Verb.CARD_REVIEWED))
             .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    if card_id is not None:
        query = query.where(ActivityRecord.object_id == card_object_id(card_id))
    states: dict[str, _State] = {}
    for object_id, payload, occurred_at in query.tuples():
        if not object_id.startswith(_CARD_PREFIX):
            continue
        key = object_id[len(_CARD_PREFIX):]
        card = json.loads(payload).get("card")
        if not card:
            continue
        first = states[key].first_at if key in states else occurred_at
        states[key] = _State(card, first, occurred_at)
    return states


def _missed_questions(learner_id: str) -> dict[str, tuple[PresentedQuestion, str, str]]:
    """card id -> (question as last asked when missed, module id, newest time it was missed), over
    every submitted attempt: a question is missed when its kept response scored below 1."""
    submitted_rows = (ActivityRecord.select(ActivityRecord.attempt_id, ActivityRecord.occurred_at)
                      .where(of_person(learner_id),
                             ActivityRecord.verb == str(Verb.ATTEMPT_SUBMITTED))
                      .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    submitted: dict[str, str] = {}
    for attempt_id, occurred_at in submitted_rows.tuples():
        submitted.setdefault(attempt_id, occurred_at)  # the first submission ends an attempt
    if not submitted:
        return {}
    submitted_ids = (ActivityRecord.select(ActivityRecord.attempt_id)
                     .where(of_person(learner_id),
                            ActivityRecord.verb == str(Verb.ATTEMPT_SUBMITTED)))
    responses: dict[str, dict[str, list[int]]] = {}
    answers = (ActivityRecord.select(ActivityRecord.attempt_id, ActivityRecord.payload,
                                     ActivityRecord.occurred_at)
               .where(of_person(learner_id),
                      ActivityRecord.verb == str(Verb.ANSWER_GIVEN),
                      ActivityRecord.attempt_id.in_(submitted_ids))
               .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    for attempt_id, payload, occurred_at in answers.tuples():
        if occurred_at > submitted.get(attempt_id, ""):
            continue  # written after the submission: not part of the graded attempt
        data = json.loads(payload)
        responses.setdefault(attempt_id, {})[data["question_id"]] = data["response"]
    starts = (ActivityRecord.select(ActivityRecord.attempt_id, ActivityRecord.payload)
              .where(of_person(learner_id),
                     ActivityRecord.verb == str(Verb.ATTEMPT_STARTED),
                     ActivityRecord.attempt_id.in_(submitted_ids)))
    missed: dict[str, tuple[PresentedQuestion, str, str]] = {}
    known: dict[str, str] = {}
    for attempt_id, payload in starts.tuples():
        plan = json.loads(expand_payload(str(Verb.ATTEMPT_STARTED), payload, known))
        module_id = plan["module_id"]
        missed_at = submitted[attempt_id]
        given = responses.get(attempt_id, {})
        for item in plan["questions"]:
            question = stored_question(item["question"])
            if score(question, given.get(question.id)) >= 1.0:
                continue
            card_id = question_card_id(module_id, question.id)
            if card_id not in missed or missed[card_id][2] < missed_at:
                missed[card_id] = (PresentedQuestion(question, tuple(item["order"])), module_id, missed_at)
    return missed


def _parse(text: str) -> datetime:
    return parse_utc_text(text)
