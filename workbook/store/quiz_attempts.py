"""Quiz attempts as append-only activity: a start (with the plan as shown), one row per answer,
and a submission with the result. An attempt is whatever those rows say, so attempts merged in
from another machine need no extra table.
"""

from __future__ import annotations

import json
from datetime import datetime

from msgspec import Struct, field

from workbook.core.activity import Verb
from workbook.core.attempt import AttemptPlan, AttemptResult
from workbook.core.pace import floor_seconds, question_words
from workbook.store.activity import record_activity
from workbook.store.clock import new_id, parse_utc_text
from workbook.store.dialect import INSERTION_ORDER
from workbook.store.merges import of_person
from workbook.store.models import ActivityRecord
from workbook.store.quiz_questions import expand_payload

_QUIZ_VERBS = (str(Verb.ATTEMPT_STARTED), str(Verb.ANSWER_GIVEN), str(Verb.ATTEMPT_SUBMITTED))


def quiz_object_id(module_id: str) -> str:
    return f"{module_id}/quiz"


class StoredAttempt(Struct):
    """An attempt read back: its plan, the latest response per question, and how it ended."""

    id: str
    learner_id: str
    plan: AttemptPlan
    started_at: datetime
    responses: dict[str, tuple[int, ...]] = field(default_factory=dict)
    checked: set[str] = field(default_factory=set)  # answers whose feedback was shown (locked)
    submitted_at: datetime | None = None
    percent: int | None = None
    passed: bool | None = None

    @property
    def module_id(self) -> str:
        return self.plan.module_id

    @property
    def finished(self) -> bool:
        return self.submitted_at is not None

    def first_unanswered(self) -> int:
        """Where a resumed attempt opens: the first question without a kept answer."""
        for index, presented in enumerate(self.plan.questions):
            if presented.id not in self.responses:
                return index
        return max(0, len(self.plan.questions) - 1)


class QuizScore(Struct, frozen=True):
    """What a module card shows: best and latest submitted percent, and how many attempts."""

    best: int
    latest: int
    latest_passed: bool
    ever_passed: bool
    attempts: int


def start_attempt(learner_id: str, plan: AttemptPlan, now: datetime | None = None) -> str:
    attempt_id = new_id()
    record_activity(learner_id, Verb.ATTEMPT_STARTED, quiz_object_id(plan.module_id),
                    module_id=plan.module_id, attempt_id=attempt_id, payload=plan.to_payload(), now=now)
    return attempt_id


def record_answer(attempt: StoredAttempt, question_id: str, response: tuple[int, ...] | list[int],
                  checked: bool = False, now: datetime | None = None) -> None:
    """Saved at once; a later answer to the same question replaces it when read back."""
    response = tuple(int(i) for i in response)
    payload = {"question_id": question_id, "response": list(response), "checked": checked}
    presented = attempt.plan.question(question_id)
    if presented is not None:  # the seconds its text takes to read, for the trainer's pace figures
        payload["floor"] = floor_seconds(question_words(presented.question))
    record_activity(attempt.learner_id, Verb.ANSWER_GIVEN,
                    f"{quiz_object_id(attempt.module_id)}/{question_id}", module_id=attempt.module_id,
                    attempt_id=attempt.id, payload=payload, now=now)
    attempt.responses[question_id] = response
    if checked:
        attempt.checked.add(question_id)


def submit_attempt(attempt: StoredAttempt, result: AttemptResult, reason: str = "submitted",
                   now: datetime | None = None) -> None:
    record = record_activity(
        attempt.learner_id, Verb.ATTEMPT_SUBMITTED, quiz_object_id(attempt.module_id),
        module_id=attempt.module_id, attempt_id=attempt.id,
        payload={"percent": result.percent, "passed": result.passed, "by_skill": result.by_skill(),
                 "reason": reason},
        now=now)
    attempt.submitted_at = parse_utc_text(record.occurred_at)
    attempt.percent, attempt.passed = result.percent, result.passed


