"""Is a learner eligible for the course certificate? Each rule of the course file becomes a line of
a checklist the learner can act on ("Empathy quiz: best 70%, needs 80%").

Pure: it takes what the store knows about the learner as plain data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from msgspec import Struct, field

from workbook.core.content import Library, Module, UnavailableModule
from workbook.core.course import Course
from workbook.core.progress import ReadingProgress
from workbook.core.scenario import EndingKind


def skill_score(skills: Mapping[str, float]) -> int:
    """A call's skill score as the certificate reads it: the mean of its skill percentages, rounded (0
    for a call that tested none)."""
    marks = [value for value in skills.values() if isinstance(value, int | float)]
    return round(sum(marks) / len(marks)) if marks else 0


class CallOutcome(Struct, frozen=True):
    """One finished practice call: how it ended and its mean skill score."""

    kind: str | None
    skill_score: int

    @property
    def strong(self) -> bool:
        return self.kind is not None and EndingKind(self.kind).strong

    def counts(self, min_skill_score: int) -> bool:
        """Handled well, the one definition every screen uses: it ended well (resolved, or handed over
        appropriately) with a skill score of at least the course's bar."""
        return self.strong and self.skill_score >= min_skill_score


def calls_handled_well(calls: Mapping[str, Sequence[CallOutcome]], min_skill_score: int) -> set[str]:
    """The scenarios with at least one call that counts toward the certificate."""
    return {scenario_id for scenario_id, outcomes in calls.items()
            if any(outcome.counts(min_skill_score) for outcome in outcomes)}


class LearnerRecord(Struct, frozen=True):
    """What the rules read: sections read per module, best quiz score, and every finished call.
    `doubts`: what was left out because its evidence did not hold up (`core.evidence`), as lines
    naming it, by "reading:<module id>", "quiz:<module id>" or "call:<scenario id>"; `not_counted`:
    how many sections, attempts or calls were left out, by the same keys (the lines are shortened).
    `quiz_percents`: the percent of each attempt that holds up, oldest first (for the home cards);
    `calls_not_counted`: the ids of the finished calls that do not hold up (for the calls page's rows)."""

    reading: Mapping[str, ReadingProgress]
    quiz_best: Mapping[str, int]
    calls: Mapping[str, Sequence[CallOutcome]] = field(default_factory=dict)
    doubts: Mapping[str, Sequence[str]] = field(default_factory=dict)
    not_counted: Mapping[str, int] = field(default_factory=dict)
    quiz_percents: Mapping[str, Sequence[int]] = field(default_factory=dict)
    calls_not_counted: frozenset[str] = field(default_factory=frozenset)


class Fact(StrEnum):
    """What a checklist line says, without words: the interface words it in its own language from
    the fact and the numbers of its Requirement, the CLI and reports keep `label` and `detail`."""

    READING = "reading"  # have of need sections read
    UNAVAILABLE = "unavailable"  # the module's files cannot be loaded
    QUIZ_NOT_TAKEN = "quiz_not_taken"  # need is the pass mark
    QUIZ_BEST = "quiz_best"  # have is the best score, need the pass mark
    QUIZ_UNAVAILABLE = "quiz_unavailable"  # the quiz file cannot be loaded and no pass is on record
    CALL_ENDED_WELL = "call_ended_well"
    CALL_NOT_RESOLVED = "call_not_resolved"
    CALL_NOT_PLAYED = "call_not_played"
    CALLS = "calls"  # have of need calls ended well, each scoring at least `bar` percent (0: any)


class Requirement(Struct, frozen=True):
    kind: str  # "reading", "quiz", "call", "calls"
    label: str  # what it is about (English, as the CLI and reports print it)
    met: bool
    detail: str  # what the learner has, and what is needed (English)
    fact: Fact | None = None
    subject: str = ""  # the module or scenario title the line is about
    have: int = 0
    need: int = 0
    bar: int = 0
    doubts: tuple[str, ...] = ()  # what did not hold up and so is not counted here (English lines)


class Eligibility(Struct, frozen=True):
    requirements: tuple[Requirement, ...]

    @property
    def eligible(self) -> bool:
        return bool(self.requirements) and all(r.met for r in self.requirements)

    @property
    def missing(self) -> list[Requirement]:
        return [r for r in self.requirements if not r.met]

    def reasons(self) -> list[str]:
        """One line per unmet rule, as the CLI and the checklist show them, each followed by what
        was not counted toward it because its evidence did not hold up."""
        lines: list[str] = []
        for requirement in self.missing:
            lines.append(f"{requirement.label}: {requirement.detail}")
            lines += [doubt for doubt in requirement.doubts if doubt not in lines]
        return lines


