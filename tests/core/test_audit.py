"""The assessment audit: cue counts on small content built here, simulated test-takers through the
real draw, scoring, call engine and completion rules, the `audit` command, and the goal on the
shipped content."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from tests.content_kit import make_content, write_module
from workbook.cli import main
from workbook.core.attempt import PresentedQuestion
from workbook.core.audit import (
    GOAL_MARGIN,
    GOAL_MAX_ELIGIBLE,
    STRATEGIES,
    answer,
    call_cues,
    play_call,
    polite_score,
    quiz_cues,
    run_audit,
    script_order,
    seeded_shuffle,
    simulate,
)
from workbook.core.loader import load_library
from workbook.core.schemas import validate_question
from workbook.paths import bundled_content_dir

COURSE = """\
id: tiny-course
title: Tiny course
requires:
  modules: all
  quiz_pass_mark: 80
  calls:
    scenarios: [tiny-call]
    at_least: 1
    min_skill_score: 60
"""

# Every key is the longest option and the true/false item is keyed false: a test-wise learner's dream.
CUED_QUIZ = """\
settings:
  pass_mark: 80
questions:
  - id: q1
    type: single-choice
    skills: [listening]
    prompt: What do you do first?
    options:
      - {text: Hang up., feedback: No.}
      - {text: Listen to the whole story before you answer anything at all., correct: true, feedback: Yes.}
      - {text: Quote policy., feedback: No.}
    explanation: Listening comes first.
  - id: q2
    type: single-choice
    skills: [listening]
    prompt: What do you say next?
    options:
      - {text: Say what you heard back to the caller in your own words., correct: true, feedback: Yes.}
      - {text: Argue., feedback: No.}
      - {text: Sigh., feedback: No.}
    explanation: Reflect what you heard.
  - id: q3
    type: true-false
    skills: [listening]
    prompt: Interrupting saves time on every call.
    answer: false
    feedback_true: No.
    feedback_false: Yes.
    explanation: It costs time.
"""

# The key is never the longest, and the true/false item is keyed true.
FAIR_QUIZ = """\
settings:
  pass_mark: 80
questions:
  - id: q1
    type: single-choice
    skills: [listening]
    prompt: What do you do first?
    options:
      - {text: Read the caller the whole refund policy from the start., feedback: No.}
      - {text: Listen., correct: true, feedback: Yes.}
      - {text: Transfer the caller to a supervisor straight away., feedback: No.}
    explanation: Listening comes first.
  - id: q2
    type: single-choice
    skills: [listening]
    prompt: What do you say next?
    options:
      - {text: Explain at length why the system made the error., feedback: No.}
      - {text: Tell the caller how other callers felt about it., feedback: No.}
      - {text: Reflect it back., correct: true, feedback: Yes.}
    explanation: Reflect what you heard.
  - id: q4
    type: single-choice
    skills: [listening]
    prompt: The caller goes quiet. What now?
    options:
      - {text: Fill the silence with a summary of the terms of service., feedback: No.}
      - {text: Wait a moment., correct: true, feedback: Yes.}
      - {text: Ask whether they are still there and end the call if not., feedback: No.}
      - {text: Read out the next item in the script without a pause., feedback: No.}
    explanation: Silence gives them room.
  - id: q5
    type: single-choice
    skills: [listening]
    prompt: When do you take notes?
    options:
      - {text: After the call has ended and the next one has started., feedback: No.}
      - {text: Only when a supervisor asks to see the notes afterwards., feedback: No.}
      - {text: While listening., correct: true, feedback: Yes.}
      - {text: Never; the recording covers everything anyone needs later., feedback: No.}
    explanation: Notes while listening.
  - id: q3
    type: true-false
    skills: [listening]
    prompt: Listening first saves time on most calls.
    answer: true
    feedback_true: Yes.
    feedback_false: No.
    explanation: It does.
"""

_REPLY = """\
      - text: {text}
        rating: {rating}
        skills: {{listening: {points}}}
        mood: {mood}
        feedback: Because.
        next: {next}
