"""The schema trainers write against: pydantic models of `module.yaml`, `quiz.yaml`, the practice-call
scripts and `course.yaml`, used only when a file is read and checked.

What the app keeps and uses are the plain records (msgspec Structs) of the same names
(`workbook.core.content`, `quiz`, `scenario`, `course`, `reading`): `validate` checks a file's data
against a model here and returns them. So a start that takes the content from the cache, and every
page, runs without importing pydantic (about 75 ms and 10 MiB). A field added here must be added to
its record too (tests/core/test_schemas.py checks that the two agree).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from workbook.core import content, course, quiz, reading, scenario
from workbook.core.quiz import FeedbackTiming, QuestionType
from workbook.core.scenario import EndingKind, Handover, Rating

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64)]
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
QuizText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
QuizShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
CallText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1500)]
CallShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]

# defer_build: a model's validator is built at its first validation, not at import.
_CONFIG = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# -- module.yaml -----------------------------------------------------------------------------------

class ModuleMeta(BaseModel):
    """The fields of a module's `module.yaml`."""

    model_config = _CONFIG

    id: Slug
    title: Line
    summary: Line
    order: int = Field(ge=0, le=9999)
    minutes: int = Field(gt=0, le=600)
    skills: list[Slug] = Field(min_length=1)
    prerequisites: list[Slug] = Field(default_factory=list)


# -- quiz.yaml -------------------------------------------------------------------------------------

class QuizSettings(BaseModel):
    """Per-quiz settings; every field has the default a trainer would pick first."""

    model_config = _CONFIG

    pass_mark: int = Field(default=80, ge=1, le=100, description="percent needed to pass")
    questions_per_attempt: int | None = Field(default=None, ge=1, description="drawn from the bank")
    shuffle_questions: bool = True
    shuffle_options: bool = True
    feedback: FeedbackTiming = FeedbackTiming.AFTER_EACH
    time_limit_minutes: int | None = Field(default=None, ge=1, le=600)


class _Question(BaseModel):
    model_config = _CONFIG

    id: Slug
    skills: list[Slug] = Field(min_length=1)
    prompt: QuizText
    explanation: QuizText
    category: QuizShortText | None = None  # kept from a GIFT `$CATEGORY:` line


class Option(BaseModel):
    """A choice with the reason it helps or hurts the call. `weight` keeps a GIFT percentage."""

    model_config = _CONFIG

    text: QuizText
    correct: bool = False
    feedback: QuizText
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
    context: QuizText
    caller_line: QuizText
    options: list[Option] = Field(min_length=3, max_length=5)


class TrueFalse(_Question):
    type: Literal[QuestionType.TRUE_FALSE]
    answer: bool
    feedback_true: QuizText
    feedback_false: QuizText


class Ordering(_Question):
    """`items` are written in the right order; the learner sees them shuffled."""

    type: Literal[QuestionType.ORDERING]
    items: list[QuizShortText] = Field(min_length=3, max_length=10)


class Pair(BaseModel):
    model_config = _CONFIG

    left: QuizShortText
    right: QuizShortText


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

    model_config = _CONFIG

    settings: QuizSettings = Field(default_factory=QuizSettings)  # a factory: no model built at import
    questions: list[Question] = Field(min_length=1)


# -- practice-calls/*.yaml -------------------------------------------------------------------------

class Persona(BaseModel):
    model_config = _CONFIG

    name: CallShortText
    situation: CallText
    context: CallShortText  # e.g. healthcare billing, delayed delivery, bank account, subscription


class Branch(BaseModel):
    """One arm of a conditional `next`: go to `goto` if `if` holds (no `if`: otherwise)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)

    if_: str | None = Field(default=None, alias="if")
    goto: Slug


class Reply(BaseModel):
    model_config = _CONFIG

    text: CallText
    rating: Rating
    skills: dict[Slug, int] = Field(default_factory=dict)  # +n shows the skill, -n breaks it
    mood: int = Field(default=0, ge=-60, le=60)
    seconds: int = Field(default=20, ge=0, le=900)
    feedback: CallText
    set: list[Slug] = Field(default_factory=list)  # flags this reply sets
    clear: list[Slug] = Field(default_factory=list)
    when: str | None = None  # the reply is offered only when this holds
    handover: Handover | None = None  # a hand-over to a supervisor, and whether it was right
    discloses: bool = False
    next: Slug | list[Branch]


class Node(BaseModel):
    model_config = _CONFIG

    caller: CallText
    tone: CallShortText | None = None
    seconds: int = Field(default=15, ge=0, le=600)  # how long the caller's line takes
    typed: bool = False
    verification: bool = False
    replies: list[Reply] = Field(min_length=2, max_length=4)


class Ending(BaseModel):
    model_config = _CONFIG

    kind: EndingKind
    title: CallShortText
    outcome: CallText
    caller: CallText | None = None  # the caller's last words, if any


class Rule(BaseModel):
    """Checked after every reply, before `next`: e.g. mood under 20 ends in a hang-up."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)

    if_: str = Field(alias="if")
    goto: Slug


