"""The trainer's long jobs as the worker process runs them (`workbook.worker_process`): a cohort's
PDF report, the check of who would get a certificate, and a batch of certificates. Each opens the
window's database again from its description and reads the content from the data folder's cache
(written when the window loaded it), so all it is given is plain values; it reports progress and
honours a cancel as the in-process job did.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from workbook.reports.batch import BatchResult, Candidate
from workbook.store.reconnect import ConnectionSpec, reconnect

Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]


def _library(content_dir: Path, data_dir: Path):
    from workbook.core.content_cache import load_library_cached

    return load_library_cached(Path(content_dir), Path(data_dir))


def _cohort(store: ConnectionSpec, content_dir: Path, data_dir: Path, cohort_id: str):
    """The database reopened, the library, and the cohort's member ids (archived members included),
    as both certificate jobs start."""
    from workbook.store import cohorts

    reconnect(store)
    return (_library(content_dir, data_dir),
            [learner.id for learner in cohorts.members(cohort_id, include_archived=True)])


def cohort_pdf(*, store: ConnectionSpec, content_dir: Path, data_dir: Path, cohort_id: str, out: Path,
               progress: Progress, cancelled: IsCancelled) -> Path:
    """The cohort's PDF report written (atomically) to `out`, read from the database as it is now."""
    from workbook.core.cohort_metrics import PASS_MARK
    from workbook.reports import cohort_report
    from workbook.store.dashboard import cohort_dashboard

    reconnect(store)
    library = _library(content_dir, data_dir)
    if cancelled():
        raise cohort_report.Cancelled("canceled: nothing was written")
    dashboard = cohort_dashboard(library, cohort_id)
    course = library.course
    return cohort_report.write_pdf(dashboard, out, progress=progress, cancelled=cancelled,
                                   skill_label=library.skill_label,
                                   course_title=course.title if course else None,
                                   pass_mark=course.requires.quiz_pass_mark if course else PASS_MARK)


def cohort_candidates(*, store: ConnectionSpec, content_dir: Path, data_dir: Path, cohort_id: str,
                      progress: Progress, cancelled: IsCancelled) -> list[Candidate]:
    """Who in the cohort (archived members included) would get a certificate now, and why not: each
    member's evidence replayed, pure-Python work that froze the window for 50-80 ms at a time as a
    thread of its process."""
    from workbook.reports.batch import check_cohort

    library, members = _cohort(store, content_dir, data_dir, cohort_id)
    return check_cohort(library, members, progress=progress, cancelled=cancelled)


def cohort_certificates(*, store: ConnectionSpec, content_dir: Path, data_dir: Path, cohort_id: str,
                        out_dir: Path, progress: Progress, cancelled: IsCancelled) -> BatchResult:
    """A certificate for each eligible member of the cohort (archived ones included), in `out_dir`."""
    from workbook.reports.batch import issue_for_cohort

    library, members = _cohort(store, content_dir, data_dir, cohort_id)
    return issue_for_cohort(library, members, Path(data_dir), Path(out_dir), progress=progress,
                            cancelled=cancelled)
