"""The trainer account on a real SQLite file: only a scrypt hash is stored, wrong passphrases are
refused with a growing delay, and a forgotten one is reset without touching learner data."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest

from workbook.cli import main
from workbook.paths import database_path
from workbook.store import trainer
from workbook.store.activity import activity_count, record_section_read
from workbook.store.connection import StoreError, open_database
from workbook.store.learners import active_learners, create_learner
from workbook.store.models import ActivityRecord, SettingRecord
from workbook.store.settings import get_setting, set_setting

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

PASSPHRASE = "Correct horse battery staple"
T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _stored_hash() -> str:
    return get_setting(trainer.HASH)


@pytest.mark.sqlite_only  # reads the file's bytes
def test_only_a_scrypt_hash_is_stored(database, data_dir):
    """The hash never equals or contains the passphrase, its bytes, hex or base64; salts differ."""
    trainer.set_passphrase(PASSPHRASE)
    stored = _stored_hash()
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    raw = PASSPHRASE.encode()
    forms = [PASSPHRASE, PASSPHRASE.lower(), raw.hex(), base64.b64encode(raw).decode(),
             base64.urlsafe_b64encode(raw).decode().rstrip("="), "staple"]
    for form in forms:
        assert form not in stored and form.lower() not in stored.lower()
    assert stored != PASSPHRASE
    everything = "\n".join(f"{row.key}={row.value}" for row in SettingRecord.select())
    assert "staple" not in everything.lower()
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    on_disk = database_path(data_dir).read_bytes()
    assert raw not in on_disk and b"staple" not in on_disk
    assert trainer.hash_passphrase(PASSPHRASE) != trainer.hash_passphrase(PASSPHRASE)  # fresh salt each time
    assert trainer.verify_passphrase(PASSPHRASE, stored)
    assert not trainer.verify_passphrase(PASSPHRASE + " ", stored)


def test_no_trainer_means_trainer_views_stay_shut(database):
    """Before a trainer exists nothing unlocks them: a learner cannot walk in."""
    assert not trainer.has_trainer()
    check = trainer.check_passphrase("anything at all")
    assert not check.ok and check.reason == "no trainer"


@pytest.mark.parametrize("bad", ["", "short", "       7", " " * 12])
def test_weak_passphrases_are_refused(database, bad):
    with pytest.raises(trainer.PassphraseError):
        trainer.set_passphrase(bad)
    assert not trainer.has_trainer()


def test_the_first_passphrase_cannot_be_overwritten_without_the_current_one(database):
    """A learner at the keyboard cannot just set a new passphrase over the trainer's."""
    trainer.set_passphrase(PASSPHRASE)
    with pytest.raises(trainer.PassphraseError, match="already set"):
        trainer.set_passphrase("learner-takes-over")
    assert trainer.check_passphrase(PASSPHRASE, now=T0).ok
    assert not trainer.check_passphrase("learner-takes-over", now=T0 + timedelta(hours=1)).ok


def test_wrong_passphrases_are_refused_with_a_doubling_delay(database):
    """1, 2, 4, 8 ... seconds, capped at 300; each wrong try counted in the settings."""
    trainer.set_passphrase(PASSPHRASE)
    moment = T0
    delays = []
    for _ in range(11):
        check = trainer.check_passphrase("not it at all", now=moment)
        assert not check.ok and check.reason == "wrong"
        delays.append(check.retry_after_seconds)
        moment += timedelta(seconds=check.retry_after_seconds)  # wait out each delay exactly
    assert delays == [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]
    assert trainer.failed_tries() == 11


def test_locked_tries_are_refused_even_with_the_right_passphrase(database):
    """While locked, tries are not checked at all; once the delay passes the right one works."""
    trainer.set_passphrase(PASSPHRASE)
    for seconds in (0, 1, 3):  # three wrong tries, each after the previous lock: now locked 4 s
        assert trainer.check_passphrase("nope-nope", now=T0 + timedelta(seconds=seconds)).reason == "wrong"
    locked = trainer.check_passphrase(PASSPHRASE, now=T0 + timedelta(seconds=4))
    assert not locked.ok and locked.reason == "locked" and locked.retry_after_seconds == pytest.approx(3)
    also = trainer.check_passphrase("nope-nope", now=T0 + timedelta(seconds=6))
    assert also.reason == "locked" and trainer.failed_tries() == 3  # refused unchecked, not counted
    assert trainer.check_passphrase(PASSPHRASE, now=T0 + timedelta(seconds=7)).ok


def test_success_resets_the_counter(database):
    trainer.set_passphrase(PASSPHRASE)
    trainer.check_passphrase("wrong one!", now=T0)
    trainer.check_passphrase("wrong two!", now=T0 + timedelta(seconds=1))
    assert trainer.check_passphrase(PASSPHRASE, now=T0 + timedelta(seconds=3)).ok
    assert trainer.failed_tries() == 0 and get_setting(trainer.LOCKED_UNTIL) is None
    again = trainer.check_passphrase("wrong again", now=T0 + timedelta(seconds=4))
    assert again.retry_after_seconds == 1  # the doubling starts over


