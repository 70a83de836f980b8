"""From home: the daily review shows what is due and saves each rating; the own-words drill checks a
typed reply with the coach and highlights what it found."""

from __future__ import annotations

import random

from workbook.core.attempt import draw_attempt, grade
from workbook.store import learners, quiz_attempts


def test_missed_questions_come_back_in_the_daily_review(qtbot, open_window, library):
    navigator = open_window(library)
    learner = learners.create_learner("Reviewer")
    module = library.module("empathy")
    plan = draw_attempt(module.quiz, module.id, random.Random(2))
    attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner.id, plan))
    quiz_attempts.submit_attempt(attempt, grade(plan, {}))  # nothing answered: every question missed
    navigator.open_learner(learner.id)
    button = navigator.home_page.review_button
    assert f"({len(plan.questions)} due)" in button.text()
    button.click()
    page = navigator.review.page
    assert navigator.pages.currentWidget() is page
    before = navigator.review.due_count()
    first = page.card.id
    page.rated.emit(first, 3)  # Good: saved, and the next card is shown
    assert navigator.review.due_count() == before - 1
    assert page.card is not None and page.card.id != first


def test_own_words_drill_checks_a_typed_reply(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Typist").id)
    navigator.home_page.coach_button.click()
    page = navigator.coach.page
    assert navigator.pages.currentWidget() is page and "Caller:" in page.scene.text()
    qtbot.keyClicks(page.reply, "I'm sorry, that sounds really frustrating. Calm down and I will sort it.")
    page.check_button.click()
    qtbot.waitUntil(lambda: page.checking is None, timeout=30000)  # read off the GUI thread
    html = page.feedback.toHtml()
    assert "mood would move" in page.feedback.toPlainText()
    assert "coach-avoid" in html or "#a12a2a" in html.lower() or "a12a2a" in html
    assert any(v.present and v.kind == "avoid" for v in page.result.verdicts)
    model = page.prompt.model  # every shipped caller line has a best reply: shown to compare with
    assert model and "The script's best line here" in page.feedback.toPlainText()
    assert " ".join(model.split()[:4]) in page.feedback.toPlainText()
