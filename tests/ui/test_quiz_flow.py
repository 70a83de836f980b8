"""A learner takes a quiz with the keyboard, sees feedback and results, reviews it, and resumes an
attempt after the app was killed."""

from __future__ import annotations

from pathlib import Path

import pytest
from content_kit import UNKNOWN, every_question
from PySide6.QtCore import Qt

from workbook.core.attempt import PresentedQuestion, grade
from workbook.core.quiz import Matching, MultipleSelect, Ordering
from workbook.core.scoring import right_response
from workbook.store import learners, quiz_attempts
from workbook.ui import dialogs
from workbook.ui.question_views import ChoiceView, MatchingView, OrderingView, view_for

MODULE = "active-listening"


def _open_quiz(navigator, name: str = "Quiz Taker") -> None:
    learner = learners.create_learner(name)
    navigator.open_learner(learner.id)
    qtbot_card = navigator.home_page.card(MODULE)
    qtbot_card.quiz_button.click()
    assert navigator.pages.currentWidget() is navigator.quiz.page


def _answer_right_with_keys(qtbot, page) -> None:
    """Answer the shown question correctly using only the keyboard."""
    view = page.view
    presented = view.presented
    question = presented.question
    if isinstance(view, ChoiceView):
        for index in right_response(question):
            qtbot.keyClick(view.buttons[0], Qt.Key(Qt.Key.Key_0 + presented.order.index(index) + 1))
    elif isinstance(question, Ordering):
        assert isinstance(view, OrderingView)
        for target in range(len(question.items)):  # selection sort with number keys and Ctrl+Up
            row = list(view.response()).index(target)
            qtbot.keyClick(view.items, Qt.Key(Qt.Key.Key_0 + row + 1))
            for _ in range(row - target):
                qtbot.keyClick(view.items, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    elif isinstance(question, Matching):
        assert isinstance(view, MatchingView)
        for left, combo in enumerate(view.combos):
            qtbot.keyClick(view, Qt.Key(Qt.Key.Key_0 + left + 1))  # number key focuses row N
            assert combo.hasFocus()
            for _ in range(combo.findData(left)):
                qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert view.response() is not None


def test_keyboard_attempt_from_start_to_review(qtbot, open_window, library, human_pace):
    navigator = open_window(library)  # at a person's pace: the card counts only attempts that hold up
    _open_quiz(navigator)
    page = navigator.quiz.page
    assert "No attempts yet" in page.history.toPlainText()
    qtbot.keyClick(page.start_button, Qt.Key.Key_Return)  # Enter starts
    attempt = navigator.quiz.attempt
    total = len(attempt.plan.questions)
    assert total == library.module(MODULE).quiz.settings.questions_per_attempt

    for number in range(total):
        assert page.position_label.text().startswith(f"Question {number + 1} of {total}")
        _answer_right_with_keys(qtbot, page)
        given = page.view.response()
        qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter checks the answer ...
        assert page.feedback.isVisible()
        assert page.feedback.toPlainText().startswith("Right")
        saved = quiz_attempts.load_attempt(attempt.id)  # the rows, read back
        question_id = attempt.plan.questions[number].id
        assert saved.responses[question_id] == given and question_id in saved.checked  # saved as given
        qtbot.keyClick(page, Qt.Key.Key_Return)  # ... then moves on, or submits after the last

    assert page.stack.currentWidget() is page.results
    assert "100%" in page.score_label.text() and "Passed" in page.score_label.text()
    report = page.report.toPlainText()
    assert "By skill" in report
    for presented in attempt.plan.questions:
        assert presented.question.explanation[:60] in report.replace("\n", " ")

    page.back_button.click()
    card = navigator.home_page.card(MODULE)
    assert "best 100%" in card.quiz_label.text() and "passed" in card.quiz_label.text()
    assert card.note_labels == []  # nothing left out
    assert card.quiz_button.text() == "Retake quiz"

    card.quiz_button.click()
    assert "100%" in page.history.toPlainText()
    finished = quiz_attempts.finished_attempts(navigator.learner_id, MODULE)
    when = finished[0].submitted_at.astimezone()
    clock = f"{when.hour % 12 or 12}:{when:%M} {'AM' if when.hour < 12 else 'PM'}"
    shown = f"{when:%b} {when.day}, {when.year}, {clock}"
    assert shown in page.history.toPlainText()  # US order, 12-hour clock
    page.review_requested.emit(finished[0].id)  # the "Review" link of that attempt
    assert page.stack.currentWidget() is page.results
    assert "100%" in page.score_label.text()


def test_wrong_answers_get_partial_credit_and_explained_feedback(qtbot, open_window, library):
    navigator = open_window(library)
    _open_quiz(navigator, "Wrong Way")
    page = navigator.quiz.page
    page.start_button.click()
    attempt = navigator.quiz.attempt
    while page.stack.currentWidget() is page.question_panel:
        view = page.view
        question = view.presented.question
        if isinstance(view, ChoiceView):
            right = right_response(question)
            if isinstance(question, MultipleSelect) and len(right) > 1:  # one of the right boxes only
                view.buttons[view.option_index.index(right[0])].setChecked(True)
                page.check_answer()
                feedback = page.feedback.toPlainText()
                picked, missed = question.options[right[0]].text, question.options[right[1]].text
                assert f"{picked} (your answer)" in feedback  # ticked: the right one picked
                assert f"{missed} (right, not picked)" in feedback  # shown as missed, not as picked
                assert ".;" not in feedback
            else:  # a wrong option
                wrong = next(i for i in range(len(question.options)) if i not in right)
                view.buttons[view.option_index.index(wrong)].setChecked(True)
        elif isinstance(view, MatchingView):  # the first pair right, every other one wrong
            for left, combo in enumerate(view.combos):
                picks = [combo.itemData(i) for i in range(combo.count())]
                combo.setCurrentIndex(picks.index(0 if left == 0 else next(
                    p for p in picks if p not in (-1, left))))
        # an ordering question is left as shown: shuffled, never already solved
        page.check_answer()
        assert "Why:" in page.feedback.toPlainText()
        (page.next_button if page.next_button.isVisible() else page.submit_button).click()
    result_text = page.score_label.text()
    assert "Not passed yet" in result_text
    stored = quiz_attempts.finished_attempts(navigator.learner_id, MODULE)[0]
    assert stored.passed is False and len(stored.responses) == len(attempt.plan.questions)

    graded = grade(stored.plan, stored.responses)
    scores = {r.presented.question.type: r.score for r in graded.results}
    partial = [r for r in graded.results if 0 < r.score < 1]
    for result in graded.results:
        question = result.presented.question
        if isinstance(question, Matching):
            assert result.score == 1 / len(question.pairs)  # one pair of n earns 1/n
        elif isinstance(question, Ordering):
            assert 0 <= result.score < 1
        elif isinstance(question, MultipleSelect) and len(right_response(question)) > 1:
            assert result.score == 1 / len(right_response(question))
        else:
            assert result.score == 0
    assert partial, scores  # 10 of 11 drawn: two of the matching and two multiple-select ones stay
    assert 0 < stored.percent < graded.pass_mark
    report = page.report.toPlainText()
    for result in partial:
        assert f"Partly right ({int(100 * result.score + 1e-9)}%)" in report


def test_submitting_with_unanswered_questions_asks_first(qtbot, open_window, library, monkeypatch):
    navigator = open_window(library)
    _open_quiz(navigator, "Hasty")
    page = navigator.quiz.page
    page.start_button.click()
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda *args: asked.append(args[2]) or False)
    page._submit_clicked()
    assert "not answered" in asked[0]
    assert page.stack.currentWidget() is page.question_panel  # declined: still answering
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    page._submit_clicked()
    assert page.stack.currentWidget() is page.results
    assert "0%" in page.score_label.text()


