"""The third red team's bundle attacks as real machines: Sam's PC with his progress played through the
real store, Mallory's PC holding a copy of Sam's rows (taken from his bundle with plain SQL, as a
learner can do to her own database), a trainer PC trusting both PCs for progress, each signing
with its own key."""

from __future__ import annotations

import json
import sqlite3
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from db_kit import opened
from sync_kit import with_key

from workbook.keys import PROGRESS, fingerprint, key_id, trust_key
from workbook.paths import database_path
from workbook.store.bundles import COLUMNS, export_bundle
from workbook.store.learners import create_learner
from workbook.store.merges import merge_learners
from workbook.store.settings import device_id

SAM_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(11, 43)))
MALLORY_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(13, 45)))
SAM_FP = fingerprint(key_id(SAM_KEY.public_key()))  # as the app names each key to a trainer
MALLORY_FP = fingerprint(key_id(MALLORY_KEY.public_key()))
TRAINER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(15, 47)))


def sams_pc(folder: Path, out: Path, complete: Callable[[str], None]) -> tuple[str, Path]:
    """Sam's own PC: every section, quiz and call done through the real store, exported with his key;
    (his id, the file)."""
    with_key(folder, SAM_KEY)
    with opened(folder):
        sam = create_learner("Sam Taylor", "E100")
        complete(sam.id)
        return sam.id, export_bundle(sam.id, out / "sam.zip", SAM_KEY, installation="SAM-PC").path


def bundle_rows(bundle: Path) -> tuple[dict, list[dict]]:
    """(the manifest, the rows) of a bundle file, read as anyone holding a copy can."""
    with zipfile.ZipFile(bundle) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        rows = [json.loads(line) for line in archive.read("activities.jsonl").splitlines()]
    return manifest, rows


def sabotaged(row: dict) -> dict:
    """The red team's A4 edit: every quiz submitted at 0%, every call hung up."""
    payload = json.loads(row["payload"])
    if row["verb"] == "attempt-submitted":
        payload.update(percent=0, passed=False, by_skill={name: 0 for name in payload.get("by_skill", {})})
    elif row["verb"] == "call-ended":
        skills = {name: 0 for name in payload.get("skills", {})}
        payload.update(kind="hung-up", ending="hang-up", skills=skills, fcr=False, csat=1)
    return row | {"payload": json.dumps(payload)}


def mallorys_pc(folder: Path, sams_bundle: Path, sabotage: bool = False, thief: bool = False,
                posing: bool = False) -> tuple[str, str | None]:
    """Mallory's PC holding Sam's profile and rows under their own ids, stored with plain SQL (changed
    as `sabotaged` with `sabotage`), and her own profile with `thief`; with `posing`, her PC's device
    id is set to Sam's (read from his bundle). Returns (Sam's id, Mallory's id or None)."""
    with_key(folder, MALLORY_KEY)
    manifest, rows = bundle_rows(sams_bundle)
    with opened(folder):
        device_id()  # the PC's own device id, made as the app makes it
    db = sqlite3.connect(database_path(folder))
    try:
        if posing:
            db.execute("UPDATE setting SET value = ? WHERE key = 'device_id'", (manifest["device_id"],))
        learner = manifest["learner"]
        db.execute("INSERT INTO learner (id, display_name, employee_id, created_at) VALUES (?, ?, ?, ?)",
                   (learner["id"], learner["display_name"], learner["employee_id"], learner["created_at"]))
        thief_id = uuid.uuid4().hex if thief else None
        if thief_id is not None:
            db.execute("INSERT INTO learner (id, display_name, employee_id, created_at) "
                       "VALUES (?, ?, NULL, ?)", (thief_id, "Mallory Thief", "2026-12-01T09:00:00Z"))
        stored = [sabotaged(row) if sabotage else row for row in rows]
        marks = ", ".join("?" * len(COLUMNS))
        db.executemany(f"INSERT INTO activity ({', '.join(COLUMNS)}) VALUES ({marks})",
                       [tuple(row[name] for name in COLUMNS) for row in stored])
        db.commit()
    finally:
        db.close()
    return learner["id"], thief_id


