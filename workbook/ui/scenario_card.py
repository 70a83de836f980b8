"""One practice call on the home screen: who calls and why, and how the learner's calls went."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbook.core.scenario import EndingKind
from workbook.ui.i18n import translate
from workbook.ui.labels import ending_label
from workbook.ui.module_card import not_counted_label

if TYPE_CHECKING:
    from workbook.core.scenario import Scenario
    from workbook.store.practice_calls import CallRecord


class ScenarioCardWidget(QFrame):
    """A focusable card; Enter, Space or its button starts (or resumes) the call."""

    call_requested = Signal(str)

    def __init__(self, scenario: Scenario, record: CallRecord | None, module_titles: list[str],
                 notes: list[tuple[str, str]] | None = None, parent: QWidget | None = None) -> None:
        """`notes`: (what was not counted, why) when some of the scenario's calls did not hold up."""
        super().__init__(parent)
        self.scenario_id = scenario.id
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Practice call: {title}").format(title=scenario.title))
        self.setMinimumWidth(300)
        context = QLabel(scenario.persona.context.upper())
        context.setObjectName("muted")
        title = QLabel(scenario.title)
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        summary = QLabel(scenario.summary)
        summary.setWordWrap(True)
        practises = QLabel(self.tr("Practices: {modules}").format(modules=", ".join(module_titles)))
        practises.setObjectName("muted")
        practises.setWordWrap(True)
        self.record_label = QLabel(self.record_text(record))
        self.record_label.setObjectName("muted")
        self.call_button = QPushButton(self.button_text(record))
        self.call_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.call_button.clicked.connect(lambda: self.call_requested.emit(self.scenario_id))
        bottom = QHBoxLayout()
        bottom.addWidget(self.record_label, 1)
        bottom.addWidget(self.call_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        for widget in (context, title, summary, practises):
            layout.addWidget(widget)
        self.typed_label = None
        if any(node.typed for node in scenario.nodes.values()):
            self.typed_label = QLabel("\u270e " + self.tr("Has points where you answer in your own words"))
            self.typed_label.setObjectName("muted")
            layout.addWidget(self.typed_label)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.note_labels = [not_counted_label(text, why) for text, why in notes or ()]
        for label in self.note_labels:
            layout.addWidget(label)

    @staticmethod
    def record_text(record: CallRecord | None) -> str:
        if record is None or (record.played == 0 and not record.unfinished):
            return translate("ScenarioCardWidget", "Not played yet")
        parts = []
        if record.best_kind:
            kind = EndingKind(record.best_kind)
            tick = "\u2714 " if kind.strong else ""
            best = translate("ScenarioCardWidget", "Best: {outcome}").format(outcome=ending_label(kind))
            parts.append(tick + best)
        if record.played:
            parts.append(translate("ScenarioCardWidget", "played {count}\u00d7").format(count=record.played))
        if record.unfinished:
            parts.append(translate("ScenarioCardWidget", "a call in progress"))
        return "  \u00b7  ".join(parts)

    @staticmethod
    def button_text(record: CallRecord | None) -> str:
        if record is not None and record.unfinished:
            return translate("ScenarioCardWidget", "Resume call")
        if record is not None and record.played:
            return translate("ScenarioCardWidget", "Play again")
        return translate("ScenarioCardWidget", "Start call")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.call_requested.emit(self.scenario_id)
            return
        super().keyPressEvent(event)
