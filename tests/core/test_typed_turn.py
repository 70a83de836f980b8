"""Typed replies inside a practice call: the coach's verdict picks the scripted branch, its mood
change moves the caller, the call replays exactly from what was stored, and the validator's walk
covers every mood a typed reply can give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from workbook.core import schemas
from workbook.core.call_engine import (
    TYPED_MOOD_LIMIT,
    CallError,
    TypedReply,
    choose,
    replay,
    start_call,
)
from workbook.core.coach import CoachRules, coach_reply, load_rules
from workbook.core.debrief import debrief
from workbook.core.loader import load_library
from workbook.core.plain_data import as_data
from workbook.core.scenario import Rating, Scenario
from workbook.core.scenario_loader import walk_scenario
from workbook.core.typed_turn import rating_for, reply_for_rating, typed_turn
from workbook.paths import bundled_content_dir

ROOT = Path(__file__).resolve().parents[2]
GOOD = ("That sounds really stressful with Thursday so close, and I'm sorry it has sat there. "
        "Can I take the order number so I can check it now?")
ONE_THING = "Can I have the order number?"
BLAME = "You should have ordered earlier, it's the busy season. Please calm down."


@pytest.fixture(scope="module")
def rules() -> CoachRules:
    return load_rules(ROOT / "lessons" / "coach" / "rules.yaml")


@pytest.fixture(scope="module")
def delivery() -> Scenario:
    return load_library(bundled_content_dir()).scenario("delayed-holiday-delivery")


def small_call(typed: bool = True, ratings: tuple[str, ...] = ("best", "okay", "poor"),
               rules: list | None = None, start_mood: int = 50) -> Scenario:
    """A node `a` whose best, okay and poor replies go to `calm`, `mid` and `cross`."""
    targets = {"best": "calm", "okay": "mid", "poor": "cross"}
    replies = [{"text": f"A {r} reply.", "rating": r, "feedback": "Why.", "mood": {"best": 5, "okay": 0,
                "poor": -5}[r], "skills": {"empathy": {"best": 2, "okay": 1, "poor": -1}[r]},
                "next": targets[r]} for r in ratings]
    ending = {"kind": "resolved", "title": "End", "outcome": "Done."}
    data: dict[str, Any] = {
        "id": "small", "title": "Small", "summary": "A test call.", "modules": ["x"],
        "persona": {"name": "Pat", "situation": "Testing.", "context": "tests"},
        "start_mood": start_mood, "start": "a", "rules": rules or [],
        "nodes": {"a": {"caller": "Hello?", "typed": typed, "replies": replies}},
        "endings": {"calm": ending, "mid": ending, "cross": {**ending, "kind": "hung-up"}},
    }
    return schemas.validate(schemas.Scenario, data)


def test_the_coach_verdict_becomes_a_rating(rules):
    assert rating_for(coach_reply(GOOD, rules)) == Rating.BEST
    assert rating_for(coach_reply(ONE_THING, rules)) == Rating.OKAY
    assert rating_for(coach_reply(BLAME, rules)) == Rating.POOR
    # One thing to avoid outweighs everything done well: the caller hears the blame.
    assert rating_for(coach_reply(GOOD + " You should have ordered earlier.", rules)) == Rating.POOR


def test_a_good_typed_reply_takes_the_best_branch_with_the_coach_mood(delivery, rules):
    state = start_call(delivery)
    turn = typed_turn(delivery, state, GOOD, rules)
    assert turn.rating == Rating.BEST and delivery.nodes["opening"].replies[turn.reply_index].rating == "best"
    after = choose(delivery, state, turn.reply_index, turn.typed)
    assert after.at == "get-details"
    assert turn.typed.mood_change == turn.result.mood_change > 0
    assert after.mood == delivery.start_mood + turn.result.mood_change  # not the scripted +12
    assert after.choices[-1].typed == TypedReply(GOOD, turn.result.mood_change)


def test_a_blaming_typed_reply_takes_the_poor_branch_and_loses_mood(delivery, rules):
    state = start_call(delivery)
    turn = typed_turn(delivery, state, BLAME, rules)
    after = choose(delivery, state, turn.reply_index, turn.typed)
    assert turn.rating == Rating.POOR and after.at == "busy-season"
    assert after.mood == delivery.start_mood + turn.result.mood_change < delivery.start_mood


def test_the_mood_change_is_kept_within_the_typed_limit():
    call = small_call()
    state = start_call(call)
    assert choose(call, state, 0, TypedReply("wow", 500)).mood == 50 + TYPED_MOOD_LIMIT
    assert choose(call, state, 2, TypedReply("ugh", -500)).mood == 50 - TYPED_MOOD_LIMIT


def test_typed_words_are_refused_where_the_script_does_not_take_them():
    call = small_call(typed=False)
    with pytest.raises(CallError, match="does not take typed replies"):
        choose(call, start_call(call), 0, TypedReply("hello", 5))


def test_a_missing_rating_falls_back_to_the_nearest():
    call = small_call(ratings=("best", "poor"))
    state = start_call(call)
    assert reply_for_rating(call, state, Rating.OKAY) == 1  # okay -> poor: the harsher neighbour
    assert reply_for_rating(call, state, Rating.BEST) == 0


def test_a_typed_call_replays_and_debriefs_with_the_learners_words(delivery, rules):
    state = start_call(delivery)
    turn = typed_turn(delivery, state, ONE_THING, rules)
    state = choose(delivery, state, turn.reply_index, turn.typed)
    state = choose(delivery, state, 0)
    assert replay(delivery, [c.reply for c in state.choices], {0: turn.typed}) == state
    with pytest.raises(AssertionError):  # without the typed words the scripted mood differs
        assert replay(delivery, [c.reply for c in state.choices]) == state
    report = debrief(delivery, state)
    first = report.turns[0]
    assert first.typed == turn.typed and first.said == ONE_THING
    assert first.reply.rating == Rating.OKAY
    assert first.better is not None and first.better.rating == Rating.BEST
    assert report.turns[1].said == report.turns[1].reply.text


def test_the_walk_reaches_what_only_a_typed_reply_can_reach():
    """A branch on `mood >= 60` that no scripted reply reaches from 50 (+5 at best) is reachable by a
    typed reply the coach likes (+20), so the validator must not call it unreachable."""
    call = small_call(rules=[{"if": "mood >= 60", "goto": "mid"}])
    assert "mid" in walk_scenario(call).endings
    scripted = walk_scenario(call, typed=False)
    assert scripted.endings == {"calm", "mid", "cross"}  # okay still leads there by its own arm
    only_typed = small_call(ratings=("best", "poor"), rules=[{"if": "mood >= 60", "goto": "mid"}])
    assert "mid" in walk_scenario(only_typed).endings
    assert "mid" not in walk_scenario(only_typed, typed=False).endings


def test_a_term_the_caller_used_is_not_jargon_in_a_typed_reply(rules: CoachRules) -> None:
    """The coach hears the call so far: a caller who said "MRI" can be answered about the MRI."""
    call = small_call()
    data = as_data(call)
    data["nodes"]["a"]["caller"] = "Why have I been billed for my MRI?"
    call = schemas.validate(schemas.Scenario, data)
    turn = typed_turn(call, start_call(call), "I'm sorry the MRI was billed to you. Can I take your name?",
                      rules)
    assert not turn.result.verdict("avoid-jargon").present
    assert turn.rating == Rating.BEST
    assert coach_reply("I'm sorry the MRI was billed to you.", rules).verdict("avoid-jargon").present