def required_modules(course: Course, library: Library) -> list[Module]:
    chosen = course.requires.modules
    if chosen == "all":
        return list(library.modules)
    return [m for m in library.modules if m.id in chosen]


def unavailable_required(course: Course, library: Library) -> list[UnavailableModule]:
    """Required modules whose files are broken: they stay unmet, never silently dropped, so a
    damaged module.yaml cannot make the course easier to complete."""
    chosen = course.requires.modules
    return [u for u in library.unavailable if chosen == "all" or u.id in chosen]


def _broken_quiz(module: Module, best: int | None, pass_mark: int) -> Requirement:
    """A quiz whose file cannot be loaded stays a requirement, never silently dropped (a damaged
    quiz.yaml must not make the course easier); a pass already on record still counts."""
    if best is not None and best >= pass_mark:
        return Requirement("quiz", f"{module.title} quiz", True, f"best {best}%", Fact.QUIZ_BEST,
                           module.title, best, pass_mark)
    return Requirement("quiz", f"{module.title} quiz", False,
                       "this quiz cannot be loaded; ask your trainer to fix it", Fact.QUIZ_UNAVAILABLE,
                       module.title, best or 0, pass_mark)


def check_eligibility(course: Course, library: Library, learner: LearnerRecord) -> Eligibility:
    rules: list[Requirement] = []
    doubts = learner.doubts
    pass_mark = course.requires.quiz_pass_mark
    for module in required_modules(course, library):
        progress = learner.reading.get(module.id)
        read = progress.read if progress else 0
        total = len(module.sections)
        rules.append(Requirement("reading", f"{module.title}: lessons", read >= total,
                                 f"{read} of {total} sections read" + ("" if read >= total else
                                                                      f", {total - read} to go"),
                                 Fact.READING, module.title, read, total,
                                 doubts=tuple(doubts.get(f"reading:{module.id}", ()))))
        if module.quiz is None and module.quiz_problems:
            rules.append(_broken_quiz(module, learner.quiz_best.get(module.id), pass_mark))
        if module.quiz is not None:
            best = learner.quiz_best.get(module.id)
            if best is None:
                detail = f"not taken yet, needs {pass_mark}%"
            else:
                detail = f"best {best}%" + ("" if best >= pass_mark else f", needs {pass_mark}%")
            rules.append(Requirement("quiz", f"{module.title} quiz", best is not None and best >= pass_mark,
                                     detail, Fact.QUIZ_NOT_TAKEN if best is None else Fact.QUIZ_BEST,
                                     module.title, best or 0, pass_mark,
                                     doubts=tuple(doubts.get(f"quiz:{module.id}", ()))))
    for broken in unavailable_required(course, library):
        rules.append(Requirement("reading", f"{broken.title}: lessons", False,
                                 "this module's content cannot be loaded; ask your trainer to fix it",
                                 Fact.UNAVAILABLE, broken.title))
    calls = course.requires.calls
    for scenario_id in calls.scenarios:
        scenario = library.scenario(scenario_id)
        title = scenario.title if scenario else scenario_id
        outcomes = learner.calls.get(scenario_id, [])
        good = any(o.strong for o in outcomes)
        detail = ("ended well" if good else
                  "not yet resolved or escalated appropriately" if outcomes else "not played yet")
        fact = (Fact.CALL_ENDED_WELL if good else
                Fact.CALL_NOT_RESOLVED if outcomes else Fact.CALL_NOT_PLAYED)
        rules.append(Requirement("call", f"Practice call \u201c{title}\u201d", good, detail, fact, title,
                                 doubts=tuple(doubts.get(f"call:{scenario_id}", ()))))
    if calls.at_least:
        qualifying = len(calls_handled_well(learner.calls, calls.min_skill_score))
        bar = f" with a skill score of at least {calls.min_skill_score}%" if calls.min_skill_score else ""
        rules.append(Requirement("calls", "Practice calls", qualifying >= calls.at_least,
                                 f"{qualifying} of {calls.at_least} ended well{bar}", Fact.CALLS, "",
                                 qualifying, calls.at_least, calls.min_skill_score,
                                 doubts=tuple(line for key, lines in doubts.items() if key.startswith("call:")
                                              for line in lines)))
    return Eligibility(tuple(rules))
