"""The third red team's bundle attacks end to end through `workbook import-progress`, `certificate`
and `verify-certificate`, as their scripts ran them (a6_run.sh, a4_run.sh, a3_run.sh): what the
trainer reads, and the exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from db_kit import opened
from row_theft_kit import (
    MALLORY_FP,
    TRAINER_KEY,
    bundle_rows,
    export_from_mallory,
    mallorys_pc,
    sams_pc,
    steal_by_merge,
    supersede_row,
    trainer_pc,
)
from sync_kit import make_server

from workbook.cli import main
from workbook.keys import fingerprint, key_id
from workbook.store.certificates import issued_with_key
from workbook.store.connection import open_database_url
from workbook.store.models import ActivityRecord
from workbook.store.quiz_questions import expand_payload
from workbook.store.row_provenance import refused_rows

TRAINER_ID = key_id(TRAINER_KEY.public_key())


@pytest.fixture
def sam(tmp_path, library, complete_everything) -> tuple[str, Path]:
    usb = tmp_path / "usb"
    usb.mkdir()
    return sams_pc(tmp_path / "sam-pc", usb, lambda learner: complete_everything(library, learner))


def workbook(trainer: Path, *args: str) -> int:
    return main([*args, "--data-dir", str(trainer)])


def test_a6_mallorys_copy_and_merge_leave_sams_certificate_his(tmp_path, sam, capsys):
    sam_id, sam_zip = sam
    _, thief_id = mallorys_pc(tmp_path / "mallory-pc", sam_zip, thief=True)
    copied, with_merge = steal_by_merge(tmp_path / "mallory-pc", sam_id, thief_id, tmp_path / "usb")
    trainer = trainer_pc(tmp_path / "trainer")
    assert workbook(trainer, "import-progress", str(copied), str(with_merge)) == 7
    out, err = capsys.readouterr()
    assert f"{copied}: Sam Taylor (new profile): 0 added, 0 already present" in out
    assert "profile merge waiting: Sam Taylor" in out and "profile merge recorded" not in out
    rows = len(bundle_rows(sam_zip)[1])
    assert f"{copied}: {rows} activity records refused from the PC 'MALLORY-PC' (key {MALLORY_FP})" in err
    assert "recorded on another PC" in err and "activity records refused; the rest" in err

    assert workbook(trainer, "import-progress", str(sam_zip)) == 7  # a merge refused: said, not silent
    out, err = capsys.readouterr()
    assert f"{sam_zip}: Sam Taylor (existing profile): {rows} added, 0 already present" in out
    assert f"{sam_zip}: profile merge refused: Sam Taylor ({sam_id[:8]}) merged into Mallory Thief" in err
    assert "NOT recorded: the merge was signed by the PC 'MALLORY-PC'" in err

    pdf = tmp_path / "a6_sam.pdf"
    assert workbook(trainer, "certificate", "--learner", "Sam Taylor", "--out", str(pdf)) == 0
    assert "for Sam Taylor written to" in capsys.readouterr().out
    assert workbook(trainer, "verify-certificate", str(pdf)) == 0
    assert capsys.readouterr().out.startswith("valid: Sam Taylor completed")
    thief_pdf = tmp_path / "a6_mallory_trainer_issued.pdf"
    assert workbook(trainer, "certificate", "--learner", "Mallory Thief", "--out", str(thief_pdf)) == 1
    assert "Mallory Thief is not eligible" in capsys.readouterr().err


def test_a4_squatted_ids_no_longer_lock_out_sams_genuine_bundle(tmp_path, sam, capsys):
    sam_id, sam_zip = sam
    mallorys_pc(tmp_path / "mallory-pc", sam_zip, sabotage=True)
    squat = export_from_mallory(tmp_path / "mallory-pc", sam_id, tmp_path / "usb" / "a4_00_squat.zip")
    trainer = trainer_pc(tmp_path / "trainer")
    assert workbook(trainer, "import-progress", str(squat), str(sam_zip)) == 7
    out, err = capsys.readouterr()
    rows = len(bundle_rows(sam_zip)[1])
    assert f"{squat}: Sam Taylor (new profile): 0 added, 0 already present" in out
    assert f"{sam_zip}: Sam Taylor (existing profile): {rows} added, 0 already present" in out
    assert f"{squat}: {rows} activity records refused from the PC 'MALLORY-PC' (key {MALLORY_FP})" in err
    assert "refused: conflict" not in err and "files refused" not in err
    assert workbook(trainer, "certificate", "--learner", "Sam Taylor", "--out", str(tmp_path / "s.pdf")) == 0
    with opened(trainer):  # the squat stays on record, with who sent it
        assert {row.pc for row in refused_rows(sam_id)} == {"MALLORY-PC"}


def test_a3_one_row_from_a_progress_only_pc_cannot_supersede_the_trainers_certificate(tmp_path, sam, capsys):
    sam_id, sam_zip = sam
    trainer = trainer_pc(tmp_path / "trainer")
    genuine = tmp_path / "sam_trainer_issued.pdf"
    assert workbook(trainer, "import-progress", str(sam_zip)) == 0
    assert workbook(trainer, "certificate", "--learner", "Sam Taylor", "--out", str(genuine)) == 0
    assert workbook(trainer, "verify-certificate", str(genuine)) == 0
    capsys.readouterr()

    row_id = supersede_row(tmp_path / "mallory-pc", genuine)
    forged = export_from_mallory(tmp_path / "mallory-pc", sam_id, tmp_path / "usb" / "a3_sam_supersede.zip")
    assert workbook(trainer, "import-progress", str(forged)) == 7
    out, err = capsys.readouterr()
    assert f"{forged}: Sam Taylor (existing profile): 0 added, 0 already present" in out
    assert (f"{forged}: 1 activity record refused from the PC 'MALLORY-PC' (key {MALLORY_FP}), e.g. activity "
            f"{row_id}: a certificate record naming the key {fingerprint(TRAINER_ID)}") in err
    assert workbook(trainer, "verify-certificate", str(genuine)) == 0
    assert capsys.readouterr().out.startswith("valid: Sam Taylor completed")
    with opened(trainer):
        (entry,) = issued_with_key(TRAINER_ID)  # the register holds the one certificate issued here
        assert entry.learner_id == sam_id and entry.certificate_id != "WB-2026-ZZZZ-ZZZZ"


@pytest.fixture(params=["sqlite", "postgres"])
def server_url(request, tmp_path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("fresh_pg_url")
    return make_server(tmp_path / "server")


def test_a4_through_sync_the_squat_is_refused_at_ingest_and_sams_pushed_rows_count(tmp_path, sam, server_url,
                                                                                   capsys):
    """The same squat pushed by Mallory's PC before Sam's PC syncs: the ingest (the same importer)
    keeps her copies aside and names her PC, and Sam's own rows reach the server."""
    sam_id, sam_zip = sam
    trainer = trainer_pc(tmp_path / "trainer")
    assert main(["sync", "--ingest", "--server", server_url, "--data-dir", str(trainer)]) == 0
    mallorys_pc(tmp_path / "mallory-pc", sam_zip, sabotage=True)
    for pc in ("mallory-pc", "sam-pc"):
        assert main(["sync", "--server", server_url, "--data-dir", str(tmp_path / pc)]) == 0
    capsys.readouterr()
    assert main(["sync", "--ingest", "--server", server_url, "--data-dir", str(trainer)]) == 7
    out, err = capsys.readouterr()
    rows = len(bundle_rows(sam_zip)[1])
    assert f"{rows} activity records added, 0 already present" in out
    assert f"{rows} activity records refused from the PC " in err and f"(key {MALLORY_FP})" in err
    assert "recorded on another PC" in err and "Traceback" not in err
    db = open_database_url(server_url)
    try:
        assert {row.key_fingerprint for row in refused_rows(sam_id)} == {MALLORY_FP}
        stored = dict(ActivityRecord.select(ActivityRecord.id, ActivityRecord.payload)
                      .where(ActivityRecord.learner == sam_id).tuples())
        assert {row["id"]: row["payload"] for row in bundle_rows(sam_zip)[1]} == {
            row_id: expand_payload(verb, stored[row_id], {}) for row_id, verb in
            ActivityRecord.select(ActivityRecord.id, ActivityRecord.verb).tuples()}
    finally:
        db.close()
