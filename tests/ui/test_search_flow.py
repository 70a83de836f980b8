"""Ctrl+K search from home: ranked results, Enter opens the section with the words highlighted."""

from __future__ import annotations

from workbook.store import learners
from workbook.ui.search_dialog import SearchDialog


def test_search_opens_the_section_with_the_match_highlighted(qtbot, open_window, library, monkeypatch):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Seeker").id)
    opened = []
    monkeypatch.setattr(SearchDialog, "open", lambda self: opened.append(self))
    navigator.home_page.search_button.click()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.query, "first contact resolution")
    dialog.run()
    assert dialog.results.count() > 0 and dialog.results.item(0).text().startswith("Lesson:")
    dialog.open_current()
    reader = navigator.reader_page
    assert navigator.pages.currentWidget() is reader and reader.module.id == "measuring-success"
    assert reader.text.extraSelections(), "the matching words are highlighted"
