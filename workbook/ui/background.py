"""Run a plain function off the GUI thread and get its result back on the GUI thread.

The function receives data, never widgets; success and failure callbacks run on the GUI thread.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # reported to the GUI thread, never swallowed
            self._report(self._relay.failed, error)
        else:
            self._report(self._relay.succeeded, result)

    @staticmethod
    def _report(signal, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while we worked: nobody to tell
            signal.emit(value)


def run_in_background(work: Callable[[], Any], on_success: Callable[[Any], None],
                      on_failure: Callable[[Exception], None], parent: QObject) -> None:
    """Start `work` on the shared thread pool; callbacks are queued back to `parent`'s thread."""
    relay = _Relay(parent)
    relay.succeeded.connect(on_success)
    relay.failed.connect(on_failure)
    relay.succeeded.connect(relay.deleteLater)
    relay.failed.connect(relay.deleteLater)
    QThreadPool.globalInstance().start(_Task(work, relay))


def wait_for_background_work() -> None:
    """Called once the event loop has ended, so no worker outlives the application object."""
    QThreadPool.globalInstance().waitForDone()
