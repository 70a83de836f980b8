"""File > Certificate settings: organisation, trainer, page size and logo printed on certificates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from workbook.reports.issue import CertificateSettings
from workbook.reports.logo_limits import logo_problem
from workbook.ui.dialogs import save_cancel_buttons


class CertificateSettingsDialog(QDialog):
    def __init__(self, current: CertificateSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Certificate settings"))
        self.organisation = QLineEdit(current.organisation)
        self.trainer = QLineEdit(current.trainer)
        self.page_size = QComboBox()
        self.page_size.addItems(["A4", "Letter"])
        self.page_size.setCurrentText(current.page_size)
        self.logo = QLineEdit(str(current.logo) if current.logo else "")
        self.logo.setPlaceholderText(self.tr("Bundled mark (leave empty)"))
        browse = QPushButton(self.tr("&Browse\u2026"))
        browse.clicked.connect(self._browse)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("&Organization:"), self.organisation)
        form.addRow(self.tr("&Trainer name:"), self.trainer)
        form.addRow(self.tr("&Page size:"), self.page_size)
        logo_label = QLabel(self.tr("&Logo (PNG or JPEG):"))
        logo_label.setBuddy(self.logo)  # a row holding a layout gets no buddy, and shows the "&"
        form.addRow(logo_label, logo_row)
        self.problem = QLabel()  # why the chosen logo cannot be used, shown on Save
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        form.addRow(self.problem)
        buttons = save_cancel_buttons(self)
        form.addRow(buttons)
        self.resize(520, 200)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a logo"), str(Path.home()),
                                                self.tr("Images (*.png *.jpg *.jpeg)"))
        if chosen:
            self.logo.setText(chosen)

    def accept(self) -> None:
        """Save only a logo every certificate can carry and still be verified; say why not here,
        with the dialog kept open and the other fields as typed."""
        text = self.logo.text().strip()
        if text:
            reader = QImageReader(text)
            size = reader.size() if reader.canRead() else None
            problem = logo_problem(Path(text), (size.width(), size.height()) if size is not None else None)
            if problem:
                self.problem.setText(problem)
                self.problem.setVisible(True)
                self.logo.setFocus()
                return
        super().accept()

    def chosen(self) -> CertificateSettings:
        logo = Path(self.logo.text().strip()) if self.logo.text().strip() else None
        return CertificateSettings(self.organisation.text().strip(), self.trainer.text().strip(),
                                   self.page_size.currentText(), logo if logo and logo.is_file() else None)


def edit_certificate_settings(parent: QWidget | None, current: CertificateSettings,
                              ) -> CertificateSettings | None:
    """The edited settings, or None if the user cancelled (tests replace this function)."""
    dialog = CertificateSettingsDialog(current, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
