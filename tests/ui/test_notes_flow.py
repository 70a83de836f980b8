"""Bookmarks and notes from the reader survive a restart and export to Markdown."""

from __future__ import annotations

from workbook.store import learners
from workbook.ui import dialogs


def test_bookmark_and_note_survive_restart_and_export(qtbot, open_window, library, monkeypatch, tmp_path):
    navigator = open_window(library)
    learner = learners.create_learner("Note Taker")
    navigator.open_learner(learner.id)
    navigator.open_module("empathy", 1)
    reader = navigator.reader_page
    reader.bookmark_button.click()
    note = "Try 'that sounds stressful' on billing calls."
    monkeypatch.setattr(dialogs, "ask_multiline", lambda *args: note)
    reader.note_button.click()
    assert "Bookmarked" in reader.bookmark_button.text() and "Notes (1)" in reader.note_button.text()
    navigator.window.close()

    navigator = open_window(library)
    navigator.open_learner(learner.id)
    navigator.open_module("empathy", 1)
    assert "Bookmarked" in navigator.reader_page.bookmark_button.text()
    out = tmp_path / "notes.md"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *args: str(out))
    monkeypatch.setattr(dialogs, "show_info", lambda *args: None)
    navigator.export_notes()
    text = out.read_text(encoding="utf-8")
    assert library.module("empathy").sections[1].title in text and "that sounds stressful" in text
