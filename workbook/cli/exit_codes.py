"""The exit codes of every command, in one table (README and `workbook --help` show it).

Each failure has its own code so that a script can tell "the file is not there" from "the certificate
was changed"; 2 stays argparse's code for a command line it cannot parse.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # done; a certificate is valid
    REFUSED = 1  # not done, or problems found: bad input, not eligible, validate/audit problems
    USAGE = 2  # the command line itself is wrong (argparse)
    NOT_FOUND = 3  # a file, folder, learner, cohort, module or backup named is missing or unreadable
    INVALID = 4  # a certificate or bundle is tampered, not genuine, signed by a key not trusted for it,
    # or (a certificate) not in its issuer's register or superseded
    DATABASE = 5  # the progress database cannot be opened or used
    DENIED = 6  # the trainer passphrase is missing or wrong
    PARTIAL = 7  # done in part: some rows or learners were skipped or failed (listed on stderr)


MEANINGS = {
    ExitCode.OK: "done (a certificate: valid)",
    ExitCode.REFUSED: "not done, or problems found (bad input, not eligible, validate or audit problems)",
    ExitCode.USAGE: "wrong command line (unknown option, missing argument)",
    ExitCode.NOT_FOUND: "a file, folder, learner, cohort, module or backup is missing or unreadable",
    ExitCode.INVALID: "tampered, not a workbook certificate, signed by a key not trusted here for it, not "
                      "in the issuer's register, or superseded",
    ExitCode.DATABASE: "the progress database cannot be opened or used",
    ExitCode.DENIED: "the trainer passphrase is missing or wrong",
    ExitCode.PARTIAL: "done in part: some rows or learners were skipped or failed",
}


def exit_code_table() -> str:
    """The table as `workbook --help` prints it."""
    return "exit codes:\n" + "\n".join(f"  {int(code)}  {meaning}" for code, meaning in MEANINGS.items())
