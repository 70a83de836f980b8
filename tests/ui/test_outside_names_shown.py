"""Names from files shown literally on real widgets: a PC name, learner names and file names holding
markup (`<b>`, `<a href>`, `<img>`, `<table>`) or control characters are drawn as the characters they
are, never as HTML; the trust question shows the real key fingerprint; an import names its merges.

The red team's b14 bundle signed a PC name that, drawn as HTML, showed "Key fingerprint: <a trusted
PC's fingerprint> (already trusted)" and hid the real fingerprint in 1-pixel white text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from workbook.keys import fingerprint, key_id, trusted_keys
from workbook.paths import database_path
from workbook.store import learners
from workbook.store.activity import record_section_read
from workbook.store.bundle_reading import read_bundle
from workbook.store.bundles import export_bundle
from workbook.store.connection import open_database
from workbook.store.merges import merge_learners, survivor_of
from workbook.ui import dialogs
from workbook.ui.trainer import passphrase_dialog

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TRUSTED_LOOKALIKE = "2cb7-a757-abba-4f0a"
B14 = (f"vm<br><br>Key fingerprint: {TRUSTED_LOOKALIKE}<br><br>(already trusted)"
       "<span style='font-size:1px;color:#ffffff'>")
HOSTILE = ["<b>Bold</b> Sam", "<a href='https://evil.example/'>Click me</a>", "<img src='x.png'>Ana",
           "<table><tr><td>Bo</td></tr></table>", "Eve\n\nKey fingerprint: 0000-0000-0000-0000"]


def rendered(label: QLabel) -> str:
    """What the label draws: its text as is when Qt reads it as plain, else the HTML's visible text."""
    text, shown_as = label.text(), label.textFormat()
    as_html = shown_as == Qt.TextFormat.RichText or (shown_as == Qt.TextFormat.AutoText
                                                     and QtGui.Qt.mightBeRichText(text))
    if not as_html:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def box_text(box: QMessageBox) -> str:
    return rendered(box.findChild(QLabel, "qt_msgbox_label"))


def answering(monkeypatch, clicks: list[str]) -> list[QMessageBox]:
    """Every message box is shown to the test instead of a user: kept, then answered with the next
    button text of `clicks` ("" for Cancel)."""
    seen: list[QMessageBox] = []

    def run(box: QMessageBox) -> None:
        seen.append(box)
        wanted = clicks.pop(0) if clicks else ""
        for button in box.buttons():
            if (button.text() == wanted) or (not wanted and box.buttonRole(button)
                                             == QMessageBox.ButtonRole.RejectRole):
                button.click()
                return

    monkeypatch.setattr(dialogs, "run_box", run)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    return seen


def other_pc(folder: Path, key: Ed25519PrivateKey, out: Path, installation: str,
             *people: tuple[str, str | None]) -> list[Path]:
    """Bundles written on another PC (its own database and key) before this app opens."""
    db = open_database(database_path(folder))
    try:
        made = []
        for number, (name, employee_id) in enumerate(people):
            learner = learners.create_learner(name, employee_id)
            record_section_read(learner.id, "empathy", f"s{number}", now=T0)
            made.append(export_bundle(learner.id, out / f"{number}-{name[:6]}.zip", key,
                                      installation=installation).path)
        return made
    finally:
        db.close()


@pytest.mark.parametrize("name", [B14, *HOSTILE])
def test_the_trust_question_shows_the_pc_name_literally_and_the_real_fingerprint(
        qtbot, open_window, library, monkeypatch, tmp_path, name):
    stranger = Ed25519PrivateKey.generate()
    inbox = tmp_path / "usb"
    inbox.mkdir()
    (bundle,) = other_pc(tmp_path / "pc", stranger, inbox, name, ("Sam Taylor", None))
    navigator = open_window(library)
    seen = answering(monkeypatch, [""])
    navigator.window.trainer_requested.emit()

    assert navigator.trainer.imports.offer_trust(read_bundle(bundle).signer) is False
    (box,) = seen
    shown = box_text(box)
    real = fingerprint(key_id(stranger.public_key()))
    assert f"Key fingerprint: {real}\n" in shown
    assert shown.index(real) < shown.index("PC name")  # the real one comes before anything the file says
    flat = name.replace("\n", "\\n")
    assert f"PC name, as the files give it: {flat}\n" in shown  # every character, on one line
    assert shown.count("Key fingerprint:") == 1 + name.count("Key fingerprint:")
    assert key_id(stranger.public_key()) not in trusted_keys(navigator.session.data_dir)


