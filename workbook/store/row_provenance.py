"""Who brought each activity row here, and which rows of a bundle an import takes.

Rows are keyed by ids anyone can copy (they travel in every bundle), so an id alone says nothing
about who recorded it. Every row an import adds is written down with the key that signed its bundle
(`activity_source`, the FIRST signer: a later copy from another PC changes nothing), and a row is
taken from a bundle only when its signer may speak for it (`admit`):

- a PC that is not a trainer's (not one of the `authorities`) sends the rows it recorded itself
  (the row's device is the bundle's device); rows it holds from another PC are refused, so a
  colleague's rows delivered first from someone else's PC cannot take their ids (or vouch for a
  merge of that colleague's profile: `merge_vouching` counts only the rows a key brought first);
- such a PC records only the certificates its own key issued: a certificate record naming another
  key is refused, so it never reaches that key's register (`certificates.issued_with_key`);
- a row whose id is here already with other content, first sent by ANOTHER key, is refused and
  named with the PC that sent it first; the rest of the bundle still merges. The same key changing
  its own row (or a row recorded on this PC) still refuses the whole file, as before.

Refused rows are kept in `activity_refused` with the PC that sent them and why: nothing sent is lost,
and a trainer sees who tried what, at the import and later (`refused_groups`: `workbook
refused-records` and the trainer's drill-down). Schema: `store/schema_provenance.py`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Sequence

from msgspec import Struct

from workbook.core.activity import Verb
from workbook.keys import fingerprint
from workbook.store import dialect
from workbook.store.bundles import COLUMNS, Bundle, BundleError, BundleSigner, expanded_row, json_line
from workbook.store.models import ActivityRecord, LearnerRecord, database

_BATCH = 900  # ids per IN (...): under SQLite's oldest limit of 999 parameters
_CERTIFICATE = str(Verb.CERTIFICATE_ISSUED)


class RefusedRow(Struct, frozen=True):
    """A row an import did not take, with the PC that sent it and why."""

    activity_id: str
    learner_id: str
    pc: str
    key_fingerprint: str
    reason: str

    def text(self) -> str:
        return (f"activity {self.activity_id} sent by the PC '{self.pc}' (key {self.key_fingerprint}): "
                f"{self.reason}")


class Admission(Struct, frozen=True):
    """A bundle's rows sorted: new here and taken, already here (the same row), refused with why."""

    new_rows: list[dict[str, str | None]]
    already_present: int
    refused: list[tuple[dict[str, str | None], str]]


def admit(bundle: Bundle, authorities: Collection[str] = ()) -> Admission:
    """Sort the bundle's rows (module docstring); raises BundleError when its own signer, or this
    PC, recorded a row of the same id with other content (rows never change once recorded)."""
    signer = bundle.signer
    trainer = signer.key_id in authorities
    by_id = {str(row["id"]): row for row in bundle.activities}
    present = present_rows(list(by_id))
    first = first_sources([row_id for row_id, stored in present.items() if stored != by_id[row_id]])
    new_rows, refused, already = [], [], 0
    for row in bundle.activities:
        stored = present.get(str(row["id"]))
        if stored is not None:
            if stored == row:
                already += 1
                continue
            source = first.get(str(row["id"]))
            if source is None or source[0] == signer.key_id:
                raise BundleError(bundle.path, f"conflict: activity {row['id']} differs from the row of the "
                                               "same id already here (rows never change once recorded)")
            refused.append((row, f"differs from the row of the same id that the PC '{source[1]}' (key "
                                 f"{fingerprint(source[0])}) sent first (rows never change once recorded): "
                                 "kept aside, not counted"))
        elif not trainer and row["device_id"] != bundle.device_id:
            device = str(row["device_id"])[:8]
            refused.append((row, f"recorded on another PC (device {device}), not on the PC that signed this "
                                 "file: only the PC that recorded a row, or a trainer's PC, may send it"))
        elif not trainer and _names_other_key(row, signer):
            refused.append((row, f"a certificate record naming the key {fingerprint(_named_key(row))}, which "
                                 "did not sign this file: only the PC holding a key records the certificates "
                                 "it issued, so it was not added to that key's register"))
        else:
            new_rows.append(row)
    return Admission(new_rows, already, refused)


def _named_key(row: dict[str, str | None]) -> str:
    try:
        payload = json.loads(str(row["payload"]))
        return str(payload.get("key_id") or "") if isinstance(payload, dict) else ""
    except ValueError:
        return ""


def _names_other_key(row: dict[str, str | None], signer: BundleSigner) -> bool:
    return row["verb"] == _CERTIFICATE and _named_key(row) != signer.key_id


def present_rows(ids: Sequence[str]) -> dict[str, dict[str, str | None]]:
    """The stored rows among `ids`, keyed by id, looked up by primary key in batches of plain SQL."""
    columns = ", ".join(ActivityRecord._meta.columns[name].column_name for name in COLUMNS)
    table = ActivityRecord._meta.table_name
    found = {}
    known: dict[str, str] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start:start + _BATCH]
        marks = ", ".join([dialect.param()] * len(chunk))
        cursor = database.execute_sql(f"SELECT {columns} FROM {table} WHERE id IN ({marks})", chunk)
        for values in cursor.fetchall():
            found[values[0]] = expanded_row(dict(zip(COLUMNS, values, strict=True)), known)
    return found


