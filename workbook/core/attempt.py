"""A quiz attempt: which questions were drawn and in what order they were shown, and its grade.

The plan is stored when the attempt starts (as plain JSON), with a copy of every drawn question,
so an attempt can be resumed and later reviewed exactly as it was taken, even after the quiz file
has been edited.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime
from typing import assert_never

from msgspec import Struct

from workbook.core.plain_data import as_data
from workbook.core.quiz import (
    BestResponse,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    QuizFile,
    QuizSettings,
    SingleChoice,
    TrueFalse,
    stored_question,
    stored_settings,
)
from workbook.core.scoring import Response, score


class PresentedQuestion(Struct, frozen=True):
    """A question as shown: `order` lists option indices (choice types), the starting item order
    (ordering) or the order of the right-hand list (matching)."""

    question: Question
    order: tuple[int, ...]

    @property
    def id(self) -> str:
        return self.question.id


class AttemptPlan(Struct, frozen=True):
    module_id: str
    settings: QuizSettings
    questions: tuple[PresentedQuestion, ...]

    def to_payload(self) -> dict:
        return {
            "module_id": self.module_id,
            "settings": as_data(self.settings),
            "questions": [{"question": as_data(p.question, exclude_none=True),
                           "order": list(p.order)} for p in self.questions],
        }

    @classmethod
    def from_payload(cls, data: Mapping) -> AttemptPlan:
        return cls(
            module_id=data["module_id"],
            settings=stored_settings(data["settings"]),
            questions=tuple(PresentedQuestion(stored_question(item["question"]),
                                              tuple(item["order"])) for item in data["questions"]),
        )

    def question(self, question_id: str) -> PresentedQuestion | None:
        return next((p for p in self.questions if p.id == question_id), None)


def draw_attempt(quiz: QuizFile, module_id: str, rng: random.Random) -> AttemptPlan:
    """Pick the questions for one attempt and the order of everything in them."""
    settings = quiz.settings
    bank = list(quiz.questions)
    count = min(settings.questions_per_attempt or len(bank), len(bank))
    chosen = rng.sample(bank, count) if settings.shuffle_questions else bank[:count]
    return AttemptPlan(module_id, settings,
                       tuple(PresentedQuestion(q, _presentation_order(q, settings, rng)) for q in chosen))


def _presentation_order(question: Question, settings: QuizSettings, rng: random.Random) -> tuple[int, ...]:
    match question:
        case TrueFalse():
            return (0, 1)  # True before False, always
        case Ordering():
            return _shuffled_not_solved(len(question.items), rng)  # the right order would give it away
        case Matching():  # lists shown in the same order would give the answer away
            return _shuffled_not_solved(len(question.pairs), rng)
        case SingleChoice() | MultipleSelect() | BestResponse():
            order = list(range(len(question.options)))
            if settings.shuffle_options:
                rng.shuffle(order)
            return tuple(order)
        case _:
            assert_never(question)


def _shuffled_not_solved(size: int, rng: random.Random) -> tuple[int, ...]:
    order = list(range(size))
    while order == sorted(order):
        rng.shuffle(order)
    return tuple(order)


class QuestionResult(Struct, frozen=True):
    presented: PresentedQuestion
    response: tuple[int, ...] | None
    score: float

    @property
    def answered(self) -> bool:
        return bool(self.response)


class AttemptResult(Struct, frozen=True):
    results: tuple[QuestionResult, ...]
    pass_mark: int

    @property
    def percent(self) -> int:
        """Rounded down, so 79.9% never shows as a pass of 80%."""
        if not self.results:
            return 0
        return int(100 * sum(r.score for r in self.results) / len(self.results) + 1e-9)

    @property
    def passed(self) -> bool:
        return self.percent >= self.pass_mark

    def by_skill(self) -> dict[str, int]:
        """Percent per skill over the questions tagged with it."""
        totals: dict[str, list[float]] = defaultdict(list)
        for result in self.results:
            for skill in result.presented.question.skills:
                totals[skill].append(result.score)
        return {skill: int(100 * sum(s) / len(s) + 1e-9) for skill, s in sorted(totals.items())}


def grade(plan: AttemptPlan, responses: Mapping[str, Response]) -> AttemptResult:
    results = []
    for presented in plan.questions:
        response = responses.get(presented.id)
        results.append(QuestionResult(presented, tuple(response) if response else None,
                                      score(presented.question, response)))
    return AttemptResult(tuple(results), plan.settings.pass_mark)


def seconds_left(settings: QuizSettings, started_at: datetime, now: datetime) -> float | None:
    """None when the quiz has no time limit; never below 0."""
    if settings.time_limit_minutes is None:
        return None
    used = (now - started_at).total_seconds()
    return max(0.0, settings.time_limit_minutes * 60 - used)
