"""Ctrl+K: search every lesson section, quiz explanation and practice-call feedback. Results are
ranked; Enter opens one (a section opens with the matching words highlighted)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

KIND_LABELS = {"section": "Lesson", "question": "Quiz", "call": "Practice call"}


class SearchDialog(QDialog):
    hit_chosen = Signal(object, str)  # the Hit, and the query (for highlighting)

    def __init__(self, index, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setWindowTitle("Search the workbook")
        self.resize(760, 520)
        self.query = QLineEdit()
        self.query.setPlaceholderText("e.g. calm down, first contact resolution, refund")
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAccessibleName("Results")
        self.status = QLabel("")
        self.status.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(150)
        self.debounce.timeout.connect(self.run)
        self.query.textChanged.connect(lambda _: self.debounce.start())
        self.query.returnPressed.connect(self.open_current)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        self.hits: list = []

    def run(self) -> None:
        text = self.query.text().strip()
        self.hits = self.index.search(text) if text else []
        self.results.clear()
        for hit in self.hits:
            label = KIND_LABELS.get(str(hit.kind), str(hit.kind))
            plain = hit.snippet.replace("<b>", "\u00bb").replace("</b>", "\u00ab")
            item = QListWidgetItem(f"{label}: {hit.title}\n{_unescape(plain)}")
            self.results.addItem(item)
        self.status.setText(f"{len(self.hits)} results" if text else "")
        if self.hits:
            self.results.setCurrentRow(0)

    def open_current(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self.hits):
            self.hit_chosen.emit(self.hits[row], self.query.text())
            self.accept()

    def keyPressEvent(self, event) -> None:  # arrows move through the results from the query box
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            last = self.results.count() - 1
            self.results.setCurrentRow(max(0, min(last, self.results.currentRow() + step)))
            return
        super().keyPressEvent(event)


def _unescape(text: str) -> str:
    from html import unescape

    return unescape(text)
