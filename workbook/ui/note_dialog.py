"""The note editor: a wrapping text box that works from the keyboard. Ctrl+Enter saves, Tab moves to
the buttons (a note never needs a tab character), and Esc asks before a changed note is thrown away."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbook.ui import dialogs


class NoteDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, label: str, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.original = text
        prompt = QLabel(label)
        self.editor = QPlainTextEdit(text)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(label)
        prompt.setBuddy(self.editor)
        hint = QLabel(self.tr("Ctrl+Enter saves \u00b7 Esc cancels"))
        hint.setObjectName("muted")
        self.buttons = dialogs.save_cancel_buttons(self)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.editor, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(520, 300)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText()

    def reject(self) -> None:
        """Esc, Cancel or the close box: a changed note is only dropped once the learner says so."""
        if self.text().strip() != self.original.strip() and not dialogs.confirm(
                self, self.tr("Discard this note?"),
                self.tr("Your changes to this note have not been saved."), self.tr("Discard")):
            return
        super().reject()