"""


def _node(name: str, caller: str, replies: list[tuple[str, str, int, int, str]]) -> str:
    body = "".join(_REPLY.format(text=t, rating=r, points=p, mood=m, next=n) for t, r, p, m, n in replies)
    return f"  {name}:\n    caller: {caller}\n    replies:\n{body}"


def _scenario(fair: bool) -> str:
    """Cued: two decision points; best is first, longest, and best and okay go the same way.
    Fair: four decision points of four replies; best is short; okay and poor go somewhere worse, so
    luck gets through a call well under 1% of the time."""
    if fair:
        first = [("I hear you, and there is a great deal we could discuss about how billing works here.",
                  "okay", 0, 0, "detour"),
                 ("That is not my department, you will have to call the other number instead.",
                  "poor", -2, -20, "lost"),
                 ("What happened?", "best", 2, 20, "second"),
                 ("Please hold while I look at something else on my screen for a while.", "poor", -2, -20,
                  "lost")]
        second = [("Let me explain every step of our refund process so you know it inside and out.",
                   "okay", 0, 0, "lost"),
                  ("Sorry, policy is policy and there is nothing else I can do about it today.",
                   "poor", -2, -20, "lost"),
                  ("I'll refund it now.", "best", 2, 20, "third"),
                  ("You should have checked your basket before you pressed the pay button twice.", "poor",
                   -2, -20, "lost")]
        detour = [("I understand how you feel and I would like to go over it once again from the top.",
                   "okay", 0, 0, "lost"),
                  ("Fine.", "best", 1, 5, "second")]
        third = [("We could also look at every other charge on your account while we are here today.",
                  "okay", 0, 0, "lost"),
                 ("Do you want a confirmation email?", "best", 2, 5, "fourth"),
                 ("You will need to check your statement yourself next month to see it.", "poor", -2, -20,
                  "lost"),
                 ("I promise nothing like this will ever happen to you with us again, guaranteed.", "poor",
                  -2, -20, "lost")]
        fourth = [("I will also pass your feedback on to the team who handle refunds for review.",
                   "okay", 0, 0, "lost"),
                  ("Done. Anything else?", "best", 2, 5, "fixed"),
                  ("That is everything from our side, and any other questions go to the website.", "poor",
                   -2, -20, "lost"),
                  ("As I said before, it is refunded, so there is really nothing more to go over.", "poor",
                   -2, -20, "lost")]
    else:
        first = [("I can hear how worrying this is. Let me look into it and find out what happened.",
                  "best", 2, 20, "second"),
                 ("What's the account number?", "okay", 0, 0, "second"),
                 ("Not my department.", "poor", -2, -20, "detour")]
        second = [("I'm sorry about this. I'll refund the charge now and you'll see it within three days.",
                   "best", 2, 20, "fixed"),
                  ("It will be refunded.", "okay", 0, 0, "fixed"),
                  ("Policy is policy.", "poor", -2, -20, "lost")]
        detour = [("Let's get back to your bill and sort it out together.", "best", 1, 5, "second"),
                  ("Anyway.", "okay", 0, 0, "second")]
        third = fourth = []
    nodes = (_node("first", "I've been charged twice!", first) + _node("second", "So what now?", second)
             + _node("detour", "Can we get on with it?", detour))
    if third:
        nodes += _node("third", "Right. Anything else?", third) + _node("fourth", "Is that it?", fourth)
    return f"""\
id: tiny-call
title: A double charge
summary: A caller charged twice wants it put right.
modules: [x]
persona:
  name: Sam
  situation: Charged twice for one order.
  context: retail
start_mood: 40
start: first
rules:
  - if: mood < 10
    goto: lost
nodes:
{nodes}
endings:
  fixed:
    kind: resolved
    title: Refunded
    outcome: The refund is on its way.
  lost:
    kind: hung-up
    title: Hung up
    outcome: The caller gave up.
