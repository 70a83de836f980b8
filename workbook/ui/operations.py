"""Work off the GUI thread, one way for the whole app, in the spirit of Anki's `QueryOp`.

    QueryOp(window, lambda job: build_report(..., progress=job.progress, cancelled=job.cancelled),
            on_success=show_done, progress="Building the report", cancellable=True).start()

`run(job)` runs on the shared thread pool and gets data, never widgets. Exactly one of
`on_success(result)`, `on_failure(error)` or `on_cancel()` then runs on the GUI thread, and
`finished` is emitted after it (tests wait on it with `qtbot.waitSignal(op.finished)`). Work that
stops because the user cancelled raises `Cancelled`; the op recognises it by type. A failure without
an `on_failure` is shown in words (the traceback goes to the log, never to the user).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from workbook.core.cancel import Cancelled
from workbook.ui import dialogs
from workbook.ui.i18n import translate

__all__ = ["Cancelled", "Job", "Outcome", "QueryOp", "wait_for_operations"]

T = TypeVar("T")
log = logging.getLogger("workbook")

PROGRESS_DELAY_MS = 300  # quick work finishes without a flash of a progress dialog


class Outcome(Enum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Job:
    """What the work function gets on the worker thread: a way to report progress and to learn
    that the user cancelled (it should then stop at its next step and raise `Cancelled`)."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report
        self._stop = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._report(done, total)

    def cancelled(self) -> bool:
        return self._stop.is_set()

    def raise_if_cancelled(self) -> None:
        if self._stop.is_set():
            raise Cancelled("cancelled: nothing was written")

    def cancel(self) -> None:
        self._stop.set()


class QueryOp(QObject, Generic[T]):
    """One piece of work off the GUI thread; create it, then `start()` it once."""

    finished = Signal()  # after the success, failure or cancel callback has run
    _succeeded = Signal(object)
    _failed = Signal(object)
    _progressed = Signal(int, int)

    def __init__(self, parent: QWidget, run: Callable[[Job], T], on_success: Callable[[T], None],
                 on_failure: Callable[[Exception], None] | None = None, *, progress: str | None = None,
                 cancellable: bool = False, on_cancel: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self._run = run
        self._on_success = on_success
        self._on_failure = on_failure or self._show_failure
        self._on_cancel = on_cancel
        self.job = Job(self._progressed.emit)
        self.outcome = Outcome.RUNNING
        self.dialog: QProgressDialog | None = None
        if progress is not None:
            self.dialog = _progress_dialog(parent, progress, cancellable)
            if cancellable:
                self.dialog.canceled.connect(self.cancel)
            self._progressed.connect(self._show_progress)
        self._succeeded.connect(self._succeed)
        self._failed.connect(self._fail)

    @property
    def done(self) -> bool:
        return self.outcome is not Outcome.RUNNING

    def start(self) -> QueryOp[T]:
        QThreadPool.globalInstance().start(_Task(self._run, self.job, self._succeeded, self._failed))
        return self

    def cancel(self) -> None:
        """Ask the work to stop; it ends with `on_cancel` once it has (or with its result, if it
        finished first)."""
        self.job.cancel()

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog is not None and not self.done:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    @Slot(object)
    def _succeed(self, result: object) -> None:
        self._end(Outcome.SUCCEEDED, lambda: self._on_success(result))

    @Slot(object)
    def _fail(self, error: Exception) -> None:
        if isinstance(error, Cancelled):
            self._end(Outcome.CANCELLED, self._on_cancel or (lambda: None))
        else:
            self._end(Outcome.FAILED, lambda: self._on_failure(error))

    def _end(self, outcome: Outcome, callback: Callable[[], Any]) -> None:
        self.outcome = outcome
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
        try:
            callback()
        finally:
            self.finished.emit()
            self.deleteLater()

    def _show_failure(self, error: Exception) -> None:
        dialogs.show_error(self._parent, self.tr("Not finished"),
                           self.tr("The job stopped: {error}").format(error=error))


class _Task(QRunnable):
    def __init__(self, run: Callable[[Job], Any], job: Job, succeeded, failed) -> None:
        super().__init__()
        self._run, self._job = run, job
        self._succeeded, self._failed = succeeded, failed

    def run(self) -> None:
        try:
            result = self._run(self._job)
        except Exception as error:  # handed to the GUI thread, never swallowed
            if not isinstance(error, Cancelled):
                log.error("background work failed", exc_info=error)
            self._report(self._failed, error)
        else:
            self._report(self._succeeded, result)

    @staticmethod
    def _report(signal, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while we worked: nobody to tell
            signal.emit(value)


def _progress_dialog(parent: QWidget, label: str, cancellable: bool) -> QProgressDialog:
    dialog = QProgressDialog(label, translate("QueryOp", "Cancel"), 0, 0, parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowTitle(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    return dialog


def wait_for_operations() -> None:
    """Called once the event loop has ended, so no worker outlives the application object."""
    QThreadPool.globalInstance().waitForDone()
