"""Scoring per question type, attempt plans (draw, payload round trip) and attempt grades."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.core.attempt import (
    AttemptPlan,
    AttemptResult,
    PresentedQuestion,
    QuestionResult,
    draw_attempt,
    grade,
    seconds_left,
)
from workbook.core.quiz import (
    FeedbackTiming,
    Matching,
    Ordering,
    Question,
    QuestionType,
    QuizFile,
    QuizSettings,
    TrueFalse,
)
from workbook.core.schemas import validate_question
from workbook.core.scoring import right_response, score

FAST = settings(max_examples=200, deadline=None)
SKILLS = ("listening", "empathy", "composure", "de-escalation")


# --- building questions -------------------------------------------------------------------------

def _base(qid: str, kind: QuestionType, skills=("listening",)) -> dict:
    return {"id": qid, "type": str(kind), "skills": list(skills), "prompt": f"Prompt of {qid}",
            "explanation": f"Why {qid} is answered so."}


def _options(count: int, right: set[int] | frozenset[int]) -> list[dict]:
    return [{"text": f"Option {i}", "correct": i in right, "feedback": f"What option {i} does."}
            for i in range(count)]


def single_choice(qid: str = "sc", count: int = 4, right: int = 0, skills=("listening",)) -> Question:
    return validate_question(_base(qid, QuestionType.SINGLE_CHOICE, skills)
                                    | {"options": _options(count, {right})})


def best_response(qid: str = "br", count: int = 4, right: int = 0) -> Question:
    return validate_question(_base(qid, QuestionType.BEST_RESPONSE)
                                    | {"context": "A billing call.", "caller_line": "Fix it now.",
                                       "options": _options(count, {right})})


def multiple_select(qid: str = "ms", count: int = 4, right=(0, 1), skills=("listening",)) -> Question:
    return validate_question(_base(qid, QuestionType.MULTIPLE_SELECT, skills)
                                    | {"options": _options(count, set(right))})


def true_false(qid: str = "tf", answer: bool = True, skills=("listening",)) -> Question:
    return validate_question(_base(qid, QuestionType.TRUE_FALSE, skills)
                                    | {"answer": answer, "feedback_true": "Said true.",
                                       "feedback_false": "Said false."})


def ordering(qid: str = "or", count: int = 4, skills=("listening",)) -> Question:
    return validate_question(_base(qid, QuestionType.ORDERING, skills)
                                    | {"items": [f"Step {i}" for i in range(count)]})


def matching(qid: str = "ma", count: int = 4, skills=("listening",)) -> Question:
    return validate_question(_base(qid, QuestionType.MATCHING, skills)
                                    | {"pairs": [{"left": f"Left {i}", "right": f"Right {i}"}
                                                 for i in range(count)]})


def presented_size(question: Question) -> int:
    """How many things `order` arranges for this question."""
    if isinstance(question, Ordering):
        return len(question.items)
    if isinstance(question, Matching):
        return len(question.pairs)
    return len(question.options)


# --- hypothesis strategies ----------------------------------------------------------------------

slugs = st.lists(st.sampled_from(["a", "call", "x2", "9", "loop", "tone"]), min_size=1, max_size=3,
                 ).map("-".join)
texts = st.text(min_size=1, max_size=30).filter(lambda s: s.strip())  # any Unicode, for the JSON trip
feedbacks = st.sampled_from(["Calms the caller.", 'Sounds like "policy".', "Café: naïve ☎", "Line 1\nLine 2"])
weights = st.none() | st.floats(min_value=-100, max_value=100, allow_nan=False)


@st.composite
def options_with(draw, count: int, right: frozenset[int]) -> list[dict]:
    return [{"text": f"Option {i}", "correct": i in right, "feedback": draw(feedbacks),
             **({} if (w := draw(weights)) is None else {"weight": w})} for i in range(count)]


@st.composite
def questions(draw, kinds=tuple(QuestionType), qid: str | None = None) -> Question:
    """Any question that the schema and the quiz rules accept, of one of `kinds`."""
    kind = draw(st.sampled_from(kinds))
    data = {"id": qid or draw(slugs), "type": str(kind),
            "skills": draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=3, unique=True)),
            "prompt": draw(texts), "explanation": draw(feedbacks)}
    if draw(st.booleans()):
        data["category"] = draw(feedbacks)
    if kind in (QuestionType.SINGLE_CHOICE, QuestionType.BEST_RESPONSE):
        count = draw(st.integers(2, 8) if kind == QuestionType.SINGLE_CHOICE else st.integers(3, 5))
        data["options"] = draw(options_with(count, frozenset({draw(st.integers(0, count - 1))})))
        if kind == QuestionType.BEST_RESPONSE:
            data |= {"context": draw(feedbacks), "caller_line": draw(texts)}
    elif kind == QuestionType.MULTIPLE_SELECT:
        count = draw(st.integers(2, 10))
        right = draw(st.frozensets(st.integers(0, count - 1), min_size=1))
        data["options"] = draw(options_with(count, right))
    elif kind == QuestionType.TRUE_FALSE:
        data |= {"answer": draw(st.booleans()), "feedback_true": draw(feedbacks),
                 "feedback_false": draw(feedbacks)}
    elif kind == QuestionType.ORDERING:
        data["items"] = [f"Item {i}" for i in range(draw(st.integers(3, 10)))]
    else:
        data["pairs"] = [{"left": f"L{i}", "right": f"R{i}"} for i in range(draw(st.integers(2, 10)))]
    return validate_question(data)


def responses_for(question: Question) -> st.SearchStrategy[list[int]]:
    """Well-formed responses in file order, as the quiz page records them."""
    size = presented_size(question)
    if isinstance(question, Ordering):
        return st.permutations(range(size)).map(list)
    if isinstance(question, Matching):
        return st.lists(st.integers(-1, size - 1), min_size=size, max_size=size)
    return st.sets(st.integers(0, size - 1)).map(sorted)


quiz_settings = st.builds(
    QuizSettings,
    pass_mark=st.integers(1, 100),
    questions_per_attempt=st.none() | st.integers(1, 12),
    shuffle_questions=st.booleans(),
    shuffle_options=st.booleans(),
    feedback=st.sampled_from(FeedbackTiming),
    time_limit_minutes=st.none() | st.integers(1, 600),
)


@st.composite
def quizzes(draw) -> QuizFile:
    bank = draw(st.lists(questions(), min_size=1, max_size=6, unique_by=lambda q: q.id))
    return QuizFile(settings=draw(quiz_settings), questions=bank)


# --- per-type examples --------------------------------------------------------------------------

@pytest.mark.parametrize("build", [single_choice, best_response])
def test_one_right_option_scores_all_or_nothing(build):
    """Single choice and best response: 1 for the right option alone, 0 for anything else."""
    question = build(count=4, right=2)
    assert score(question, [2]) == 1.0
    assert score(question, [0]) == 0.0
    assert score(question, [2, 0]) == 0.0  # hedging with a second pick earns nothing
    assert score(question, []) == 0.0
    assert score(question, None) == 0.0
    assert right_response(question) == [2]


@pytest.mark.parametrize("answer", [True, False])
def test_true_false_is_two_fixed_options(answer):
    """True/false is option 0 'True' and option 1 'False'; only the one matching `answer` scores."""
    question = true_false(answer=answer)
    assert [o.text for o in question.options] == ["True", "False"]
    right = 0 if answer else 1
    assert score(question, [right]) == 1.0
    assert score(question, [1 - right]) == 0.0
    assert score(question, [0, 1]) == 0.0
    assert right_response(question) == [right]
    assert question.options[right].feedback == ("Said true." if answer else "Said false.")


@pytest.mark.parametrize(("picked", "expected"), [
    ([0, 1], 1.0),          # exactly the right set
    ([0], 0.5),             # half of the right options
    ([0, 1, 2], 0.5),       # both right, one wrong: (2 - 1) / 2
    ([0, 2], 0.0),          # one right, one wrong cancel out
    ([0, 1, 2, 3], 0.0),    # ticking every box earns nothing extra
    ([2], 0.0),             # (0 - 1) / 2 would be negative: never below 0
    ([2, 3], 0.0),          # (0 - 2) / 2 would be -1: never below 0
    ([], 0.0),
])
def test_multiple_select_partial_credit(picked, expected):
    """Multiple select: (right picked - wrong picked) / right options, never below 0."""
    assert score(multiple_select(count=4, right=(0, 1)), picked) == pytest.approx(expected)


def test_multiple_select_one_of_three_right():
    """With three right options each is worth a third."""
    question = multiple_select(count=5, right=(1, 2, 4))
    assert score(question, [1]) == pytest.approx(1 / 3)
    assert score(question, [1, 2]) == pytest.approx(2 / 3)
    assert score(question, [1, 2, 0]) == pytest.approx(1 / 3)
    assert score(question, [1, 2, 4]) == 1.0
    assert right_response(question) == [1, 2, 4]


@pytest.mark.parametrize(("arranged", "expected"), [
    ([0, 1, 2, 3], 1.0),        # the written order
    ([3, 2, 1, 0], 0.0),        # reversed: every pair wrong
    ([1, 0, 2, 3], 5 / 6),      # one neighbouring swap costs one pair of six
    ([0, 1, 3, 2], 5 / 6),
    ([3, 1, 2, 0], 1 / 6),      # first and last swapped: only (1, 2) stays in order
    ([1, 2, 3, 0], 3 / 6),      # the first item moved to the end
])
def test_ordering_is_share_of_pairs_in_order(arranged, expected):
    """Ordering: the share of item pairs whose relative order is right."""
    assert score(ordering(count=4), arranged) == pytest.approx(expected)


@pytest.mark.parametrize("count", range(3, 11))
def test_ordering_one_swap_and_reverse_for_every_length(count):
    """For any list length, one neighbouring swap loses exactly one pair and the reverse scores 0."""
    question = ordering(count=count)
    pairs = count * (count - 1) // 2
    swapped = list(range(count))
    swapped[0], swapped[1] = swapped[1], swapped[0]
    assert score(question, swapped) == pytest.approx((pairs - 1) / pairs)
    assert score(question, list(reversed(range(count)))) == 0.0
    assert score(question, list(range(count))) == 1.0


@pytest.mark.parametrize("damaged", [[0, 1, 2], [0, 1, 2, 3, 4], [0, 0, 1, 2], [0, 1, 2, 9], [-1, 0, 1, 2]])
def test_ordering_damaged_answer_scores_zero(damaged):
    """An arrangement that is not a permutation of the items scores 0, not partial credit."""
    assert score(ordering(count=4), damaged) == 0.0


@pytest.mark.parametrize(("chosen", "expected"), [
    ([0, 1, 2, 3], 1.0),
    ([1, 0, 2, 3], 0.5),          # two lefts swapped partners
    ([1, 2, 3, 0], 0.0),
    ([0, 0, 0, 0], 0.25),         # one right side picked for all: only its own left is right
    ([-1, -1, -1, -1], 0.0),      # nothing matched
    ([0, -1, 2, -1], 0.5),
    ([0, 1, 2], 0.75),            # the last left not answered
])
def test_matching_is_share_of_pairs_matched(chosen, expected):
    """Matching: the share of left-hand items given their own partner."""
    assert score(matching(count=4), chosen) == pytest.approx(expected)


def test_right_response_shapes():
    """right_response has the shape of a learner's response for every type."""
    assert right_response(ordering(count=5)) == [0, 1, 2, 3, 4]
    assert right_response(matching(count=3)) == [0, 1, 2]
    assert right_response(multiple_select(count=4, right=(3, 1))) == [1, 3]


