"""Trainer views behind the passphrase: cohorts, the dashboard, drill-down, reports and batch
certificates. The page draws; this object talks to the store and runs the long jobs off-thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer

from workbook.core.roster import read_roster
from workbook.store import cohorts
from workbook.store.dashboard import cohort_dashboard
from workbook.store.merge_vouching import record_withheld
from workbook.store.reconnect import connection_spec
from workbook.store.trainer import has_trainer
from workbook.ui import dialogs, store_op
from workbook.ui.controllers.session import Session
from workbook.ui.operations import Job, QueryOp
from workbook.ui.trainer import passphrase_dialog
from workbook.ui.trainer.dashboard_page import DashboardPage
from workbook.ui.trainer.learner_detail import learner_detail_html, show_detail_html
from workbook.ui.trainer.learners import TrainerLearners
from workbook.ui.trainer.progress_import import TrainerImport, merge_text
from workbook.ui.trainer.skill_chart import prepare_painting
from workbook.worker_process import run_in_process

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbook.core.content import Library
    from workbook.core.dashboard_model import CohortDashboard
    from workbook.reports.batch import BatchResult, Candidate
    from workbook.store.sync_ingest import IngestResult

T = TypeVar("T")
INGEST_DELAY_MS = 1000


class TrainerController(QObject):
    def __init__(self, session: Session, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.window = window = session.window
        self.data_dir = session.data_dir
        self.unlocked = False
        self.page = DashboardPage(skill_label=session.skill_label)
        window.pages.addWidget(self.page)
        self.page.home_requested.connect(home)
        self.page.lock_requested.connect(lambda: (self.lock(), home()))
        self.page.cohort_selected.connect(self.show_cohort)
        self.page.new_cohort_requested.connect(self.new_cohort)
        self.page.rename_cohort_requested.connect(self.rename_cohort)
        self.page.archive_cohort_requested.connect(self.archive_cohort)
        self.page.restore_cohort_requested.connect(self.restore_cohort)
        self.page.roster_import_requested.connect(self.import_roster)
        self.page.report_requested.connect(self.write_report)
        self.page.certificates_requested.connect(self.batch_certificates)
        self.page.learner_opened.connect(self.open_learner)
        self.learners = TrainerLearners(session, self._reload)
        self.imports = TrainerImport(session, self._reload)
        self.page.learners_requested.connect(self.learners.open)
        self.page.import_progress_requested.connect(self.imports.start)
        self.running: QueryOp | None = None  # the last long job started (tests wait on it)
        self.loading: QueryOp | None = None  # the last dashboard read started
        self.detail: QueryOp | None = None  # the last learner drill-down being built
        self.ingesting: QueryOp | None = None  # merging what learner PCs synced (tests wait on it)

    @property
    def library(self) -> Library | None:
        return self.session.library  # the library loads late: read it when needed

    def open(self) -> None:
        """Ask for the passphrase (once until locked again), then show the cohorts."""
        if self.library is None or not self.unlock():
            return
        self.refresh()
        self.window.pages.setCurrentWidget(self.page)
        # A moment later: its thread's imports would compete with the page's first paint.
        QTimer.singleShot(INGEST_DELAY_MS, self, self.ingest_synced)

    def ingest_synced(self) -> None:
        """Merge what learner PCs pushed to this store's sync inbox (a central server's), off the GUI
        thread; on a PC's own file there is nothing pushed and this costs a query or two. The check
        runs off the GUI thread too: its imports and query were most of the trainer view's first open."""
        data_dir = self.data_dir

        def work(job: Job) -> IngestResult | None:
            from workbook.store.sync import close_thread_connection
            from workbook.store.sync_ingest import ingest, waiting_count

            try:
                return ingest(data_dir, cancelled=job.cancelled) if waiting_count() else None
            finally:
                close_thread_connection()

        self.ingesting = QueryOp(self.window, work, self._ingested, self._ingest_failed).start()

    def _ingested(self, result: IngestResult | None) -> None:
        if result is None:
            return
        parts = []
        if result.merged:
            parts.append(self.tr("%n activity record(s) merged from learner PCs", "", result.rows_added))
            self._reload()
        recorded, withheld = list(result.merges), []
        for merge in result.withheld:  # a PC that did not send the merged-away profile's rows: ask
            applied = record_withheld(merge) if self.imports.offer_withheld_merge(merge) else None
            if applied is None:
                withheld.append(merge)
            else:
                recorded.append(applied)
                self._reload()
        if recorded:  # a merge changes whose progress counts for whom: named, never silent
            parts.append(self.tr("profile merges recorded: {merges}").format(
                merges="; ".join(merge_text(merge) for merge in recorded)))
        if withheld:
            parts.append(self.tr("profile merges NOT recorded: {merges}").format(
                merges="; ".join(merge_text(merge.applied()) for merge in withheld)))
        if result.quarantined:
            parts.append(self.tr("%n pushed batch(es) quarantined ('workbook sync --ingest' lists why)", "",
                                 len(result.quarantined)))
        if parts:
            self.window.statusBar().showMessage("; ".join(parts), 15000)

    def _ingest_failed(self, error: Exception) -> None:
        self.window.statusBar().showMessage(self.tr("Synced progress was not merged: {error}").format(
            error=error), 15000)

    def unlock(self) -> bool:
        """True once the trainer is let in: the passphrase is asked once until the views are locked
        again (Lock, or any return to the profile list). With none set yet, the dialog sets one, so
        the first person to open trainer-only settings chooses it, as for the trainer views."""
        if not self.unlocked:
            self.unlocked = passphrase_dialog.ask_trainer_passphrase(self.window)
        return self.unlocked

    def lock(self) -> None:
        """The next person at this PC is asked for the passphrase again."""
        self.unlocked = False

    def allows(self) -> bool:
        """Whether a trainer-only job outside the trainer views (exporting every learner's progress)
        may run: yes with no trainer passphrase set, as on the command line, or once unlocked."""
        if not self.unlocked and has_trainer():
            self.unlocked = passphrase_dialog.ask_trainer_passphrase(self.window)
        return self.unlocked or not has_trainer()

    def refresh(self, select: str | None = None) -> None:
        every = cohorts.list_cohorts(include_archived=True)
        self.page.show_cohorts([(c.id, c.name) for c in every if c.archived_at is None],
                               select or self.page.current_cohort(),
                               archived=[(c.id, c.name) for c in every if c.archived_at is not None])

    def _reload(self) -> None:
        """After a restore, merge or import: the selected cohort's figures may have changed."""
        if self.page.current_cohort():
            self.show_cohort(self.page.current_cohort())

    def show_cohort(self, cohort_id: str) -> None:
        """Read the cohort's dashboard off the GUI thread (a large cohort takes a moment)."""
        library = self.library

        def work(job: Job) -> CohortDashboard:
            prepare_painting()
            return cohort_dashboard(library, cohort_id)

        self.loading = QueryOp(self.window, work,
                               lambda dashboard: self._show_dashboard(cohort_id, dashboard)).start()

    def _show_dashboard(self, cohort_id: str, dashboard: CohortDashboard) -> None:
        if self.page.current_cohort() == cohort_id:  # not if the trainer has picked another meanwhile
            self.page.show_dashboard(dashboard)

    # -- cohorts ----------------------------------------------------------------------------

    def new_cohort(self) -> None:
        name = dialogs.ask_text(self.window, self.tr("New cohort"),
                                self.tr("Cohort name (e.g. \u201cNovember intake\u201d):"))
        if name and (created := self._write(cohorts.create_cohort, name)):
            self.refresh(created.value.id)

    def rename_cohort(self, cohort_id: str) -> None:
        current = cohorts.get_cohort(cohort_id)
        name = dialogs.ask_text(self.window, self.tr("Rename cohort"), self.tr("New name:"),
                                current.name if current else "")
        if name and self._write(cohorts.rename_cohort, cohort_id, name):
            self.refresh(cohort_id)

    def archive_cohort(self, cohort_id: str) -> None:
        current = cohorts.get_cohort(cohort_id)
        if current is None or not dialogs.confirm(
                self.window, self.tr("Archive cohort?"),
                self.tr("Archive \u201c{name}\u201d? It leaves the list; its learners and all their progress "
                        "stay, and it can be restored.").format(name=current.name), self.tr("Archive")):
            return
        if self._write(cohorts.archive_cohort, cohort_id):
            self.refresh()

    def restore_cohort(self, cohort_id: str) -> None:
        """Back in the list, with its members and their history as they were."""
        if self._write(cohorts.unarchive_cohort, cohort_id):
            self.refresh(cohort_id)

    def import_roster(self, cohort_id: str) -> None:
        chosen = dialogs.ask_open_path(self.window, self.tr("Import a roster"),
                                       self.tr("CSV files (*.csv);;All files (*)"))
        if not chosen:
            return
        roster = read_roster(Path(chosen))
        imported = self._write(cohorts.import_roster, cohort_id, roster.rows, None, Path(chosen))
        if not imported:
            return
        lines, summary = cohorts.roster_report(roster, imported.value, Path(chosen))
        shown = "\n".join(lines[:40]) + ("\n\u2026 " + self.tr("and %n more line(s)", "", len(lines) - 40)
                                         if len(lines) > 40 else "")
        dialogs.show_info(self.window, self.tr("Roster imported"), f"{summary}.\n\n{shown}")
        self.refresh(cohort_id)

    def _write(self, change: Callable[..., T], *args: Any) -> store_op.StoreResult[T]:
        """A cohort change in one transaction; a name taken or a failed write is shown, not raised."""
        return self.session.write(change, *args, refuses=(cohorts.CohortError,),
                                  refusal_title=self.tr("Not done"))

    # -- drill-down -------------------------------------------------------------------------

    def open_learner(self, learner_id: str) -> None:
        """Built off the GUI thread: a learner who did everything has every attempt regraded and every
        call replayed for it."""
        library = self.library
        self.detail = QueryOp(self.window, lambda job: learner_detail_html(library, learner_id),
                              lambda html: show_detail_html(self.window, html)).start()

    # -- long jobs --------------------------------------------------------------------------

    def write_report(self, cohort_id: str, kind: str) -> None:
        cohort = cohorts.get_cohort(cohort_id)
        title = self.tr("Save the {kind} report").format(kind=kind.upper())
        chosen = dialogs.ask_save_path(self.window, title,
                                       f"{cohort.name}.{kind}",
                                       self.tr("{kind} files (*.{extension})").format(kind=kind.upper(),
                                                                                     extension=kind))
        if not chosen:
            return
        target = Path(chosen)
        library, label = self.library, self.session.skill_label
        if kind == "csv":
            def work(job: Job) -> Path:
                from workbook.reports.cohort_csv import write_csv

                return write_csv(cohort_dashboard(library, cohort_id), target, skill_label=label)
        else:
            # A PDF is seconds of pure-Python layout: in a worker process, so the window never waits.
            arguments = self._job_arguments(cohort_id=cohort_id, out=target)

            def work(job: Job) -> Path:
                return run_in_process("workbook.reports.trainer_jobs:cohort_pdf", arguments,
                                      job.relay_progress, job.stop_requested)

        saved = self.tr("Report saved to {file}")
        self.running = QueryOp(self.window, work,
                               lambda path: self._done(saved.format(file=path), changed=False),
                               progress=self.tr("Building the {kind} report").format(kind=kind.upper()),
                               cancellable=True, on_cancel=self._cancelled,
                               pause_collector=kind == "csv").start()

    def batch_certificates(self, cohort_id: str) -> None:
        """Who would get a certificate is checked first (off the GUI thread): with nobody, the trainer
        reads who misses what, and is not asked for a folder to put nothing in."""
        arguments = self._job_arguments(cohort_id=cohort_id)

        def work(job: Job) -> list[Candidate]:  # replaying 2,000 learners holds the GIL: another process
            return run_in_process("workbook.reports.trainer_jobs:cohort_candidates", arguments,
                                  job.relay_progress, job.stop_requested)

        self.running = QueryOp(self.window, work, lambda found: self._certificates_checked(cohort_id, found),
                               progress=self.tr("Checking who is eligible"), cancellable=True,
                               on_cancel=self._cancelled, pause_collector=False).start()

    def _certificates_checked(self, cohort_id: str, found: list[Candidate]) -> None:
        if not any(candidate.gets_one for candidate in found):
            nobody = (self.tr("Nobody in this cohort can get a certificate now.") if found
                      else self.tr("This cohort has no learners."))
            dialogs.show_info(self.window, self.tr("No certificates to issue"),
                              "\n\n".join(part for part in (nobody, "\n".join(self._why_not(found))) if part))
            return
        if not self._issue_despite_rushing(cohort_id, found):
            return
        folder = dialogs.ask_folder(self.window, self.tr("Save the certificates in"))
        if not folder:
            return
        arguments = self._job_arguments(cohort_id=cohort_id, out_dir=Path(folder))

        def work(job: Job) -> BatchResult:
            return run_in_process("workbook.reports.trainer_jobs:cohort_certificates", arguments,
                                  job.relay_progress, job.stop_requested)

        self.running = QueryOp(self.window, work,
                               lambda result: self._done(self._batch_summary(result, found, Path(folder))),
                               progress=self.tr("Issuing certificates"), cancellable=True,
                               on_cancel=self._cancelled, pause_collector=False).start()

    def _issue_despite_rushing(self, cohort_id: str, found: list[Candidate]) -> bool:
        """Before a batch: if some who would get a certificate answered faster than reading allows
        (the dashboard's ⚠), the trainer is asked first, with their names; Cancel is the default."""
        shown = self.page.dashboard
        if shown is None or shown.cohort_id != cohort_id:
            return True
        getting = {candidate.learner_id for candidate in found if candidate.gets_one}
        rushed = [row.shown_name for row in shown.learners if row.learner_id in getting and row.pace.rushed]
        if not rushed:
            return True
        names = ", ".join(rushed[:12]) + (" " + self.tr("and %n more", "", len(rushed) - 12)
                                          if len(rushed) > 12 else "")
        return dialogs.confirm(self.window, self.tr("Issue certificates?"), self.tr(
            "%n learner(s) who would get a certificate answered faster than reading allows in some "
            "quiz attempts or calls: {names}.\n\nTo check first, cancel and open a learner's detail "
            "(Enter on the name). Or issue the certificates now.", "", len(rushed)).format(names=names),
            self.tr("&Issue certificates"))

    def _batch_summary(self, result: BatchResult, found: list[Candidate], folder: Path) -> str:
        """The counts on the first line (the status bar shows it), where the files are, then who got
        none and why."""
        from workbook.reports.batch import Candidate, Outcome

        # "label: number" wording, the same for one and for many in every language
        counts = [self.tr("Certificates issued: {count}").format(count=result.issued)]
        for count, words in ((result.not_eligible, self.tr("not eligible: {count}")),
                             (result.already_certified, self.tr("already certified: {count}")),
                             (result.failed, self.tr("failed: {count}")),
                             (result.not_reached, self.tr("not reached (cancelled): {count}"))):
            if count:
                counts.append(words.format(count=count))
        checked = {candidate.learner_id: candidate for candidate in found}
        left = [checked.get(o.learner_id) or Candidate(o.learner_id, o.name) for o in result.outcomes
                if o.outcome in (Outcome.NOT_ELIGIBLE, Outcome.ALREADY_CERTIFIED)]
        failed = [self.tr("{name}: failed: {reason}").format(name=o.name, reason="; ".join(o.reasons))
                  for o in result.outcomes if o.outcome is Outcome.FAILED]
        saved = self.tr("Saved in {folder}").format(folder=folder) if result.issued else ""
        parts = [" \u00b7 ".join(counts), saved, "\n".join(self._why_not(left)), "\n".join(failed)]
        return "\n\n".join(part for part in parts if part)

    def _why_not(self, found: list[Candidate], shown: int = 8, reasons: int = 2) -> list[str]:
        """A line per learner who gets no certificate: the first `reasons` open requirements (in the
        order `workbook certificate --learner` prints them), or the certificate they hold; at most
        `shown` learners, then how many more, so the message stays on a 720-pixel screen."""
        from workbook.ui.requirement_text import requirement_line

        lines = []
        missing = [candidate for candidate in found if not candidate.gets_one]
        for candidate in missing[:shown]:
            if candidate.holds:
                why = [self.tr("already holds {certificate}").format(certificate=candidate.holds)]
            elif candidate.eligibility is None:
                why = [self.tr("no such learner profile")]
            elif not candidate.eligibility.requirements:
                why = [self.tr("the content has no course file")]
            else:
                open_rules = candidate.eligibility.missing
                why = [requirement_line(rule) for rule in open_rules[:reasons]]
                if len(open_rules) > reasons:
                    why.append(self.tr("and %n more", "", len(open_rules) - reasons))
            lines.append(f"{candidate.name} \u2014 " + "; ".join(why))
        if len(missing) > shown:
            lines.append(self.tr("\u2026 and %n more", "", len(missing) - shown))
        return lines

    def _job_arguments(self, **arguments: Any) -> dict[str, Any]:
        """What a job in the worker process needs to find the same database, content and data folder."""
        return {"store": connection_spec(), "content_dir": self.library.root, "data_dir": self.data_dir,
                **arguments}

    def _done(self, message: str, changed: bool = True) -> None:
        """`changed`: the job changed what the dashboard shows (certificates issued), so it is read
        again; a report changes nothing, and reading 2,000 learners again is not free."""
        self.window.save_status.setText("\u2714 " + message.splitlines()[0])
        dialogs.show_info(self.window, self.tr("Done"), message)
        if changed and self.page.current_cohort():
            self.show_cohort(self.page.current_cohort())

    def _cancelled(self) -> None:
        self.window.save_status.setText(self.tr("Canceled: nothing was written"))
