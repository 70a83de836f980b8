"""Backups, restoring them, and what happens when the database file is damaged."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbook.cli import main
from workbook.paths import backups_dir, database_path
from workbook.store.activity import record_section_read
from workbook.store.backups import list_backups, restore_backup, take_backup
from workbook.store.connection import CorruptDatabaseError, open_database
from workbook.store.learners import active_learners, create_learner
from workbook.store.recovery import DamageReport, Recovery, RecoveryChoice, open_or_recover

GARBAGE = b"this is not a database" * 100
T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)


def make_database(data_dir: Path, *names: str, reads: int = 0) -> Path:
    """A closed database file holding learners with the given names (the first with some reads)."""
    db = open_database(database_path(data_dir))
    try:
        for index, name in enumerate(names):
            learner = create_learner(name)
            for number in range(reads if index == 0 else 0):
                record_section_read(learner.id, "empathy", f"section-{number}")
    finally:
        db.close()
    return database_path(data_dir)


def learner_names(path: Path) -> list[str]:
    db = open_database(path)
    try:
        return [learner.display_name for learner in active_learners()]
    finally:
        db.close()


def names_in_file(path: Path) -> list[str]:
    """Learner names read with plain sqlite3, without migrating or binding anything."""
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT display_name FROM learner ORDER BY 1")]
    finally:
        connection.close()


class Asker:
    """A recovery question answered from a script, remembering every report it was shown."""

    def __init__(self, *answers) -> None:
        self.answers = list(answers)
        self.reports: list[DamageReport] = []

    def __call__(self, report: DamageReport) -> RecoveryChoice:
        self.reports.append(report)
        answer = self.answers.pop(0)
        return answer(report) if callable(answer) else answer


def newest_backup(report: DamageReport) -> RecoveryChoice:
    return RecoveryChoice(Recovery.RESTORE, report.backups[0].path)


def test_take_backup_makes_readable_copy_and_keeps_newest(database, data_dir):
    """Each backup is a readable copy; only the newest `keep` copies remain, listed newest first."""
    create_learner("Ana")
    folder = backups_dir(data_dir)
    taken = [take_backup(database_path(data_dir), folder, keep=3, now=T0 + timedelta(hours=h))
             for h in range(5)]
    found = list_backups(folder)
    assert [backup.path for backup in found] == taken[:1:-1]
    assert [backup.taken_at for backup in found] == [T0 + timedelta(hours=h) for h in (4, 3, 2)]
    assert sorted(path.name for path in folder.iterdir()) == sorted(path.name for path in taken[2:])
    assert names_in_file(found[0].path) == ["Ana"]


def test_list_backups_ignores_other_files(tmp_path):
    """Files that are not named like a backup are not listed; a missing folder lists nothing."""
    assert list_backups(tmp_path / "absent") == []
    (tmp_path / "workbook-not-a-date.sqlite").write_bytes(b"")
    (tmp_path / "notes.sqlite").write_bytes(b"")
    assert list_backups(tmp_path) == []


def test_take_backup_without_database_does_nothing(data_dir):
    """With no database file yet there is nothing to back up."""
    assert take_backup(database_path(data_dir), backups_dir(data_dir)) is None
    assert not backups_dir(data_dir).exists()


def test_restore_backup_moves_current_file_aside(data_dir):
    """Restoring puts the backup's content in place; the replaced file is kept, not deleted."""
    path = make_database(data_dir, "Ana")
    backup = take_backup(path, backups_dir(data_dir))
    db = open_database(path)
    create_learner("Ben")
    db.close()

    replaced = restore_backup(backup, path)
    assert replaced is not None and replaced.parent == data_dir
    assert names_in_file(replaced) == ["Ana", "Ben"]
    assert learner_names(path) == ["Ana"]
    assert backup.exists()


def test_garbage_file_is_corrupt(data_dir):
    """A database path holding garbage bytes is refused as corrupt."""
    database_path(data_dir).write_bytes(GARBAGE)
    with pytest.raises(CorruptDatabaseError):
        open_database(database_path(data_dir))
    assert database_path(data_dir).read_bytes() == GARBAGE


def test_recovery_start_fresh_keeps_damaged_file(data_dir):
    """Starting fresh gives an empty usable database; the damaged file is moved aside untouched."""
    database_path(data_dir).write_bytes(GARBAGE)
    ask = Asker(RecoveryChoice(Recovery.START_FRESH))
    db = open_or_recover(data_dir, ask)
    try:
        assert active_learners() == []
        create_learner("Ana")
        assert [learner.display_name for learner in active_learners()] == ["Ana"]
    finally:
        db.close()
    [report] = ask.reports
    assert str(database_path(data_dir)) in report.reason
    assert report.backups == []
    assert report.moved_to.parent == data_dir
    assert report.moved_to.read_bytes() == GARBAGE


