"""Progress bundles: one learner's activity written to a ZIP file on one machine, merged on another.

A bundle is checked completely before the database is touched, and merged in one transaction, so a
damaged or hostile file is refused with its reason and leaves the database as it was. Rows are only
ever added (the activity table is append-only), keyed by their UUIDs: merging is a union, and
importing the same bundle again adds nothing.

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
import sqlite3
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workbook import __version__
from workbook.core.profile_merges import Merge, survivors
from workbook.files import write_bytes_atomic
from workbook.keys import b64, fingerprint, installation_name, key_id, unb64
from workbook.store import dialect
from workbook.store import merges as profile_merges
from workbook.store.clock import parse_utc_text, utc_now_text
from workbook.store.connection import StoreError
from workbook.store.dialect import INSERTION_ORDER
from workbook.store.merges import MERGE_COLUMNS
from workbook.store.models import ActivityRecord, LearnerRecord, database
from workbook.store.quiz_questions import compact_payload, expand_payload
from workbook.store.settings import device_id, get_setting, set_setting

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
_OPTIONAL = frozenset({"module_id", "attempt_id"})

# Limits, read at call time so tests can lower them. A learner's year of activity is a few
# thousand rows (well under 10 MB); these leave room for heavy use and refuse zip bombs.
MAX_BUNDLE_BYTES = 200 * 1024 * 1024  # the ZIP file itself
MAX_MANIFEST_BYTES = 1024 * 1024  # manifest.json uncompressed
MAX_ACTIVITIES_BYTES = 256 * 1024 * 1024  # activities.jsonl uncompressed
MAX_ROWS = 500_000
MAX_ID = 64  # characters in a learner, row or device id
MAX_TEXT = 200  # characters in a display name or employee id
_BATCH = 100  # rows per statement: 9 columns x 100 stays under SQLite's oldest variable limit (999)
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # ZIP entry times, so the same export gives the same bytes


class BundleError(Exception):
    """A bundle that cannot be written or imported; `reason` is written for the user."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class EmployeeIdConflict(BundleError):
    """The bundle's new profile has the employee ID of a different profile here (`local_id`): if they
    are the same person, a trainer imports it merged into that profile."""

    def __init__(self, path: Path, reason: str, local_id: str) -> None:
        super().__init__(path, reason)
        self.local_id = local_id


@dataclass(frozen=True)
class BundleLearner:
    """The learner profile as the exporting machine had it."""

    id: str
    display_name: str
    employee_id: str | None
    created_at: str
    archived_at: str | None
    email: str | None = None  # optional: bundles written before email existed have none


@dataclass(frozen=True)
class BundleSigner:
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


@dataclass(frozen=True)
class Bundle:
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


@dataclass(frozen=True)
class BundleSummary:
    """What export_bundle wrote."""

    path: Path
    learner_id: str
    display_name: str
    activities: int
    sha256: str
    size: int


@dataclass(frozen=True)
class MergeResult:
    """What one merge changed; `display_name` is the profile name here after the merge."""

    learner_id: str
    display_name: str
    bundle_name: str
    added: int
    already_present: int
    learners_created: int
    learners_updated: int  # an existing profile that gained rows (its own fields are never changed)
    merges_added: int = 0  # profile merge records new here


@dataclass(frozen=True)
class ImportResult:
    """One file of import_bundles: merged, or refused with the reason (and, when the only problem is
    a key not trusted yet, who signed it, so the trainer can decide to trust that PC)."""

    path: Path
    merged: MergeResult | None = None
    reason: str | None = None
    untrusted: BundleSigner | None = None
    conflict_with: str | None = None  # refused for an employee ID clash with this local profile id

    @property
    def refused(self) -> bool:
        return self.merged is None


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
        lines = [json_line(_expanded(dict(zip(COLUMNS, row, strict=True)), known))
                 for row in rows.iterator()]
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


# --- read and check ------------------------------------------------------------------------------


