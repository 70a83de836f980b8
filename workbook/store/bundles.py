"""Progress bundles: one learner's activity written to a ZIP file on one machine, merged on another.

This module holds the format (entries, limits, what a bundle holds) and the export. Reading a file
back, checked completely before the database is touched so a damaged or hostile file is refused with
its reason, is `store/bundle_reading.py`; merging a checked bundle (a union of rows, in one
transaction) is `store/bundle_merge.py`.

Each bundle is signed by the exporting installation's Ed25519 key (`signature.json` signs the exact
bytes of `manifest.json`, which holds the SHA-256 of the rows), and an import accepts only bundles
signed by a key the trainer trusts: editing a score or re-keying rows to another learner and
recomputing the checksum no longer passes. What it cannot stop: someone holding a trusted PC's key
file can sign anything (README, "What signing protects").
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from json.encoder import encode_basestring as _json_text
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec import Struct

from workbook import __version__
from workbook.files import write_bytes_atomic
from workbook.keys import b64, fingerprint, installation_name, key_id
from workbook.store import merges as profile_merges
from workbook.store.clock import utc_now_text
from workbook.store.dialect import INSERTION_ORDER
from workbook.store.models import ActivityRecord, LearnerRecord, database
from workbook.store.quiz_questions import STORED_APART, expand_payload
from workbook.store.settings import device_id

if TYPE_CHECKING:  # cryptography loads when a bundle is signed or checked, not with the trainer's pages
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

FORMAT = "workbook-progress"
FORMAT_VERSION = 3  # 3: with merges.jsonl; 2: signed (still read); 1 was checksummed only and is refused
OLDEST_READ = 2
MANIFEST = "manifest.json"
ACTIVITIES = "activities.jsonl"
MERGES = "merges.jsonl"  # format 3: the profile merges touching the bundle's learner (store/merges.py)
SIGNATURE = "signature.json"
ENTRIES = (MANIFEST, ACTIVITIES, MERGES, SIGNATURE)  # written in this order
MAX_MERGES_BYTES = 4 * 1024 * 1024
MAX_MERGES = 10_000
MAX_SIGNATURE_BYTES = 4096
COLUMNS = ("id", "learner_id", "verb", "module_id", "object_id", "attempt_id", "payload", "occurred_at",
           "device_id")

# Limits, read at call time (`bundles.MAX_...`) so tests can lower them. A learner's year of activity
# is a few thousand rows (well under 10 MB); these leave room for heavy use and refuse zip bombs.
MAX_BUNDLE_BYTES = 200 * 1024 * 1024  # the ZIP file itself
MAX_MANIFEST_BYTES = 1024 * 1024  # manifest.json uncompressed
MAX_ACTIVITIES_BYTES = 256 * 1024 * 1024  # activities.jsonl uncompressed
MAX_ROWS = 500_000
MAX_ID = 64  # characters in a learner, row or device id
MAX_TEXT = 200  # characters in a display name or employee id
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # ZIP entry times, so the same export gives the same bytes


class BundleError(Exception):
    """A bundle that cannot be written or imported; `reason` is written for the user."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class BundleLearner(Struct, frozen=True):
    """The learner profile as the exporting machine had it."""

    id: str
    display_name: str
    employee_id: str | None
    created_at: str
    archived_at: str | None
    email: str | None = None  # optional: bundles written before email existed have none


class BundleSigner(Struct, frozen=True):
    """The installation that signed a bundle; its signature has been checked against `public_key`."""

    key_id: str
    installation: str  # the PC's name, as it signed it
    public_key: bytes  # raw 32 bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key_id)

    def public(self) -> Ed25519PublicKey:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        return Ed25519PublicKey.from_public_bytes(self.public_key)


class Bundle(Struct, frozen=True):
    """A bundle read and checked in full; `activities` are row dicts keyed by COLUMNS."""

    path: Path
    format_version: int
    app_version: str
    exported_at: str
    device_id: str
    learner: BundleLearner
    activities: tuple[dict[str, str | None], ...]
    signer: BundleSigner
    merges: tuple[dict[str, str], ...] = ()  # rows keyed by MERGE_COLUMNS; none in format 2
    digest: str = ""  # SHA-256 of the rows file (and of the merges file, format 3), as signed
    count: int = 0  # rows in the file, as signed
    rows_checked: bool = True  # False: the rows were not read (this exact file was merged before)


class BundleSummary(Struct, frozen=True):
    """What export_bundle wrote."""

    path: Path
    learner_id: str
    display_name: str
    activities: int
    sha256: str
    size: int


# --- export ------------------------------------------------------------------------------------


def export_bundle(learner_id: str, out: Path, key: Ed25519PrivateKey, now: datetime | None = None,
                  installation: str | None = None) -> BundleSummary:
    """Write the learner's profile and every activity row to `out` (replaced atomically), signed
    with this installation's `key`.

    Ties in `occurred_at` keep this database's insertion order: the quiz and call readers order
    same-time rows by rowid, and the importer inserts rows in file order, so they read back alike.
    """
    out = Path(out)
    with database.atomic():  # one consistent snapshot of the profile and its rows
        learner = LearnerRecord.get_or_none(LearnerRecord.id == learner_id)
        if learner is None:
            raise BundleError(out, f"no learner with id {learner_id}")
        fields = [ActivityRecord._meta.columns[name] for name in COLUMNS]
        rows = (ActivityRecord.select(*fields).where(ActivityRecord.learner == learner_id)
                .order_by(ActivityRecord.occurred_at, INSERTION_ORDER).tuples())
        known: dict[str, str] = {}  # the file holds every row as written in full (quiz_questions)
        lines = [activity_line(row, known) for row in rows.iterator()]
        merge_lines = [json_line(row) for row in profile_merges.merge_records([learner_id])]
        device = device_id()
    if len(lines) > MAX_ROWS:
        raise BundleError(out, f"{len(lines)} activity records is more than a bundle may hold ({MAX_ROWS})")
    entries = signed_entries(learner, lines, merge_lines, key, device, utc_now_text(now), installation)
    data = build_zip(entries)
    write_bytes_atomic(out, data)
    digest = json.loads(entries[MANIFEST])["sha256"][ACTIVITIES]
    return BundleSummary(out, learner.id, learner.display_name, len(lines), digest, len(data))


