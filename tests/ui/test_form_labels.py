"""Every form label with an "&" shortcut letter is the buddy of its field, so Alt+letter moves there and
the "&" is drawn as an underline, never as a literal ampersand."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from workbook.reports.issue import CertificateSettings
from workbook.ui.certificate_settings_dialog import CertificateSettingsDialog
from workbook.ui.note_dialog import NoteDialog
from workbook.ui.sync_dialog import SyncDialog
from workbook.ui.trainer.passphrase_dialog import PassphraseDialog


def _labels_with_a_letter(widget) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if "&" in label.text().replace("&&", "")]


def test_every_dialog_label_with_a_shortcut_letter_has_a_buddy(qtbot):
    dialogs = [CertificateSettingsDialog(CertificateSettings("Acme", "Dana", "A4", None)),
               SyncDialog(""), PassphraseDialog(first_time=True), NoteDialog(None, "Note", "&Note:", "")]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        labels = _labels_with_a_letter(dialog)
        assert labels, type(dialog).__name__
        for label in labels:
            assert label.buddy() is not None, f"{type(dialog).__name__}: {label.text()!r} has no buddy"


def test_alt_l_moves_to_the_certificate_logo_field(qtbot):
    dialog = CertificateSettingsDialog(CertificateSettings("Acme", "Dana", "A4", None))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert dialog.logo.hasFocus()
