"""How an answer is scored, per question type. Every score is a fraction in [0, 1].

Responses are written in the question's own (file) order, never in the shuffled order the learner
saw, so the order of presentation cannot change a score.

- single choice, best response, true/false: 1 for the right option, else 0.
- multiple select: (right options picked - wrong options picked) / right options, never below 0.
  Picking every box therefore earns nothing extra; full marks need exactly the right set.
- ordering: the share of item pairs placed in the right relative order (1 for the exact order,
  0 for the reverse), so one item out of place costs little and a scrambled list a lot.
- matching: the share of left-hand items matched to their partner.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import assert_never

from workbook.core.quiz import (
    BestResponse,
    Matching,
    MultipleSelect,
    Ordering,
    Question,
    SingleChoice,
    TrueFalse,
)

Response = Sequence[int]
"""Choice types: the picked option indices. Ordering: item indices in the learner's order.
Matching: for each pair, the index of the right-hand item chosen (-1 for none)."""


def score(question: Question, response: Response | None) -> float:
    """The credit for `response` to `question`, from 0.0 to 1.0; no response scores 0."""
    if not response:
        return 0.0
    match question:
        case MultipleSelect():
            return _multiple_select(question, response)
        case Ordering():
            return _ordering(len(question.items), response)
        case Matching():
            return _matching(len(question.pairs), response)
        case SingleChoice() | BestResponse() | TrueFalse():
            picked = set(response)
            right = {i for i, option in enumerate(question.options) if option.correct}
            return 1.0 if picked == right else 0.0
        case _:
            assert_never(question)


def right_response(question: Question) -> list[int]:
    """The response that earns full marks, in the same shape as a learner's."""
    match question:
        case Ordering():
            return list(range(len(question.items)))
        case Matching():
            return list(range(len(question.pairs)))
        case SingleChoice() | MultipleSelect() | BestResponse() | TrueFalse():
            return [i for i, option in enumerate(question.options) if option.correct]
        case _:
            assert_never(question)


def _multiple_select(question: MultipleSelect, response: Response) -> float:
    picked = set(response)
    right = {i for i, option in enumerate(question.options) if option.correct}
    if not right:
        return 0.0
    earned = len(picked & right) - len(picked - right)
    return max(0.0, earned / len(right))


def _ordering(size: int, response: Response) -> float:
    if sorted(response) != list(range(size)):
        return 0.0  # not a permutation of the items: a damaged or partial answer
    position = {item: place for place, item in enumerate(response)}
    pairs = list(combinations(range(size), 2))
    in_order = sum(1 for a, b in pairs if position[a] < position[b])
    return in_order / len(pairs)


def _matching(size: int, response: Response) -> float:
    hits = sum(1 for left, chosen in enumerate(response[:size]) if chosen == left)
    return hits / size
