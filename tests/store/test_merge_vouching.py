"""A profile merge carried by a bundle or sync batch is recorded only when the signing PC sent every
row of the profile it moves away: a learner cannot make a profile with a colleague's id on his own
PC, merge it into himself and take her progress (red team: "Stealing another learner's progress")."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from db_kit import opened
from merge_theft_kit import BEN_KEY, MIA_KEY, T0, bens_pc, mias_pc
from sync_kit import make_server, with_key

from workbook.cli import main
from workbook.keys import CERTIFICATES, PROGRESS, fingerprint, key_id, trust_key, trusted_keys
from workbook.store.activity import activity_count, read_sections, record_section_read
from workbook.store.bundle_merge import import_bundles
from workbook.store.bundles import export_bundle
from workbook.store.learners import create_learner
from workbook.store.merge_vouching import progress_sources, record_withheld
from workbook.store.merges import merge_learners, person_ids, survivor_of
from workbook.store.models import LearnerRecord, MergeRecord

TRAINER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(9, 41)))


def trainer_folder(folder: Path) -> Path:
    """A trainer PC with its own key, trusting Mia's and Ben's PCs for progress."""
    with_key(folder, TRAINER_KEY)
    trust_key(MIA_KEY.public_key(), folder, "MIA-PC", (PROGRESS,))
    trust_key(BEN_KEY.public_key(), folder, "BEN-PC", (PROGRESS,))
    return folder


@pytest.fixture
def attack(tmp_path) -> tuple[str, Path, str, Path, Path]:
    out = tmp_path / "usb"
    out.mkdir()
    mia_id, mia_zip = mias_pc(tmp_path / "mia-pc", out)
    ben_id, ben_zip = bens_pc(tmp_path / "ben-pc", out, mia_id)
    return mia_id, mia_zip, ben_id, ben_zip, trainer_folder(tmp_path / "trainer")


def test_a_merge_from_a_pc_that_did_not_send_the_profiles_rows_is_withheld(attack):
    mia_id, mia_zip, ben_id, ben_zip, trainer = attack
    with opened(trainer):
        keys = trusted_keys(trainer)
        authorities = set(trusted_keys(trainer, CERTIFICATES))
        import_bundles([mia_zip], keys, authorities=authorities)
        (result,) = import_bundles([ben_zip], keys, authorities=authorities)
        assert result.merged is not None and result.merged.learners_created == 1  # Ben's profile came in
        assert result.merged.merges == () and result.merged.merges_added == 0
        (withheld,) = result.merged.withheld
        assert (withheld.from_id, withheld.into_id) == (mia_id, ben_id)
        assert survivor_of(mia_id) == mia_id and person_ids(ben_id) == [ben_id]
        assert MergeRecord.select().count() == 0
        assert read_sections(mia_id) == {"empathy": {"s1", "s2", "s3"}}
        assert activity_count(ben_id) == 0
        line = withheld.text()
        assert line.startswith(f"Mia Chen ({mia_id[:8]}) merged into Ben Ross ({ben_id[:8]}) NOT recorded")
        assert f"signed by the PC 'BEN-PC' (key {fingerprint(key_id(BEN_KEY.public_key()))})" in line
        assert f"3 from the PC 'MIA-PC' (key {fingerprint(key_id(MIA_KEY.public_key()))})" in line
        assert f"merge-learners {mia_id} {ben_id}" in line
        # The same file again adds nothing and still records no merge.
        (again,) = import_bundles([ben_zip], keys, authorities=authorities)
        assert again.merged is not None and MergeRecord.select().count() == 0
        # A trainer who knows better may record the signed merge as it came.
        applied = record_withheld(withheld)
        assert applied is not None and survivor_of(mia_id) == ben_id
        assert MergeRecord.get().id == withheld.record["id"]


def test_a_learners_own_merge_of_two_profiles_on_her_pc_is_recorded(tmp_path):
    pc, trainer = tmp_path / "pc", trainer_folder(tmp_path / "trainer")
    with opened(pc):
        old, new = create_learner("Mia Chen"), create_learner("Mia C.")
        record_section_read(old.id, "empathy", "s1", now=T0)
        record_section_read(new.id, "empathy", "s2", now=T0)
        first = export_bundle(old.id, tmp_path / "old.zip", MIA_KEY, installation="MIA-PC").path
        merge_learners(old.id, new.id)
        later = export_bundle(new.id, tmp_path / "new.zip", MIA_KEY, installation="MIA-PC").path
    with opened(trainer):
        import_bundles([first], trusted_keys(trainer))
        (result,) = import_bundles([later], trusted_keys(trainer))
        assert result.merged.withheld == () and result.merged.merges_added == 1
        assert survivor_of(old.id) == new.id and read_sections(new.id) == {"empathy": {"s1", "s2"}}


def test_rows_recorded_on_the_trainer_pc_are_spoken_for_only_by_the_trainer(tmp_path):
    """A profile with rows recorded here (or imported before signers were recorded) vouches for no
    learner PC; a trainer PC trusted as an issuer may still merge it."""
    trainer = trainer_folder(tmp_path / "trainer")
    with opened(tmp_path / "ben-pc"):
        ben = create_learner("Ben Ross")
    with opened(trainer):
        here = create_learner("Walk-in")
        record_section_read(here.id, "empathy", "s1", now=T0)
        assert [source.text() for source in progress_sources(here.id)] == [
            "1 recorded on this PC or imported before their PC was recorded"]
    with opened(tmp_path / "ben-pc"):
        LearnerRecord.create(id=here.id, display_name="Walk-in", employee_id=None, created_at="2026-01-01")
        merge_learners(here.id, ben.id)
        ben_zip = export_bundle(ben.id, tmp_path / "ben.zip", BEN_KEY, installation="BEN-PC").path
    with opened(trainer):
        (result,) = import_bundles([ben_zip], trusted_keys(trainer))
        assert len(result.merged.withheld) == 1 and survivor_of(here.id) == here.id
    other = trainer_folder(tmp_path / "other-trainer")
    trust_key(BEN_KEY.public_key(), other, "BEN-PC", (CERTIFICATES,))  # as if Ben's PC were a trainer's
    with opened(other):
        record_section_read(LearnerRecord.create(id=here.id, display_name="Walk-in", employee_id=None,
                                                 created_at="2026-01-01").id, "empathy", "s1", now=T0)
        (result,) = import_bundles([ben_zip], trusted_keys(other),
                                   authorities=set(trusted_keys(other, CERTIFICATES)))
        assert result.merged.withheld == () and survivor_of(here.id) == ben.id


def test_import_progress_refuses_the_merge_names_both_pcs_and_imports_the_rest(attack, capsys):
    mia_id, mia_zip, ben_id, ben_zip, trainer = attack
    assert main(["--data-dir", str(trainer), "import-progress", str(mia_zip)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(trainer), "import-progress", str(ben_zip)]) == 7
    out, err = capsys.readouterr()
    assert "ben.zip: Ben Ross (new profile): 0 added, 0 already present" in out
    assert "profile merge recorded" not in out
    assert (f"ben.zip: profile merge refused: Mia Chen ({mia_id[:8]}) merged into Ben Ross ({ben_id[:8]}) "
            "NOT recorded: the merge was signed by the PC 'BEN-PC'") in err
    assert "3 from the PC 'MIA-PC'" in err and "1 profile merge refused" in err
    with opened(trainer):
        assert survivor_of(mia_id) == mia_id and LearnerRecord.get_or_none(LearnerRecord.id == ben_id)


def synced_setup(tmp_path: Path) -> tuple[str, str, str, Path]:
    """A sync server, Mia's and Ben's PCs (not synced yet) and a trainer that has ingested once."""
    url = make_server(tmp_path / "server")
    out = tmp_path / "usb"
    out.mkdir()
    mia_id, _ = mias_pc(with_key(tmp_path / "mia-pc", MIA_KEY), out)
    ben_id, _ = bens_pc(with_key(tmp_path / "ben-pc", BEN_KEY), out, mia_id)
    trainer = trainer_folder(tmp_path / "trainer")
    assert main(["sync", "--ingest", "--server", url, "--data-dir", str(trainer)]) == 0
    return url, mia_id, ben_id, trainer


def test_sync_ingest_withholds_the_merge_too(tmp_path, capsys):
    url, mia_id, ben_id, trainer = synced_setup(tmp_path)
    for pc in ("mia-pc", "ben-pc"):
        assert main(["sync", "--server", url, "--data-dir", str(tmp_path / pc)]) == 0
    capsys.readouterr()
    assert main(["sync", "--ingest", "--server", url, "--data-dir", str(trainer)]) == 7
    out_text, err = capsys.readouterr()
    assert "profile merge recorded" not in out_text
    assert (f"profile merge refused: Mia Chen ({mia_id[:8]}) merged into Ben Ross ({ben_id[:8]}) NOT "
            "recorded: the merge was signed by the PC") in err
    assert f"(key {fingerprint(key_id(BEN_KEY.public_key()))}), but Mia Chen" in err
    assert err.count("profile merge refused") == 1  # both of Ben's batches carry it: named once
    from workbook.store.connection import open_database_url

    db = open_database_url(url)
    try:
        assert survivor_of(mia_id) == mia_id and MergeRecord.select().count() == 0
        assert read_sections(mia_id) == {"empathy": {"s1", "s2", "s3"}}
    finally:
        db.close()


def test_sync_ingest_names_a_merge_that_waits_for_its_profiles_rows(tmp_path, capsys):
    """Ben's batches arrive before Mia's PC ever synced: the merge is neither recorded nor silent."""
    url, mia_id, ben_id, trainer = synced_setup(tmp_path)
    assert main(["sync", "--server", url, "--data-dir", str(tmp_path / "ben-pc")]) == 0
    capsys.readouterr()
    assert main(["sync", "--ingest", "--server", url, "--data-dir", str(trainer)]) == 0
    out_text = capsys.readouterr().out
    assert "profile merge recorded" not in out_text
    (line,) = [line for line in out_text.splitlines() if "profile merge waiting:" in line]
    assert f"({mia_id[:8]}) merged into Ben Ross ({ben_id[:8]})" in line  # Mia is not known here yet


def test_a_merge_of_a_profile_with_no_rows_here_waits_and_the_theft_fails_in_either_order(attack):
    """Ben's file first: Mia has no rows here yet, so the merge waits rather than catching her rows
    when they come; when they come from her own PC, it is withheld and named at that import."""
    mia_id, mia_zip, ben_id, ben_zip, trainer = attack
    with opened(trainer):
        (first,) = import_bundles([ben_zip], trusted_keys(trainer))
        assert first.merged.merges == () and first.merged.withheld == ()
        assert MergeRecord.select().count() == 0 and survivor_of(mia_id) == mia_id
        (second,) = import_bundles([mia_zip], trusted_keys(trainer))
        (withheld,) = second.merged.withheld
        assert (withheld.from_id, withheld.into_id, withheld.signer_pc) == (mia_id, ben_id, "BEN-PC")
        assert second.merged.merges == () and MergeRecord.select().count() == 0
        assert survivor_of(mia_id) == mia_id and read_sections(mia_id) == {"empathy": {"s1", "s2", "s3"}}
        (again,) = import_bundles([mia_zip], trusted_keys(trainer))  # decided once, not asked again
        assert again.merged.withheld == ()


def test_a_roster_profile_with_no_rows_yet_is_not_merged_away_by_another_pc(attack):
    mia_id, mia_zip, ben_id, ben_zip, trainer = attack
    with opened(trainer):
        LearnerRecord.create(id=mia_id, display_name="Mia Chen", employee_id="E200", created_at="2026-01-01")
        import_bundles([ben_zip], trusted_keys(trainer))
        assert survivor_of(mia_id) == mia_id
        (result,) = import_bundles([mia_zip], trusted_keys(trainer))
        assert [merge.into_id for merge in result.merged.withheld] == [ben_id]
        assert survivor_of(mia_id) == mia_id


def test_a_learners_merge_arriving_before_the_merged_profiles_rows_is_recorded_with_them(tmp_path):
    pc, trainer = tmp_path / "pc", trainer_folder(tmp_path / "trainer")
    with opened(pc):
        old, new = create_learner("Mia Chen"), create_learner("Mia C.")
        record_section_read(old.id, "empathy", "s1", now=T0)
        merge_learners(old.id, new.id)
        new_zip = export_bundle(new.id, tmp_path / "new.zip", MIA_KEY, installation="MIA-PC").path
        old_zip = export_bundle(old.id, tmp_path / "old.zip", MIA_KEY, installation="MIA-PC").path
    with opened(trainer):
        (first,) = import_bundles([new_zip], trusted_keys(trainer))
        assert first.merged.merges == () and survivor_of(old.id) == old.id  # waits for Mia's old rows
        (second,) = import_bundles([old_zip], trusted_keys(trainer))
        assert [merge.into_id for merge in second.merged.merges] == [new.id] and second.merged.withheld == ()
        assert survivor_of(old.id) == new.id and read_sections(new.id) == {"empathy": {"s1"}}
