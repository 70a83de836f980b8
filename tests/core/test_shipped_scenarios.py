"""The practice calls shipped in `lessons/practice-calls/`: every random call through them ends well
formed within the reply limit, and each script meets the content rules of AUTHORING.md."""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import given, note, settings
from hypothesis import strategies as st

from workbook.core.call_engine import (
    MOOD_MAX,
    MOOD_MIN,
    TYPED_MOOD_LIMIT,
    TypedReply,
    choose,
    offered_replies,
    replay,
    start_call,
)
from workbook.core.debrief import debrief
from workbook.core.loader import load_library
from workbook.core.scenario import CALL_SKILLS, SCENARIO_FOLDER, VERIFIED_FLAG, EndingKind, Rating, Scenario
from workbook.core.scenario_loader import MAX_DECISIONS, Walk, walk_scenario
from workbook.paths import bundled_content_dir

MIN_SCENARIOS = 10
MIN_NODES = 12
MIN_ENDINGS = 3
MIN_DECISIONS = 3


@cache
def shipped() -> dict[str, Scenario]:
    """The bundled scenarios that load (a file being written may not yet; another test says so)."""
    return {s.id: s for s in load_library(bundled_content_dir()).scenarios}


@cache
def walk_of(scenario_id: str, typed: bool = True) -> Walk:
    return walk_scenario(shipped()[scenario_id], typed)


SHIPPED_IDS = sorted(shipped())


def test_every_practice_call_file_loads():
    """Each YAML file in practice-calls/ gives a scenario, with no problem reported against it."""
    library = load_library(bundled_content_dir())
    files = sorted((bundled_content_dir() / SCENARIO_FOLDER).glob("*.yaml"))
    problems = [p.format() for p in library.problems if p.path.parent.name == SCENARIO_FOLDER]
    assert problems == []
    assert len(library.scenarios) == len(files)


def test_at_least_ten_practice_calls_are_shipped():
    assert len(shipped()) >= MIN_SCENARIOS, sorted(shipped())


@pytest.mark.parametrize("scenario_id", SHIPPED_IDS)
def test_shipped_call_meets_the_content_rules(scenario_id):
    """12+ nodes, 3+ endings all reachable, every node reachable, 3+ decisions on every scripted
    path, and a strong and a failing ending within reach; replies tag only the call skills."""
    scenario, walk = shipped()[scenario_id], walk_of(scenario_id)
    assert len(scenario.nodes) >= MIN_NODES
    assert len(scenario.endings) >= MIN_ENDINGS
    assert walk.endings == set(scenario.endings)
    assert walk.nodes == set(scenario.nodes)
    assert walk_of(scenario_id, typed=False).fewest_decisions >= MIN_DECISIONS
    assert walk.most_decisions <= MAX_DECISIONS
    reached = {scenario.endings[e].kind for e in walk.endings}
    assert any(kind.strong for kind in reached)
    assert any(not kind.strong for kind in reached)
    assert not (walk.loops or walk.too_long or walk.dead_ends or walk.broken)
    tagged = {skill for node in scenario.nodes.values() for reply in node.replies for skill in reply.skills}
    assert tagged <= set(CALL_SKILLS)


@pytest.mark.parametrize("scenario_id", SHIPPED_IDS)
@settings(max_examples=150, deadline=None)
@given(rng=st.randoms(use_true_random=False))
def test_random_calls_end_within_the_limit(scenario_id, rng):
    """A learner picking any reply on offer (or typing one where the script lets them), at random,
    always reaches an ending within MAX_DECISIONS replies; the mood stays within 0..100, time only
    moves on, and the debrief reads the call."""
    scenario = shipped()[scenario_id]
    state = start_call(scenario)
    while not state.ended(scenario) and len(state.choices) < MAX_DECISIONS:
        offered = offered_replies(scenario, state)
        assert offered, f"no reply on offer at '{state.at}'"
        before = state
        typed = None
        if scenario.nodes[state.at].typed and rng.random() < 0.5:
            typed = TypedReply("own words", rng.randint(-TYPED_MOOD_LIMIT - 5, TYPED_MOOD_LIMIT + 5))
        state = choose(scenario, state, rng.choice(offered), typed)
        note(f"{before.at} -> reply {state.choices[-1].reply + 1} {typed} -> {state.at} (mood {state.mood})")
        assert MOOD_MIN <= state.mood <= MOOD_MAX
        assert state.seconds >= before.seconds
    assert state.ended(scenario), f"still at '{state.at}' after {MAX_DECISIONS} replies"

    walk = walk_of(scenario_id)
    assert walk.fewest_decisions <= len(state.choices) <= walk.most_decisions
    typed_turns = {turn: c.typed for turn, c in enumerate(state.choices) if c.typed is not None}
    assert replay(scenario, [c.reply for c in state.choices], typed_turns) == state

    result = debrief(scenario, state)
    ending = scenario.endings[state.at]
    assert result.ending == ending
    assert 1 <= result.csat <= 5
    if ending.kind == EndingKind.HUNG_UP:
        assert result.csat == 1
    assert result.fcr is (ending.kind in (EndingKind.RESOLVED, EndingKind.RESOLVED_WITH_FOLLOW_UP))
    assert all(0 <= percent <= 100 for percent in result.skills.values())
    assert len(result.turns) == len(state.choices)
    for turn in result.turns:
        if turn.reply.rating == Rating.BEST:
            assert turn.better is None
        else:
            assert turn.better is None or turn.better.rating == Rating.BEST
    assert result.seconds == state.seconds


VERIFYING_IDS = [sid for sid in SHIPPED_IDS
                 if any(node.verification for node in shipped()[sid].nodes.values())]


@pytest.mark.parametrize("scenario_id", VERIFYING_IDS)
def test_a_script_that_marks_a_verification_step_holds_the_identity_standard(scenario_id):
    """Where a script marks where the agent verifies: some reply completes it (sets `verified`), no best
    or okay reply discloses account details on any path before it, and a learner who always picks the
    best reply passes the verification step before the first reply that discloses anything."""
    scenario = shipped()[scenario_id]
    assert any(VERIFIED_FLAG in reply.set for node in scenario.nodes.values() for reply in node.replies)
    assert walk_of(scenario_id).unverified_disclosures == set()
    state, passed_check = start_call(scenario), False
    while not state.ended(scenario):
        node = scenario.nodes[state.at]
        passed_check = passed_check or node.verification
        pick = next(i for i in offered_replies(scenario, state) if node.replies[i].rating == Rating.BEST)
        if node.replies[pick].discloses:
            assert passed_check and VERIFIED_FLAG in state.flags, f"'{state.at}' discloses before verifying"
        state = choose(scenario, state, pick)


def test_every_shipped_call_about_an_account_marks_its_verification_step():
    """Every shipped caller asks about their own account, so every script must mark where the agent
    verifies and which replies disclose: the standard is then checked on every path above."""
    assert sorted(VERIFYING_IDS) == sorted(SHIPPED_IDS)
    for scenario_id in SHIPPED_IDS:
        replies = [r for node in shipped()[scenario_id].nodes.values() for r in node.replies]
        assert any(reply.discloses for reply in replies), scenario_id