"""


def _content(tmp_path: Path, fair: bool) -> Path:
    root = make_content(tmp_path)
    module = write_module(root)
    (module / "quiz.yaml").write_text(FAIR_QUIZ if fair else CUED_QUIZ, encoding="utf-8")
    (root / "practice-calls").mkdir()
    (root / "practice-calls" / "01-tiny.yaml").write_text(_scenario(fair), encoding="utf-8")
    (root / "course.yaml").write_text(COURSE, encoding="utf-8")
    return root


@pytest.fixture
def cued(tmp_path):
    (tmp_path / "cued").mkdir()
    library = load_library(_content(tmp_path / "cued", fair=False))
    assert library.all_problems() == []
    return library


@pytest.fixture
def fair(tmp_path):
    (tmp_path / "fair").mkdir()
    library = load_library(_content(tmp_path / "fair", fair=True))
    assert library.all_problems() == []
    return library


def test_quiz_cues_count_longest_keys_and_true_false_keys(cued, fair):
    cues = quiz_cues(cued.modules[0])
    assert (cues.single_answer, cues.key_longest, cues.true_false, cues.keyed_true) == (2, 2, 1, 0)
    assert cues.key_longest_share == 1.0 and cues.keyed_true_share == 0.0
    cues = quiz_cues(fair.modules[0])
    assert (cues.single_answer, cues.key_longest, cues.true_false, cues.keyed_true) == (4, 0, 1, 1)


def test_call_cues_count_longest_best_and_branches_that_do_not_matter(cued, fair):
    cues = call_cues(cued.scenarios[0])
    assert cues.decisions == 3
    assert cues.best_longest == 3  # every node's best reply is its longest
    assert cues.all_same_next == 1  # 'detour' goes back to 'second' whatever is said
    assert (cues.with_best_and_okay, cues.best_okay_same_next) == (3, 3)
    cues = call_cues(fair.scenarios[0])
    assert (cues.decisions, cues.best_longest, cues.all_same_next) == (5, 0, 0)
    assert (cues.with_best_and_okay, cues.best_okay_same_next) == (5, 0)


def test_the_longest_strategy_completes_cued_content_and_the_audit_says_so(cued):
    result = simulate(cued, "always the longest", STRATEGIES["always the longest"], seeds=20)
    assert result.seeds == 20 and result.eligible == 20
    assert result.mean_quiz == 100.0 and result.strong_share == 1.0
    audit = run_audit(cued, seeds=20)
    failures = audit.failures()
    assert any("'always the longest' meets the completion rules in 100.0% of seeds" in f for f in failures)
    assert any("'always the longest' averages 100.0% on the quizzes" in f for f in failures)
    assert any("'always the longest' meets the practice-call rules in 100.0% of seeds" in f for f in failures)


def test_first_shown_wins_calls_in_script_order_but_not_when_shuffled(cued):
    first = STRATEGIES["always the first shown"]
    in_order = simulate(cued, "first", first, seeds=40, display=script_order)
    shuffled = simulate(cued, "first", first, seeds=40, display=seeded_shuffle)
    assert in_order.calls_met == 40 and in_order.mean_call_skill == 100.0
    assert shuffled.calls_met < 40 and shuffled.mean_call_skill < 100.0


def test_fair_content_defeats_every_strategy(fair):
    audit = run_audit(fair, seeds=40)
    for result in audit.strategies:
        assert result.eligible_share <= GOAL_MAX_ELIGIBLE, result.name
    longest = audit.strategies[0]
    assert longest.name == "always the longest" and longest.mean_quiz == 0.0 and longest.calls_met == 0


def test_simulation_is_repeatable_for_a_seed(cued):
    rank = STRATEGIES["uniform random"]
    first = simulate(cued, "random", rank, seeds=15)
    again = simulate(cued, "random", rank, seeds=15)
    assert first.quiz_scores == again.quiz_scores and first.call_skills == again.call_skills


def test_the_display_order_function_decides_what_first_shown_picks(cued):
    scenario = cued.scenarios[0]
    last_first = lambda scenario, state, offered, rng: list(reversed(offered))  # noqa: E731
    state = play_call(scenario, STRATEGIES["always the first shown"], random.Random(1), None, last_first)
    assert state.at == "lost"  # the poor reply is listed last, so shown first: the caller hangs up


def _presented(data: dict, order: tuple[int, ...]) -> PresentedQuestion:
    return PresentedQuestion(validate_question(data), order)


def test_answers_have_the_shape_each_question_type_needs():
    rng = random.Random(0)
    longest = STRATEGIES["always the longest"]
    options = [{"text": t, "correct": c, "feedback": "f"} for t, c in
               [("a", False), ("bbbb", True), ("cc", True), ("ddd", False)]]
    multi = _presented({"id": "m", "type": "multiple-select", "skills": ["s"], "prompt": "p",
                        "explanation": "e", "options": options}, (3, 2, 1, 0))
    assert answer(multi, longest, rng) == [1, 3]  # the longer half, in the file's own indices
    ordering = _presented({"id": "o", "type": "ordering", "skills": ["s"], "prompt": "p", "explanation": "e",
                           "items": ["one", "two", "three"]}, (2, 0, 1))
    assert answer(ordering, STRATEGIES["always the first shown"], rng) == [2, 0, 1]  # left as shown
    matching = _presented({"id": "g", "type": "matching", "skills": ["s"], "prompt": "p", "explanation": "e",
                           "pairs": [{"left": "L0", "right": "r"}, {"left": "L1", "right": "rrr"}]}, (1, 0))
    assert answer(matching, STRATEGIES["always the first shown"], rng) == [1, 0]  # the right shown beside it
    true_false = _presented({"id": "t", "type": "true-false", "skills": ["s"], "prompt": "p",
                             "explanation": "e", "answer": True, "feedback_true": "f",
                             "feedback_false": "f"}, (0, 1))
    assert answer(true_false, longest, rng) == [1]  # "False" is the longer word


def test_politeness_is_counted_by_keyword():
    assert polite_score("I'm so sorry, I completely understand. Let me help.") == 5
    assert polite_score("Policy is policy.") == 0


def test_audit_command_prints_a_report_and_json_and_fails_on_cued_content(tmp_path, capsys):
    (tmp_path / "cued").mkdir()
    root = _content(tmp_path / "cued", fair=False)
    assert main(["audit", str(root), "--seeds", "5"]) == 1  # problems found
    out = capsys.readouterr().out
    assert "always the politest-sounding" in out and "MISSED: 'always the longest'" in out
    assert "Module x" in out and "A double charge" in out
    assert main(["audit", str(root), "--seeds", "5", "--json", "--call-order", "script"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["quizzes"]["overall"]["key_longest_share"] == 1.0
    assert data["calls"]["overall"]["best_longest"] == 3
    assert [s["name"] for s in data["strategies"]] == list(STRATEGIES)
    first = next(s for s in data["strategies"] if s["name"] == "always the first shown")
    assert first["call_rules_met"] == 5  # script order: the best reply is listed first


def test_audit_command_passes_fair_content_and_refuses_an_empty_folder(tmp_path, capsys):
    (tmp_path / "fair").mkdir()
    assert main(["audit", str(_content(tmp_path / "fair", fair=True)), "--seeds", "20"]) == 0
    assert "Met." in capsys.readouterr().out
    (tmp_path / "empty").mkdir()
    assert main(["audit", str(tmp_path / "empty")]) == 3  # nothing to audit
    assert "no modules or practice calls to audit" in capsys.readouterr().err


def test_shipped_assessments_cannot_be_passed_by_test_wiseness():
    library = load_library(bundled_content_dir())
    audit = run_audit(library, seeds=200)
    assert audit.failures() == [], "\n".join(audit.failures())
    for result in audit.strategies:
        assert result.mean_quiz <= audit.pass_mark - GOAL_MARGIN
