"""Read a module's `quiz.yaml` and check the rules a schema cannot express, each as `path:line`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import assert_never

from pydantic import ValidationError

from workbook.core import schemas
from workbook.core.problems import Problem
from workbook.core.quiz import (
    QUIZ_FILE,
    BestResponse,
    Matching,
    MultipleSelect,
    Ordering,
    QuestionType,
    QuizFile,
    SingleChoice,
    TrueFalse,
)
from workbook.core.schema_problems import problems_from_error, read_mapping
from workbook.core.yaml_lines import LocatedYaml


def load_quiz(folder: Path, skills: Mapping[str, str]) -> tuple[QuizFile | None, list[Problem]]:
    """(quiz, problems) for the module in `folder`; (None, []) when it has no quiz file.
    A quiz with any problem is not returned: a half-checked quiz must not score anyone."""
    path = folder / QUIZ_FILE
    if not path.is_file():
        return None, []
    located, problems = read_mapping(path, "quiz", "expected 'settings:' and 'questions:'")
    if located is None:
        return None, problems
    try:
        quiz = schemas.validate(schemas.QuizFile, located.data)
    except ValidationError as error:
        return None, problems_from_error(error, path, located, schemas.QuizFile,
                                         tags=[str(t) for t in QuestionType], label="quiz")
    problems = check_quiz_rules(quiz, path, located, skills)
    return (None if problems else quiz), problems


def check_quiz_rules(quiz: QuizFile, path: Path, located: LocatedYaml,
                     skills: Mapping[str, str]) -> list[Problem]:
    problems: list[Problem] = []

    def report(where: tuple, field: str, message: str) -> None:
        problems.append(Problem(path, located.line_of(where), field, message))

    seen: dict[str, int] = {}
    for index, question in enumerate(quiz.questions):
        at = ("questions", index)
        if question.id in seen:
            report(at + ("id",), f"questions.{index}.id",
                   f"duplicate question id '{question.id}' (first used by question {seen[question.id] + 1})")
        seen.setdefault(question.id, index)
        for n, skill in enumerate(question.skills):
            if skills and skill not in skills:
                report(at + ("skills", n), f"questions.{index}.skills", f"unknown skill '{skill}'")
        match question:
            case MultipleSelect():
                right = sum(option.correct for option in question.options)
                if right == 0:
                    report(at + ("options",), f"questions.{index}.options",
                           "multiple select needs at least one option with 'correct: true'")
                elif right == len(question.options):
                    report(at + ("options",), f"questions.{index}.options",
                           "multiple select needs at least one wrong option, or ticking every box wins")
                _unique([o.text for o in question.options], at + ("options",), "options", index, report)
            case SingleChoice() | BestResponse():
                right = sum(option.correct for option in question.options)
                if right != 1:
                    report(at + ("options",), f"questions.{index}.options",
                           f"{question.type} needs exactly one option with 'correct: true' (found {right})")
                _unique([o.text for o in question.options], at + ("options",), "options", index, report)
            case TrueFalse():
                pass  # two fixed options, exactly one of them right by construction
            case Ordering():
                _unique(question.items, at + ("items",), "items", index, report)
            case Matching():
                _unique([p.left for p in question.pairs], at + ("pairs",), "pairs", index, report, "left")
                _unique([p.right for p in question.pairs], at + ("pairs",), "pairs", index, report, "right")
            case _:
                assert_never(question)
    per_attempt = quiz.settings.questions_per_attempt
    if per_attempt is not None and per_attempt > len(quiz.questions):
        report(("settings", "questions_per_attempt"), "settings.questions_per_attempt",
               f"asks for {per_attempt} questions but the bank has {len(quiz.questions)}")
    return problems


def _unique(texts: list[str], where: tuple, field: str, index: int, report, key: str | None = None,
            ) -> None:
    seen: set[str] = set()
    for n, text in enumerate(texts):
        folded = text.casefold()
        if folded in seen:
            at = where + (n, key) if key else where + (n,)
            report(at, f"questions.{index}.{field}", f"'{text}' appears twice")
        seen.add(folded)
