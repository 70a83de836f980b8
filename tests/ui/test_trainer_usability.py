"""The trainer page as a usability tester drove it, by keyboard, at 1280x720, on a real database: the
learner drill-down speaks of the learner and fits the screen, and learners who just joined are not
listed as stalled."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTextBrowser

from workbook.store import cohorts, learners
from workbook.ui import dialogs
from workbook.ui.trainer import passphrase_dialog


def _trainer_page(navigator, monkeypatch, finish, cohort_id: str | None = None):
    """The trainer page, unlocked, with the cohort's dashboard read."""
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    navigator.window.trainer_requested.emit()
    trainer = navigator.trainer
    if trainer.loading is not None:
        finish(trainer.loading)
    if cohort_id is not None and trainer.page.current_cohort() != cohort_id:
        trainer.refresh(cohort_id)
        finish(trainer.loading)
    return trainer.page


def test_the_drill_down_names_the_learners_answers_and_fits_the_screen(qtbot, open_window, library,
                                                                      monkeypatch, finish,
                                                                      complete_everything):
    navigator = open_window(library)
    ana = learners.create_learner("Ana Lima")
    complete_everything(library, ana.id)
    group = cohorts.create_cohort("Day shift")
    cohorts.enrol(group.id, [ana.id])
    page = _trainer_page(navigator, monkeypatch, finish, group.id)
    page.table.setFocus()
    page.table.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # opens the learner, as a double-click does
    shown = [d for d in navigator.window.findChildren(QDialog)
             if d.isVisible() and d.windowTitle() == "Learner detail"]
    assert len(shown) == 1
    detail = shown[0]
    text = detail.findChild(QTextBrowser).toPlainText()
    html = detail.findChild(QTextBrowser).toHtml()
    assert "(learner's answer)" in text and "(your answer)" not in text
    assert "Learner: \u201c" in text and "You: \u201c" not in text and "your pick" not in text
    assert "Points the learner's replies earned" in text and "replay:" not in html  # no dead links
    room = detail.screen().availableGeometry()
    qtbot.waitUntil(lambda: room.contains(detail.frameGeometry()))
    assert detail.width() <= 900 and detail.height() <= 700
    detail.close()


def test_learners_just_enrolled_are_not_listed_as_stalled(qtbot, open_window, library, monkeypatch,
                                                         finish, tmp_path):
    """A roster imported a minute ago: nobody has had a week to make progress yet."""
    navigator = open_window(library)
    roster = tmp_path / "roster.csv"
    roster.write_text("name,employee id\nAna Lima,E-1\nBo Chen,E-2\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_text", lambda *args, **kwargs: "December intake")
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *args: str(roster))
    monkeypatch.setattr(dialogs, "show_info", lambda *args: None)
    page = _trainer_page(navigator, monkeypatch, finish)
    page.new_cohort_requested.emit()
    finish(navigator.trainer.loading)
    page.roster_button.click()
    finish(navigator.trainer.loading)
    assert page.proxy.rowCount() == 2
    qtbot.waitUntil(lambda: "No progress for 7 days" in page.insights.text())
    stalled = page.insights.text().split("No progress for 7 days")[1]
    assert "Nobody" in stalled and "Ana Lima" not in stalled and "Bo Chen" not in stalled
