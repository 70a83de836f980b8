"""The learner's practice calls as every screen shows them (the home page's cards and the practice-calls
page alike): how often each was played and whether a call is under way, from the rows; the best ending,
from the record the checklist reads (each call replayed, `core.evidence`), never the one a row claims.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec.structs import replace

from workbook.core.standing import call_standings
from workbook.store import practice_calls

if TYPE_CHECKING:
    from workbook.core.completion import LearnerRecord
    from workbook.core.content import Library
    from workbook.store.practice_calls import CallRecord


def replayed_call_records(library: Library, learner_id: str, record: LearnerRecord) -> dict[str, CallRecord]:
    """`practice_calls.call_records` with each `best_kind` that of the calls in `record` (the replayed
    record the caller has made already: no second replay), None when none of them holds up."""
    held = call_standings(library, record)
    return {scenario_id: replace(played, best_kind=held[scenario_id].best_kind if scenario_id in held
                                 else None)
            for scenario_id, played in practice_calls.call_records(learner_id).items()}
