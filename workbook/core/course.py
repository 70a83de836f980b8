"""The course file (`lessons/course.yaml`): what completing the course takes, and who awards it.

Trainers edit it like any content file; `validate` checks it against the modules and practice
calls that exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from workbook.core.content import Slug
from workbook.core.problems import Problem
from workbook.core.reading import ReadingRule

COURSE_FILE = "course.yaml"
Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class CallRequirements(BaseModel):
    """Every listed scenario ended well at least once, and `at_least` scenarios in all ended well
    with an average skill score of `min_skill_score` or more."""

    # defer_build: the validator is built at the first validation, not at import; a start that takes
    # the content from the cache validates nothing and skips building any.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    scenarios: list[Slug] = Field(default_factory=list)
    at_least: int = Field(default=0, ge=0)
    min_skill_score: int = Field(default=0, ge=0, le=100)


class Requirements(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    modules: Literal["all"] | list[Slug] = "all"  # every section read
    quiz_pass_mark: int = Field(default=80, ge=1, le=100)  # best score on each required module's quiz
    calls: CallRequirements = Field(default_factory=CallRequirements)  # a factory: no model built at import


class Course(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: Slug
    title: Line
    organisation: Line = "Customer Care Academy"  # the default on certificates; a setting overrides it
    trainer: Line = "Training team"
    requires: Requirements = Field(default_factory=Requirements)
    reading: ReadingRule = Field(default_factory=ReadingRule)  # when a section counts as read


def load_course(root: Path, module_ids: set[str], scenario_ids: set[str],
                ) -> tuple[Course | None, list[Problem]]:
    """(course, problems); (None, []) when the content has no course file."""
    path = root / COURSE_FILE
    if not path.is_file():
        return None, []
    from workbook.core.schema_problems import problems_from_error, read_mapping  # YAML: only to load

    located, problems = read_mapping(path, "course")
    if located is None:
        return None, problems
    try:
        course = Course.model_validate(located.data)
    except ValidationError as error:
        return None, problems_from_error(error, path, located, Course, label="course")
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
