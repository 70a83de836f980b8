"""Command line: no subcommand opens the app; subcommands run headless jobs. Imports no Qt."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from workbook import APP_NAME, __version__
from workbook.paths import backups_dir, bundled_content_dir, database_path, resolve_data_dir


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    args.data_dir = getattr(args, "data_dir", None)  # given before or after the subcommand
    if args.command is None:
        from workbook.app import run_app  # Qt is loaded only when a window is wanted

        content = Path(args.content) if args.content else bundled_content_dir()
        return run_app(resolve_data_dir(args.data_dir), content)
    handler = {"validate": _validate, "backups": _backups, "restore-backup": _restore}[args.command]
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
          f"{len(quizzes)} quizzes with {questions} questions: all valid")
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
    try:
        replaced = restore_backup(chosen, database_path(data_dir))
    except DatabaseProblem as error:
        print(f"Not restored: {error}", file=sys.stderr)
        return 1
    print(f"Restored {chosen}")
    if replaced is not None:
        print(f"The previous database was kept as {replaced}")
    return 0
