"""Trainer subcommands: reset a forgotten trainer passphrase, and enrol a roster CSV in a cohort.

`reset-trainer` is the documented local procedure for a forgotten passphrase: it removes only the
trainer settings, never a learner, cohort or activity row. Without `--yes` it explains itself and
changes nothing. `cohort-import` asks for the trainer passphrase when one is set.

Exit codes (workbook.cli.exit_codes): 0 done; 1 refused or nothing done; 7 (cohort-import) good rows
enrolled, bad rows listed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import Refused, chosen_database_url, open_store
from workbook.core.outside_text import printable
from workbook.paths import database_path, resolve_data_dir

# Kept here, not in the store: registering the subcommand must not import the store (90 ms of
# start-up for every command, the app included).
RESET_PROCEDURE = """\
Forgotten trainer passphrase: reset it on this computer.

  1. Close the workbook on this computer.
  2. Run:  workbook reset-trainer --yes   (add --data-dir DIR if the data lives elsewhere)
  3. Open the workbook and set a new trainer passphrase (Trainer views ask for one).

The reset removes only the trainer passphrase and its failed-try counter. Every learner profile,
cohort, quiz attempt, practice call and certificate record is kept. Anyone who can run commands
as this computer's user can do this, so protect the computer account itself."""


def add_trainer_commands(commands, common: argparse.ArgumentParser,
                         content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    reset = commands.add_parser("reset-trainer", parents=[common],
                                help="forgotten trainer passphrase: remove it (all learner data is kept)",
                                description=RESET_PROCEDURE,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    reset.add_argument("--yes", action="store_true", help="remove the trainer passphrase now")
    roster = commands.add_parser("cohort-import", parents=[common],
                                 help="enrol the learners of a roster CSV (name, employee id, email) in a "
                                      "cohort; bad rows are listed by line")
    roster.add_argument("roster", metavar="ROSTER.csv", help="UTF-8 CSV with a header row")
    roster.add_argument("--cohort", required=True, metavar="NAME", help="cohort name (see the trainer page)")
    roster.add_argument("--create", action="store_true",
                        help="create the cohort if there is none by that name")
    return {"reset-trainer": _reset_trainer, "cohort-import": _cohort_import}


def _reset_trainer(args: argparse.Namespace) -> int:
    from workbook.store.trainer import has_trainer, kept_data, reset_trainer_passphrase

    data_dir = resolve_data_dir(args.data_dir)
    if not args.yes:
        print(RESET_PROCEDURE, file=sys.stderr)
        print(f"\nNothing was changed. Data folder: {data_dir}", file=sys.stderr)
        return 1
    path = database_path(data_dir)
    if not path.exists() and chosen_database_url() is None:
        raise Refused(f"No progress database in {data_dir}: there is no trainer passphrase to reset.",
                      ExitCode.NOT_FOUND)
    with open_store(data_dir):
        if not has_trainer():
            reset_trainer_passphrase()  # a leftover failure counter goes too
            print(f"No trainer passphrase is set in {data_dir}: nothing to reset.")
            return 0
        reset_trainer_passphrase()
        kept = kept_data()
    print(f"Trainer passphrase removed from {data_dir}.")
    print(f"Kept: {kept.learners} learner profiles, {kept.activity_rows} activity rows, "
          f"{kept.cohorts} cohorts.")
    print("Open the workbook and choose Trainer views to set a new passphrase.")
    return 0


def _cohort_import(args: argparse.Namespace) -> int:
    from workbook.core.roster import read_roster
    from workbook.store import cohorts
    from workbook.store.connection import StoreError

    source = Path(args.roster)
    if not source.is_file():
        print(f"{source}: no such file", file=sys.stderr)
        return ExitCode.NOT_FOUND
    roster = read_roster(source)
    base = Path.cwd()
    if not roster.rows:
        for problem in roster.problems:
            print(problem.format(relative_to=base), file=sys.stderr)
        raise Refused(f"No usable rows in {source}: nothing was imported.")
    data_dir = resolve_data_dir(args.data_dir)
    with open_store(data_dir, trainer=args):
        cohort = cohorts.find_cohort(args.cohort)
        if cohort is None and args.create:
            try:
                cohort = cohorts.create_cohort(args.cohort)
            except cohorts.CohortError as error:
                raise Refused(str(error)) from error
        if cohort is None:
            known = ", ".join(f"'{printable(c.name)}'" for c in cohorts.list_cohorts()) or "none yet"
            raise Refused(f"No cohort called '{args.cohort}' in {data_dir} (cohorts: {known}); add --create "
                          "to make it")
        try:
            result = cohorts.import_roster(cohort.id, roster.rows, source=source)
        except (cohorts.CohortError, StoreError) as error:
            raise Refused(f"Nothing was imported: {error}") from error
    lines, summary = cohorts.roster_report(roster, result, source)
    for line in lines:
        print(printable(line), file=sys.stderr if ": rejected: " in line else sys.stdout)
    print(f"Cohort '{printable(cohort.name)}': {summary}.")
    return ExitCode.PARTIAL if roster.problems or result.skipped else ExitCode.OK
