"""File > Sync with a server: the address of the training center's server, or none."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from workbook.ui.dialogs import save_cancel_buttons


class SyncDialog(QDialog):
    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync with a server"))
        self.url = QLineEdit(current)
        self.url.setPlaceholderText("postgresql://learner@server/workbook")  # an address, not words
        note = QLabel(self.tr("When set, progress is sent to the training center's server in the "
                              "background after each save, and retried quietly while the server cannot be "
                              "reached. Leave it empty to keep progress on this PC (progress files still "
                              "work)."))
        note.setWordWrap(True)
        note.setObjectName("muted")
        form = QFormLayout(self)
        form.addRow(self.tr("&Server address:"), self.url)
        form.addRow(note)
        buttons = save_cancel_buttons(self)
        form.addRow(buttons)
        self.resize(560, 160)


def edit_sync_server(parent: QWidget | None, current: str) -> str | None:
    """The address chosen ('' for none), or None if the user cancelled (tests replace this)."""
    dialog = SyncDialog(current, parent)
    return dialog.url.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None
