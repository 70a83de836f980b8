"""Practice calls written through the real store as a learner could write them: a genuine call played to
its best ending at a person's pace, and end rows whose claims do not hold up when replayed (a claimed
best ending with no reply behind it, an end row with no start row). The home cards, the checklist and
the practice-calls page must all leave the forged ones out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from workbook.core.activity import Verb
from workbook.core.call_engine import choose, current_node, offered_replies, start_call
from workbook.core.debrief import debrief
from workbook.core.scenario import Rating
from workbook.store import practice_calls
from workbook.store.activity import record_activity

# What a forged end row claims: the best ending, full marks.
CLAIM = {"kind": "resolved", "ending": "x", "skills": {"empathy": 100}, "csat": 5, "fcr": True, "seconds": 1,
         "turns": 0}


class Clock:
    """A person's pace: every row two seconds (or more) after the one before, ending about now."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC) - timedelta(hours=2)

    def after(self, seconds: float = 2) -> datetime:
        self.now += timedelta(seconds=seconds)
        return self.now


def genuine_call(learner_id: str, scenario, clock: Clock) -> None:
    call = practice_calls.start_call(learner_id, scenario.id, now=clock.after())
    state = start_call(scenario)
    while (node := current_node(scenario, state)) is not None:
        offered = offered_replies(scenario, state)
        pick = next((i for i in offered if node.replies[i].rating == Rating.BEST), offered[0])
        practice_calls.record_reply(call, state.at, pick, now=clock.after())
        state = choose(scenario, state, pick)
    practice_calls.end_call(call, state.at, debrief(scenario, state), now=clock.after())


def doctored_call(learner_id: str, scenario, clock: Clock) -> None:
    """A call started in the app, then an end row claiming the best ending, with no reply to replay."""
    call = practice_calls.start_call(learner_id, scenario.id, now=clock.after())
    record_activity(learner_id, Verb.CALL_ENDED, f"call/{scenario.id}", attempt_id=call.id,
                    now=clock.after(60), payload=CLAIM)


def ended_only_call(learner_id: str, scenario, clock: Clock) -> None:
    """An end row claiming the best ending whose call has no start row (a row written by hand)."""
    record_activity(learner_id, Verb.CALL_ENDED, f"call/{scenario.id}", attempt_id="never-started",
                    now=clock.after(60), payload=CLAIM)
