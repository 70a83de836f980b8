"""Quizzes: the intro with past attempts, a new or resumed attempt with every answer saved as it is
given, the results, and the review of a past attempt."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject

from workbook.core.attempt import draw_attempt, grade, seconds_left
from workbook.store import quiz_attempts
from workbook.ui import dialogs
from workbook.ui.controllers.session import Session
from workbook.ui.quiz_page import QuizPage


class QuizController(QObject):
    def __init__(self, session: Session, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.attempt: quiz_attempts.StoredAttempt | None = None  # the attempt on screen
        self.page = QuizPage(skill_label=session.skill_label)
        session.window.pages.addWidget(self.page)
        self.page.start_requested.connect(self.start)
        self.page.resume_requested.connect(self.resume)
        self.page.review_requested.connect(self.review_attempt)
        self.page.answer_given.connect(self._record_answer)
        self.page.submit_requested.connect(self.submit)
        self.page.home_requested.connect(home)

    def open(self, module_id: str) -> None:
        """The quiz intro: past attempts, and start or resume."""
        library, learner_id = self.session.library, self.session.learner_id
        module = library.module(module_id) if library else None
        if module is None or learner_id is None:
            return
        if module.quiz is None:
            reason = (str(module.quiz_problems[0].format()) if module.quiz_problems
                      else self.tr("This module has no quiz."))
            dialogs.show_error(self.session.window, self.tr("Quiz unavailable"),
                               self.tr("The quiz for {module} cannot be used:\n\n{reason}").format(
                                   module=module.title, reason=reason))
            return
        self.attempt = None
        self.page.show_intro(module, quiz_attempts.open_attempt(learner_id, module_id),
                             quiz_attempts.finished_attempts(learner_id, module_id))
        self.session.show(self.page)

    def start(self, module_id: str) -> None:
        module = self.session.library.module(module_id)
        plan = draw_attempt(module.quiz, module_id, random.Random())
        started = self.session.write(quiz_attempts.start_attempt, self.session.learner_id, plan)
        if not started:
            return
        self.attempt = quiz_attempts.load_attempt(started.value)
        self.page.show_attempt(module, self.attempt, _seconds_left(self.attempt))
        self.session.show(self.page)

    def resume(self, module_id: str) -> None:
        module = self.session.library.module(module_id)
        self.attempt = quiz_attempts.open_attempt(self.session.learner_id, module_id)
        if self.attempt is None:
            self.start(module_id)
            return
        left = _seconds_left(self.attempt)
        if left is not None and left <= 0:  # the time ran out while the app was closed
            self.submit("time-up")
            return
        self.page.show_attempt(module, self.attempt, left)
        self.session.show(self.page)

    def review_attempt(self, attempt_id: str) -> None:
        library = self.session.library
        attempt = quiz_attempts.load_attempt(attempt_id)
        module = library.module(attempt.module_id) if attempt and library else None
        if attempt is None or module is None or attempt.learner_id != self.session.learner_id:
            return
        self.page.show_review(module, attempt)

    def submit(self, reason: str) -> None:
        """Grade and save; `reason` is "submitted" or "time-up"."""
        attempt = self.attempt
        if attempt is None:
            return
        result = grade(attempt.plan, attempt.responses)
        if not self.session.write(quiz_attempts.submit_attempt, attempt, result, reason):
            return
        self.attempt = None
        self.page.show_results(self.session.library.module(attempt.module_id), attempt, result, reason)

    def _record_answer(self, question_id: str, response: tuple, checked: bool) -> None:
        if self.attempt is not None:
            self.session.write(quiz_attempts.record_answer, self.attempt, question_id, response, checked)


def _seconds_left(attempt: quiz_attempts.StoredAttempt) -> float | None:
    return seconds_left(attempt.plan.settings, attempt.started_at, datetime.now(UTC))
