"""Append-only learning activity: record an event, and read progress back from the events."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from msgspec import Struct

from workbook.core.activity import Verb, section_object_id, split_section_object_id
from workbook.store.clock import new_id, utc_now_text
from workbook.store.dialect import INSERTION_ORDER
from workbook.store.merges import of_person
from workbook.store.models import ActivityRecord, LearnerRecord, database
from workbook.store.quiz_questions import compact_payload, expand_payload
from workbook.store.settings import device_id


class ActivityRow(Struct, frozen=True):
    """One stored event as plain data (what was written, what the xAPI export reads)."""

    id: str
    learner_id: str
    verb: str
    module_id: str | None
    object_id: str
    attempt_id: str | None
    payload: str  # JSON text, as stored; a reader decides what to make of a damaged one
    occurred_at: str


def record_activity(learner_id: str, verb: Verb, object_id: str, *, module_id: str | None = None,
                    attempt_id: str | None = None, payload: dict[str, Any] | None = None,
                    now: datetime | None = None) -> ActivityRow:
    """Write one event; it is committed before this returns. A quiz attempt's questions are kept
    once each (`quiz_questions`); the row returned holds the payload as written in full."""
    text = json.dumps(payload or {}, sort_keys=True, ensure_ascii=False)
    with database.atomic():
        record = ActivityRecord.create(
            id=new_id(), learner=learner_id, verb=str(verb), module_id=module_id,
            object_id=object_id, attempt_id=attempt_id, payload=compact_payload(str(verb), text),
            occurred_at=utc_now_text(now), device_id=device_id(),
        )
    record.payload = text
    return _row(record)


def record_section_read(learner_id: str, module_id: str, section_id: str,
                        now: datetime | None = None) -> ActivityRow:
    return record_activity(learner_id, Verb.SECTION_READ,
                           section_object_id(module_id, section_id), module_id=module_id, now=now)


def read_sections(learner_id: str) -> dict[str, set[str]]:
    """Section ids read, per module id."""
    query = (ActivityRecord.select(ActivityRecord.object_id).distinct()
             .where(of_person(learner_id),
                    ActivityRecord.verb == str(Verb.SECTION_READ)))
    read: dict[str, set[str]] = defaultdict(set)
    for (object_id,) in query.tuples():
        module_id, section_id = split_section_object_id(object_id)
        read[module_id].add(section_id)
    return dict(read)


def reading_positions(learner_id: str, limit: int = 50) -> list[tuple[str, str]]:
    """The sections most recently reached, newest first (module id, section id)."""
    query = (ActivityRecord.select(ActivityRecord.object_id)
             .where(of_person(learner_id),
                    ActivityRecord.verb == str(Verb.SECTION_READ))
             .order_by(ActivityRecord.occurred_at.desc(), ActivityRecord.id.desc())
             .limit(limit))
    return [split_section_object_id(object_id) for (object_id,) in query.tuples()]


def activity_count(learner_id: str | None = None) -> int:
    query = ActivityRecord.select()
    if learner_id is not None:
        query = query.where(of_person(learner_id))
    return query.count()


def _row(record: ActivityRecord, known: dict[str, str] | None = None) -> ActivityRow:
    return ActivityRow(record.id, record.learner_id, record.verb, record.module_id, record.object_id,
                       record.attempt_id, expand_payload(record.verb, record.payload, known),
                       record.occurred_at)


def activity_rows(learner_ids: Iterable[str] | None = None) -> list[ActivityRow]:
    """Every event (of the given learners, or all), oldest first, ties in the order they were written."""
    query = ActivityRecord.select().order_by(ActivityRecord.occurred_at, INSERTION_ORDER)
    if learner_ids is not None:
        query = query.where(ActivityRecord.learner.in_(list(learner_ids)))
    known: dict[str, str] = {}  # question bodies, fetched once for all the attempts that showed them
    return [_row(row, known) for row in query]


def learner_names() -> dict[str, str]:
    """Display name by learner id, archived learners included."""
    return {learner.id: learner.display_name for learner in LearnerRecord.select()}
