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
import gc
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from workbook.core.cancel import Cancelled
from workbook.ui import dialogs
from workbook.ui.i18n import translate

if TYPE_CHECKING:  # made by Qt at its first use: a start shows no progress dialog
    from PySide6.QtWidgets import QProgressDialog

__all__ = ["Cancelled", "Job", "Outcome", "QueryOp", "cancel_running", "running_jobs", "wait_for_operations"]

T = TypeVar("T")
log = logging.getLogger("workbook")

ENDED_HELD = 16  # ended jobs held (see `_ended`)
PROGRESS_DELAY_MS = 300  # quick work finishes without a flash of a progress dialog


class Outcome(Enum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class _PausedCollector:
    """Automatic garbage collection is off while any background job runs.

    A full collection walks every object while holding the GIL; a job that makes millions of
    objects (a cohort's PDF report, a batch of certificates) set off several, each freezing the GUI
    thread for 100-600 ms. Meanwhile the job's steps (`Job.progress`, `Job.cancelled`) collect the
    young generations, a few ms each at most ten times a second, so cyclic garbage still goes.
    """

    YOUNG_EVERY_S = 0.1

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs = 0
        self._was_enabled = True
        self._last_young = 0.0

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        with self._lock:
            self._jobs += 1
            if self._jobs == 1:
                self._was_enabled = gc.isenabled()
                gc.disable()
        try:
            yield
        finally:
            with self._lock:
                self._jobs -= 1
                if self._jobs == 0 and self._was_enabled:
                    gc.enable()

    def step(self) -> None:
        now = time.monotonic()
        if self._jobs and now - self._last_young >= self.YOUNG_EVERY_S:
            self._last_young = now
            gc.collect(1)


_collector = _PausedCollector()


class Job:
    """What the work function gets on the worker thread: a way to report progress and to learn
    that the user cancelled (it should then stop at its next step and raise `Cancelled`)."""

    PROGRESS_EVERY_S = 0.05

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report
        self._stop = threading.Event()
        self._reported = 0.0

    def progress(self, done: int, total: int) -> None:
        """Passed on at most twenty times a second, and always the last step: a report steps through
        2,000 learners in a second or two, and each step shown is GUI work (a modal progress dialog
        even runs the event loop on each)."""
        _collector.step()
        self.relay_progress(done, total)

    def cancelled(self) -> bool:
        _collector.step()
        return self._stop.is_set()

    def relay_progress(self, done: int, total: int) -> None:
        """`progress` for a thread that only waits for work done elsewhere (a worker process): no
        collection step, which here would walk what other jobs' threads are making meanwhile."""
        now = time.monotonic()
        if done >= total or now - self._reported >= self.PROGRESS_EVERY_S:
            self._reported = now
            self._report(done, total)

    def stop_requested(self) -> bool:
        """`cancelled` for a thread that only waits (see `relay_progress`)."""
        return self._stop.is_set()

    def raise_if_cancelled(self) -> None:
        if self._stop.is_set():
            raise Cancelled("canceled: nothing was written")

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
                 cancellable: bool = False, on_cancel: Callable[[], None] | None = None,
                 pause_collector: bool = True) -> None:
        """`pause_collector=False` for work done in another process: the thread only waits, and
        automatic collection stays on meanwhile (see `_PausedCollector`)."""
        super().__init__(parent)
        self._parent = parent
        self._run = run
        self._on_success = on_success
        self._on_failure = on_failure or self._show_failure
        self._on_cancel = on_cancel
        self._pause_collector = pause_collector
        self.job = Job(self._progressed.emit)
        self.outcome = Outcome.RUNNING
        self.label = progress
        self.cancellable = cancellable
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
        from PySide6.QtWidgets import QApplication

        self._focused = QApplication.focusWidget()  # given back after the progress and result boxes
        _running.add(self)
        QThreadPool.globalInstance().start(_Task(self._run, self.job, self._succeeded, self._failed,
                                                 self._pause_collector))
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
        _running.discard(self)
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
        try:
            callback()
        finally:
            self._give_focus_back()
            self.finished.emit()
            _ended.append(self)  # its Python side outlives the deletion below (see `_ended`)
            self.deleteLater()

    def _give_focus_back(self) -> None:
        """The progress box and a "Report saved" box take the focus; once they are gone, a window
        manager may activate nothing, leaving the keyboard user with no focus anywhere. The widget that
        started the job gets it back, unless the result moved the focus somewhere on purpose."""
        import shiboken6
        from PySide6.QtWidgets import QApplication

        widget = getattr(self, "_focused", None)
        if widget is None or not shiboken6.isValid(widget) or QApplication.activeModalWidget() is not None:
            return
        now = QApplication.focusWidget()
        if now is not None and now.window() is widget.window() and now.isVisible():
            return
        if widget.isVisible() and widget.isEnabled():
            widget.window().activateWindow()
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_failure(self, error: Exception) -> None:
        dialogs.show_error(self._parent, self.tr("Not finished"),
                           self.tr("The job stopped: {error}").format(error=error))


class _Task(QRunnable):
    def __init__(self, run: Callable[[Job], Any], job: Job, succeeded, failed, pause_collector: bool) -> None:
        super().__init__()
        self._run, self._job, self._pause_collector = run, job, pause_collector
        self._succeeded, self._failed = succeeded, failed

    def run(self) -> None:
        try:
            with _collector.paused() if self._pause_collector else contextlib.nullcontext():
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
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog(label, translate("QueryOp", "Cancel"), 0, 0, parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowTitle(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(PROGRESS_DELAY_MS)
    return dialog


_running: set[QueryOp] = set()  # started and not yet ended, so closing the window can ask about them
# The last jobs to end, held past their deferred deletion: a job nobody else held (the coach's verdict,
# the encoder's warm-up) lost its Python side before Qt deleted it, and that deletion crashed now and
# then (session 33). A job falls off long after Qt has deleted it, as a controller's `self.running` is
# replaced by its next job.
_ended: deque[QueryOp] = deque(maxlen=ENDED_HELD)


def running_jobs() -> list[str]:
    """What a user would lose by closing now: the progress labels of the cancellable jobs under way.
    Short jobs without a progress label (a query, a save) just finish before the app quits."""
    return sorted(op.label for op in _running if op.cancellable and op.label and not op.done)


def cancel_running() -> None:
    """Closing the window: every cancellable job stops at its next step (a worker process is told
    over its pipe), so quitting waits a moment, not for the whole batch."""
    for op in list(_running):
        if op.cancellable:
            op.cancel()


def wait_for_operations() -> None:
    """Called once the event loop has ended, so no worker outlives the application object."""
    QThreadPool.globalInstance().waitForDone()
