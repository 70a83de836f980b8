"""The trainer passphrase for headless commands: the same set of jobs the app keeps behind it
(reports, exports of any learner, batch certificates, trusting keys, imports and what they refused,
rosters, merges).

Scripts give the passphrase in the environment variable WORKBOOK_TRAINER_PASSPHRASE or in a file
(`--passphrase-file FILE`, first line); otherwise a terminal is asked. With no terminal and no
passphrase given, the command is refused, never run unchecked. The same failure delays as the app
apply (store.trainer.check_passphrase). With no trainer passphrase set, nothing is asked.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from msgspec import Struct

ENVIRONMENT = "WORKBOOK_TRAINER_PASSPHRASE"

# The headless commands that need the trainer (documented in the README's command table).
TRAINER_COMMANDS = frozenset({
    "report", "export-xapi", "export-progress", "import-progress", "refused-records", "certificates",
    "import-key", "trust-key", "cohort-import", "merge-learners", "restore-backup", "reset-trainer",
})


class GateResult(Struct, frozen=True):
    allowed: bool
    message: str = ""


def trainer_allows(passphrase_file: Path | None = None, interactive: bool | None = None) -> GateResult:
    """Whether the trainer lets this command run; the store must be open (it holds the hash)."""
    from workbook.store.trainer import check_passphrase, has_trainer

    if not has_trainer():
        return GateResult(True)
    attempt, where = _given(passphrase_file, True if interactive is None else interactive)
    if attempt is None:
        return GateResult(False, where)
    check = check_passphrase(attempt)
    if not check.ok:
        return GateResult(False, f"{check.message()} (passphrase from {where})")
    return GateResult(True)


def passphrase_matches(encoded: str, passphrase_file: Path | None = None) -> GateResult:
    """Whether the passphrase given (as for `trainer_allows`) matches the hash `encoded`, read from
    a database that cannot be opened as the store (a damaged one a restore replaces), so no failed
    try can be counted there."""
    from workbook.store.trainer import verify_passphrase

    attempt, where = _given(passphrase_file, True)
    if attempt is None:
        return GateResult(False, where)
    if not verify_passphrase(attempt, encoded):
        return GateResult(False, f"Wrong passphrase (from {where}).")
    return GateResult(True)


def _given(passphrase_file: Path | None, interactive: bool) -> tuple[str | None, str]:
    """(passphrase, where it came from) or (None, why there is none)."""
    if passphrase_file is not None:
        try:
            lines = passphrase_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or error
            return None, f"the passphrase file {passphrase_file} cannot be read: {reason}"
        return (lines[0] if lines else ""), f"the file {passphrase_file}"
    if os.environ.get(ENVIRONMENT):
        return os.environ[ENVIRONMENT], f"the environment variable {ENVIRONMENT}"
    if not interactive:
        return None, ("this command needs the trainer passphrase: give it with --passphrase-file FILE or "
                      f"the environment variable {ENVIRONMENT}, or run it in a terminal")
    try:  # with no terminal getpass reads standard input; none at all (a script, CI) ends here
        return getpass.getpass("Trainer passphrase: "), "the terminal"
    except (EOFError, KeyboardInterrupt, OSError):
        return None, ("this command needs the trainer passphrase and none was given: use "
                      f"--passphrase-file FILE or the environment variable {ENVIRONMENT}")
