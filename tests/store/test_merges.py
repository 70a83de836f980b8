"""Merged profiles between real SQLite files: one person's rows read together everywhere, the merge
an append-only record that travels in bundles and converges in any arrival order."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from datetime import UTC, datetime, timedelta
from itertools import permutations
from pathlib import Path

import peewee
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from db_kit import opened
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.cli import main
from workbook.core.activity import Verb
from workbook.core.profile_merges import Merge, survivors
from workbook.keys import key_id, trust_key
from workbook.paths import database_path
from workbook.reports.xapi import statements
from workbook.store import bundles, cohorts, merges
from workbook.store.activity import activity_count, read_sections, record_activity, record_section_read
from workbook.store.bundle_merge import import_bundles
from workbook.store.bundle_reading import read_bundle
from workbook.store.bundles import export_bundle
from workbook.store.dashboard import cohort_dashboard, rebuild_totals
from workbook.store.learners import (
    AmbiguousLearner,
    active_learners,
    archive_learner,
    archived_learners,
    create_learner,
    describe,
    find_learner,
    shown_apart,
)
from workbook.store.merges import MergeError, merge_learners, person_ids, survivor_of
from workbook.store.models import LearnerRecord, MergeRecord

pytestmark = pytest.mark.both_backends  # the tests using `database` run on SQLite and PostgreSQL

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
TRUSTED = {key_id(KEY.public_key()): KEY.public_key()}


def totals(folder: Path) -> dict[str, list[tuple]]:
    """The trigger-kept dashboard totals and the aliases, read with plain sqlite3."""
    connection = sqlite3.connect(database_path(folder))
    try:
        return {table: connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in ("learner_alias", "learner_module_read", "learner_quiz_best", "learner_latest")}
    finally:
        connection.close()


def quiz(learner_id: str, percent: int, when: datetime, module_id: str = "empathy") -> None:
    record_activity(learner_id, Verb.ATTEMPT_SUBMITTED, f"{module_id}/quiz", module_id=module_id,
                    attempt_id=f"a{percent}", payload={"percent": percent, "by_skill": {"empathy": percent}},
                    now=when)


# --- merging on one PC ---------------------------------------------------------------------------


def test_a_merged_profile_counts_for_the_survivor_everywhere(database, library):
    """Sam used two PCs: her rows under both profiles read as one person's, on the dashboard too."""
    old = create_learner("Sam Taylor", "E1001")
    archive_learner(old.id)  # what the old refusal told trainers to do
    new = create_learner("Sam Taylor", "E1001")
    module = library.modules[0]
    record_section_read(old.id, module.id, module.sections[0].id, now=T0)
    quiz(old.id, 90, T0, module.id)
    record_section_read(new.id, module.id, module.sections[1].id, now=T0 + timedelta(days=1))
    quiz(new.id, 40, T0 + timedelta(days=1), module.id)
    group = cohorts.create_cohort("Night shift")
    cohorts.enrol(group.id, [old.id])

    done = merge_learners(old.id, new.id)

    assert (done.survivor, done.rows_moved_over) == (new.id, 2)
    assert person_ids(old.id) == person_ids(new.id) == [new.id, old.id]
    assert read_sections(new.id) == {module.id: {module.sections[0].id, module.sections[1].id}}
    assert activity_count(new.id) == 4 and activity_count(old.id) == 4
    board = cohort_dashboard(library, group.id)
    (row,) = board.learners  # the old profile was the member: the survivor stands for it
    assert row.learner_id == new.id and not row.archived
    assert row.sections_read == {module.id: 2} and row.quiz_best[module.id] == 90
    before = totals_now()
    rebuild_totals()  # the trigger-kept totals equal a rebuild from the rows
    assert totals_now() == before
    quiz(old.id, 95, T0 + timedelta(days=2), module.id)  # from a PC not told of the merge yet
    assert cohort_dashboard(library, group.id).learners[0].quiz_best[module.id] == 95
    assert [learner.id for learner in active_learners()] == [new.id]
    assert [m.id for m in cohorts.members(group.id)] == [new.id]
    actors = {statement["actor"]["account"]["name"] for statement in statements(library, [old.id])}
    assert actors == {new.id}


def totals_now() -> list[tuple]:
    connection = LearnerRecord._meta.database.connection()
    return [connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("learner_module_read", "learner_quiz_best", "learner_skill_total",
                          "learner_latest")]


