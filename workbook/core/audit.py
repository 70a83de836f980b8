"""Assessment audit: can the course be passed by test-wiseness instead of skill?

Two kinds of figures. Cues in the content itself: how often the key of a single-answer item is its
longest option, how true/false items are keyed, and in practice calls how often the best reply is
the longest and how often the choice does not change where the call goes. And simulated test-takers
who never read a word (always the longest, always the first shown, always the politest-sounding,
uniform random) answering every quiz through the real draw and scoring and playing every call
through the real engine, judged by the course's own completion rules.

Plain Python over a loaded Library, so `workbook audit`, the tests and the README figures all
come from the same code.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Sequence
from typing import assert_never

from msgspec import Struct, field

from workbook.core.attempt import PresentedQuestion, draw_attempt, grade
from workbook.core.call_engine import (
    CallState,
    choose,
    current_node,
    offered_replies,
    shown_replies,
    start_call,
)
from workbook.core.coach import CoachRules
from workbook.core.completion import CallOutcome, LearnerRecord, check_eligibility
from workbook.core.content import Library, Module
from workbook.core.debrief import debrief
from workbook.core.progress import ReadingProgress
from workbook.core.quiz import BestResponse, Matching, MultipleSelect, Ordering, SingleChoice, TrueFalse
from workbook.core.scenario import Rating, Reply, Scenario
from workbook.core.scoring import Response
from workbook.core.typed_turn import typed_turn

DEFAULT_SEEDS = 200
GOAL_MAX_ELIGIBLE = 0.01  # no strategy may meet the completion rules in more than 1% of seeds
GOAL_MARGIN = 25  # and each must average at least this many points below the quiz pass mark
MAX_TURNS = 200  # a script that loops for ever cannot hang the audit
# What a test-wise learner types where a call asks for their own words: stock phrases, no listening.
STOCK_TYPED_REPLY = ("I'm so sorry about this, I understand how frustrating it is. Can you tell me "
                     "what happened? I'll sort it out for you today.")
# Words that make a reply *sound* polite to someone who has not read the lessons.
POLITE_WORDS = re.compile(
    r"\b(sorry|apologi[sz]e\w*|apologies|please|thank\w*|understand\w*|appreciate\w*|happy to|glad to|"
    r"of course|certainly|absolutely|help\w*|kind\w*|sincerely|assure\w*|hear you|completely|totally|"
    r"let me|I'll|we'll|welcome|patience|respect\w*)\b",
    re.IGNORECASE)

Rank = Callable[[Sequence[str], random.Random], list[int]]
"""A test-taker: given option texts in the order shown, the shown positions, most preferred first."""
DisplayOrder = Callable[[Scenario, CallState, Sequence[int], random.Random], list[int]]
"""The order a call's offered replies are shown in (reply indices), as the call page would show them."""


def polite_score(text: str) -> int:
    """How many politeness keywords a text has (the naive test-taker's idea of a good reply)."""
    return len(POLITE_WORDS.findall(text))


class _ByScore:
    """A test-taker who prefers higher `score`s; on a multiple-select item they tick every option
    scoring above the options' mean (the long ones, the polite ones), or the top one."""

    def __init__(self, score: Callable[[str], float]) -> None:
        self.score = score

    def __call__(self, texts: Sequence[str], rng: random.Random) -> list[int]:
        # sorted() is stable: ties keep the order shown
        return sorted(range(len(texts)), key=lambda i: -self.score(texts[i]))

    def many(self, texts: Sequence[str], rng: random.Random) -> list[int]:
        scores = [self.score(t) for t in texts]
        mean = sum(scores) / len(scores)
        above = [i for i in self(texts, rng) if scores[i] > mean]
        return above or self(texts, rng)[:1]


_longest = _ByScore(len)


def _first_shown(texts: Sequence[str], rng: random.Random) -> list[int]:
    return list(range(len(texts)))


_politest = _ByScore(polite_score)


def _random(texts: Sequence[str], rng: random.Random) -> list[int]:
    order = list(range(len(texts)))
    rng.shuffle(order)
    return order


STRATEGIES: dict[str, Rank] = {
    "always the longest": _longest,
    "always the first shown": _first_shown,
    "always the politest-sounding": _politest,
    "uniform random": _random,
}