_STEPS_BEFORE_KILL = """
navigator.open_learner(create_learner("Killed Mid-Quiz").id)
navigator.quiz.open("active-listening")
navigator.quiz.page.start_button.click()
page = navigator.quiz.page

def answer(view):
    view.pick(1)
    for place, combo in enumerate(getattr(view, "combos", [])):
        combo.setCurrentIndex(place + 1)
    if hasattr(view, "move_selected"):
        view.move_selected(1)

for _ in range(3):
    answer(page.view)
    page.check_answer()
    page.go_next()
answer(page.view)  # a fourth answer, given but not yet checked
app.processEvents()
print(navigator.quiz.attempt.id, ",".join(sorted(navigator.quiz.attempt.responses)), flush=True)
"""


def test_attempt_resumes_after_the_app_is_killed(qtbot, open_window, library, data_dir: Path, kill_app_after):
    line = kill_app_after(_STEPS_BEFORE_KILL, data_dir)
    attempt_id, answered = line[0], set(line[1].split(","))
    assert len(answered) == 4

    navigator = open_window(library)
    navigator.profile_page.open_button.click()  # the killed session's profile is preselected
    card = navigator.home_page.card(MODULE)
    assert card.quiz_button.text() == "Resume quiz"
    card.quiz_button.click()
    page = navigator.quiz.page
    assert page.resume_button.isVisible()
    assert "4 of 10 answered" in page.resume_button.text().replace("&", "")
    page.resume_button.click()
    attempt = navigator.quiz.attempt
    assert attempt.id == attempt_id
    assert set(attempt.responses) == answered
    assert len(attempt.checked) == 3
    assert page.index == 4  # the first question without an answer
    page.go_previous()  # after-each mode has no Previous button, but checked answers stay locked
    page.show_question(0)
    assert not page.view.isEnabled() and page.feedback.isVisible()


