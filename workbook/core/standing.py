"""Where a learner stands on each quiz and practice call, as the home page's cards show it: read from
the same record the checklist reads (`core.evidence`: attempts regraded from their stored answers,
calls replayed from their seeds), never from the scores the activity rows claim, so a card cannot
say "passed" where the checklist says "not passed". What did not hold up is counted, for the card
to say so.

Pure: it takes the record the home page has made already (no second replay).
"""

from __future__ import annotations

from msgspec import Struct

from workbook.core.completion import LearnerRecord
from workbook.core.content import Library, Module
from workbook.core.scenario import ENDING_RANK

DEFAULT_PASS_MARK = 80  # a quiz that cannot be loaded, in content without a course file


class QuizStanding(Struct, frozen=True):
    """A module's quiz on its card. `best` and `latest` are None while no attempt holds up."""

    best: int | None
    latest: int | None
    passed: bool  # an attempt that holds up reached the pass mark
    counted: int  # attempts that hold up
    not_counted: int  # submitted attempts that do not

    @property
    def submitted(self) -> int:
        return self.counted + self.not_counted


class CallStanding(Struct, frozen=True):
    """A scenario's calls on its card: the best ending among the calls that hold up."""

    best_kind: str | None
    counted: int
    not_counted: int


def pass_mark(library: Library, module: Module) -> int:
    """The quiz's own pass mark (its card says it); for a quiz that cannot be loaded, the course's."""
    if module.quiz is not None:
        return module.quiz.settings.pass_mark
    return library.course.requires.quiz_pass_mark if library.course is not None else DEFAULT_PASS_MARK


def quiz_standings(library: Library, record: LearnerRecord) -> dict[str, QuizStanding]:
    """Per module with at least one submitted attempt (counted or not)."""
    standings = {}
    for module in library.modules:
        percents = record.quiz_percents.get(module.id, ())
        left_out = record.not_counted.get(f"quiz:{module.id}", 0)
        if not percents and not left_out:
            continue
        best = max(percents) if percents else None
        standings[module.id] = QuizStanding(best, percents[-1] if percents else None,
                                            best is not None and best >= pass_mark(library, module),
                                            len(percents), left_out)
    return standings


def call_standings(library: Library, record: LearnerRecord) -> dict[str, CallStanding]:
    """Per scenario with at least one ended call (counted or not)."""
    standings = {}
    for scenario in library.scenarios:
        outcomes = record.calls.get(scenario.id, ())
        left_out = record.not_counted.get(f"call:{scenario.id}", 0)
        if not outcomes and not left_out:
            continue
        kinds = [outcome.kind for outcome in outcomes]
        best = max(kinds, key=lambda k: ENDING_RANK.get(k or "", -1)) if kinds else None
        standings[scenario.id] = CallStanding(best, len(outcomes), left_out)
    return standings
