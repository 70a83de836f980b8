"""Import progress… shows the rows a file's PC may not send (red team 3, A4: Sam's row ids squatted
from Mallory's PC): kept aside and named with that PC in the file's row, while Sam's own file imports."""

from __future__ import annotations

from row_theft_kit import MALLORY_KEY, SAM_KEY, export_from_mallory, mallorys_pc, sams_pc

from workbook.keys import PROGRESS, fingerprint, key_id, trust_key
from workbook.store.activity import activity_count
from workbook.ui import dialogs
from workbook.ui.trainer import passphrase_dialog


def test_the_import_summary_names_the_squatters_pc_and_sams_file_imports(qtbot, open_window, library,
                                                                          monkeypatch, finish, tmp_path,
                                                                          data_dir, complete_everything):
    usb = tmp_path / "usb"
    usb.mkdir()
    sam_id, sam_zip = sams_pc(tmp_path / "sam-pc", usb, lambda learner: complete_everything(library, learner))
    mallorys_pc(tmp_path / "mallory-pc", sam_zip, sabotage=True)
    squat = export_from_mallory(tmp_path / "mallory-pc", sam_id, usb / "a4_00_squat.zip")
    trust_key(SAM_KEY.public_key(), data_dir, "SAM-PC", (PROGRESS,))
    trust_key(MALLORY_KEY.public_key(), data_dir, "MALLORY-PC", (PROGRESS,))
    navigator = open_window(library)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *args: [str(squat), str(sam_zip)])
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    navigator.trainer.page.import_button.click()
    finish(imports.running)

    summary = imports.summary
    assert summary is not None and summary.isVisible()
    rows = {summary.table.item(r, 0).text(): [summary.table.item(r, c).text() for c in range(2, 5)]
            for r in range(summary.table.rowCount())}
    added, present, outcome = rows["a4_00_squat.zip"]
    assert (added, present) == ("0", "0")
    shown = fingerprint(key_id(MALLORY_KEY.public_key()))
    count = activity_count(sam_id)
    assert f"refused: {count} activity records refused from the PC 'MALLORY-PC' (key {shown})" in outcome
    assert "recorded on another PC" in outcome
    assert rows["sam.zip"] == [str(activity_count(sam_id)), "0", "existing profile"]