def test_recovery_restores_chosen_backup(data_dir):
    """Choosing a backup brings its learners back; the damaged file is still kept aside."""
    path = make_database(data_dir, "Ana")
    backup = take_backup(path, backups_dir(data_dir))
    path.write_bytes(GARBAGE)
    ask = Asker(newest_backup)
    db = open_or_recover(data_dir, ask)
    try:
        assert [learner.display_name for learner in active_learners()] == ["Ana"]
    finally:
        db.close()
    assert [b.path for b in ask.reports[0].backups] == [backup]
    assert ask.reports[0].moved_to.read_bytes() == GARBAGE


def test_recovery_offers_again_when_backup_is_damaged(data_dir):
    """A damaged backup is not restored; the question comes back without it, and a good one works."""
    path = make_database(data_dir, "Ana")
    take_backup(path, backups_dir(data_dir), now=T0)
    damaged = backups_dir(data_dir) / "workbook-20990101-000000-000000.sqlite"
    damaged.write_bytes(GARBAGE)
    path.write_bytes(GARBAGE)
    ask = Asker(newest_backup, newest_backup)
    db = open_or_recover(data_dir, ask)
    try:
        assert [learner.display_name for learner in active_learners()] == ["Ana"]
    finally:
        db.close()
    first, second = ask.reports
    assert first.backups[0].path == damaged
    assert second.reason.startswith("That backup is damaged too")
    assert damaged not in [b.path for b in second.backups]
    assert damaged.read_bytes() == GARBAGE


def test_recovery_quit_returns_none(data_dir):
    """Choosing to quit opens nothing and leaves the damaged file where it was."""
    database_path(data_dir).write_bytes(GARBAGE)
    ask = Asker(RecoveryChoice(Recovery.QUIT))
    assert open_or_recover(data_dir, ask) is None
    assert database_path(data_dir).read_bytes() == GARBAGE
    assert not ask.reports[0].moved_to.exists()


def test_after_quit_next_start_asks_again(data_dir):
    """Quitting at the recovery question leaves the next start to ask again, not start empty."""
    database_path(data_dir).write_bytes(GARBAGE)
    assert open_or_recover(data_dir, Asker(RecoveryChoice(Recovery.QUIT))) is None
    ask = Asker(RecoveryChoice(Recovery.QUIT))
    db = open_or_recover(data_dir, ask)
    if db is not None:
        db.close()
    assert len(ask.reports) == 1


