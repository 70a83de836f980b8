"""The trainer account: one passphrase that unlocks the trainer views on this installation.

Only a scrypt hash of the passphrase is kept (in the settings table), never the passphrase. A
wrong passphrase locks further tries for a delay that doubles with each consecutive failure
(1 s, 2 s, 4 s, ... up to 5 minutes); while locked, tries are refused without being checked, so
guessing costs time even when a script does the typing. The count survives a restart because it
is stored, not held in memory.

Forgotten passphrase: `workbook reset-trainer --yes` (see `workbook.cli.trainer.RESET_PROCEDURE`)
removes only these settings; every learner, cohort and activity row stays.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import unicodedata
from datetime import UTC, datetime, timedelta

from msgspec import Struct

from workbook.store.clock import parse_utc_text, utc_now_text
from workbook.store.models import ActivityRecord, CohortRecord, LearnerRecord, SettingRecord, database
from workbook.store.settings import get_setting, set_setting

PREFIX = "trainer."
HASH = "trainer.passphrase_hash"
FAILURES = "trainer.failures"
LOCKED_UNTIL = "trainer.locked_until"

MIN_LENGTH = 8
MAX_LENGTH = 1024  # scrypt takes any length; this only stops a pasted file being hashed
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
MAX_DELAY_SECONDS = 300
_MAX_N = 2**20  # refuse stored parameters that would take minutes or gigabytes to check



class PassphraseError(ValueError):
    """A new passphrase cannot be used (too short, or a trainer already exists); says why."""


class TrainerCheck(Struct, frozen=True):
    """The answer to one try: accepted, or refused with how long until the next try is checked."""

    ok: bool
    retry_after_seconds: float = 0.0
    reason: str = ""  # "wrong", "locked" or "no trainer" when refused

    def message(self) -> str:
        """A line for the passphrase dialog."""
        if self.ok:
            return "Unlocked."
        if self.reason == "no trainer":
            return "No trainer passphrase is set on this computer yet."
        wait = max(1, round(self.retry_after_seconds))
        unit = "second" if wait == 1 else "seconds"
        if self.reason == "locked":
            return f"Too many wrong tries: wait {wait} {unit} before trying again."
        return f"Wrong passphrase. You can try again in {wait} {unit}."


def has_trainer() -> bool:
    return bool(get_setting(HASH))


def hash_passphrase(passphrase: str, salt: bytes | None = None) -> str:
    """`scrypt$n$r$p$salt$hash` with base64 salt and hash; a fresh random salt unless given."""
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    derived = _scrypt(_normalise(passphrase), salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return "$".join(("scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(derived)))


def verify_passphrase(passphrase: str, encoded: str) -> bool:
    """Constant-time comparison against a stored hash; a damaged hash never matches, nor does a
    passphrase longer than any that can be set (it would only cost scrypt time)."""
    if len(passphrase) > MAX_LENGTH:
        return False
    try:
        scheme, n, r, p, salt, expected = encoded.split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        salt_bytes = base64.b64decode(salt, validate=True)
        expected_bytes = base64.b64decode(expected, validate=True)
    except ValueError:
        return False
    sane = 2 <= n_ <= _MAX_N and n_ & (n_ - 1) == 0 and 1 <= r_ <= 32 and 1 <= p_ <= 16
    if scheme != "scrypt" or not sane or not expected_bytes:
        return False
    try:
        derived = _scrypt(_normalise(passphrase), salt_bytes, n_, r_, p_, len(expected_bytes))
    except ValueError:
        return False
    return hmac.compare_digest(derived, expected_bytes)


def set_passphrase(new: str) -> None:
    """The first trainer passphrase; once one exists, only `change_passphrase` replaces it."""
    _check_new(new)
    with database.atomic():
        if has_trainer():
            raise PassphraseError("A trainer passphrase is already set: change it with the current one.")
        _store(new)


def change_passphrase(current: str, new: str, now: datetime | None = None) -> TrainerCheck:
    """Replace the passphrase if `current` is accepted (a wrong one counts as a failed try)."""
    _check_new(new)
    check = check_passphrase(current, now)
    if check.ok:
        _store(new)
    return check


def check_passphrase(attempt: str, now: datetime | None = None) -> TrainerCheck:
    """Accept or refuse one try, counting consecutive failures and enforcing the growing delay."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    encoded = get_setting(HASH)
    if not encoded:
        return TrainerCheck(False, 0.0, "no trainer")
    failures = _failures()
    locked = _remaining(moment, failures)
    if locked > 0:
        return TrainerCheck(False, locked, "locked")  # not checked: guessing costs the full delay
    if verify_passphrase(attempt, encoded):
        if failures:
            with database.atomic():
                SettingRecord.delete().where(SettingRecord.key.in_((FAILURES, LOCKED_UNTIL))).execute()
        return TrainerCheck(True)
    failures += 1
    delay = delay_after(failures)
    with database.atomic():
        set_setting(FAILURES, str(failures))
        set_setting(LOCKED_UNTIL, utc_now_text(moment + timedelta(seconds=delay)))
    return TrainerCheck(False, float(delay), "wrong")


