"""Certificates issued, read back from their activity rows, for the lists in the app and the batch job,
and as the register that verification checks a certificate signed with this PC's key against."""

from __future__ import annotations

import json

from msgspec import Struct, field

from workbook.core.activity import Verb
from workbook.store.merges import of_person, survivor_map
from workbook.store.models import ActivityRecord
from workbook.store.row_provenance import first_sources


class IssuedRecord(Struct, frozen=True):
    """One certificate issue as recorded: its id, when, to whom, and the PDF's file name."""

    certificate_id: str
    issued_at: str  # UTC ISO text, as stored
    learner_id: str
    learner_name: str | None
    file: str | None
    key_id: str = ""  # the key that signed it ("" on records that did not say)
    fields: dict[str, str] = field(default_factory=dict)  # exactly the fields it signed
    person: str = ""  # the learner id standing for its person after merges


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


def issued_with_key(signer: str) -> list[IssuedRecord]:
    """The register of certificates signed with key `signer` that this database records, oldest
    first (every issue record has named its key since certificates existed).

    A record enters it only when it was recorded here or first brought by a bundle signed with that
    same key (`row_provenance`): a record naming the key that another PC sent registers nothing, so
    no PC can make another issuer's genuine certificate "superseded" or "not in the register"."""
    survivors = survivor_map()
    query = ActivityRecord.select().where(ActivityRecord.verb == str(Verb.CERTIFICATE_ISSUED))
    named: list[tuple[ActivityRecord, dict]] = []  # records naming this key, before their sources
    for row in query.order_by(ActivityRecord.occurred_at, ActivityRecord.id):
        try:
            payload = json.loads(row.payload)
        except ValueError:
            continue  # an unreadable record registers nothing
        if isinstance(payload, dict) and str(payload.get("key_id") or "") == signer:
            named.append((row, payload))
    sources = first_sources([row.id for row, _ in named])  # looked up only for this key's records
    found = []
    for row, payload in named:
        if row.id in sources and sources[row.id][0] != signer:
            continue  # brought by another key: not this key's to register
        try:
            fields = {str(k): str(v) for k, v in payload["fields"].items()}
            found.append(IssuedRecord(str(payload["certificate_id"]), row.occurred_at, row.learner_id,
                                      fields.get("learner_name"), payload.get("file"), signer, fields,
                                      survivors.get(row.learner_id, row.learner_id)))
        except (KeyError, TypeError, AttributeError):
            continue  # an unreadable record registers nothing
    return found
