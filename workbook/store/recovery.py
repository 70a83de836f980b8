"""Open the database, and when it is damaged: move it aside, then restore a backup or start fresh.

The question to the user is a callback, so the app asks with a dialog and tests answer directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import SqliteDatabase

from workbook.paths import backups_dir, database_path
from workbook.store.connection import CorruptDatabaseError, aside_path, move_aside, open_database

if TYPE_CHECKING:
    from workbook.store.backups import Backup


class Recovery(Enum):
    RESTORE = "restore"
    START_FRESH = "start-fresh"
    QUIT = "quit"


@dataclass(frozen=True)
class RecoveryChoice:
    action: Recovery
    backup: Path | None = None


@dataclass(frozen=True)
class DamageReport:
    """What the user is told: what went wrong and where the damaged file will be kept."""

    reason: str
    moved_to: Path
    backups: list[Backup]


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
        from workbook.store.backups import list_backups, restore_backup  # only for a damaged file

        report = DamageReport(str(error), aside_path(path), list_backups(backups_dir(data_dir)))
    while True:
        choice = ask(report)
        if choice.action is Recovery.QUIT:
            return None
        if choice.action is Recovery.RESTORE and choice.backup is not None:
            try:  # the damaged file moves aside only once the backup is in place
                restore_backup(choice.backup, path, replaced_to=report.moved_to)
            except CorruptDatabaseError as error:
                report = DamageReport(f"That backup is damaged too: {error}", report.moved_to,
                                      [b for b in report.backups if b.path != choice.backup])
                continue
        elif path.exists():
            move_aside(path, target=report.moved_to)
        return open_database(path, backups_dir(data_dir))
