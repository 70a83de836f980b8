"""Every place that depends on a question's type handles every type, and a type it does not know
fails loudly instead of being treated as a choice question.

The samples below must cover the `Question` union: adding a seventh type fails the first test until
it has a sample, and then each function below fails until it has a case for it (`assert_never`).
"""

from __future__ import annotations

import random
from pathlib import Path
from types import SimpleNamespace
from typing import get_args

import pytest
from content_kit import UNKNOWN, every_question

from workbook.core.attempt import PresentedQuestion, _presentation_order, draw_attempt
from workbook.core.audit import answer, quiz_cues
from workbook.core.gift_parser import parse_gift
from workbook.core.gift_writer import write_gift
from workbook.core.quiz import Question, QuestionType, QuizFile, QuizSettings
from workbook.core.quiz_loader import check_quiz_rules
from workbook.core.quiz_review import review_question
from workbook.core.scoring import right_response, score
from workbook.core.yaml_lines import LocatedYaml
from workbook.reports.xapi_interactions import interaction_definition, interaction_response


def test_the_samples_cover_every_question_type():
    union = get_args(Question)
    assert {type(q) for q in every_question()} == set(union)
    assert {q.type for q in every_question()} == set(QuestionType)


def _through_every_place(question) -> None:
    """Each function that branches on the type, fed one question."""
    settings = QuizSettings()
    order = _presentation_order(question, settings, random.Random(1))
    response = right_response(question)
    assert score(question, response) == 1.0
    review = review_question(PresentedQuestion(question, order), response)
    assert review.verdict == "Right"
    assert interaction_definition(question)["interactionType"]
    assert interaction_response(question, tuple(response))
    quiz = _quiz_of(question)
    assert check_quiz_rules(quiz, Path("quiz.yaml"), LocatedYaml(None, {}), {}) == []
    assert write_gift(quiz)
    assert answer(PresentedQuestion(question, order), _in_order, random.Random(1)) is not None
    assert quiz_cues(SimpleNamespace(quiz=quiz)).true_false == (question.type == QuestionType.TRUE_FALSE)


def _quiz_of(question) -> QuizFile:
    """A quiz of one question, built without validation (so an unknown type gets through)."""
    return QuizFile(settings=QuizSettings(), questions=[question])


def _in_order(shown, _rng) -> list[int]:
    """A simulated test-taker (see core/audit.py) who takes everything in the order shown."""
    return list(range(len(shown)))


@pytest.mark.parametrize("question", every_question(), ids=lambda q: str(q.type))
def test_every_type_goes_through_every_place(question):
    _through_every_place(question)
    quiz = QuizFile(questions=[question])
    assert parse_gift(write_gift(quiz), Path("q.gift"), ["x"]).questions == [question]
    assert draw_attempt(quiz, "m", random.Random(2)).questions[0].question == question


@pytest.mark.parametrize("place", [
    lambda q: _presentation_order(q, QuizSettings(), random.Random(1)),
    lambda q: score(q, [0]),
    lambda q: right_response(q),
    lambda q: review_question(PresentedQuestion(q, (0,)), [0]),
    lambda q: interaction_definition(q),
    lambda q: interaction_response(q, (0,)),
    lambda q: check_quiz_rules(_quiz_of(q),
                               Path("quiz.yaml"), LocatedYaml(None, {}), {}),
    lambda q: write_gift(_quiz_of(q)),
    lambda q: answer(PresentedQuestion(q, (0,)), _in_order, random.Random(1)),
    lambda q: quiz_cues(SimpleNamespace(quiz=_quiz_of(q))),
], ids=["presentation order", "score", "right response", "review", "xAPI definition", "xAPI response",
        "quiz rules", "GIFT export", "audit test-taker", "audit cues"])
def test_an_unknown_type_fails_instead_of_passing_for_a_choice(place):
    with pytest.raises(AssertionError):
        place(UNKNOWN)
