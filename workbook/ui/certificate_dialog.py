"""Preview an issued certificate and save a copy where the learner wants it."""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from workbook.ui import dialogs


def render_first_page(pdf: Path, width: int = 900) -> QImage:
    """The PDF's first page as an image (pdfium draws it; Qt only shows the pixels)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        page = document[0]
        scale = width / page.get_width()
        image = page.render(scale=scale).to_pil().convert("RGB")
    finally:
        document.close()
    data = image.tobytes("raw", "RGB")
    return QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()


class CertificateDialog(QDialog):
    """Shows the certificate as it will print; "Save as…" copies the signed PDF unchanged."""

    def __init__(self, pdf: Path, certificate_id: str, learner_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.saved_to: Path | None = None
        self.setWindowTitle(self.tr("Certificate {id}").format(id=certificate_id))
        self.resize(980, 760)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setPixmap(QPixmap.fromImage(render_first_page(pdf)))
        self.preview.setAccessibleName(
            self.tr("Preview of the certificate for {name}").format(name=learner_name))
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        note = QLabel(self.tr("Certificate <b>{id}</b> for {name} is signed and recorded. Anyone with the "
                              "workbook can check it: workbook verify-certificate FILE.pdf").format(
                                  id=certificate_id, name=escape(learner_name)))
        note.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save as\u2026"))
        self.save_button.setObjectName("primary")
        self.save_button.clicked.connect(self.save_as)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(note, 1)
        buttons.addWidget(close)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.save_button.setFocus()

    def save_as(self) -> None:
        chosen = dialogs.ask_save_path(self, self.tr("Save certificate"), self.pdf.name,
                                       self.tr("PDF files (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen) if chosen.lower().endswith(".pdf") else Path(chosen + ".pdf")
        try:
            shutil.copyfile(self.pdf, target)
        except OSError as error:
            dialogs.show_error(self, self.tr("Not saved"),
                               self.tr("The certificate could not be saved to {file}:\n\n{reason}").format(
                                   file=target, reason=error.strerror))
            return
        self.saved_to = target
        dialogs.show_info(self, self.tr("Saved"), self.tr("Saved to {file}").format(file=target))


def show_certificate(parent: QWidget | None, pdf: Path, certificate_id: str, learner_name: str) -> None:
    """Open the preview modally (tests replace this function to look at the file instead)."""
    CertificateDialog(pdf, certificate_id, learner_name, parent).exec()