# --- properties over generated questions --------------------------------------------------------

@FAST
@given(st.data())
def test_score_is_a_fraction_for_well_formed_responses(data):
    """Every type, every well-formed response: a score in [0, 1]."""
    question = data.draw(questions())
    response = data.draw(responses_for(question))
    assert 0.0 <= score(question, response) <= 1.0


@FAST
@given(question=questions(), response=st.lists(st.integers(-5, 15), max_size=14))
def test_score_is_a_fraction_for_damaged_responses(question, response):
    """Out-of-range, repeated or missing indices never raise and never leave [0, 1]."""
    assert 0.0 <= score(question, response) <= 1.0


@FAST
@given(question=questions())
def test_right_response_scores_one(question):
    """The right response earns full marks for every type."""
    assert score(question, right_response(question)) == 1.0


@FAST
@given(st.data())
def test_full_marks_only_for_the_right_response(data):
    """A well-formed response scores 1 exactly when it is the right response."""
    question = data.draw(questions())
    response = data.draw(responses_for(question))
    assert (score(question, response) == 1.0) == (response == right_response(question))


def to_displayed(question: Question, response: list[int], order: tuple[int, ...]) -> list[int]:
    """What the learner did, in positions of the list as it was displayed (`order[pos] = index`)."""
    position = {index: pos for pos, index in enumerate(order)}
    if isinstance(question, Ordering):
        return [position[item] for item in response]
    if isinstance(question, Matching):
        return [position[chosen] if chosen >= 0 else -1 for chosen in response]
    return sorted(position[index] for index in response)