def first_sources(ids: Sequence[str]) -> dict[str, tuple[str, str]]:
    """id -> (key id, PC name) of the bundle that first brought each row; rows recorded here (or
    imported before sources were kept) are absent."""
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = list(ids[start:start + _BATCH])
        marks = ", ".join([dialect.param()] * len(chunk))
        cursor = database.execute_sql("SELECT activity_id, key_id, installation FROM activity_source "
                                      f"WHERE activity_id IN ({marks})", chunk)
        for activity_id, key, pc in cursor.fetchall():
            found[activity_id] = (key, pc)
    return found


def record_sources(ids: Iterable[str], signer: BundleSigner, now: str) -> None:
    """Write down `signer` as the first to bring these rows (new here, inside the import's transaction)."""
    dialect.execute("INSERT INTO activity_source (activity_id, key_id, installation, delivered_at) "
                    f"SELECT value, :key, :pc, :now FROM {dialect.json_array_values('ids')} "
                    "WHERE true ON CONFLICT (activity_id) DO NOTHING",  # WHERE: SQLite's upsert parsing
                    {"key": signer.key_id, "pc": signer.installation, "now": now,
                     "ids": json.dumps(list(ids))})


def keep_refused(refused: Iterable[tuple[dict[str, str | None], str]], signer: BundleSigner,
                 now: str) -> list[RefusedRow]:
    """Keep the refused rows (each once per key and content), and return them named for the import."""
    kept, values = [], []
    for row, reason in refused:
        text = json_line(dict(row)).decode("utf-8").rstrip("\n")
        values.append((row["id"], signer.key_id, hashlib.sha256(text.encode("utf-8")).hexdigest(),
                       row["learner_id"], signer.installation, reason, text, now))
        kept.append(RefusedRow(str(row["id"]), str(row["learner_id"]), signer.installation,
                               signer.fingerprint, reason))
    dialect.execute_many("INSERT INTO activity_refused (activity_id, key_id, row_sha256, learner_id, "
                         "installation, reason, row_json, refused_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                         "ON CONFLICT (activity_id, key_id, row_sha256) DO NOTHING", values)
    return kept


def refused_rows(learner_id: str | None = None) -> list[RefusedRow]:
    """Every row kept aside by an import (of one learner profile, or all), oldest first."""
    where = f" WHERE learner_id = {dialect.param()}" if learner_id is not None else ""
    cursor = database.execute_sql("SELECT activity_id, learner_id, installation, key_id, reason FROM "
                                  f"activity_refused{where} ORDER BY refused_at, activity_id",
                                  (learner_id,) if learner_id is not None else ())
    return [RefusedRow(activity_id, learner, pc, fingerprint(key), reason)
            for activity_id, learner, pc, key, reason in cursor.fetchall()]


class RefusedGroup(Struct, frozen=True):
    """The rows of one learner profile refused from one PC's key for one reason, for a trainer to
    review later (`workbook refused-records`, the trainer's drill-down): how many, when first and
    last (UTC text as stored), and one of their activity ids as an example."""

    learner_id: str
    learner_name: str | None  # None: no profile of that id here
    pc: str
    key_id: str
    reason: str
    count: int
    first_refused_at: str
    last_refused_at: str
    example_activity_id: str

    @property
    def key_fingerprint(self) -> str:
        return fingerprint(self.key_id)


def refused_groups(learner_ids: Sequence[str] | None = None) -> list[RefusedGroup]:
    """The rows kept aside by imports, grouped per learner profile, sending PC, key and reason (of
    the profiles `learner_ids`, or all), the group refused most recently first."""
    where, values = "", ()
    if learner_ids is not None:
        if not learner_ids:
            return []
        where = f" WHERE r.learner_id IN ({', '.join([dialect.param()] * len(learner_ids))})"
        values = tuple(learner_ids)
    learner = LearnerRecord._meta.table_name
    cursor = database.execute_sql(
        "SELECT r.learner_id, l.display_name, r.installation, r.key_id, r.reason, COUNT(*) AS refused, "
        "MIN(r.refused_at) AS first_at, MAX(r.refused_at) AS last_at, MIN(r.activity_id) "
        f"FROM activity_refused r LEFT JOIN {learner} l ON l.id = r.learner_id{where} "
        "GROUP BY r.learner_id, l.display_name, r.installation, r.key_id, r.reason "
        "ORDER BY last_at DESC, refused DESC, r.learner_id, r.installation, r.key_id, r.reason", values)
    return [RefusedGroup(learner_id, name, pc, key, reason, int(count), first, last, example)
            for learner_id, name, pc, key, reason, count, first, last, example in cursor.fetchall()]


def summarized(refused: Sequence[RefusedRow]) -> list[str]:
    """One line per PC and reason ("277 rows ... e.g. activity X"), for the command line and logs."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for row in refused:
        groups.setdefault((row.pc, row.key_fingerprint, row.reason), []).append(row.activity_id)
    lines = []
    for (pc, key, reason), ids in groups.items():
        count = f"{len(ids)} activity record{'s' if len(ids) != 1 else ''}"
        lines.append(f"{count} refused from the PC '{pc}' (key {key}), e.g. activity {ids[0]}: {reason}")
    return lines