def delay_after(failures: int) -> int:
    """Seconds locked after `failures` consecutive wrong tries: 1, 2, 4, ... capped at 300."""
    if failures <= 0:
        return 0
    return min(MAX_DELAY_SECONDS, 2 ** min(failures - 1, 16))


def failed_tries() -> int:
    return _failures()


def reset_trainer_passphrase() -> int:
    """Remove the trainer settings only (hash, counter, lock); returns how many were removed.

    The local procedure for a forgotten passphrase: learners, cohorts and activity are untouched.
    """
    with database.atomic():
        return SettingRecord.delete().where(SettingRecord.key.startswith(PREFIX)).execute()


def _check_new(new: str) -> None:
    """At least MIN_LENGTH characters, not counting spaces at either end (easy to type by mistake)."""
    text = unicodedata.normalize("NFC", new)
    if len(text.strip()) < MIN_LENGTH:
        raise PassphraseError(f"Use at least {MIN_LENGTH} characters for the trainer passphrase "
                              "(spaces at either end do not count).")
    if len(text) > MAX_LENGTH:
        raise PassphraseError(f"Keep the trainer passphrase under {MAX_LENGTH} characters.")


def _store(new: str) -> None:
    with database.atomic():
        set_setting(HASH, hash_passphrase(new))
        SettingRecord.delete().where(SettingRecord.key.in_((FAILURES, LOCKED_UNTIL))).execute()


def _failures() -> int:
    try:
        return max(0, int(get_setting(FAILURES, "0") or 0))
    except ValueError:
        return 1  # a damaged counter still locks, briefly


def _remaining(moment: datetime, failures: int) -> float:
    """Seconds left on the lock; never more than the delay itself, so a clock set back cannot
    lock the trainer out for longer than the rules allow."""
    text = get_setting(LOCKED_UNTIL)
    if not text:
        return 0.0
    try:
        until = parse_utc_text(text)
    except ValueError:
        return float(delay_after(max(failures, 1)))
    remaining = (until - moment).total_seconds()
    return max(0.0, min(remaining, float(delay_after(max(failures, 1)))))


def _normalise(passphrase: str) -> bytes:
    """NFC, so the same passphrase typed with a different keyboard or input method matches."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _scrypt(secret: bytes, salt: bytes, n: int, r: int, p: int, length: int = HASH_BYTES) -> bytes:
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, dklen=length,
                          maxmem=128 * r * (n + p + 2) + 1024 * 1024)


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


class KeptData(Struct, frozen=True):
    """What a passphrase reset leaves alone, counted so the reset can say so."""

    learners: int
    activity_rows: int
    cohorts: int


def kept_data() -> KeptData:
    return KeptData(LearnerRecord.select().count(), ActivityRecord.select().count(),
                    CohortRecord.select().count())