def test_truncated_database_is_detected(data_dir):
    """A real database cut in half is refused as corrupt and goes through recovery, not opened empty."""
    path = make_database(data_dir, "Ana", "Ben", reads=300)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(CorruptDatabaseError):
        open_database(path)
    ask = Asker(RecoveryChoice(Recovery.START_FRESH))
    open_or_recover(data_dir, ask).close()
    assert ask.reports[0].moved_to.read_bytes() == whole[: len(whole) // 2]


def test_cli_backups_lists_newest_first(data_dir, capsys):
    """`backups --data-dir DIR` lists that folder's backups, newest first."""
    path = make_database(data_dir, "Ana")
    older = take_backup(path, backups_dir(data_dir), now=T0)
    newer = take_backup(path, backups_dir(data_dir), now=T0 + timedelta(days=1))
    assert main(["backups", "--data-dir", str(data_dir)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == [str(newer), str(older)]


def test_cli_backups_when_none(data_dir, capsys):
    """`backups` with no backups says so and succeeds."""
    assert main(["backups", "--data-dir", str(data_dir)]) == 0
    assert capsys.readouterr().out.startswith("No backups in")


def test_cli_data_dir_before_subcommand(data_dir, capsys):
    """`--data-dir DIR backups` uses DIR just like `backups --data-dir DIR`."""
    backup = take_backup(make_database(data_dir, "Ana"), backups_dir(data_dir))
    assert main(["--data-dir", str(data_dir), "backups"]) == 0
    assert str(backup) in capsys.readouterr().out


def test_cli_restore_newest_backup(data_dir, capsys):
    """`restore-backup` restores the newest backup, keeps the replaced file, and returns 0."""
    path = make_database(data_dir, "Ana")
    take_backup(path, backups_dir(data_dir), now=T0)
    db = open_database(path)
    create_learner("Ben")
    db.close()
    newest = take_backup(path, backups_dir(data_dir), now=T0 + timedelta(days=1))
    db = open_database(path)
    create_learner("Cy")
    db.close()

    assert main(["restore-backup", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Restored {newest}"
    kept = Path(out[1].removeprefix("The previous database was kept as "))
    assert names_in_file(kept) == ["Ana", "Ben", "Cy"]
    assert learner_names(path) == ["Ana", "Ben"]


def test_cli_restore_without_backups_fails(data_dir, capsys):
    """`restore-backup` with no backups returns 3 (not found), says why, and leaves the database alone."""
    path = make_database(data_dir, "Ana")
    before = path.read_bytes()
    assert main(["restore-backup", "--data-dir", str(data_dir)]) == 3
    assert capsys.readouterr().err.startswith("No backups in")
    assert path.read_bytes() == before


def test_cli_restore_damaged_backup_fails(data_dir, capsys):
    """`restore-backup FILE` refuses a damaged backup and keeps the current database in place."""
    path = make_database(data_dir, "Ana")
    damaged = data_dir / "damaged.sqlite"
    damaged.write_bytes(GARBAGE)
    assert main(["restore-backup", str(damaged), "--data-dir", str(data_dir)]) == 1
    assert capsys.readouterr().err.startswith("Not restored:")
    assert learner_names(path) == ["Ana"]


def test_database_without_learners_is_not_backed_up(database, data_dir):
    """An empty database is not copied, so repeated empty starts cannot rotate real backups away."""
    folder = backups_dir(data_dir)
    assert take_backup(database_path(data_dir), folder) is None
    assert list_backups(folder) == []


def test_damaged_backup_then_quit_leaves_the_damaged_database_in_place(data_dir):
    """Restoring a damaged backup fails before anything moves: quitting then keeps the database
    where it was, so the next start asks again instead of opening empty."""
    path = make_database(data_dir, "Ana")
    take_backup(path, backups_dir(data_dir), now=T0)
    newest = list_backups(backups_dir(data_dir))[0].path
    newest.write_bytes(GARBAGE)
    path.write_bytes(GARBAGE + b"live")
    ask = Asker(newest_backup, RecoveryChoice(Recovery.QUIT))
    assert open_or_recover(data_dir, ask) is None
    assert path.read_bytes() == GARBAGE + b"live"
    assert not ask.reports[0].moved_to.exists()
    assert not path.with_name(path.name + ".restoring").exists()


def test_zero_length_database_with_backups_is_damage(data_dir):
    """An empty file where progress was is never opened as a new empty database: the backups are
    offered and the empty file is kept aside."""
    path = make_database(data_dir, "Ana", reads=3)
    take_backup(path, backups_dir(data_dir), now=T0)
    path.write_bytes(b"")
    with pytest.raises(CorruptDatabaseError, match="empty"):
        open_database(path, backups_dir(data_dir))
    ask = Asker(newest_backup)
    open_or_recover(data_dir, ask).close()
    assert "empty (0 bytes)" in ask.reports[0].reason
    assert names_in_file(path) == ["Ana"]
    assert ask.reports[0].moved_to.read_bytes() == b""


def test_zero_length_database_without_backups_starts_fresh(data_dir):
    """A first start cut short leaves an empty file and no backups: nothing is lost by opening it."""
    path = database_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    open_database(path, backups_dir(data_dir)).close()
    assert path.stat().st_size > 0


def test_damage_message_is_plain_words(data_dir):
    path = make_database(data_dir, "Ana", "Ben", reads=300)
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    for offset in range(page_size * 2 + 100, min(len(data), page_size * 6), 7):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptDatabaseError) as raised:
        open_database(path)
    assert "\n" not in str(raised.value) and len(str(raised.value)) < 300


def test_killed_backup_leaves_no_partial_files(data_dir):
    path = make_database(data_dir, "Ana")
    folder = backups_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "workbook-20250101-000000-000000.sqlite.partial").write_bytes(b"x")
    (folder / "workbook-20250101-000000-000000.sqlite.partial-journal").write_bytes(b"x" * 1024)
    take_backup(path, folder, now=T0)
    assert [p.name for p in folder.iterdir() if "partial" in p.name] == []


def test_restore_is_refused_while_the_app_holds_the_data_folder(data_dir, capsys):
    """A restore while the app runs would move the live file away under it: refused, nothing moved."""
    import os
    import socket

    from workbook.store.lock import LOCK_FILE

    path = make_database(data_dir, "Ana")
    take_backup(path, backups_dir(data_dir), now=T0)
    before = path.read_bytes()
    # The lock file as the running app's QLockFile writes it, held by a live process (this one).
    (data_dir / LOCK_FILE).write_text(f"{os.getpid()}\nworkbook\n{socket.gethostname()}\n", encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "restore-backup"]) == 1
    err = capsys.readouterr().err
    assert "is open" in err and "close it first" in err
    assert path.read_bytes() == before
    assert not list(data_dir.glob("workbook.sqlite.replaced-*"))


def test_restore_goes_ahead_over_a_stale_lock(data_dir, capsys):
    from workbook.store.lock import LOCK_FILE

    path = make_database(data_dir, "Ana")
    take_backup(path, backups_dir(data_dir), now=T0)
    (data_dir / LOCK_FILE).write_text("999999999\nworkbook\n" + __import__("socket").gethostname() + "\n",
                                      encoding="utf-8")
    assert main(["--data-dir", str(data_dir), "restore-backup"]) == 0
    assert not (data_dir / LOCK_FILE).exists()
