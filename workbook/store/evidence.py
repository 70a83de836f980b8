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
from workbook.store.models import ActivityRecord, LearnerRecord, database
from workbook.store.quiz_questions import REF, fetch_bodies

_READ, _ANSWER, _REPLY = str(Verb.SECTION_READ), str(Verb.ANSWER_GIVEN), str(Verb.REPLY_CHOSEN)
_SUBMITTED, _ENDED = str(Verb.ATTEMPT_SUBMITTED), str(Verb.CALL_ENDED)
_STARTS = (str(Verb.ATTEMPT_STARTED), str(Verb.CALL_STARTED))
_VERBS = (_READ, *_STARTS, _ANSWER, _SUBMITTED, _REPLY, _ENDED)


def learner_evidence(learner_id: str, reads_only: bool = False) -> LearnerEvidence:
    """`reads_only`: only the section-read rows (for the reader, which needs no replay)."""
    ids = person_ids(learner_id)
    verbs = (str(Verb.SECTION_READ),) if reads_only else _VERBS
    query = (ActivityRecord.select(ActivityRecord.verb, ActivityRecord.object_id, ActivityRecord.module_id,
                                   ActivityRecord.attempt_id, ActivityRecord.payload,
                                   ActivityRecord.occurred_at, ActivityRecord.device_id)
             .where(ActivityRecord.learner.in_(ids), ActivityRecord.verb.in_(verbs))
             .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    rows = database.execute(query).fetchall()  # plain tuples: no per-value conversion for ~500 rows
    created = [text for (text,) in LearnerRecord.select(LearnerRecord.created_at)
               .where(LearnerRecord.id.in_(ids)).tuples() if text]
    evidence = LearnerEvidence(profile_created=_time(min(created)) if created else None)
    starts: dict[str, tuple[dict, datetime]] = {}
    answers: dict[str, dict[str, object]] = {}
    turns: dict[str, dict[int, StoredTurn]] = {}
    for verb, object_id, module_id, attempt_id, payload, occurred_at, device in rows:
        at = _time(occurred_at)
        if at is None:
            continue
        if verb == _READ:
            module, section = split_section_object_id(object_id)
            evidence.reads.append(SectionRead(module, section, at, device or ""))
            continue
        if attempt_id is None:
            continue
        data = _json(payload)
        if verb in _STARTS:
            starts.setdefault(attempt_id, (data, at))
        elif verb == _ANSWER:
            if isinstance(data.get("question_id"), str):
                answers.setdefault(attempt_id, {})[data["question_id"]] = data.get("response")
        elif verb == _REPLY:
            if type(data.get("turn")) is int:
                turns.setdefault(attempt_id, {}).setdefault(data["turn"], StoredTurn(
                    data.get("node"), data.get("reply"), data.get("replayed") is True,
                    data.get("typed"), data.get("typed_mood")))
        elif verb == _SUBMITTED:
            if module_id:
                evidence.attempts.append(QuizEvidence(attempt_id, module_id, at, data.get("percent")))
        elif verb == _ENDED:
            evidence.calls.append(CallEvidence(attempt_id, object_id.removeprefix("call/"), at, data))
    _join(evidence, starts, answers, turns)
    return evidence


def _expand_plans(evidence: LearnerEvidence) -> None:
    """Put back the question bodies an attempt's start row keeps once each (`quiz_questions`), all
    fetched in one query and each parsed once however many attempts showed it."""
    wanted = {item[REF] for attempt in evidence.attempts if attempt.plan is not None
              for item in _items(attempt.plan) if isinstance(item.get(REF), str)}
    texts: dict[str, str] = {}
    fetch_bodies(texts, wanted)
    bodies = {digest: _json(text) for digest, text in texts.items()}
    for attempt in evidence.attempts:
        items = _items(attempt.plan) if attempt.plan is not None else []
        if not any(REF in item for item in items):
            continue
        if not all(item.get(REF) in bodies for item in items if REF in item):
            continue  # a body is missing: the plan stays unreadable, as for damage
        expanded = [dict({k: v for k, v in item.items() if k != REF}, question=bodies[item[REF]])
                    if REF in item else item for item in items]
        attempt.plan = dict(attempt.plan, questions=expanded)


def _items(plan: dict) -> list[dict]:
    items = plan.get("questions")
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


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
    _expand_plans(evidence)


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
