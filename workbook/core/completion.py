"""Is a learner eligible for the course certificate? Each rule of the course file becomes a line of
a checklist the learner can act on ("Empathy quiz: best 70%, needs 80%").

Pure: it takes what the store knows about the learner as plain data.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from workbook.core.content import Library, Module, UnavailableModule
from workbook.core.course import Course
from workbook.core.progress import ReadingProgress
from workbook.core.scenario import EndingKind


@dataclass(frozen=True)
class CallOutcome:
    """One finished practice call: how it ended and its mean skill score."""

    kind: str | None
    skill_score: int

    @property
    def strong(self) -> bool:
        return self.kind is not None and EndingKind(self.kind).strong


@dataclass(frozen=True)
class LearnerRecord:
    """What the rules read: sections read per module, best quiz score, and every finished call."""

    reading: Mapping[str, ReadingProgress]
    quiz_best: Mapping[str, int]
    calls: Mapping[str, Sequence[CallOutcome]] = field(default_factory=dict)


@dataclass(frozen=True)
class Requirement:
    kind: str  # "reading", "quiz", "call", "calls"
    label: str  # what it is about
    met: bool
    detail: str  # what the learner has, and what is needed


@dataclass(frozen=True)
class Eligibility:
    requirements: tuple[Requirement, ...]

    @property
    def eligible(self) -> bool:
        return bool(self.requirements) and all(r.met for r in self.requirements)

    @property
    def missing(self) -> list[Requirement]:
        return [r for r in self.requirements if not r.met]

    def reasons(self) -> list[str]:
        """One line per unmet rule, as the CLI and the checklist show them."""
        return [f"{r.label}: {r.detail}" for r in self.missing]


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


def check_eligibility(course: Course, library: Library, learner: LearnerRecord) -> Eligibility:
    rules: list[Requirement] = []
    pass_mark = course.requires.quiz_pass_mark
    for module in required_modules(course, library):
        progress = learner.reading.get(module.id)
        read = progress.read if progress else 0
        total = len(module.sections)
        rules.append(Requirement("reading", f"{module.title}: lessons", read >= total,
                                 f"{read} of {total} sections read" + ("" if read >= total else
                                                                      f", {total - read} to go")))
        if module.quiz is not None:
            best = learner.quiz_best.get(module.id)
            if best is None:
                detail = f"not taken yet, needs {pass_mark}%"
            else:
                detail = f"best {best}%" + ("" if best >= pass_mark else f", needs {pass_mark}%")
            rules.append(Requirement("quiz", f"{module.title} quiz", best is not None and best >= pass_mark,
                                     detail))
    for broken in unavailable_required(course, library):
        rules.append(Requirement("reading", f"{broken.title}: lessons", False,
                                 "this module's content cannot be loaded; ask your trainer to fix it"))
    calls = course.requires.calls
    for scenario_id in calls.scenarios:
        scenario = library.scenario(scenario_id)
        title = scenario.title if scenario else scenario_id
        outcomes = learner.calls.get(scenario_id, [])
        good = any(o.strong for o in outcomes)
        detail = ("ended well" if good else
                  "not yet resolved or escalated appropriately" if outcomes else "not played yet")
        rules.append(Requirement("call", f"Practice call \u201c{title}\u201d", good, detail))
    if calls.at_least:
        qualifying = sum(1 for outcomes in learner.calls.values()
                         if any(o.strong and o.skill_score >= calls.min_skill_score for o in outcomes))
        bar = f" with a skill score of at least {calls.min_skill_score}%" if calls.min_skill_score else ""
        rules.append(Requirement("calls", "Practice calls", qualifying >= calls.at_least,
                                 f"{qualifying} of {calls.at_least} ended well{bar}"))
    return Eligibility(tuple(rules))
