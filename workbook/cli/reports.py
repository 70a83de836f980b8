"""Cohort subcommands: a cohort's report as CSV or PDF, and certificates for all its eligible learners.

Exit codes (workbook.cli.exit_codes): 0 done (also when some learners are not eligible yet); 3 unknown
cohort; 5 unreadable database; 7 some certificates failed. No Qt is loaded.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from workbook.cli.exit_codes import ExitCode
from workbook.cli.support import Refused, load_content, open_store, require_output_folder
from workbook.core.outside_text import printable
from workbook.paths import resolve_data_dir

if TYPE_CHECKING:
    from workbook.core.content import Library

SHOWN_REASONS = 3


def add_report_commands(commands, common: argparse.ArgumentParser,
                        content: argparse.ArgumentParser) -> dict:
    """Register the subcommands on `commands`; returns their handlers by name."""
    report = commands.add_parser("report", parents=[common, content],
                                 help="write a cohort's report: a CSV for spreadsheets or a PDF with charts")
    report.add_argument("--cohort", required=True, metavar="NAME", help="cohort name (see the trainer page)")
    report.add_argument("--format", required=True, choices=("csv", "pdf"), dest="report_format",
                        help="csv: one row per learner, for a spreadsheet; pdf: the printable report")
    report.add_argument("--out", required=True, metavar="FILE", help="file to write (replaced if it exists)")
    report.add_argument("--page-size", choices=("A4", "Letter"), default="A4",
                        help="PDF page size, landscape (default: A4)")
    batch = commands.add_parser("certificates", parents=[common, content],
                                help="issue certificates for every eligible learner of a cohort")
    batch.add_argument("--cohort", required=True, metavar="NAME", help="cohort name (see the trainer page)")
    batch.add_argument("--out-dir", required=True, metavar="DIR",
                       help="folder for the PDFs (made if missing; existing files are kept)")
    batch.add_argument("--page-size", choices=("A4", "Letter"), help="default: the saved setting (A4)")
    batch.add_argument("--reissue", action="store_true",
                       help="also issue a new certificate to learners who already hold one")
    return {"report": _report, "certificates": _certificates}


def _library(args: argparse.Namespace) -> Library:

    return load_content(args)


@contextmanager
def _cohort_database(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """Opens the database and yields (cohort id, name) of `--cohort`; refuses when there is none."""
    data_dir = resolve_data_dir(args.data_dir)
    with open_store(data_dir, read_only=True, trainer=args):  # a report only reads
        from workbook.store.cohorts import find_cohort, list_cohorts

        cohort = find_cohort(args.cohort)
        if cohort is None:
            known = ", ".join(f"'{printable(c.name)}'" for c in list_cohorts()) or "none yet"
            raise Refused(f"No cohort called '{printable(args.cohort)}' in {data_dir} (cohorts: {known})",
                          ExitCode.NOT_FOUND)
        yield cohort.id, cohort.name


def _report(args: argparse.Namespace) -> int:
    from workbook.core.cohort_metrics import PASS_MARK
    from workbook.reports.cohort_report import write_csv, write_pdf
    from workbook.store.dashboard import cohort_dashboard

    out = Path(args.out)
    require_output_folder(out)
    with _cohort_database(args) as (cohort_id, _name):
        library = _library(args)
        dashboard = cohort_dashboard(library, cohort_id)
    course = library.course
    try:
        if args.report_format == "csv":
            write_csv(dashboard, out, library.skill_label)
        else:
            write_pdf(dashboard, out, args.page_size, skill_label=library.skill_label,
                      pass_mark=course.requires.quiz_pass_mark if course else PASS_MARK,
                      course_title=course.title if course else None)
    except OSError as error:
        raise Refused(f"{out}: cannot write: {error.strerror or error}. Nothing was written.") from error
    count = len(dashboard.learners)
    print(f"Report on '{printable(dashboard.cohort_name)}' ({count} learner{'s' if count != 1 else ''}) "
          f"written to {out}")
    return 0


@contextmanager
def _stop_on_interrupt() -> Iterator[Callable[[], bool]]:
    """The first Ctrl+C asks the job to stop after the learner in hand; the second stops at once."""
    asked = [False]

    def ask(_signum, _frame) -> None:
        if asked[0]:
            raise KeyboardInterrupt
        asked[0] = True
        print("Stopping after the current learner (Ctrl+C again to stop at once)...", file=sys.stderr)

    try:
        previous = signal.signal(signal.SIGINT, ask)
    except ValueError:  # not the main thread: no signal handling, nothing to restore
        yield lambda: False
        return
    try:
        yield lambda: asked[0]
    finally:
        signal.signal(signal.SIGINT, previous)


def _certificates(args: argparse.Namespace) -> int:
    from msgspec.structs import replace

    from workbook.reports.batch import Outcome, issue_for_cohort
    from workbook.reports.issue import certificate_settings
    from workbook.store.cohorts import members

    library = _library(args)
    if library.course is None:
        raise Refused("The content has no valid course.yaml, so no one can be certified: run 'workbook "
                      "validate'")
    out_dir = Path(args.out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise Refused(f"{out_dir}: not a folder. Nothing was written.")
    with _cohort_database(args) as (cohort_id, cohort_name):
        ids = [learner.id for learner in members(cohort_id, include_archived=True)]
        if not ids:
            print(f"Cohort '{printable(cohort_name)}' has no learners: nothing to issue")
            return 0
        chosen = certificate_settings(library)
        if args.page_size:
            chosen = replace(chosen, page_size=args.page_size)
        try:
            with _stop_on_interrupt() as stop:
                result = issue_for_cohort(library, ids, resolve_data_dir(args.data_dir), out_dir,
                                          cancelled=stop, chosen=chosen, reissue=args.reissue)
        except OSError as error:
            raise Refused(f"{out_dir}: {error.strerror or error}. Nothing was written.") from error
    for outcome in result.outcomes:
        if outcome.outcome is Outcome.ISSUED:
            print(f"issued        {printable(outcome.name)}: {outcome.certificate_id} -> "
                  f"{printable(outcome.path)}")
            continue
        stream = sys.stderr if outcome.outcome is Outcome.FAILED else sys.stdout
        print(f"{outcome.outcome:<13} {printable(outcome.name)}" + (":" if outcome.reasons else ""),
              file=stream)
        for reason in outcome.reasons[:SHOWN_REASONS]:  # a beginner has a dozen: the first few say enough
            print(f"    - {printable(reason)}", file=stream)
        if len(outcome.reasons) > SHOWN_REASONS:
            print(f"    ... and {len(outcome.reasons) - SHOWN_REASONS} more", file=stream)
    print(f"Cohort '{printable(cohort_name)}': {result.summary()}")
    return ExitCode.PARTIAL if result.failed else ExitCode.OK
