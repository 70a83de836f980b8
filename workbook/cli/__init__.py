"""Command line: no subcommand opens the app; subcommands run headless jobs. Imports no Qt.

One module per group of subcommands, each with an `add_..._commands(commands, common, content)` that
registers its parsers and returns its handlers by name; a handler returns the exit code, or raises
`support.Refused` to stop with a message. Registering must import nothing heavy (the store, Qt,
reportlab): every command builds this parser first. Opening the app (no subcommand) reads its few
options with a parser of those alone and imports none of the subcommand modules.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence

from workbook import APP_NAME, __version__
from workbook.cli.exit_codes import exit_code_table
from workbook.cli.support import Refused, choose_database, content_root
from workbook.paths import resolve_data_dir
from workbook.qt_args import split_qt_args


def command_groups() -> tuple:
    """In the order `--help` lists them; a new group of subcommands adds its register function here.
    Imported when a subcommand (or `--help`) needs the full parser, not when the app opens."""
    from workbook.cli.audit import add_audit_commands
    from workbook.cli.backups import add_backup_commands
    from workbook.cli.certificates import add_certificate_commands
    from workbook.cli.content import add_content_commands
    from workbook.cli.database import add_database_commands
    from workbook.cli.gift import add_gift_commands
    from workbook.cli.merge import add_merge_commands
    from workbook.cli.progress import add_progress_commands
    from workbook.cli.refused import add_refused_commands
    from workbook.cli.reports import add_report_commands
    from workbook.cli.sync import add_sync_commands
    from workbook.cli.trainer import add_trainer_commands
    from workbook.cli.xapi import add_xapi_commands

    return (add_content_commands, add_backup_commands, add_gift_commands, add_certificate_commands,
            add_progress_commands, add_refused_commands, add_xapi_commands, add_report_commands,
            add_trainer_commands, add_audit_commands, add_merge_commands, add_database_commands,
            add_sync_commands)


def _add_common_options(common: argparse.ArgumentParser) -> None:
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="folder for the progress database and backups "
                             "(default: WORKBOOK_DATA_DIR or the per-user data folder)")
    common.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                        help="a training centre's server instead of the data folder's own file: "
                             "postgresql://USER:PASSWORD@HOST:PORT/NAME (or set WORKBOOK_DATABASE_URL)")
    common.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS,
                        help="for trainer commands: a file whose first line is the trainer passphrase "
                             "(or set WORKBOOK_TRAINER_PASSPHRASE; a terminal is asked otherwise)")


def _add_app_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", metavar="DIR", help="content folder (default: bundled lessons/)")
    parser.add_argument("--lang", choices=("en", "de"), default=None,
                        help="interface language of the window (default: View > Language, "
                             "else the system's); lessons stay English")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _add_common_options(common)
    parser = argparse.ArgumentParser(prog="workbook", parents=[common],
                                     description=f"{APP_NAME}: opens the app, or runs a job. "
                                                 "'workbook COMMAND --help' tells more about a command.",
                                     epilog=exit_code_table(),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_app_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    content = argparse.ArgumentParser(add_help=False)
    content.add_argument("--content", metavar="DIR", default=argparse.SUPPRESS,
                         help="content folder (default: bundled lessons/)")
    handlers = {}
    for register in command_groups():
        handlers.update(register(commands, common, content))
    _describe_commands(commands)
    parser.set_defaults(handlers=handlers)
    return parser


class _NotTheApp(Exception):
    """The arguments are not a plain app start: the full parser reads them (and reports any error)."""


class _AppStartParser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise _NotTheApp(message)


def _app_start_arguments(arguments: Sequence[str]) -> argparse.Namespace | None:
    """The options of opening the window (no subcommand), read by a parser of those options alone, so
    the app does not import and build every subcommand's parser first; None when anything else is
    given (a subcommand, `--help`, `--version`, a mistake), which the full parser then reads."""
    parser = _AppStartParser(prog="workbook", add_help=False)
    _add_common_options(parser)
    _add_app_options(parser)
    try:
        args = parser.parse_args(arguments)
    except _NotTheApp:
        return None
    args.command = None
    return args


def _describe_commands(commands: argparse._SubParsersAction) -> None:
    """Every subcommand's `--help` opens with its one-line summary (unless it has a longer description)
    and ends with the exit-code table."""
    for action in commands._choices_actions:
        sub = commands.choices[action.dest]
        if not sub.description and action.help:
            sub.description = action.help[0].upper() + action.help[1:] + "."
        sub.epilog = sub.epilog or exit_code_table()
        sub.formatter_class = argparse.RawDescriptionHelpFormatter


def main(argv: Sequence[str] | None = None) -> int:
    ours, qt_args = split_qt_args(sys.argv[1:] if argv is None else argv)
    args = _app_start_arguments(ours)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(ours)
    args.data_dir = getattr(args, "data_dir", None)  # given before or after the subcommand
    args.passphrase_file = getattr(args, "passphrase_file", None)
    args.database = getattr(args, "database", None)
    choose_database(args.database)
    if args.command is None:
        # Start-up only builds what lives as long as the app (modules, the window, the content), so
        # scanning it for cycles is wasted: about 75 collections, 10-25 ms before the home page
        # paints. The navigator turns collections back on once the pages are built.
        gc.disable()
        try:
            import workbook.ui  # noqa: F401  (Qt is loaded only when a window is wanted; this package first)
            from workbook.app import run_app

            content = content_root(args)
            return run_app(resolve_data_dir(args.data_dir), content, qt_args, args.lang,
                           database_url=args.database)
        finally:
            gc.enable()
    if qt_args:
        parser.error(f"Qt options ({' '.join(qt_args)}) apply only when opening the window")
    from workbook.support_log import run_logged

    return run_logged(args.command, resolve_data_dir(args.data_dir), lambda: _run_command(args))


def _run_command(args: argparse.Namespace) -> int:
    try:
        code = args.handlers[args.command](args)
        sys.stdout.flush()  # a closed pipe shows here, where it is caught, not in Python's exit
        return code
    except Refused as refusal:
        if refusal.message:
            print(refusal.message, file=sys.stderr)
        return refusal.code
    except BrokenPipeError:
        # The reader of our output went away (`workbook audit | head -1`): stop quietly, as other
        # command-line tools do, and keep Python's last flush from printing a traceback.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what a shell reports for a tool stopped this way
