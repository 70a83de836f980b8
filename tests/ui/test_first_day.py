"""A new learner's first minutes: nothing claims progress was saved before any was, review says what
it is instead of "All done", Continue moves on once a module is read, and a second profile with the
same name is only created after a warning."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from workbook.core.reading import word_count
from workbook.store import activity, learners
from workbook.ui import dialogs
from workbook.ui.store_op import SAVED_TEXT


def test_opening_a_profile_claims_no_progress(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("First Day").id)
    assert navigator.window.save_status.text() != SAVED_TEXT
    navigator.reading.zoom(1)  # a remembered setting, not progress
    assert navigator.window.save_status.text() != SAVED_TEXT
    navigator.home_page.resume_button.click()
    navigator.reading.page.bookmark_button.click()  # the learner's own first mark is saved, and said so
    assert navigator.window.save_status.text() == SAVED_TEXT


def test_review_explains_itself_to_a_learner_with_no_cards(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("No Cards").id)
    navigator.review.open()
    text = navigator.review.page.front.text()
    assert "Nothing to review yet" in text and "All done" not in text and "missed" in text


def test_continue_moves_on_from_a_finished_module(qtbot, open_window, library):
    navigator = open_window(library)
    learner = learners.create_learner("Moving On").id
    first, second = library.modules[:2]
    at = datetime.now(UTC)
    for section in first.sections:  # at the pace the reading rule asks
        at += timedelta(seconds=library.reading_rule.minimum_seconds(word_count(section.markdown)))
        activity.record_section_read(learner, first.id, section.id, now=at)
    navigator.open_learner(learner)
    button = navigator.home_page.resume_button
    assert "next unread section" in button.text() and second.sections[0].title in button.text()
    button.click()
    assert navigator.reading.page.module.id == second.id and navigator.reading.page.current_index == 0


def test_a_duplicate_profile_name_is_warned_about(qtbot, open_window, library, monkeypatch):
    navigator = open_window(library)
    learners.create_learner("Sam Lee")
    navigator.show_profiles()
    page = navigator.profile_page
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, action: asked.append(text) or False)
    page.name_edit.setText("sam  lee")
    page._create()
    assert asked and "already exists" in asked[0]
    assert [learner.display_name for learner in learners.active_learners()] == ["Sam Lee"]
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    page._create()
    assert len(learners.active_learners()) == 2
