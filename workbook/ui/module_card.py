"""One module on the home screen: what it is, how long it takes, and how far the learner got."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from workbook.core.content import Module, UnavailableModule
    from workbook.core.progress import ReadingProgress


class ModuleCardWidget(QFrame):
    """A focusable card; Enter, Space, a click or its button opens the module."""

    open_requested = Signal(str)

    def __init__(self, module: Module, progress: ReadingProgress, skill_labels: list[str],
                 prerequisite_titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.module_id = module.id
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(f"Module {module.meta.order}: {module.title}")
        self.setMinimumWidth(300)

        number = QLabel(f"MODULE {module.meta.order}")
        number.setObjectName("muted")
        title = QLabel(module.title)
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        summary = QLabel(module.meta.summary)
        summary.setWordWrap(True)
        facts = QLabel(f"{module.meta.minutes} min  ·  {len(module.sections)} sections")
        facts.setObjectName("muted")

        chips = QHBoxLayout()
        chips.setSpacing(6)
        for label in skill_labels:
            chip = QLabel(label)
            chip.setObjectName("chip")
            chips.addWidget(chip)
        chips.addStretch(1)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, max(progress.total, 1))
        self.progress_bar.setValue(progress.read)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(10)
        self.progress_label = QLabel(self._progress_text(progress))
        self.progress_label.setObjectName("muted")
        self.open_button = QPushButton(self._button_text(progress))
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the card itself takes focus
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.module_id))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(number)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addLayout(chips)
        layout.addWidget(facts)
        if prerequisite_titles:
            builds_on = QLabel("Builds on: " + ", ".join(prerequisite_titles))
            builds_on.setObjectName("muted")
            builds_on.setWordWrap(True)
            layout.addWidget(builds_on)
        layout.addStretch(1)
        layout.addWidget(self.progress_bar)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress_label, 1)
        bottom.addWidget(self.open_button)
        layout.addLayout(bottom)

    @staticmethod
    def _progress_text(progress: ReadingProgress) -> str:
        if progress.complete:
            return f"\u2714 All {progress.total} sections read"
        return f"{progress.read} of {progress.total} sections read"

    @staticmethod
    def _button_text(progress: ReadingProgress) -> str:
        if progress.read == 0:
            return "Start"
        return "Review" if progress.complete else "Continue"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_requested.emit(self.module_id)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit(self.module_id)
        super().mouseReleaseEvent(event)


class UnavailableCardWidget(QFrame):
    """A module that failed validation: shown, with its reason, but it cannot be opened."""

    def __init__(self, broken: UnavailableModule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unavailableCard")
        title = QLabel(f"<b>{broken.title}</b> is unavailable")
        reason = QLabel(broken.reason)
        reason.setWordWrap(True)
        reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(f"Folder: {broken.folder.name}. A trainer can fix the file and run "
                      "'python main.py validate' to check it.")
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(reason)
        layout.addWidget(hint)
        self.reason_text = broken.reason