class Scenario(BaseModel):
    model_config = _CONFIG

    id: Slug
    title: CallShortText
    summary: CallText
    modules: list[Slug] = Field(min_length=1)
    persona: Persona
    start_mood: int = Field(ge=0, le=100)
    start: Slug
    rules: list[Rule] = Field(default_factory=list)
    nodes: dict[Slug, Node] = Field(min_length=1)
    endings: dict[Slug, Ending] = Field(min_length=1)


# -- course.yaml -----------------------------------------------------------------------------------

class ReadingRule(BaseModel):
    """`reading:` in course.yaml (see `workbook.core.reading` for what the numbers mean)."""

    model_config = _CONFIG

    words_per_minute: int = Field(default=230, ge=60, le=1000)
    share: float = Field(default=0.25, gt=0, le=1)
    min_seconds: int = Field(default=5, ge=0, le=600)
    max_seconds: int = Field(default=60, ge=0, le=1800)
    reach_end: bool = True


class CallRequirements(BaseModel):
    model_config = _CONFIG

    scenarios: list[Slug] = Field(default_factory=list)
    at_least: int = Field(default=0, ge=0)
    min_skill_score: int = Field(default=0, ge=0, le=100)


class Requirements(BaseModel):
    model_config = _CONFIG

    modules: Literal["all"] | list[Slug] = "all"  # every section read
    quiz_pass_mark: int = Field(default=80, ge=1, le=100)  # best score on each required module's quiz
    calls: CallRequirements = Field(default_factory=CallRequirements)  # a factory: no model built at import


class Course(BaseModel):
    model_config = _CONFIG

    id: Slug
    title: Line
    organisation: Line = "Customer Care Academy"  # the default on certificates; a setting overrides it
    trainer: Line = "Training team"
    requires: Requirements = Field(default_factory=Requirements)
    reading: ReadingRule = Field(default_factory=ReadingRule)  # when a section counts as read


# -- from a checked model to the app's records ----------------------------------------------------

# Each model and the record the app uses for it (same name, same fields).
PLAIN: dict[type[BaseModel], type] = {
    ModuleMeta: content.ModuleMeta, QuizSettings: quiz.QuizSettings, Option: quiz.Option,
    SingleChoice: quiz.SingleChoice, MultipleSelect: quiz.MultipleSelect, BestResponse: quiz.BestResponse,
    TrueFalse: quiz.TrueFalse, Ordering: quiz.Ordering, Pair: quiz.Pair, Matching: quiz.Matching,
    QuizFile: quiz.QuizFile, Persona: scenario.Persona, Branch: scenario.Branch, Reply: scenario.Reply,
    Node: scenario.Node, Ending: scenario.Ending, Rule: scenario.Rule, Scenario: scenario.Scenario,
    ReadingRule: reading.ReadingRule, CallRequirements: course.CallRequirements,
    Requirements: course.Requirements, Course: course.Course,
}


def validate(model: type[BaseModel], data: Any) -> Any:
    """`data` checked against `model` (raises pydantic's `ValidationError`), as the app's record."""
    return plain(model.model_validate(data))


_question_adapter = None


def validate_question(data: Any) -> quiz.Question:
    """One question's data checked on its own (a GIFT import), as the app's record."""
    global _question_adapter
    if _question_adapter is None:
        from pydantic import TypeAdapter

        _question_adapter = TypeAdapter(Question)
    return plain(_question_adapter.validate_python(data))


def plain(value: Any) -> Any:
    """A checked model (and the models in it) as the app's records; lists and dicts stay so."""
    if isinstance(value, BaseModel):
        model = type(value)
        return PLAIN[model](**{name: plain(getattr(value, name)) for name in model.model_fields})
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value