def test_trusting_through_the_real_question_trusts_the_key_it_showed(qtbot, open_window, library, monkeypatch,
                                                                     finish, tmp_path, data_dir):
    """The whole import with the b14 name: the question shown, "Trust and import" clicked, and the key
    trusted is the one whose fingerprint the question showed; the summary shows the names literally."""
    stranger = Ed25519PrivateKey.generate()
    inbox = tmp_path / "usb"
    inbox.mkdir()
    bundles = other_pc(tmp_path / "pc", stranger, inbox, B14, *((name, None) for name in HOSTILE[:4]))
    navigator = open_window(library)
    seen = answering(monkeypatch, ["Trust and import"])
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *args: [str(path) for path in bundles])
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    navigator.trainer.page.import_button.click()
    finish(imports.running)
    finish(imports.running)  # the files again, now trusted
    (question,) = seen
    real = fingerprint(key_id(stranger.public_key()))
    assert f"Key fingerprint: {real}" in box_text(question)
    assert set(trusted_keys(data_dir)) >= {key_id(stranger.public_key())}
    summary = imports.summary
    names = sorted(summary.table.item(row, 1).text() for row in range(summary.table.rowCount()))
    assert names == sorted(HOSTILE[:4])
    assert summary.headline.text() == "4 files: 4 rows added"
    assert [learner.display_name for learner in learners.active_learners()] != []


def test_the_same_person_question_and_the_merge_summary_show_names_literally(
        qtbot, open_window, library, monkeypatch, finish, tmp_path, data_dir):
    """A bundle refused for an employee ID clash with a local profile named as markup: the question
    shows both names and the file name literally; the summary names the merge it recorded."""
    key = Ed25519PrivateKey.generate()
    inbox = tmp_path / "usb"
    inbox.mkdir()
    (bundle,) = other_pc(tmp_path / "pc", key, inbox, "front desk", ("<img src='a.png'>Ana", "E1"))
    navigator = open_window(library)
    seen = answering(monkeypatch, ["Trust and import", "Import and merge"])
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *args: [str(bundle)])
    local = learners.create_learner("<table><tr><td>Ana L.</td></tr></table>", "E1")
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    navigator.trainer.page.import_button.click()
    for _ in range(3):  # first pass, trusted, merged
        finish(imports.running)
    question = box_text(seen[1])
    assert question.startswith(f"{bundle.name} was refused: conflict: employee ID E1 belongs to "
                               "'<table><tr><td>Ana L.</td></tr></table>' here")
    assert "Import it merged into <table><tr><td>Ana L.</td></tr></table> (ID E1" in question
    remote = read_bundle(bundle).learner
    assert survivor_of(remote.id) == local.id
    summary = imports.summary
    merge = (f"<img src='a.png'>Ana ({remote.id[:8]}) merged into "
             f"<table><tr><td>Ana L.</td></tr></table> ({local.id[:8]})")
    assert summary.table.item(0, 4).text().endswith(f"1 profile merge: {merge}")
    assert summary.merges_note.isVisible() and rendered(summary.merges_note).splitlines() == [
        "Profile merges recorded by this import (a merge cannot be undone):", f"\u2022 {merge}"]


def test_a_merge_brought_by_a_bundle_is_named_in_the_summary(qtbot, open_window, library, monkeypatch,
                                                              finish, tmp_path, data_dir):
    """The red team's b16: Sam's bundle carrying "Alex merged into Sam" said only "1 profile merge"."""
    from workbook.keys import trust_key

    key = Ed25519PrivateKey.generate()
    pc = tmp_path / "pc"
    db = open_database(database_path(pc))
    try:
        sam, alex = learners.create_learner("Sam Taylor"), learners.create_learner("<b>Alex</b> Moreno")
        record_section_read(alex.id, "empathy", "s1", now=T0)
        alex_zip = export_bundle(alex.id, tmp_path / "alex.zip", key).path
        merge_learners(alex.id, sam.id)
        sam_zip = export_bundle(sam.id, tmp_path / "sam.zip", key).path
    finally:
        db.close()
    navigator = open_window(library)
    trust_key(key.public_key(), data_dir, "front desk")
    answering(monkeypatch, [])
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *args: [str(alex_zip), str(sam_zip)])
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    navigator.trainer.page.import_button.click()
    finish(imports.running)
    merge = f"<b>Alex</b> Moreno ({alex.id[:8]}) merged into Sam Taylor ({sam.id[:8]})"
    assert imports.summary.table.item(1, 4).text() == f"new profile; 1 profile merge: {merge}"
    assert rendered(imports.summary.merges_note).splitlines()[1] == f"\u2022 {merge}"


