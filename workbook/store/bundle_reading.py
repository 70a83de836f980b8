"""Reading a progress bundle: the whole file checked before the database is touched.

`read_bundle` (a ZIP file) and `bundle_from_entries` (its entries, as a sync batch carries them)
check the manifest, the signature over it, the checksums and every row, and raise BundleError with
a reason written for the user, so a damaged or hostile file is refused and changes nothing. The
limits are `bundles.MAX_...`, read at call time so tests can lower them.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections.abc import Callable
from operator import itemgetter
from pathlib import Path
from typing import Any

import msgspec

from workbook.core.profile_merges import Merge, survivors
from workbook.keys import key_id, unb64
from workbook.store import bundles
from workbook.store.bundles import (
    ACTIVITIES,
    COLUMNS,
    ENTRIES,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MERGES,
    OLDEST_READ,
    SIGNATURE,
    Bundle,
    BundleError,
    BundleLearner,
    BundleSigner,
    merged_setting_key,
)
from workbook.store.clock import parse_utc_text
from workbook.store.merges import MERGE_COLUMNS
from workbook.store.settings import get_setting

_OPTIONAL = frozenset({"module_id", "attempt_id"})  # the activity columns that may be null
_COLUMN_SET = frozenset(COLUMNS)


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
    if size > bundles.MAX_BUNDLE_BYTES:
        raise BundleError(path, f"oversized: {size:,} bytes, more than the {bundles.MAX_BUNDLE_BYTES:,} a "
                                "bundle may be")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = _check_entries(path, archive)
            manifest_bytes = _read_entry(path, archive, infos[MANIFEST], bundles.MAX_MANIFEST_BYTES)
            signature = (_read_entry(path, archive, infos[SIGNATURE], bundles.MAX_SIGNATURE_BYTES)
                         if SIGNATURE in infos else None)
            activities = _read_entry(path, archive, infos[ACTIVITIES], bundles.MAX_ACTIVITIES_BYTES)
            merges_bytes = (_read_entry(path, archive, infos[MERGES], bundles.MAX_MERGES_BYTES)
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
    for name, data, limit in ((MANIFEST, manifest_bytes, bundles.MAX_MANIFEST_BYTES),
                              (SIGNATURE, signature, bundles.MAX_SIGNATURE_BYTES),
                              (ACTIVITIES, activities, bundles.MAX_ACTIVITIES_BYTES),
                              (MERGES, merges_bytes, bundles.MAX_MERGES_BYTES)):
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
    already = skip_rows_merged_before and get_setting(merged_setting_key(expected)) is not None
    rows = [] if already else _parse_rows(path, activities, manifest)
    merge_rows = [] if already or merges_bytes is None else _parse_merges(path, merges_bytes, manifest)
    learner = manifest["learner"]
    return Bundle(path=path, format_version=manifest["format_version"], app_version=manifest["app_version"],
                  exported_at=manifest["exported_at"], device_id=manifest["device_id"],
                  learner=BundleLearner(**{key: learner[key] for key in _LEARNER_FIELDS},
                                        email=learner.get("email")),
                  activities=tuple(rows), signer=signer, merges=tuple(merge_rows), digest=expected,
                  rows_checked=not already, count=manifest["counts"]["activities"])


def signer_of(path: Path, manifest_bytes: bytes, signature: bytes) -> BundleSigner:
    """Who signed a bundle's manifest, once that signature checks out (the rows are not read): tells
    a sync batch its PC really signed from a row someone else wrote under that PC's key id."""
    if len(manifest_bytes) > bundles.MAX_MANIFEST_BYTES or len(signature) > bundles.MAX_SIGNATURE_BYTES:
        raise BundleError(path, "oversized: the manifest or signature is larger than a bundle's")
    return _check_signature(path, _parse_manifest(path, manifest_bytes), manifest_bytes, signature)


