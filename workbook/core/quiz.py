"""The quiz file of a module (`quiz.yaml`): settings and a bank of questions of six types.

Plain frozen records (msgspec Structs), as the app keeps them (the content cache holds them, so a
start needs no pydantic). The schema trainers write against is in `schemas.py`, which checks a file
and returns these; the rules a schema cannot say (exactly one right answer, every option explained,
...) are checked in `quiz_loader.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Literal

from msgspec import Struct, field

QUIZ_FILE = "quiz.yaml"


class QuestionType(StrEnum):
    SINGLE_CHOICE = "single-choice"
    MULTIPLE_SELECT = "multiple-select"
    BEST_RESPONSE = "best-response"
    TRUE_FALSE = "true-false"
    ORDERING = "ordering"
    MATCHING = "matching"


class FeedbackTiming(StrEnum):
    AFTER_EACH = "after-each"  # check each answer before moving on
    AT_END = "at-end"  # answers can change until the attempt is submitted


class QuizSettings(Struct, frozen=True, kw_only=True):
    """Per-quiz settings; every field has the default a trainer would pick first."""

    pass_mark: int = 80  # percent needed to pass
    questions_per_attempt: int | None = None  # drawn from the bank
    shuffle_questions: bool = True
    shuffle_options: bool = True
    feedback: FeedbackTiming = FeedbackTiming.AFTER_EACH
    time_limit_minutes: int | None = None


class _Question(Struct, frozen=True, kw_only=True):
    id: str
    skills: list[str]
    prompt: str
    explanation: str
    category: str | None = None  # kept from a GIFT `$CATEGORY:` line


class Option(Struct, frozen=True, kw_only=True):
    """A choice with the reason it helps or hurts the call. `weight` keeps a GIFT percentage."""

    text: str
    correct: bool = False
    feedback: str
    weight: float | None = None


class SingleChoice(_Question, frozen=True, kw_only=True):
    type: Literal[QuestionType.SINGLE_CHOICE]
    options: list[Option]


class MultipleSelect(_Question, frozen=True, kw_only=True):
    type: Literal[QuestionType.MULTIPLE_SELECT]
    options: list[Option]


class BestResponse(_Question, frozen=True, kw_only=True):
    """A caller's line in context; pick the best reply among 3 to 5 plausible ones."""

    type: Literal[QuestionType.BEST_RESPONSE]
    context: str
    caller_line: str
    options: list[Option]


class TrueFalse(_Question, frozen=True, kw_only=True):
    type: Literal[QuestionType.TRUE_FALSE]
    answer: bool
    feedback_true: str
    feedback_false: str

    @property
    def options(self) -> list[Option]:
        """True/false seen as two fixed options, so scoring and review treat all choices alike."""
        return [Option(text="True", correct=self.answer, feedback=self.feedback_true),
                Option(text="False", correct=not self.answer, feedback=self.feedback_false)]


class Ordering(_Question, frozen=True, kw_only=True):
    """`items` are written in the right order; the learner sees them shuffled."""

    type: Literal[QuestionType.ORDERING]
    items: list[str]


class Pair(Struct, frozen=True, kw_only=True):
    left: str
    right: str


class Matching(_Question, frozen=True, kw_only=True):
    """Each `left` goes with its `right`; the learner picks the right side from a shuffled list."""

    type: Literal[QuestionType.MATCHING]
    pairs: list[Pair]


Question = SingleChoice | MultipleSelect | BestResponse | TrueFalse | Ordering | Matching


class QuizFile(Struct, frozen=True, kw_only=True):
    """The whole `quiz.yaml`."""

    settings: QuizSettings = field(default_factory=QuizSettings)
    questions: list[Question]


_QUESTION_CLASSES: dict[str, type] = {
    QuestionType.SINGLE_CHOICE: SingleChoice, QuestionType.MULTIPLE_SELECT: MultipleSelect,
    QuestionType.BEST_RESPONSE: BestResponse, QuestionType.TRUE_FALSE: TrueFalse,
    QuestionType.ORDERING: Ordering, QuestionType.MATCHING: Matching,
}


def stored_question(data: Mapping) -> Question:
    """A question the app stored itself (an attempt's copy, as `plain_data.as_data` wrote it),
    built again without the schema: it was checked when its quiz was loaded. Data of another shape
    raises ValueError."""
    try:
        kind = QuestionType(data["type"])
        fields = dict(data, type=kind)
        if "options" in fields:
            fields["options"] = [Option(**option) for option in fields["options"]]
        if "pairs" in fields:
            fields["pairs"] = [Pair(**pair) for pair in fields["pairs"]]
        return _QUESTION_CLASSES[kind](**fields)
    except (KeyError, TypeError) as error:
        raise ValueError(f"not a stored question: {error}") from error


def stored_settings(data: Mapping) -> QuizSettings:
    """Quiz settings the app stored itself (see `stored_question`)."""
    try:
        fields = dict(data)
        if "feedback" in fields:
            fields["feedback"] = FeedbackTiming(fields["feedback"])
        return QuizSettings(**fields)
    except TypeError as error:
        raise ValueError(f"not stored quiz settings: {error}") from error
