"""The debrief of a finished (or abandoned) practice call: outcome, skills, call metrics, and every
turn with its feedback and, where the learner missed it, the better line.

Skill score: for each skill, the points the learner's replies earned divided by the most the
replies offered on their own path could have earned, so a short call is not punished for the
skills it never tested. A reply that breaks a skill takes points away, so one slip early and one
good reply later can net 0%: the debrief shows the points and the turns behind every percentage.
Simulated CSAT comes from the caller's final mood (1 to 5; a hang-up is 1, a formal complaint at
most 2); FCR holds when the call ended resolved, with or without a promised
follow-up; handle time is the simulated seconds of the call.
"""

from __future__ import annotations

from msgspec import Struct

from workbook.core.call_engine import CallState, TypedReply, choose, offered_replies, start_call
from workbook.core.scenario import Ending, EndingKind, Handover, Rating, Reply, Scenario


class Turn(Struct, frozen=True):
    number: int
    node: str
    caller_line: str
    reply: Reply
    mood_before: int
    mood_after: int
    better: Reply | None  # the best reply on offer, when the learner chose another
    typed: TypedReply | None = None  # the learner's own words, which the coach matched to `reply`
    shown: tuple[Reply, ...] = ()  # the replies on offer, in the order the learner saw them

    @property
    def said(self) -> str:
        """What the learner said on this turn: their own words, or the scripted reply they picked."""
        return self.typed.text if self.typed is not None else self.reply.text

    @property
    def handover_note(self) -> str | None:
        if self.reply.handover == Handover.APPROPRIATE:
            return "Handing over was the right call here."
        if self.reply.handover == Handover.AVOIDABLE:
            return "This handover was avoidable: the problem was within your reach."
        return None


class SkillPoints(Struct, frozen=True):
    """What a skill's percentage is made of: points earned of points possible on this path, and the
    turns that moved it (turn number, points), so "0%" after one slip and one good reply reads as
    what it is."""

    earned: int
    possible: int
    turns: tuple[tuple[int, int], ...]

    def explain(self) -> str:
        moves = ", ".join(f"turn {number} {points:+d}" for number, points in self.turns) or "no turn"
        unit = "point" if self.possible == 1 else "points"
        return f"{max(0, self.earned)} of {self.possible} {unit} ({moves})"


class Debrief(Struct, frozen=True):
    ending: Ending | None  # None when the call was left unfinished
    skills: dict[str, int]  # skill id -> percent on this path
    csat: int
    fcr: bool
    seconds: int
    turns: tuple[Turn, ...]
    points: dict[str, SkillPoints] | None = None  # skill id -> what its percentage is made of

    @property
    def best_choices(self) -> int:
        return sum(1 for turn in self.turns if turn.reply.rating == Rating.BEST)

    @property
    def handle_time(self) -> str:
        minutes, seconds = divmod(self.seconds, 60)
        return f"{minutes}:{seconds:02d}"


def debrief(scenario: Scenario, state: CallState) -> Debrief:
    turns, earned, possible, moved = [], {}, {}, {}
    walk = start_call(scenario)
    for number, choice in enumerate(state.choices, 1):
        node = scenario.nodes[choice.node]
        offered = [node.replies[i] for i in offered_replies(scenario, walk)]
        reply = node.replies[choice.reply]
        for skill in {s for option in offered for s in option.skills}:
            possible[skill] = possible.get(skill, 0) + max(0, *(o.skills.get(skill, 0) for o in offered))
            earned[skill] = earned.get(skill, 0) + reply.skills.get(skill, 0)
            if reply.skills.get(skill, 0):
                moved.setdefault(skill, []).append((number, reply.skills[skill]))
        best = next((o for o in offered if o.rating == Rating.BEST), None)
        better = best if reply.rating != Rating.BEST and best is not None else None
        shown = tuple(node.replies[i] for i in choice.shown)
        turns.append(Turn(number, choice.node, node.caller, reply, choice.mood_before, choice.mood_after,
                          better, choice.typed, shown))
        walk = choose(scenario, walk, choice.reply, choice.typed)
    skills = {skill: (max(0, min(100, round(100 * earned[skill] / possible[skill])))
                      if possible[skill] > 0 else 0)  # only ever broken on this path: 0%
              for skill in sorted(possible) if possible[skill] > 0 or earned[skill] < 0}
    points = {skill: SkillPoints(earned[skill], possible[skill], tuple(moved.get(skill, ())))
              for skill in skills}
    ending = scenario.endings.get(state.at)
    return Debrief(ending, skills, _csat(ending, state.mood), _fcr(ending), state.seconds, tuple(turns),
                   points)


def _csat(ending: Ending | None, mood: int) -> int:
    score = 1 + min(4, mood // 20)
    if ending is not None and ending.kind == EndingKind.HUNG_UP:
        return 1
    if ending is not None and ending.kind == EndingKind.FORMAL_COMPLAINT:
        return min(score, 2)
    return score


def _fcr(ending: Ending | None) -> bool:
    return ending is not None and ending.kind in (EndingKind.RESOLVED, EndingKind.RESOLVED_WITH_FOLLOW_UP)
