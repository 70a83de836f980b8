"""Does a stored practice call hold up? Its end row claims an ending and skill percentages; the claim
counts toward the certificate only when the call's replies, played again through the call engine
from the start node with the call's seed, reach that ending with that skill score, in timings a
person could have chosen them in. See `quiz_evidence` for why the rows alone are not believed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from msgspec import Struct, field

from workbook.core.call_engine import CallError, TypedReply, replay
from workbook.core.completion import CallOutcome, skill_score
from workbook.core.debrief import debrief
from workbook.core.quiz_evidence import MIN_SECONDS_PER_ANSWER
from workbook.core.scenario import Scenario


class StoredTurn(Struct, frozen=True):
    """One reply row of a call, as stored (values unchecked: a damaged row fails the replay)."""

    node: object
    reply: object
    replayed: bool = False
    typed: object = None
    typed_mood: object = None


class CallEvidence(Struct):
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


class CallCheck(Struct, frozen=True):
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
    reached = _replayed(scenario, evidence.turns, evidence.seed)
    if reached is None:
        return CallCheck(None, "has replies stored that do not follow the script")
    at, score = reached
    ending = scenario.endings.get(at)
    if ending is None or at != evidence.claimed.get("ending"):
        return CallCheck(None, "has replies stored that do not reach the ending claimed")
    if str(ending.kind) != evidence.claimed.get("kind"):
        return CallCheck(None, f"reaches a '{ending.kind}' ending, not the '{evidence.claimed.get('kind')}' "
                               f"claimed")
    claimed = evidence.claimed.get("skills")
    if not isinstance(claimed, Mapping) or skill_score(claimed) != score:
        shown = skill_score(claimed) if isinstance(claimed, Mapping) else "no"
        return CallCheck(None, f"gives a skill score of {score}% from its replies, not the {shown}% claimed")
    doubt = _timing_doubt(evidence)
    if doubt:
        return CallCheck(None, doubt)
    return CallCheck(CallOutcome(str(ending.kind), score))


# Replays already made in this process: (scenario id, turns, seed) -> (scenario, where the call ends
# and its skill score, or None). The home screen and the certificate check the same calls again.
_REPLAYS: dict[tuple, tuple[Scenario, tuple[str, int] | None]] = {}
_REPLAYS_KEPT = 4096


def _replayed(scenario: Scenario, turns: list[StoredTurn], seed: int | None) -> tuple[str, int] | None:
    """Where the stored turns lead from the start node, with the skill score of the path; None when
    they do not follow the script."""
    try:
        key = (scenario.id, tuple((t, type(t.reply), type(t.typed_mood)) for t in turns), seed)  # 1 != True
        cached = _REPLAYS.get(key)
    except TypeError:  # a damaged row holding a list where a value belongs: not kept
        key, cached = None, None
    if cached is not None and cached[0] is scenario:
        return cached[1]
    try:
        typed = {index: TypedReply(turn.typed, turn.typed_mood) for index, turn in enumerate(turns)
                 if isinstance(turn.typed, str) and type(turn.typed_mood) is int}
        replies = [turn.reply for turn in turns]
        if not all(type(reply) is int for reply in replies):
            raise CallError("a reply is not a number")
        state = replay(scenario, replies, typed, [turn.node for turn in turns], seed=seed)
        result = (state.at, skill_score(debrief(scenario, state).skills))
    except (CallError, KeyError, TypeError, ValueError):
        result = None
    if key is not None:
        if len(_REPLAYS) >= _REPLAYS_KEPT:
            _REPLAYS.clear()
        _REPLAYS[key] = (scenario, result)
    return result


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
