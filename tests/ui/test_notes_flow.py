"""Bookmarks and notes from the reader survive a restart and export to Markdown."""

from __future__ import annotations

from workbook.store import learners
from workbook.ui import dialogs


def test_bookmark_and_note_survive_restart_and_export(qtbot, open_window, library, monkeypatch, tmp_path):
    navigator = open_window(library)
    learner = learners.create_learner("Note Taker")
    navigator.open_learner(learner.id)
    navigator.reading.open_module("empathy", 1)
    reader = navigator.reading.page
    reader.bookmark_button.click()
    note = "Try 'that sounds stressful' on billing calls."
    monkeypatch.setattr(dialogs, "ask_multiline", lambda *args: note)
    reader.note_button.click()
    assert "Bookmarked" in reader.bookmark_button.text() and "Notes (1)" in reader.note_button.text()
    assert reader.notes_strip.isVisible() and "that sounds stressful" in reader.notes_strip.text()
    reader.notes_strip.linkActivated.emit("notes")  # "edit them in My notes"
    assert navigator.pages.currentWidget() is navigator.notes.page
    navigator.window.close()

    navigator = open_window(library)
    navigator.open_learner(learner.id)
    navigator.reading.open_module("empathy", 1)
    assert "Bookmarked" in navigator.reading.page.bookmark_button.text()
    out = tmp_path / "notes.md"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: str(out))
    monkeypatch.setattr(dialogs, "show_info", lambda *args: None)
    navigator.notes.export()
    text = out.read_text(encoding="utf-8")
    assert library.module("empathy").sections[1].title in text and "that sounds stressful" in text


def test_my_notes_lists_everything_and_edits_deletes_and_undoes(qtbot, open_window, library, monkeypatch):
    """Ctrl+Shift+M lists every bookmark and note in lesson order; F2 edits, Del deletes and Ctrl+Z
    undoes it; Enter opens the section in the reader; a bookmark can be removed and put back."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    from workbook.store import notes

    navigator = open_window(library)
    learner = learners.create_learner("Many Notes").id
    navigator.open_learner(learner)
    later, earlier = library.module("de-escalation"), library.module("empathy")
    notes.add_note(learner, later.id, later.sections[2].id, "Lower your voice, slow your pace.")
    notes.toggle_bookmark(learner, earlier.id, earlier.sections[1].id)
    first = notes.add_note(learner, earlier.id, earlier.sections[1].id, "Name the impact first.")
    notes.add_note(learner, earlier.id, earlier.sections[1].id, "Then one apology, not five.")

    qtbot.waitUntil(lambda: any(a.shortcut().toString() == "Ctrl+Shift+M"  # menus fill after first paint
                                for a in navigator.window.findChildren(QAction)))
    navigator.window.activateWindow()  # the previous test's window, closing, can take activation away
    qtbot.waitUntil(navigator.window.isActiveWindow)
    qtbot.keyClick(navigator.home_page, Qt.Key.Key_M,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    page = navigator.notes.page
    assert navigator.pages.currentWidget() is page
    tree = page.tree
    titles = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert len(titles) == 2 and titles[0].startswith("\u2605 ") and earlier.sections[1].title in titles[0]
    assert later.sections[2].title in titles[1]  # lesson order, not the order written
    assert tree.topLevelItem(0).childCount() == 2

    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    assert "Name the impact first." in page.detail.toPlainText()
    monkeypatch.setattr(dialogs, "ask_multiline", lambda *args: "Name the impact, in their words.")
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    assert [n.body for n in notes.notes_for_section(learner, earlier.id, earlier.sections[1].id)][0] == \
        "Name the impact, in their words."
    assert page.selected() == ("note", first.id)  # the edited note stays selected

    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert len(notes.notes_for_section(learner, earlier.id, earlier.sections[1].id)) == 1
    assert page.undo_bar.isVisible() and "Name the impact" in page.undo_label.text()
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = notes.notes_for_section(learner, earlier.id, earlier.sections[1].id)
    assert [n.id for n in back][0] == first.id and not page.undo_bar.isVisible()

    searches = []
    monkeypatch.setattr(navigator.search, "open", lambda: searches.append(1))
    qtbot.keyClick(tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # finding a note later
    assert page.filter.hasFocus() and searches == []  # the page's filter, not the workbook's search
    qtbot.keyClicks(page.filter, "voice")
    visible = [i for i in range(tree.topLevelItemCount()) if not tree.topLevelItem(i).isHidden()]
    assert visible == [1]
    page.filter.clear()

    tree.setCurrentItem(tree.topLevelItem(0))
    page.unbookmark_button.click()
    assert not notes.is_bookmarked(learner, earlier.id, earlier.sections[1].id)
    assert not tree.topLevelItem(0).text(0).startswith("\u2605")
    page.undo_button.click()
    assert notes.is_bookmarked(learner, earlier.id, earlier.sections[1].id)

    tree.setCurrentItem(tree.topLevelItem(1))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert navigator.pages.currentWidget() is navigator.reading.page
    assert navigator.reading.page.section_list.currentRow() == 2


def test_my_notes_with_nothing_yet_says_how_to_start(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Blank Page").id)
    navigator.home_page.notes_button.click()
    page = navigator.notes.page
    assert page.empty_label.isVisible() and not page.tree.isVisible()
    assert "Ctrl+Shift+N" in page.empty_label.text()
