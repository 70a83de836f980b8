"""Command line: no subcommand opens the app; subcommands run headless jobs. Imports no Qt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from workbook import APP_NAME, __version__
from workbook.cli_certificates import add_certificate_commands
from workbook.cli_merge import add_merge_commands
from workbook.cli_progress import add_progress_commands
from workbook.cli_reports import add_report_commands
from workbook.cli_support import content_root, output_folder_exists
from workbook.cli_trainer import add_trainer_commands
from workbook.cli_xapi import add_xapi_commands
from workbook.paths import backups_dir, bundled_content_dir, database_path, resolve_data_dir

if TYPE_CHECKING:
    from workbook.core.content import Library, Module


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="folder for the progress database and backups "
                             "(default: WORKBOOK_DATA_DIR or the per-user data folder)")
    parser = argparse.ArgumentParser(prog="python main.py", parents=[common],
                                     description=f"{APP_NAME}: opens the app, or runs a job.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--content", metavar="DIR", help="content folder (default: bundled lessons/)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    validate = commands.add_parser("validate", parents=[common],
                                   help="check content files and print a summary or the problems")
    validate.add_argument("directory", nargs="?", metavar="DIR",
                          help="content folder (default: bundled lessons/)")

    commands.add_parser("backups", parents=[common], help="list the database backups, newest first")
    restore = commands.add_parser("restore-backup", parents=[common],
                                  help="replace the database with a backup (the current file is kept aside)")
    restore.add_argument("backup", nargs="?", metavar="FILE",
                         help="backup file (default: the newest backup)")

    content = argparse.ArgumentParser(add_help=False)
    content.add_argument("--content", metavar="DIR", default=argparse.SUPPRESS,
                         help="content folder (default: bundled lessons/)")
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
    call_graph = commands.add_parser("call-graph", parents=[common, content],
                                     help="draw a practice call as a Graphviz graph (DOT, and SVG when "
                                          "Graphviz's 'dot' is installed)")
    call_graph.add_argument("scenario", metavar="ID", help="practice-call id (the 'id:' in its YAML file)")
    call_graph.add_argument("--out", required=True, metavar="FILE",
                            help="DOT file to write (usually .dot); the SVG goes beside it")
    extra = {}
    for register in (add_certificate_commands, add_progress_commands, add_xapi_commands,
                     add_report_commands, add_trainer_commands, add_merge_commands):
        extra.update(register(commands, common, content))
    parser.set_defaults(extra_handlers=extra)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.data_dir = getattr(args, "data_dir", None)  # given before or after the subcommand
    if args.command is None:
        from workbook.app import run_app  # Qt is loaded only when a window is wanted

        content = content_root(args)
        return run_app(resolve_data_dir(args.data_dir), content)
    handler = {"validate": _validate, "backups": _backups, "restore-backup": _restore,
               "import-gift": _import_gift, "export-gift": _export_gift,
               "call-graph": _call_graph, **args.extra_handlers}[args.command]
    return handler(args)


def _validate(args: argparse.Namespace) -> int:
    from workbook.core.loader import load_library

    chosen = args.directory or args.content
    root = Path(chosen) if chosen else bundled_content_dir()
    library = load_library(root)
    problems = library.all_problems()
    base = Path.cwd()
    for problem in problems:
        print(problem.format(relative_to=base))
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {root}",
              file=sys.stderr)
        return 1
    sections = sum(len(module.sections) for module in library.modules)
    words = sum(module.words for module in library.modules)
    quizzes = [module.quiz for module in library.modules if module.quiz is not None]
    questions = sum(len(quiz.questions) for quiz in quizzes)
    print(f"{root}: {len(library.modules)} modules, {sections} sections, {words:,} words, "
          f"{len(quizzes)} quizzes with {questions} questions, "
          f"{len(library.scenarios)} practice calls: all valid")
    return 0


def _backups(args: argparse.Namespace) -> int:
    from workbook.store.backups import list_backups

    folder = backups_dir(resolve_data_dir(args.data_dir))
    found = list_backups(folder)
    if not found:
        print(f"No backups in {folder}")
        return 0
    for backup in found:
        print(f"{backup.label}  {backup.path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from workbook.store.backups import list_backups, restore_backup
    from workbook.store.connection import DatabaseProblem

    data_dir = resolve_data_dir(args.data_dir)
    if args.backup:
        chosen = Path(args.backup)
    else:
        found = list_backups(backups_dir(data_dir))
        if not found:
            print(f"No backups in {backups_dir(data_dir)}", file=sys.stderr)
            return 1
        chosen = found[0].path
    if not chosen.is_file():
        print(f"{chosen}: no such backup file", file=sys.stderr)
        return 1
    from workbook.store.lock import holding_lock

    try:
        with holding_lock(data_dir):
            replaced = restore_backup(chosen, database_path(data_dir))
    except DatabaseProblem as error:
        print(f"Not restored: {error}", file=sys.stderr)
        return 1
    print(f"Restored {chosen}")
    if replaced is not None:
        print(f"The previous database was kept as {replaced}")
    return 0


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
        print(f"{source}: cannot read: {error.strerror or error}", file=sys.stderr)
        return 1
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
                print(f"Cannot append: {target} has problems; fix them or use --replace. "
                      "Nothing was written.", file=sys.stderr)
                return 1
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
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {source}: nothing was "
              "imported", file=sys.stderr)
        return 1
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
    if not output_folder_exists(out):
        return 1
    try:
        write_text_atomic(out, write_gift(module.quiz))
    except OSError as error:
        print(f"{out}: cannot write: {error.strerror or error}", file=sys.stderr)
        return 1
    count = len(module.quiz.questions)
    print(f"{count} question{'s' if count != 1 else ''} of '{module.id}' exported to {out}")
    return 0


def _call_graph(args: argparse.Namespace) -> int:
    """Write the DOT of one practice call, and its SVG when Graphviz can draw it here."""
    import shutil
    import subprocess

    from workbook.core.call_graph import to_dot
    from workbook.core.loader import load_library
    from workbook.core.scenario import SCENARIO_FOLDER
    from workbook.files import write_bytes_atomic, write_text_atomic

    root = content_root(args)
    library = load_library(root)
    scenario = next((s for s in library.scenarios if s.id == args.scenario), None)
    if scenario is None:
        broken = sorted({p.path for p in library.problems if p.path.parent.name == SCENARIO_FOLDER})
        known = ", ".join(sorted(s.id for s in library.scenarios)) or "none"
        print(f"Unknown practice call '{args.scenario}' in {root} (practice calls: {known})", file=sys.stderr)
        if broken:
            print(f"{len(broken)} practice-call file{'s' if len(broken) != 1 else ''} cannot be loaded "
                  f"({', '.join(p.name for p in broken)}); run 'python main.py validate' to see why",
                  file=sys.stderr)
        return 1
    out = Path(args.out)
    if not output_folder_exists(out):
        return 1
    dot_text = to_dot(scenario)
    try:
        write_text_atomic(out, dot_text)
    except OSError as error:
        print(f"{out}: cannot write: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {out} ({len(scenario.nodes)} nodes, {len(scenario.endings)} endings)")
    dot = shutil.which("dot")
    if dot is None:
        print("Graphviz 'dot' is not on PATH, so only the DOT file was written "
              f"(draw it with: dot -Tsvg {out} -o {out.with_suffix('.svg')})")
        return 0
    svg = out.with_suffix(".svg") if out.suffix != ".svg" else out.with_name(out.name + ".svg")
    try:
        drawn = subprocess.run([dot, "-Tsvg"], input=dot_text.encode("utf-8"), capture_output=True,
                               timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        print(f"Graphviz could not draw {out}: {error}; only the DOT file was written", file=sys.stderr)
        return 1
    if drawn.returncode != 0 or not drawn.stdout:
        message = drawn.stderr.decode("utf-8", "replace").strip() or f"exit code {drawn.returncode}"
        print(f"Graphviz could not draw {out}: {message}; only the DOT file was written", file=sys.stderr)
        return 1
    try:
        write_bytes_atomic(svg, drawn.stdout)
    except OSError as error:
        print(f"{svg}: cannot write: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"Wrote {svg}")
    return 0
