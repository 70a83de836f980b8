"""Keyboard use without traps: Enter presses the focused button, and the note editor saves with
Ctrl+Enter, moves on with Tab, wraps its lines and asks before Esc throws a changed note away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from workbook.store import learners
from workbook.ui import dialogs
from workbook.ui.note_dialog import NoteDialog


def test_enter_presses_the_focused_primary_button(qtbot, open_window, library):
    navigator = open_window(library)
    navigator.open_learner(learners.create_learner("Enter Key").id)
    home = navigator.home_page
    home.resume_button.setFocus()
    qtbot.waitUntil(home.resume_button.hasFocus)
    qtbot.keyClick(home.resume_button, Qt.Key.Key_Return)
    reader = navigator.reading.page
    assert navigator.pages.currentWidget() is reader
    reader.next_button.setFocus()
    qtbot.keyClick(reader.next_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert reader.current_index == 1


def test_the_note_editor_works_from_the_keyboard(monkeypatch, qtbot):
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)  # never a real modal box, even on failure
    dialog = NoteDialog(None, "Add a note", "Your note on this section:")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    dialog.editor.setFocus()
    qtbot.keyClicks(dialog.editor, "Name the impact first.")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Tab)
    assert "\t" not in dialog.text() and not dialog.editor.hasFocus()  # Tab moved on
    assert dialog.buttons.isAncestorOf(QApplication.focusWidget())

    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda *args: asked.append(args[1]) or False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["Discard this note?"] and dialog.isVisible()  # kept: the learner said no
    dialog.editor.setFocus()
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == NoteDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.text() == "Name the impact first."


def test_esc_closes_an_unchanged_note_without_asking(monkeypatch, qtbot):
    dialog = NoteDialog(None, "Edit note", "Your note:", "Kept as it was.")
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(dialogs, "confirm", lambda *args: (_ for _ in ()).throw(AssertionError("asked")))
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert dialog.result() == NoteDialog.DialogCode.Rejected and not dialog.isVisible()
