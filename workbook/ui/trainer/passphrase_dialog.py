"""The gate to trainer views: set the passphrase the first time, then ask for it. A wrong one is
refused with the store's growing delay, shown to the trainer in seconds."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from workbook.store import trainer
from workbook.ui.plain_text import plain_label

RESET_HELP = QT_TRANSLATE_NOOP("PassphraseDialog", "Forgotten it? On this computer, close the workbook and "
                               "run 'workbook reset-trainer --yes'. Learner progress is kept.")


class PassphraseDialog(QDialog):
    def __init__(self, first_time: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_time = first_time
        self.setWindowTitle(self.tr("Set a trainer passphrase") if first_time else self.tr("Trainer views"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat.setAccessibleName(self.tr("Passphrase again"))
        self.message = plain_label()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        intro = QLabel(self.tr("Choose a passphrase of at least 8 characters. Learners cannot open trainer "
                               "views without it.") if first_time
                       else self.tr("Enter the trainer passphrase."))
        intro.setWordWrap(True)
        hint = QLabel(self.tr(RESET_HELP))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        if first_time:
            form.addRow(self.tr("&Again:"), self.repeat)
        else:
            self.repeat.hide()
        form.addRow(self.message)
        form.addRow(hint)
        form.addRow(buttons)
        self.setMinimumWidth(440)
        self.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        """Accept only a passphrase the store accepts; explain every refusal."""
        text = self.passphrase.text()
        if self.first_time:
            if text != self.repeat.text():
                self.message.setText(self.tr("The two passphrases differ."))
                return
            try:
                trainer.set_passphrase(text)
            except trainer.PassphraseError as error:
                self.message.setText(str(error))
                return
            self.accept()
            return
        check = trainer.check_passphrase(text)
        if check.ok:
            self.accept()
            return
        self.passphrase.clear()
        wait = max(1, round(check.retry_after_seconds))
        self.message.setText(self.tr("Not accepted. You can try again in %n second(s).", "", wait)
                             if check.reason == "wrong" else
                             self.tr("Too many wrong tries: wait %n second(s).", "", wait))


def ask_trainer_passphrase(parent: QWidget | None) -> bool:
    """True once the trainer is let in (tests replace this function)."""
    dialog = PassphraseDialog(first_time=not trainer.has_trainer(), parent=parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
