"""One store write from the UI: the row is written and the status bar says so; a failure or a
refusal is shown once, in words, and the result says nothing was saved."""

from __future__ import annotations

from workbook.store.learners import create_learner
from workbook.store.notes import NoteError, add_note, notes_for_section
from workbook.ui import dialogs, store_op
from workbook.ui.main_window import MainWindow


def _window(qtbot, monkeypatch) -> tuple[MainWindow, list]:
    window = MainWindow()
    qtbot.addWidget(window)
    shown: list = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append((title, text)))
    return window, shown


def test_a_saved_write_returns_the_row_and_says_so(qtbot, monkeypatch, database, data_dir):
    window, shown = _window(qtbot, monkeypatch)
    ana = create_learner("Ana").id
    result = store_op.write(window, data_dir, add_note, ana, "empathy", "apologizing-well", "Own it.")
    assert isinstance(result, store_op.Saved) and result
    assert [n.body for n in notes_for_section(ana, "empathy", "apologizing-well")] == ["Own it."]
    assert result.value.id == notes_for_section(ana, "empathy", "apologizing-well")[0].id
    assert window.save_status.text() == store_op.SAVED_TEXT and shown == []


def test_a_failed_write_is_shown_with_the_data_folder_and_saves_nothing(qtbot, monkeypatch, database,
                                                                         data_dir):
    window, shown = _window(qtbot, monkeypatch)
    result = store_op.write(window, data_dir, add_note, "nobody", "empathy", "apologizing-well", "Lost?")
    assert isinstance(result, store_op.NotSaved) and not result
    assert "FOREIGN KEY" in str(result.error)
    [(title, text)] = shown
    assert title == "Progress not saved" and str(data_dir) in text and "Traceback" not in text
    assert window.save_status.text() == store_op.NOT_SAVED_TEXT
    assert notes_for_section("nobody", "empathy", "apologizing-well") == []


def test_a_refused_write_is_explained_under_its_own_title(qtbot, monkeypatch, database, data_dir):
    window, shown = _window(qtbot, monkeypatch)
    ana = create_learner("Ana").id
    result = store_op.write(window, data_dir, add_note, ana, "empathy", "apologizing-well", "  ",
                            refuses=(NoteError,), refusal_title="Note not saved")
    assert not result and isinstance(result.error, NoteError)
    assert shown == [("Note not saved", str(result.error))]
    assert notes_for_section(ana, "empathy", "apologizing-well") == []


def test_a_write_while_another_program_locks_the_file_says_to_close_it(qtbot, monkeypatch, database,
                                                                        data_dir):
    """Another program (a database viewer) holds a write lock: the message names the data folder and
    asks to close that program; it does not send the user to check the free disk space."""
    import sqlite3

    from workbook.paths import database_path

    window, shown = _window(qtbot, monkeypatch)
    ana = create_learner("Ana").id
    database.execute_sql("PRAGMA busy_timeout = 100")  # the real app waits longer before giving up
    viewer = sqlite3.connect(database_path(data_dir), isolation_level=None)
    viewer.execute("BEGIN IMMEDIATE")  # holds the write lock, as a viewer with an open change does
    try:
        result = store_op.write(window, data_dir, add_note, ana, "empathy", "apologizing-well", "Later.")
    finally:
        viewer.execute("ROLLBACK")
        viewer.close()
    assert not result
    [(title, text)] = shown
    assert title == "Progress not saved"
    assert text.startswith("This step could not be saved: another program is using the database in "
                           f"{data_dir} (a database viewer")
    assert "Close that program, then try the step again." in text and "disk space" not in text
    assert store_op.write(window, data_dir, add_note, ana, "empathy", "apologizing-well", "Later.")
