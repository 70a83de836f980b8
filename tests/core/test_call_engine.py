"""The practice-call core: the condition language, the deterministic engine and the debrief, each on
small scripts built here so every number in an assertion can be checked by hand."""

from __future__ import annotations

from typing import Any

import pytest

from workbook.core import schemas
from workbook.core.call_engine import (
    CallError,
    CallState,
    choose,
    current_ending,
    current_node,
    mood_words,
    offered_replies,
    replay,
    start_call,
)
from workbook.core.conditions import ConditionError, parse_condition
from workbook.core.debrief import debrief
from workbook.core.scenario import EndingKind, Scenario

# --- helpers ----------------------------------------------------------------------------------------

ENDINGS = {
    "fixed": {"kind": "resolved", "title": "Fixed", "outcome": "Fixed on the call."},
    "follow-up": {"kind": "resolved-with-follow-up", "title": "Follow-up", "outcome": "A call is booked."},
    "escalated": {"kind": "escalated-appropriately", "title": "Escalated", "outcome": "Handed over."},
    "gone": {"kind": "hung-up", "title": "Hung up", "outcome": "The caller left."},
    "complaint": {"kind": "formal-complaint", "title": "Complaint", "outcome": "A complaint."},
}


def reply(next_: Any = "fixed", rating: str = "okay", **fields: Any) -> dict:
    """A reply dict with the required text and feedback filled in."""
    return {"text": f"A {rating} reply.", "rating": rating, "feedback": "Why.", "next": next_, **fields}


def node(*replies: dict, **fields: Any) -> dict:
    return {"caller": "A caller line.", "replies": list(replies), **fields}


def scenario(nodes: dict, start: str = "a", start_mood: int = 50, rules: list | None = None) -> Scenario:
    """A scenario from nodes; the endings of ENDINGS are always there."""
    return schemas.validate(schemas.Scenario, {
        "id": "test", "title": "Test", "summary": "A test call.", "modules": ["x"],
        "persona": {"name": "Pat", "situation": "Testing.", "context": "tests"},
        "start_mood": start_mood, "start": start, "rules": rules or [], "nodes": nodes, "endings": ENDINGS,
    })


# --- conditions -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "mood", "seconds", "flags", "expected"), [
    ("verified", 50, 0, {"verified"}, True),
    ("verified", 50, 0, set(), False),
    ("not verified", 50, 0, set(), True),
    ("not not verified", 50, 0, {"verified"}, True),
    ("a and b", 50, 0, {"a"}, False),
    ("a and b", 50, 0, {"a", "b"}, True),
    ("a or b", 50, 0, {"b"}, True),
    ("a or b", 50, 0, set(), False),
    ("a or b and c", 50, 0, {"a"}, True),  # `and` binds tighter than `or`
    ("a or b and c", 50, 0, {"b"}, False),
    ("(a or b) and c", 50, 0, {"a"}, False),
    ("(a or b) and c", 50, 0, {"a", "c"}, True),
    ("not a and b", 50, 0, {"b"}, True),  # `not` binds tightest
    ("not (a and b)", 50, 0, {"a", "b"}, False),
    ("mood < 20", 19, 0, set(), True),
    ("mood < 20", 20, 0, set(), False),
    ("mood <= 20", 20, 0, set(), True),
    ("mood > 20", 20, 0, set(), False),
    ("mood >= 20", 20, 0, set(), True),
    ("mood == 20", 20, 0, set(), True),
    ("mood != 20", 20, 0, set(), False),
    ("mood<20", 5, 0, set(), True),
    ("seconds >= 600", 50, 600, set(), True),
    ("seconds >= 600", 50, 599, set(), False),
    ("(mood >= 60 or apologised) and seconds < 600", 40, 100, {"apologised"}, True),
    ("(mood >= 60 or apologised) and seconds < 600", 70, 700, set(), False),
    ("asked-for-time and not cause-found", 50, 0, {"asked-for-time"}, True),
    ("  verified  ", 50, 0, {"verified"}, True),
])
def test_condition_evaluates(text, mood, seconds, flags, expected):
    assert parse_condition(text).holds(mood, seconds, frozenset(flags)) is expected