def test_merge_records_are_append_only_and_a_merge_is_refused_twice(database):
    ann, ana = create_learner("Ann"), create_learner("Ana")
    merge_learners(ann.id, ana.id)
    with pytest.raises(MergeError, match="already the same person"):
        merge_learners(ana.id, ann.id)
    with pytest.raises(MergeError, match="No profile"):
        merge_learners(ann.id, "f" * 32)
    for statement in ("UPDATE learner_merge SET into_learner_id = 'x'", "DELETE FROM learner_merge"):
        with pytest.raises(peewee.IntegrityError, match="append-only"):
            LearnerRecord._meta.database.execute_sql(statement)
    assert MergeRecord.select().count() == 1


def test_survivors_follow_the_set_of_merges_not_their_order():
    """Chains join; a merge made both ways on two PCs settles on the earlier one."""
    ab = Merge("1", "a", "b", "2026-01-01T00:00:00.000000Z")
    bc = Merge("2", "b", "c", "2026-01-02T00:00:00.000000Z")
    ba = Merge("3", "b", "a", "2026-01-03T00:00:00.000000Z")
    for order in permutations([ab, bc, ba]):
        assert survivors(order) == {"a": "c", "b": "c"}
    assert survivors([ba, ab]) == {"a": "b"}


# --- telling profiles apart ------------------------------------------------------------------------


def test_same_names_are_shown_apart_and_an_ambiguous_name_is_refused(database):
    first, second = create_learner("Sam Taylor"), create_learner("sam  taylor")
    record_section_read(first.id, "empathy", "s1", now=T0)
    other = create_learner("Ana Lima", "E1002")
    shown = shown_apart(active_learners())
    assert shown[other.id] == "Ana Lima"
    assert shown[first.id] == "Sam Taylor (no ID, first activity 2026-03-02)"
    assert shown[second.id] == "sam taylor (no ID, no activity yet)"
    with pytest.raises(AmbiguousLearner) as several:
        find_learner("SAM TAYLOR")
    assert {c.id for c in several.value.candidates} == {first.id, second.id}
    assert find_learner(first.id).id == first.id  # the id always picks one
    assert find_learner("e1002").id == other.id


def test_an_archived_match_is_never_picked_silently(database):
    archived = create_learner("Sam Taylor", "E1001")
    archive_learner(archived.id)
    current = create_learner("Sam T.", "E1001")
    with pytest.raises(AmbiguousLearner):
        find_learner("E1001")
    assert describe(LearnerRecord.get_by_id(archived.id)).endswith("archived")
    assert [learner.id for learner in archived_learners()] == [archived.id]
    merge_learners(archived.id, current.id)
    assert find_learner("E1001").id == current.id  # one person now
    assert find_learner(archived.id).id == current.id
    assert archived_learners() == []


def test_cli_merge_and_refusals(tmp_path, capsys):
    data = tmp_path / "data"
    with opened(data):
        one, two = create_learner("Sam Taylor"), create_learner("Sam Taylor")
        record_section_read(one.id, "empathy", "s1", now=T0)
    assert main(["--data-dir", str(data), "merge-learners", "Sam Taylor", two.id, "--yes"]) == 1
    err = capsys.readouterr().err
    assert "matches 2 profiles" in err and one.id in err and two.id in err
    assert main(["--data-dir", str(data), "certificate", "--learner", "Sam Taylor",
                 "--out", str(tmp_path / "c.pdf")]) == 1
    assert "matches 2 profiles" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "merge-learners", one.id, two.id]) == 1  # no terminal to ask
    assert "--yes" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "merge-learners", one.id, two.id, "--yes"]) == 0
    assert "1 activity record of Sam Taylor now count" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "merge-learners", one.id, two.id, "--yes"]) == 1
    assert "already the same person" in capsys.readouterr().err
    with opened(data):
        assert survivor_of(one.id) == two.id


# --- bundles ------------------------------------------------------------------------------------------


