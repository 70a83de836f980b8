"""Progress bundles between real SQLite files: export, import, merge as a union, and refusals."""

from __future__ import annotations

import hashlib
import io
import json
import random
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from db_kit import opened
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.cli import main
from workbook.core.activity import Verb
from workbook.core.attempt import draw_attempt
from workbook.keys import key_id
from workbook.paths import database_path
from workbook.store import bundles, practice_calls, quiz_attempts
from workbook.store.activity import activity_count, record_section_read
from workbook.store.bundle_merge import import_bundles, merge_bundle
from workbook.store.bundle_reading import read_bundle
from workbook.store.bundles import BundleError, export_bundle
from workbook.store.connection import open_database
from workbook.store.learner_progress import learner_record
from workbook.store.learners import archive_learner, create_learner
from workbook.store.models import ActivityRecord, LearnerRecord
from workbook.store.settings import set_setting

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LEARNER = "5e1f0c2a9b8d4e7fa6c3b2d1e0f9a8b7"
KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))  # the exporting PC's key
TRUSTED = {key_id(KEY.public_key()): KEY.public_key()}  # what the importing PC trusts


def export(learner_id: str, out: Path, **options):
    """Export signed with the test PC's key."""
    return export_bundle(learner_id, out, KEY, **options)


def contents(folder: Path) -> tuple[list[tuple], list[tuple]]:
    """Every learner and activity row of a closed database, read with plain sqlite3."""
    connection = sqlite3.connect(database_path(folder))
    try:
        learners = connection.execute("SELECT * FROM learner ORDER BY id").fetchall()
        rows = connection.execute("SELECT * FROM activity ORDER BY id").fetchall()
    finally:
        connection.close()
    return learners, rows


def in_reading_order(folder: Path) -> list[str]:
    """Activity ids as the quiz and call readers order them: by time, then as inserted."""
    connection = sqlite3.connect(database_path(folder))
    try:
        return [row[0] for row in connection.execute("SELECT id FROM activity ORDER BY occurred_at, rowid")]
    finally:
        connection.close()


def file_digest(folder: Path) -> str:
    return hashlib.sha256(database_path(folder).read_bytes()).hexdigest()


def add_rows(rows: list[dict]) -> None:
    fields = [ActivityRecord._meta.columns[name] for name in bundles.COLUMNS]
    if rows:
        ActivityRecord.insert_many([tuple(row[name] for name in bundles.COLUMNS) for row in rows],
                                   fields=fields).execute()


def add_learner(learner_id: str = LEARNER, name: str = "Remote Learner",
                employee_id: str | None = None) -> None:
    LearnerRecord.insert(id=learner_id, display_name=name, employee_id=employee_id,
                         created_at="2026-01-05T08:00:00.000000Z").execute()


def make_row(number: int, learner_id: str = LEARNER, **changes) -> dict:
    row = {"id": f"{number:032x}", "learner_id": learner_id, "verb": str(Verb.SECTION_READ),
           "module_id": "empathy", "object_id": f"empathy/s{number}", "attempt_id": None, "payload": "{}",
           "occurred_at": f"2026-03-02T09:00:{number % 60:02d}.000000Z", "device_id": "device-a"}
    return row | changes


def source_bundle(folder: Path, out: Path, rows: int = 3) -> Path:
    """A bundle of LEARNER with `rows` section reads, exported from its own database in `folder` (the
    PC that recorded them: its device is the rows' "device-a")."""
    with opened(folder):
        set_setting("device_id", "device-a")
        add_learner()
        add_rows([make_row(number) for number in range(rows)])
        export(LEARNER, out, now=T0)
    return out


def entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rebuilt(path: Path, manifest: Callable[[dict], None] | None = None,
            activities: Callable[[list[dict]], list[dict]] | None = None, fix_checksum: bool = True,
            resign: bool = True) -> bytes:
    """The bundle at `path` with its manifest and rows edited, rezipped (checksum recomputed and, as
    a forger holding the exporting PC's key file could, signed again unless `resign` is False)."""
    parts = entries(path)
    data = json.loads(parts[bundles.MANIFEST])
    if activities is not None:
        rows = [json.loads(line) for line in parts[bundles.ACTIVITIES].decode().splitlines()]
        parts[bundles.ACTIVITIES] = b"".join((json.dumps(row) + "\n").encode() for row in activities(rows))
        if fix_checksum:
            data["sha256"][bundles.ACTIVITIES] = hashlib.sha256(parts[bundles.ACTIVITIES]).hexdigest()
    if manifest is not None:
        manifest(data)
    parts[bundles.MANIFEST] = json.dumps(data).encode()
    if resign:
        parts[bundles.SIGNATURE] = bundles._signature_entry(parts[bundles.MANIFEST], KEY)
    return bundles.build_zip(parts)