def test_condition_knows_the_flags_and_numbers_it_reads():
    """The validator relies on these to check flags are set and whether seconds matter."""
    parsed = parse_condition("(mood >= 60 or apologised) and not promised and seconds < 600")
    assert parsed.flags == {"apologised", "promised"}
    assert parsed.uses_seconds
    assert parse_condition("mood < 20").flags == frozenset()
    assert not parse_condition("mood < 20 or verified").uses_seconds


@pytest.mark.parametrize(("text", "message"), [
    ("mood <", "'mood <' ends too early"),
    ("mood < x", "'mood <' must be followed by a whole number"),
    ("mood verified", "'mood' must be compared, e.g. 'mood < 20'"),
    ("mood", "'mood' must be compared, e.g. 'mood < 20'"),
    ("(a", "missing ')' in '(a'"),
    ("(a b", "missing ')' in '(a b'"),
    ("a)", "unexpected ')' in 'a)'"),
    ("", "the condition is empty"),
    ("   ", "the condition is empty"),
    ("a && b", "cannot read '&& b' in 'a && b'"),
    ("mood < -5", "cannot read '-5' in 'mood < -5'"),
    ("mood = 5", "cannot read '= 5' in 'mood = 5'"),
    ("Verified", "cannot read 'Verified' in 'Verified'"),
    ("a b", "unexpected 'b' in 'a b'"),
    ("and", "unexpected 'and' in 'and'"),
    ("a and", "'a and' ends too early"),
    ("a or or b", "unexpected 'or' in 'a or or b'"),
    ("20 > mood", "unexpected '20' in '20 > mood'"),
    ("mood < 20 < 30", "unexpected '<' in 'mood < 20 < 30'"),
])
def test_bad_condition_is_refused_with_a_reason(text, message):
    with pytest.raises(ConditionError) as raised:
        parse_condition(text)
    assert str(raised.value) == message


# --- the engine -------------------------------------------------------------------------------------

def test_start_state():
    call = scenario({"a": node(reply(), reply(), seconds=12)}, start_mood=35)
    state = start_call(call)
    assert state == CallState(at="a", mood=35, flags=frozenset(), seconds=12, choices=())
    assert current_node(call, state) is call.nodes["a"]
    assert current_ending(call, state) is None
    assert not state.ended(call)


@pytest.mark.parametrize(("start_mood", "change", "expected"), [
    (95, 20, 100), (100, 60, 100), (5, -20, 0), (0, -60, 0), (50, -10, 40), (50, 0, 50),
])
def test_mood_is_clamped_to_0_100(start_mood, change, expected):
    call = scenario({"a": node(reply(mood=change), reply())}, start_mood=start_mood)
    state = choose(call, start_call(call), 0)
    assert state.mood == expected
    assert (state.choices[0].mood_before, state.choices[0].mood_after) == (start_mood, expected)


def test_clamped_mood_does_not_carry_the_overflow():
    """+40 from 90 stops at 100, so a following -20 gives 80, not 110 - 20."""
    call = scenario({"a": node(reply("b", mood=40), reply()), "b": node(reply(mood=-20), reply())},
                    start_mood=90)
    assert replay(call, [0, 0]).mood == 80


def test_flags_are_set_and_cleared():
    call = scenario({
        "a": node(reply("b", set=["verified", "apologised"]), reply()),
        "b": node(reply("c", clear=["apologised"], set=["promised"]), reply()),
        "c": node(reply(set=["x"], clear=["x"]), reply()),  # set and cleared at once: cleared
    })
    state = choose(call, start_call(call), 0)
    assert state.flags == {"verified", "apologised"}
    state = choose(call, state, 0)
    assert state.flags == {"verified", "promised"}
    state = choose(call, state, 0)
    assert state.flags == {"verified", "promised"}
    assert state.at == "fixed"


