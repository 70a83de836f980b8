"""The course content as the app sees it: modules, their sections, and what could not load."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct, field

from workbook.core.problems import Problem

if TYPE_CHECKING:
    from workbook.core.coach import CoachRules
    from workbook.core.course import Course
    from workbook.core.quiz import QuizFile
    from workbook.core.reading import ReadingRule
    from workbook.core.scenario import Scenario


class ModuleMeta(Struct, frozen=True, kw_only=True):
    """The fields of a module's `module.yaml` (the schema trainers write against is in `schemas.py`)."""

    id: str
    title: str
    summary: str
    order: int
    minutes: int
    skills: list[str]
    prerequisites: list[str] = field(default_factory=list)


class Section(Struct, frozen=True):
    """One Markdown file of a module; `id` is its file name without the `NN-` prefix."""

    id: str
    title: str
    path: Path
    markdown: str
    words: int  # as the reading rule counts them (reading.word_count), counted once at load
    phrases: tuple[str, ...] = ()  # the bullets of its :::say callouts (review cards), found at load


class Module(Struct, frozen=True):
    """A module that loaded cleanly, ready to read."""

    meta: ModuleMeta
    folder: Path
    sections: tuple[Section, ...]
    quiz: QuizFile | None = None
    quiz_problems: tuple[Problem, ...] = ()  # why the quiz is unavailable, if it is

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def words(self) -> int:
        return sum(section.words for section in self.sections)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def section_index(self, section_id: str) -> int | None:
        for index, section in enumerate(self.sections):
            if section.id == section_id:
                return index
        return None


class UnavailableModule(Struct, frozen=True):
    """A module folder that could not be used, with the problems that stop it."""

    folder: Path
    title: str
    problems: tuple[Problem, ...]
    id: str = ""  # its id as far as it can be read, so links to it do not break other files

    @property
    def reason(self) -> str:
        first = self.problems[0]
        more = len(self.problems) - 1
        tail = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        return f"{first.path.name}:{first.line}: {first.field}: {first.message}{tail}"


class Library(Struct):
    """Everything loaded from a content folder: usable modules and what was refused."""

    root: Path
    skills: dict[str, str] = field(default_factory=dict)
    modules: list[Module] = field(default_factory=list)
    unavailable: list[UnavailableModule] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    scenarios: list[Scenario] = field(default_factory=list)  # practice calls that passed validation
    course: Course | None = None  # what completion takes; None without a valid course file
    coach: CoachRules | None = None  # the typed-reply coach; None without a valid coach/rules.yaml
    # Valid content that would mislead a learner (`validate` prints these, the app loads it). Last, so
    # libraries cached or sent to the worker process before this field decode as they were written.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def reading_rule(self) -> ReadingRule:
        """When a section counts as read: the course's rule, or the defaults without a course."""
        from workbook.core.reading import ReadingRule

        return self.course.reading if self.course is not None else ReadingRule()

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def scenario(self, scenario_id: str) -> Scenario | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    def scenarios_for(self, module_id: str) -> list[Scenario]:
        """The practice calls that practise a module (a scenario lists its modules)."""
        return [s for s in self.scenarios if module_id in s.modules]

    def all_problems(self) -> list[Problem]:
        found = list(self.problems)
        for broken in self.unavailable:
            found.extend(broken.problems)
        return sorted(found)

    def skill_label(self, skill_id: str) -> str:
        return self.skills.get(skill_id, skill_id.replace("-", " ").capitalize())
