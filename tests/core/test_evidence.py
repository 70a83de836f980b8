"""The replay checks of `core.evidence` on plain data: what holds up counts, what does not is named."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from msgspec.structs import replace

from workbook.core.attempt import draw_attempt
from workbook.core.call_engine import choose, current_node, offered_replies, start_call
from workbook.core.call_evidence import CallCheck, CallEvidence, StoredTurn, check_call
from workbook.core.debrief import debrief
from workbook.core.evidence import LearnerEvidence, verified_record
from workbook.core.quiz_evidence import QuizEvidence, quiz_doubt
from workbook.core.reading import word_count
from workbook.core.reading_evidence import SectionRead, check_reading
from workbook.core.scenario import Rating
from workbook.core.scoring import right_response
from workbook.core.standing import CallStanding, QuizStanding, call_standings, quiz_standings

T0 = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def played(scenario, pick_best: bool = True, seed: int | None = 11) -> tuple[CallEvidence, object]:
    """A call played through the engine, stored as the app stores it, with two seconds a reply."""
    state = start_call(scenario, seed)
    turns = []
    while (node := current_node(scenario, state)) is not None:
        offered = offered_replies(scenario, state)
        pick = next((i for i in offered if node.replies[i].rating == Rating.BEST), offered[0]) if pick_best \
            else offered[-1]
        turns.append(StoredTurn(state.at, pick))
        state = choose(scenario, state, pick)
    report = debrief(scenario, state)
    claimed = {"ending": state.at, "kind": str(report.ending.kind), "skills": report.skills}
    evidence = CallEvidence("c1", scenario.id, T0 + timedelta(seconds=2 * len(turns) + 1), claimed,
                            started_at=T0, seed=seed, prefix=0, turns=turns)
    return evidence, report


def quiz_module(library):
    return next(m for m in library.modules if m.quiz is not None)


def taken(module, answer=right_response, seconds_each: float = 3.0, percent: int = 100) -> QuizEvidence:
    plan = draw_attempt(module.quiz, module.id, random.Random(5))
    answers = {p.id: answer(p.question) for p in plan.questions}
    return QuizEvidence("a1", module.id, T0 + timedelta(seconds=seconds_each * len(answers)), percent,
                        plan.to_payload(), T0, answers)


def test_an_attempt_taken_through_the_engine_holds_up(library):
    assert quiz_doubt(taken(quiz_module(library)), quiz_module(library).quiz) is None


def test_a_claimed_score_the_answers_do_not_give_is_named(library, wrong_response):
    module = quiz_module(library)
    assert quiz_doubt(taken(module, wrong_response), module.quiz) == (
        "scores 0% from the answers stored, not the 100% claimed")
    assert quiz_doubt(taken(module, wrong_response, percent=0), module.quiz) is None


def test_an_attempt_without_a_start_or_answers_or_time_is_named(library):
    module = quiz_module(library)
    bare = QuizEvidence("a1", module.id, T0, 100)
    assert quiz_doubt(bare, module.quiz) == "has no answers to check"
    fast = taken(module, seconds_each=0.2)
    assert quiz_doubt(fast, module.quiz).endswith("under a second a question")
    short = taken(module)
    short.plan = dict(short.plan, questions=short.plan["questions"][:1])
    assert quiz_doubt(short, module.quiz).startswith("shows 1 of the ")
    doubled = taken(module)
    first = doubled.plan["questions"][0]
    doubled.plan = dict(doubled.plan, questions=[first] * len(doubled.plan["questions"]))
    assert quiz_doubt(doubled, module.quiz) == "has the same question stored more than once"


def test_an_attempt_of_an_earlier_quiz_version_is_scored_as_it_was_stored(library):
    """A question since removed from the quiz is scored by the copy the attempt stored."""
    module = quiz_module(library)
    attempt = taken(module)
    first = attempt.plan["questions"][0]
    renamed = dict(first, question=dict(first["question"], id="since-removed"))
    attempt.plan = dict(attempt.plan, questions=[renamed, *attempt.plan["questions"][1:]])
    attempt.answers["since-removed"] = attempt.answers.pop(first["question"]["id"])
    assert quiz_doubt(attempt, module.quiz) is None


def test_a_call_played_through_the_engine_holds_up_with_its_seed_or_without(library):
    scenario = library.scenarios[0]
    for seed in (11, None):  # calls stored before shuffling have no seed
        evidence, report = played(scenario, seed=seed)
        checked = check_call(evidence, scenario)
        assert checked.doubt is None and checked.outcome.kind == str(report.ending.kind)


def test_a_call_whose_replies_do_not_reach_the_claimed_ending_is_named(library):
    scenario = library.scenarios[0]
    evidence, _ = played(scenario, pick_best=False)
    better, _ = played(scenario)
    assert evidence.claimed["ending"] != better.claimed["ending"]
    evidence.claimed = better.claimed
    assert check_call(evidence, scenario) == CallCheck(
        None, "has replies stored that do not reach the ending claimed")
    off_script, _ = played(scenario)
    off_script.turns = [StoredTurn("no-such-node", 0), *off_script.turns[1:]]
    assert check_call(off_script, scenario).doubt == "has replies stored that do not follow the script"


def test_a_call_with_a_raised_skill_score_or_no_replies_or_no_time_is_named(library):
    scenario = library.scenarios[0]
    evidence, report = played(scenario)
    evidence.claimed = dict(evidence.claimed, skills={skill: 100 for skill in report.skills} | {"x": 100})
    assert "from its replies, not the 100% claimed" in (check_call(evidence, scenario).doubt or "")
    empty, _ = played(scenario)
    empty.turns = []
    assert check_call(empty, scenario).doubt == "has no replies to check"
    fast, _ = played(scenario)
    fast.ended_at = fast.started_at
    assert check_call(fast, scenario).doubt.endswith("under a second a reply")
    copied, _ = played(scenario)
    copied.ended_at = copied.started_at + timedelta(seconds=1)
    copied.prefix = len(copied.turns) - 1  # "replay from here" copies earlier turns at once
    assert check_call(copied, scenario).doubt is None


def test_reading_counts_at_the_rules_pace_and_not_all_in_one_second(library):
    rule = library.reading_rule
    reads, at = [], T0
    for module in library.modules[:2]:
        for section in module.sections:
            at += timedelta(seconds=rule.minimum_seconds(word_count(section.markdown)))
            reads.append(SectionRead(module.id, section.id, at, "pc"))
    paced = check_reading(library, rule, reads, T0)
    assert paced.too_fast == {} and all(paced.read[m.id] == {s.id for s in m.sections}
                                        for m in library.modules[:2])
    same_second = [SectionRead(r.module_id, r.section_id, T0, "pc") for r in reads]
    rushed = check_reading(library, rule, same_second, T0)
    assert sum(map(len, rushed.too_fast.values())) > len(reads) // 2


def test_the_record_names_what_did_not_hold_up(library):
    module = quiz_module(library)
    record = verified_record(library, LearnerEvidence(attempts=[QuizEvidence("a1", module.id, T0, 100)]))
    assert module.id not in record.quiz_best
    assert record.doubts[f"quiz:{module.id}"] == (
        f"{module.title} quiz: the attempt of Dec 4, 09:00 UTC has no answers to check",)


# The home cards' figures (`core.standing`) from the replayed record: the attempts and calls that hold
# up give the best, latest and pass; those that do not are counted, never shown as scores.

def test_quiz_figures_count_only_attempts_that_hold_up(library, wrong_response):
    module = quiz_module(library)
    genuine = taken(module)  # 100%, right answers
    later = replace(taken(module, wrong_response, percent=0), attempt_id="a2",
                    submitted_at=genuine.submitted_at + timedelta(minutes=5))  # an honest 0%
    doctored = replace(taken(module, wrong_response, percent=100), attempt_id="a3",
                       submitted_at=later.submitted_at + timedelta(minutes=5))  # claims 100%
    alone = quiz_module_after(library, module)
    forged = replace(taken(alone, wrong_response, percent=100), attempt_id="a4")
    record = verified_record(library, LearnerEvidence(attempts=[genuine, later, doctored, forged]))
    assert record.quiz_percents == {module.id: (100, 0)}
    assert record.not_counted == {f"quiz:{module.id}": 1, f"quiz:{alone.id}": 1}
    standings = quiz_standings(library, record)
    assert standings[module.id] == QuizStanding(best=100, latest=0, passed=True, counted=2, not_counted=1)
    assert standings[alone.id] == QuizStanding(best=None, latest=None, passed=False, counted=0, not_counted=1)
    assert standings[alone.id].submitted == 1
    assert set(standings) == {module.id, alone.id}  # a quiz never submitted has no figures


def test_call_figures_take_the_best_ending_of_the_calls_that_hold_up(library):
    scenario = library.scenarios[0]
    good, report = played(scenario)
    poor, _ = played(scenario, pick_best=False)
    poor = replace(poor, call_id="c2")
    forged = replace(good, call_id="c3", turns=[])  # claims the good ending with no reply to replay
    record = verified_record(library, LearnerEvidence(calls=[poor, good, forged]))
    assert record.not_counted == {f"call:{scenario.id}": 1}
    assert call_standings(library, record) == {
        scenario.id: CallStanding(str(report.ending.kind), counted=2, not_counted=1)}


def test_sections_read_too_fast_are_counted_per_module(library):
    module = library.modules[0]
    reads = [SectionRead(module.id, section.id, T0, "pc") for section in module.sections]
    record = verified_record(library, LearnerEvidence(reads=reads, profile_created=T0))
    left_out = record.not_counted[f"reading:{module.id}"]
    assert left_out == len(module.sections) - record.reading[module.id].read > 0


def quiz_module_after(library, module):
    return next(m for m in library.modules if m.quiz is not None and m.id != module.id)