def test_a_merge_travels_in_the_survivors_bundle(tmp_path, library):
    trainer, learner_pc = tmp_path / "trainer", tmp_path / "pc"
    with opened(learner_pc):
        a, b = create_learner("Sam A"), create_learner("Sam B")
        record_section_read(a.id, "empathy", "s1", now=T0)
        a_zip = export_bundle(a.id, tmp_path / "a.zip", KEY).path
        b_zip = export_bundle(b.id, tmp_path / "b.zip", KEY).path
    with opened(trainer):
        import_bundles([a_zip, b_zip], TRUSTED)
        merge_learners(a.id, b.id)
        back = export_bundle(b.id, tmp_path / "b-merged.zip", KEY).path
    assert [row["from_learner_id"] for row in read_bundle(back).merges] == [a.id]
    with opened(learner_pc):  # the trainer PC's merge, signed by a key trusted here as an issuer
        (result,) = import_bundles([back], TRUSTED, authorities=TRUSTED)
        assert result.merged.merges_added == 1
        assert [learner.id for learner in active_learners()] == [b.id]
        assert read_sections(b.id) == {"empathy": {"s1"}}
        (again,) = import_bundles([back], TRUSTED)
        assert again.merged.merges_added == 0
    with opened(tmp_path / "third"):  # had B's rows already: the same rows with a merge are still news
        import_bundles([a_zip, b_zip], TRUSTED)
        (later,) = import_bundles([back], TRUSTED)
        assert later.merged.merges_added == 1 and survivor_of(a.id) == b.id


def test_an_employee_id_clash_offers_the_merge_and_importing_merged_resolves_it(tmp_path):
    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    with opened(pc):
        remote = create_learner("Sam Taylor", "E1001")
        record_section_read(remote.id, "empathy", "s1", now=T0)
        out = export_bundle(remote.id, tmp_path / "sam.zip", KEY).path
    with opened(trainer):
        local = create_learner("Samantha Taylor", "E1001")
        (refused,) = import_bundles([out], TRUSTED)
        assert refused.refused and refused.conflict_with == local.id
        assert "merge-learners sam.zip" in refused.reason and local.id in refused.reason
        assert LearnerRecord.select().count() == 1  # nothing written
        (merged,) = import_bundles([out], TRUSTED, merge_into={out: local.id})
        assert not merged.refused and merged.merged.added == 1 and merged.merged.merges_added == 1
        assert read_sections(local.id) == {"empathy": {"s1"}}
        assert [learner.id for learner in active_learners()] == [local.id]
        (again,) = import_bundles([out], TRUSTED)  # the same person now: no clash
        assert not again.refused and again.merged.added == 0


def test_cli_imports_a_clashing_bundle_merged_into_a_profile(tmp_path, capsys):
    pc, trainer = tmp_path / "pc", tmp_path / "trainer"
    with opened(pc):
        remote = create_learner("Sam Taylor", "E1001")
        out = export_bundle(remote.id, tmp_path / "sam.zip", KEY).path
    with opened(trainer):
        local = create_learner("Samantha Taylor", "E1001")
    trust_key(KEY.public_key(), trainer, "learner PC")
    assert main(["--data-dir", str(trainer), "merge-learners", str(out), local.id, "--yes"]) == 0
    assert "imported merged into Samantha Taylor" in capsys.readouterr().out
    with opened(trainer):
        assert survivor_of(remote.id) == local.id


def test_a_format_2_bundle_is_still_read(tmp_path):
    with opened(tmp_path / "pc"):
        learner = create_learner("Old PC")
        record_section_read(learner.id, "empathy", "s1", now=T0)
        out = export_bundle(learner.id, tmp_path / "new.zip", KEY).path
    with bundles.zipfile.ZipFile(out) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    del parts[bundles.MERGES]
    manifest = json.loads(parts[bundles.MANIFEST])
    manifest["format_version"] = 2
    del manifest["sha256"][bundles.MERGES], manifest["counts"]["merges"]
    parts[bundles.MANIFEST] = json.dumps(manifest).encode()
    parts[bundles.SIGNATURE] = bundles._signature_entry(parts[bundles.MANIFEST], KEY)
    old = tmp_path / "old.zip"
    old.write_bytes(bundles.build_zip(parts))
    bundle = read_bundle(old)
    assert bundle.format_version == 2 and bundle.merges == () and len(bundle.activities) == 1


def test_a_bundle_may_not_carry_merges_of_other_peoples_profiles(tmp_path):
    """A learner PC signing a merge of someone else's profile into another is refused."""
    with opened(tmp_path / "pc"):
        learner = create_learner("Mallory")
        out = export_bundle(learner.id, tmp_path / "m.zip", KEY).path
    with bundles.zipfile.ZipFile(out) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    row = {"id": "1" * 32, "from_learner_id": "a" * 32, "into_learner_id": "b" * 32,
           "merged_at": "2026-03-02T09:00:00.000000Z", "device_id": "d"}
    parts[bundles.MERGES] = (json.dumps(row) + "\n").encode()
    manifest = json.loads(parts[bundles.MANIFEST])
    manifest["counts"]["merges"] = 1
    manifest["sha256"][bundles.MERGES] = hashlib.sha256(parts[bundles.MERGES]).hexdigest()
    parts[bundles.MANIFEST] = json.dumps(manifest).encode()
    parts[bundles.SIGNATURE] = bundles._signature_entry(parts[bundles.MANIFEST], KEY)
    forged = tmp_path / "forged.zip"
    forged.write_bytes(bundles.build_zip(parts))
    with pytest.raises(bundles.BundleError, match="not the bundle's learner"):
        read_bundle(forged)


