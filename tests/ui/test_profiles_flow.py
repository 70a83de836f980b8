"""Profiles under the trainer, on real widgets and real SQLite files: archived learners stay visible
and come back with Restore, two profiles of one person are merged, and progress moves between PCs
without a terminal (export every learner; import many files with trust and merge offers)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from workbook.keys import trusted_keys
from workbook.paths import database_path
from workbook.store import cohorts, learners
from workbook.store.activity import read_sections, record_section_read
from workbook.store.bundle_reading import read_bundle
from workbook.store.bundles import export_bundle
from workbook.store.connection import open_database
from workbook.store.merges import survivor_of
from workbook.ui import dialogs
from workbook.ui.trainer import passphrase_dialog

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _answers(monkeypatch, confirm: bool = True, **answers) -> list:
    shown: list = []
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    monkeypatch.setattr(dialogs, "confirm", lambda *args: confirm)
    monkeypatch.setattr(dialogs, "ask_folder", lambda *args: answers.get("folder"))
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *args: answers.get("files", []))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append("ERROR " + text))
    return shown


def test_an_archived_learner_stays_marked_for_the_trainer_and_is_restored(qtbot, open_window, library,
                                                                          monkeypatch, finish):
    navigator = open_window(library)
    _answers(monkeypatch)
    kim, lee = learners.create_learner("Kim Park", "E7"), learners.create_learner("Lee Ross")
    group = cohorts.create_cohort("Day shift")
    cohorts.enrol(group.id, [kim.id, lee.id])
    navigator.show_profiles()
    page = navigator.profile_page
    page.refresh(preselect_id=kim.id)
    page.archive_button.click()  # "Remove from this list…", confirmed
    assert [page.profile_list.item(i).text() for i in range(page.profile_list.count())] == ["Lee Ross"]

    navigator.window.trainer_requested.emit()
    trainer = navigator.trainer
    trainer.refresh(group.id)
    finish(trainer.loading)
    names = [trainer.page.model.index(row, 0).data() for row in range(trainer.page.model.rowCount())]
    assert "Kim Park (archived)" in names and "Lee Ross" in names

    trainer.page.archived_button.click()
    view = trainer.learners.view
    assert view.isVisible() and [row.id for row in view.rows] == [kim.id]
    assert view.table.item(0, 4).text() == "archived"
    view.table.selectRow(0)
    assert view.restore_button.isEnabled()
    view.restore_button.click()
    assert view.rows == [] and view.empty.text() == "No archived learners."
    assert {learner.id for learner in learners.active_learners()} == {kim.id, lee.id}
    finish(trainer.loading)
    names = [trainer.page.model.index(row, 0).data() for row in range(trainer.page.model.rowCount())]
    assert sorted(names) == ["Kim Park", "Lee Ross"]


def test_namesakes_are_told_apart_and_merged_by_the_trainer(qtbot, open_window, library, monkeypatch):
    navigator = open_window(library)
    shown = _answers(monkeypatch)
    first, second = learners.create_learner("Sam Taylor"), learners.create_learner("Sam Taylor")
    record_section_read(first.id, "empathy", "s1", now=T0)
    navigator.show_profiles()
    labels = sorted(navigator.profile_page.profile_list.item(i).text()
                    for i in range(navigator.profile_page.profile_list.count()))
    assert labels == ["Sam Taylor (no ID, first activity 2026-03-02)", "Sam Taylor (no ID, no activity yet)"]

    navigator.window.trainer_requested.emit()
    navigator.trainer.page.learners_button.click()
    view = navigator.trainer.learners.view
    assert len(view.rows) == 2 and view.merge_button.isEnabled()
    view.merge_from.setCurrentIndex(view.merge_from.findData(first.id))
    view.merge_into.setCurrentIndex(view.merge_into.findData(second.id))
    view.merge_button.click()
    assert not shown  # no error
    assert [row.id for row in view.rows] == [second.id]
    assert read_sections(second.id) == {"empathy": {"s1"}}
    assert "1 record now counts for Sam Taylor" in navigator.window.save_status.text()
    navigator.show_profiles()
    assert navigator.profile_page.profile_list.count() == 1


def _other_pc(folder: Path, key: Ed25519PrivateKey, out: Path, *people: tuple[str, str | None]) -> list[Path]:
    """Bundles written on another PC (its own database and key) before this app opens."""
    db = open_database(database_path(folder))
    try:
        made = []
        for name, employee_id in people:
            learner = learners.create_learner(name, employee_id)
            record_section_read(learner.id, "empathy", f"s-{name}", now=T0)
            made.append(export_bundle(learner.id, out / f"{name}.zip", key, installation="FRONT-DESK-3").path)
        return made
    finally:
        db.close()


def test_import_many_files_trusting_a_new_pc_and_merging_a_clash(qtbot, open_window, library, monkeypatch,
                                                                 finish, tmp_path, data_dir):
    stranger = Ed25519PrivateKey.generate()
    inbox = tmp_path / "usb"
    inbox.mkdir()
    ana_zip, bo_zip = _other_pc(tmp_path / "pc", stranger, inbox, ("Ana Lima", "E1"), ("Bo Chen", None))
    broken = inbox / "broken.zip"
    broken.write_bytes(b"not a bundle")
    navigator = open_window(library)
    asked: list[str] = []
    _answers(monkeypatch, files=[str(ana_zip), str(bo_zip), str(broken)])
    local_ana = learners.create_learner("Ana L.", "E1")
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    monkeypatch.setattr(imports, "offer_trust", lambda signer: asked.append(
        f"{signer.installation} {signer.fingerprint}") or True)
    monkeypatch.setattr(imports, "offer_merge", lambda result, local: asked.append(local.id) or True)

    navigator.trainer.page.import_button.click()
    for _ in range(3):  # first pass, then the trusted files, then the merged one
        finish(imports.running)
    assert asked[0] == f"FRONT-DESK-3 {read_bundle(bo_zip).signer.fingerprint}"
    assert asked[1] == local_ana.id
    assert read_bundle(bo_zip).signer.key_id in trusted_keys(data_dir)
    summary = imports.summary
    assert summary is not None and summary.isVisible()
    rows = {summary.table.item(r, 0).text(): [summary.table.item(r, c).text() for c in range(5)]
            for r in range(summary.table.rowCount())}
    assert rows["Bo Chen.zip"][1:4] == ["Bo Chen", "1", "0"] and rows["Bo Chen.zip"][4] == "new profile"
    assert rows["Ana Lima.zip"][2] == "1" and "1 profile merge" in rows["Ana Lima.zip"][4]
    assert rows["broken.zip"][4].startswith("refused: not a progress bundle")
    assert "2 rows added, 1 refused" in summary.headline.text()
    assert read_sections(local_ana.id) == {"empathy": {"s-Ana Lima"}}
    assert survivor_of(read_bundle(ana_zip).learner.id) == local_ana.id


def test_a_declined_pc_stays_refused(qtbot, open_window, library, monkeypatch, finish, tmp_path):
    inbox = tmp_path / "usb"
    inbox.mkdir()
    (bo_zip,) = _other_pc(tmp_path / "pc", Ed25519PrivateKey.generate(), inbox, ("Bo Chen", None))
    navigator = open_window(library)
    _answers(monkeypatch, files=[str(bo_zip)])
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    monkeypatch.setattr(imports, "offer_trust", lambda signer: False)
    navigator.trainer.page.import_button.click()
    finish(imports.running)
    assert imports.summary.table.item(0, 4).text().startswith("refused: not trusted: signed by the PC "
                                                              "'FRONT-DESK-3'")
    assert learners.active_learners() == []


def test_export_this_pcs_progress_writes_one_signed_bundle_per_learner(qtbot, open_window, library,
                                                                       monkeypatch, finish, tmp_path):
    navigator = open_window(library)
    stick = tmp_path / "stick"
    stick.mkdir()
    shown = _answers(monkeypatch, folder=str(stick))
    one, two = learners.create_learner("Sam Taylor"), learners.create_learner("Sam Taylor")
    gone = learners.create_learner("Old Profile")
    learners.archive_learner(gone.id)
    record_section_read(one.id, "empathy", "s1", now=T0)
    navigator.window.export_progress_requested.emit()
    finish(navigator.progress_export.running)
    written = sorted(stick.glob("*.zip"))
    assert len(written) == 3  # namesakes get separate files; the archived profile travels too
    assert {read_bundle(path).learner.id for path in written} == {one.id, two.id, gone.id}
    assert "3 progress files (1 activity records)" in shown[-1]
    own = read_bundle(written[0]).signer.fingerprint  # what the trainer's PC shows when asked to trust it
    assert f"This PC's key fingerprint: {own}." in shown[-1]


def test_export_this_pcs_progress_needs_the_trainer_passphrase_when_one_is_set(qtbot, open_window, library,
                                                                              monkeypatch, finish, tmp_path):
    """As `workbook export-progress` does: with a trainer passphrase set, a wrong one writes nothing."""
    from workbook.store.trainer import set_passphrase

    navigator = open_window(library)
    stick = tmp_path / "stick"
    stick.mkdir()
    _answers(monkeypatch, folder=str(stick))
    asked = []
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: asked.append(1) or False)
    learners.create_learner("Sam Taylor")
    set_passphrase("correct horse battery")
    navigator.window.export_progress_requested.emit()
    assert asked == [1] and navigator.progress_export.running is None
    assert list(stick.iterdir()) == []
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: asked.append(2) or True)
    navigator.window.export_progress_requested.emit()
    finish(navigator.progress_export.running)
    assert asked == [1, 2] and len(list(stick.glob("*.zip"))) == 1


def test_trusting_a_pc_at_import_trusts_its_bundles_not_its_certificates(qtbot, open_window, library,
                                                                         monkeypatch, finish, tmp_path,
                                                                         data_dir, complete_everything):
    """The "Trust this PC?" offer (answered yes through its method: never a modal) lets the PC's bundles
    in, but a certificate that PC's key signed stays "not a trusted issuer" on the trainer's PC."""
    from workbook.keys import CERTIFICATES, fingerprint, key_id
    from workbook.reports.issue import issue_certificate
    from workbook.reports.verify import Status, verify_certificate
    from workbook.store.certificates import issued_with_key

    learner_pc = Ed25519PrivateKey.generate()
    inbox = tmp_path / "usb"
    inbox.mkdir()
    (bo_zip,) = _other_pc(tmp_path / "pc", learner_pc, inbox, ("Bo Chen", None))
    db = open_database(database_path(tmp_path / "pc"))
    try:  # on that PC, someone mints a certificate with its key for a learner who did nothing here
        mallory = learners.create_learner("Mallory Minted", None)
        complete_everything(library, mallory.id)
        minted = issue_certificate(library, mallory.id, tmp_path / "pc", tmp_path / "minted.pdf",
                                   key=learner_pc).path
    finally:
        db.close()
    navigator = open_window(library)
    _answers(monkeypatch, files=[str(bo_zip)])
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    asked: list[str] = []
    monkeypatch.setattr(imports, "offer_trust", lambda signer: asked.append(signer.installation) or True)
    navigator.trainer.page.import_button.click()
    for _ in range(2):  # the refused pass, then the file again once its PC is trusted
        finish(imports.running)
    assert asked == ["FRONT-DESK-3"]
    assert [imports.summary.table.item(0, c).text() for c in (1, 2)] == ["Bo Chen", "1"]  # rows added
    signer = key_id(learner_pc.public_key())
    assert signer in trusted_keys(data_dir) and signer not in trusted_keys(data_dir, CERTIFICATES)
    result = verify_certificate(minted, data_dir, issued_with_key)
    assert result.status == Status.NOT_AN_ISSUER
    assert result.message.startswith(f"signed by 'FRONT-DESK-3' ({fingerprint(signer)}), a PC trusted for "
                                     "progress only, not as a certificate issuer: not valid")


def test_the_import_summary_counts_files_and_rows_in_singular_and_plural(qtbot):
    from workbook.store.bundle_merge import ImportResult, MergeResult
    from workbook.ui.trainer.progress_import import ImportSummary

    def headline(added_per_file: list[int]) -> str:
        results = [ImportResult(Path(f"f{i}.zip"), MergeResult("l1", "Sam Taylor", f"f{i}", added, 0, 0, 1))
                   for i, added in enumerate(added_per_file)]
        summary = ImportSummary(None, results)
        qtbot.addWidget(summary)
        return summary.headline.text()

    assert headline([1]) == "1 file: 1 row added"
    assert headline([2, 0]) == "2 files: 2 rows added"
