"""A row id, a profile and a certificate record belong to the PC that first sent them as its own
(red team 3: A6 "steal a colleague's progress through a merge", A4 "squat a colleague's row ids",
A3 "make a genuine certificate superseded"). Each attack is played with real keys, real bundles and
real SQLite files, in both orders of arrival."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from db_kit import opened
from row_theft_kit import (
    MALLORY_FP,
    SAM_FP,
    SAM_KEY,
    bundle_rows,
    export_from_mallory,
    mallorys_pc,
    sams_pc,
    steal_by_merge,
    trainer_pc,
)

from workbook.keys import CERTIFICATES, key_id, trusted_keys
from workbook.reports.issue import eligibility_for
from workbook.store.activity import activity_count
from workbook.store.bundle_merge import ImportResult, import_bundles
from workbook.store.bundles import export_bundle
from workbook.store.certificates import issued_with_key
from workbook.store.merge_vouching import progress_sources
from workbook.store.merges import survivor_of
from workbook.store.models import ActivityRecord, MergeRecord
from workbook.store.row_provenance import first_sources, refused_rows


@pytest.fixture
def sam(tmp_path, library, complete_everything) -> tuple[str, Path, int]:
    """Sam's id, his own bundle (on the USB stick every file passes through) and its row count."""
    usb = tmp_path / "usb"
    usb.mkdir()
    sam_id, bundle = sams_pc(tmp_path / "sam-pc", usb, lambda learner: complete_everything(library, learner))
    return sam_id, bundle, len(bundle_rows(bundle)[1])


def run_import(trainer: Path, *files: Path) -> list[ImportResult]:
    """The trainer's import, as the window and `import-progress` run it."""
    return import_bundles(files, trusted_keys(trainer), authorities=set(trusted_keys(trainer, CERTIFICATES)))


# --- A6: a merge vouched by a PC that only re-sent the profile's rows ---------------------------


def test_sams_rows_sent_first_from_mallorys_pc_are_refused_and_her_merge_is_never_recorded(tmp_path, sam):
    sam_id, sam_zip, rows = sam
    _, thief_id = mallorys_pc(tmp_path / "mallory-pc", sam_zip, thief=True)
    copied, with_merge = steal_by_merge(tmp_path / "mallory-pc", sam_id, thief_id, tmp_path / "usb")
    trainer = trainer_pc(tmp_path / "trainer")
    with opened(trainer):
        first, second = run_import(trainer, copied, with_merge)
        assert (first.merged.added, first.merged.already_present, len(first.merged.refused)) == (0, 0, rows)
        assert {row.pc for row in first.merged.refused} == {"MALLORY-PC"}
        assert "recorded on another PC" in first.merged.refused[0].reason
        assert activity_count(sam_id) == 0
        assert second.merged.merges == () and MergeRecord.select().count() == 0
        (waiting,) = second.merged.waiting  # Sam has no rows here: the merge waits for them
        assert (waiting.from_id, waiting.into_id) == (sam_id, thief_id)

        (own,) = run_import(trainer, sam_zip)  # Sam's genuine bundle arrives later: all of it counts
        assert (own.merged.added, own.merged.already_present, own.merged.refused) == (rows, 0, ())
        (withheld,) = own.merged.withheld  # Mallory's PC did not send Sam's rows: not her merge to make
        assert (withheld.from_id, withheld.into_id) == (sam_id, thief_id)
        assert "MALLORY-PC" in withheld.text() and "NOT recorded" in withheld.text()
        assert MergeRecord.select().count() == 0 and survivor_of(sam_id) == sam_id
        assert [(source.pc, source.rows) for source in progress_sources(sam_id)] == [("SAM-PC", rows)]
        kept = refused_rows(sam_id)  # who tried what stays on record
        assert len(kept) == rows and {row.key_fingerprint for row in kept} == {MALLORY_FP}


def test_a_copy_of_sams_rows_after_his_own_bundle_gains_mallorys_pc_nothing(tmp_path, sam):
    sam_id, sam_zip, rows = sam
    _, thief_id = mallorys_pc(tmp_path / "mallory-pc", sam_zip, thief=True)
    copied, with_merge = steal_by_merge(tmp_path / "mallory-pc", sam_id, thief_id, tmp_path / "usb")
    trainer = trainer_pc(tmp_path / "trainer")
    with opened(trainer):
        run_import(trainer, sam_zip)
        first, second = run_import(trainer, copied, with_merge)
        assert (first.merged.added, first.merged.already_present, first.merged.refused) == (0, rows, ())
        assert second.merged.merges == () and MergeRecord.select().count() == 0
        (withheld,) = second.merged.withheld
        assert (withheld.from_id, withheld.into_id) == (sam_id, thief_id)
        # The identical copy made Mallory's key a signer of nothing: only Sam's PC vouches for Sam.
        assert [(source.pc, source.rows) for source in progress_sources(sam_id)] == [("SAM-PC", rows)]
        ids = [row_id for (row_id,) in ActivityRecord.select(ActivityRecord.id)
               .where(ActivityRecord.learner == sam_id).tuples()]
        assert {source for source, _ in first_sources(ids).values()} == {key_id(SAM_KEY.public_key())}


