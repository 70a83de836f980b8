"""Sync a learner PC with a central server: push its new activity, pull rosters, cohorts and keys.

The PC keeps its own SQLite store (bound to the models); the server is a second database reached by
URL (`store/server.py`). Pushing never writes the server's activity table: the PC adds signed
batches to `sync_inbox`, one per learner per chunk of rows, each holding exactly the signed entries
of a progress bundle (`bundles.signed_entries`), and a trainer's ingest (`store/sync_ingest.py`)
checks them against the trusted keys and merges them through the bundle importer.

Resumable after a kill at any point, idempotent, and confirmed:
- the chunk about to be pushed (a range of this store's rowids, which never change: rows are only
  appended) is written down locally before anything is sent, with a secret random nonce and the
  time its batches are signed at, so sending it again builds the very same batches;
- a batch's id is a hash of that nonce and its learner: nobody else can know it before it is sent
  (every PC shares the server's learner role, so predictable ids could be taken ahead of a PC);
- the batches go in with `ON CONFLICT DO NOTHING`, then the PC reads back what the server holds
  under each id: a push counts only when the server holds exactly the batch sent. An id held by
  other content is reported (`SyncResult.squatted`) and that batch is sent again under a new random
  id, written down first;
- the high-water mark moves past the chunk only after the server holds all of it.
State is kept per server id (the server's `sync_server` row), so a replaced server gets everything.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from msgspec import Struct
from peewee import Database

from workbook.keys import installation_name, key_id, trust_key, trusted_keys
from workbook.store import merges as profile_merges
from workbook.store.bundles import (
    ACTIVITIES,
    COLUMNS,
    MANIFEST,
    MERGES,
    SIGNATURE,
    activity_line,
    json_line,
    signed_entries,
)
from workbook.store.clock import utc_now_text
from workbook.store.models import (
    CohortMemberRecord,
    CohortRecord,
    LearnerRecord,
    SettingRecord,
    database,
)
from workbook.store.server import ServerError, connect_server, redact, server_sql
from workbook.store.settings import device_id, get_setting, set_setting
from workbook.store.sync_settings import store_is_a_server

if TYPE_CHECKING:  # cryptography loads when a sync signs or checks keys, not with the trainer's view
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

PUSH_ROWS = 25_000  # activity rows per chunk: one server transaction each
LAST_SYNCED = "sync_last_synced_at"
_LEARNER_COLUMNS = ("id", "display_name", "employee_id", "created_at", "archived_at", "email")
_INBOX_INSERT = ("INSERT INTO sync_inbox (batch_id, key_id, device_id, row_count, pushed_at, manifest, "
                 "activities, merges, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT DO NOTHING")  # no conflict target: the role reads back only what it may
_HELD = "key_id, device_id, row_count, pushed_at, manifest, signature"  # the README grants these columns
RESEND_TRIES = 5  # new ids for a batch whose id is taken; each is 128 random bits, so one always does


class SyncResult(Struct, frozen=True):
    """What one sync did. `trusted` tells whether the server's trusted keys include this PC's: if
    not, what it pushed waits in the server's inbox until a trainer trusts the PC."""

    server: str  # the URL, password hidden
    rows_pushed: int
    batches_pushed: int
    learners_pulled: int
    cohorts_pulled: int
    enrolments_pulled: int
    keys_pulled: int
    trusted: bool
    key_fingerprint: str
    squatted: tuple[str, ...] = ()  # batch ids the server held with other content: sent again anew


def sync_with_server(url: str, data_dir: Path, key: Ed25519PrivateKey,
                     progress: Callable[[int, int], None] | None = None,
                     cancelled: Callable[[], bool] | None = None) -> SyncResult:
    """Push every activity row and merge not yet on the server, then pull; raises ServerError
    (unreachable, schema, setup) with nothing lost: an interrupted push resumes where it stopped."""
    from workbook.keys import fingerprint

    if store_is_a_server():
        raise ServerError("this workbook is open on a server database itself: only a PC's own file syncs "
                          "with a server", "setup")
    server = connect_server(url)
    try:
        server_id = _server_id(server, url)
        rows, batches, squatted = _push(server, server_id, key, progress, cancelled)
        learners, cohorts, enrolments = _pull_rosters(server)
        keys, server_keys = _pull_keys(server, data_dir)
    except ServerError:
        raise
    except Exception as error:  # a driver's error mid-way: nothing committed on either side is lost
        if _is_store_error(error):
            raise
        if "permission denied" in str(error):
            raise ServerError(f"the server {redact(url)} refused this PC's database role ({_line(error)}): "
                              "give it the grants the README lists for learner PCs", "setup") from error
        raise ServerError(f"lost the server {redact(url)} part-way ({_line(error)}); nothing is lost, the "
                          "next sync carries on", "unreachable") from error
    finally:
        server.close()
    own = key_id(key.public_key())
    set_setting(LAST_SYNCED, utc_now_text())
    return SyncResult(redact(url), rows, batches, learners, cohorts, enrolments, keys, own in server_keys,
                      fingerprint(own), tuple(squatted))