def seeded_shuffle(scenario: Scenario, state: CallState, offered: Sequence[int],
                   rng: random.Random) -> list[int]:
    """The default display order: exactly what the app shows, the engine's per-visit shuffle from
    the call's seed (`play_call` gives every simulated call a seed of its own)."""
    return shown_replies(scenario, state)


def script_order(scenario: Scenario, state: CallState, offered: Sequence[int],
                 rng: random.Random) -> list[int]:
    """The replies in the order the script lists them (how calls were shown before shuffling)."""
    return list(offered)


DISPLAY_ORDERS: dict[str, DisplayOrder] = {"shuffled": seeded_shuffle, "script": script_order}


# -- cues in the content ---------------------------------------------------------------------------

class QuizCues(Struct):
    """Item-writing cues in one module's quiz (or all of them)."""

    single_answer: int = 0  # single-choice and best-response items
    key_longest: int = 0  # ... whose right option is (one of) the longest
    true_false: int = 0
    keyed_true: int = 0

    @property
    def key_longest_share(self) -> float:
        return self.key_longest / self.single_answer if self.single_answer else 0.0

    @property
    def keyed_true_share(self) -> float:
        return self.keyed_true / self.true_false if self.true_false else 0.0

    def add(self, other: QuizCues) -> None:
        self.single_answer += other.single_answer
        self.key_longest += other.key_longest
        self.true_false += other.true_false
        self.keyed_true += other.keyed_true


class CallCues(Struct):
    """Cues in one practice call's decision points (or all of them)."""

    decisions: int = 0  # nodes where the agent picks a reply
    best_longest: int = 0  # ... where a best reply is the longest
    all_same_next: int = 0  # ... where every reply leads to the same place
    with_best_and_okay: int = 0  # nodes that have both a best and an okay reply
    best_okay_same_next: int = 0  # ... where a best and an okay reply lead to the same place

    @property
    def best_longest_share(self) -> float:
        return self.best_longest / self.decisions if self.decisions else 0.0

    @property
    def all_same_next_share(self) -> float:
        return self.all_same_next / self.decisions if self.decisions else 0.0

    @property
    def best_okay_same_next_share(self) -> float:
        return self.best_okay_same_next / self.with_best_and_okay if self.with_best_and_okay else 0.0

    def add(self, other: CallCues) -> None:
        self.decisions += other.decisions
        self.best_longest += other.best_longest
        self.all_same_next += other.all_same_next
        self.with_best_and_okay += other.with_best_and_okay
        self.best_okay_same_next += other.best_okay_same_next


def quiz_cues(module: Module) -> QuizCues:
    cues = QuizCues()
    if module.quiz is None:
        return cues
    for question in module.quiz.questions:
        match question:
            case TrueFalse():
                cues.true_false += 1
                cues.keyed_true += question.answer
            case SingleChoice() | BestResponse():
                lengths = [len(option.text) for option in question.options]
                keys = [len(option.text) for option in question.options if option.correct]
                cues.single_answer += 1
                cues.key_longest += bool(keys) and max(keys) == max(lengths)
            case MultipleSelect() | Ordering() | Matching():
                pass  # no single key whose length or position could give it away
            case _:
                assert_never(question)
    return cues


def _target(reply: Reply) -> tuple:
    """Where a reply leads: a node id, or its conditional branches as a whole."""
    if isinstance(reply.next, str):
        return (reply.next,)
    return tuple((branch.if_, branch.goto) for branch in reply.next)


def call_cues(scenario: Scenario) -> CallCues:
    cues = CallCues()
    for node in scenario.nodes.values():
        replies = node.replies
        cues.decisions += 1
        longest = max(len(r.text) for r in replies)
        cues.best_longest += any(r.rating == Rating.BEST and len(r.text) == longest for r in replies)
        cues.all_same_next += len({_target(r) for r in replies}) == 1
        best = {_target(r) for r in replies if r.rating == Rating.BEST}
        okay = {_target(r) for r in replies if r.rating == Rating.OKAY}
        if best and okay:
            cues.with_best_and_okay += 1
            cues.best_okay_same_next += bool(best & okay)
    return cues


# -- simulated test-takers -------------------------------------------------------------------------

