"""The course checklist on the home screen: every requirement with its state, and "Get certificate"
once all are met."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from workbook.ui.theme import MUTED, SUCCESS

if TYPE_CHECKING:
    from workbook.core.completion import Eligibility
    from workbook.store.certificates import IssuedRecord


class CompletionPanel(QFrame):
    certificate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel("")
        self.title.setObjectName("cardTitle")
        self.summary = QLabel("")
        self.summary.setObjectName("muted")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.checklist = QLabel("")
        self.checklist.setWordWrap(True)
        self.checklist.setTextFormat(Qt.TextFormat.RichText)
        self.issued = QLabel("")
        self.issued.setObjectName("muted")
        self.issued.setWordWrap(True)
        self.certificate_button = QPushButton("Get &certificate\u2026")
        self.certificate_button.setObjectName("primary")
        self.certificate_button.clicked.connect(self.certificate_requested)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.summary)
        top.addLayout(titles, 1)
        top.addWidget(self.certificate_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.checklist)
        layout.addWidget(self.issued)

    def show_eligibility(self, course_title: str, eligibility: Eligibility,
                         issued: list[IssuedRecord]) -> None:
        met = sum(1 for r in eligibility.requirements if r.met)
        total = len(eligibility.requirements)
        self.title.setText(f"Certificate: {course_title}")
        self.summary.setText("Everything is done: your certificate is ready." if eligibility.eligible
                             else f"{met} of {total} requirements met")
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(met)
        self.certificate_button.setEnabled(eligibility.eligible)
        self.certificate_button.setToolTip("" if eligibility.eligible else "Complete the checklist first")
        rows = []
        for requirement in sorted(eligibility.requirements, key=lambda r: r.met):  # what is left, first
            mark = (f"<span style='color:{SUCCESS}'>\u2714</span>" if requirement.met
                    else f"<span style='color:{MUTED}'>\u25cb</span>")
            rows.append(f"<tr><td>{mark}</td><td>{escape(requirement.label)}</td>"
                        f"<td style='color:{MUTED}'>{escape(requirement.detail)}</td></tr>")
        self.checklist.setText(f"<table cellpadding='2'>{''.join(rows[:8])}</table>"
                               + (f"<p style='color:{MUTED}'>and {len(rows) - 8} more</p>"
                                  if len(rows) > 8 else ""))
        self.issued.setText("Issued: " + ", ".join(f"{c.certificate_id} ({c.issued_at[:10]})"
                                                   for c in issued) if issued else "")
        self.issued.setVisible(bool(issued))
