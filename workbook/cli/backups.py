"""Backup subcommands: list the database backups, and restore one (the current file is kept aside).

A restore replaces everything, trainer passphrase included: it asks for the passphrase of the
database it replaces (when that has one), takes only a real workbook backup, keeps the current
database as a backup first, and the restored database keeps the passphrase given.

Exit codes (workbook.cli.exit_codes): 0 done; 1 the file is not a workbook backup or cannot be
restored; 3 no such backup; 6 the trainer passphrase is missing or wrong.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import Refused, open_store, refuse_on_server
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
            passphrase = _trainer_passphrase(args, data_dir)
            replaced = restore_backup(chosen, database_path(data_dir), keep_in=backups_dir(data_dir),
                                      passphrase_hash=passphrase)
    except DatabaseProblem as error:
        raise Refused(f"Not restored: {error}") from error
    print(f"Restored {chosen}")
    if replaced is not None:
        print(f"The previous database was kept as {replaced}")
    return 0


def _trainer_passphrase(args: argparse.Namespace, data_dir: Path) -> str | None:
    """The current database's trainer passphrase hash once the passphrase given matches it (None
    when it has none); refuses otherwise. A sound database checks it as every trainer command does
    (failed tries delay the next); a damaged one is read as far as it can be, and when nothing of it
    can be read, the newest backup with a passphrase stands in."""
    from workbook.store.backup_check import passphrase_guard
    from workbook.store.backups import list_backups
    from workbook.store.connection import DatabaseProblem, check_integrity, refuse_newer_schema
    from workbook.trainer_gate import passphrase_matches

    path = database_path(data_dir)
    if not path.exists():
        return None
    try:
        check_integrity(path)
        refuse_newer_schema(path)
    except DatabaseProblem:  # it cannot be opened as the store: its hash is read as it stands
        encoded = passphrase_guard(path, [backup.path for backup in list_backups(backups_dir(data_dir))])
        if encoded:
            chosen = getattr(args, "passphrase_file", None)
            result = passphrase_matches(encoded, Path(chosen) if chosen else None)
            if not result.allowed:
                raise Refused(f"Not restored: {result.message}", ExitCode.DENIED) from None
        return encoded
    from workbook.store.settings import get_setting
    from workbook.store.trainer import HASH

    with open_store(data_dir, trainer=args):
        return get_setting(HASH)