def answer(presented: PresentedQuestion, rank: Rank, rng: random.Random) -> Response:
    """The response a test-taker gives to a question as shown, in the question's own indices."""
    question, order = presented.question, presented.order
    match question:
        case Ordering():
            shown = [question.items[i] for i in order]
            return [order[place] for place in rank(shown, rng)]
        case Matching():
            lefts = rank([pair.left for pair in question.pairs], rng)
            rights = rank([question.pairs[i].right for i in order], rng)
            response = [-1] * len(question.pairs)
            for left, right_place in zip(lefts, rights, strict=True):
                response[left] = order[right_place]
            return response
        case MultipleSelect():
            shown = [question.options[i].text for i in order]
            many = getattr(rank, "many", None)  # "the long ones", "the polite ones"; else the top half
            if many is not None:
                return [order[place] for place in many(shown, rng)]
            preferred = [order[place] for place in rank(shown, rng)]
            return preferred[:math.ceil(len(preferred) / 2)]
        case SingleChoice() | BestResponse() | TrueFalse():
            shown = [question.options[i].text for i in order]
            return [order[rank(shown, rng)[0]]]
        case _:
            assert_never(question)


def play_call(scenario: Scenario, rank: Rank, rng: random.Random, coach: CoachRules | None,
              display: DisplayOrder = seeded_shuffle, typed_text: str = STOCK_TYPED_REPLY) -> CallState:
    """A whole call played by a test-taker through the real engine; typed points get `typed_text`."""
    state = start_call(scenario, seed=rng.randrange(2**31))  # as the app seeds each new call
    for _turn in range(MAX_TURNS):
        node = current_node(scenario, state)
        if node is None:
            break
        if node.typed and coach is not None:
            turn = typed_turn(scenario, state, typed_text, coach)
            state = choose(scenario, state, turn.reply_index, turn.typed)
            continue
        shown = display(scenario, state, offered_replies(scenario, state), rng)
        picked = shown[rank([node.replies[i].text for i in shown], rng)[0]]
        state = choose(scenario, state, picked)
    return state


def mean_skill(skills: dict[str, int]) -> int:
    """A finished call's skill score as the completion rules read it (store/practice_calls.py)."""
    values = list(skills.values())
    return round(sum(values) / len(values)) if values else 0


class StrategyResult(Struct):
    """One test-taker over many seeds: how often the course would be completed, and the averages."""

    name: str
    seeds: int = 0
    eligible: int = 0  # seeds in which every completion rule was met (reading taken as done)
    quizzes_passed: int = 0  # seeds in which every required quiz was passed
    calls_met: int = 0  # seeds in which every practice-call rule was met
    quiz_scores: dict[str, list[int]] = field(default_factory=dict)  # module id -> percent per seed
    call_skills: dict[str, list[int]] = field(default_factory=dict)  # scenario id -> skill per seed
    call_strong: dict[str, int] = field(default_factory=dict)  # scenario id -> seeds ended well
    by_type: dict[str, list[float]] = field(default_factory=dict)  # question type -> score per answer

    @property
    def eligible_share(self) -> float:
        return self.eligible / self.seeds if self.seeds else 0.0

    @property
    def mean_quiz(self) -> float:
        scores = [s for per in self.quiz_scores.values() for s in per]
        return sum(scores) / len(scores) if scores else 0.0

    @property
    def mean_call_skill(self) -> float:
        skills = [s for per in self.call_skills.values() for s in per]
        return sum(skills) / len(skills) if skills else 0.0

    @property
    def strong_share(self) -> float:
        runs = sum(len(per) for per in self.call_skills.values())
        return sum(self.call_strong.values()) / runs if runs else 0.0

    def type_mean(self, question_type: str) -> float:
        """Mean percent on the questions of one type (where a cue shows most plainly)."""
        scores = self.by_type.get(question_type, [])
        return 100 * sum(scores) / len(scores) if scores else 0.0

    def module_mean(self, module_id: str) -> float:
        scores = self.quiz_scores.get(module_id, [])
        return sum(scores) / len(scores) if scores else 0.0


