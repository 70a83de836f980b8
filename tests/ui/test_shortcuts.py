"""Every shortcut in the F1 list works, pressed after the buttons' labels have changed (a button's own
shortcut gives way to its mnemonic when its text changes, so the keys are actions of their pages)."""

from __future__ import annotations

import random

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from workbook.core.attempt import draw_attempt, grade
from workbook.store import activity, learners, notes, quiz_attempts
from workbook.ui import breathing_dialog, dialogs
from workbook.ui.main_window import SHORTCUTS
from workbook.ui.search_dialog import SearchDialog
from workbook.ui.trainer import passphrase_dialog

NUMBER_KEYS = {"1\u20139", "1\u20134"}  # a range in the list: pressed as "1"


class Keyboard:
    """Presses key sequences as a user would, at the widget that has the focus, and remembers them."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot, self.window, self.pressed = qtbot, window, set()

    def press(self, keys: str, listed: str | None = None) -> None:
        combination = QKeySequence("1" if keys in NUMBER_KEYS else keys)[0]
        target = QApplication.focusWidget() or self.window
        self.qtbot.keyClick(target, combination.key(), combination.keyboardModifiers())
        self.pressed.add(listed or keys)


def test_every_listed_shortcut_works_after_the_labels_change(qtbot, open_window, library, monkeypatch):
    navigator = open_window(library)
    window, home, reader = navigator.window, navigator.home_page, navigator.reading.page
    qtbot.waitUntil(lambda: any(a.shortcut().toString() == "Ctrl+Q" for a in window.findChildren(QAction)))
    learner = learners.create_learner("Keys Only").id
    module = library.modules[0]
    plan = draw_attempt(module.quiz, module.id, random.Random(2))
    attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner, plan))
    quiz_attempts.submit_attempt(attempt, grade(plan, {}))  # missed questions: review cards are due
    activity.record_section_read(learner, module.id, module.sections[0].id)  # a place to continue from
    asked = {"breathing": 0, "passphrase": 0, "notes": [], "searches": []}
    monkeypatch.setattr(breathing_dialog, "offer_breathing",
                        lambda parent: asked.__setitem__("breathing", asked["breathing"] + 1))
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase",
                        lambda parent: asked.__setitem__("passphrase", asked["passphrase"] + 1) or False)
    monkeypatch.setattr(dialogs, "ask_multiline", lambda *args: asked["notes"].append(args) or "A note.")
    monkeypatch.setattr(SearchDialog, "open", lambda dialog: asked["searches"].append(dialog))
    keys = Keyboard(qtbot, window)
    navigator.open_learner(learner)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    # Home: the review button's label now counts the due cards, the Continue button names a section
    assert "due)" in home.review_button.text()
    keys.press("Ctrl+D")
    assert navigator.pages.currentWidget() is navigator.review.page
    keys.press("Esc")
    assert navigator.pages.currentWidget() is home
    keys.press("Ctrl+Shift+O")
    assert navigator.pages.currentWidget() is navigator.coach.page
    qtbot.keyClicks(navigator.coach.page.reply, "I'm sorry, let me sort that out for you today.")
    keys.press("Ctrl+Enter")
    qtbot.waitUntil(lambda: navigator.coach.page.result is not None, timeout=30000)
    keys.press("Ctrl+H")
    assert navigator.pages.currentWidget() is home
    keys.press("Ctrl+Shift+C")
    assert navigator.pages.currentWidget() is navigator.call_history.page
    keys.press("Esc")
    assert navigator.pages.currentWidget() is home
    for search in ("Ctrl+F", "Ctrl+K"):
        keys.press(search)
    assert len(asked["searches"]) == 2

    # Cards: Tab moves between them, Enter opens one
    home.cards[0].setFocus()
    keys.press("Tab")
    assert QApplication.focusWidget() is home.cards[1]
    keys.press("Enter")
    assert navigator.pages.currentWidget() is reader and reader.module.id == home.cards[1].module_id
    keys.press("Esc")

    # Continue: now a section has been read, the button's label changed since the page was built
    assert "Continue with the next unread section" in home.resume_button.text()
    keys.press("Ctrl+R")
    assert navigator.pages.currentWidget() is reader

    # Reader: labels change as the section is bookmarked and gets notes
    reader.show_section(0)
    keys.press("Alt+Right")
    keys.press("Ctrl+PgDown")
    assert reader.current_index == 2
    keys.press("Alt+Left")
    keys.press("Ctrl+PgUp")
    assert reader.current_index == 0
    keys.press("Ctrl+Shift+B")
    assert "Bookmarked" in reader.bookmark_button.text()
    keys.press("Ctrl+Shift+B")  # the label changed: the key still toggles
    section = reader.current_section_id()
    assert not notes.is_bookmarked(learner, reader.module.id, section)
    keys.press("Ctrl+Shift+N")
    assert "Notes (1)" in reader.note_button.text()
    keys.press("Ctrl+Shift+N")
    assert len(asked["notes"]) == 2
    zoom = reader.zoom
    keys.press("Ctrl+=")
    assert reader.zoom == zoom + 1
    keys.press("Ctrl+-")
    keys.press("Ctrl+=")
    keys.press("Ctrl+0")
    assert reader.zoom == 0
    reader.text.setFocus()
    keys.press("F6")
    assert reader.section_list.hasFocus()

    # Quiz: number keys pick, Enter checks and moves on
    navigator.quiz.open(module.id)
    keys.press("Enter")  # starts the attempt
    page = navigator.quiz.page
    assert page.stack.currentWidget() is page.question_panel
    keys.press("1\u20139")
    assert page.attempt is not None
    keys.press("Esc")

    # Practice call: number keys pick a reply
    scenario = library.scenarios[0]
    navigator.calls.open(scenario.id)
    keys.press("1\u20134")
    assert len(navigator.calls.state.choices) == 1
    keys.press("Esc")

    # Window-wide
    keys.press("Ctrl+Shift+M")
    assert navigator.pages.currentWidget() is navigator.notes.page
    keys.press("Ctrl+B")
    assert asked["breathing"] == 1
    keys.press("Ctrl+T")
    assert asked["passphrase"] == 1
    keys.press("Ctrl+Shift+P")
    assert navigator.pages.currentWidget() is navigator.profile_page
    keys.press("Ctrl+Q")
    assert not window.isVisible()

    listed = {key for keys_, _ in SHORTCUTS for key in keys_}
    assert listed <= keys.pressed, f"not pressed: {sorted(listed - keys.pressed)}"
