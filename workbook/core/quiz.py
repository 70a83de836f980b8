"""The quiz file of a module (`quiz.yaml`): settings and a bank of questions of six types.

Pydantic models are the schema trainers write against; the rules a schema cannot say (exactly one
right answer, every option explained, ...) are checked in `quiz_loader.py`.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from workbook.core.content import Slug

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]

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


class QuizSettings(BaseModel):
    """Per-quiz settings; every field has the default a trainer would pick first."""

    # defer_build: the validator is built at the first validation, not at import; a start that takes
    # the content from the cache validates nothing and skips building any.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    pass_mark: int = Field(default=80, ge=1, le=100, description="percent needed to pass")
    questions_per_attempt: int | None = Field(default=None, ge=1, description="drawn from the bank")
    shuffle_questions: bool = True
    shuffle_options: bool = True
    feedback: FeedbackTiming = FeedbackTiming.AFTER_EACH
    time_limit_minutes: int | None = Field(default=None, ge=1, le=600)


class _Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Slug
    skills: list[Slug] = Field(min_length=1)
    prompt: Text
    explanation: Text
    category: ShortText | None = None  # kept from a GIFT `$CATEGORY:` line


class Option(BaseModel):
    """A choice with the reason it helps or hurts the call. `weight` keeps a GIFT percentage."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    text: Text
    correct: bool = False
    feedback: Text
    weight: float | None = Field(default=None, ge=-100, le=100)


class SingleChoice(_Question):
    type: Literal[QuestionType.SINGLE_CHOICE]
    options: list[Option] = Field(min_length=2, max_length=8)


class MultipleSelect(_Question):
    type: Literal[QuestionType.MULTIPLE_SELECT]
    options: list[Option] = Field(min_length=2, max_length=10)


class BestResponse(_Question):
    """A caller's line in context; pick the best reply among 3 to 5 plausible ones."""

    type: Literal[QuestionType.BEST_RESPONSE]
    context: Text
    caller_line: Text
    options: list[Option] = Field(min_length=3, max_length=5)


class TrueFalse(_Question):
    type: Literal[QuestionType.TRUE_FALSE]
    answer: bool
    feedback_true: Text
    feedback_false: Text

    @property
    def options(self) -> list[Option]:
        """True/false seen as two fixed options, so scoring and review treat all choices alike."""
        return [Option(text="True", correct=self.answer, feedback=self.feedback_true),
                Option(text="False", correct=not self.answer, feedback=self.feedback_false)]


class Ordering(_Question):
    """`items` are written in the right order; the learner sees them shuffled."""

    type: Literal[QuestionType.ORDERING]
    items: list[ShortText] = Field(min_length=3, max_length=10)


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    left: ShortText
    right: ShortText


class Matching(_Question):
    """Each `left` goes with its `right`; the learner picks the right side from a shuffled list."""

    type: Literal[QuestionType.MATCHING]
    pairs: list[Pair] = Field(min_length=2, max_length=10)


Question = Annotated[
    SingleChoice | MultipleSelect | BestResponse | TrueFalse | Ordering | Matching,
    Field(discriminator="type"),
]


class QuizFile(BaseModel):
    """The whole `quiz.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    settings: QuizSettings = Field(default_factory=QuizSettings)  # a factory: no model built at import
    questions: list[Question] = Field(min_length=1)


class QuestionAdapter:
    """Validate one question dict on its own (used to read back attempt snapshots)."""

    _adapter = None

    @classmethod
    def validate(cls, data: dict) -> Question:
        if cls._adapter is None:
            from pydantic import TypeAdapter

            cls._adapter = TypeAdapter(Question)
        return cls._adapter.validate_python(data)
