"""The home page's "Continue" leads to the first unread section, not back into one already read, and
its long label is shortened word by word, never cut inside a word."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from workbook.store import activity, learners
from workbook.ui.elided import ElidedButton, elide_words_middle


def test_continue_opens_the_next_unread_section_not_the_last_one_read(qtbot, open_window, library):
    navigator = open_window(library)
    learner = learners.create_learner("Jordan Lee")
    first = library.modules[0]
    for section in first.sections[:2]:
        activity.record_section_read(learner.id, first.id, section.id)
    navigator.open_learner(learner.id)
    navigator.window.resize(1100, 660)
    button = navigator.home_page.resume_button
    qtbot.waitUntil(button.isVisible)
    assert button.text() == (f"Continue with the next unread section: {first.title} \u203a "
                             f"{first.sections[2].title}")
    button.click()
    assert navigator.reading.page.current_index == 2


def test_a_long_continue_label_loses_whole_words_from_its_middle(qtbot):
    text = ("Continue where you left off: Active listening \u203a Listening through anger, accents and "
            "bad lines")
    button = ElidedButton(text)
    qtbot.addWidget(button)
    button.show()
    original = set(text.split(" "))
    full = button.sizeHint().width()
    for share in (0.85, 0.7, 0.55, 0.4):  # of the width the whole label needs, whatever the font
        width = int(full * share)
        button.resize(width, 32)
        shown = _painted_text(button)
        assert "\u2026" in shown and button.text() == text, (width, shown)
        assert set(shown.split(" ")) - {"\u2026"} <= original, shown  # every word shown is whole
        assert shown.startswith("Continue") and shown.endswith("lines")
    metrics = button.fontMetrics()
    assert elide_words_middle(text, metrics.horizontalAdvance(text), metrics) == text


def _painted_text(button) -> str:  # noqa: N802 (what the button paints, not its full text)
    from PySide6.QtWidgets import QPushButton

    QApplication.processEvents()
    return QPushButton.text(button).replace("&&", "&")