def _check_signature(path: Path, manifest: dict[str, Any], manifest_bytes: bytes,
                     data: bytes) -> BundleSigner:
    """The signer, once its signature over the manifest checks out; BundleError otherwise."""
    from cryptography.exceptions import InvalidSignature  # loaded when a signature is checked
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
    limits = {MANIFEST: bundles.MAX_MANIFEST_BYTES, ACTIVITIES: bundles.MAX_ACTIVITIES_BYTES,
              MERGES: bundles.MAX_MERGES_BYTES, SIGNATURE: bundles.MAX_SIGNATURE_BYTES}
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
    if count > bundles.MAX_ROWS:
        raise BundleError(path, f"oversized: {count:,} activity records, more than the {bundles.MAX_ROWS:,} "
                                "a bundle may hold")
    signed_by = manifest.get("signed_by")
    if not (isinstance(signed_by, dict) and _is_text(signed_by.get("key_id"), bundles.MAX_ID)
            and _is_text(signed_by.get("installation"), bundles.MAX_TEXT)):
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
    if not _is_text(learner.get("id"), bundles.MAX_ID):
        raise problem("learner.id", f"text of at most {bundles.MAX_ID} characters")
    if not _is_text(learner.get("display_name"), bundles.MAX_TEXT):
        raise problem("learner.display_name", f"text of at most {bundles.MAX_TEXT} characters")
    if learner.get("employee_id") is not None and not _is_text(learner["employee_id"], bundles.MAX_TEXT):
        raise problem("learner.employee_id", f"null or text of at most {bundles.MAX_TEXT} characters")
    if learner.get("email") is not None and not _is_text(learner["email"], bundles.MAX_TEXT):
        raise problem("learner.email", f"null or text of at most {bundles.MAX_TEXT} characters")
    if not _is_time(learner.get("created_at")):
        raise problem("learner.created_at", "a UTC timestamp")
    if learner.get("archived_at") is not None and not _is_time(learner["archived_at"]):
        raise problem("learner.archived_at", "null or a UTC timestamp")


def _jsonl_records(path: Path, data: bytes, name: str, expected: int, limit: int) -> list[Any]:
    """Each line of a JSON-lines entry decoded, checked as text, complete and counted (a record's
    place, for a reason, is `_line_name(name, its number from 1)`)."""
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
    try:  # every line as _json_value decodes it, when msgspec takes them all (it nearly always does)
        return [_DECODE(line) for line in lines]
    except msgspec.MsgspecError:
        pass
    records = []
    for line in lines:
        try:
            records.append(_json_value(line))
        except ValueError as error:
            where = _line_name(name, len(records) + 1)
            raise BundleError(path, f"malformed: {where} is not valid JSON ({error})") from error
    return records


def _line_name(name: str, number: int) -> str:
    """Where a record is, for a reason: "activities.jsonl line 12"."""
    return f"{name} line {number}"


def _parse_rows(path: Path, data: bytes, manifest: dict[str, Any]) -> list[dict[str, str | None]]:
    learner_id = manifest["learner"]["id"]
    rows = []
    seen: set[str] = set()
    records = _jsonl_records(path, data, ACTIVITIES, manifest["counts"]["activities"], bundles.MAX_ROWS)
    longest = bundles.MAX_ID
    for number, row in enumerate(records, start=1):
        if not _row_fits(row, longest):  # the reason, or a row the quick test passes over after all
            problem = _row_problem(row)
            if problem:
                raise BundleError(path, f"malformed: {_line_name(ACTIVITIES, number)}: {problem}")
        if row["learner_id"] != learner_id:
            raise BundleError(path, f"malformed: {_line_name(ACTIVITIES, number)} belongs to learner "
                                    f"{row['learner_id']}, not the bundle's learner {learner_id}")
        if row["id"] in seen:
            raise BundleError(path, f"malformed: {_line_name(ACTIVITIES, number)} repeats activity id "
                                    f"{row['id']}")
        seen.add(row["id"])
        rows.append(row)
    return rows


