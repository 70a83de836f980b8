"""Work that can wait until the user sees a page: run it in the event loop turn after the page's
next paint. Qt posts repaints at low priority, so a zero timer alone would run before the paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterPaint(QObject):
    """Calls `then` once, in the event loop turn after `widget` next paints (or after a second if it
    does not, a hidden window say)."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(1000, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._then is not None:
            then, self._then = self._then, None
            self.parent().removeEventFilter(self)
            self.deleteLater()
            then()