def test_last_section_leads_on_to_the_quiz(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Reader").id)
    module = library.module(MODULE)
    navigator.reading.open_module(MODULE, len(module.sections) - 1)
    reader = navigator.reading.page
    assert reader.next_button.isEnabled() and "quiz" in reader.next_button.text()
    qtbot.keyClick(reader.text, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert navigator.pages.currentWidget() is navigator.quiz.page
    assert navigator.quiz.page.stack.currentWidget() is navigator.quiz.page.intro


def test_every_question_type_has_its_view_and_an_unknown_one_fails(qtbot):
    for question in every_question():
        size = len(question.items if isinstance(question, Ordering) else
                   question.pairs if isinstance(question, Matching) else question.options)
        view = view_for(PresentedQuestion(question, tuple(range(size))))
        qtbot.addWidget(view)
        expected = {Ordering: OrderingView, Matching: MatchingView}.get(type(question), ChoiceView)
        assert type(view) is expected
    with pytest.raises(AssertionError):
        view_for(PresentedQuestion(UNKNOWN, (0,)))


def test_every_question_type_starts_shuffled_and_the_review_shows_the_order_seen(qtbot, open_window, library):
    """Options appear in the stored order; ordering and matching never start solved; a review
    read back from the database lists each question's options in the order the learner saw."""
    navigator = open_window(library)
    _open_quiz(navigator, "Order Watcher")
    page = navigator.quiz.page
    page.start_button.click()
    attempt_id = navigator.quiz.attempt.id
    seen = []  # per choice question: option texts top to bottom
    while page.stack.currentWidget() is page.question_panel:
        view = page.view
        presented = view.presented
        question = presented.question
        if isinstance(view, ChoiceView):
            texts = [b.text().split("  ", 1)[-1] for b in view.buttons]
            assert texts == [question.options[i].text for i in presented.order]
            seen.append(texts)
        elif isinstance(view, OrderingView):
            assert list(view.response()) != list(range(len(question.items)))
        elif isinstance(view, MatchingView):
            targets = [view.combos[0].itemData(row) for row in range(1, view.combos[0].count())]
            assert targets == list(presented.order) and targets != sorted(targets)
        _answer_right_with_keys(qtbot, page)
        page.check_answer()
        (page.next_button if page.next_button.isVisible() else page.submit_button).click()
    page.review_requested.emit(attempt_id)
    report = page.report.toPlainText()
    at = 0
    for texts in seen:
        places = [report.find(text, at) for text in texts]
        assert -1 not in places and places == sorted(places), texts
        at = places[0]


def test_feedback_gets_the_room_once_the_answer_is_checked(qtbot, open_window, library):
    """The locked question gives up height to the feedback instead of keeping it empty."""
    navigator = open_window(library)
    _open_quiz(navigator, "Room Reader")
    page = navigator.quiz.page
    page.start_button.click()
    navigator.window.resize(1280, 720)
    _answer_right_with_keys(qtbot, page)
    page.check_answer()
    qtbot.waitUntil(page.feedback.isVisible)
    layout = page._question_layout
    feedback, question = layout.indexOf(page.feedback), layout.indexOf(page._question_scroll)
    assert layout.stretch(feedback) > layout.stretch(question)


def test_checked_feedback_leaves_every_option_of_the_question_in_view(qtbot, open_window, library):
    """On a 1280x720 screen (the window 640 high inside its frame and the taskbar) every choice question
    stays whole above its feedback: no option cut off, and the feedback keeps its room."""
    navigator = open_window(library)
    _open_quiz(navigator, "Whole Question")
    page = navigator.quiz.page
    page.start_button.click()
    navigator.window.resize(1280, 640)
    checked = 0
    for _ in navigator.quiz.attempt.plan.questions:
        _answer_right_with_keys(qtbot, page)
        page.check_answer()
        qtbot.waitUntil(page.feedback.isVisible)
        if isinstance(page.view, ChoiceView):
            last, scroll = page.view.buttons[-1], page._question_scroll
            qtbot.waitUntil(lambda last=last, scroll=scroll: last.mapTo(
                scroll.viewport(), last.rect().bottomLeft()).y() <= scroll.viewport().height(), timeout=1000)
            assert page.feedback.height() >= 150
            checked += 1
        qtbot.keyClick(page, Qt.Key.Key_Return)
    assert checked


def test_page_down_scrolls_the_results_while_the_focus_is_on_retake(qtbot, open_window, library):
    navigator = open_window(library)
    _open_quiz(navigator, "Page Reader")
    page = navigator.quiz.page
    page.start_button.click()
    navigator.window.resize(1280, 720)
    for _ in navigator.quiz.attempt.plan.questions:
        _answer_right_with_keys(qtbot, page)
        page.check_answer()
        qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.results and page.retake_button.hasFocus()
    bar = page.report.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    qtbot.keyClick(page.retake_button, Qt.Key.Key_PageDown)
    assert bar.value() > 0 and page.retake_button.hasFocus()
    qtbot.keyClick(page.retake_button, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(page.retake_button, Qt.Key.Key_PageUp)
    assert bar.value() < bar.maximum()
