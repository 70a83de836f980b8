"""Long work off the GUI thread with a progress dialog and a Cancel button.

The work function gets `progress(done, total)` and `cancelled()`; it must stop at the next step
once cancelled and leave nothing half-written (the report and batch writers promise that).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from workbook.ui.background import run_in_background


class _Progress(QObject):
    moved = Signal(int, int)


Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


def run_with_progress(parent: QWidget, title: str, work: Work, on_done: Callable[[Any], None],
                      on_error: Callable[[Exception], None]) -> QProgressDialog:
    """Start `work` on a worker thread; returns the (already shown) progress dialog."""
    stop = threading.Event()
    relay = _Progress(parent)
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)  # quick jobs finish without a flash of a dialog
    dialog.canceled.connect(stop.set)
    relay.moved.connect(lambda done, total: (dialog.setMaximum(total), dialog.setValue(done)))

    def finished(result: Any) -> None:
        dialog.reset()
        relay.deleteLater()
        on_done(result)

    def failed(error: Exception) -> None:
        dialog.reset()
        relay.deleteLater()
        on_error(error)

    run_in_background(lambda: work(lambda done, total: relay.moved.emit(done, total), stop.is_set),
                      finished, failed, parent)
    return dialog