def _is_store_error(error: Exception) -> bool:
    """An error of this PC's own SQLite store, which the caller reports as a local problem."""
    import sqlite3

    return isinstance(error, sqlite3.Error) and not isinstance(error, sqlite3.OperationalError)


def _line(error: BaseException) -> str:
    return (str(error).strip() or type(error).__name__).splitlines()[0]


def _server_id(server: Database, url: str) -> str:
    row = server.execute_sql("SELECT id FROM sync_server").fetchone()
    if row is None:
        raise ServerError(f"the server {redact(url)} has no sync id: it was not set up by the workbook",
                          "setup")
    return str(row[0])


# --- push ---------------------------------------------------------------------------------------


def _state_key(server_id: str, name: str) -> str:
    return f"sync/{server_id}/{name}"


def _push(server: Database, server_id: str, key: Ed25519PrivateKey,
          progress: Callable[[int, int], None] | None,
          cancelled: Callable[[], bool] | None) -> tuple[int, int, list[str]]:
    rows_pushed = batches_pushed = 0
    squatted: list[str] = []
    total = _rows_after(int(get_setting(_state_key(server_id, "activity_rowid")) or 0))
    while cancelled is None or not cancelled():
        chunk = _pending_chunk(server_id)
        if chunk is None:
            break
        batches, count = _chunk_batches(server_id, chunk, key)
        squatted += _send(server, server_id, chunk, batches)
        with database.atomic():  # only now, with the server holding every batch, move past the chunk
            set_setting(_state_key(server_id, "activity_rowid"), str(chunk["hi"]))
            set_setting(_state_key(server_id, "merge_rowid"), str(chunk["mhi"]))
            SettingRecord.delete().where(SettingRecord.key == _state_key(server_id, "pending")).execute()
        rows_pushed += count
        batches_pushed += len(batches)
        if progress is not None:
            progress(min(rows_pushed, total), max(total, rows_pushed))
    return rows_pushed, batches_pushed, squatted


def _send(server: Database, server_id: str, chunk: dict, batches: dict[str, tuple]) -> list[str]:
    """Insert the chunk's batches (learner id -> row), then confirm each by reading back what the
    server holds under its id; a batch whose id holds other content is sent again under a new random
    id (written down in the chunk first). Returns the ids found taken."""
    squatted: list[str] = []
    sending = dict(batches)
    for _ in range(RESEND_TRIES):
        with server.atomic():
            server.cursor().executemany(server_sql(server, _INBOX_INSERT), list(sending.values()))
        held = _held(server, [batch[0] for batch in sending.values()])
        taken = {learner_id: batch for learner_id, batch in sending.items()
                 if held.get(batch[0]) != tuple(map(str, (*batch[1:6], batch[8])))}
        if not taken:
            return squatted
        squatted += [batch[0] for batch in taken.values()]
        for learner_id in taken:
            chunk.setdefault("ids", {})[learner_id] = secrets.token_hex(16)
        set_setting(_state_key(server_id, "pending"), json.dumps(chunk, sort_keys=True))
        sending = {learner_id: (chunk["ids"][learner_id], *batch[1:]) for learner_id, batch in taken.items()}
    shown = ", ".join(squatted[-3:])
    raise ServerError(f"the server kept holding other content under this PC's fresh batch ids ({shown}): "
                      "nothing was counted as pushed; the next sync tries again", "setup")


