"""Does a stored quiz attempt hold up? Its submission row claims a percent; the claim counts toward
the certificate only when the attempt's own evidence gives it again: the questions it presented
(stored with its start), the answers stored for them, scored by `core.scoring` against the quiz as
it is now or as the attempt stored it, and timings a person could have answered in.

A learner's PC holds its own database, so a row claiming "100%" is only a claim: without this check
68 hand-written rows were enough for a trainer-issued certificate (red team 3, A2). The checks make
a forgery redo what the engine does; they cannot stop someone who writes a fully consistent record.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from msgspec import Struct, field
from msgspec.structs import replace

from workbook.core.attempt import AttemptPlan, grade
from workbook.core.quiz import QuizFile

# No one reads a question and picks an answer in less than this (the brief's "impossible" bar; the
# trainer's pace figures flag answers faster than reading allows, which is far slower).
MIN_SECONDS_PER_ANSWER = 1.0


def when_text(moment: datetime | None) -> str:
    """How a message names an attempt or a call: "Dec 4, 22:30 UTC"."""
    if moment is None:
        return "an unknown date"
    return f"{moment:%b} {moment.day}, {moment:%H:%M} UTC"


class QuizEvidence(Struct):
    """One submitted attempt as its rows tell it. `plan` is the start row's payload (None: no start
    row); `answers` the latest response per question; `claimed` the submission's percent."""

    attempt_id: str
    module_id: str
    submitted_at: datetime
    claimed: object
    plan: Mapping | None = None
    started_at: datetime | None = None
    answers: dict[str, object] = field(default_factory=dict)


def quiz_doubt(evidence: QuizEvidence, quiz: QuizFile | None) -> str | None:
    """Why the attempt's claimed percent does not hold up (a phrase that follows "the attempt of
    <date>"), or None when it does."""
    claimed = evidence.claimed
    if type(claimed) is not int:
        return "has no score that can be checked"
    if evidence.plan is None or evidence.started_at is None:
        return ("has no answers to check" if not evidence.answers
                else "has no questions stored to check its answers against")
    try:
        plan = AttemptPlan.from_payload(evidence.plan)
    except (ValueError, KeyError, TypeError):
        return "has stored questions that cannot be read"
    if plan.module_id != evidence.module_id or not plan.questions:
        return "has no questions of this quiz stored"
    shown = {p.id for p in plan.questions}
    if len(shown) != len(plan.questions):
        return "has the same question stored more than once"
    answers = {qid: response for qid, response in evidence.answers.items() if qid in shown}
    if not answers:
        return "has no answers to check"
    if not all(isinstance(r, list | tuple) and all(type(i) is int for i in r) for r in answers.values()):
        return "has answers that cannot be read"
    too_few = _too_few_questions(plan, quiz)
    if too_few:
        return too_few
    try:
        as_stored = grade(plan, answers).percent
        as_now = grade(_with_current_questions(plan, quiz), answers).percent
    except (TypeError, ValueError, IndexError, KeyError):
        return "has answers that cannot be scored"
    if claimed not in (as_stored, as_now):
        return f"scores {as_now}% from the answers stored, not the {claimed}% claimed"
    seconds = (evidence.submitted_at - evidence.started_at).total_seconds()
    if seconds < len(answers) * MIN_SECONDS_PER_ANSWER:
        return (f"answered {len(answers)} questions in {max(0.0, seconds):.0f} s, "
                f"under a second a question")
    return None


def _with_current_questions(plan: AttemptPlan, quiz: QuizFile | None) -> AttemptPlan:
    """The plan with each question the quiz still has (same id and type) as the quiz has it now."""
    if quiz is None:
        return plan
    current = {q.id: q for q in quiz.questions}
    presented = []
    for shown in plan.questions:
        now = current.get(shown.id)
        presented.append(replace(shown, question=now) if now is not None and now.type == shown.question.type
                         else shown)
    return replace(plan, questions=tuple(presented))


def _too_few_questions(plan: AttemptPlan, quiz: QuizFile | None) -> str | None:
    """An attempt of this quiz presents as many questions as the quiz draws. Only checked while every
    question it showed is still in the quiz: after an edit the count may have changed honestly."""
    if quiz is None or not quiz.questions:
        return None
    bank = {q.id for q in quiz.questions}
    if not all(p.id in bank for p in plan.questions):
        return None
    wanted = min(quiz.settings.questions_per_attempt or len(bank), len(bank))
    if len(plan.questions) < wanted:
        return f"shows {len(plan.questions)} of the {wanted} questions the quiz draws"
    return None
