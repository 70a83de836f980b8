"""Start-of-session backup copies of the database, and restoring one of them.

Uses SQLite's backup API from a connection of its own, so it can run on a worker thread while the
app already works on the database. The app copies at most once a day, and only when the database
changed since the newest copy; old copies are thinned as Anki does (everything from the last two
days, then one a day for two weeks, one a week for two months, one a month for a year), so a large
trainer database does not fill the disk with identical copies.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from msgspec import Struct

from workbook.store.connection import check_integrity, move_aside

PREFIX = "workbook-"
KEEP = 7


class Backup(Struct, frozen=True):
    """One backup file and when it was taken."""

    path: Path
    taken_at: datetime

    @property
    def label(self) -> str:
        return self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def take_backup(db_path: Path, backup_dir: Path, keep: int | None = KEEP,
                now: datetime | None = None, at_most_every: timedelta | None = None) -> Path | None:
    """Copy `db_path` into `backup_dir`; keep the newest `keep` copies, or with `keep=None` thin
    them by age (`thin_backups`).

    With `at_most_every`, no copy is made while the newest one is younger than that, or when the
    database has not changed since it was taken. A database with no learner profile is not copied:
    such copies would push out the backups that hold real progress.
    """
    now = now or datetime.now(UTC)
    if not db_path.exists() or not _has_learners(db_path):
        return None
    newest = next(iter(list_backups(backup_dir)), None) if backup_dir.is_dir() else None
    if at_most_every is not None and newest is not None and (
            now - newest.taken_at < at_most_every or _last_change(db_path) <= newest.taken_at):
        return None
    target = _copy_into(db_path, backup_dir, now)
    found = list_backups(backup_dir)
    for old in found[keep:] if keep is not None else thin_backups(found, now):
        old.path.unlink()
    return target


def _copy_into(db_path: Path, backup_dir: Path, now: datetime) -> Path:
    """A consistent copy of `db_path` (with its write-ahead log) named as a backup taken `now`."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    for stale in [*backup_dir.glob("*.partial"), *backup_dir.glob("*.partial-journal")]:
        stale.unlink(missing_ok=True)  # left by a copy cut short at exit; never a complete backup
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
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
    return target


def thin_backups(backups: list[Backup], now: datetime) -> list[Backup]:
    """The backups to delete: every copy of the last two days is kept, then the newest of each day
    for 14 days, of each week for 8 weeks and of each month for 12 months."""
    keep: set[Path] = set()
    buckets: set[tuple] = set()
    for backup in sorted(backups, key=lambda b: b.taken_at, reverse=True):
        age = now - backup.taken_at
        moment = backup.taken_at
        if age <= timedelta(days=2):
            keep.add(backup.path)
            continue
        if age <= timedelta(days=14):
            bucket = ("day", moment.date())
        elif age <= timedelta(weeks=8):
            bucket = ("week", *moment.isocalendar()[:2])
        elif age <= timedelta(days=365):
            bucket = ("month", moment.year, moment.month)
        else:
            continue
        if bucket not in buckets:
            buckets.add(bucket)
            keep.add(backup.path)
    return [backup for backup in backups if backup.path not in keep]


def _last_change(db_path: Path) -> datetime:
    """When the database (or its write-ahead log, which holds the newest writes) last changed."""
    times = [path.stat().st_mtime for path in (db_path, Path(f"{db_path}-wal")) if path.exists()]
    return datetime.fromtimestamp(max(times), UTC)


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


def restore_backup(backup: Path, db_path: Path, replaced_to: Path | None = None,
                   keep_in: Path | None = None, passphrase_hash: str | None = None) -> Path | None:
    """Put `backup` in place of the database; the current file is moved aside, not deleted.

    Only a real workbook backup is accepted (`backup_check.check_workbook_backup`). It is copied
    and checked beside the database first, so the current file moves only once a sound replacement
    is ready: a failed restore leaves everything where it was. With `keep_in`, a sound current
    database is first copied there as a backup (listed and restorable like any other), so a
    restore can be undone the same way. With `passphrase_hash` (the trainer passphrase of the
    database replaced, which the caller has checked), the restored database keeps that passphrase.
    Returns where the replaced database went (None when there was none). The caller must have
    closed its own connection first.
    """
    from workbook.store.backup_check import carry_passphrase, check_workbook_backup

    check_workbook_backup(backup)
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
        check_workbook_backup(staged)
        if passphrase_hash:
            carry_passphrase(staged, passphrase_hash)
        if keep_in is not None and db_path.exists() and _sound(db_path):
            _copy_into(db_path, keep_in, datetime.now(UTC))
        replaced = (move_aside(db_path, "replaced", target=replaced_to)
                    if db_path.exists() else None)
        os.replace(staged, db_path)
    finally:
        staged.unlink(missing_ok=True)
        Path(f"{staged}-journal").unlink(missing_ok=True)
    return replaced


def _sound(db_path: Path) -> bool:
    from workbook.store.connection import DatabaseProblem

    try:
        check_integrity(db_path)
    except DatabaseProblem:
        return False  # a damaged file is not copied: it is moved aside whole
    return True


def _has_learners(db_path: Path) -> bool:
    connection = sqlite3.connect(db_path, timeout=5)
    try:
        return connection.execute("SELECT EXISTS (SELECT 1 FROM learner)").fetchone()[0] == 1
    except sqlite3.OperationalError:  # no learner table yet: nothing worth keeping
        return False
    finally:
        connection.close()