# --- convergence --------------------------------------------------------------------------------------

PEOPLE = [f"{number:032x}" for number in range(1, 6)]


@st.composite
def merge_histories(draw):
    """Merges made on three PCs (possibly contradicting each other), each PC's learners' rows."""
    made = []
    for number in range(draw(st.integers(1, 6))):
        source, target = draw(st.sampled_from(PEOPLE)), draw(st.sampled_from(PEOPLE))
        if source != target:
            made.append((draw(st.sampled_from("xyz")), source, target, draw(st.integers(0, 5)), number))
    return made


@settings(max_examples=20, deadline=None)
@given(history=merge_histories(), seed=st.randoms(use_true_random=False))
def test_merges_converge_whatever_order_bundles_arrive_in(history, seed):
    """Three PCs make merges; every PC's bundles (one per learner) reach two trainer PCs in two
    different orders, several times over: both end with the same survivors and dashboard totals."""
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        made: list[Path] = []
        for pc in "xyz":
            with opened(root / pc):
                for index, learner_id in enumerate(PEOPLE):
                    LearnerRecord.insert(id=learner_id, display_name=f"Person {index}", employee_id=None,
                                         created_at="2026-01-05T08:00:00.000000Z").execute()
                    quiz(learner_id, 10 * index + ord(pc) % 7, T0 + timedelta(hours=index))
                for where, source, target, hour, number in history:
                    if where == pc:
                        MergeRecord.insert(id=f"{number:032x}", from_learner_id=source,
                                           into_learner_id=target, device_id=pc,
                                           merged_at=(T0 + timedelta(hours=hour)).strftime(
                                               "%Y-%m-%dT%H:%M:%S.000000Z")).execute()
                merges.refresh_aliases()
                for learner_id in PEOPLE:
                    made.append(export_bundle(learner_id, root / f"{pc}-{learner_id}.zip", KEY).path)
        found = []
        for name in ("one", "two"):
            order = list(made)
            seed.shuffle(order)
            with opened(root / name):
                for _ in range(2):  # a merge first heard of late still joins the earlier rows
                    results = import_bundles(order, TRUSTED)
                    assert not any(result.refused for result in results), [r.reason for r in results]
                    order.reverse()
                before = totals_now()
                rebuild_totals()  # what the triggers and merges kept equals a rebuild from the rows
                assert totals_now() == before
            found.append(totals(root / name))
        expected = survivors(Merge(f"{n:032x}", s, t, (T0 + timedelta(hours=h)).strftime(
            "%Y-%m-%dT%H:%M:%S.000000Z")) for _, s, t, h, n in history)
        assert found[0] == found[1]
        assert dict(found[0]["learner_alias"]) == expected


def test_a_person_enrolled_under_both_profiles_is_one_dashboard_row(database, library):
    one, two, other = create_learner("Kim"), create_learner("Kim P."), create_learner("Lee")
    group, elsewhere = cohorts.create_cohort("Day"), cohorts.create_cohort("Night")
    cohorts.enrol(group.id, [one.id, two.id, other.id])
    cohorts.enrol(elsewhere.id, [one.id])
    merge_learners(one.id, two.id)
    assert [row.learner_id for row in cohort_dashboard(library, group.id).learners] == [two.id, other.id]
    assert [row.learner_id for row in cohort_dashboard(library, elsewhere.id).learners] == [two.id]
    assert [m.id for m in cohorts.members(group.id)] == [two.id, other.id]


def test_namesakes_without_an_id_are_told_apart_on_the_dashboard(database, library):
    first, second = create_learner("Sam Taylor"), create_learner("Sam Taylor")
    record_section_read(first.id, "empathy", "s1", now=T0)
    group = cohorts.create_cohort("Day")
    cohorts.enrol(group.id, [first.id, second.id])
    shown = {row.learner_id: row.shown_name for row in cohort_dashboard(library, group.id).learners}
    assert shown == {first.id: "Sam Taylor (first activity 2026-03-02)",
                     second.id: "Sam Taylor (no activity yet)"}
