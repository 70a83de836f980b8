"""Import progress… shows the rows a file's PC may not send (red team 3, A4: Sam's row ids squatted
from Mallory's PC): kept aside and named with that PC in the file's row, while Sam's own file imports."""

from __future__ import annotations

from row_theft_kit import MALLORY_KEY, export_from_mallory, import_in_trainer_view, mallorys_pc, sams_pc

from workbook.keys import fingerprint, key_id
from workbook.store.activity import activity_count


def test_the_import_summary_names_the_squatters_pc_and_sams_file_imports(qtbot, open_window, library,
                                                                          monkeypatch, finish, tmp_path,
                                                                          data_dir, complete_everything):
    usb = tmp_path / "usb"
    usb.mkdir()
    sam_id, sam_zip = sams_pc(tmp_path / "sam-pc", usb, lambda learner: complete_everything(library, learner))
    mallorys_pc(tmp_path / "mallory-pc", sam_zip, sabotage=True)
    squat = export_from_mallory(tmp_path / "mallory-pc", sam_id, usb / "a4_00_squat.zip")
    _navigator, imports = import_in_trainer_view(open_window, library, monkeypatch, finish, data_dir, squat,
                                                 sam_zip)

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