@pytest.mark.parametrize("sam_first", [True, False], ids=["sam-first", "mallory-first"])
def test_a_pc_posing_as_sams_device_is_named_to_the_trainer(tmp_path, sam, sam_first):
    """Mallory's PC takes Sam's device id too, so her copy looks like his PC's own rows. Sam's bundle
    first: her merge is still withheld. Hers first: nothing here can tell the two PCs apart yet, so
    her merge is recorded; Sam's file then brings a second key for one device, and the import names
    both PCs and the merge made there (which PC is genuine is for the trainer to check)."""
    sam_id, sam_zip, rows = sam
    _, thief_id = mallorys_pc(tmp_path / "mallory-pc", sam_zip, thief=True, posing=True)
    copied, with_merge = steal_by_merge(tmp_path / "mallory-pc", sam_id, thief_id, tmp_path / "usb")
    trainer = trainer_pc(tmp_path / "trainer")
    with opened(trainer):
        files = [sam_zip, copied, with_merge] if sam_first else [copied, with_merge, sam_zip]
        results = run_import(trainer, *files)
        later = results[1] if sam_first else results[2]
        warning = later.merged.device_warning
        assert warning is not None and "two PCs claim one device" in warning
        assert f"'MALLORY-PC' (key {MALLORY_FP})" in warning and f"'SAM-PC' (key {SAM_FP})" in warning
        if sam_first:
            assert results[2].merged.merges == () and len(results[2].merged.withheld) == 1
            assert survivor_of(sam_id) == sam_id
        else:  # her merge got in first: the warning points the trainer at it
            assert (f"profile merges made on a PC with that device id: Sam Taylor ({sam_id[:8]}) merged into "
                    f"Mallory Thief ({thief_id[:8]})") in warning
        assert ActivityRecord.select().count() == rows  # one copy of each row, whoever sent it first


# --- A4: a colleague's row ids squatted with sabotaged copies -----------------------------------


def test_squatted_ids_sent_first_do_not_lock_out_sams_own_bundle(tmp_path, sam, library):
    sam_id, sam_zip, rows = sam
    mallorys_pc(tmp_path / "mallory-pc", sam_zip, sabotage=True)
    squat = export_from_mallory(tmp_path / "mallory-pc", sam_id, tmp_path / "usb" / "a4_00_squat.zip")
    trainer = trainer_pc(tmp_path / "trainer")
    with opened(trainer):
        (squatted,) = run_import(trainer, squat)
        assert squatted.merged.added == 0 and len(squatted.merged.refused) == rows
        assert activity_count(sam_id) == 0
        (own,) = run_import(trainer, sam_zip)
        assert not own.refused, own.reason
        assert (own.merged.added, own.merged.refused) == (rows, ())
        assert eligibility_for(library, sam_id).eligible
        assert {(row.pc, row.key_fingerprint) for row in refused_rows(sam_id)} == {("MALLORY-PC", MALLORY_FP)}


def test_sabotaged_copies_after_sams_bundle_are_refused_on_mallorys_import_naming_sams_pc(tmp_path, sam,
                                                                                           library):
    sam_id, sam_zip, rows = sam
    mallorys_pc(tmp_path / "mallory-pc", sam_zip, sabotage=True, posing=True)  # past the device check too
    squat = export_from_mallory(tmp_path / "mallory-pc", sam_id, tmp_path / "usb" / "a4_00_squat.zip")
    pairs = zip(bundle_rows(sam_zip)[1], bundle_rows(squat)[1], strict=True)
    changed = sum(own != copy for own, copy in pairs)
    trainer = trainer_pc(tmp_path / "trainer")
    with opened(trainer):
        run_import(trainer, sam_zip)
        (squatted,) = run_import(trainer, squat)
        assert not squatted.refused  # the file is not refused as a whole: its sabotaged rows are
        refused = squatted.merged.refused
        assert (squatted.merged.added, squatted.merged.already_present, len(refused)) == (
            0, rows - changed, changed)
        assert {row.pc for row in refused} == {"MALLORY-PC"}
        assert f"the PC 'SAM-PC' (key {SAM_FP}) sent first" in refused[0].reason
        assert eligibility_for(library, sam_id).eligible and activity_count(sam_id) == rows