# --- export and import -------------------------------------------------------------------------


def test_bundle_columns_are_the_activity_table_columns(database):
    """A column added to the table must be added to the bundle format too (and its version bumped)."""
    assert set(bundles.COLUMNS) == set(ActivityRecord._meta.columns)


def test_export_then_import_reproduces_learner_and_rows(tmp_path, library, complete_everything):
    source, target, out = tmp_path / "source", tmp_path / "target", tmp_path / "ann.zip"
    with opened(source):
        learner = create_learner("Ann Lee", "E-17")
        complete_everything(library, learner.id)
        # Rows with the same time are read back in insertion order: replies copied for a replay,
        # and a quiz answer changed within one clock tick.
        call = practice_calls.start_call(learner.id, "angry-billing",
                                         prefix=[("n1", 2), ("n2", 0), ("n3", 1), ("n4", 0)], now=T0)
        module = next(module for module in library.modules if module.quiz is not None)
        plan = draw_attempt(module.quiz, module.id, random.Random(7))
        attempt = quiz_attempts.load_attempt(quiz_attempts.start_attempt(learner.id, plan, now=T0))
        question = attempt.plan.questions[0].id
        for response in ([0], [1], [2], [0], [3]):
            quiz_attempts.record_answer(attempt, question, response, now=T0)
        before = learner_record(library, learner.id)
        summary = export(learner.id, out)
    assert summary.activities > 20 and summary.display_name == "Ann Lee"
    assert [row["id"] for row in read_bundle(out).activities] == in_reading_order(source)

    with opened(target):
        (result,) = import_bundles([out], TRUSTED)
        assert not result.refused, result.reason
        assert (result.merged.added, result.merged.already_present) == (summary.activities, 0)
        assert (result.merged.learners_created, result.merged.learners_updated) == (1, 0)
        assert learner_record(library, learner.id) == before
        assert practice_calls.load_call(call.id).replies == [2, 0, 1, 0]
        assert quiz_attempts.load_attempt(attempt.id).responses[question] == (3,)
    assert contents(target) == contents(source)
    assert in_reading_order(target) == in_reading_order(source)


def test_export_is_sorted_complete_and_repeatable(database, tmp_path):
    add_learner()
    add_learner("0" * 32, "Someone Else")
    add_rows([make_row(number, occurred_at=f"2026-03-02T09:00:0{9 - number}.000000Z") for number in range(5)]
             + [make_row(99, learner_id="0" * 32)])
    first = export(LEARNER, tmp_path / "a.zip", now=T0)
    again = export(LEARNER, tmp_path / "b.zip", now=T0)

    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()
    assert first.sha256 == again.sha256 and first.activities == 5
    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        assert archive.namelist() == ["manifest.json", "activities.jsonl", "merges.jsonl", "signature.json"]
    bundle = read_bundle(tmp_path / "a.zip")
    times = [row["occurred_at"] for row in bundle.activities]
    assert times == sorted(times) and len(times) == 5
    assert bundle.learner.id == LEARNER and bundle.format_version == 3 and bundle.device_id
    assert list(tmp_path.glob(".*")) == []  # no temporary file left beside the bundle


def test_importing_the_same_bundle_twice_changes_nothing(tmp_path):
    out = source_bundle(tmp_path / "source", tmp_path / "remote.zip", rows=4)
    target = tmp_path / "target"
    with opened(target):
        add_learner("1" * 32, "Local Learner")
        add_rows([make_row(50, learner_id="1" * 32)])
        first = import_bundles([out], TRUSTED)[0].merged
    once = contents(target)
    with opened(target):
        second = import_bundles([out, out], TRUSTED)
        # Its signed rows were merged before: the second read stops at the signature and checksum.
        assert read_bundle(out, skip_rows_merged_before=True).rows_checked is False
    assert contents(target) == once
    assert (first.added, first.already_present, first.learners_created) == (4, 0, 1)
    for result in second:
        assert (result.merged.added, result.merged.already_present) == (0, 4)
        assert (result.merged.learners_created, result.merged.learners_updated) == (0, 0)


