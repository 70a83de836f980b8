"""The review page: phrase cards flip with Space, questions are answered then rated, keys 1-4 rate."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from workbook.core.attempt import draw_attempt
from workbook.core.review_cards import phrase_cards, question_card_id
from workbook.core.scoring import right_response
from workbook.store.review import DueCard
from workbook.ui.review_page import ReviewPage

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


def _page(qtbot) -> ReviewPage:
    page = ReviewPage()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def test_phrase_card_space_shows_the_answer_and_3_rates_good(qtbot, library):
    phrase = phrase_cards(library)[0]
    page = _page(qtbot)
    page.show_card(DueCard(phrase.id, "phrase", phrase.module_id, NOW, True, phrase=phrase), remaining=5)
    assert page.counter.text() == "5 left today"
    assert phrase.situation in page.front.text() and not page.back.isVisible()
    qtbot.keyClick(page, Qt.Key.Key_3)  # nothing to rate before the answer is seen
    qtbot.keyClick(page, Qt.Key.Key_Space)
    assert page.back.isVisible() and phrase.reason.split()[0] in page.back.text()
    assert phrase.prompt in page.front.text()  # the card's own question, not a generic one
    easy = page.rating_buttons[4].text()
    assert easy.startswith("Easy (4) \u00b7 ") and easy.endswith(" d")  # when it would come back
    with qtbot.waitSignal(page.rated) as signal:
        qtbot.keyClick(page, Qt.Key.Key_3)
    assert signal.args == [phrase.id, 3]


def test_question_card_is_answered_then_rated(qtbot, library):
    presented = draw_attempt(library.module("empathy").quiz, "empathy", random.Random(1)).questions[0]
    card_id = question_card_id("empathy", presented.id)
    page = _page(qtbot)
    page.show_card(DueCard(card_id, "question", "empathy", NOW, True, presented=presented), remaining=1)
    assert page.view is not None and not page.rating_buttons[1].isEnabled()
    page.view.set_response(tuple(right_response(presented.question)))
    page.check_button.click()
    assert "Right" in page.back.text() and page.rating_buttons[4].isEnabled()
    with qtbot.waitSignal(page.rated) as signal:
        qtbot.keyClick(page, Qt.Key.Key_4)
    assert signal.args == [card_id, 4]
    page.show_done()
    with qtbot.waitSignal(page.home_requested):
        qtbot.keyClick(page, Qt.Key.Key_Escape)
