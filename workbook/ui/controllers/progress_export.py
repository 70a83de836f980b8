""""Export this PC's progress…": every learner's progress, one signed bundle each, into a folder
(a USB stick), off the GUI thread with a progress bar, so moving progress needs no terminal. Like
`workbook export-progress`, it needs the trainer passphrase when one is set.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from workbook.keys import fingerprint, key_id, load_or_create_key
from workbook.store.bundles import BundleSummary, export_every_learner
from workbook.ui import dialogs
from workbook.ui.controllers.session import Session
from workbook.ui.operations import Job, QueryOp


class ProgressExport(QObject):
    def __init__(self, session: Session, trainer_allows: Callable[[], bool] = lambda: True) -> None:
        super().__init__(session.window)
        self.session = session
        self.trainer_allows = trainer_allows
        self.running: QueryOp | None = None  # tests wait on it
        self.key_fingerprint = ""  # this PC's, shown with the files so the trainer can check it

    def start(self) -> None:
        if not self.trainer_allows():
            return
        folder = dialogs.ask_folder(self.session.window,
                                    self.tr("Export this PC's progress to a folder or USB stick"))
        if folder:
            self.run(Path(folder))

    def run(self, folder: Path) -> None:
        key = load_or_create_key(self.session.data_dir)
        self.key_fingerprint = fingerprint(key_id(key.public_key()))

        def work(job: Job) -> list[BundleSummary]:
            return export_every_learner(folder, key, progress=job.progress, cancelled=job.cancelled)

        self.running = QueryOp(self.session.window, work, lambda written: self._done(folder, written),
                               progress=self.tr("Exporting progress"), cancellable=True).start()

    def _done(self, folder: Path, written: list[BundleSummary]) -> None:
        rows = sum(summary.activities for summary in written)
        text = (self.tr("%n progress file(s) ({rows} activity records) written to {folder}, one per learner, "
                        "signed by this PC.", "", len(written)).format(rows=rows, folder=folder)
                + "\n\n" + self.tr("On the trainer's PC: Trainer views > Import progress\u2026, and choose "
                                    "them all.")
                + "\n\n" + self.tr("This PC's key fingerprint: {fingerprint}. If the trainer's PC asks "
                                    "whether to trust this PC, it must show the same fingerprint.").format(
                                        fingerprint=self.key_fingerprint))
        self.session.window.save_status.setText(
            "\u2714 " + self.tr("Progress exported to {folder}").format(folder=folder))
        dialogs.show_info(self.session.window, self.tr("Progress exported"), text)