def test_known_profile_keeps_its_own_fields_and_gains_rows(tmp_path):
    out = source_bundle(tmp_path / "source", tmp_path / "remote.zip")
    target = tmp_path / "target"
    with opened(target):
        add_learner(name="Renamed Here")
        add_rows([make_row(0)])
        archive_learner(LEARNER)
        merged = import_bundles([out], TRUSTED)[0].merged
        learner = LearnerRecord.get_by_id(LEARNER)
        assert (learner.display_name, learner.archived_at is not None) == ("Renamed Here", True)
    assert (merged.added, merged.already_present, merged.learners_created, merged.learners_updated) == (
        2, 1, 0, 1)
    assert (merged.display_name, merged.bundle_name) == ("Renamed Here", "Remote Learner")


# --- merge as a union: hypothesis ----------------------------------------------------------------

_TIMES = [f"2026-03-02T09:00:0{second}.000000Z" for second in range(3)]  # few, so times tie


@st.composite
def histories(draw) -> tuple[list[dict], list[str]]:
    """Activity rows of one learner, each held by machine a, machine b, or both."""
    numbers = draw(st.lists(st.integers(0, 10_000), unique=True, max_size=12))
    rows = [make_row(number,
                     verb=draw(st.sampled_from([str(verb) for verb in Verb])),
                     module_id=draw(st.none() | st.text(max_size=8)),
                     object_id=draw(st.text(max_size=12)),
                     attempt_id=draw(st.none() | st.text(min_size=1, max_size=8)),
                     payload=json.dumps(draw(st.dictionaries(st.text(max_size=4), st.integers(),
                                                             max_size=2))),
                     occurred_at=draw(st.sampled_from(_TIMES)),
                     device_id=draw(st.sampled_from(["device-a", "device-b"])))
            for number in numbers]
    holders = draw(st.lists(st.sampled_from(["a", "b", "both"]), min_size=len(rows), max_size=len(rows)))
    return rows, holders


@settings(max_examples=25, deadline=None)
@given(history=histories())
def test_two_overlapping_bundles_merge_to_the_union_in_either_order(history):
    rows, holders = history
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        made = {}
        for machine in ("a", "b"):
            with opened(root / machine):
                add_learner()
                add_rows([row for row, held in zip(rows, holders, strict=True) if held in (machine, "both")])
                made[machine] = export(LEARNER, root / f"{machine}.zip").path
        union = sorted(tuple(row[name] for name in bundles.COLUMNS) for row in rows)
        results = {}
        for order in ("ab", "ba"):
            target = root / f"target-{order}"
            with opened(target):
                # Two trainer PCs (issuers here): each may send rows another PC recorded.
                results[order] = import_bundles([made[machine] for machine in order], TRUSTED,
                                                authorities=set(TRUSTED))
                learners, stored = contents(target)
                assert sorted(stored) == union  # no duplicate, nothing lost
                assert [learner[0] for learner in learners] == [LEARNER]
                again = import_bundles([made["a"], made["b"]], TRUSTED)
                assert contents(target) == (learners, stored)  # idempotent
                assert sum(result.merged.added for result in again) == 0
        for order, found in results.items():
            assert not any(result.refused for result in found), [result.reason for result in found]
            assert sum(result.merged.added for result in found) == len(rows), order
        assert contents(root / "target-ab") == contents(root / "target-ba")


# --- refusals --------------------------------------------------------------------------------


def _flip_inside_activities(path: Path) -> bytes:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(bundles.ACTIVITIES)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    return bytes(data)


def _cut_last_line(path: Path) -> bytes:
    """Rows cut short with a checksum that matches the cut file (as if exported that way)."""
    parts = entries(path)
    parts[bundles.ACTIVITIES] = parts[bundles.ACTIVITIES][:-5]
    manifest = json.loads(parts[bundles.MANIFEST])
    manifest["sha256"][bundles.ACTIVITIES] = hashlib.sha256(parts[bundles.ACTIVITIES]).hexdigest()
    parts[bundles.MANIFEST] = json.dumps(manifest).encode()
    parts[bundles.SIGNATURE] = bundles._signature_entry(parts[bundles.MANIFEST], KEY)
    return bundles.build_zip(parts)


def _stranger_signs(good: Path) -> bytes:
    """A signature entry made by some other key over the genuine manifest."""
    return bundles._signature_entry(entries(good)[bundles.MANIFEST], Ed25519PrivateKey.generate())


def _edit_first_row(rows: list[dict], **changes) -> list[dict]:
    return [rows[0] | changes, *rows[1:]]


