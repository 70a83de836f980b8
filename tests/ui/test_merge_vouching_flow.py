"""Import progress… asks the trainer before recording a merge the signing PC cannot speak for (the
red team's merge theft), naming both profiles and the PCs their progress came from; no is the default."""

from __future__ import annotations

import pytest
from merge_theft_kit import BEN_KEY, MIA_KEY, bens_pc, mias_pc

from workbook.keys import fingerprint, key_id, trust_key
from workbook.store.activity import read_sections
from workbook.store.merges import survivor_of
from workbook.store.models import MergeRecord
from workbook.ui import dialogs
from workbook.ui.trainer import passphrase_dialog


@pytest.mark.parametrize("answer", [False, True])
def test_the_trainer_is_asked_before_a_withheld_merge_is_recorded(qtbot, open_window, library, monkeypatch,
                                                                  finish, tmp_path, data_dir, answer):
    inbox = tmp_path / "usb"
    inbox.mkdir()
    mia_id, mia_zip = mias_pc(tmp_path / "mia-pc", inbox)
    ben_id, ben_zip = bens_pc(tmp_path / "ben-pc", inbox, mia_id)
    trust_key(MIA_KEY.public_key(), data_dir, "MIA-PC")
    trust_key(BEN_KEY.public_key(), data_dir, "BEN-PC")
    navigator = open_window(library)
    asked: list[tuple[str, str, str]] = []
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *args: [str(mia_zip), str(ben_zip)])
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, action: asked.append(
        (title, text, action)) or answer)
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    navigator.trainer.page.import_button.click()
    finish(imports.running)

    (title, text, action) = asked[0]
    assert len(asked) == 1 and title == "Record this profile merge?" and action == "Merge anyway"
    assert f"Mia Chen ({mia_id[:8]}) merged into Ben Ross ({ben_id[:8]})" in text
    assert f"signed by the PC 'BEN-PC' (key {fingerprint(key_id(BEN_KEY.public_key()))})" in text
    assert f"3 from the PC 'MIA-PC' (key {fingerprint(key_id(MIA_KEY.public_key()))})" in text
    summary = imports.summary
    assert summary is not None and summary.isVisible()
    rows = {summary.table.item(r, 0).text(): summary.table.item(r, 4).text()
            for r in range(summary.table.rowCount())}
    if answer:
        assert survivor_of(mia_id) == ben_id and MergeRecord.select().count() == 1
        assert f"merged into Ben Ross ({ben_id[:8]})" in summary.merges_note.text()
        assert "1 profile merge" in rows["ben.zip"] and summary.withheld_note.isHidden()
        assert read_sections(ben_id) == {"empathy": {"s1", "s2", "s3"}}
    else:
        assert survivor_of(mia_id) == mia_id and MergeRecord.select().count() == 0
        assert summary.merges_note.isHidden() and not summary.withheld_note.isHidden()
        note = summary.withheld_note.text()
        assert "NOT recorded" in note
        assert f"Mia Chen ({mia_id[:8]}) merged into Ben Ross ({ben_id[:8]})" in note
        assert rows["ben.zip"] == "new profile"
        assert read_sections(mia_id) == {"empathy": {"s1", "s2", "s3"}}


def test_the_trainers_ingest_asks_too_and_names_a_refused_merge(qtbot, open_window, library, monkeypatch,
                                                                finish, tmp_path, data_dir):
    from sync_kit import make_server, with_key

    from workbook.cli import main

    url = make_server(data_dir)  # this app's own database plays the centre's server
    inbox = tmp_path / "usb"
    inbox.mkdir()
    mia_id, _ = mias_pc(with_key(tmp_path / "mia-pc", MIA_KEY), inbox)
    ben_id, _ = bens_pc(with_key(tmp_path / "ben-pc", BEN_KEY), inbox, mia_id)
    for pc in ("mia-pc", "ben-pc"):
        main(["sync", "--server", url, "--data-dir", str(tmp_path / pc)])
    trust_key(MIA_KEY.public_key(), data_dir, "MIA-PC")
    trust_key(BEN_KEY.public_key(), data_dir, "BEN-PC")
    navigator = open_window(library)
    asked: list[str] = []
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, action: asked.append(text) and False)
    navigator.window.trainer_requested.emit()
    qtbot.waitUntil(lambda: navigator.trainer.ingesting is not None, timeout=5000)
    finish(navigator.trainer.ingesting)
    assert len(asked) == 1 and f"Mia Chen ({mia_id[:8]}) merged into Ben Ross ({ben_id[:8]})" in asked[0]
    status = navigator.window.statusBar().currentMessage()
    assert f"profile merges NOT recorded: Mia Chen ({mia_id[:8]}) merged into Ben Ross ({ben_id[:8]})" \
        in status
    assert survivor_of(mia_id) == mia_id and MergeRecord.select().count() == 0


def test_a_merge_waiting_for_its_profiles_rows_is_named_in_the_import_summary(
        qtbot, open_window, library, monkeypatch, finish, tmp_path, data_dir):
    """Ben's file alone: Mia has no rows here yet, so nothing is asked, nothing is merged, and the
    summary says the merge waits."""
    inbox = tmp_path / "usb"
    inbox.mkdir()
    mia_id, _ = mias_pc(tmp_path / "mia-pc", inbox)
    ben_id, ben_zip = bens_pc(tmp_path / "ben-pc", inbox, mia_id)
    trust_key(BEN_KEY.public_key(), data_dir, "BEN-PC")
    navigator = open_window(library)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *args: [str(ben_zip)])
    monkeypatch.setattr(dialogs, "confirm", lambda *args: pytest.fail("nothing to ask about"))
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    navigator.trainer.page.import_button.click()
    finish(imports.running)

    summary = imports.summary
    assert survivor_of(mia_id) == mia_id and MergeRecord.select().count() == 0
    assert summary.merges_note.isHidden() and summary.withheld_note.isHidden()
    assert not summary.waiting_note.isHidden()
    assert f"({mia_id[:8]}) merged into Ben Ross ({ben_id[:8]})" in summary.waiting_note.text()