def test_seconds_add_the_replies_and_the_caller_lines():
    """Start: the first line's seconds; each reply adds its own and the next line's; an ending adds
    nothing more."""
    call = scenario({
        "a": node(reply("b", seconds=30), reply(), seconds=10),
        "b": node(reply("c"), reply(), seconds=7),  # reply default: 20 s
        "c": node(reply("fixed", seconds=240), reply()),  # node default: 15 s
    })
    state = start_call(call)
    assert state.seconds == 10
    state = choose(call, state, 0)
    assert state.seconds == 10 + 30 + 7
    state = choose(call, state, 0)
    assert state.seconds == 47 + 20 + 15
    state = choose(call, state, 0)
    assert state.seconds == 82 + 240
    assert [c.seconds_after for c in state.choices] == [47, 82, 322]


def test_when_hides_a_reply_until_it_holds():
    call = scenario({
        "a": node(reply("b", when="not verified", set=["verified"]), reply("b"),
                  reply("fixed", when="verified and mood >= 60")),
        "b": node(reply("a", mood=10), reply("a")),
    })
    state = start_call(call)
    assert offered_replies(call, state) == [0, 1]
    state = replay(call, [0, 0])  # verified, mood 60, back at a
    assert state.at == "a"
    assert offered_replies(call, state) == [1, 2]


def test_conditional_next_takes_the_first_branch_that_holds_else_the_default():
    branches = [{"if": "mood >= 70", "goto": "follow-up"}, {"if": "verified", "goto": "fixed"},
                {"goto": "complaint"}]
    call = scenario({"a": node(reply(branches, mood=25), reply(branches, set=["verified"]),
                               reply(branches))}, start_mood=50)
    assert choose(call, start_call(call), 0).at == "follow-up"  # mood 75
    assert choose(call, start_call(call), 1).at == "fixed"  # the flag just set counts
    assert choose(call, start_call(call), 2).at == "complaint"


def test_branch_can_read_seconds_including_this_reply():
    branches = [{"if": "seconds > 100", "goto": "complaint"}, {"goto": "fixed"}]
    call = scenario({"a": node(reply(branches, seconds=90), reply(branches, seconds=80), seconds=15)})
    assert choose(call, start_call(call), 0).at == "complaint"  # 15 + 90
    assert choose(call, start_call(call), 1).at == "fixed"  # 15 + 80


def test_global_rules_take_precedence_over_next():
    rules = [{"if": "mood < 20", "goto": "gone"}, {"if": "mood < 30", "goto": "complaint"},
             {"if": "rude", "goto": "escalated"}]
    call = scenario({"a": node(reply("fixed", mood=-35), reply("fixed", mood=-25),
                               reply([{"goto": "fixed"}], set=["rude"]), reply("b", mood=-5)),
                     "b": node(reply(), reply())}, start_mood=50, rules=rules)
    assert choose(call, start_call(call), 0).at == "gone"  # mood 15: the first rule that holds
    assert choose(call, start_call(call), 1).at == "complaint"  # mood 25
    assert choose(call, start_call(call), 2).at == "escalated"  # a flag rule beats the branches
    assert choose(call, start_call(call), 3).at == "b"  # no rule holds: next as written


def test_rule_to_a_node_adds_that_node_seconds():
    call = scenario({"a": node(reply("fixed", mood=-40), reply(), seconds=0),
                     "calm-down": node(reply(), reply(), seconds=9)},
                    rules=[{"if": "mood < 20", "goto": "calm-down"}])
    state = choose(call, start_call(call), 0)
    assert (state.at, state.seconds) == ("calm-down", 20 + 9)


def test_choosing_a_reply_not_on_offer_raises():
    call = scenario({"a": node(reply(), reply(when="verified"))})
    state = start_call(call)
    for index in (1, 2, -1):  # hidden by `when`, past the end, negative
        with pytest.raises(CallError, match="is not offered at 'a'"):
            choose(call, state, index)
    ended = choose(call, state, 0)
    with pytest.raises(CallError, match="already ended"):
        choose(call, ended, 0)
    assert offered_replies(call, ended) == []


