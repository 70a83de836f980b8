"""The kinds of learning activity the workbook records; names follow what happened."""

from __future__ import annotations

from enum import StrEnum


class Verb(StrEnum):
    """What a learner did. Stored as text in every activity row; never rename a value."""

    SECTION_READ = "section-read"
    ANSWER_GIVEN = "answer-given"
    ATTEMPT_STARTED = "attempt-started"
    ATTEMPT_SUBMITTED = "attempt-submitted"
    CALL_STARTED = "call-started"
    REPLY_CHOSEN = "reply-chosen"
    CALL_ENDED = "call-ended"
    CERTIFICATE_ISSUED = "certificate-issued"
    CARD_REVIEWED = "card-reviewed"  # a spaced-review card rated; the row carries the card's new state


def section_object_id(module_id: str, section_id: str) -> str:
    """The activity object id of a lesson section: `module/section`."""
    return f"{module_id}/{section_id}"


def split_section_object_id(object_id: str) -> tuple[str, str]:
    module_id, _, section_id = object_id.partition("/")
    return module_id, section_id
