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


def test_a_question_hit_shows_the_question_with_its_answer_and_why(qtbot, open_window, library, monkeypatch):
    """A quiz question found by search is shown with its right answer and explanation, not the quiz
    intro the learner would have to page through."""
    from workbook.core.search_index import HitKind
    from workbook.store.search import Hit
    from workbook.ui import dialogs

    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Seeker").id)
    shown = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append((title, text)))
    module = library.module("measuring-success")
    question = module.quiz.questions[0]
    hit = Hit(HitKind.QUESTION, module.id, question.id, question.prompt, "", 0.0)
    navigator.search.open_hit(hit, "anything")
    [(title, text)] = shown
    assert module.title in title and question.prompt in text and question.explanation in text
    assert "Right answer: " in text