def test_no_branch_applies_raises():
    """The validator refuses such a script; the engine still fails loudly rather than guessing."""
    call = scenario({"a": node(reply([{"if": "verified", "goto": "fixed"}]), reply())})
    with pytest.raises(CallError, match="no branch"):
        choose(call, start_call(call), 0)


def _branching_call() -> Scenario:
    return scenario({
        "a": node(reply("b", "best", mood=10, set=["verified"], seconds=30),
                  reply("b", "poor", mood=-30), seconds=5),
        "b": node(reply([{"if": "verified", "goto": "c"}, {"goto": "a"}], "best", mood=5),
                  reply("complaint", "poor", mood=-10), reply("c", "okay", when="mood < 30")),
        "c": node(reply("fixed", "best", mood=20, clear=["verified"]), reply("gone", "poor", mood=-40)),
    }, rules=[{"if": "mood < 5", "goto": "gone"}])


@pytest.mark.parametrize("replies", [[0, 0, 0], [1, 0, 0, 0, 0], [1, 2, 1], [0, 1], [1, 0, 0, 0, 1]])
def test_replay_equals_step_by_step(replies):
    call = _branching_call()
    state = start_call(call)
    for index in replies:
        state = choose(call, state, index)
    assert replay(call, replies) == state
    assert replay(call, tuple(replies)) == state
    assert [c.reply for c in state.choices] == replies
    assert replay(call, replies[:2]) == replay(call, replies[:2])  # same choices, same call


def test_replay_of_a_stale_record_raises():
    call = _branching_call()
    with pytest.raises(CallError):
        replay(call, [0, 2])  # reply 3 at b needs mood < 30; after reply 1 it is 60


def test_replay_refuses_a_reply_stored_at_another_node():
    """A script edit that moves a node: the stored reply still exists at the new node, so only the
    stored node names show the record no longer fits."""
    call = _branching_call()
    assert replay(call, [0, 0], nodes=["a", "b"]) == replay(call, [0, 0])
    with pytest.raises(CallError, match="stored turn at 'x'"):
        replay(call, [0, 0], nodes=["a", "x"])


@pytest.mark.parametrize(("mood", "words"), [(0, "Furious"), (19, "Furious"), (20, "Angry"), (39, "Angry"),
                                             (40, "Frustrated"), (60, "Calmer"), (79, "Calmer"),
                                             (80, "Reassured"), (100, "Reassured")])
def test_mood_words(mood, words):
    assert mood_words(mood) == words


# --- the debrief ------------------------------------------------------------------------------------

def test_skill_percent_is_earned_over_possible_on_the_path():
    """Empathy: earned 1 of 2 at a, 3 of 3 at b: 4 / 5 = 80 %. Listening: 0 of 2 at a, -1 of 0 at b:
    0 %. Boundaries is tested only at c, off this path, so it is not scored."""
    call = scenario({
        "a": node(reply("b", "best", skills={"empathy": 2, "listening": 2}),
                  reply("b", "okay", skills={"empathy": 1}), reply("c", "poor")),
        "b": node(reply("fixed", "best", skills={"empathy": 3}),
                  reply("fixed", "poor", skills={"listening": -1})),
        "c": node(reply(skills={"boundaries": 2}), reply()),
    })
    result = debrief(call, replay(call, [1, 0]))
    assert result.skills == {"empathy": 80, "listening": 0}
    assert list(result.skills) == sorted(result.skills)
    assert debrief(call, replay(call, [0, 0])).skills == {"empathy": 100, "listening": 100}
    assert debrief(call, replay(call, [0, 1])).skills == {"empathy": 40, "listening": 50}


def test_skill_points_of_hidden_replies_are_not_possible():
    """A reply hidden by `when` could not be chosen, so its points do not count against the learner."""
    call = scenario({"a": node(reply("fixed", "best", skills={"empathy": 4}, when="verified"),
                               reply("fixed", "okay", skills={"empathy": 2}),
                               reply("b", "okay", set=["verified"])),
                     "b": node(reply(), reply())})
    assert debrief(call, replay(call, [1])).skills == {"empathy": 100}