def _zip_of(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


MALFORMED = {
    # name: (make the bad file from the good one, limits to lower, words the reason must hold)
    "truncated-half": (lambda good: good.read_bytes()[: good.stat().st_size // 2], {},
                       "truncated or damaged ZIP file"),
    "truncated-tail": (lambda good: good.read_bytes()[:-7], {}, "truncated or damaged ZIP file"),
    "truncated-last-line": (lambda good: _cut_last_line(good), {},
                            "truncated: the last line of activities.jsonl is incomplete"),
    "damaged-bytes": (_flip_inside_activities, {}, "truncated or damaged ZIP file"),
    "not-a-zip": (lambda good: b"progress of Ann, 3 sections\n" * 20, {}, "not a ZIP file"),
    "empty": (lambda good: b"", {}, "empty file"),
    "tampered-row": (lambda good: rebuilt(good, activities=lambda rows: _edit_first_row(rows, verb="passed"),
                                          fix_checksum=False), {}, "checksum mismatch"),
    "counts-mismatch": (lambda good: rebuilt(good, manifest=lambda m: m["counts"].update(activities=4)), {},
                        "counts mismatch: activities.jsonl has 3 records, the manifest says 4"),
    "newer-format-version": (lambda good: rebuilt(good, manifest=lambda m: m.update(format_version=4)), {},
                             "wrong format version: made by a newer workbook"),
    "unsigned-old-format": (lambda good: rebuilt(good, manifest=lambda m: m.update(format_version=1)), {},
                            "unsigned: format version 1 bundles were only checksummed"),
    "missing-signature": (lambda good: _zip_of({k: v for k, v in entries(good).items()
                                                if k != bundles.SIGNATURE}), {}, "unsigned: signature.json"),
    "forged-score-rechecksummed": (lambda good: rebuilt(good, activities=lambda rows: _edit_first_row(
        rows, payload='{"score": 100}'), resign=False), {}, "tampered: the signature does not match"),
    "rekeyed-to-another-learner": (lambda good: rebuilt(good, manifest=lambda m: m["learner"].update(
        id="f" * 32), activities=lambda rows: [r | {"learner_id": "f" * 32} for r in rows], resign=False), {},
        "tampered: the signature does not match"),
    "signed-by-a-different-key": (
        lambda good: _zip_of({**entries(good), bundles.SIGNATURE: _stranger_signs(good)}), {},
        "tampered: signature.json names a key"),
    "wrong-format": (lambda good: rebuilt(good, manifest=lambda m: m.update(format="xapi")), {},
                     "wrong format"),
    "oversized-file": (lambda good: good.read_bytes(), {"MAX_BUNDLE_BYTES": 200}, "oversized"),
    "oversized-entry": (lambda good: good.read_bytes(), {"MAX_ACTIVITIES_BYTES": 100},
                        "oversized: activities.jsonl unpacks to"),
    "too-many-rows": (lambda good: good.read_bytes(), {"MAX_ROWS": 2}, "oversized: 3 activity records"),
    "missing-manifest": (lambda good: _zip_of({bundles.ACTIVITIES: entries(good)[bundles.ACTIVITIES]}), {},
                         "manifest.json is missing"),
    "missing-activities": (lambda good: _zip_of({bundles.MANIFEST: entries(good)[bundles.MANIFEST]}), {},
                           "activities.jsonl is missing"),
    "extra-entry": (lambda good: _zip_of({**entries(good), "run.sh": b"rm -rf ~"}), {},
                    "unexpected entries run.sh"),
    "manifest-not-json": (lambda good: _zip_of({**entries(good), bundles.MANIFEST: b"{format: 1"}), {},
                          "manifest.json is not valid JSON"),
    "row-for-another-learner": (lambda good: rebuilt(good, activities=lambda rows: _edit_first_row(
        rows, learner_id="f" * 32)), {},
        f"line 1 belongs to learner {'f' * 32}, not the bundle's learner {LEARNER}"),
    "row-missing-field": (lambda good: rebuilt(good, activities=lambda rows: [
        {k: v for k, v in row.items() if k != "verb"} for row in rows]), {}, "line 1: missing fields verb"),
    "row-wrong-type": (lambda good: rebuilt(good, activities=lambda rows: _edit_first_row(
        rows, occurred_at=5)), {}, "line 1: 'occurred_at' must be text"),
    "row-bad-time": (lambda good: rebuilt(good, activities=lambda rows: _edit_first_row(
        rows, occurred_at="yesterday")), {}, "'occurred_at' must be a UTC timestamp"),
    "row-repeated": (lambda good: rebuilt(good, activities=lambda rows: [*rows, rows[0]],
                                          manifest=lambda m: m["counts"].update(activities=4)),
                     {}, "line 4 repeats activity id"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_malformed_bundle_is_refused_with_its_reason_and_database_untouched(case, tmp_path, monkeypatch,
                                                                          capsys):
    make, limits, reason = MALFORMED[case]
    good = source_bundle(tmp_path / "source", tmp_path / "good.zip")
    bad = tmp_path / f"{case}.zip"
    bad.write_bytes(make(good))
    target = tmp_path / "target"
    with opened(target):
        add_learner("1" * 32, "Local Learner")
        add_rows([make_row(number, learner_id="1" * 32) for number in (40, 41)])
    before, digest = contents(target), file_digest(target)
    for name, value in limits.items():
        monkeypatch.setattr(bundles, name, value)

    with pytest.raises(BundleError) as refused:
        read_bundle(bad)
    assert reason in refused.value.reason
    assert str(bad) in str(refused.value)

    assert main(["import-progress", str(bad), "--data-dir", str(target)]) == 1
    assert f"{bad}: refused: {refused.value.reason}" in capsys.readouterr().err
    assert contents(target) == before
    assert file_digest(target) == digest


def test_rebuilt_bundle_without_edits_is_accepted(tmp_path):
    """The refusal cases differ from a good bundle only by their one defect."""
    good = source_bundle(tmp_path / "source", tmp_path / "good.zip")
    again = tmp_path / "again.zip"
    again.write_bytes(rebuilt(good, manifest=lambda m: None, activities=lambda rows: rows))
    assert read_bundle(again).activities == read_bundle(good).activities


def test_failure_mid_merge_rolls_everything_back(tmp_path):
    out = source_bundle(tmp_path / "source", tmp_path / "remote.zip", rows=5)
    target = tmp_path / "target"
    with opened(target) as db:
        db.execute_sql(f"""CREATE TRIGGER refuse_one BEFORE INSERT ON activity WHEN NEW.id = '{3:032x}'
                           BEGIN SELECT RAISE(ABORT, 'disk says no'); END""")
        (result,) = import_bundles([out], TRUSTED)
        assert result.refused and "disk says no" in result.reason
        assert LearnerRecord.get_or_none(LearnerRecord.id == LEARNER) is None
        assert activity_count() == 0


def test_row_differing_from_the_stored_row_of_its_id_is_refused(tmp_path):
    out = source_bundle(tmp_path / "source", tmp_path / "remote.zip")
    target = tmp_path / "target"
    with opened(target):
        add_learner()
        add_rows([make_row(1, payload='{"changed": true}')])
        (result,) = import_bundles([out], TRUSTED)
        assert result.refused and f"activity {1:032x} differs" in result.reason
        assert activity_count() == 1


def test_employee_id_of_another_active_profile_is_refused(tmp_path):
    source, target = tmp_path / "source", tmp_path / "target"
    with opened(source):
        remote = create_learner("Remote Ann", "E-17")
        record_section_read(remote.id, "empathy", "intro")
        export(remote.id, tmp_path / "ann.zip")
    with opened(target):
        create_learner("Local Ann", "E-17")
        (result,) = import_bundles([tmp_path / "ann.zip"], TRUSTED)
        assert result.refused and "employee ID E-17 belongs to 'Local Ann'" in result.reason
        assert LearnerRecord.select().count() == 1 and activity_count() == 0


def test_bundle_for_an_unknown_learner_id_creates_the_profile(tmp_path):
    out = source_bundle(tmp_path / "source", tmp_path / "remote.zip")
    with opened(tmp_path / "target"):
        merged = merge_bundle(read_bundle(out))
        learner = LearnerRecord.get_by_id(LEARNER)
    assert (learner.display_name, learner.created_at) == ("Remote Learner", "2026-01-05T08:00:00.000000Z")
    assert (merged.added, merged.learners_created) == (3, 1)


# --- command line ------------------------------------------------------------------------------


def test_cli_export_then_import(tmp_path, capsys):
    source, target, out = tmp_path / "source", tmp_path / "target", tmp_path / "ann.zip"
    with opened(source):
        learner = create_learner("Ann Lee", "E-17")
        for number in range(3):
            record_section_read(learner.id, "empathy", f"s{number}")
    assert main(["export-progress", "--learner", "ann lee", "--out", str(out),
                 "--data-dir", str(source)]) == 0
    from workbook.keys import fingerprint, key_id, load_or_create_key

    shown = fingerprint(key_id(load_or_create_key(source).public_key()))
    assert capsys.readouterr().out.splitlines() == [
        f"3 activity records of Ann Lee exported to {out}",
        f"Signed by this PC, key fingerprint {shown}: if the trainer's PC asks whether to trust this PC, it "
        "must show the same fingerprint."]

    key_file = tmp_path / "source.pem"
    assert main(["export-key", "--out", str(key_file), "--data-dir", str(source)]) == 0
    assert main(["import-key", str(key_file), "--data-dir", str(target)]) == 0
    capsys.readouterr()
    assert main(["import-progress", str(out), str(out), "--data-dir", str(target)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"{out}: Ann Lee (new profile): 3 added, 0 already present",
                     f"{out}: Ann Lee (existing profile): 0 added, 3 already present"]
    assert contents(target) == contents(source)


def test_cli_export_of_unknown_learner_fails(data_dir, tmp_path, capsys):
    with opened(data_dir):
        create_learner("Ann Lee")
    out = tmp_path / "nobody.zip"
    assert main(["export-progress", "--learner", "Nobody", "--out", str(out),
                 "--data-dir", str(data_dir)]) == 3
    assert capsys.readouterr().err.startswith("No learner called 'Nobody'")
    assert not out.exists()
    missing = tmp_path / "no-such-folder" / "ann.zip"
    assert main(["export-progress", "--learner", "Ann Lee", "--out", str(missing),
                 "--data-dir", str(data_dir)]) == 3
    assert "no such folder" in capsys.readouterr().err


def test_cli_import_merges_good_files_and_fails_for_a_refused_one(tmp_path, capsys):
    good = source_bundle(tmp_path / "source", tmp_path / "good.zip")
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"not a bundle")
    missing = tmp_path / "missing.zip"
    target = tmp_path / "target"
    from workbook.keys import trust_key
    trust_key(KEY.public_key(), target)
    assert main(["import-progress", str(bad), str(good), str(missing), "--data-dir", str(target)]) == 7
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [f"{good}: Remote Learner (new profile): 3 added, 0 already present"]
    errors = captured.err.splitlines()
    assert errors[0] == f"{bad}: refused: not a progress bundle (not a ZIP file)"
    assert errors[1].startswith(f"{missing}: refused: cannot read")
    assert errors[2] == "2 files refused; nothing from them was imported"
    assert len(contents(target)[1]) == 3


def test_the_learner_email_travels_with_the_bundle(tmp_path):
    from workbook.store.bundle_merge import import_bundles
    from workbook.store.learners import create_learner, get_learner
    from workbook.store.models import LearnerRecord

    first = open_database(tmp_path / "one" / "workbook.sqlite")
    learner = create_learner("Mail Carrier", "E-900")
    LearnerRecord.update(email="mail@example.com").where(LearnerRecord.id == learner.id).execute()
    export(learner.id, tmp_path / "bundle.zip")
    first.close()
    second = open_database(tmp_path / "two" / "workbook.sqlite")
    try:
        import_bundles([tmp_path / "bundle.zip"], TRUSTED)
        assert get_learner(learner.id).email == "mail@example.com"
    finally:
        second.close()


def test_bundle_from_an_untrusted_pc_is_refused_until_trusted(tmp_path, capsys):
    """An unknown key is refused, the database stays byte-identical, and the refusal says which PC and
    how to trust it; once a trainer trusts the key, the same file imports."""
    from workbook.keys import trust_key

    good = source_bundle(tmp_path / "source", tmp_path / "good.zip")
    target = tmp_path / "target"
    with opened(target):
        add_learner("1" * 32, "Local Learner")
    before = file_digest(target)
    with opened(target):
        (result,) = import_bundles([good], {})
    assert result.refused and result.untrusted is not None
    assert "not trusted" in result.reason and result.untrusted.fingerprint in result.reason
    assert file_digest(target) == before
    assert main(["import-progress", str(good), "--data-dir", str(target)]) == 1
    assert "does not trust yet" in capsys.readouterr().err and file_digest(target) == before
    trust_key(result.untrusted.public(), target, result.untrusted.installation)
    assert main(["import-progress", str(good), "--data-dir", str(target)]) == 0
