"""Open the database, and when it is damaged: move it aside, then restore a backup or start fresh.

The question to the user is a callback, so the app asks with a dialog and tests answer directly.
A restore asks for the trainer passphrase when the damaged database holds one (read as far as it
can be; when it cannot, the newest backup's stands in), and the restored database keeps it. Starting
fresh keeps it too: damaging the file on purpose must not be a way past the trainer's passphrase.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from msgspec import Struct
from msgspec.structs import replace
from peewee import SqliteDatabase

from workbook.paths import backups_dir, database_path
from workbook.store.backup_check import NotAWorkbookBackup, passphrase_guard
from workbook.store.backups import Backup, list_backups, restore_backup
from workbook.store.connection import CorruptDatabaseError, aside_path, move_aside, open_database
from workbook.store.settings import set_setting
from workbook.store.trainer import HASH, verify_passphrase


class Recovery(Enum):
    RESTORE = "restore"
    START_FRESH = "start-fresh"
    QUIT = "quit"


class RecoveryChoice(Struct, frozen=True):
    action: Recovery
    backup: Path | None = None
    passphrase: str = ""  # the trainer passphrase, when the report asks for it


class DamageReport(Struct, frozen=True):
    """What the user is told: what went wrong and where the damaged file will be kept."""

    reason: str
    moved_to: Path
    backups: list[Backup]
    needs_passphrase: bool = False  # a restore needs the trainer passphrase


AskRecovery = Callable[[DamageReport], RecoveryChoice]


def open_or_recover(data_dir: Path, ask: AskRecovery, full_check: bool = True) -> SqliteDatabase | None:
    """The database, opened and migrated; None when the user chose to quit.

    The damaged file is moved aside only once the user picks a way on: after Quit it stays where
    it is, so the next start asks again instead of quietly opening an empty database.
    """
    path = database_path(data_dir)
    try:
        return open_database(path, backups_dir(data_dir), full_check=full_check)
    except CorruptDatabaseError as error:
        backups = list_backups(backups_dir(data_dir))
        guard = passphrase_guard(path, [backup.path for backup in backups])
        report = DamageReport(str(error), aside_path(path), backups, guard is not None)
    while True:
        choice = ask(report)
        if choice.action is Recovery.QUIT:
            return None
        if choice.action is Recovery.RESTORE and choice.backup is not None:
            if guard is not None and not verify_passphrase(choice.passphrase, guard):
                report = replace(report, reason="A restore needs this workbook's trainer passphrase, and the "
                                                "one given is not it. Nothing was restored.")
                continue
            try:  # the damaged file moves aside only once the backup is in place
                restore_backup(choice.backup, path, replaced_to=report.moved_to, passphrase_hash=guard)
            except (CorruptDatabaseError, NotAWorkbookBackup) as error:
                damaged = isinstance(error, CorruptDatabaseError)
                why = "That backup is damaged too" if damaged else "Not restored"
                report = replace(report, reason=f"{why}: {error}",
                                 backups=[b for b in report.backups if b.path != choice.backup])
                continue
            return open_database(path, backups_dir(data_dir))
        if path.exists():
            move_aside(path, target=report.moved_to)
        db = open_database(path, backups_dir(data_dir))
        if guard is not None:  # the fresh database stays behind the damaged one's passphrase
            set_setting(HASH, guard)
        return db


