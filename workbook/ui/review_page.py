"""The daily review: one card at a time, rated Again / Hard / Good / Easy (keys 1-4).

The page only shows cards and reports ratings (`rated`); whoever owns it saves each rating at once
with `workbook.store.review.review`, so "Stop for now" (Esc) never loses work.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from workbook.core.quiz_review import review_question
from workbook.core.review_cards import RATING_LABELS, preview_intervals
from workbook.store.review import DueCard
from workbook.ui.question_views import QuestionView, view_for
from workbook.ui.quiz_html import feedback_text, line_text, verdict_text
from workbook.ui.theme import SUCCESS, WARNING


class ReviewPage(QWidget):
    """Shows a phrase card (front, Space for the back) or a missed question (answer, then feedback)."""

    rated = Signal(str, int)  # card id, rating 1-4
    home_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: DueCard | None = None
        self.view: QuestionView | None = None
        self.answer_shown = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.setObjectName("page")
        title = QLabel(self.tr("Daily review"))
        title.setObjectName("pageTitle")
        self.counter = QLabel("")
        self.counter.setObjectName("muted")
        self.stop_button = QPushButton(self.tr("Stop for now"))
        self.stop_button.setToolTip(self.tr("Every rating is already saved (Esc)"))
        self.stop_button.clicked.connect(self.home_requested.emit)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(12)
        top.addWidget(self.counter, 1, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.stop_button)

        self.front = QLabel("")
        self.front.setWordWrap(True)
        self.front.setTextFormat(Qt.TextFormat.RichText)
        self.question_area = QVBoxLayout()
        self.back = QLabel("")
        self.back.setWordWrap(True)
        self.back.setTextFormat(Qt.TextFormat.RichText)
        self.back.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.show_button = QPushButton(self.tr("Show answer (Space)"))
        self.show_button.clicked.connect(self.show_answer)
        self.check_button = QPushButton(self.tr("Check answer (Enter)"))
        self.check_button.clicked.connect(self.check_answer)
        self.rating_buttons: dict[int, QPushButton] = {}
        ratings = QHBoxLayout()
        for rating in RATING_LABELS:
            button = QPushButton(f"{self._rating_label(rating)} ({rating})")
            button.clicked.connect(lambda _=False, r=rating: self.rate(r))
            self.rating_buttons[rating] = button
            ratings.addWidget(button)
        self.home_button = QPushButton(self.tr("Back to home"))
        self.home_button.clicked.connect(self.home_requested.emit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.front)
        layout.addLayout(self.question_area)
        layout.addWidget(self.back)
        layout.addStretch(1)
        layout.addWidget(self.show_button)
        layout.addWidget(self.check_button)
        self.rating_hint = QLabel(self.tr("How well did you remember it? Keys 1\u20134; the next card comes "
                                          "at once."))
        self.rating_hint.setObjectName("muted")
        layout.addWidget(self.rating_hint)
        layout.addLayout(ratings)
        layout.addWidget(self.home_button)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for number in range(1, 10):
            QShortcut(QKeySequence(str(number)), self, lambda n=number: self._number(n), context=context)
        self.space = QShortcut(QKeySequence("Space"), self, self.show_answer, context=context)
        for keys in ("Return", "Enter"):
            QShortcut(QKeySequence(keys), self, self.check_answer, context=context)
        QShortcut(QKeySequence("Esc"), self, self.home_requested.emit, context=context)
        self.show_done()

    # -- API ------------------------------------------------------------------------------------

    def show_card(self, card: DueCard, remaining: int | None = None) -> None:
        """Show `card`; `remaining` (this one included) feeds the "N left today" counter."""
        self.card, self.answer_shown = card, False
        self._clear_question()
        self.back.clear()
        self.back.setVisible(False)
        self.home_button.setVisible(False)
        self.stop_button.setVisible(True)
        if remaining is not None:
            self.counter.setText(self.tr("%n left today", "", remaining))
        if card.phrase is not None:
            phrase = card.phrase
            self.front.setText(f"<p><b>{escape(phrase.situation)}</b></p><p>{escape(phrase.prompt)}</p>")
            self.front.setVisible(True)
            self.show_button.setVisible(True)
            self.check_button.setVisible(False)
            self.space.setEnabled(True)
        elif card.presented is not None:
            self.front.setText("<p><b>" + self.tr("A question you missed") + "</b></p>")
            self.front.setVisible(True)
            self.view = view_for(card.presented)
            self.view.changed.connect(self._update_check)
            self.question_area.addWidget(self.view)
            self.show_button.setVisible(False)
            self.check_button.setVisible(True)
            self.space.setEnabled(False)  # Space belongs to the answer's check boxes
            self._update_check()
            self.view.focus_answer()
        self._set_rating_enabled(False)
        self.setFocus()

    def show_done(self, no_cards_yet: bool = False) -> None:
        """Nothing left today; or, for a learner with no cards at all yet, what review is."""
        self.card, self.answer_shown = None, False
        self._clear_question()
        self.counter.setText(self.tr("%n left today", "", 0))
        self.front.setText(
            "<p><b>" + self.tr("Nothing to review yet.") + "</b></p><p>"
            + self.tr("Daily review brings back the quiz questions you missed and the key phrases from the "
                      "sections you have read, spaced out over days so they stick. Read a section or take a "
                      "quiz, and your first cards appear here.") + "</p>" if no_cards_yet
            else "<p><b>" + self.tr("All done for today.") + "</b></p><p>"
            + self.tr("New cards come as you read and practice.") + "</p>")
        self.front.setVisible(True)
        self.back.setVisible(False)
        for widget in (self.show_button, self.check_button, self.stop_button):
            widget.setVisible(False)
        for button in self.rating_buttons.values():
            button.setVisible(False)
        self.rating_hint.setVisible(False)
        self.home_button.setVisible(True)
        self.space.setEnabled(False)

    # -- actions ----------------------------------------------------------------------------------

    def show_answer(self) -> None:
        if self.card is None or self.card.phrase is None or self.answer_shown:
            return
        phrase = self.card.phrase
        reason = f"<p>{escape(phrase.reason)}</p>" if phrase.reason else ""
        self.back.setText(f"<p style='font-size: 120%'>{escape(phrase.phrase)}</p>{reason}")
        self._reveal()

    def check_answer(self) -> None:
        if self.card is None or self.view is None or self.answer_shown:
            return
        response = self.view.response()
        if response is None:
            return
        result = review_question(self.card.presented, response)
        colour = SUCCESS if result.score >= 1.0 else WARNING
        parts = [f"<p style='color:{colour}; font-weight:600'>{escape(verdict_text(result))}</p>"]
        if result.score < 1.0:
            parts.append("<p>" + self.tr("Right answer: {answer}").format(answer=escape(result.right_answer))
                         + "</p>")
        for line in result.lines:
            if line.feedback and (line.picked or line.right):
                mark = "\u2714" if line.right else "\u2718"
                parts.append(f"<p>{mark} {escape(line_text(line))} \u2014 {escape(feedback_text(line))}</p>")
        if result.explanation:
            parts.append(f"<p>{escape(result.explanation)}</p>")
        self.back.setText("".join(parts))
        self.view.set_locked(True)
        self.check_button.setVisible(False)
        self._reveal()

    def rate(self, rating: int) -> None:
        if self.card is None or not self.answer_shown or rating not in RATING_LABELS:
            return
        card_id = self.card.id
        self.card = None  # one rating per card shown, however fast the keys
        self.rated.emit(card_id, rating)

    # -- helpers ----------------------------------------------------------------------------------

    def _number(self, number: int) -> None:
        if self.answer_shown:
            self.rate(number)
        elif self.view is not None:
            self.view.pick(number)

    def _reveal(self) -> None:
        self.answer_shown = True
        self.back.setVisible(True)
        self.show_button.setVisible(False)
        self.space.setEnabled(False)
        self._set_rating_enabled(True)
        self.setFocus()

    def _update_check(self) -> None:
        self.check_button.setEnabled(self.view is not None and self.view.response() is not None)

    def _set_rating_enabled(self, enabled: bool) -> None:
        self.rating_hint.setVisible(enabled)
        intervals = {}
        if enabled and self.card is not None:  # when each rating would bring the card back, as Anki shows
            intervals = preview_intervals(self.card.state, self.card.id, datetime.now(UTC))
        for rating, button in self.rating_buttons.items():
            label = self._rating_label(rating)
            button.setText(f"{label} ({rating}) \u00b7 {intervals[rating]}" if rating in intervals
                           else f"{label} ({rating})")
            button.setVisible(True)
            button.setEnabled(enabled)

    def _rating_label(self, rating: int) -> str:
        """Again / Hard / Good / Easy (the core's RATING_LABELS) in the interface language."""
        return {1: self.tr("Again"), 2: self.tr("Hard"), 3: self.tr("Good"), 4: self.tr("Easy")}.get(
            rating, RATING_LABELS.get(rating, str(rating)))

    def _clear_question(self) -> None:
        if self.view is not None:
            self.question_area.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None
