"""Ctrl+F / Ctrl+K search from home: ranked results, Enter opens the section with the words highlighted."""

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
    assert dialog.status.text() == f"{dialog.results.count()} results"
    assert "\u00bb" not in dialog.results.item(0).text()  # no raw match markers in the text
    dialog.open_current()
    reader = navigator.reading.page
    assert navigator.pages.currentWidget() is reader and reader.module.id == "measuring-success"
    assert reader.text.extraSelections(), "the matching words are highlighted"


def test_one_result_is_one_result_and_results_render_as_rich_text(qtbot, library):
    from workbook.store.search import SearchIndex
    from workbook.ui.search_dialog import HTML_ROLE

    dialog = SearchDialog(SearchIndex.build(library))
    qtbot.addWidget(dialog)
    dialog.query.setText("first contact resolution")
    dialog.run()
    html = dialog.results.item(0).data(HTML_ROLE)
    assert "<b>" in html and "Lesson" in html
    dialog.query.setText("telescope")  # one practice call mentions it
    dialog.run()
    assert dialog.status.text() == "1 result"
