"""The trainer's drill-down into a learner names the records imports refused: Mallory's PC sends a
copy of Sam's rows (row_theft_kit), the trainer imports it and Sam's own file through *Import
progress…*, and Sam's drill-down says how many were refused, from which PC and key, and why."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser, QWidget
from row_theft_kit import (
    MALLORY_FP,
    bundle_rows,
    export_from_mallory,
    import_in_trainer_view,
    mallorys_pc,
    sams_pc,
)

from workbook.paths import database_path
from workbook.store.activity import record_section_read
from workbook.store.bundles import BundleSigner
from workbook.store.connection import open_database
from workbook.store.learners import create_learner
from workbook.store.merges import merge_learners
from workbook.store.row_provenance import keep_refused
from workbook.ui.trainer.learner_detail import learner_detail_html


def read_three(learner_id: str) -> None:
    for section in ("s1", "s2", "s3"):
        record_section_read(learner_id, "empathy", section)


def drill_down_text(qtbot, page, learner_id: str) -> str:
    """Open the learner's drill-down as the dashboard does, and read the text it shows."""
    before = set(QApplication.topLevelWidgets())
    page.learner_opened.emit(learner_id)  # built off the GUI thread, then shown

    def opened() -> list[QWidget]:
        return [widget for widget in QApplication.topLevelWidgets()
                if widget not in before and isinstance(widget, QDialog)]

    qtbot.waitUntil(lambda: bool(opened()))
    dialog = opened()[0]
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Learner detail"
    text = dialog.findChild(QTextBrowser).toPlainText()
    dialog.close()
    return text


def test_the_drill_down_names_the_records_an_import_refused(qtbot, open_window, library, monkeypatch, finish,
                                                           tmp_path, data_dir):
    usb = tmp_path / "usb"
    usb.mkdir()
    sam_id, sam_zip = sams_pc(tmp_path / "sam-pc", usb, read_three)
    mallorys_pc(tmp_path / "mallory-pc", sam_zip)
    copy = export_from_mallory(tmp_path / "mallory-pc", sam_id, usb / "copy.zip")
    rows = len(bundle_rows(sam_zip)[1])
    navigator, imports = import_in_trainer_view(open_window, library, monkeypatch, finish, data_dir, copy,
                                                sam_zip)
    page = navigator.trainer.page
    imports.summary.close()
    ana = create_learner("Ana Lima")

    shown = drill_down_text(qtbot, page, sam_id)
    assert (f"{rows} records refused at import from the PC 'MALLORY-PC' (key {MALLORY_FP}): recorded on "
            "another PC (device ") in shown
    assert shown.index("Sam Taylor") < shown.index("refused at import") < shown.index("Pace:")
    assert "Traceback" not in shown and "File \"" not in shown
    assert "refused at import" not in drill_down_text(qtbot, page, ana.id)


def test_a_merged_profiles_refused_records_show_and_many_kinds_are_cut_short(qapp, library, data_dir):
    db = open_database(database_path(data_dir))
    try:
        sam, old = create_learner("Sam Taylor", "E100"), create_learner("Sam T.")
        merge_learners(old.id, sam.id)
        for number in range(4):  # four PCs, one refused row each, the last one newest
            row = {"id": f"row-{number}", "learner_id": old.id, "verb": "section-read"}
            keep_refused([(row, f"reason {number}")], BundleSigner(f"{number:016x}", f"PC-{number}", b""),
                         f"2026-03-0{number + 1}T09:00:00.000000Z")
        html = learner_detail_html(library, sam.id)
    finally:
        db.close()
    assert html.count("refused at import") == 3
    assert html.index("PC-3") < html.index("PC-2") < html.index("PC-1") and "PC-0" not in html
    assert ("1 record refused at import from the PC &#x27;PC-3&#x27; (key 0000-0000-0000-0003): "
            "reason 3") in html
    assert f"1 more group of refused records: workbook refused-records --learner {sam.id}" in html