def to_file_order(question: Question, displayed: list[int], order: tuple[int, ...]) -> list[int]:
    """Map displayed positions back through `order`, as the quiz page does before saving."""
    if isinstance(question, Ordering):
        return [order[pos] for pos in displayed]
    if isinstance(question, Matching):
        return [order[pos] if pos >= 0 else -1 for pos in displayed]
    return sorted(order[pos] for pos in displayed)


@FAST
@given(st.data())
def test_presentation_order_does_not_change_the_score(data):
    """The same answer shown under two different shuffles grades the same, once mapped back."""
    question = data.draw(questions())
    intended = data.draw(responses_for(question))
    size = presented_size(question)
    scores = []
    for _ in range(2):
        order = tuple(data.draw(st.permutations(range(size))))
        clicked = to_displayed(question, intended, order)
        saved = to_file_order(question, clicked, order)
        assert saved == intended
        plan = AttemptPlan("m", QuizSettings(), (PresentedQuestion(question, order),))
        result = grade(plan, {question.id: saved})
        scores.append(result.results[0].score)
    assert scores[0] == scores[1] == score(question, intended)


# --- grading an attempt -------------------------------------------------------------------------

def result_with(scores: list[float], pass_mark: int = 80, skills=None) -> AttemptResult:
    skills = skills or [("listening",)] * len(scores)
    return AttemptResult(tuple(
        QuestionResult(PresentedQuestion(single_choice(f"q{n}", skills=tags), (0, 1, 2, 3)), (0,), value)
        for n, (value, tags) in enumerate(zip(scores, skills, strict=True))), pass_mark)