def test_every_percentage_says_which_points_and_turns_make_it():
    """A slip then a good reply nets 0%, and the debrief says so instead of a bare '0%'."""
    call = scenario({"a": node(reply("b", "best", skills={"de-escalation": 2}),
                               reply("b", "poor", skills={"de-escalation": -2})),
                     "b": node(reply("fixed", "best", skills={"de-escalation": 2}), reply("fixed", "okay"))})
    result = debrief(call, replay(call, [1, 0]))
    assert result.skills == {"de-escalation": 0}
    assert result.points["de-escalation"].explain() == "0 of 4 points (turn 1 -2, turn 2 +2)"


def test_negative_skill_score_is_clamped_to_zero():
    call = scenario({"a": node(reply("fixed", "best", skills={"empathy": 1}),
                               reply("fixed", "poor", skills={"empathy": -3}))})
    assert debrief(call, replay(call, [1])).skills == {"empathy": 0}


def _ending_call(kind: str, start_mood: int) -> Scenario:
    target = next(name for name, ending in ENDINGS.items() if ending["kind"] == kind)
    return scenario({"a": node(reply(target), reply())}, start_mood=start_mood)


@pytest.mark.parametrize(("kind", "mood", "csat"), [
    ("resolved", 0, 1), ("resolved", 19, 1), ("resolved", 20, 2), ("resolved", 39, 2),
    ("resolved", 40, 3), ("resolved", 59, 3), ("resolved", 60, 4), ("resolved", 79, 4),
    ("resolved", 80, 5), ("resolved", 100, 5),
    ("resolved-with-follow-up", 85, 5), ("escalated-appropriately", 45, 3),
    ("hung-up", 100, 1), ("hung-up", 50, 1), ("hung-up", 0, 1),
    ("formal-complaint", 100, 2), ("formal-complaint", 40, 2), ("formal-complaint", 10, 1),
])
def test_csat_comes_from_the_final_mood_and_the_ending(kind, mood, csat):
    call = _ending_call(kind, mood)
    result = debrief(call, replay(call, [0]))
    assert result.ending is not None and result.ending.kind == EndingKind(kind)
    assert result.csat == csat


@pytest.mark.parametrize(("kind", "fcr"), [
    ("resolved", True), ("resolved-with-follow-up", True), ("escalated-appropriately", False),
    ("hung-up", False), ("formal-complaint", False),
])
def test_fcr_only_for_resolved_endings(kind, fcr):
    call = _ending_call(kind, 90)
    assert debrief(call, replay(call, [0])).fcr is fcr


def test_unfinished_call_has_no_ending_and_no_fcr():
    call = scenario({"a": node(reply("b", mood=25), reply()), "b": node(reply(), reply())}, start_mood=50)
    result = debrief(call, replay(call, [0]))
    assert result.ending is None
    assert result.csat == 4  # mood 75
    assert not result.fcr
    assert len(result.turns) == 1
    assert debrief(call, start_call(call)).turns == ()


def test_better_line_only_when_a_non_best_reply_was_chosen():
    call = scenario({
        "a": node(reply("b", "okay"), reply("b", "best", mood=5)),
        "b": node(reply("c", "best"), reply("c", "poor")),
        "c": node(reply("fixed", "best", when="verified"), reply("fixed", "okay")),  # best hidden
    })
    result = debrief(call, replay(call, [0, 0, 1]))
    better = [turn.better for turn in result.turns]
    assert better == [call.nodes["a"].replies[1], None, None]
    assert [turn.reply.rating.value for turn in result.turns] == ["okay", "best", "okay"]
    assert result.best_choices == 1
    assert debrief(call, replay(call, [1, 1, 1])).turns[1].better == call.nodes["b"].replies[0]


def test_turns_record_the_call():
    call = scenario({"a": node(reply("b", mood=-10), reply(), caller="First line."),
                     "b": node(reply("fixed", mood=30), reply(), caller="Second line.")}, start_mood=40)
    turns = debrief(call, replay(call, [0, 0])).turns
    assert [(t.number, t.node, t.caller_line, t.mood_before, t.mood_after) for t in turns] == [
        (1, "a", "First line.", 40, 30), (2, "b", "Second line.", 30, 60)]
    assert turns[0].reply is call.nodes["a"].replies[0]


