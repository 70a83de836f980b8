"""Quiz settings a trainer can change: feedback at the end (answers editable until submit) and a
time limit that submits the attempt, also when it ran out while the app was closed."""

from __future__ import annotations

import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from workbook.core.attempt import draw_attempt
from workbook.core.loader import load_library
from workbook.paths import bundled_assets_dir, bundled_content_dir
from workbook.store import learners, quiz_attempts
from workbook.ui.question_views import ChoiceView

MODULE = "active-listening"


@pytest.fixture
def timed_library(tmp_path: Path):
    """The bundled content, with the first quiz set to feedback at the end and a 5-minute limit."""
    root = tmp_path / "content" / "lessons"
    shutil.copytree(bundled_content_dir(), root)
    shutil.copytree(bundled_assets_dir(), root.parent / "assets")
    quiz = root / "01-active-listening" / "quiz.yaml"
    text = quiz.read_text(encoding="utf-8").replace("feedback: after-each",
                                                     "feedback: at-end\n  time_limit_minutes: 5")
    quiz.write_text(text, encoding="utf-8")
    library = load_library(root)
    assert not library.all_problems()
    return library


def test_feedback_at_end_lets_answers_change_until_submit(qtbot, open_window, timed_library):
    navigator = open_window(timed_library)
    navigator.open_learner(learners.create_learner("End Feedback").id)
    navigator.quiz.open(MODULE)
    page = navigator.quiz.page
    assert "when you submit" in page.intro_facts.text() and "5 minutes" in page.intro_facts.text()
    page.start_button.click()
    assert page.timer_label.text().startswith("\u23f1 5:00") or page.timer_label.text().startswith(
        "\u23f1 4:5")
    assert not page.check_button.isVisible() and page.submit_button.isVisible()
    while not isinstance(page.view, ChoiceView) or page.view.multiple:
        page.go_next()
    question_id = page.view.presented.id
    page.view.pick(1)
    page.view.pick(2)  # changed their mind: the newest answer is kept
    assert not page.feedback.isVisible()  # no feedback until the end
    shown_second = page.view.option_index[1]
    page.go_next()
    page.go_previous()
    assert page.view.response() == (shown_second,)
    assert navigator.quiz.attempt.responses[question_id] == (shown_second,)


def test_time_running_out_submits_the_attempt(qtbot, open_window, timed_library):
    navigator = open_window(timed_library)
    navigator.open_learner(learners.create_learner("Slow").id)
    navigator.quiz.open(MODULE)
    page = navigator.quiz.page
    page.start_button.click()
    page.view.pick(1)
    page.seconds_left = 1
    page._tick()  # the clock's next second
    assert page.stack.currentWidget() is page.results
    assert "time ran out" in page.score_label.text()
    assert quiz_attempts.open_attempt(navigator.learner_id, MODULE) is None


def test_attempt_whose_time_ran_out_while_closed_is_submitted_on_resume(qtbot, open_window, timed_library):
    navigator = open_window(timed_library)
    learner = learners.create_learner("Came Back Late")
    plan = draw_attempt(timed_library.module(MODULE).quiz, MODULE, random.Random(3))
    quiz_attempts.start_attempt(learner.id, plan, now=datetime.now(UTC) - timedelta(minutes=30))
    navigator.open_learner(learner.id)
    navigator.quiz.open(MODULE)
    page = navigator.quiz.page
    assert page.resume_button.isVisible()
    page.resume_button.click()
    assert page.stack.currentWidget() is page.results
    assert "time ran out" in page.score_label.text()
    assert quiz_attempts.finished_attempts(learner.id, MODULE)[0].percent == 0
