"""Append-only learning activity: record an event, and read progress back from the events."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime
from typing import Any

from workbook.core.activity import Verb, section_object_id, split_section_object_id
from workbook.store.clock import new_id, utc_now_text
from workbook.store.merges import of_person
from workbook.store.models import ActivityRecord
from workbook.store.settings import device_id


def record_activity(learner_id: str, verb: Verb, object_id: str, *, module_id: str | None = None,
                    attempt_id: str | None = None, payload: dict[str, Any] | None = None,
                    now: datetime | None = None) -> ActivityRecord:
    """Write one event; it is committed before this returns (autocommit)."""
    return ActivityRecord.create(
        id=new_id(), learner=learner_id, verb=str(verb), module_id=module_id,
        object_id=object_id, attempt_id=attempt_id,
        payload=json.dumps(payload or {}, sort_keys=True, ensure_ascii=False),
        occurred_at=utc_now_text(now), device_id=device_id(),
    )


def record_section_read(learner_id: str, module_id: str, section_id: str,
                        now: datetime | None = None) -> ActivityRecord:
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