def _held(server: Database, batch_ids: list[str]) -> dict[str, tuple]:
    """What the server holds under each id: the columns the learner role may read (the signature
    binds the manifest, and the manifest binds the rows by their SHA-256)."""
    held: dict[str, tuple] = {}
    for start in range(0, len(batch_ids), 500):
        part = batch_ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for row in server.execute_sql(server_sql(server, f"SELECT batch_id, {_HELD} FROM sync_inbox "
                                                         f"WHERE batch_id IN ({marks})"), tuple(part)):
            held[str(row[0])] = tuple(map(str, row[1:]))  # as text: a row anyone wrote compares, never fails
    return held


def _rows_after(rowid: int) -> int:
    return database.execute_sql("SELECT count(*) FROM activity WHERE rowid > ?", (rowid,)).fetchone()[0]


def _pending_chunk(server_id: str) -> dict | None:
    """The chunk being pushed (written down before it is sent), or the next one, or None when the
    server has everything."""
    written = get_setting(_state_key(server_id, "pending"))
    if written:
        chunk = json.loads(written)
        if "nonce" not in chunk:  # written by an older version, whose batch ids others could predict
            chunk.update(nonce=secrets.token_hex(16), at=utc_now_text())
            set_setting(_state_key(server_id, "pending"), json.dumps(chunk, sort_keys=True))
        return chunk
    lo = int(get_setting(_state_key(server_id, "activity_rowid")) or 0)
    mlo = int(get_setting(_state_key(server_id, "merge_rowid")) or 0)
    last = database.execute_sql("SELECT max(rowid) FROM (SELECT rowid FROM activity WHERE rowid > ? "
                                "ORDER BY rowid LIMIT ?)", (lo, PUSH_ROWS)).fetchone()[0]
    mhi = database.execute_sql("SELECT max(rowid) FROM learner_merge").fetchone()[0] or 0
    chunk = {"lo": lo, "hi": last if last is not None else lo, "mlo": mlo, "mhi": max(mhi, mlo)}
    if chunk["hi"] == lo and chunk["mhi"] == mlo:
        return None
    chunk.update(nonce=secrets.token_hex(16), at=utc_now_text())
    set_setting(_state_key(server_id, "pending"), json.dumps(chunk, sort_keys=True))
    return chunk


def _chunk_batches(server_id: str, chunk: dict, key: Ed25519PrivateKey) -> tuple[dict[str, tuple], int]:
    """One signed batch (learner id -> inbox row) per learner with rows in the chunk, plus one per
    learner of a new merge; each batch id comes from the chunk's secret nonce and its learner, and
    the batches are signed at the chunk's own time, so the same chunk gives the same batches."""
    fields = ", ".join(COLUMNS)
    by_learner: dict[str, list[bytes]] = {}
    count = 0
    known: dict[str, str] = {}  # a batch holds every row as written in full (quiz_questions)
    learner_at = COLUMNS.index("learner_id")
    for values in database.execute_sql(f"SELECT {fields} FROM activity WHERE rowid > ? AND rowid <= ? "
                                       "ORDER BY rowid", (chunk["lo"], chunk["hi"])):
        by_learner.setdefault(values[learner_at], []).append(activity_line(values, known))
        count += 1
    merged = database.execute_sql("SELECT into_learner_id, from_learner_id FROM learner_merge "
                                  "WHERE rowid > ? AND rowid <= ?", (chunk["mlo"], chunk["mhi"])).fetchall()
    for pair in merged:
        for learner_id in pair:
            if LearnerRecord.get_or_none(LearnerRecord.id == learner_id) is not None:
                by_learner.setdefault(learner_id, [])
                break
    device, installation = device_id(), installation_name()
    own = key_id(key.public_key())
    now = chunk["at"]
    batches = {}
    learners = _learners(list(by_learner))
    merge_rows = profile_merges.merge_records_of_each(list(by_learner))
    for learner_id, lines in by_learner.items():
        learner = learners.get(learner_id) or LearnerRecord.get_by_id(learner_id)
        merge_lines = [json_line(row) for row in merge_rows[learner_id]]
        entries = signed_entries(learner, lines, merge_lines, key, device, now, installation)
        batch_id = chunk.get("ids", {}).get(learner_id) or hashlib.sha256(
            f"{server_id}|{chunk['nonce']}|{learner_id}".encode()).hexdigest()[:32]
        batches[learner_id] = (batch_id, own, device, len(lines), now, entries[MANIFEST].decode("utf-8"),
                               entries[ACTIVITIES].decode("utf-8"), entries[MERGES].decode("utf-8"),
                               entries[SIGNATURE].decode("ascii"))
    return batches, count


