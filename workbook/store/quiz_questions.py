"""Each quiz question an attempt showed, stored once (v9) instead of copied into every attempt.

An attempt's start row keeps the plan as shown, so a review shows exactly what the learner saw
even after the quiz file changes. Written in full, that copy was about 15 KB per attempt: most of a
busy database. Now a start row keeps `{"question_ref": digest, "order": [...]}` per question and
the body is kept once in `quiz_question`, keyed by its SHA-256.

Everything outside the store sees the row exactly as it was written in full: `expand_payload`
gives back the same text, byte for byte, so bundles, the xAPI export and re-imports are unchanged.
Only a payload that round-trips exactly through JSON is stored compact; anything else (older rows,
rows imported from elsewhere in another spelling) is stored as it came.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from workbook.core.activity import Verb
from workbook.store.models import QuizQuestionRecord

REF = "question_ref"
STORED_APART = str(Verb.ATTEMPT_STARTED)  # the only verb whose payload this module changes
_BATCH = 500


def _dumps(value: Any) -> str:
    """How activity payloads are written (`record_activity`)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def compact_payload(verb: str, text: str) -> str:
    """The text to store for a row: an attempt start's question bodies saved once each and
    replaced by their digests, when that loses nothing; any other row as it is."""
    if verb != STORED_APART or '"question"' not in text:
        return text
    try:
        data = json.loads(text)
    except ValueError:
        return text
    if not isinstance(data, dict) or _dumps(data) != text or not isinstance(data.get("questions"), list):
        return text
    items = data["questions"]
    if not items or not all(isinstance(item, dict) and isinstance(item.get("question"), dict)
                            and REF not in item for item in items):
        return text
    bodies: dict[str, str] = {}
    for item in items:
        body = _dumps(item.pop("question"))
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        bodies[digest] = body
        item[REF] = digest
    rows = [{"digest": digest, "body": body} for digest, body in bodies.items()]
    # No RETURNING: a learner PC's role on a server may add question bodies but not read them.
    QuizQuestionRecord.insert_many(rows).on_conflict_ignore().returning().as_rowcount().execute()
    return _dumps(data)


def expand_payload(verb: str, text: str, known: dict[str, str] | None = None) -> str:
    """The row's payload as it was written in full. `known` caches bodies across many rows."""
    if verb != STORED_APART or f'"{REF}"' not in text:
        return text
    try:
        data = json.loads(text)
        items = data["questions"]
        digests = [item[REF] for item in items if isinstance(item, dict) and REF in item]
    except (ValueError, KeyError, TypeError):
        return text
    bodies = known if known is not None else {}
    fetch_bodies(bodies, digests)
    if not all(isinstance(digest, str) and digest in bodies for digest in digests):
        return text  # a body is missing: the reader reports the plan as unreadable, as for damage
    for item in items:
        if isinstance(item, dict) and REF in item:
            item["question"] = json.loads(bodies[item.pop(REF)])
    return _dumps(data)


def fetch_bodies(bodies: dict[str, str], digests: Iterable[str]) -> None:
    """Add to `bodies` the stored question text of each digest not in it yet, in chunks."""
    missing = sorted({d for d in digests if isinstance(d, str) and d not in bodies})
    for start in range(0, len(missing), _BATCH):
        query = (QuizQuestionRecord.select(QuizQuestionRecord.digest, QuizQuestionRecord.body)
                 .where(QuizQuestionRecord.digest.in_(missing[start:start + _BATCH])))
        bodies.update(query.tuples())
