"""Gather what the completion rules need about one learner: the evidence of the activity rows,
checked by replaying it (`core.evidence`), so a claim that does not hold up never counts."""

from __future__ import annotations

from workbook.core.completion import LearnerRecord
from workbook.core.content import Library
from workbook.core.evidence import verified_record
from workbook.core.reading_evidence import check_reading
from workbook.store.evidence import learner_evidence


def learner_record(library: Library, learner_id: str) -> LearnerRecord:
    """Reading, best quiz scores and calls that hold up, with what does not named in `doubts`."""
    return verified_record(library, learner_evidence(learner_id))


def record_and_sections(library: Library, learner_id: str) -> tuple[LearnerRecord, dict[str, set[str]]]:
    """`learner_record` and `counted_sections` from one read of the learner's rows and one reading
    check: the home page shows both."""
    evidence = learner_evidence(learner_id)
    reading = check_reading(library, library.reading_rule, evidence.reads, evidence.profile_created)
    return verified_record(library, evidence, reading), reading.read


def counted_sections(library: Library, learner_id: str) -> dict[str, set[str]]:
    """Section ids per module whose read rows respect the reading rule's times: the reader times the
    others again, so a learner can always make good a section that does not count."""
    evidence = learner_evidence(learner_id, reads_only=True)
    return check_reading(library, library.reading_rule, evidence.reads, evidence.profile_created).read