def export_from_mallory(folder: Path, learner_id: str, out: Path) -> Path:
    with opened(folder):
        return export_bundle(learner_id, out, MALLORY_KEY, installation="MALLORY-PC").path


def steal_by_merge(folder: Path, sam_id: str, thief_id: str, out: Path) -> tuple[Path, Path]:
    """The red team's A6 steps on Mallory's PC: Sam's rows exported (bundle 1), then the app's own
    merge of Sam into Mallory, then her profile exported with the merge (bundle 2)."""
    first = export_from_mallory(folder, sam_id, out / "a6_1_sam_rows_from_mallory_pc.zip")
    with opened(folder):
        merge_learners(sam_id, thief_id)
    return first, export_from_mallory(folder, thief_id, out / "a6_2_mallory_with_merge.zip")


def trainer_pc(folder: Path) -> Path:
    """The trainer's PC with its own key, trusting Sam's and Mallory's PCs for progress only."""
    with_key(folder, TRAINER_KEY)
    trust_key(SAM_KEY.public_key(), folder, "SAM-PC", (PROGRESS,))
    trust_key(MALLORY_KEY.public_key(), folder, "MALLORY-PC", (PROGRESS,))
    return folder


def supersede_row(folder: Path, certificate: Path) -> str:
    """The red team's A3 step on Mallory's PC: from a genuine certificate's signed record alone, a
    profile with its learner's id and one 'certificate-issued' row naming the issuer's key, a later
    time and a made-up certificate id; returns that row's id."""
    from workbook.reports.pdf_page import document_metadata, open_document
    from workbook.reports.signing import SignedRecord

    document = open_document(certificate.read_bytes())
    try:
        record = SignedRecord.from_metadata(document_metadata(document)["Keywords"])
    finally:
        document.close()
    fields = record.fields
    fake = dict(fields, certificate_id="WB-2026-ZZZZ-ZZZZ", issued_at="2026-12-05T09:00:00+00:00")
    payload = {"certificate_id": fake["certificate_id"], "fields": fake, "key_id": record.key_id,
               "file": "x.pdf"}
    row_id = uuid.uuid4().hex
    with_key(folder, MALLORY_KEY)
    with opened(folder) as db:
        device = device_id()
        db.execute_sql("INSERT OR IGNORE INTO learner (id, display_name, employee_id, created_at) "
                       "VALUES (?, ?, NULL, ?)", (fields["learner_id"], fields["learner_name"],
                                                  "2026-01-01T00:00:00Z"))
        marks = ", ".join("?" * len(COLUMNS))
        db.execute_sql(f"INSERT INTO activity ({', '.join(COLUMNS)}) VALUES ({marks})",
                       (row_id, fields["learner_id"], "certificate-issued", None,
                        "certificate/difficult-calls-foundation", fake["certificate_id"], json.dumps(payload),
                        "2026-12-05T09:00:00.000000Z", device))
    return row_id


def import_in_trainer_view(open_window, library, monkeypatch, finish, data_dir: Path, *files: Path):
    """As a trainer who trusts both PCs: open the window, the trainer view (passphrase accepted), and
    import `files` through *Import progress…*, waiting for the job; returns (navigator, imports)."""
    from workbook.ui import dialogs
    from workbook.ui.trainer import passphrase_dialog

    trust_key(SAM_KEY.public_key(), data_dir, "SAM-PC", (PROGRESS,))
    trust_key(MALLORY_KEY.public_key(), data_dir, "MALLORY-PC", (PROGRESS,))
    navigator = open_window(library)
    monkeypatch.setattr(passphrase_dialog, "ask_trainer_passphrase", lambda parent: True)
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *args: [str(path) for path in files])
    navigator.window.trainer_requested.emit()
    imports = navigator.trainer.imports
    navigator.trainer.page.import_button.click()
    finish(imports.running)
    return navigator, imports