def test_percent_rounds_down_so_79_9_is_not_a_pass():
    """79.9% shows as 79 and does not pass a mark of 80."""
    result = result_with([0.799])
    assert result.percent == 79
    assert not result.passed
    three = result_with([1.0, 0.999, 0.4])  # mean 79.97%
    assert three.percent == 79
    assert not three.passed


def test_percent_at_the_mark_passes():
    """Exactly the pass mark passes; float noise (0.58 * 100 = 57.999...) does not cost a point."""
    assert result_with([1, 1, 1, 1, 0]).percent == 80
    assert result_with([1, 1, 1, 1, 0]).passed
    assert result_with([0.58], pass_mark=58).percent == 58
    assert result_with([0.58], pass_mark=58).passed
    assert result_with([0.1, 0.2], pass_mark=15).percent == 15


def test_percent_of_partial_ordering_credit_rounds_down():
    """Two thirds of the pairs is 66%, never 67%."""
    question = ordering(count=3)
    plan = AttemptPlan("m", QuizSettings(pass_mark=67), (PresentedQuestion(question, (2, 1, 0)),))
    result = grade(plan, {question.id: [1, 0, 2]})
    assert result.percent == 66
    assert not result.passed


def test_empty_result_is_zero_and_fails():
    assert result_with([]).percent == 0
    assert not result_with([], pass_mark=1).passed


