"""Moodle GIFT subcommands: import questions into a module's quiz.yaml, export a quiz as GIFT.

Exit codes: 0 done; 1 problems in the file (nothing is written), unknown module, or a file that
cannot be read or written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.cli.support import Refused, content_root, require_output_folder

if TYPE_CHECKING:
    from workbook.core.content import Library, Module


def add_gift_commands(commands, common: argparse.ArgumentParser,
                      content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    import_gift = commands.add_parser("import-gift", parents=[common, content],
                                      help="import Moodle GIFT questions into a module's quiz.yaml")
    import_gift.add_argument("file", metavar="FILE", help="GIFT file (UTF-8 text)")
    import_gift.add_argument("--module", required=True, metavar="ID", help="module id (see module.yaml)")
    mode = import_gift.add_mutually_exclusive_group()
    mode.add_argument("--replace", action="store_true",
                      help="replace an existing quiz.yaml (the old one is kept as quiz.yaml.bak)")
    mode.add_argument("--append", action="store_true",
                      help="add the questions to an existing quiz.yaml (its settings are kept)")
    export_gift = commands.add_parser("export-gift", parents=[common, content],
                                      help="write a module's quiz as a Moodle GIFT file")
    export_gift.add_argument("--module", required=True, metavar="ID", help="module id (see module.yaml)")
    export_gift.add_argument("--out", required=True, metavar="FILE", help="GIFT file to write")
    return {"import-gift": _import_gift, "export-gift": _export_gift}


def _find_module(args: argparse.Namespace) -> tuple[Library, Module | None]:
    """(library, module) for `--module` in the content folder, or (library, None) after saying why."""
    from workbook.core.loader import load_library

    root = content_root(args)
    library = load_library(root)
    module = next((m for m in library.modules if m.id == args.module), None)
    if module is None:
        broken = next((u for u in library.unavailable if u.folder.name.endswith(args.module)), None)
        if broken is not None:
            print(f"Module '{args.module}' cannot be loaded; run 'python main.py validate' "
                  f"to see why ({broken.folder})", file=sys.stderr)
        else:
            known = ", ".join(m.id for m in library.modules) or "none"
            print(f"Unknown module '{args.module}' in {root} (modules: {known})", file=sys.stderr)
    return library, module


def _import_gift(args: argparse.Namespace) -> int:
    import tempfile

    from workbook.core.gift import parse_gift
    from workbook.core.problems import Problem
    from workbook.core.quiz import QUIZ_FILE, QuizFile, QuizSettings
    from workbook.core.quiz_loader import load_quiz
    from workbook.core.quiz_writer import quiz_to_yaml
    from workbook.files import write_bytes_atomic, write_text_atomic

    base = Path.cwd()
    source = Path(args.file)
    try:
        text = source.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        print(f"{source}: not UTF-8 text (byte {error.start}); save the file as UTF-8 and try again",
              file=sys.stderr)
        return 1
    except OSError as error:
        raise Refused(f"{source}: cannot read: {error.strerror or error}") from error
    library, module = _find_module(args)
    if module is None:
        return 1
    target = module.folder / QUIZ_FILE
    result = parse_gift(text, source, list(module.meta.skills))
    problems = list(result.problems)
    for question, line in zip(result.questions, result.lines, strict=True):
        for skill in question.skills:
            if library.skills and skill not in library.skills:
                problems.append(Problem(source, line, "skills", f"unknown skill '{skill}' (see skills.yaml)"))

    settings = result.settings
    questions = list(result.questions)
    notes: list[str] = []
    if target.exists() and not (args.replace or args.append):
        print(f"{target} already exists: add --replace to replace it (the old file is kept as "
              f"{QUIZ_FILE}.bak) or --append to add the questions to it. Nothing was written.",
              file=sys.stderr)
        return 1
    if target.exists():
        existing, existing_problems = load_quiz(module.folder, library.skills)
        if args.append:
            if existing is None:
                for problem in existing_problems:
                    print(problem.format(relative_to=base))
                raise Refused(f"Cannot append: {target} has problems; fix them or use --replace. "
                              "Nothing was written.")
            taken = {q.id for q in existing.questions}
            for question, line in zip(result.questions, result.lines, strict=True):
                if question.id in taken:
                    problems.append(Problem(source, line, "id", f"question id '{question.id}' is "
                                            f"already used in {target.name}"))
            if result.settings is not None:
                notes.append(f"The settings in {source.name} were ignored: {target.name} keeps its own.")
            settings = existing.settings
            questions = list(existing.questions) + questions
        elif settings is None and existing is not None:
            settings = existing.settings
            notes.append(f"{source.name} has no settings comment: the settings of the old "
                         f"{target.name} were kept.")
    if problems:
        for problem in sorted(problems):
            print(problem.format(relative_to=base))
        raise Refused(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {source}: nothing was "
                      "imported")
    for warning in result.warnings:
        print(f"warning: {warning.format(relative_to=base)}")

    quiz = QuizFile(settings=settings or QuizSettings(), questions=questions)
    yaml_text = quiz_to_yaml(quiz)
    with tempfile.TemporaryDirectory() as scratch:  # check exactly the text that will be written
        (Path(scratch) / QUIZ_FILE).write_text(yaml_text, encoding="utf-8")
        checked, check_problems = load_quiz(Path(scratch), library.skills)
    if check_problems or checked != quiz:
        for problem in check_problems:  # lines are those of the quiz.yaml that would have been written
            print(f"{target}:{problem.line}: {problem.field}: {problem.message}")
        print(f"The quiz after the import would not pass the quiz checks; nothing was written to {target}",
              file=sys.stderr)
        return 1
    if target.exists() and args.replace:
        backup = target.with_name(QUIZ_FILE + ".bak")
        write_bytes_atomic(backup, target.read_bytes())  # byte for byte, whatever it holds
        notes.append(f"The old quiz was kept as {backup}.")
    write_text_atomic(target, yaml_text)
    for note in notes:
        print(note)
    count = len(result.questions)
    print(f"{count} question{'s' if count != 1 else ''} imported into {target}"
          + (f" ({len(questions)} in the quiz now)" if args.append else ""))
    return 0


def _export_gift(args: argparse.Namespace) -> int:
    from workbook.core.gift import write_gift
    from workbook.core.quiz import QUIZ_FILE
    from workbook.files import write_text_atomic

    _library, module = _find_module(args)
    if module is None:
        return 1
    if module.quiz is None:
        if module.quiz_problems:
            for problem in module.quiz_problems:
                print(problem.format(relative_to=Path.cwd()))
            print(f"Module '{module.id}' has a quiz with problems; fix them first. Nothing was written.",
                  file=sys.stderr)
        else:
            print(f"Module '{module.id}' has no quiz ({module.folder / QUIZ_FILE} not found). "
                  "Nothing was written.", file=sys.stderr)
        return 1
    out = Path(args.out)
    require_output_folder(out)
    try:
        write_text_atomic(out, write_gift(module.quiz))
    except OSError as error:
        raise Refused(f"{out}: cannot write: {error.strerror or error}") from error
    count = len(module.quiz.questions)
    print(f"{count} question{'s' if count != 1 else ''} of '{module.id}' exported to {out}")
    return 0
