"""The trainer passphrase dialog: set once, then asked for; wrong tries are refused with a delay."""

from __future__ import annotations

from workbook.store import trainer
from workbook.ui.trainer.passphrase_dialog import PassphraseDialog


def test_first_passphrase_must_be_typed_twice_and_long_enough(qtbot, database):
    dialog = PassphraseDialog(first_time=True)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    dialog.submit()
    assert dialog.message.text() and not trainer.has_trainer()
    dialog.passphrase.setText("call-centre-2026")
    dialog.repeat.setText("call-centre-2025")
    dialog.submit()
    assert "differ" in dialog.message.text()
    dialog.repeat.setText("call-centre-2026")
    dialog.submit()
    assert dialog.result() == PassphraseDialog.DialogCode.Accepted and trainer.has_trainer()


def test_wrong_passphrase_is_refused_and_the_wait_grows(qtbot, database):
    trainer.set_passphrase("call-centre-2026")
    dialog = PassphraseDialog(first_time=False)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("guess-one")
    dialog.submit()
    assert "try again in 1 second" in dialog.message.text()
    dialog.passphrase.setText("call-centre-2026")  # still locked: refused without checking
    dialog.submit()
    assert dialog.result() != PassphraseDialog.DialogCode.Accepted
    assert "wait" in dialog.message.text()
