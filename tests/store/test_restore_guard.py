"""A restore replaces the trainer's database, passphrase included (red team 3, L2): it needs the
trainer passphrase when the current database has one, takes only real workbook backups, keeps the
current database as a backup first, and the restored database keeps the passphrase."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from db_kit import opened

from workbook.cli import main
from workbook.paths import backups_dir, database_path
from workbook.store.backup_check import NotAWorkbookBackup, check_workbook_backup, trainer_hash_in
from workbook.store.backups import list_backups, take_backup
from workbook.store.learners import create_learner
from workbook.store.recovery import Recovery, RecoveryChoice, open_or_recover
from workbook.store.trainer import check_passphrase, has_trainer, set_passphrase
from workbook.trainer_gate import ENVIRONMENT

PASSPHRASE = "trainer secret 42"
GARBAGE = b"this is not a database" * 100


@pytest.fixture(autouse=True)
def no_passphrase_in_environment(monkeypatch):
    monkeypatch.delenv(ENVIRONMENT, raising=False)


def names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT display_name FROM learner ORDER BY 1")]
    finally:
        connection.close()


def protected_with_backup(data_dir: Path) -> Path:
    """Ana in a backup taken before the trainer set a passphrase; Ana and Ben behind it now."""
    with opened(data_dir):
        create_learner("Ana")
    backup = take_backup(database_path(data_dir), backups_dir(data_dir))
    with opened(data_dir):
        create_learner("Ben")
        set_passphrase(PASSPHRASE)
    return backup


def restore(data_dir: Path, *extra: str) -> int:
    return main(["restore-backup", *extra, "--data-dir", str(data_dir)])


def passphrase_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / f"pass-{len(text)}"
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


def other_workbook(folder: Path, name: str) -> Path:
    """A genuine workbook database of another folder, with no passphrase (the red team's 'evil')."""
    folder.mkdir()
    with opened(folder):
        create_learner(name)
    return database_path(folder)


def test_a_restore_over_a_protected_database_needs_the_passphrase_and_keeps_it(data_dir, tmp_path, capsys):
    backup = protected_with_backup(data_dir)
    path = database_path(data_dir)
    encoded = trainer_hash_in(path)
    assert restore(data_dir) == 6  # no passphrase given, and no terminal to ask
    assert "trainer passphrase" in capsys.readouterr().err
    assert names(path) == ["Ana", "Ben"] and trainer_hash_in(path) == encoded
    assert restore(data_dir, str(other_workbook(tmp_path / "evil", "Evil Twin"))) == 6
    assert names(path) == ["Ana", "Ben"] and trainer_hash_in(path) == encoded
    assert restore(data_dir, "--passphrase-file", passphrase_file(tmp_path, PASSPHRASE)) == 0
    out = capsys.readouterr().out
    assert f"Restored {backup}" in out
    assert names(path) == ["Ana"] and trainer_hash_in(path) == encoded  # the backup predates it: carried
    kept = [found.path for found in list_backups(backups_dir(data_dir)) if found.path != backup]
    assert len(kept) == 1 and names(kept[0]) == ["Ana", "Ben"]  # the replaced database, as a backup
    assert restore(data_dir, str(kept[0]), "--passphrase-file", passphrase_file(tmp_path, PASSPHRASE)) == 0
    assert names(path) == ["Ana", "Ben"]  # undone the same way


def test_a_wrong_passphrase_restores_nothing(data_dir, tmp_path, capsys):
    protected_with_backup(data_dir)
    path = database_path(data_dir)
    before = path.read_bytes()
    assert restore(data_dir, "--passphrase-file", passphrase_file(tmp_path, "not the passphrase")) == 6
    assert "Wrong passphrase" in capsys.readouterr().err
    assert names(path) == ["Ana", "Ben"] and list(data_dir.glob("*.replaced-*")) == []
    assert len(list_backups(backups_dir(data_dir))) == 1 and path.read_bytes()[:100] == before[:100]


def test_only_real_workbook_backups_are_restored(data_dir, tmp_path, capsys):
    with opened(data_dir):
        create_learner("Ana")
    path = database_path(data_dir)
    foreign = tmp_path / "foreign.sqlite"
    connection = sqlite3.connect(foreign)
    connection.execute("CREATE TABLE learner (display_name TEXT)")
    connection.execute("INSERT INTO learner VALUES ('Evil Twin')")
    connection.commit()
    connection.close()
    assert restore(data_dir, str(foreign)) == 1
    assert "is not a workbook backup" in capsys.readouterr().err
    changed = other_workbook(tmp_path / "changed", "Evil Twin")
    connection = sqlite3.connect(changed)
    connection.execute("CREATE TRIGGER wipe AFTER INSERT ON activity BEGIN DELETE FROM learner; END")
    connection.commit()
    connection.close()
    assert restore(data_dir, str(changed)) == 1
    err = capsys.readouterr().err
    assert "is not a workbook backup" in err and "trigger wipe" in err
    assert names(path) == ["Ana"] and list(data_dir.glob("*.replaced-*")) == []
    with pytest.raises(NotAWorkbookBackup, match="schema version is 0"):
        check_workbook_backup(_empty_sqlite(tmp_path / "empty.sqlite"))
    check_workbook_backup(Path(__file__).parent / "fixtures" / "schema_v1.sqlite")  # an old release's file


def _empty_sqlite(path: Path) -> Path:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE t (x)")
    connection.close()
    return path


def test_a_damaged_database_is_replaced_only_with_the_passphrase_of_its_backups(data_dir, tmp_path, capsys):
    """Nothing of the current file can be read: the newest backup's passphrase stands in for it."""
    with opened(data_dir):
        create_learner("Ana")
        set_passphrase(PASSPHRASE)
    take_backup(database_path(data_dir), backups_dir(data_dir))
    database_path(data_dir).write_bytes(GARBAGE)
    assert restore(data_dir) == 6
    assert database_path(data_dir).read_bytes() == GARBAGE
    assert restore(data_dir, "--passphrase-file", passphrase_file(tmp_path, PASSPHRASE)) == 0
    assert names(database_path(data_dir)) == ["Ana"]
    assert [aside.read_bytes() for aside in data_dir.glob("*.replaced-*")] == [GARBAGE]


def test_the_window_recovery_asks_for_the_passphrase_before_restoring(data_dir):
    with opened(data_dir):
        create_learner("Ana")
        set_passphrase(PASSPHRASE)
    path = database_path(data_dir)
    encoded = trainer_hash_in(path)
    take_backup(path, backups_dir(data_dir))
    path.write_bytes(GARBAGE)
    backup = list_backups(backups_dir(data_dir))[0].path
    reports = []
    answers = iter([RecoveryChoice(Recovery.RESTORE, backup),
                    RecoveryChoice(Recovery.RESTORE, backup, "not the passphrase"),
                    RecoveryChoice(Recovery.RESTORE, backup, PASSPHRASE)])

    def ask(report):
        reports.append(report)
        return next(answers)

    open_or_recover(data_dir, ask).close()
    assert [report.needs_passphrase for report in reports] == [True, True, True]
    assert "trainer passphrase" in reports[1].reason and "trainer passphrase" in reports[2].reason
    assert names(path) == ["Ana"] and trainer_hash_in(path) == encoded
    assert reports[0].moved_to.read_bytes() == GARBAGE


def test_starting_fresh_keeps_the_passphrase_so_damage_is_no_way_past_it(data_dir):
    """A learner who damages the file and starts fresh must not get trainer views without a passphrase."""
    with opened(data_dir):
        create_learner("Ana")
        set_passphrase(PASSPHRASE)
    take_backup(database_path(data_dir), backups_dir(data_dir))
    encoded = trainer_hash_in(database_path(data_dir))
    database_path(data_dir).write_bytes(GARBAGE)
    reports = []

    def start_fresh(report):
        reports.append(report)
        return RecoveryChoice(Recovery.START_FRESH)

    db = open_or_recover(data_dir, start_fresh)
    try:
        assert reports[0].needs_passphrase
        assert has_trainer() and check_passphrase(PASSPHRASE).ok
        assert not check_passphrase("a learner's guess").ok
    finally:
        db.close()
    assert names(database_path(data_dir)) == [] and trainer_hash_in(database_path(data_dir)) == encoded


def test_starting_fresh_without_any_passphrase_sets_none(data_dir):
    database_path(data_dir).write_bytes(GARBAGE)
    db = open_or_recover(data_dir, lambda report: RecoveryChoice(Recovery.START_FRESH))
    try:
        assert not has_trainer()
    finally:
        db.close()
