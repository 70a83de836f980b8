"""Gather what the completion rules need about one learner from the activity rows."""

from __future__ import annotations

from workbook.core.completion import CallOutcome, LearnerRecord
from workbook.core.content import Library
from workbook.core.progress import progress_by_module
from workbook.store import activity, practice_calls, quiz_attempts


def learner_record(library: Library, learner_id: str, reading: dict | None = None,
                   scores: dict | None = None) -> LearnerRecord:
    """`reading` and `scores` may be passed in when the caller has already read them (the home
    screen shows them too), so the same rows are not read twice."""
    if reading is None:
        reading = progress_by_module(library, activity.read_sections(learner_id))
    if scores is None:
        scores = quiz_attempts.quiz_scores(learner_id)
    quiz_best = {module_id: score.best for module_id, score in scores.items()}
    calls = {scenario_id: [CallOutcome(kind, skill) for kind, skill in outcomes]
             for scenario_id, outcomes in practice_calls.call_outcomes(learner_id).items()}
    return LearnerRecord(reading, quiz_best, calls)
