"""File dialogs open where the last one left off: the trainer who saved the certificates on a USB
stick finds the report's "Save as" there too, not in the home folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbook.ui import dialogs
from workbook.ui.dialogs import _LastFolder


@pytest.fixture(autouse=True)
def fresh_session(monkeypatch):
    monkeypatch.setattr(_LastFolder, "path", None)


def test_the_first_dialog_opens_in_the_home_folder():
    assert _LastFolder.start() == str(Path.home())
    assert _LastFolder.start("Monday cohort.pdf") == str(Path.home() / "Monday cohort.pdf")


def test_a_chosen_folder_or_file_is_where_the_next_dialog_opens(tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    assert _LastFolder.remember(str(stick), is_folder=True) == str(stick)  # the certificates' folder
    assert _LastFolder.start("Monday cohort.pdf") == str(stick / "Monday cohort.pdf")
    assert _LastFolder.start() == str(stick)
    _LastFolder.remember(str(tmp_path / "notes.md"))  # a file: its folder
    assert _LastFolder.start() == str(tmp_path)
    assert _LastFolder.start(str(stick / "given.pdf")) == str(stick / "given.pdf")  # a full path stands


def test_a_cancelled_dialog_or_a_folder_since_removed_changes_nothing(tmp_path):
    gone = tmp_path / "unplugged"
    gone.mkdir()
    _LastFolder.remember(str(gone), is_folder=True)
    assert _LastFolder.remember("") == ""  # Cancel
    assert _LastFolder.start() == str(gone)
    gone.rmdir()  # the stick was pulled out
    assert _LastFolder.start() == str(Path.home())


def test_the_folder_dialog_remembers_what_was_chosen(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    opened_at = []

    def choose(parent, title, start):
        opened_at.append(start)
        return str(tmp_path)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, start, filters: (opened_at.append(start) or start, filters))
    assert dialogs.ask_folder(None, "Save the certificates in") == str(tmp_path)
    assert dialogs.ask_save_path(None, "Save the PDF report", "Monday.pdf", "PDF files (*.pdf)") == \
        str(tmp_path / "Monday.pdf")
    assert opened_at == [str(Path.home()), str(tmp_path / "Monday.pdf")]