def test_a_trainers_merge_question_and_status_line_show_names_literally(qtbot, open_window, library,
                                                                         monkeypatch):
    navigator = open_window(library)
    seen = answering(monkeypatch, ["Merge"])
    source = learners.create_learner("<a href='https://evil.example/'>Sam</a>")
    target = learners.create_learner("<b>Sam</b> Taylor")
    navigator.window.trainer_requested.emit()
    navigator.trainer.learners.merge(source.id, target.id)
    assert box_text(seen[0]).startswith("Merge <a href='https://evil.example/'>Sam</a> (")
    assert "\ninto <b>Sam</b> Taylor (" in box_text(seen[0])
    assert rendered(navigator.window.save_status).endswith("now count for <b>Sam</b> Taylor")
    assert survivor_of(source.id) == target.id


def test_the_damaged_database_dialog_shows_its_reason_and_path_literally(qtbot, tmp_path):
    from workbook.store.recovery import DamageReport
    from workbook.ui.recovery_dialog import RecoveryDialog

    moved = tmp_path / "<img src='x'>" / "workbook.sqlite.damaged"
    dialog = RecoveryDialog(DamageReport("file is not a database: <table><tr><td>x", moved, []))
    qtbot.addWidget(dialog)
    intro = rendered(dialog.findChildren(QLabel)[0])
    assert "file is not a database: <table><tr><td>x" in intro and str(moved) in intro


def test_an_unavailable_module_card_shows_its_title_and_reason_literally(qtbot, tmp_path):
    from workbook.core.content import UnavailableModule
    from workbook.core.problems import Problem
    from workbook.ui.module_card import UnavailableCardWidget

    broken = UnavailableModule(tmp_path / "m1", "<b>Empathy</b>",
                               (Problem(tmp_path / "m1" / "module.yaml", 3, "title", "<img src='x'> bad"),))
    card = UnavailableCardWidget(broken)
    qtbot.addWidget(card)
    shown = [rendered(label) for label in card.findChildren(QLabel)]
    assert "<b>Empathy</b> is unavailable" in shown
    assert any("<img src='x'> bad" in text for text in shown)


@pytest.mark.parametrize("quoting", [False, True])
def test_the_trust_question_warns_of_a_lookalike_of_a_trusted_pc(qtbot, open_window, library, monkeypatch,
                                                                 tmp_path, data_dir, quoting):
    """The b14 spoof against this trainer's own list: the name quotes a trusted PC's fingerprint, or
    copies a trusted PC's name; the question says so, with the trusted PC's name and key."""
    from workbook.keys import trust_key

    known = Ed25519PrivateKey.generate()
    known_shown = fingerprint(key_id(known.public_key()))
    trust_key(known.public_key(), data_dir, "FRONT-DESK-3")
    name = (f"vm<br><br>Key fingerprint: {known_shown}<br><br>(already trusted)" if quoting
            else "FRONT-DESK-3")
    stranger = Ed25519PrivateKey.generate()
    inbox = tmp_path / "usb"
    inbox.mkdir()
    (bundle,) = other_pc(tmp_path / "pc", stranger, inbox, name, ("Sam Taylor", None))
    navigator = open_window(library)
    seen = answering(monkeypatch, [""])
    navigator.window.trainer_requested.emit()
    navigator.trainer.imports.offer_trust(read_bundle(bundle).signer)
    real = fingerprint(key_id(stranger.public_key()))
    warning = box_text(seen[0]).split("\n\n")[-1]
    assert warning == (
        f"Warning: the name quotes the fingerprint of \u201cFRONT-DESK-3\u201d (key {known_shown}), a PC "
        f"already trusted here; this PC's own fingerprint is {real}." if quoting else
        f"Warning: a PC already trusted here, \u201cFRONT-DESK-3\u201d (key {known_shown}), has the same "
        "name: this may be a copy of its name.")


def test_a_merge_ingested_from_the_server_is_named_in_the_status_line(qtbot, open_window, library, data_dir,
                                                                      monkeypatch, tmp_path, finish):
    from sync_kit import PC_KEY, make_pc, make_server

    from workbook.cli import main
    from workbook.keys import trust_key

    url = make_server(data_dir)  # this app's own database plays the centre's server
    trust_key(PC_KEY.public_key(), data_dir, "training-pc-1")
    pc = tmp_path / "pc"
    away, stays = make_pc(pc)
    db = open_database(database_path(pc))
    try:
        merge_learners(away, stays)
    finally:
        db.close()
    assert main(["sync", "--server", url, "--data-dir", str(pc)]) == 7  # not on the server's list yet
    navigator = open_window(library)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    navigator.window.trainer_requested.emit()
    qtbot.waitUntil(lambda: navigator.trainer.ingesting is not None, timeout=5000)
    finish(navigator.trainer.ingesting)
    status = navigator.window.statusBar().currentMessage()
    assert f"profile merges recorded: Learner 0 ({away[:8]}) merged into Learner 1 ({stays[:8]})" in status