def _imported_key(digest: str) -> str:
    return f"bundle-merged/{digest}"


def read_bundle(path: Path, skip_rows_merged_before: bool = False) -> Bundle:
    """Read and check the whole bundle without touching the database; raises BundleError.

    With `skip_rows_merged_before`, a file whose signed rows were merged here before is checked up
    to its signature and checksum only: rows are never deleted, so there is nothing to add."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise BundleError(path, f"cannot read: {error.strerror or error}") from error
    if size == 0:
        raise BundleError(path, "empty file, not a progress bundle")
    if size > MAX_BUNDLE_BYTES:
        raise BundleError(path, f"oversized: {size:,} bytes, more than the {MAX_BUNDLE_BYTES:,} a bundle "
                                "may be")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = _check_entries(path, archive)
            manifest_bytes = _read_entry(path, archive, infos[MANIFEST], MAX_MANIFEST_BYTES)
            signature = (_read_entry(path, archive, infos[SIGNATURE], MAX_SIGNATURE_BYTES)
                         if SIGNATURE in infos else None)
            activities = _read_entry(path, archive, infos[ACTIVITIES], MAX_ACTIVITIES_BYTES)
            merges_bytes = (_read_entry(path, archive, infos[MERGES], MAX_MERGES_BYTES)
                            if MERGES in infos else None)
    except BundleError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError,
            OSError) as error:
        raise BundleError(path, _zip_problem(path, error)) from error
    return bundle_from_entries(path, manifest_bytes, signature, activities, merges_bytes,
                               skip_rows_merged_before)


def bundle_from_entries(path: Path, manifest_bytes: bytes, signature: bytes | None, activities: bytes,
                        merges_bytes: bytes | None, skip_rows_merged_before: bool = False) -> Bundle:
    """Check a bundle's entries (from its ZIP file, or a sync batch) as `read_bundle` does: the
    manifest, the signature over it, the checksums and every row; raises BundleError naming `path`."""
    for name, data, limit in ((MANIFEST, manifest_bytes, MAX_MANIFEST_BYTES),
                              (SIGNATURE, signature, MAX_SIGNATURE_BYTES),
                              (ACTIVITIES, activities, MAX_ACTIVITIES_BYTES),
                              (MERGES, merges_bytes, MAX_MERGES_BYTES)):
        if data is not None and len(data) > limit:
            raise BundleError(path, f"oversized: {name} unpacks to more than {limit:,} bytes")
    manifest = _parse_manifest(path, manifest_bytes)
    if signature is None:
        raise BundleError(path, f"unsigned: {SIGNATURE} is missing, so nobody can tell who wrote this file")
    signer = _check_signature(path, manifest, manifest_bytes, signature)
    if manifest["format_version"] >= 3 and merges_bytes is None:
        raise BundleError(path, f"truncated or incomplete: {MERGES} is missing")
    if manifest["format_version"] < 3 and merges_bytes is not None:
        raise BundleError(path, f"malformed: a format 2 bundle has no {MERGES}")
    expected = manifest["sha256"][ACTIVITIES]
    if hashlib.sha256(activities).hexdigest() != expected:
        raise BundleError(path, f"checksum mismatch: {ACTIVITIES} was changed after export (tampered or "
                                "damaged)")
    if merges_bytes is not None:
        if hashlib.sha256(merges_bytes).hexdigest() != manifest["sha256"][MERGES]:
            raise BundleError(path, f"checksum mismatch: {MERGES} was changed after export (tampered or "
                                    "damaged)")
        expected += ":" + manifest["sha256"][MERGES]  # the same rows with new merges are news
    already = skip_rows_merged_before and get_setting(_imported_key(expected)) is not None
    rows = [] if already else _parse_rows(path, activities, manifest)
    merge_rows = [] if already or merges_bytes is None else _parse_merges(path, merges_bytes, manifest)
    learner = manifest["learner"]
    return Bundle(path=path, format_version=manifest["format_version"], app_version=manifest["app_version"],
                  exported_at=manifest["exported_at"], device_id=manifest["device_id"],
                  learner=BundleLearner(**{key: learner[key] for key in _LEARNER_FIELDS},
                                        email=learner.get("email")),
                  activities=tuple(rows), signer=signer, merges=tuple(merge_rows), digest=expected,
                  rows_checked=not already, count=manifest["counts"]["activities"])


def _check_signature(path: Path, manifest: dict[str, Any], manifest_bytes: bytes,
                     data: bytes) -> BundleSigner:
    """The signer, once its signature over the manifest checks out; BundleError otherwise."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        body = json.loads(data.decode("ascii"))
        public_raw = unb64(body["public_key"])
        public = Ed25519PublicKey.from_public_bytes(public_raw)
        signature = unb64(body["signature"])
        claimed = body["key_id"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        raise BundleError(path, f"malformed: {SIGNATURE} cannot be read") from error
    if key_id(public) != claimed or manifest["signed_by"]["key_id"] != claimed:
        raise BundleError(path, f"tampered: {SIGNATURE} names a key that did not sign it")
    try:
        public.verify(signature, manifest_bytes)
    except InvalidSignature as error:
        raise BundleError(path, "tampered: the signature does not match the contents (the file was "
                                "changed after it was exported)") from error
    return BundleSigner(claimed, manifest["signed_by"]["installation"], public_raw)


def _zip_problem(path: Path, error: Exception) -> str:
    try:
        with path.open("rb") as stream:
            head = stream.read(4)
    except OSError:
        head = b""
    if isinstance(error, zipfile.BadZipFile) and head != b"PK\x03\x04":
        return "not a progress bundle (not a ZIP file)"
    return f"truncated or damaged ZIP file ({error})"


def _check_entries(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise BundleError(path, "malformed: an entry appears twice in the ZIP file")
    for name in (MANIFEST, ACTIVITIES):
        if name not in names:
            raise BundleError(path, f"truncated or incomplete: {name} is missing")
    extra = sorted(set(names) - set(ENTRIES))
    if extra:
        raise BundleError(path, f"malformed: unexpected entries {', '.join(extra)}")
    by_name = {info.filename: info for info in infos}
    limits = {MANIFEST: MAX_MANIFEST_BYTES, ACTIVITIES: MAX_ACTIVITIES_BYTES, MERGES: MAX_MERGES_BYTES,
              SIGNATURE: MAX_SIGNATURE_BYTES}
    for name, info in by_name.items():
        if info.flag_bits & 0x1:
            raise BundleError(path, f"malformed: {name} is encrypted")
        if info.file_size > limits[name]:  # checked before decompressing anything: zip bombs
            raise BundleError(path, f"oversized: {name} unpacks to {info.file_size:,} bytes, more than "
                                    f"{limits[name]:,}")
    return by_name


def _read_entry(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most `limit` bytes, whatever the header claims; the CRC is checked on the way."""
    with archive.open(info) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise BundleError(path, f"oversized: {info.filename} unpacks to more than {limit:,} bytes")
    if len(data) != info.file_size:
        raise BundleError(path, f"truncated or damaged ZIP file: {info.filename} is incomplete")
    return data


_LEARNER_FIELDS = ("id", "display_name", "employee_id", "created_at", "archived_at")


def _parse_manifest(path: Path, data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BundleError(path, f"malformed: {MANIFEST} is not valid JSON ({error})") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BundleError(path, f"wrong format: not a workbook progress bundle ({MANIFEST} has no "
                                f"'format: {FORMAT}')")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError(path, f"wrong format version: {version!r} is not a version number")
    if version > FORMAT_VERSION:
        raise BundleError(path, f"wrong format version: made by a newer workbook (format version {version}; "
                                f"this one reads up to {FORMAT_VERSION}): update the workbook")
    if version < OLDEST_READ:
        raise BundleError(path, f"unsigned: format version {version} bundles were only checksummed, so "
                                "anyone could have edited them; export it again with this version of the "
                                "workbook")

    def problem(field: str, wanted: str) -> BundleError:
        return BundleError(path, f"malformed: {MANIFEST} field '{field}' must be {wanted}")

    for field in ("app_version", "exported_at", "device_id"):
        if not _is_text(manifest.get(field)):
            raise problem(field, "text")
    if not _is_time(manifest["exported_at"]):
        raise problem("exported_at", "a UTC timestamp")
    learner = manifest.get("learner")
    if not isinstance(learner, dict):
        raise problem("learner", "an object")
    _check_learner(learner, problem)
    counts = manifest.get("counts")
    count = counts.get("activities") if isinstance(counts, dict) else None
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise problem("counts.activities", "a whole number")
    if count > MAX_ROWS:
        raise BundleError(path, f"oversized: {count:,} activity records, more than the {MAX_ROWS:,} a bundle "
                                "may hold")
    signed_by = manifest.get("signed_by")
    if not (isinstance(signed_by, dict) and _is_text(signed_by.get("key_id"), MAX_ID)
            and _is_text(signed_by.get("installation"), MAX_TEXT)):
        raise problem("signed_by", "an object with 'key_id' and 'installation'")
    sums = manifest.get("sha256")
    digest = sums.get(ACTIVITIES) if isinstance(sums, dict) else None
    if not (isinstance(digest, str) and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)):
        raise problem(f"sha256.{ACTIVITIES}", "a SHA-256 in lowercase hex")
    if version >= 3:
        merges_count = counts.get("merges")
        if not isinstance(merges_count, int) or isinstance(merges_count, bool) or merges_count < 0:
            raise problem("counts.merges", "a whole number")
        if not _is_sha256(sums.get(MERGES)):
            raise problem(f"sha256.{MERGES}", "a SHA-256 in lowercase hex")
    return manifest


def _is_sha256(digest: Any) -> bool:
    return isinstance(digest, str) and len(digest) == 64 and all(c in "0123456789abcdef" for c in digest)


def _check_learner(learner: dict[str, Any], problem: Callable[[str, str], BundleError]) -> None:
    if not _is_text(learner.get("id"), MAX_ID):
        raise problem("learner.id", f"text of at most {MAX_ID} characters")
    if not _is_text(learner.get("display_name"), MAX_TEXT):
        raise problem("learner.display_name", f"text of at most {MAX_TEXT} characters")
    if learner.get("employee_id") is not None and not _is_text(learner["employee_id"], MAX_TEXT):
        raise problem("learner.employee_id", f"null or text of at most {MAX_TEXT} characters")
    if learner.get("email") is not None and not _is_text(learner["email"], MAX_TEXT):
        raise problem("learner.email", f"null or text of at most {MAX_TEXT} characters")
    if not _is_time(learner.get("created_at")):
        raise problem("learner.created_at", "a UTC timestamp")
    if learner.get("archived_at") is not None and not _is_time(learner["archived_at"]):
        raise problem("learner.archived_at", "null or a UTC timestamp")


def _jsonl_records(path: Path, data: bytes, name: str, expected: int, limit: int) -> list[tuple[str, Any]]:
    """(where, record) for each line of a JSON-lines entry, checked as text, complete and counted."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BundleError(path, f"malformed: {name} is not UTF-8 text") from error
    if text and not text.endswith("\n"):
        raise BundleError(path, f"truncated: the last line of {name} is incomplete")
    lines = text.split("\n")[:-1] if text else []
    if len(lines) > limit:
        raise BundleError(path, f"oversized: {len(lines):,} records in {name}, more than {limit:,}")
    if len(lines) != expected:
        raise BundleError(path, f"counts mismatch: {name} has {len(lines)} records, the manifest says "
                                f"{expected}")
    records = []
    for number, line in enumerate(lines, start=1):
        where = f"{name} line {number}"
        try:
            records.append((where, json.loads(line)))
        except ValueError as error:
            raise BundleError(path, f"malformed: {where} is not valid JSON ({error})") from error
    return records


def _parse_rows(path: Path, data: bytes, manifest: dict[str, Any]) -> list[dict[str, str | None]]:
    learner_id = manifest["learner"]["id"]
    rows = []
    seen: set[str] = set()
    for where, row in _jsonl_records(path, data, ACTIVITIES, manifest["counts"]["activities"], MAX_ROWS):
        problem = _row_problem(row)
        if problem:
            raise BundleError(path, f"malformed: {where}: {problem}")
        if row["learner_id"] != learner_id:
            raise BundleError(path, f"malformed: {where} belongs to learner {row['learner_id']}, not the "
                                    f"bundle's learner {learner_id}")
        if row["id"] in seen:
            raise BundleError(path, f"malformed: {where} repeats activity id {row['id']}")
        seen.add(row["id"])
        rows.append(row)
    return rows


def _parse_merges(path: Path, data: bytes, manifest: dict[str, Any]) -> list[dict[str, str]]:
    """The merge rows, each well-formed, and all joined to the bundle's learner: a bundle carries the
    merges of its own learner's person, never merges between other people's profiles."""
    rows: list[dict[str, str]] = []
    for where, row in _jsonl_records(path, data, MERGES, manifest["counts"]["merges"], MAX_MERGES):
        if not isinstance(row, dict) or set(row) != set(MERGE_COLUMNS):
            raise BundleError(path, f"malformed: {where} must hold exactly {', '.join(MERGE_COLUMNS)}")
        if not all(_is_text(row[name], MAX_ID) for name in MERGE_COLUMNS if name != "merged_at"):
            raise BundleError(path, f"malformed: {where}: ids must be text of 1 to {MAX_ID} characters")
        if not _is_time(row["merged_at"]):
            raise BundleError(path, f"malformed: {where}: 'merged_at' must be a UTC timestamp")
        if row["from_learner_id"] == row["into_learner_id"]:
            raise BundleError(path, f"malformed: {where} merges a profile into itself")
        rows.append(row)
    learner_id = manifest["learner"]["id"]
    joined = survivors(Merge(r["id"], r["from_learner_id"], r["into_learner_id"], r["merged_at"])
                       for r in rows)
    person = joined.get(learner_id, learner_id)
    for number, row in enumerate(rows, start=1):
        if joined.get(row["from_learner_id"], row["from_learner_id"]) != person:
            raise BundleError(path, f"malformed: {MERGES} line {number} merges profiles that are not the "
                                    f"bundle's learner {learner_id}")
    return rows


def _row_problem(row: Any) -> str | None:
    """Why `row` cannot be stored as an activity row, or None."""
    if not isinstance(row, dict):
        return "not a JSON object"
    missing = [name for name in COLUMNS if name not in row]
    if missing:
        return f"missing fields {', '.join(missing)}"
    extra = sorted(set(row) - set(COLUMNS))
    if extra:
        return f"unknown fields {', '.join(extra)}"
    for name in COLUMNS:
        value = row[name]
        if value is None and name in _OPTIONAL:
            continue
        if not isinstance(value, str):
            return f"'{name}' must be text{' or null' if name in _OPTIONAL else ''}"
    for name in ("id", "learner_id", "device_id"):
        if not _is_text(row[name], MAX_ID):
            return f"'{name}' must be text of 1 to {MAX_ID} characters"
    if not row["verb"]:
        return "'verb' is empty"
    if not _is_time(row["occurred_at"]):
        return "'occurred_at' must be a UTC timestamp"
    try:
        payload = json.loads(row["payload"])
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return "'payload' must hold a JSON object"
    return None


def _is_text(value: Any, limit: int | None = None) -> bool:
    return isinstance(value, str) and bool(value) and (limit is None or len(value) <= limit)


def _is_time(value: Any) -> bool:
    """ISO 8601 with a UTC offset, as the readers parse it (`...Z` or `+00:00`)."""
    if not isinstance(value, str):
        return False
    try:
        moment = parse_utc_text(value)
    except ValueError:
        return False
    return moment.tzinfo is not None


# --- merge -------------------------------------------------------------------------------------


def merge_bundle(bundle: Bundle, merge_into: str | None = None) -> MergeResult:
    """Add the bundle's learner (if unknown), its merge records and the rows not present yet, in one
    transaction; with `merge_into` (a local profile id), also record that the bundle's learner is
    that person (what a trainer chooses when the employee IDs clash).

    Nothing already here is changed: a known profile keeps its own name and archive state, and a row
    id already present must hold the same row, or the whole bundle is refused (BundleError).
    """
    learner = bundle.learner
    with database.atomic():
        local = LearnerRecord.get_or_none(LearnerRecord.id == learner.id)
        merges_added, clashes = profile_merges.add_merge_records(bundle.merges)
        if clashes:
            raise BundleError(bundle.path, f"conflict: merge record {clashes[0]} differs from the one of "
                                           "the same id already here (merge records never change)")
        if local is None:
            LearnerRecord.insert(id=learner.id, display_name=learner.display_name,
                                 employee_id=learner.employee_id, created_at=learner.created_at,
                                 archived_at=learner.archived_at, email=learner.email).execute()
        if merge_into is not None and profile_merges.survivor_of(learner.id) != \
                profile_merges.survivor_of(merge_into):
            profile_merges.merge_learners(learner.id, merge_into)
            merges_added += 1
        if local is None and learner.employee_id is not None and learner.archived_at is None:
            _refuse_employee_id_clash(bundle)
        present = _present_rows([row["id"] for row in bundle.activities])
        new_rows = []
        for row in bundle.activities:
            stored = present.get(row["id"])
            if stored is None:
                new_rows.append(row)
            elif stored != row:
                raise BundleError(bundle.path, f"conflict: activity {row['id']} differs from the row of the "
                                               "same id already here (rows never change once recorded)")
        # One prepared statement for every row (peewee would build SQL text per batch).
        columns = ", ".join(ActivityRecord._meta.columns[name].column_name for name in COLUMNS)
        statement = (f"INSERT INTO {ActivityRecord._meta.table_name} ({columns}) "
                     f"VALUES ({', '.join('?' * len(COLUMNS))})")
        values = [tuple(compact_payload(row["verb"], row["payload"]) if name == "payload" else row[name]
                        for name in COLUMNS) for row in new_rows]
        dialect.execute_many(statement, values)
        set_setting(_imported_key(bundle.digest), utc_now_text())
    return MergeResult(learner_id=learner.id,
                       display_name=local.display_name if local is not None else learner.display_name,
                       bundle_name=learner.display_name, added=len(new_rows),
                       already_present=len(bundle.activities) - len(new_rows),
                       learners_created=int(local is None),
                       learners_updated=int(local is not None and bool(new_rows)),
                       merges_added=merges_added)


def _refuse_employee_id_clash(bundle: Bundle) -> None:
    """A new profile may not share its employee ID with another person's active profile here (the
    same person's profiles, joined by a merge, may)."""
    learner = bundle.learner
    person = profile_merges.survivor_of(learner.id)
    merged_away = profile_merges.merged_away_ids()
    for clash in (LearnerRecord.select().where(LearnerRecord.employee_id == learner.employee_id,
                                                LearnerRecord.archived_at.is_null(),
                                                LearnerRecord.id != learner.id)):
        if clash.id in merged_away or profile_merges.survivor_of(clash.id) == person:
            continue
        raise EmployeeIdConflict(
            bundle.path, f"conflict: employee ID {learner.employee_id} belongs to '{clash.display_name}' "
            f"here, a different profile from the bundle's '{learner.display_name}'. If they are the "
            "same person, a trainer can import it merged into that profile: Trainer views > Import "
            f"progress…, or 'workbook merge-learners {bundle.path.name} {clash.id}'", clash.id)


def _merged_before(bundle: Bundle) -> MergeResult:
    """The result of importing a file whose rows are all here already."""
    local = LearnerRecord.get_or_none(LearnerRecord.id == bundle.learner.id)
    name = local.display_name if local is not None else bundle.learner.display_name
    return MergeResult(learner_id=bundle.learner.id, display_name=name,
                       bundle_name=bundle.learner.display_name, added=0, already_present=bundle.count,
                       learners_created=0, learners_updated=0)


def _present_rows(ids: Sequence[str]) -> dict[str, dict[str, str | None]]:
    """The stored rows among `ids`, keyed by id, looked up by primary key in batches of plain SQL."""
    columns = ", ".join(ActivityRecord._meta.columns[name].column_name for name in COLUMNS)
    table = ActivityRecord._meta.table_name
    found = {}
    known: dict[str, str] = {}
    step = _BATCH * 9  # 900 parameters, under SQLite's oldest limit of 999
    for start in range(0, len(ids), step):
        chunk = ids[start:start + step]
        marks = ", ".join([dialect.param()] * len(chunk))
        cursor = database.execute_sql(f"SELECT {columns} FROM {table} WHERE id IN ({marks})", chunk)
        for values in cursor.fetchall():
            found[values[0]] = _expanded(dict(zip(COLUMNS, values, strict=True)), known)
    return found


def _expanded(row: dict[str, str | None], known: dict[str, str]) -> dict[str, str | None]:
    """A stored row as it was written in full (an attempt start's questions put back)."""
    row["payload"] = expand_payload(str(row["verb"]), str(row["payload"]), known)
    return row


def untrusted_reason(signer: BundleSigner) -> str:
    return (f"not trusted: signed by the PC '{signer.installation}' (key {signer.fingerprint}), which this "
            "installation does not trust yet. If that PC is one of yours, a trainer can trust it: "
            "Trainer views > Import progress, or 'workbook trust-key BUNDLE'; then import again")


def import_bundles(paths: Iterable[Path], trusted: Mapping[str, Ed25519PublicKey],
                   merge_into: Mapping[Path, str] | None = None,
                   progress: Callable[[int], None] | None = None) -> list[ImportResult]:
    """Check and merge each file on its own; a refused file changes nothing, the others still merge.
    Only bundles signed by a key in `trusted` are merged. `merge_into` maps a file to the local
    profile its learner is the same person as (a trainer's answer to an employee ID conflict);
    `progress` is told how many files are done after each."""
    results = []
    for path in map(Path, paths):
        results.append(_import_one(path, trusted, (merge_into or {}).get(path)))
        if progress is not None:
            progress(len(results))
    return results


def _import_one(path: Path, trusted: Mapping[str, Ed25519PublicKey], merge_into: str | None) -> ImportResult:
    try:
        bundle = read_bundle(path, skip_rows_merged_before=merge_into is None)
        if bundle.signer.key_id not in trusted:
            return ImportResult(path, reason=untrusted_reason(bundle.signer), untrusted=bundle.signer)
        if merge_into is not None and LearnerRecord.get_or_none(LearnerRecord.id == merge_into) is None:
            return ImportResult(path, reason=f"no profile with id {merge_into} here to merge into")
        if not bundle.rows_checked:
            return ImportResult(path, merged=_merged_before(bundle))
        return ImportResult(path, merged=merge_bundle(bundle, merge_into))
    except BundleError as error:
        return ImportResult(path, reason=error.reason, conflict_with=getattr(error, "local_id", None))
    except (StoreError, sqlite3.Error) as error:  # the bulk insert runs on the raw connection
        return ImportResult(path, reason=f"could not be merged, nothing from it was saved: {error}")
