"""A learner's reading, quiz attempts and calls read back as evidence (`core.evidence`), in one
query, for the certificate rules to replay. Rows are read as the app writes them (see
`activity.record_section_read`, `quiz_attempts`, `practice_calls`): an attempt is its start,
answers and first submission; a call its start, reply turns in order up to a gap, and first end.
"""

from __future__ import annotations

import json
from datetime import datetime

from workbook.core.activity import Verb, split_section_object_id
from workbook.core.call_evidence import CallEvidence, StoredTurn
from workbook.core.evidence import LearnerEvidence
from workbook.core.quiz_evidence import QuizEvidence
from workbook.core.reading_evidence import SectionRead
from workbook.store.clock import parse_utc_text
from workbook.store.dialect import INSERTION_ORDER
from workbook.store.merges import person_ids
from workbook.store.models import ActivityRecord, LearnerRecord
from workbook.store.quiz_questions import expand_payload

_VERBS = tuple(str(verb) for verb in (
    Verb.SECTION_READ, Verb.ATTEMPT_STARTED, Verb.ANSWER_GIVEN, Verb.ATTEMPT_SUBMITTED,
    Verb.CALL_STARTED, Verb.REPLY_CHOSEN, Verb.CALL_ENDED))


def learner_evidence(learner_id: str, reads_only: bool = False) -> LearnerEvidence:
    """`reads_only`: only the section-read rows (for the reader, which needs no replay)."""
    ids = person_ids(learner_id)
    verbs = (str(Verb.SECTION_READ),) if reads_only else _VERBS
    rows = (ActivityRecord.select(ActivityRecord.verb, ActivityRecord.object_id, ActivityRecord.module_id,
                                  ActivityRecord.attempt_id, ActivityRecord.payload,
                                  ActivityRecord.occurred_at, ActivityRecord.device_id)
            .where(ActivityRecord.learner.in_(ids), ActivityRecord.verb.in_(verbs))
            .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    created = [text for (text,) in LearnerRecord.select(LearnerRecord.created_at)
               .where(LearnerRecord.id.in_(ids)).tuples() if text]
    evidence = LearnerEvidence(profile_created=_time(min(created)) if created else None)
    starts: dict[str, tuple[dict, datetime]] = {}
    answers: dict[str, dict[str, object]] = {}
    turns: dict[str, dict[int, StoredTurn]] = {}
    known: dict[str, str] = {}
    for verb, object_id, module_id, attempt_id, payload, occurred_at, device in rows.tuples():
        at = _time(occurred_at)
        if at is None:
            continue
        if verb == Verb.SECTION_READ:
            module, section = split_section_object_id(object_id)
            evidence.reads.append(SectionRead(module, section, at, device or ""))
            continue
        if attempt_id is None:
            continue
        data = _json(expand_payload(verb, payload, known) if verb == Verb.ATTEMPT_STARTED else payload)
        if verb in (Verb.ATTEMPT_STARTED, Verb.CALL_STARTED):
            starts.setdefault(attempt_id, (data, at))
        elif verb == Verb.ANSWER_GIVEN:
            if isinstance(data.get("question_id"), str):
                answers.setdefault(attempt_id, {})[data["question_id"]] = data.get("response")
        elif verb == Verb.REPLY_CHOSEN:
            if type(data.get("turn")) is int:
                turns.setdefault(attempt_id, {}).setdefault(data["turn"], StoredTurn(
                    data.get("node"), data.get("reply"), data.get("replayed") is True,
                    data.get("typed"), data.get("typed_mood")))
        elif verb == Verb.ATTEMPT_SUBMITTED:
            if module_id:
                evidence.attempts.append(QuizEvidence(attempt_id, module_id, at, data.get("percent")))
        elif verb == Verb.CALL_ENDED:
            evidence.calls.append(CallEvidence(attempt_id, object_id.removeprefix("call/"), at, data))
    _join(evidence, starts, answers, turns)
    return evidence


def _join(evidence: LearnerEvidence, starts: dict, answers: dict, turns: dict) -> None:
    """Give each submission its start and answers, and each call end its start and turns."""
    seen: set[str] = set()
    kept = []
    for attempt in evidence.attempts:
        if attempt.attempt_id in seen:
            continue
        seen.add(attempt.attempt_id)
        if attempt.attempt_id in starts:
            attempt.plan, attempt.started_at = starts[attempt.attempt_id]
        attempt.answers = answers.get(attempt.attempt_id, {})
        kept.append(attempt)
    evidence.attempts = kept
    seen, ended = set(), []
    for call in evidence.calls:
        if call.call_id in seen:
            continue
        seen.add(call.call_id)
        if call.call_id in starts:
            begun, call.started_at = starts[call.call_id]
            seed, prefix = begun.get("seed"), begun.get("prefix")
            call.seed = seed if type(seed) is int else None
            call.prefix = prefix if type(prefix) is int else None
        by_turn = turns.get(call.call_id, {})
        number = 1
        while number in by_turn:  # a gap (a merge from a damaged bundle) ends the call's turns
            call.turns.append(by_turn[number])
            number += 1
        ended.append(call)
    evidence.calls = ended


def _json(text: str) -> dict:
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _time(text: str | None) -> datetime | None:
    try:
        return parse_utc_text(text)
    except (TypeError, ValueError, AttributeError):
        return None
