"""Trainer access ends with the profile, and what certificates print is behind the same passphrase:
driven by keyboard and menus on the real window, with the passphrase checked by the real store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from workbook.reports.issue import CertificateSettings, certificate_settings
from workbook.store import learners, trainer
from workbook.ui import certificate_settings_dialog
from workbook.ui.trainer import passphrase_dialog
from workbook.ui.trainer.passphrase_dialog import PassphraseDialog

PASSPHRASE = "call-centre-2026"


class Gate:
    """Stands in for the person at the keyboard: types `typed` into the real passphrase dialog,
    which the real store checks, and counts how often the dialog came up."""

    def __init__(self, qtbot, typed: str | None) -> None:
        self.qtbot, self.typed, self.asked = qtbot, typed, 0

    def __call__(self, parent) -> bool:
        self.asked += 1
        if self.typed is None:  # Esc: the dialog is cancelled
            return False
        dialog = PassphraseDialog(first_time=not trainer.has_trainer(), parent=parent)
        self.qtbot.addWidget(dialog)
        self.qtbot.keyClicks(dialog.passphrase, self.typed)
        self.qtbot.keyClicks(dialog.repeat, self.typed)
        dialog.submit()
        return dialog.result() == PassphraseDialog.DialogCode.Accepted


def _press(qtbot, window, keys: str) -> None:
    from PySide6.QtGui import QKeySequence

    combination = QKeySequence(keys)[0]
    qtbot.keyClick(QApplication.focusWidget() or window, combination.key(), combination.keyboardModifiers())


def _menu_action(window, text: str) -> QAction:
    return next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == text)


def test_switching_profile_locks_the_trainer_views_again(qtbot, open_window, library, monkeypatch):
    """The tester's steps: Ctrl+T, passphrase, Esc, Ctrl+Shift+P, another learner, Ctrl+T."""
    navigator = open_window(library)
    window = navigator.window
    qtbot.waitUntil(lambda: any(a.shortcut().toString() == "Ctrl+T" for a in window.findChildren(QAction)))
    trainer.set_passphrase(PASSPHRASE)
    first, second = learners.create_learner("Ana Lima"), learners.create_learner("Bo Chen")
    gate = Gate(qtbot, PASSPHRASE)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", gate)
    navigator.open_learner(first.id)

    _press(qtbot, window, "Ctrl+T")
    assert gate.asked == 1 and navigator.pages.currentWidget() is navigator.trainer.page
    _press(qtbot, window, "Esc")
    assert navigator.pages.currentWidget() is navigator.home_page
    _press(qtbot, window, "Ctrl+T")  # the same person, back again: not asked twice
    assert gate.asked == 1 and navigator.pages.currentWidget() is navigator.trainer.page
    _press(qtbot, window, "Esc")

    _press(qtbot, window, "Ctrl+Shift+P")
    assert navigator.pages.currentWidget() is navigator.profile_page
    assert not navigator.trainer.unlocked
    navigator.profile_page.learner_chosen.emit(second.id)  # the next person opens their profile
    gate.typed = None  # ... and does not know the passphrase
    _press(qtbot, window, "Ctrl+T")
    assert gate.asked == 2
    assert navigator.pages.currentWidget() is navigator.home_page  # no dashboard without it


def test_returning_to_the_profile_list_from_the_trainer_page_locks_it(qtbot, open_window, library,
                                                                     monkeypatch):
    navigator = open_window(library)
    trainer.set_passphrase(PASSPHRASE)
    gate = Gate(qtbot, PASSPHRASE)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", gate)
    navigator.open_learner(learners.create_learner("Ana Lima").id)
    navigator.window.trainer_requested.emit()
    assert navigator.trainer.unlocked
    navigator.window.save_status.setText("\u2714 Report saved to /home/trainer/cohort.pdf")  # a job's word
    navigator.window.switch_profile_requested.emit()  # straight from the trainer page
    assert not navigator.trainer.unlocked
    assert navigator.pages.currentWidget() is navigator.profile_page
    assert navigator.window.save_status.text() == ""  # the next person does not read the trainer's path
    navigator.open_learner(learners.create_learner("Bo Chen").id)
    assert navigator.window.save_status.text() == ""


def test_certificate_settings_need_the_trainer_passphrase(qtbot, open_window, library, monkeypatch,
                                                         tmp_path: Path):
    navigator = open_window(library)
    window = navigator.window
    qtbot.waitUntil(lambda: any(a.shortcut().toString() == "Ctrl+T" for a in window.findChildren(QAction)))
    trainer.set_passphrase(PASSPHRASE)
    before = certificate_settings(library)
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n")
    chosen = CertificateSettings("Learner's Own Org", "Somebody Else", "Letter", logo)
    edited = []
    monkeypatch.setattr(certificate_settings_dialog, "edit_certificate_settings",
                        lambda parent, current: edited.append(current) or chosen)
    navigator.open_learner(learners.create_learner("Curious Learner").id)
    settings_action = _menu_action(window, "Certificate settings\u2026")

    gate = Gate(qtbot, "a wrong guess")
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", gate)
    settings_action.trigger()
    assert gate.asked == 1 and edited == []  # the dialog never opened
    assert certificate_settings(library) == before

    gate = Gate(qtbot, None)  # Esc at the passphrase
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", gate)
    settings_action.trigger()
    assert gate.asked == 1 and edited == [] and certificate_settings(library) == before

    qtbot.wait(1100)  # the store's delay after the wrong try
    gate = Gate(qtbot, PASSPHRASE)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", gate)
    settings_action.trigger()
    assert gate.asked == 1 and edited == [before]
    saved = certificate_settings(library)
    assert (saved.organisation, saved.trainer, saved.page_size, saved.logo) == (
        "Learner's Own Org", "Somebody Else", "Letter", logo)
    settings_action.trigger()  # unlocked now, until the profile changes
    assert gate.asked == 1 and len(edited) == 2
    window.switch_profile_requested.emit()
    settings_action.trigger()
    assert gate.asked == 2


def test_with_no_passphrase_set_certificate_settings_ask_to_set_one_first(qtbot, open_window, library,
                                                                         monkeypatch):
    """As the trainer views do: the first person to open them chooses the passphrase."""
    navigator = open_window(library)
    edited = []
    monkeypatch.setattr(certificate_settings_dialog, "edit_certificate_settings",
                        lambda parent, current: edited.append(current))
    gate = Gate(qtbot, None)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", gate)
    navigator.open_learner(learners.create_learner("First Person").id)
    navigator.window.certificate_settings_requested.emit()
    assert gate.asked == 1 and edited == [] and not trainer.has_trainer()
    gate = Gate(qtbot, PASSPHRASE)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", gate)
    navigator.window.certificate_settings_requested.emit()
    assert trainer.has_trainer() and len(edited) == 1
