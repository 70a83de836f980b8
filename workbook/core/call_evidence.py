"""Does a stored practice call hold up? Its end row claims an ending and skill percentages; the claim
counts toward the certificate only when the call's replies, played again through the call engine
from the start node with the call's seed, reach that ending with that skill score, in timings a
person could have chosen them in. See `quiz_evidence` for why the rows alone are not believed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from workbook.core.call_engine import CallError, TypedReply, replay
from workbook.core.completion import CallOutcome, skill_score
from workbook.core.debrief import debrief
from workbook.core.quiz_evidence import MIN_SECONDS_PER_ANSWER
from workbook.core.scenario import Scenario


@dataclass(frozen=True)
class StoredTurn:
    """One reply row of a call, as stored (values unchecked: a damaged row fails the replay)."""

    node: object
    reply: object
    replayed: bool = False
    typed: object = None
    typed_mood: object = None


@dataclass
class CallEvidence:
    """One ended call as its rows tell it: `turns` in turn order (up to the first gap), `prefix` the
    turns copied in by "replay from here" (the start row says how many), `claimed` the end row."""

    call_id: str
    scenario_id: str
    ended_at: datetime
    claimed: Mapping
    started_at: datetime | None = None
    seed: int | None = None
    prefix: int | None = None
    turns: list[StoredTurn] = field(default_factory=list)


@dataclass(frozen=True)
class CallCheck:
    """The outcome the replay gives (None: the call does not hold up) and why it does not."""

    outcome: CallOutcome | None
    doubt: str | None = None


def check_call(evidence: CallEvidence, scenario: Scenario | None) -> CallCheck:
    """Replay the stored replies; the outcome counts only when it is the one the end row claims."""
    if scenario is None:
        return CallCheck(None, "is for a scenario that is not in the content")
    if evidence.started_at is None:
        return CallCheck(None, "has no start stored to replay it from")
    if not evidence.turns:
        return CallCheck(None, "has no replies to check")
    try:
        typed = {index: TypedReply(turn.typed, turn.typed_mood) for index, turn in enumerate(evidence.turns)
                 if isinstance(turn.typed, str) and type(turn.typed_mood) is int}
        replies = [turn.reply for turn in evidence.turns]
        nodes = [turn.node for turn in evidence.turns]
        if not all(type(reply) is int for reply in replies):
            raise CallError("a reply is not a number")
        state = replay(scenario, replies, typed, nodes, seed=evidence.seed)
    except (CallError, KeyError, TypeError, ValueError):
        return CallCheck(None, "has replies stored that do not follow the script")
    ending = scenario.endings.get(state.at)
    if ending is None or state.at != evidence.claimed.get("ending"):
        return CallCheck(None, "has replies stored that do not reach the ending claimed")
    if str(ending.kind) != evidence.claimed.get("kind"):
        return CallCheck(None, f"reaches a '{ending.kind}' ending, not the '{evidence.claimed.get('kind')}' "
                               f"claimed")
    score = skill_score(debrief(scenario, state).skills)
    claimed = evidence.claimed.get("skills")
    if not isinstance(claimed, Mapping) or skill_score(claimed) != score:
        shown = skill_score(claimed) if isinstance(claimed, Mapping) else "no"
        return CallCheck(None, f"gives a skill score of {score}% from its replies, not the {shown}% claimed")
    doubt = _timing_doubt(evidence)
    if doubt:
        return CallCheck(None, doubt)
    return CallCheck(CallOutcome(str(ending.kind), score))


def _timing_doubt(evidence: CallEvidence) -> str | None:
    """The replies the learner chose in this call (not those copied in by "replay from here") need a
    second each at least between the call's start and its end."""
    copied = evidence.prefix if type(evidence.prefix) is int else sum(t.replayed for t in evidence.turns)
    chosen = len(evidence.turns) - max(0, min(copied, len(evidence.turns)))
    if chosen < 1:
        return "has no reply chosen in it, only replies copied from another call"
    seconds = (evidence.ended_at - evidence.started_at).total_seconds()
    if seconds < chosen * MIN_SECONDS_PER_ANSWER:
        return f"has {chosen} replies chosen in {max(0.0, seconds):.0f} s, under a second a reply"
    return None