def test_a_clock_set_back_cannot_lock_the_trainer_out_longer(database):
    """The remaining lock never exceeds the delay the failure count allows."""
    trainer.set_passphrase(PASSPHRASE)
    trainer.check_passphrase("wrong try!", now=T0)
    check = trainer.check_passphrase(PASSPHRASE, now=T0 - timedelta(days=3))
    assert check.reason == "locked" and check.retry_after_seconds <= 1


def test_change_needs_the_current_passphrase(database):
    trainer.set_passphrase(PASSPHRASE)
    refused = trainer.change_passphrase("not the current one", "brand new passphrase", now=T0)
    assert not refused.ok and refused.reason == "wrong"
    assert trainer.check_passphrase(PASSPHRASE, now=T0 + timedelta(seconds=2)).ok
    with pytest.raises(trainer.PassphraseError):
        trainer.change_passphrase(PASSPHRASE, "short", now=T0 + timedelta(seconds=3))
    assert trainer.change_passphrase(PASSPHRASE, "brand new passphrase", now=T0 + timedelta(seconds=4)).ok
    assert not trainer.check_passphrase(PASSPHRASE, now=T0 + timedelta(seconds=5)).ok
    assert trainer.check_passphrase("brand new passphrase", now=T0 + timedelta(seconds=10)).ok


def test_unicode_passphrases_match_however_they_were_typed(database):
    """NFC: "é" typed as one character or as e + combining accent is the same passphrase."""
    trainer.set_passphrase("caf\u00e9 au lait, s'il vous pla\u00eet")
    assert trainer.check_passphrase("cafe\u0301 au lait, s'il vous plai\u0302t", now=T0).ok


def test_a_damaged_hash_never_matches(database):
    set_setting(trainer.HASH, "scrypt$1048577$8$1$AAAA$BBBB")
    assert not trainer.check_passphrase("anything goes here", now=T0).ok
    assert not trainer.verify_passphrase("x", "not a hash")
    assert not trainer.verify_passphrase("x", "scrypt$16384$8$1$%%%$BBBB")


def test_learner_data_cannot_be_changed_or_deleted_from_the_store(database):
    """Scores are activity rows, and those refuse updates and deletes whoever asks."""
    learner = create_learner("Ana")
    row = record_section_read(learner.id, "empathy", "apologizing-well")
    with pytest.raises(StoreError, match="append-only"):
        ActivityRecord.update(payload='{"percent": 100}').where(ActivityRecord.id == row.id).execute()
    with pytest.raises(StoreError, match="append-only"):
        ActivityRecord.delete().execute()
    assert activity_count() == 1


def test_reset_keeps_every_learner_and_activity_row(database):
    """The forgotten-passphrase procedure removes the trainer settings and nothing else."""
    learners = [create_learner(name) for name in ("Ana", "Ben", "Cy")]
    for learner in learners:
        record_section_read(learner.id, "empathy", "apologizing-well")
    set_setting("reader_zoom", "120")
    set_setting("certificate.trainer", "Margaret")
    trainer.set_passphrase(PASSPHRASE)
    trainer.check_passphrase("wrong!wrong!", now=T0)
    before = (activity_count(), [learner.id for learner in active_learners()])

    removed = trainer.reset_trainer_passphrase()
    assert removed == 3  # hash, failure count, lock
    assert not trainer.has_trainer() and trainer.failed_tries() == 0
    assert (activity_count(), [learner.id for learner in active_learners()]) == before
    assert (get_setting("reader_zoom"), get_setting("certificate.trainer")) == ("120", "Margaret")
    trainer.set_passphrase("a new trainer passphrase")
    assert trainer.check_passphrase("a new trainer passphrase", now=T0).ok


def _cli(argv: list[str]) -> int:
    """The command line as `python main.py` runs it."""
    return main(argv)


def test_cli_reset_trainer_explains_without_yes_and_resets_with_it(data_dir, capsys):
    db = open_database(database_path(data_dir))
    learner = create_learner("Dana")
    record_section_read(learner.id, "empathy", "apologizing-well")
    trainer.set_passphrase(PASSPHRASE)
    db.close()

    assert _cli(["reset-trainer", "--data-dir", str(data_dir)]) == 1
    explained = capsys.readouterr().err
    assert "reset-trainer --yes" in explained and "kept" in explained and "Nothing was changed" in explained
    db = open_database(database_path(data_dir))
    assert trainer.has_trainer()
    db.close()

    assert _cli(["reset-trainer", "--yes", "--data-dir", str(data_dir)]) == 0
    said = capsys.readouterr().out
    assert "removed" in said and "1 learner profiles, 1 activity rows" in said
    db = open_database(database_path(data_dir))
    try:
        assert not trainer.has_trainer()
        assert [row.display_name for row in active_learners()] == ["Dana"] and activity_count() == 1
    finally:
        db.close()
    assert _cli(["reset-trainer", "--yes", "--data-dir", str(data_dir)]) == 0
    assert "nothing to reset" in capsys.readouterr().out