def signed_entries(learner: LearnerRecord, lines: Sequence[bytes], merge_lines: Sequence[bytes],
                   key: Ed25519PrivateKey, device: str, exported_at: str,
                   installation: str | None = None) -> dict[str, bytes]:
    """The four entries of a bundle (manifest, rows, merges, signature) for `learner` and the given
    JSON lines, signed with `key`: what a bundle file holds, and what a sync batch carries."""
    activities = b"".join(lines)
    digest = hashlib.sha256(activities).hexdigest()
    merges_bytes = b"".join(merge_lines)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": exported_at,
        "device_id": device,
        "learner": {"id": learner.id, "display_name": learner.display_name,
                    "employee_id": learner.employee_id, "created_at": learner.created_at,
                    "archived_at": learner.archived_at, "email": learner.email},
        "counts": {"activities": len(lines), "merges": len(merge_lines)},
        "sha256": {ACTIVITIES: digest, MERGES: hashlib.sha256(merges_bytes).hexdigest()},
        "signed_by": {"key_id": key_id(key.public_key()),
                      "installation": (installation or installation_name())[:MAX_TEXT]},
    }
    manifest_bytes = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False)
                      + "\n").encode("utf-8")
    return {MANIFEST: manifest_bytes, ACTIVITIES: activities, MERGES: merges_bytes,
            SIGNATURE: _signature_entry(manifest_bytes, key)}


def export_every_learner(folder: Path, key: Ed25519PrivateKey,
                         progress: Callable[[int, int], None] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> list[BundleSummary]:
    """One bundle per profile on this PC (archived and merged ones too, so every row and merge
    travels) into `folder`, named after the learner and the start of the id so namesakes differ."""
    folder = Path(folder)
    learners = list(LearnerRecord.select(LearnerRecord.id, LearnerRecord.display_name)
                    .order_by(LearnerRecord.display_name, LearnerRecord.id).tuples())
    written = []
    for done, (learner_id, name) in enumerate(learners):
        if cancelled is not None and cancelled():
            break
        stem = "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-")[:40] or "learner"
        written.append(export_bundle(learner_id, folder / f"{stem}-{learner_id[:8]}.zip", key))
        if progress is not None:
            progress(done + 1, len(learners))
    return written


def _signature_entry(manifest_bytes: bytes, key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives import serialization

    public = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    body = {"key_id": key_id(key.public_key()), "public_key": b64(public),
            "signature": b64(key.sign(manifest_bytes))}
    return (json.dumps(body, sort_keys=True) + "\n").encode("ascii")


def build_zip(entries: dict[str, bytes]) -> bytes:
    """A ZIP of `entries` in the given order with fixed times, so equal content gives equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def json_line(row: dict[str, Any]) -> bytes:
    """One row as a bundle's JSON line (sorted keys, compact, UTF-8)."""
    return (json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


# An activity row's JSON line, its keys in json_line's (sorted) order, with a slot for each value.
_LINE_ORDER = tuple(sorted(range(len(COLUMNS)), key=COLUMNS.__getitem__))
_LINE = "{" + ",".join(f'"{COLUMNS[at]}":%s' for at in _LINE_ORDER) + "}\n"
_PAYLOAD, _VERB = COLUMNS.index("payload"), COLUMNS.index("verb")


def activity_line(values: Sequence[Any], known: dict[str, str]) -> bytes:
    """A stored row's values (in COLUMNS order) as `json_line(expanded_row(row, known))` writes them,
    byte for byte, without a dict per row: each text is quoted by `json.encoder.encode_basestring`,
    the function json.dumps itself uses with ensure_ascii=False (a push writes 100k of these)."""
    values = list(values)
    if values[_VERB] == STORED_APART or not isinstance(values[_PAYLOAD], str):
        values[_PAYLOAD] = expand_payload(str(values[_VERB]), str(values[_PAYLOAD]), known)
    try:
        return (_LINE % tuple(["null" if values[at] is None else _json_text(values[at])
                               for at in _LINE_ORDER])).encode("utf-8")
    except TypeError:  # a value that is not text: json.dumps writes numbers as numbers
        return json_line(dict(zip(COLUMNS, values, strict=True)))


def expanded_row(row: dict[str, str | None], known: dict[str, str]) -> dict[str, str | None]:
    """A stored row as it was written in full (an attempt start's questions put back)."""
    row["payload"] = expand_payload(str(row["verb"]), str(row["payload"]), known)
    return row


def merged_setting_key(digest: str) -> str:
    """The setting that records a bundle's signed rows (and merges) as merged here: a file whose
    digest has it is not read row by row again (`read_bundle(skip_rows_merged_before=True)`)."""
    return f"bundle-merged/{digest}"
