"""One module on the home screen: what it is, how long it takes, and how far the learner got."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbook.ui.plain_text import plain_label

if TYPE_CHECKING:
    from workbook.core.content import Module, UnavailableModule
    from workbook.core.progress import ReadingProgress
    from workbook.core.standing import QuizStanding


class ModuleCardWidget(QFrame):
    """A focusable card; Enter, Space, a click or its button opens the module."""

    open_requested = Signal(str)
    quiz_requested = Signal(str)

    def __init__(self, module: Module, progress: ReadingProgress, skill_labels: list[str],
                 prerequisite_titles: list[str], quiz_score: QuizStanding | None = None,
                 quiz_unfinished: bool = False, calls_text: str = "",
                 notes: list[tuple[str, str]] | None = None, parent: QWidget | None = None) -> None:
        """`progress` and `quiz_score` count only what holds up when replayed; `notes`: (what was not
        counted, why) for each kind of evidence of this module that did not all hold up."""
        super().__init__(parent)
        self.module_id = module.id
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Module {number}: {title}").format(number=module.meta.order,
                                                                          title=module.title))
        self.setMinimumWidth(300)

        number = QLabel(self.tr("MODULE {number}").format(number=module.meta.order))
        number.setObjectName("muted")
        title = QLabel(module.title)
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        summary = QLabel(module.meta.summary)
        summary.setWordWrap(True)
        facts = QLabel(self.tr("{minutes} min").format(minutes=module.meta.minutes) + "  \u00b7  "
                       + self.tr("%n section(s)", "", len(module.sections)))
        facts.setObjectName("muted")

        chips = QHBoxLayout()
        chips.setSpacing(6)
        for label in skill_labels:
            chip = QLabel(label)
            chip.setObjectName("chip")
            chips.addWidget(chip)
        chips.addStretch(1)

        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, max(progress.total, 1))
        self.progress_bar.setValue(progress.read)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(10)
        self.progress_label = QLabel(self._progress_text(progress))
        self.progress_label.setObjectName("muted")
        self.open_button = QPushButton(self._button_text(progress))
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the card itself takes focus
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.module_id))

        self.quiz_label = plain_label(self._quiz_text(module, quiz_score, quiz_unfinished))  # quotes a file
        self.quiz_label.setObjectName("muted")
        self.quiz_label.setWordWrap(True)
        self.quiz_button = QPushButton(self._quiz_button_text(quiz_score, quiz_unfinished))
        self.quiz_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Q on the focused card opens it
        self.quiz_button.setToolTip(self.tr("Open the quiz (Q on a focused card)"))
        self.quiz_button.clicked.connect(lambda: self.quiz_requested.emit(self.module_id))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.addWidget(number)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addLayout(chips)
        layout.addWidget(facts)
        if prerequisite_titles:
            builds_on = QLabel(self.tr("Builds on: {modules}").format(modules=", ".join(prerequisite_titles)))
            builds_on.setObjectName("muted")
            builds_on.setWordWrap(True)
            layout.addWidget(builds_on)
        layout.addStretch(1)
        layout.addWidget(self.progress_bar)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress_label, 1)
        bottom.addWidget(self.open_button)
        layout.addLayout(bottom)
        quiz_row = QHBoxLayout()
        quiz_row.addWidget(self.quiz_label, 1)
        quiz_row.addWidget(self.quiz_button)
        layout.addLayout(quiz_row)
        self.calls_label = QLabel(calls_text)
        self.calls_label.setObjectName("muted")
        layout.addWidget(self.calls_label)
        # Hidden or shown once in the card: a widget without a parent that is set visible opens as a
        # window of its own (a native window made and dropped, and one that keeps the app from
        # quitting when its last real window closed meanwhile).
        self.quiz_button.setVisible(module.quiz is not None)
        self.calls_label.setVisible(bool(calls_text))
        self.note_labels = [not_counted_label(text, why) for text, why in notes or ()]
        for label in self.note_labels:
            layout.addWidget(label)

    def _progress_text(self, progress: ReadingProgress) -> str:
        if progress.complete:
            return "\u2714 " + self.tr("All %n section(s) read", "", progress.total)
        return self.tr("{read} of %n section(s) read", "", progress.total).format(read=progress.read)

    def _button_text(self, progress: ReadingProgress) -> str:
        if progress.read == 0:
            return self.tr("Start")
        return self.tr("Review") if progress.complete else self.tr("Continue")

    def _quiz_text(self, module: Module, score: QuizStanding | None, unfinished: bool) -> str:
        if module.quiz is None:
            if module.quiz_problems:
                first = module.quiz_problems[0]
                return self.tr("Quiz unavailable: {problem}").format(
                    problem=f"{first.path.name}:{first.line}: {first.message}")
            return self.tr("No quiz for this module")
        if score is None:
            count = len(module.quiz.questions)
            text = self.tr("Quiz: not taken yet (%n question(s), pass mark {mark}%)", "", count).format(
                mark=module.quiz.settings.pass_mark)
        elif score.best is None:  # taken, but no attempt holds up (the card's note says so)
            text = self.tr("Quiz: no attempt counted yet (pass mark {mark}%)").format(
                mark=module.quiz.settings.pass_mark)
        else:
            mark = "\u2714 " + self.tr("passed") if score.passed else self.tr("not passed yet")
            text = self.tr("Quiz: best {best}%  \u00b7  latest {latest}%").format(
                best=score.best, latest=score.latest) + f"  \u00b7  {mark}"
        return text + ("  \u00b7  " + self.tr("attempt in progress") if unfinished else "")

    def _quiz_button_text(self, score: QuizStanding | None, unfinished: bool) -> str:
        if unfinished:
            return self.tr("Resume quiz")
        return self.tr("Retake quiz") if score is not None else self.tr("Take quiz")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.open_requested.emit(self.module_id)
            return
        if event.key() == Qt.Key.Key_Q and self.quiz_button.isVisible():
            self.quiz_requested.emit(self.module_id)
            return
        super().keyPressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit(self.module_id)
        super().mouseReleaseEvent(event)


def not_counted_label(text: str, why: str) -> QLabel:
    """A card's line saying what was not counted toward it ("1 attempt not counted: see the
    checklist"), in the checklist's colour for such lines, with why as its tooltip."""
    label = QLabel(text)
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setToolTip(why)
    return label


class UnavailableCardWidget(QFrame):
    """A module that failed validation: shown, with its reason, but it cannot be opened."""

    def __init__(self, broken: UnavailableModule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unavailableCard")
        title = QLabel(self.tr("<b>{title}</b> is unavailable").format(title=escape(broken.title)))
        reason = plain_label(broken.reason)  # quotes the file
        reason.setWordWrap(True)
        reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        hint = QLabel(self.tr("Folder: {folder}. A trainer can fix the file and run "
                              "'workbook validate' to check it.").format(folder=broken.folder.name))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(reason)
        layout.addWidget(hint)
        self.reason_text = broken.reason