def load_attempt(attempt_id: str) -> StoredAttempt | None:
    """Every row of one attempt, in the order they were written."""
    rows = list(ActivityRecord.select()
                .where(ActivityRecord.attempt_id == attempt_id, ActivityRecord.verb.in_(_QUIZ_VERBS))
                .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    start = next((row for row in rows if row.verb == Verb.ATTEMPT_STARTED), None)
    if start is None:
        return None
    attempt = StoredAttempt(id=attempt_id, learner_id=start.learner_id,
                            plan=AttemptPlan.from_payload(json.loads(expand_payload(start.verb,
                                                                                    start.payload))),
                            started_at=parse_utc_text(start.occurred_at))
    for row in rows:
        payload = json.loads(row.payload)
        if row.verb == Verb.ANSWER_GIVEN:
            attempt.responses[payload["question_id"]] = tuple(payload["response"])
            if payload.get("checked"):
                attempt.checked.add(payload["question_id"])
        elif row.verb == Verb.ATTEMPT_SUBMITTED and attempt.submitted_at is None:
            attempt.submitted_at = parse_utc_text(row.occurred_at)
            attempt.percent, attempt.passed = payload["percent"], payload["passed"]
    return attempt


def open_attempt(learner_id: str, module_id: str) -> StoredAttempt | None:
    """The newest attempt on this quiz that was started and never submitted, to resume it."""
    submitted = (ActivityRecord.select(ActivityRecord.attempt_id)
                 .where(of_person(learner_id),
                        ActivityRecord.verb == str(Verb.ATTEMPT_SUBMITTED),
                        ActivityRecord.module_id == module_id))
    start = (ActivityRecord.select(ActivityRecord.attempt_id)
             .where(of_person(learner_id), ActivityRecord.module_id == module_id,
                    ActivityRecord.verb == str(Verb.ATTEMPT_STARTED),
                    ActivityRecord.attempt_id.not_in(submitted))
             .order_by(ActivityRecord.occurred_at.desc()).first())
    return load_attempt(start.attempt_id) if start is not None else None


def unfinished_quiz_modules(learner_id: str) -> set[str]:
    """Modules with an attempt started and not submitted (their cards offer "Resume quiz")."""
    submitted = (ActivityRecord.select(ActivityRecord.attempt_id)
                 .where(of_person(learner_id),
                        ActivityRecord.verb == str(Verb.ATTEMPT_SUBMITTED)))
    rows = (ActivityRecord.select(ActivityRecord.module_id).distinct()
            .where(of_person(learner_id),
                   ActivityRecord.verb == str(Verb.ATTEMPT_STARTED),
                   ActivityRecord.attempt_id.not_in(submitted)))
    return {module_id for (module_id,) in rows.tuples()}


def finished_attempts(learner_id: str, module_id: str) -> list[StoredAttempt]:
    """Submitted attempts on one quiz, oldest first, for the history and reviews."""
    ids = (ActivityRecord.select(ActivityRecord.attempt_id, ActivityRecord.occurred_at)
           .where(of_person(learner_id), ActivityRecord.module_id == module_id,
                  ActivityRecord.verb == str(Verb.ATTEMPT_SUBMITTED))
           .order_by(ActivityRecord.occurred_at))
    attempts = [load_attempt(row.attempt_id) for row in ids]
    return [attempt for attempt in attempts if attempt is not None]


def quiz_scores(learner_id: str) -> dict[str, QuizScore]:
    """Best and latest score per module, from the submission rows alone (cheap for the home page)."""
    rows = (ActivityRecord.select(ActivityRecord.module_id, ActivityRecord.attempt_id,
                                  ActivityRecord.payload)
            .where(of_person(learner_id),
                   ActivityRecord.verb == str(Verb.ATTEMPT_SUBMITTED))
            .order_by(ActivityRecord.occurred_at, INSERTION_ORDER))
    per_module: dict[str, dict[str, tuple[int, bool]]] = {}
    for module_id, attempt_id, payload in rows.tuples():
        data = json.loads(payload)
        per_module.setdefault(module_id, {}).setdefault(attempt_id, (data["percent"], data["passed"]))
    scores = {}
    for module_id, attempts in per_module.items():
        results = list(attempts.values())
        scores[module_id] = QuizScore(best=max(p for p, _ in results), latest=results[-1][0],
                                      latest_passed=results[-1][1],
                                      ever_passed=any(ok for _, ok in results), attempts=len(results))
    return scores
