"""How fast a learner answers, for the trainer: answers given faster than their text can be read.

Every quiz question and call turn has a reading floor: the seconds its words take at
FASTEST_WORDS_PER_MINUTE, a pace at which a reader can still take in what the words say (beyond it
is skimming). The words are what must be read to answer: a question's prompt, context, caller line,
options, items or pairs; a turn's caller line and every reply on offer. An answer is *too fast*
when it came sooner than its floor after the question or the caller's line appeared. An attempt (a
quiz attempt or a practice call) is *rushed* when at least RUSHED_SHARE of its timed answers, and
at least MIN_TIMED of them, were too fast: one quick answer to an easy question is no sign, a
habit is.

The floor is computed when the answer is saved and stored with it (the text the learner saw), so
answers saved before floors existed count in the medians but are never judged too fast.
"""

from __future__ import annotations

from collections.abc import Iterable

from msgspec import Struct

from workbook.core.quiz import BestResponse, Matching, Ordering, Question
from workbook.core.reading import word_count
from workbook.core.scenario import Node

FASTEST_WORDS_PER_MINUTE = 500
RUSHED_SHARE = 0.5
MIN_TIMED = 3


def floor_seconds(words: int) -> float:
    """The fewest seconds in which `words` words can be read and taken in."""
    return round(max(0, words) * 60 / FASTEST_WORDS_PER_MINUTE, 1)


def question_words(question: Question) -> int:
    texts = [question.prompt]
    if isinstance(question, BestResponse):
        texts += [question.context, question.caller_line]
    if isinstance(question, Ordering):
        texts += question.items
    elif isinstance(question, Matching):
        texts += [pair.left for pair in question.pairs] + [pair.right for pair in question.pairs]
    else:
        texts += [option.text for option in question.options]
    return sum(word_count(text) for text in texts)


def turn_words(node: Node) -> int:
    return word_count(node.caller) + sum(word_count(reply.text) for reply in node.replies)


def turn_floor(node: Node) -> float:
    """The reading floor of a call turn, stored with the reply chosen."""
    return floor_seconds(turn_words(node))


def is_rushed(timed: int, too_fast: int) -> bool:
    return timed >= MIN_TIMED and too_fast >= RUSHED_SHARE * timed


class Pace(Struct, frozen=True):
    """A learner's pace as the dashboard shows it: medians over every timed answer, and how many
    quiz attempts and calls were rushed."""

    seconds_per_question: float | None = None
    seconds_per_turn: float | None = None
    rushed_quizzes: int = 0
    rushed_calls: int = 0

    @property
    def rushed(self) -> int:
        return self.rushed_quizzes + self.rushed_calls


class AttemptPace(Struct, frozen=True):
    """One quiz attempt or call: its timed answers, how many came faster than reading allows."""

    attempt_id: str
    timed: int
    too_fast: int
    median_seconds: float | None

    @property
    def rushed(self) -> bool:
        return is_rushed(self.timed, self.too_fast)

    def note(self) -> str:
        """A line for the trainer's drill-down."""
        if not self.timed:
            return "Pace: not timed."
        median = f"median {self.median_seconds:.0f} s per answer" if self.median_seconds is not None else ""
        if self.rushed:
            return (f"\u26a0 Answered faster than reading allows: {self.too_fast} of {self.timed} answers "
                    f"came before their text could be read ({median}).")
        return f"Pace: {median}; {self.too_fast} of {self.timed} answers faster than reading allows."


def median(values: Iterable[float]) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
