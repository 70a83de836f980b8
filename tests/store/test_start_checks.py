"""Start-up touches only what it must: a full integrity check after an unclean shutdown, a week
after the last one, or on request; a cheap header check always; at most one backup a day, only
when the database changed, with old copies thinned by age."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from workbook.paths import backups_dir, database_path
from workbook.store import health
from workbook.store.backups import Backup, list_backups, take_backup, thin_backups
from workbook.store.connection import CorruptDatabaseError, open_database
from workbook.store.learners import create_learner
from workbook.store.recovery import Recovery, RecoveryChoice, open_or_recover

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)


def _database(data_dir):
    db = open_database(database_path(data_dir))
    create_learner("Ana")
    db.close()
    return database_path(data_dir)


def test_a_check_is_due_after_a_crash_or_a_week(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    assert health.integrity_check_due(data_dir, NOW) == "no check has been recorded yet"
    health.record_check(data_dir, NOW)
    assert health.integrity_check_due(data_dir, NOW + timedelta(days=6)) is None
    assert "7 days" in health.integrity_check_due(data_dir, NOW + timedelta(days=8))
    health.session_started(data_dir)  # and never ended: the app crashed
    crashed = health.integrity_check_due(data_dir, NOW + timedelta(days=1))
    assert crashed == "the last session did not close cleanly"
    health.session_ended_cleanly(data_dir)
    assert health.integrity_check_due(data_dir, NOW + timedelta(days=1)) is None


def test_without_a_full_check_a_file_that_is_not_sqlite_is_still_refused(data_dir):
    path = _database(data_dir)
    path.write_bytes(b"PK\x03\x04 not a database at all" * 50)
    with pytest.raises(CorruptDatabaseError, match="SQLite header"):
        open_database(path, full_check=False)
    ask = lambda report: RecoveryChoice(Recovery.QUIT)  # noqa: E731
    assert open_or_recover(data_dir, ask, full_check=False) is None


def test_an_empty_file_is_damage_even_without_a_full_check(data_dir):
    path = _database(data_dir)
    take_backup(path, backups_dir(data_dir), now=NOW)
    path.write_bytes(b"")
    with pytest.raises(CorruptDatabaseError, match="empty"):
        open_database(path, backups_dir(data_dir), full_check=False)


def test_backups_at_most_once_a_day_and_only_when_changed(data_dir):
    path = _database(data_dir)
    folder = backups_dir(data_dir)
    first = take_backup(path, folder, keep=None, now=NOW, at_most_every=timedelta(hours=20))
    assert first is not None
    assert take_backup(path, folder, keep=None, now=NOW + timedelta(hours=2),
                       at_most_every=timedelta(hours=20)) is None  # too soon
    # A day later but nothing changed since the copy (the file's time is before the copy's).
    import os
    os.utime(path, (NOW.timestamp() - 60, NOW.timestamp() - 60))
    assert take_backup(path, folder, keep=None, now=NOW + timedelta(days=1),
                       at_most_every=timedelta(hours=20)) is None
    os.utime(path, ((NOW + timedelta(days=1)).timestamp(),) * 2)  # changed since
    assert take_backup(path, folder, keep=None, now=NOW + timedelta(days=1, hours=1),
                       at_most_every=timedelta(hours=20)) is not None
    assert len(list_backups(folder)) == 2


def test_thinning_keeps_recent_then_daily_weekly_monthly(tmp_path):
    hours = [1, 5, 30, 47, 52, 53, 24 * 5, 24 * 5 + 3, 24 * 20, 24 * 21, 24 * 22, 24 * 100, 24 * 101,
             24 * 400]
    backups = [Backup(tmp_path / f"{h}.sqlite", NOW - timedelta(hours=h)) for h in hours]
    deleted = {int(b.path.stem) for b in thin_backups(backups, NOW)}
    kept = set(hours) - deleted
    assert {1, 5, 30, 47} <= kept  # the last two days, all of them
    assert 400 * 24 in deleted  # older than a year
    assert len(kept & {52, 53}) == 1  # one per day
    assert len(kept & {24 * 5, 24 * 5 + 3}) == 1
    assert len(kept & {24 * 100, 24 * 101}) == 1  # one per month