@FAST
@given(scores=st.lists(st.floats(0, 1), min_size=1, max_size=30), pass_mark=st.integers(1, 100))
def test_percent_is_floor_of_mean_and_passed_follows_it(scores, pass_mark):
    """percent is the mean rounded down (allowing float noise) and passed means percent >= mark."""
    result = result_with(scores, pass_mark)
    exact = 100 * sum(scores) / len(scores)
    assert 0 <= result.percent <= 100
    assert exact - 1 < result.percent <= exact + 1e-6
    assert result.passed == (result.percent >= pass_mark)


def test_by_skill_is_percent_over_tagged_questions():
    """A question counts for each of its skills; each skill's percent is rounded down."""
    result = result_with([1.0, 0.5, 0.0, 2 / 3], skills=[
        ("listening",), ("listening", "empathy"), ("composure",), ("empathy",)])
    assert result.by_skill() == {"composure": 0, "empathy": 58, "listening": 75}
    assert list(result.by_skill()) == ["composure", "empathy", "listening"]


def test_grade_scores_each_drawn_question_and_ignores_others():
    """Unanswered questions score 0; responses to questions not in the plan are ignored."""
    questions_ = (single_choice("a", right=1), multiple_select("b", right=(0, 1)), true_false("c"))
    plan = AttemptPlan("m", QuizSettings(pass_mark=50),
                       tuple(PresentedQuestion(q, tuple(range(presented_size(q))))
                             for q in questions_))
    result = grade(plan, {"a": [1], "b": [0], "not-drawn": [0]})
    assert [(r.presented.id, r.response, r.score, r.answered) for r in result.results] == [
        ("a", (1,), 1.0, True), ("b", (0,), 0.5, True), ("c", None, 0.0, False)]
    assert result.percent == 50
    assert result.passed
    assert result.pass_mark == 50


# --- drawing an attempt -------------------------------------------------------------------------

def bank(size: int = 12) -> list[Question]:
    builders = [single_choice, multiple_select, true_false, ordering, matching, best_response]
    return [builders[n % len(builders)](f"q{n}") for n in range(size)]


def quiz(size: int = 12, **settings_) -> QuizFile:
    return QuizFile(settings=QuizSettings(**settings_), questions=bank(size))


@pytest.mark.parametrize(("per_attempt", "expected"), [(None, 12), (5, 5), (12, 12), (1, 1), (40, 12)])
def test_draw_respects_questions_per_attempt(per_attempt, expected):
    """The attempt has questions_per_attempt distinct questions from the bank (all when unset)."""
    plan = draw_attempt(quiz(questions_per_attempt=per_attempt), "mod", random.Random(7))
    ids = [p.id for p in plan.questions]
    assert len(ids) == expected
    assert len(set(ids)) == expected
    assert set(ids) <= {q.id for q in bank()}
    assert plan.module_id == "mod"


def test_draw_is_deterministic_for_a_seed():
    """The same seed gives the same plan; different seeds give different question orders."""
    source = quiz(questions_per_attempt=6)
    assert draw_attempt(source, "m", random.Random(42)) == draw_attempt(source, "m", random.Random(42))
    orders = {tuple(p.id for p in draw_attempt(source, "m", random.Random(seed)).questions)
              for seed in range(20)}
    assert len(orders) > 10


def test_draw_without_shuffle_keeps_file_order():
    """shuffle_questions: false keeps the bank order (the first N); shuffle_options: false keeps
    option order, but ordering items and matching targets are still shuffled (never solved)."""
    plan = draw_attempt(quiz(questions_per_attempt=7, shuffle_questions=False, shuffle_options=False),
                        "m", random.Random(3))
    assert [p.id for p in plan.questions] == [f"q{n}" for n in range(7)]
    for presented in plan.questions:
        identity = tuple(range(presented_size(presented.question)))
        if isinstance(presented.question, Ordering | Matching):
            assert presented.order != identity
            assert sorted(presented.order) == list(identity)
        else:
            assert presented.order == identity


