"""Told at start when the progress database is damaged: restore a backup, start fresh, or quit."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbook.store.recovery import DamageReport, Recovery, RecoveryChoice


class RecoveryDialog(QDialog):
    """Explains the damage in plain words; the damaged file has already been moved aside."""

    def __init__(self, report: DamageReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Progress database could not be read"))
        self.choice = RecoveryChoice(Recovery.QUIT)
        intro = QLabel(
            "<b>" + self.tr("Your progress database could not be read.")
            + f"</b><br><br>{escape(report.reason)}<br><br>"
            + self.tr("Nothing will be deleted: whatever you choose below, the damaged file is kept as")
            + f"<br><code>{escape(str(report.moved_to))}</code><br><br>"
            + self.tr("Restore a backup (one is taken at the first start of each day your progress "
                      "changed), or start with an empty database.")
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_list = QListWidget()
        for backup in report.backups:
            item = QListWidgetItem(self.tr("Backup from {when}").format(when=backup.label))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.backup_list.addItem(item)
        if report.backups:
            self.backup_list.setCurrentRow(0)
        self.passphrase = QLineEdit()  # asked only when the workbook has a trainer passphrase
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Trainer passphrase"))
        self.passphrase.setAccessibleName(self.tr("Trainer passphrase"))
        self.restore_button = QPushButton(self.tr("&Restore selected backup"))
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(bool(report.backups))
        self.restore_button.clicked.connect(self._restore)
        fresh = QPushButton(self.tr("&Start fresh"))
        fresh.clicked.connect(lambda: self._finish(RecoveryChoice(Recovery.START_FRESH)))
        quit_button = QPushButton(self.tr("&Quit"))
        quit_button.clicked.connect(lambda: self._finish(RecoveryChoice(Recovery.QUIT)))
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(fresh)
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if report.backups:
            layout.addWidget(self.backup_list)
            if report.needs_passphrase:
                asked = QLabel(self.tr("This workbook has a trainer passphrase: a restore asks for it, and "
                                       "the restored progress keeps it."))
                asked.setWordWrap(True)
                asked.setBuddy(self.passphrase)
                layout.addWidget(asked)
                layout.addWidget(self.passphrase)
        else:
            layout.addWidget(QLabel(self.tr("No backups were found.")))
        if report.needs_passphrase:
            kept = QLabel(self.tr("Starting fresh keeps this workbook's trainer passphrase."))
            kept.setWordWrap(True)
            layout.addWidget(kept)
        layout.addLayout(buttons)
        self.resize(560, 380)

    def _restore(self) -> None:
        item = self.backup_list.currentItem()
        if item is not None:
            self._finish(RecoveryChoice(Recovery.RESTORE, Path(item.data(Qt.ItemDataRole.UserRole)),
                                        self.passphrase.text()))

    def _finish(self, choice: RecoveryChoice) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, report: DamageReport) -> RecoveryChoice:
        dialog = cls(report)
        dialog.exec()
        return dialog.choice
