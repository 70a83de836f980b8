"""Start-of-session backup copies of the database, and restoring one of them.

Uses SQLite's backup API from a connection of its own, so it can run on a worker thread while the
app already works on the database.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from workbook.store.connection import check_integrity, move_aside

PREFIX = "workbook-"
KEEP = 7


@dataclass(frozen=True)
class Backup:
    """One backup file and when it was taken."""

    path: Path
    taken_at: datetime

    @property
    def label(self) -> str:
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def take_backup(db_path: Path, backup_dir: Path, keep: int = KEEP,
                now: datetime | None = None) -> Path | None:
    """Copy `db_path` into `backup_dir` and keep only the newest `keep` copies.

    A database with no learner profile is not copied: rotating such copies in would push out the
    backups that hold real progress.
    """
    if not db_path.exists() or not _has_learners(db_path):
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    for stale in [*backup_dir.glob("*.partial"), *backup_dir.glob("*.partial-journal")]:
        stale.unlink(missing_ok=True)  # left by a copy cut short at exit; never a complete backup
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{PREFIX}{stamp}.sqlite"
    partial = target.with_name(target.name + ".partial")
    source = sqlite3.connect(db_path, timeout=5)
    destination = sqlite3.connect(partial)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    os.replace(partial, target)
    for old in list_backups(backup_dir)[keep:]:
        old.path.unlink()
    return target


def list_backups(backup_dir: Path) -> list[Backup]:
    """Regular backups, newest first."""
    found = []
    for path in backup_dir.glob(f"{PREFIX}*.sqlite"):
        stamp = path.stem[len(PREFIX):]
        try:
            taken = datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f").replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(Backup(path, taken))
    return sorted(found, key=lambda backup: backup.taken_at, reverse=True)


def restore_backup(backup: Path, db_path: Path, replaced_to: Path | None = None) -> Path | None:
    """Put `backup` in place of the database; the current file is moved aside, not deleted.

    The backup is copied and checked beside the database first, so the current file moves only
    once a sound replacement is ready: a failed restore leaves everything where it was.
    Returns where the replaced database went (None when there was none). The caller must have
    closed its own connection first.
    """
    check_integrity(backup)
    staged = db_path.with_name(db_path.name + ".restoring")
    staged.unlink(missing_ok=True)
    source = sqlite3.connect(backup)
    destination = sqlite3.connect(staged)
    try:
        source.backup(destination)
    finally:
        destination.close()
        source.close()
    try:
        check_integrity(staged)
        replaced = (move_aside(db_path, "replaced", target=replaced_to)
                    if db_path.exists() else None)
        os.replace(staged, db_path)
    finally:
        staged.unlink(missing_ok=True)
        Path(f"{staged}-journal").unlink(missing_ok=True)
    return replaced


def _has_learners(db_path: Path) -> bool:
    connection = sqlite3.connect(db_path, timeout=5)
    try:
        return connection.execute("SELECT EXISTS (SELECT 1 FROM learner)").fetchone()[0] == 1
    except sqlite3.OperationalError:  # no learner table yet: nothing worth keeping
        return False
    finally:
        connection.close()
