"""A practice-call script (`lessons/practice-calls/*.yaml`): a caller persona, nodes of caller
lines with 2 to 4 agent replies each, and endings. The schema trainers write against.

Replies move the caller's mood (0 furious .. 100 delighted), show or break skills, cost simulated
seconds, may set flags, and lead to a node or an ending; `next` can branch on conditions.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from workbook.core.content import Slug

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1500)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
SCENARIO_FOLDER = "practice-calls"
VERIFIED_FLAG = "verified"  # set by the reply that completes identity verification
CALL_SKILLS = ("listening", "empathy", "emotional-intelligence", "problem-solving", "de-escalation",
               "boundaries")


class EndingKind(StrEnum):
    RESOLVED = "resolved"
    RESOLVED_WITH_FOLLOW_UP = "resolved-with-follow-up"
    ESCALATED_APPROPRIATELY = "escalated-appropriately"
    HUNG_UP = "hung-up"
    FORMAL_COMPLAINT = "formal-complaint"

    @property
    def label(self) -> str:
        return {"resolved": "Resolved", "resolved-with-follow-up": "Resolved with follow-up",
                "escalated-appropriately": "Escalated appropriately", "hung-up": "Caller hung up",
                "formal-complaint": "Formal complaint"}[self.value]

    @property
    def strong(self) -> bool:
        """An outcome the learner should aim for."""
        return self in (EndingKind.RESOLVED, EndingKind.RESOLVED_WITH_FOLLOW_UP,
                        EndingKind.ESCALATED_APPROPRIATELY)


class Rating(StrEnum):
    BEST = "best"  # what a skilled agent would say here
    OKAY = "okay"  # acceptable, but a better line exists
    POOR = "poor"  # hurts the call


class Handover(StrEnum):
    APPROPRIATE = "appropriate"  # abuse, or a fix beyond the agent's authority
    AVOIDABLE = "avoidable"  # dodges a problem the agent could have solved


class Persona(BaseModel):
    # defer_build: the validator is built at the first validation, not at import; a start that takes
    # the content from the cache validates nothing and skips building any.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: ShortText
    situation: Text
    context: ShortText  # e.g. healthcare billing, delayed delivery, bank account, subscription


class Branch(BaseModel):
    """One arm of a conditional `next`: go to `goto` if `if` holds (no `if`: otherwise)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)

    if_: str | None = Field(default=None, alias="if")
    goto: Slug


class Reply(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    text: Text
    rating: Rating
    skills: dict[Slug, int] = Field(default_factory=dict)  # +n shows the skill, -n breaks it
    mood: int = Field(default=0, ge=-60, le=60)
    seconds: int = Field(default=20, ge=0, le=900)
    feedback: Text
    set: list[Slug] = Field(default_factory=list)  # flags this reply sets
    clear: list[Slug] = Field(default_factory=list)
    when: str | None = None  # the reply is offered only when this holds
    handover: Handover | None = None  # a hand-over to a supervisor, and whether it was right
    # The words disclose or change account-specific information: only a poor reply may do that
    # before the `verified` flag is set (the course's identity standard, lessons/AUTHORING.md).
    discloses: bool = False
    next: Slug | list[Branch]


class Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    caller: Text
    tone: ShortText | None = None
    seconds: int = Field(default=15, ge=0, le=600)  # how long the caller's line takes
    # The learner types their own reply here; the coach's verdict picks the scripted reply of the
    # same rating (for the branch, flags and skills) and its mood change replaces that reply's.
    typed: bool = False
    verification: bool = False  # the agent checks the caller's identity here (documentation aid)
    replies: list[Reply] = Field(min_length=2, max_length=4)


class Ending(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    kind: EndingKind
    title: ShortText
    outcome: Text
    caller: Text | None = None  # the caller's last words, if any


class Rule(BaseModel):
    """Checked after every reply, before `next`: e.g. mood under 20 ends in a hang-up."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, populate_by_name=True)

    if_: str = Field(alias="if")
    goto: Slug


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Slug
    title: ShortText
    summary: Text
    modules: list[Slug] = Field(min_length=1)
    persona: Persona
    start_mood: int = Field(ge=0, le=100)
    start: Slug
    rules: list[Rule] = Field(default_factory=list)
    nodes: dict[Slug, Node] = Field(min_length=1)
    endings: dict[Slug, Ending] = Field(min_length=1)

    def target_exists(self, target: str) -> bool:
        return target in self.nodes or target in self.endings
