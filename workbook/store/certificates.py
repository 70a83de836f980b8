"""Certificates issued, read back from their activity rows, for the lists in the app and the batch job."""

from __future__ import annotations

import json
from dataclasses import dataclass

from workbook.core.activity import Verb
from workbook.store.merges import of_person
from workbook.store.models import ActivityRecord


@dataclass(frozen=True)
class IssuedRecord:
    """One certificate issue as recorded: its id, when, to whom, and the PDF's file name."""

    certificate_id: str
    issued_at: str  # UTC ISO text, as stored
    learner_id: str
    learner_name: str | None
    file: str | None


def issued_certificates(learner_id: str | None = None) -> list[IssuedRecord]:
    """Certificates issued (newest first), of one learner or of all."""
    query = ActivityRecord.select().where(ActivityRecord.verb == str(Verb.CERTIFICATE_ISSUED))
    if learner_id is not None:
        query = query.where(of_person(learner_id))  # every profile merged into this one
    found = []
    for row in query.order_by(ActivityRecord.occurred_at.desc()):
        payload = json.loads(row.payload)
        found.append(IssuedRecord(
            certificate_id=payload["certificate_id"], issued_at=row.occurred_at, learner_id=row.learner_id,
            learner_name=payload["fields"].get("learner_name"), file=payload.get("file")))
    return found
