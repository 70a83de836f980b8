"""A learner's record as the certificate rules read it, from evidence that holds up when replayed:
reading rows that respect the reading rule's times (`reading_evidence`), quiz attempts whose stored
answers score what they claim (`quiz_evidence`), calls whose stored replies reach what they claim
(`call_evidence`). What does not hold up is left out and named, so a refusal says what to redo or
what to ask about ("Active listening quiz: the attempt of Dec 4, 22:30 UTC has no answers to check").
"""

from __future__ import annotations

from datetime import datetime

from msgspec import Struct, field

from workbook.core.call_evidence import CallEvidence, check_call
from workbook.core.completion import CallOutcome, LearnerRecord
from workbook.core.content import Library
from workbook.core.progress import progress_by_module
from workbook.core.quiz_evidence import QuizEvidence, quiz_doubt, when_text
from workbook.core.reading_evidence import ReadingCheck, SectionRead, check_reading

# Messages per requirement line; the rest are counted ("and 4 more").
_NAMED = 3


class LearnerEvidence(Struct):
    """Everything the store holds on a learner's reading, quiz attempts and calls, unchecked."""

    reads: list[SectionRead] = field(default_factory=list)
    attempts: list[QuizEvidence] = field(default_factory=list)  # submitted ones, oldest first
    calls: list[CallEvidence] = field(default_factory=list)  # ended ones, oldest first
    profile_created: datetime | None = None


def verified_record(library: Library, evidence: LearnerEvidence,
                    reading: ReadingCheck | None = None) -> LearnerRecord:
    """The record the completion rules take, with what did not hold up in `doubts`; `reading` is the
    reading check of `evidence` when the caller has made it already."""
    doubts: dict[str, list[str]] = {}
    not_counted: dict[str, int] = {}
    if reading is None:
        reading = check_reading(library, library.reading_rule, evidence.reads, evidence.profile_created)
    for module_id, section_ids in reading.too_fast.items():
        module = library.module(module_id)
        titles = {s.id: s.title for s in module.sections} if module else {}
        names = ", ".join(f"\u201c{titles.get(s, s)}\u201d" for s in section_ids[:_NAMED])
        more = f" and {len(section_ids) - _NAMED} more" if len(section_ids) > _NAMED else ""
        not_counted[f"reading:{module_id}"] = len(section_ids)
        doubts[f"reading:{module_id}"] = [
            f"{module.title if module else module_id}: lessons: {names}{more} marked read faster than the "
            f"reading rule allows (read {'it' if len(section_ids) == 1 else 'them'} again)"]
    quiz_percents: dict[str, list[int]] = {}  # the attempts that hold up, oldest first
    for attempt in evidence.attempts:
        module = library.module(attempt.module_id)
        doubt = quiz_doubt(attempt, module.quiz if module else None)
        if doubt is None:
            quiz_percents.setdefault(attempt.module_id, []).append(attempt.claimed)
            continue
        not_counted[f"quiz:{attempt.module_id}"] = not_counted.get(f"quiz:{attempt.module_id}", 0) + 1
        title = module.title if module else attempt.module_id
        doubts.setdefault(f"quiz:{attempt.module_id}", []).append(
            f"{title} quiz: the attempt of {when_text(attempt.submitted_at)} {doubt}")
    calls: dict[str, list[CallOutcome]] = {}
    calls_left_out: set[str] = set()
    for call in evidence.calls:
        scenario = library.scenario(call.scenario_id)
        checked = check_call(call, scenario)
        if checked.outcome is not None:
            calls.setdefault(call.scenario_id, []).append(checked.outcome)
            continue
        not_counted[f"call:{call.scenario_id}"] = not_counted.get(f"call:{call.scenario_id}", 0) + 1
        calls_left_out.add(call.call_id)
        title = scenario.title if scenario else call.scenario_id
        doubts.setdefault(f"call:{call.scenario_id}", []).append(
            f"Practice call \u201c{title}\u201d: the call of {when_text(call.ended_at)} {checked.doubt}")
    quiz_best = {module_id: max(percents) for module_id, percents in quiz_percents.items()}
    return LearnerRecord(progress_by_module(library, reading.read), quiz_best, calls,
                         {key: _shortened(lines) for key, lines in doubts.items()}, not_counted,
                         {module_id: tuple(percents) for module_id, percents in quiz_percents.items()},
                         frozenset(calls_left_out))


def _shortened(lines: list[str]) -> tuple[str, ...]:
    """The newest few lines, and how many more there are."""
    if len(lines) <= _NAMED:
        return tuple(lines)
    return (*lines[-_NAMED:], f"(and {len(lines) - _NAMED} more that do not hold up)")