def test_draw_shuffles_options_when_asked():
    """With shuffle_options on, option order varies across seeds but stays a permutation."""
    source = QuizFile(settings=QuizSettings(), questions=[single_choice("a", count=6)])
    seen = {draw_attempt(source, "m", random.Random(seed)).questions[0].order for seed in range(30)}
    assert len(seen) > 1
    assert all(sorted(order) == list(range(6)) for order in seen)


@FAST
@given(source=quizzes(), seed=st.integers(0, 2**32 - 1))
def test_draw_properties(source, seed):
    """For any quiz and seed: the right count, a permutation per question, ordering and matching never solved,
    true/false always True then False, and the same seed gives the same plan."""
    plan = draw_attempt(source, "m", random.Random(seed))
    per_attempt = source.settings.questions_per_attempt
    assert len(plan.questions) == min(per_attempt or len(source.questions), len(source.questions))
    assert len({p.id for p in plan.questions}) == len(plan.questions)
    assert plan.settings == source.settings
    for presented in plan.questions:
        assert sorted(presented.order) == list(range(presented_size(presented.question)))
        if isinstance(presented.question, Ordering | Matching):  # never shown solved
            assert list(presented.order) != list(range(presented_size(presented.question)))
        if isinstance(presented.question, TrueFalse):
            assert presented.order == (0, 1)
    assert draw_attempt(source, "m", random.Random(seed)) == plan


@pytest.mark.parametrize("seed", range(50))
def test_three_item_ordering_is_never_shown_solved(seed):
    """Even the shortest ordering question (1 in 6 shuffles is solved) never starts solved."""
    source = QuizFile(settings=QuizSettings(), questions=[ordering(count=3), true_false()])
    for presented in draw_attempt(source, "m", random.Random(seed)).questions:
        if isinstance(presented.question, Ordering):
            assert presented.order != (0, 1, 2)
        else:
            assert presented.order == (0, 1)


# --- storing a plan -----------------------------------------------------------------------------

@FAST
@given(source=quizzes(), seed=st.integers(0, 2**32 - 1))
def test_plan_payload_round_trips_through_json(source, seed):
    """to_payload -> json.dumps -> json.loads -> from_payload gives back an equal plan."""
    plan = draw_attempt(source, "mod-1", random.Random(seed))
    payload = plan.to_payload()
    stored = json.loads(json.dumps(payload))
    assert stored == payload  # plain JSON types only
    restored = AttemptPlan.from_payload(stored)
    assert restored == plan
    assert restored.to_payload() == payload
    for presented in plan.questions:
        assert restored.question(presented.id) == presented


def test_plan_question_lookup():
    plan = draw_attempt(quiz(4), "m", random.Random(1))
    assert plan.question("q2").question == bank(4)[2]
    assert plan.question("missing") is None


def test_bundled_quiz_plan_round_trips(library):
    """A plan drawn from a real bundled quiz survives the JSON round trip too."""
    module = next((m for m in library.modules if m.quiz is not None), None)
    if module is None:
        pytest.skip("no bundled quiz yet")
    plan = draw_attempt(module.quiz, module.id, random.Random(0))
    assert AttemptPlan.from_payload(json.loads(json.dumps(plan.to_payload()))) == plan


# --- time limit ---------------------------------------------------------------------------------

START = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)


def test_seconds_left_none_without_limit():
    assert seconds_left(QuizSettings(), START, START + timedelta(hours=5)) is None


@pytest.mark.parametrize(("elapsed", "expected"), [
    (timedelta(0), 900.0),
    (timedelta(seconds=60), 840.0),
    (timedelta(minutes=14, seconds=59.5), 0.5),
    (timedelta(minutes=15), 0.0),
    (timedelta(hours=3), 0.0),  # long past the limit: never below 0
])
def test_seconds_left_counts_down_to_zero(elapsed, expected):
    settings_ = QuizSettings(time_limit_minutes=15)
    assert seconds_left(settings_, START, START + elapsed) == pytest.approx(expected)