def simulate(library: Library, name: str, rank: Rank, seeds: int = DEFAULT_SEEDS,
             display: DisplayOrder = seeded_shuffle, typed_text: str = STOCK_TYPED_REPLY) -> StrategyResult:
    """Run one test-taker `seeds` times: every quiz once, every practice call once, then the course's
    completion rules with all reading counted as done (so only the assessments decide)."""
    result = StrategyResult(name)
    course = library.course
    reading = {m.id: ReadingProgress(m.id, len(m.sections), len(m.sections)) for m in library.modules}
    for seed in range(seeds):
        rng = random.Random(f"{name}:{seed}")
        quiz_best: dict[str, int] = {}
        for module in library.modules:
            if module.quiz is None:
                continue
            plan = draw_attempt(module.quiz, module.id, rng)
            responses = {p.id: answer(p, rank, rng) for p in plan.questions}
            graded = grade(plan, responses)
            quiz_best[module.id] = graded.percent
            for item in graded.results:
                result.by_type.setdefault(str(item.presented.question.type), []).append(item.score)
            result.quiz_scores.setdefault(module.id, []).append(quiz_best[module.id])
        calls: dict[str, list[CallOutcome]] = {}
        for scenario in library.scenarios:
            state = play_call(scenario, rank, rng, library.coach, display, typed_text)
            report = debrief(scenario, state)
            kind = report.ending.kind.value if report.ending else None
            outcome = CallOutcome(kind, mean_skill(report.skills))
            calls[scenario.id] = [outcome]
            result.call_skills.setdefault(scenario.id, []).append(outcome.skill_score)
            result.call_strong[scenario.id] = result.call_strong.get(scenario.id, 0) + outcome.strong
        result.seeds += 1
        if course is None:
            continue
        eligibility = check_eligibility(course, library, LearnerRecord(reading, quiz_best, calls))
        result.eligible += eligibility.eligible
        result.quizzes_passed += all(r.met for r in eligibility.requirements if r.kind == "quiz")
        result.calls_met += all(r.met for r in eligibility.requirements if r.kind in ("call", "calls"))
    return result


# -- the whole audit -------------------------------------------------------------------------------

class Audit(Struct):
    """Everything `workbook audit` prints."""

    pass_mark: int
    min_skill_score: int
    quiz: dict[str, QuizCues]  # module id -> cues
    calls: dict[str, CallCues]  # scenario id -> cues
    strategies: list[StrategyResult]
    titles: dict[str, str]  # module and scenario ids -> titles

    @property
    def quiz_total(self) -> QuizCues:
        total = QuizCues()
        for cues in self.quiz.values():
            total.add(cues)
        return total

    @property
    def calls_total(self) -> CallCues:
        total = CallCues()
        for cues in self.calls.values():
            total.add(cues)
        return total

    def failures(self) -> list[str]:
        """The goals this content misses, one sentence each (empty when the assessments hold)."""
        problems = []
        for s in self.strategies:
            if s.eligible_share > GOAL_MAX_ELIGIBLE:
                problems.append(f"'{s.name}' meets the completion rules in {s.eligible_share:.1%} of seeds "
                                f"(goal: at most {GOAL_MAX_ELIGIBLE:.0%})")
            calls_share = s.calls_met / s.seeds if s.seeds else 0.0
            if calls_share > GOAL_MAX_ELIGIBLE:  # calls must hold on their own, not only behind quizzes
                problems.append(f"'{s.name}' meets the practice-call rules in {calls_share:.1%} of seeds "
                                f"(goal: at most {GOAL_MAX_ELIGIBLE:.0%})")
            if s.mean_quiz > self.pass_mark - GOAL_MARGIN:
                problems.append(f"'{s.name}' averages {s.mean_quiz:.1f}% on the quizzes (goal: at most "
                                f"{self.pass_mark - GOAL_MARGIN}%, {GOAL_MARGIN} below the pass mark)")
        return problems


def run_audit(library: Library, seeds: int = DEFAULT_SEEDS, display: DisplayOrder = seeded_shuffle,
              strategies: dict[str, Rank] | None = None) -> Audit:
    """Cues per module and per call, and every strategy simulated over `seeds` seeds."""
    course = library.course
    titles = {m.id: m.title for m in library.modules} | {s.id: s.title for s in library.scenarios}
    return Audit(
        pass_mark=course.requires.quiz_pass_mark if course else 80,
        min_skill_score=course.requires.calls.min_skill_score if course else 0,
        quiz={m.id: quiz_cues(m) for m in library.modules if m.quiz is not None},
        calls={s.id: call_cues(s) for s in library.scenarios},
        strategies=[simulate(library, name, rank, seeds, display)
                    for name, rank in (strategies or STRATEGIES).items()],
        titles=titles,
    )
