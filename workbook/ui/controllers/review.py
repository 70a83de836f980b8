"""Spaced review of quiz questions: the cards due now, each rating saved at once so a session can
stop at any card and go on later."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QObject

from workbook.store import review
from workbook.ui.controllers.session import Session
from workbook.ui.review_page import ReviewPage


class ReviewController(QObject):
    def __init__(self, session: Session, home: Callable[[], None]) -> None:
        super().__init__(session.window)
        self.session = session
        self.page = ReviewPage()
        session.window.pages.addWidget(self.page)
        self.page.home_requested.connect(home)
        self.page.rated.connect(self._rate)

    def due_count(self) -> int:
        """Cards due now, for the home screen's button."""
        return review.due_count(self.session.library, self.session.learner_id, datetime.now(UTC))

    def open(self) -> None:
        if self.session.library is None or self.session.learner_id is None:
            return
        self.session.show(self.page)
        self._next_card()

    def _next_card(self) -> None:
        library, learner_id, now = self.session.library, self.session.learner_id, datetime.now(UTC)
        cards = review.due_cards(library, learner_id, now)
        if cards:
            self.page.show_card(cards[0], len(cards))
        else:  # no card due even years from now: the learner has none yet
            later = review.due_cards(library, learner_id, now + timedelta(days=3650))
            self.page.show_done(no_cards_yet=not later)

    def _rate(self, card_id: str, rating: int) -> None:
        if self.session.write(review.review, self.session.learner_id, card_id, rating):
            self._next_card()