def test_sams_rows_after_a_posing_squat_are_kept_aside_naming_the_squatter(tmp_path, sam):
    """The order a device check cannot settle alone: Mallory's PC poses as Sam's and gets there first.
    Sam's file still imports; his rows that her copies hold are kept aside (nothing lost), named with
    her PC, and the import says two PCs claim his device."""
    sam_id, sam_zip, rows = sam
    mallorys_pc(tmp_path / "mallory-pc", sam_zip, sabotage=True, posing=True)
    squat = export_from_mallory(tmp_path / "mallory-pc", sam_id, tmp_path / "usb" / "a4_00_squat.zip")
    trainer = trainer_pc(tmp_path / "trainer")
    with opened(trainer):
        run_import(trainer, squat)
        (own,) = run_import(trainer, sam_zip)
        assert not own.refused, own.reason
        assert own.merged.refused and {row.pc for row in own.merged.refused} == {"SAM-PC"}
        assert f"the PC 'MALLORY-PC' (key {MALLORY_FP}) sent first" in own.merged.refused[0].reason
        assert "MALLORY-PC" in own.merged.device_warning
        assert {row.pc for row in refused_rows(sam_id)} == {"SAM-PC"}
        (again,) = run_import(trainer, sam_zip)  # not marked as merged: named again at every import
        assert len(again.merged.refused) == len(own.merged.refused)
        assert len(refused_rows(sam_id)) == len(own.merged.refused)  # kept once


def test_a_pc_changing_its_own_row_is_still_refused_as_a_whole(tmp_path, sam):
    """Rows never change once recorded: the PC that sent a row first cannot send another version."""
    sam_id, sam_zip, rows = sam
    trainer = trainer_pc(tmp_path / "trainer")
    with opened(trainer):
        run_import(trainer, sam_zip)
    with opened(tmp_path / "sam-pc") as db:
        victim = db.execute_sql("SELECT id FROM activity WHERE verb = 'call-ended' LIMIT 1").fetchone()[0]
        db.execute_sql("DROP TRIGGER activity_is_append_only_update")
        db.execute_sql("UPDATE activity SET payload = '{\"percent\": 100}' WHERE id = ?", (victim,))
    with opened(tmp_path / "sam-pc"):
        edited = export_bundle(sam_id, tmp_path / "usb" / "edited.zip", SAM_KEY, installation="SAM-PC").path
    with opened(trainer):
        (result,) = run_import(trainer, edited)
        assert result.refused and f"conflict: activity {victim} differs" in result.reason


# --- A3: the register holds only what the issuing key itself recorded ---------------------------


def test_a_certificate_record_enters_the_register_of_its_key_only_when_that_key_sent_it(tmp_path, sam,
                                                                                          library):
    """Trainer PC 1 issues Sam's certificate and exports his profile; trainer PC 2 imports it from PC 1
    itself (it enters PC 1's register there), trainer PC 3 gets the same record relayed by PC 2 (a
    trainer's PC may relay it, but it is not PC 1's word, so PC 1's register there stays empty)."""
    sam_id, sam_zip, _ = sam
    from sync_kit import with_key

    from workbook.keys import PROGRESS, trust_key
    from workbook.reports.issue import issue_certificate

    keys = {name: Ed25519PrivateKey.from_private_bytes(bytes([seed] * 32))
            for name, seed in (("one", 21), ("two", 22), ("three", 23))}
    folders = {name: with_key(tmp_path / f"trainer-{name}", key) for name, key in keys.items()}
    for name, folder in folders.items():
        trust_key(SAM_KEY.public_key(), folder, "SAM-PC", (PROGRESS,))
        for other, key in keys.items():
            if other != name:
                trust_key(key.public_key(), folder, f"TRAINER-{other.upper()}", (PROGRESS, CERTIFICATES))
    one_id = key_id(keys["one"].public_key())
    with opened(folders["one"]):
        run_import(folders["one"], sam_zip)
        issued = issue_certificate(library, sam_id, folders["one"], tmp_path / "sam.pdf")
        from_one = export_bundle(sam_id, tmp_path / "from-one.zip", keys["one"], installation="TRAINER-ONE")
    with opened(folders["two"]):
        (result,) = run_import(folders["two"], from_one.path)
        assert result.merged.refused == ()
        assert [entry.certificate_id for entry in issued_with_key(one_id)] == [issued.certificate_id]
        relayed = export_bundle(sam_id, tmp_path / "from-two.zip", keys["two"], installation="TRAINER-TWO")
    with opened(folders["three"]):
        (result,) = run_import(folders["three"], relayed.path)
        assert result.merged.refused == () and result.merged.added == len(bundle_rows(relayed.path)[1])
        assert issued_with_key(one_id) == []
