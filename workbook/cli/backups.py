"""Backup subcommands: list the database backups, and restore one (the current file is kept aside).

Exit codes (workbook.cli.exit_codes): 0 done; 1 the backup cannot be restored; 3 no such backup.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import Refused, refuse_on_server
from workbook.paths import backups_dir, database_path, resolve_data_dir


def add_backup_commands(commands, common: argparse.ArgumentParser,
                        content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    commands.add_parser("backups", parents=[common], help="list the database backups, newest first")
    restore = commands.add_parser("restore-backup", parents=[common],
                                  help="replace the database with a backup (the current file is kept aside)")
    restore.add_argument("backup", nargs="?", metavar="FILE",
                         help="backup file (default: the newest backup)")
    return {"backups": _backups, "restore-backup": _restore}


def _backups(args: argparse.Namespace) -> int:
    from workbook.store.backups import list_backups

    refuse_on_server("backups")
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

    refuse_on_server("restore-backup")
    data_dir = resolve_data_dir(args.data_dir)
    if args.backup:
        chosen = Path(args.backup)
    else:
        found = list_backups(backups_dir(data_dir))
        if not found:
            raise Refused(f"No backups in {backups_dir(data_dir)}", ExitCode.NOT_FOUND)
        chosen = found[0].path
    if not chosen.is_file():
        raise Refused(f"{chosen}: no such backup file", ExitCode.NOT_FOUND)
    from workbook.store.lock import holding_lock

    try:
        with holding_lock(data_dir):
            replaced = restore_backup(chosen, database_path(data_dir))
    except DatabaseProblem as error:
        raise Refused(f"Not restored: {error}") from error
    print(f"Restored {chosen}")
    if replaced is not None:
        print(f"The previous database was kept as {replaced}")
    return 0
