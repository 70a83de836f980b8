"""A one-minute breathing reset: a circle that grows and shrinks with the breath. Skippable at any
moment (Esc or the button); offered after a call that ended badly, and from the View menu."""

from __future__ import annotations

import time

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from workbook.core.breathing import moment_at

CYCLES = 5  # 5 x 12 s = one minute


class _Circle(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_ = 0.0
        self.setMinimumSize(260, 260)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        smallest, largest = 30, min(self.width(), self.height()) / 2 - 6
        radius = smallest + (largest - smallest) * self.size_
        painter.setBrush(QColor("#dbe7f5"))
        painter.drawEllipse(QPointF(self.width() / 2, self.height() / 2), largest, largest)
        painter.setBrush(QColor("#1f4f8a"))
        painter.drawEllipse(QPointF(self.width() / 2, self.height() / 2), radius, radius)


class BreathingDialog(QDialog):
    finished_exercise = Signal()

    def __init__(self, parent: QWidget | None = None, cycles: int = CYCLES, clock=time.monotonic) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("A minute to reset"))
        self.cycles, self.clock = cycles, clock
        self.started = clock()
        intro = QLabel(self.tr("Follow the circle. Breathe in as it grows, out slowly as it shrinks."))
        intro.setWordWrap(True)
        intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.circle = _Circle()
        self.phase = QLabel("")
        self.phase.setObjectName("cardTitle")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = QLabel("")
        self.count.setObjectName("muted")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.skip = QPushButton(self.tr("&Skip (Esc)"))
        self.skip.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.circle, 1)
        layout.addWidget(self.phase)
        layout.addWidget(self.count)
        layout.addWidget(self.skip, 0, Qt.AlignmentFlag.AlignCenter)
        self.timer = QTimer(self)
        self.timer.setInterval(40)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.tick()

    def tick(self) -> None:
        moment = moment_at(self.clock() - self.started, self.cycles)
        self.circle.size_ = moment.size
        self.circle.update()
        if moment.finished:
            self.timer.stop()
            self.phase.setText(self.tr("Well done. Ready for the next call."))
            self.count.setText("")
            self.skip.setText(self.tr("&Close"))
            self.finished_exercise.emit()
            return
        phase = {"Breathe in": self.tr("Breathe in"), "Hold": self.tr("Hold"),
                 "Breathe out": self.tr("Breathe out")}.get(moment.phase, moment.phase)
        self.phase.setText(f"{phase}\u2026 {int(moment.seconds_left_in_phase) + 1}")
        self.count.setText(self.tr("Breath {number} of {total}").format(number=moment.cycle,
                                                                        total=self.cycles))


def offer_breathing(parent: QWidget | None) -> None:
    """Open the reset (tests replace this function)."""
    BreathingDialog(parent).open()
