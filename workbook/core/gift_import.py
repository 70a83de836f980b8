"""The policy for importing a GIFT file into a module's quiz.yaml, decided before anything is written.

A new quiz is written only where there is none; `REPLACE` keeps the old file byte for byte as
`quiz.yaml.bak`; `APPEND` keeps the existing settings and refuses ids already taken. Whatever the
mode, nothing is written while there is a problem, and the text written is first loaded back
through the quiz checks, so an import can never leave a quiz the app would refuse.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

from msgspec import Struct, field

from workbook.core.content import Module
from workbook.core.gift_parser import parse_gift
from workbook.core.problems import Problem
from workbook.core.quiz import QUIZ_FILE, QuizFile, QuizSettings
from workbook.core.quiz_loader import load_quiz
from workbook.core.quiz_writer import quiz_to_yaml
from workbook.files import write_bytes_atomic, write_text_atomic

BACKUP_SUFFIX = ".bak"


class ImportMode(StrEnum):
    NEW = "new"  # the module must not have a quiz yet
    REPLACE = "replace"  # the old quiz.yaml is kept as quiz.yaml.bak
    APPEND = "append"  # the questions go after the existing ones; the existing settings stay


class GiftImport(Struct):
    """What the import would do. With `refusal` set nothing may be written; `problems` (each at
    its file and line) say why. `notes` are said once the quiz is written."""

    target: Path
    mode: ImportMode
    refusal: str | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    quiz: QuizFile | None = None
    yaml_text: str = ""
    imported: int = 0  # questions taken from the GIFT file

    @property
    def backup(self) -> Path:
        return self.target.with_name(QUIZ_FILE + BACKUP_SUFFIX)


def plan_gift_import(text: str, source: Path, module: Module, skills: Mapping[str, str],
                     mode: ImportMode) -> GiftImport:
    """Parse `text` (the GIFT file at `source`) and decide what importing it into `module` gives;
    reads the module's current quiz, writes nothing. `skills` are the library's known skills."""
    target = module.folder / QUIZ_FILE
    plan = GiftImport(target, mode)
    if target.exists() and mode is ImportMode.NEW:
        plan.refusal = (f"{target} already exists: add --replace to replace it (the old file is kept as "
                        f"{plan.backup.name}) or --append to add the questions to it. Nothing was written.")
        return plan
    result = parse_gift(text, source, list(module.meta.skills))
    problems = list(result.problems)
    for question, line in zip(result.questions, result.lines, strict=True):
        problems += [Problem(source, line, "skills", f"unknown skill '{skill}' (see skills.yaml)")
                     for skill in question.skills if skills and skill not in skills]
    settings, questions = result.settings, list(result.questions)
    if target.exists():
        existing, existing_problems = load_quiz(module.folder, skills)
        if mode is ImportMode.APPEND:
            if existing is None:
                plan.problems = existing_problems
                plan.refusal = (f"Cannot append: {target} has problems; fix them or use --replace. "
                                "Nothing was written.")
                return plan
            taken = {q.id for q in existing.questions}
            problems += [Problem(source, line, "id", f"question id '{question.id}' is already used in "
                                 f"{target.name}")
                         for question, line in zip(result.questions, result.lines, strict=True)
                         if question.id in taken]
            if result.settings is not None:
                plan.notes.append(f"The settings in {source.name} were ignored: {target.name} keeps its own.")
            settings = existing.settings
            questions = list(existing.questions) + questions
        elif settings is None and existing is not None:
            settings = existing.settings
            plan.notes.append(f"{source.name} has no settings comment: the settings of the old "
                              f"{target.name} were kept.")
    if problems:
        plan.problems = sorted(problems)
        plan.refusal = (f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {source}: "
                        "nothing was imported")
        return plan
    plan.warnings = list(result.warnings)
    quiz = QuizFile(settings=settings or QuizSettings(), questions=questions)
    yaml_text = quiz_to_yaml(quiz)
    checked, check_problems = _load_back(yaml_text, skills)
    if check_problems or checked != quiz:
        # lines are those of the quiz.yaml that would have been written
        plan.problems = [Problem(target, p.line, p.field, p.message) for p in check_problems]
        plan.refusal = ("The quiz after the import would not pass the quiz checks; nothing was written to "
                        f"{target}")
        return plan
    plan.quiz, plan.yaml_text, plan.imported = quiz, yaml_text, len(result.questions)
    return plan


def apply_gift_import(plan: GiftImport) -> None:
    """Write the planned quiz; when replacing, the old file is first kept beside it byte for byte
    (whatever it holds) and a note says where."""
    if plan.refusal is not None or plan.quiz is None:
        raise ValueError(f"a refused import cannot be written: {plan.refusal}")
    if plan.target.exists() and plan.mode is ImportMode.REPLACE:
        write_bytes_atomic(plan.backup, plan.target.read_bytes())
        plan.notes.append(f"The old quiz was kept as {plan.backup}.")
    write_text_atomic(plan.target, plan.yaml_text)


def _load_back(yaml_text: str, skills: Mapping[str, str]) -> tuple[QuizFile | None, list[Problem]]:
    """The quiz loader's verdict on exactly the text that would be written."""
    with tempfile.TemporaryDirectory() as scratch:
        (Path(scratch) / QUIZ_FILE).write_text(yaml_text, encoding="utf-8")
        return load_quiz(Path(scratch), skills)