def _learners(learner_ids: list[str]) -> dict[str, LearnerRecord]:
    """The profiles of `learner_ids` by id, in a few queries rather than one each."""
    found: dict[str, LearnerRecord] = {}
    for start in range(0, len(learner_ids), 500):
        found.update((record.id, record) for record in LearnerRecord.select().where(
            LearnerRecord.id.in_(learner_ids[start:start + 500])))
    return found


# --- pull ---------------------------------------------------------------------------------------


def _pull_rosters(server: Database) -> tuple[int, int, int]:
    """The server's cohorts, enrolments and the profiles enrolled, added here (a profile or cohort
    already here keeps its own fields, except a cohort's name and archive state, which the trainer
    owns). Returns (profiles, cohorts, enrolments) new or changed here."""
    cohorts = server.execute_sql("SELECT id, name, created_at, archived_at FROM cohort").fetchall()
    members = server.execute_sql("SELECT cohort_id, learner_id, added_at FROM cohort_member").fetchall()
    learners = server.execute_sql(f"SELECT {', '.join(_LEARNER_COLUMNS)} FROM learner WHERE id IN "
                                  "(SELECT learner_id FROM cohort_member)").fetchall()
    with database.atomic():
        known = {learner_id for (learner_id,) in LearnerRecord.select(LearnerRecord.id).tuples()}
        taken = {employee for (employee,) in LearnerRecord.select(LearnerRecord.employee_id).where(
            LearnerRecord.employee_id.is_null(False), LearnerRecord.archived_at.is_null()).tuples()}
        new_learners = [row for row in learners
                        if row[0] not in known and (row[2] is None or row[2] not in taken)]
        for row in new_learners:
            LearnerRecord.insert(dict(zip(_LEARNER_COLUMNS, row, strict=True))).on_conflict_ignore().execute()
        here = {record.id: record for record in CohortRecord.select()}
        changed = 0
        for cohort_id, name, created_at, archived_at in cohorts:
            local = here.get(cohort_id)
            if local is None:  # ignored when an active cohort here has the same name
                CohortRecord.insert(id=cohort_id, name=name, created_at=created_at,
                                    archived_at=archived_at).on_conflict_ignore().execute()
                changed += CohortRecord.get_or_none(CohortRecord.id == cohort_id) is not None
            elif (local.name, local.archived_at) != (name, archived_at):
                changed += CohortRecord.update(name=name, archived_at=archived_at).where(
                    CohortRecord.id == cohort_id).execute()
        cohort_ids = {cohort_id for (cohort_id,) in CohortRecord.select(CohortRecord.id).tuples()}
        learner_ids = {learner_id for (learner_id,) in LearnerRecord.select(LearnerRecord.id).tuples()}
        enrolled = set(CohortMemberRecord.select(CohortMemberRecord.cohort,
                                                 CohortMemberRecord.learner).tuples())
        new_members = [(c, learner, at) for c, learner, at in members
                       if c in cohort_ids and learner in learner_ids and (c, learner) not in enrolled]
        for start in range(0, len(new_members), 300):
            CohortMemberRecord.insert_many(new_members[start:start + 300], fields=[
                CohortMemberRecord.cohort, CohortMemberRecord.learner, CohortMemberRecord.added_at]).execute()
    return len(new_learners), changed, len(new_members)


def _pull_keys(server: Database, data_dir: Path) -> tuple[int, set[str]]:
    """Trust here, for progress only (never as certificate issuers), every key the server's trainers
    trust; returns (keys new here, the server's key ids)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    rows = server.execute_sql("SELECT key_id, public_key, name FROM sync_trusted_key").fetchall()
    have = trusted_keys(data_dir)
    added = 0
    listed = set()
    for identity, pem, name in rows:
        try:
            public = serialization.load_pem_public_key(str(pem).encode("ascii"))
        except (ValueError, UnicodeEncodeError):
            continue
        if not isinstance(public, Ed25519PublicKey) or key_id(public) != identity:
            continue  # a row whose id does not match its key is ignored, never trusted
        listed.add(identity)
        if identity not in have:
            trust_key(public, data_dir, str(name))
            added += 1
    return added, listed


def close_thread_connection() -> None:
    """Close the calling worker thread's own connection to the bound store (the store opens one per
    thread), once its background sync or ingest is done."""
    database.close()
