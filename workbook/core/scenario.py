"""A practice-call script (`lessons/practice-calls/*.yaml`): a caller persona, nodes of caller
lines with 2 to 4 agent replies each, and endings. Plain frozen records (msgspec Structs), as the
app keeps them; the schema trainers write against is in `schemas.py`, which checks a script and
returns these.

Replies move the caller's mood (0 furious .. 100 delighted), show or break skills, cost simulated
seconds, may set flags, and lead to a node or an ending; `next` can branch on conditions.
"""

from __future__ import annotations

from enum import StrEnum

from msgspec import Struct, field

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


# How good an ending is, to pick a learner's best call per scenario (an unknown kind ranks below all).
ENDING_RANK = {"resolved": 4, "resolved-with-follow-up": 3, "escalated-appropriately": 3,
               "formal-complaint": 1, "hung-up": 0}


class Rating(StrEnum):
    BEST = "best"  # what a skilled agent would say here
    OKAY = "okay"  # acceptable, but a better line exists
    POOR = "poor"  # hurts the call


class Handover(StrEnum):
    APPROPRIATE = "appropriate"  # abuse, or a fix beyond the agent's authority
    AVOIDABLE = "avoidable"  # dodges a problem the agent could have solved


class Persona(Struct, frozen=True, kw_only=True):
    name: str
    situation: str
    context: str  # e.g. healthcare billing, delayed delivery, bank account, subscription


class Branch(Struct, frozen=True, kw_only=True):
    """One arm of a conditional `next`: go to `goto` if `if` holds (no `if`: otherwise)."""

    if_: str | None = None  # `if` in the file
    goto: str


class Reply(Struct, frozen=True, kw_only=True):
    text: str
    rating: Rating
    skills: dict[str, int] = field(default_factory=dict)  # +n shows the skill, -n breaks it
    mood: int = 0
    seconds: int = 20
    feedback: str
    set: list[str] = field(default_factory=list)  # flags this reply sets
    clear: list[str] = field(default_factory=list)
    when: str | None = None  # the reply is offered only when this holds
    handover: Handover | None = None  # a hand-over to a supervisor, and whether it was right
    # The words disclose or change account-specific information: only a poor reply may do that
    # before the `verified` flag is set (the course's identity standard, lessons/AUTHORING.md).
    discloses: bool = False
    next: str | list[Branch]


class Node(Struct, frozen=True, kw_only=True):
    caller: str
    tone: str | None = None
    seconds: int = 15  # how long the caller's line takes
    # The learner types their own reply here; the coach's verdict picks the scripted reply of the
    # same rating (for the branch, flags and skills) and its mood change replaces that reply's.
    typed: bool = False
    verification: bool = False  # the agent checks the caller's identity here (documentation aid)
    replies: list[Reply]


class Ending(Struct, frozen=True, kw_only=True):
    kind: EndingKind
    title: str
    outcome: str
    caller: str | None = None  # the caller's last words, if any


class Rule(Struct, frozen=True, kw_only=True):
    """Checked after every reply, before `next`: e.g. mood under 20 ends in a hang-up."""

    if_: str  # `if` in the file
    goto: str


class Scenario(Struct, frozen=True, kw_only=True):
    id: str
    title: str
    summary: str
    modules: list[str]
    persona: Persona
    start_mood: int
    start: str
    rules: list[Rule] = field(default_factory=list)
    nodes: dict[str, Node]
    endings: dict[str, Ending]

    def target_exists(self, target: str) -> bool:
        return target in self.nodes or target in self.endings
