"""The course checklist on the home screen: every requirement with its state, grouped (reading,
quizzes, practice calls) in sections that open and close, and "Get certificate", which says in
words what is still missing while it cannot be used, and reopens the certificate once issued."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbook.ui.dates import stored_day_text
from workbook.ui.requirement_text import requirement_detail, requirement_label
from workbook.ui.theme import MUTED, SUCCESS, WARNING

if TYPE_CHECKING:
    from workbook.core.completion import Eligibility, Requirement
    from workbook.store.certificates import IssuedRecord

GROUPS = ((QT_TRANSLATE_NOOP("ChecklistGroup", "Reading"), ("reading",)),
          (QT_TRANSLATE_NOOP("ChecklistGroup", "Quizzes"), ("quiz",)),
          (QT_TRANSLATE_NOOP("ChecklistGroup", "Practice calls"), ("call", "calls")))


LINE = "margin:2px 0"  # one requirement: its mark, its name and where it stands
DOUBT = "margin:0 0 4px 20px"  # why something was not counted, under its requirement


class _RequirementLines(QLabel):
    """The group's word-wrapped rich-text lines. Qt lays the whole text out again for every height it
    is asked for (about 1 ms each), and a layout pass asks for the same width twice or more: 23 times for
    seven widths on the way to the home page's first paint. Each answer is kept until the text, its font,
    its style or anything else about the label changes."""

    def __init__(self) -> None:
        super().__init__("")
        self._heights: dict[int, int] = {}

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._heights.clear()
        super().setText(text)

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event) -> None:  # noqa: N802 (a font, style, palette or language change)
        self._heights.clear()
        super().changeEvent(event)


class ChecklistGroup(QWidget):
    """A heading that opens and closes ("Reading: 7 of 8 done") over the group's every line."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = self.tr(title)  # marked in GROUPS
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        self.toggle.toggled.connect(self._set_open)
        self.lines = _RequirementLines()
        self.lines.setWordWrap(True)
        self.lines.setTextFormat(Qt.TextFormat.RichText)
        self.lines.setContentsMargins(18, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.lines)

    def show_requirements(self, requirements: list[Requirement], opened: bool) -> None:
        met = sum(1 for r in requirements if r.met)
        self.toggle.setText(self.tr("{group}: {met} of %n done", "", len(requirements)).format(
            group=self.title, met=met))
        # Paragraphs, not a table: Qt lays out a word-wrapped rich-text table two to three times slower,
        # and this label is laid out on the way to the home page's first paint.
        rows = []
        for requirement in sorted(requirements, key=lambda r: r.met):  # what is left, first
            mark = (f"<span style='color:{SUCCESS}'>\u2714</span>" if requirement.met
                    else f"<span style='color:{MUTED}'>\u25cb</span>")
            label, detail = escape(requirement_label(requirement)), escape(requirement_detail(requirement))
            rows.append(f"<p style='{LINE}'>{mark}&nbsp; {label}"
                        f"<span style='color:{MUTED}'> \u00b7 {detail}</span></p>")
            if not requirement.met:  # what was not counted, and why (English, as the core words it)
                rows += [f"<p style='{DOUBT};color:{WARNING}'>{escape(doubt)}</p>"
                         for doubt in requirement.doubts]
        self.lines.setText("".join(rows))
        self.toggle.setChecked(opened)
        self._set_open(opened)

    def _set_open(self, opened: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
        self.lines.setVisible(opened)


class CompletionPanel(QFrame):
    certificate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.title = QLabel("")
        self.title.setObjectName("cardTitle")
        self.title.setWordWrap(True)
        self.summary = QLabel("")
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(10)
        self.groups = [ChecklistGroup(title) for title, _kinds in GROUPS]
        self.issued = QLabel("")
        self.issued.setTextFormat(Qt.TextFormat.PlainText)  # certificate ids as the database holds them
        self.issued.setObjectName("muted")
        self.issued.setWordWrap(True)
        self.certificate_button = QPushButton(self.tr("Get &certificate\u2026"))
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
        for group in self.groups:
            layout.addWidget(group)
        layout.addWidget(self.issued)

    def show_eligibility(self, course_title: str, eligibility: Eligibility,
                         issued: list[IssuedRecord]) -> None:
        met = sum(1 for r in eligibility.requirements if r.met)
        total = len(eligibility.requirements)
        left = total - met
        self.title.setText(self.tr("Certificate: {course}").format(course=course_title))
        if issued:
            self.summary.setText(self.tr("Everything is done. Your certificate is issued: open it or save a "
                                         "copy."))
        elif eligibility.eligible:
            self.summary.setText(self.tr("Everything is done: your certificate is ready."))
        else:
            self.summary.setText(
                self.tr("{met} of %n requirement(s) met.", "", total).format(met=met) + " "
                + self.tr("The certificate unlocks when the %n open item(s) below are done.", "", left))
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(met)
        self.certificate_button.setText(self.tr("Open my &certificate\u2026") if issued
                                        else self.tr("Get &certificate\u2026"))
        self.certificate_button.setEnabled(eligibility.eligible or bool(issued))
        self.certificate_button.setToolTip(
            "" if eligibility.eligible or issued
            else self.tr("Not yet: %n requirement(s) still open (see the list)", "", left))
        # Only the first group with something left opens: the next step shows at once, the other
        # groups' headings say how far along they are, and the module cards stay in view.
        opened = False
        for group, (_title, kinds) in zip(self.groups, GROUPS, strict=True):
            lines = [r for r in eligibility.requirements if r.kind in kinds]
            group.setVisible(bool(lines))
            if lines:
                left = any(not r.met for r in lines)
                group.show_requirements(lines, opened=left and not opened)
                opened = opened or left
        self.issued.setText(self.tr("Issued: ") + ", ".join(
            f"{c.certificate_id} ({stored_day_text(c.issued_at)})" for c in issued) if issued else "")
        self.issued.setVisible(bool(issued))

    def requirement_lines(self) -> str:
        return "".join(group.lines.text() for group in self.groups if not group.isHidden())