def _parse_merges(path: Path, data: bytes, manifest: dict[str, Any]) -> list[dict[str, str]]:
    """The merge rows, each well-formed, and all joined to the bundle's learner: a bundle carries the
    merges of its own learner's person, never merges between other people's profiles."""
    rows: list[dict[str, str]] = []
    merges = _jsonl_records(path, data, MERGES, manifest["counts"]["merges"], bundles.MAX_MERGES)
    for number, row in enumerate(merges, start=1):
        where = _line_name(MERGES, number)
        if not isinstance(row, dict) or set(row) != set(MERGE_COLUMNS):
            raise BundleError(path, f"malformed: {where} must hold exactly {', '.join(MERGE_COLUMNS)}")
        if not all(_is_text(row[name], bundles.MAX_ID) for name in MERGE_COLUMNS if name != "merged_at"):
            raise BundleError(path, f"malformed: {where}: ids must be text of 1 to {bundles.MAX_ID} "
                                    "characters")
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


_ROW_VALUES = itemgetter(*COLUMNS)


def _row_fits(row: Any, longest: int) -> bool:
    """True only for a row `_row_problem` finds nothing wrong with: the same checks, in one pass with
    no reason to build, for the 100k rows of a big import (False: ask `_row_problem` why)."""
    if type(row) is not dict or row.keys() != _COLUMN_SET:
        return False
    row_id, learner_id, verb, module_id, object_id, attempt_id, payload, occurred_at, device_id = \
        _ROW_VALUES(row)
    if not (type(row_id) is str and type(learner_id) is str and type(verb) is str
            and type(object_id) is str and type(payload) is str and type(occurred_at) is str
            and type(device_id) is str
            and (module_id is None or type(module_id) is str)
            and (attempt_id is None or type(attempt_id) is str)):
        return False
    if not (0 < len(row_id) <= longest and 0 < len(learner_id) <= longest and 0 < len(device_id) <= longest
            and verb and _is_time(occurred_at)):
        return False
    try:
        return isinstance(_DECODE(payload), dict)
    except msgspec.MsgspecError:  # _row_problem decides, with json.loads as _json_value does
        return False


def _row_problem(row: Any) -> str | None:
    """Why `row` cannot be stored as an activity row, or None."""
    if not isinstance(row, dict):
        return "not a JSON object"
    if row.keys() != _COLUMN_SET:
        missing = [name for name in COLUMNS if name not in row]
        if missing:
            return f"missing fields {', '.join(missing)}"
        return f"unknown fields {', '.join(sorted(set(row) - _COLUMN_SET))}"
    for name in COLUMNS:
        value = row[name]
        if not isinstance(value, str) and not (value is None and name in _OPTIONAL):
            return f"'{name}' must be text{' or null' if name in _OPTIONAL else ''}"
    for name in ("id", "learner_id", "device_id"):
        if not _is_text(row[name], bundles.MAX_ID):
            return f"'{name}' must be text of 1 to {bundles.MAX_ID} characters"
    if not row["verb"]:
        return "'verb' is empty"
    if not _is_time(row["occurred_at"]):
        return "'occurred_at' must be a UTC timestamp"
    try:
        payload = _json_value(row["payload"])
    except ValueError:
        payload = None
    if not isinstance(payload, dict):
        return "'payload' must hold a JSON object"
    return None


_DECODE = msgspec.json.Decoder().decode


def _json_value(text: str) -> Any:
    """`json.loads(text)`, decoded by msgspec when it can (a 100k-row import spends a third of its
    reading here). msgspec refuses some text json.loads takes (NaN, 1e400, lone surrogates) and
    never takes text json.loads refuses or decodes it differently (tests/store/test_bundle_json.py),
    so its refusals go to json.loads: what a bundle may hold is what json.loads accepts."""
    try:
        return _DECODE(text)
    except msgspec.MsgspecError:
        return json.loads(text)


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
