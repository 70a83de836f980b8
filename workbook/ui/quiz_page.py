"""A quiz attempt on screen: the intro with past attempts, one question at a time with feedback,
and the results with a per-skill breakdown and a review of every question.

The page holds no progress of its own: every answer goes to the controller (`answer_given`) the
moment it changes, so a closed or killed app resumes the attempt with its answers kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbook.core.attempt import grade
from workbook.core.quiz import FeedbackTiming
from workbook.core.quiz_review import QuestionReview, review_question
from workbook.ui.elided import ElidedLabel
from workbook.ui.question_views import QuestionView, view_for
from workbook.ui.quiz_html import attempts_html, results_html, review_html
from workbook.ui.theme import MUTED, READER_CSS, SUCCESS, WARNING

if TYPE_CHECKING:
    from workbook.core.attempt import AttemptResult
    from workbook.core.content import Module
    from workbook.store.quiz_attempts import StoredAttempt


class QuizPage(QWidget):
    """Signals say what the learner did; the controller stores it and calls back."""

    start_requested = Signal(str)  # module id: start a new attempt
    resume_requested = Signal(str)  # module id: reopen the unfinished attempt
    review_requested = Signal(str)  # attempt id
    answer_given = Signal(str, tuple, bool)  # question id, response (file order), checked
    submit_requested = Signal(str)  # reason: "submitted" or "time-up"
    home_requested = Signal()
    lessons_requested = Signal(str)  # module id

    def __init__(self, skill_label=lambda skill: skill, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.skill_label = skill_label
        self.module: Module | None = None
        self.attempt: StoredAttempt | None = None
        self.index = 0
        self.view: QuestionView | None = None
        self.seconds_left: float | None = None

        self.home_button = QPushButton("\u2190 " + self.tr("Home"))
        self.home_button.setToolTip(self.tr("Back to all modules (Esc)"))
        self.home_button.clicked.connect(self.home_requested)
        self.title = ElidedLabel("")
        self.title.setObjectName("pageTitle")
        self.timer_label = QLabel("")
        self.timer_label.setObjectName("timer")
        top = QHBoxLayout()
        top.addWidget(self.home_button)
        top.addSpacing(12)
        top.addWidget(self.title, 1)
        top.addWidget(self.timer_label)

        self.stack = QStackedWidget()
        self.intro = self._build_intro()
        self.question_panel = self._build_question_panel()
        self.results = self._build_results()
        for panel in (self.intro, self.question_panel, self.results):
            self.stack.addWidget(panel)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        def shortcut(keys: str, slot) -> None:  # keys that work anywhere on this page
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        for number in range(1, 10):
            shortcut(str(number), lambda n=number: self._pick(n))
        for keys in ("Return", "Enter"):
            shortcut(keys, self._enter)
        shortcut("Esc", self.home_requested.emit)
        shortcut("Alt+Left", self.go_previous)

    # -- building ---------------------------------------------------------------------------

    def _build_intro(self) -> QWidget:
        panel = QWidget()
        self.intro_facts = QLabel("")
        self.intro_facts.setWordWrap(True)
        self.intro_facts.setObjectName("quizFacts")
        self.history = QTextBrowser()
        self.history.setOpenLinks(False)
        self.history.anchorClicked.connect(lambda url: self.review_requested.emit(url.toString()))
        self.history.setAccessibleName(self.tr("Past attempts"))
        self.start_button = QPushButton(self.tr("&Start quiz"))
        self.start_button.setObjectName("primary")
        self.start_button.clicked.connect(lambda: self.start_requested.emit(self.module.id))
        self.resume_button = QPushButton("")
        self.resume_button.setObjectName("primary")
        self.resume_button.clicked.connect(lambda: self.resume_requested.emit(self.module.id))
        self.lessons_button = QPushButton(self.tr("Read the &lessons"))
        self.lessons_button.clicked.connect(lambda: self.lessons_requested.emit(self.module.id))
        buttons = QHBoxLayout()
        buttons.addWidget(self.lessons_button)
        buttons.addStretch(1)
        buttons.addWidget(self.resume_button)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.addWidget(self.intro_facts)
        layout.addWidget(QLabel("<b>" + self.tr("Your attempts") + "</b>"))
        layout.addWidget(self.history, 1)
        layout.addLayout(buttons)
        return panel

    def _build_question_panel(self) -> QWidget:
        panel = QWidget()
        self.position_label = QLabel("")
        self.position_label.setObjectName("muted")
        self.hint_label = QLabel("")
        self.hint_label.setObjectName("muted")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        self.question_host = QVBoxLayout()
        self.feedback = QTextBrowser()
        self.feedback.setObjectName("feedback")
        self.feedback.setAccessibleName(self.tr("Feedback"))
        self.feedback.document().setDefaultStyleSheet(READER_CSS)
        self.feedback.setMinimumHeight(150)
        self.feedback.hide()
        self.previous_button = QPushButton("\u2190 " + self.tr("&Previous"))
        self.previous_button.clicked.connect(self.go_previous)
        self.check_button = QPushButton(self.tr("&Check answer"))
        self.check_button.setObjectName("primary")
        self.check_button.setToolTip(self.tr("Enter"))
        self.check_button.clicked.connect(self.check_answer)
        self.next_button = QPushButton(self.tr("&Next question") + " \u2192")
        self.next_button.setObjectName("primary")
        self.next_button.setToolTip(self.tr("Enter"))
        self.next_button.clicked.connect(self.go_next)
        self.submit_button = QPushButton(self.tr("S&ubmit quiz"))
        self.submit_button.setObjectName("primary")
        self.submit_button.clicked.connect(self._submit_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.hint_label, 1)
        for button in (self.check_button, self.next_button, self.submit_button):
            buttons.addWidget(button)

        card = QWidget()
        card.setObjectName("questionCard")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(20, 16, 20, 16)
        card_layout.addLayout(self.question_host, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(card)
        bar = scroll.verticalScrollBar()  # with feedback shown, keep the marked options in view
        bar.rangeChanged.connect(lambda _low, high: self.feedback.isVisible() and bar.setValue(high))
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.position_label)
        layout.addWidget(self.progress)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.feedback, 2)
        layout.addLayout(buttons)
        self._question_layout, self._question_scroll = layout, scroll
        return panel

    def _build_results(self) -> QWidget:
        panel = QWidget()
        self.score_label = QLabel("")
        self.score_label.setObjectName("scoreLabel")
        self.report = QTextBrowser()
        self.report.setAccessibleName(self.tr("Results and review"))
        self.report.document().setDefaultStyleSheet(READER_CSS)
        self.report.document().setDocumentMargin(18)
        self.retake_button = QPushButton(self.tr("&Retake quiz"))
        self.retake_button.setObjectName("primary")
        self.retake_button.clicked.connect(lambda: self.start_requested.emit(self.module.id))
        self.back_button = QPushButton(self.tr("&Back to modules"))
        self.back_button.clicked.connect(self.home_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retake_button)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.score_label)
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)
        from workbook.ui.scroll_keys import page_keys_scroll

        page_keys_scroll(panel, self.report)  # the focus starts on "Retake quiz", under the report
        return panel

    # -- intro ------------------------------------------------------------------------------

    def show_intro(self, module: Module, unfinished: StoredAttempt | None,
                   finished: list[StoredAttempt]) -> None:
        self.clock.stop()
        self.timer_label.setText("")
        self.module, self.attempt = module, None
        quiz = module.quiz
        settings = quiz.settings
        self.title.setText(self.tr("Quiz: {module}").format(module=module.title))
        drawn = min(settings.questions_per_attempt or len(quiz.questions), len(quiz.questions))
        after_each = settings.feedback == FeedbackTiming.AFTER_EACH
        timing = (self.tr("you see feedback after each answer") if after_each
                  else self.tr("you see feedback when you submit"))
        limit = (self.tr("a time limit of %n minute(s)", "", settings.time_limit_minutes)
                 if settings.time_limit_minutes else self.tr("no time limit"))
        self.intro_facts.setText(
            "<p>" + self.tr("%n question(s), drawn from a bank of {bank}.", "", drawn).format(
                bank=len(quiz.questions))
            + " " + self.tr("Pass mark <b>{mark}%</b>; {timing}; {limit}.").format(
                mark=settings.pass_mark, timing=timing, limit=limit)
            + "</p><p>" + self.tr("Each answer is saved as you give it: you can close the workbook and come "
                                  "back to an unfinished attempt.") + "</p>")
        self.history.setHtml(attempts_html(finished))
        self.resume_button.setVisible(unfinished is not None)
        if unfinished is not None:
            answered = len(unfinished.responses)
            self.resume_button.setText(self.tr("&Resume attempt ({answered} of {total} answered)").format(
                answered=answered, total=len(unfinished.plan.questions)))
        self.start_button.setText(self.tr("&Start a new attempt") if unfinished else
                                  (self.tr("&Retake quiz") if finished else self.tr("&Start quiz")))
        self.start_button.setObjectName("" if unfinished else "primary")
        self.start_button.style().polish(self.start_button)
        self.stack.setCurrentWidget(self.intro)
        (self.resume_button if unfinished else self.start_button).setFocus()

    # -- answering --------------------------------------------------------------------------

    def show_attempt(self, module: Module, attempt: StoredAttempt, seconds_left: float | None) -> None:
        """Open `attempt` at its first unanswered question (or the first, for a new one)."""
        self.module, self.attempt = module, attempt
        self.title.setText(self.tr("Quiz: {module}").format(module=module.title))
        self.seconds_left = seconds_left
        self._update_timer_label()
        if seconds_left is not None:
            self.clock.start()
        self.stack.setCurrentWidget(self.question_panel)
        self.show_question(attempt.first_unanswered())

    @property
    def feedback_now(self) -> bool:
        return self.attempt.plan.settings.feedback == FeedbackTiming.AFTER_EACH

    def show_question(self, index: int) -> None:
        plan = self.attempt.plan
        self.index = max(0, min(index, len(plan.questions) - 1))
        presented = plan.questions[self.index]
        if self.view is not None:
            self.view.hide()
            self.view.deleteLater()
        self.view = view_for(presented)
        response = self.attempt.responses.get(presented.id)
        if response:
            self.view.set_response(response)
        self.view.changed.connect(self._answer_changed)
        self.question_host.addWidget(self.view)
        total = len(plan.questions)
        position = self.tr("Question {number} of {total}").format(number=self.index + 1, total=total)
        self.position_label.setText(position + "  \u00b7  "
                                    + ", ".join(self.skill_label(s) for s in presented.question.skills))
        self.progress.setRange(0, total)
        self.progress.setValue(len(self.attempt.responses))
        self.hint_label.setText(self.view.hint)
        checked = presented.id in self.attempt.checked
        self.view.set_locked(checked)
        if checked:
            self._show_feedback(review_question(presented, response))
        else:
            self._hide_feedback()
        self._update_buttons()
        self.view.focus_answer()

    def _answer_changed(self) -> None:
        presented = self.attempt.plan.questions[self.index]
        response = self.view.response()
        if response is not None and response != self.attempt.responses.get(presented.id):
            self.answer_given.emit(presented.id, response, False)
        self.progress.setValue(len(self.attempt.responses))
        self._update_buttons()

    def check_answer(self) -> None:
        """After-each mode: lock the answer and show why it is right or not."""
        presented = self.attempt.plan.questions[self.index]
        response = self.view.response()
        if response is None or presented.id in self.attempt.checked:
            return
        self.answer_given.emit(presented.id, response, True)
        self.view.set_locked(True)
        self._show_feedback(review_question(presented, response))
        self._update_buttons()
        (self.submit_button if self._on_last() else self.next_button).setFocus()

    def go_next(self) -> None:
        if self.attempt is None or self.stack.currentWidget() is not self.question_panel:
            return
        self._save_shown_order()
        if not self._on_last():
            self.show_question(self.index + 1)

    def go_previous(self) -> None:
        if self.attempt is None or self.stack.currentWidget() is not self.question_panel:
            return
        if self.index > 0:
            self._save_shown_order()
            self.show_question(self.index - 1)

    def _save_shown_order(self) -> None:
        """An ordering answer the learner left as shown still counts as their answer."""
        presented = self.attempt.plan.questions[self.index]
        response = self.view.response()
        if (response is not None and presented.id not in self.attempt.responses
                and presented.id not in self.attempt.checked and not self.feedback_now):
            self.answer_given.emit(presented.id, response, False)

    def _on_last(self) -> bool:
        return self.index == len(self.attempt.plan.questions) - 1

    def _update_buttons(self) -> None:
        presented = self.attempt.plan.questions[self.index]
        checked = presented.id in self.attempt.checked
        has_answer = self.view.response() is not None
        if self.feedback_now:
            self.previous_button.setVisible(False)
            self.check_button.setVisible(not checked)
            self.check_button.setEnabled(has_answer)
            self.next_button.setVisible(checked and not self._on_last())
            self.submit_button.setVisible(checked and self._on_last())
        else:
            self.previous_button.setVisible(True)
            self.previous_button.setEnabled(self.index > 0)
            self.check_button.setVisible(False)
            self.next_button.setVisible(not self._on_last())
            self.submit_button.setVisible(True)

    def _enter(self) -> None:
        """Enter submits the answer: check it, then move on, then submit at the end."""
        if self.stack.currentWidget() is self.intro:
            (self.resume_button if self.resume_button.isVisible() else self.start_button).click()
            return
        if self.stack.currentWidget() is not self.question_panel:
            return
        for button in (self.check_button, self.next_button, self.submit_button):
            if button.isVisible() and button.isEnabled():
                button.click()
                return

    def _pick(self, number: int) -> None:
        if self.view is not None and self.stack.currentWidget() is self.question_panel:
            self.view.pick(number)

    def _submit_clicked(self) -> None:
        self._save_shown_order()
        unanswered = [p for p in self.attempt.plan.questions if p.id not in self.attempt.responses]
        if unanswered:
            from workbook.ui import dialogs

            count = len(unanswered)
            if not dialogs.confirm(self, self.tr("Submit quiz?"),
                                   self.tr("%n question(s) not answered will score nothing. Submit anyway?",
                                           "", count), self.tr("Submit")):
                return
        self.submit_requested.emit("submitted")

    # -- timer ------------------------------------------------------------------------------

    def _tick(self) -> None:
        if self.seconds_left is None:
            return
        self.seconds_left = max(0.0, self.seconds_left - 1)
        self._update_timer_label()
        if self.seconds_left <= 0 and self.stack.currentWidget() is self.question_panel:
            self.clock.stop()
            self._save_shown_order()
            self.submit_requested.emit("time-up")

    def _update_timer_label(self) -> None:
        if self.seconds_left is None:
            self.timer_label.setText("")
            return
        minutes, seconds = divmod(int(self.seconds_left), 60)
        self.timer_label.setText("\u23f1 " + self.tr("{time} left").format(time=f"{minutes}:{seconds:02d}"))

    # -- feedback and results ---------------------------------------------------------------

    def _show_feedback(self, review: QuestionReview) -> None:
        """Feedback takes most of the height once shown: the locked question needs less room than the
        explanation the learner is now reading (it used to sit cut off in a small box)."""
        self.feedback.setHtml(review_html(review, heading_level=3))
        self._question_layout.setStretchFactor(self._question_scroll, 2)
        self._question_layout.setStretchFactor(self.feedback, 3)
        self._question_scroll.setMinimumHeight(self._question_height())
        self.feedback.show()  # the options' marks, at the card's foot, are scrolled into view (below)

    def _question_height(self) -> int:
        """Room for the question and every option, up to 55% of the panel; the feedback keeps the rest."""
        card = self._question_scroll.widget()
        width = self._question_scroll.viewport().width()
        needed = card.heightForWidth(width) if card.hasHeightForWidth() else -1
        needed = needed if needed > 0 else card.sizeHint().height()
        return min(needed + 2 * self._question_scroll.frameWidth(), int(self.question_panel.height() * 0.55))

    def _hide_feedback(self) -> None:
        self._question_scroll.setMinimumHeight(0)
        self.feedback.hide()
        self._question_layout.setStretchFactor(self._question_scroll, 3)
        self._question_layout.setStretchFactor(self.feedback, 2)

    def show_results(self, module: Module, attempt: StoredAttempt, result: AttemptResult,
                     reason: str = "submitted") -> None:
        self.clock.stop()
        self.timer_label.setText("")
        self.module, self.attempt = module, None
        self.title.setText(self.tr("Quiz: {module}").format(module=module.title))
        verdict = self.tr("Passed") if result.passed else self.tr("Not passed yet")
        colour = SUCCESS if result.passed else WARNING
        ran_out = " \u00b7 " + self.tr("time ran out") if reason == "time-up" else ""
        pass_mark = self.tr("pass mark {percent}%").format(percent=result.pass_mark)
        self.score_label.setText(
            f"<span style='font-size:26px; font-weight:600; color:{colour}'>{result.percent}% \u00b7 "
            f"{verdict}</span> <span style='color:{MUTED}'>{pass_mark}{ran_out}</span>")
        self.report.setHtml(results_html(result, self.skill_label))
        self.stack.setCurrentWidget(self.results)
        self.retake_button.setFocus()

    def show_review(self, module: Module, attempt: StoredAttempt) -> None:
        """A past attempt, exactly as it was taken."""
        self.show_results(module, attempt, grade(attempt.plan, attempt.responses))