def test_handover_notes():
    call = scenario({"a": node(reply("b", handover="avoidable"), reply("b", handover="appropriate"),
                               reply("b")),
                     "b": node(reply("escalated", handover="appropriate"), reply())})
    notes = [turn.handover_note for turn in debrief(call, replay(call, [0, 0])).turns]
    assert notes == ["This handover was avoidable: the problem was within your reach.",
                     "Handing over was the right call here."]
    assert debrief(call, replay(call, [2, 1])).turns[0].handover_note is None


def test_handle_time_is_the_simulated_seconds():
    call = scenario({"a": node(reply("fixed", seconds=185), reply(), seconds=10)})
    result = debrief(call, replay(call, [0]))
    assert result.seconds == 195
    assert result.handle_time == "3:15"


def test_a_skill_only_ever_broken_shows_as_zero():
    """No reply on the path could show empathy, but the learner's reply broke it: 0%, not absent."""
    call = scenario({"a": node(reply(skills={"empathy": -2}), reply(skills={"empathy": 0}))})
    assert debrief(call, replay(call, [0])).skills == {"empathy": 0}
    assert "empathy" not in debrief(call, replay(call, [1])).skills


# --- shuffled replies -------------------------------------------------------------------------------

def _loop() -> Scenario:
    """Node `a` offers four replies; the first comes back to `a`, so `a` is visited again."""
    return scenario({"a": node(reply("a", "best"), reply("fixed", "okay"), reply("gone", "poor"),
                               reply("complaint", "poor"))})


def test_a_seed_shuffles_each_visit_and_the_same_seed_gives_the_same_order():
    from workbook.core.call_engine import reply_order, shown_replies

    call = _loop()
    assert shown_replies(call, start_call(call)) == [0, 1, 2, 3]  # no seed: script order
    firsts = {tuple(shown_replies(call, start_call(call, seed))) for seed in range(40)}
    assert len(firsts) > 10 and all(sorted(order) == [0, 1, 2, 3] for order in firsts)
    assert sum(order[0] == 0 for order in firsts) < len(firsts) / 2  # the best is not always first
    # per visit: the second visit of `a` in the same call is shuffled afresh, yet reproducibly
    visits = {seed: (reply_order(seed, "a", 1, [0, 1, 2, 3]), reply_order(seed, "a", 2, [0, 1, 2, 3]))
              for seed in range(20)}
    assert any(first != second for first, second in visits.values())
    state = choose(call, start_call(call, 7), 0)
    assert shown_replies(call, state) == reply_order(7, "a", 2, [0, 1, 2, 3])
    assert reply_order(7, "a", 2, [0, 1, 2, 3]) == reply_order(7, "a", 2, [0, 1, 2, 3])


def test_each_choice_keeps_the_order_shown_and_replay_with_the_seed_gives_it_back():
    from workbook.core.call_engine import shown_replies

    call = _loop()
    state = start_call(call, 12345)
    seen = []
    for _ in range(3):
        seen.append(tuple(shown_replies(call, state)))
        state = choose(call, state, 0)
    assert [c.shown for c in state.choices] == seen
    assert replay(call, [0, 0, 0], seed=12345) == state
    assert [c.shown for c in replay(call, [0, 0, 0]).choices] == [(0, 1, 2, 3)] * 3  # stored before seeds
    report = debrief(call, state)
    assert [tuple(call.nodes["a"].replies.index(r) for r in turn.shown) for turn in report.turns] == seen


def test_the_order_hides_replies_not_on_offer():
    from workbook.core.call_engine import shown_replies

    call = scenario({"a": node(reply("fixed", "best"), reply("gone", "poor", when="verified"),
                               reply("complaint", "poor"))})
    for seed in range(10):
        assert sorted(shown_replies(call, start_call(call, seed))) == [0, 2]
