"""What the learner sees after answering: each choice or item with whether it was right, whether
they picked it, and why. Plain data, so the feedback panel and the review render the same facts.
"""

from __future__ import annotations

from typing import assert_never

from msgspec import Struct

from workbook.core.attempt import PresentedQuestion
from workbook.core.quiz import BestResponse, Matching, MultipleSelect, Ordering, SingleChoice, TrueFalse
from workbook.core.scoring import Response, score


class ReviewLine(Struct, frozen=True):
    """One option, item or pair as the review shows it."""

    text: str
    right: bool  # right option / item in the right place / pair matched correctly
    picked: bool  # the learner chose it (choice types); always True for ordering and matching
    feedback: str  # why, or what the right answer was
    note: str = ""  # for ordering and matching, what `feedback` says as a fact: "in_place", "belongs_at"
    # (step `step`), "matched", "goes_with" (`partner`); the interface words it in its own language
    step: int = 0
    partner: str = ""
    no_pick: bool = False  # matching: nothing was matched to this item, so `text` ends in NO_PICK


NO_PICK = "(none)"  # the English words for an empty match; the interface says them in its own language


class QuestionReview(Struct, frozen=True):
    verdict: str  # "Right", "Partly right (60%)", "Not right", "Not answered"
    score: float
    lines: tuple[ReviewLine, ...]
    right_answer: str  # the right answer in words, for a reader who got it wrong
    explanation: str
    is_choice: bool  # options the learner picked or left (not items placed or pairs matched)
    answered: bool = True  # with `score`, what the interface words `verdict` from in its own language


def review_question(presented: PresentedQuestion, response: Response | None) -> QuestionReview:
    question = presented.question
    credit = score(question, response)
    match question:
        case Ordering():
            lines = _ordering_lines(question, response)
            right = " \u2192 ".join(question.items)
            is_choice = False
        case Matching():
            lines = _matching_lines(question, response)
            right = "; ".join(f"{pair.left} \u2192 {pair.right}" for pair in question.pairs)
            is_choice = False
        case SingleChoice() | MultipleSelect() | BestResponse() | TrueFalse():
            picked = set(response or ())
            lines = tuple(ReviewLine(question.options[i].text, question.options[i].correct, i in picked,
                                     question.options[i].feedback) for i in presented.order)
            right = join_answers([option.text for option in question.options if option.correct])
            is_choice = True
        case _:
            assert_never(question)
    return QuestionReview(_verdict(credit, response), credit, lines, right, question.explanation, is_choice,
                          bool(response))


def join_answers(texts: list[str]) -> str:
    """Several right options in one line: sentences (each ends in its own stop) follow one another; short
    phrases are separated by semicolons (never "guess.; Callers")."""
    if all(text.rstrip().endswith((".", "!", "?", "\u201d", '"')) for text in texts):
        return " ".join(text.strip() for text in texts)
    return "; ".join(text.strip().rstrip(".") for text in texts)


def _verdict(credit: float, response: Response | None) -> str:
    if not response:
        return "Not answered"
    if credit >= 1.0:
        return "Right"
    if credit > 0:
        return f"Partly right ({int(100 * credit + 1e-9)}%)"
    return "Not right"


def _ordering_lines(question: Ordering, response: Response | None) -> tuple[ReviewLine, ...]:
    order = list(response) if response else []
    lines = []
    for place, item in enumerate(order):
        in_place = item == place
        note = "In the right place." if in_place else f"Belongs at step {item + 1}."
        lines.append(ReviewLine(f"{place + 1}. {question.items[item]}", in_place, True, note,
                                "in_place" if in_place else "belongs_at", item + 1))
    return tuple(lines)


def _matching_lines(question: Matching, response: Response | None) -> tuple[ReviewLine, ...]:
    chosen = list(response or [])
    lines = []
    for left, pair in enumerate(question.pairs):
        pick = chosen[left] if left < len(chosen) else -1
        picked_text = question.pairs[pick].right if 0 <= pick < len(question.pairs) else NO_PICK
        ok = pick == left
        note = "Matched correctly." if ok else f"Goes with: {pair.right}."
        lines.append(ReviewLine(f"{pair.left} \u2192 {picked_text}", ok, True, note,
                                "matched" if ok else "goes_with", partner=pair.right,
                                no_pick=not 0 <= pick < len(question.pairs)))
    return tuple(lines)
