"""Every modal question the app asks goes through here, so tests can answer it instead of a user.

The message boxes show their text as plain text: it often holds names and reasons from files (a PC's
name signed into a bundle, a learner's name, a file name), and Qt would otherwise guess that text
starting with a tag is HTML and draw it, so a name could hide or fake the lines around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt makes each of these classes at its first use: the start has no box to show
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget


def message_box(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A message box whose text is shown literally (never read as HTML)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def run_box(box: QMessageBox) -> None:
    """Show `box` and wait for the answer; tests replace this to read the box and click a button."""
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Ask before a destructive step; the safe choice (Cancel) is the default."""
    from PySide6.QtWidgets import QMessageBox

    box = message_box(QMessageBox.Icon.Question, parent, title, text)
    go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    run_box(box)
    return box.clickedButton() is go


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    run_box(message_box(QMessageBox.Icon.Critical, parent, title, text))


class _LastFolder:
    """The folder of the last file or folder chosen in this session: the next file dialog opens there
    (the trainer who saved the certificates on the USB stick saves the report beside them), at first
    in the home folder."""

    path: str | None = None

    @classmethod
    def start(cls, suggested: str = "") -> str:
        """Where a dialog opens: a suggested bare file name goes into the last folder."""
        from pathlib import Path

        folder = Path(cls.path) if cls.path and Path(cls.path).is_dir() else Path.home()
        if suggested and not Path(suggested).is_absolute():
            return str(folder / suggested)
        return suggested or str(folder)

    @classmethod
    def remember(cls, chosen: str, is_folder: bool = False) -> str:
        from pathlib import Path

        if chosen:
            cls.path = chosen if is_folder else str(Path(chosen).parent)
        return chosen


def ask_save_path(parent: QWidget | None, title: str, suggested: str, filter_text: str) -> str | None:
    """A native "Save as" dialog; None when the user cancels."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getSaveFileName(parent, title, _LastFolder.start(suggested), filter_text)
    return _LastFolder.remember(chosen) or None


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    run_box(message_box(QMessageBox.Icon.Information, parent, title, text))


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """One line of text (a cohort name); None when cancelled or left empty."""
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok and value.strip() else None


def ask_open_path(parent: QWidget | None, title: str, filter_text: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileName(parent, title, _LastFolder.start(), filter_text)
    return _LastFolder.remember(chosen) or None


def ask_open_paths(parent: QWidget | None, title: str, filter_text: str) -> list[str]:
    """Several files at once (progress bundles); empty when the user cancels."""
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileNames(parent, title, _LastFolder.start(), filter_text)
    if chosen:
        _LastFolder.remember(chosen[0])
    return list(chosen)


def ask_folder(parent: QWidget | None, title: str) -> str | None:
    from PySide6.QtWidgets import QFileDialog

    chosen = QFileDialog.getExistingDirectory(parent, title, _LastFolder.start())
    return _LastFolder.remember(chosen, is_folder=True) or None


def ask_multiline(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A few lines of text (a personal note); None when cancelled or left empty."""
    from workbook.ui.note_dialog import NoteDialog

    dialog = NoteDialog(parent, title, label, text)
    ok = dialog.exec() == NoteDialog.DialogCode.Accepted
    return dialog.text().strip() if ok and dialog.text().strip() else None


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Save and Cancel, wired to the dialog's accept and reject (the edit dialogs all end this way)."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
