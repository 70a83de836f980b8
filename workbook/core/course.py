"""The course file (`lessons/course.yaml`): what completing the course takes, and who awards it.

Trainers edit it like any content file; `validate` checks it against the modules and practice
calls that exist. Plain frozen records (msgspec Structs), as the app keeps them; the schema is in
`schemas.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from msgspec import Struct, field

from workbook.core.problems import Problem
from workbook.core.reading import ReadingRule

COURSE_FILE = "course.yaml"

if TYPE_CHECKING:
    from workbook.core.content import Module


class CallRequirements(Struct, frozen=True, kw_only=True):
    """Every listed scenario ended well at least once, and `at_least` scenarios in all ended well
    with an average skill score of `min_skill_score` or more."""

    scenarios: list[str] = field(default_factory=list)
    at_least: int = 0
    min_skill_score: int = 0


class Requirements(Struct, frozen=True, kw_only=True):
    modules: Literal["all"] | list[str] = "all"  # every section read
    quiz_pass_mark: int = 80  # best score on each required module's quiz
    calls: CallRequirements = field(default_factory=CallRequirements)


class Course(Struct, frozen=True, kw_only=True):
    id: str
    title: str
    organisation: str = "Customer Care Academy"  # the default on certificates; a setting overrides it
    trainer: str = "Training team"
    requires: Requirements = field(default_factory=Requirements)
    reading: ReadingRule = field(default_factory=ReadingRule)  # when a section counts as read


def load_course(root: Path, module_ids: set[str], scenario_ids: set[str],
                ) -> tuple[Course | None, list[Problem]]:
    """(course, problems); (None, []) when the content has no course file."""
    path = root / COURSE_FILE
    if not path.is_file():
        return None, []
    from pydantic import ValidationError  # the schema and YAML: only to load

    from workbook.core import schemas
    from workbook.core.schema_problems import problems_from_error, read_mapping

    located, problems = read_mapping(path, "course")
    if located is None:
        return None, problems
    try:
        course = schemas.validate(schemas.Course, located.data)
    except ValidationError as error:
        return None, problems_from_error(error, path, located, schemas.Course, label="course")
    problems = []
    required = course.requires
    if isinstance(required.modules, list):
        for index, module_id in enumerate(required.modules):
            if module_id not in module_ids:
                problems.append(Problem(path, located.line_of(("requires", "modules", index)),
                                        "requires.modules", f"unknown module '{module_id}'"))
    for index, scenario_id in enumerate(required.calls.scenarios):
        if scenario_id not in scenario_ids:
            problems.append(Problem(path, located.line_of(("requires", "calls", "scenarios", index)),
                                    "requires.calls.scenarios", f"unknown practice call '{scenario_id}'"))
    if required.calls.at_least > len(scenario_ids):
        problems.append(Problem(path, located.line_of(("requires", "calls", "at_least")),
                                "requires.calls.at_least",
                                f"asks for {required.calls.at_least} calls but only "
                                f"{len(scenario_ids)} exist"))
    return (None if problems else course), problems


def pass_mark_warnings(course: Course, modules: Iterable[Module]) -> list[Problem]:
    """A quiz whose own pass mark differs from the course's: the result page says "passed" (or not)
    by the quiz's mark while the checklist and certificate go by the course's, so a learner between
    the two is told both. Not an error: both files are valid; one of them should change."""
    from workbook.core.quiz import QUIZ_FILE
    from workbook.core.yaml_lines import YamlError, load_yaml_file

    wanted = course.requires.quiz_pass_mark
    chosen = course.requires.modules
    warnings = []
    for module in modules:
        if module.quiz is None or (chosen != "all" and module.id not in chosen):
            continue
        own = module.quiz.settings.pass_mark
        if own == wanted:
            continue
        path = module.folder / QUIZ_FILE
        try:
            line = load_yaml_file(path).line_of(("settings", "pass_mark"))
        except (YamlError, OSError, UnicodeDecodeError):
            line = 1
        warnings.append(Problem(path, line, "settings.pass_mark",
                                f"{own}% here, but the course counts this quiz as passed at {wanted}% "
                                f"({COURSE_FILE} requires.quiz_pass_mark): a learner scoring between the two "
                                "is told one thing on the result page and another on the checklist; use "
                                "one mark in both files"))
    return warnings
